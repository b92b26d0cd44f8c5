"""One error format for every validator: ``path:line:col: what is wrong — how to fix it``.

Validators return :class:`Diagnostic` values instead of raising, so that a build or a command-line run can
report every problem at once, then stop before anything is written.
"""

from __future__ import annotations

import os
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
