"""One error format for every validator: ``path:line:col: what is wrong — how to fix it``.

Validators return :class:`Diagnostic` values instead of raising, so that a build or a command-line run can
report every problem at once, then stop before anything is written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem in a content or data file.

    Attributes:
        path: File path relative to the repository root, with forward slashes.
        line: 1-based line in the source file (front matter included).
        col: 1-based column, or 1 where no column applies.
        message: What is wrong, in plain words.
        fix: How to fix it.
    """

    path: str
    line: int
    col: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message} — {self.fix}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, shown on the pull request's diff."""
        text = f"{self.message} — {self.fix}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},col={self.col}::{text}"


class ContentError(Exception):
    """Raised by loaders when input is so broken that nothing else can be checked."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


def relpath(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes; the absolute path if it lies outside."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def report(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """Lines to print for ``diagnostics``: the project format, plus annotations under GitHub Actions."""
    lines: list[str] = []
    for diagnostic in sorted(set(diagnostics)):
        lines.append(str(diagnostic))
        if os.environ.get("GITHUB_ACTIONS") == "true":
            lines.append(diagnostic.github_annotation())
    return lines


# Characters nobody types on purpose in this project's text: pasted from PDFs and web pages, they split a quote or
# an id from its match while looking the same on screen.
INVISIBLE = {
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2060": "word joiner",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
    "\ufeff": "zero-width no-break space",
}

_INVISIBLE_RE = re.compile("[" + "".join(INVISIBLE) + "]")


def invisible_characters(text: str, path: str, first_line: int = 1) -> list[Diagnostic]:
    """Each invisible character in ``text`` (the file ``path`` from ``first_line``), at its line and column."""
    found = []
    for match in _INVISIBLE_RE.finditer(text):
        offset, char = match.start(), match.group()
        if offset > 0 or char != "\ufeff":  # a BOM opening the file is harmless
            line, col = line_col(text, offset)
            found.append(
                Diagnostic(
                    path,
                    line + first_line - 1,
                    col,
                    f"invisible character U+{ord(char):04X} ({INVISIBLE[char]})",
                    "delete it: it is left by copying from a PDF or a web page, and breaks matching",
                )
            )
    return found
