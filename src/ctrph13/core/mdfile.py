"""Markdown source files: where the body starts after the YAML front matter."""

from __future__ import annotations

import re

FRONT_MATTER_RE = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:-{3}|\.{3})[ \t]*\n", re.DOTALL)


def body_start_line(source: str) -> int:
    """1-based file line of the first line of the body that MkDocs hands to hooks.

    MkDocs drops the front matter and the blank lines after it; adding this offset turns body lines into file
    lines.
    """
    match = FRONT_MATTER_RE.match(source)
    if match is None:
        return 1
    rest = source[match.end() :]
    return match.group(0).count("\n") + 1 + (len(rest) - len(rest.lstrip("\n")))


def front_matter_title(source: str) -> str:
    """The ``title:`` of a page's front matter, else its first ``# heading``, else an empty string."""
    match = FRONT_MATTER_RE.match(source)
    if match is not None:
        for line in match.group(0).splitlines():
            if line.startswith("title:"):
                return line.removeprefix("title:").strip().strip("\"'")
    heading = re.search(r"^# (.+)$", source, re.MULTILINE)
    return heading.group(1).strip() if heading else ""
