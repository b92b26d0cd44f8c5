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
