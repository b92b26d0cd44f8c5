"""Markdown source files: where the body starts after the YAML front matter."""

from __future__ import annotations

import re

FRONT_MATTER_RE = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:-{3}|\.{3})[ \t]*\n", re.DOTALL)


def body_start_line(source: str) -> int:
    """1-based line of the first line after the front matter (1 when there is none).

    MkDocs hands hooks the body only; adding this offset turns body lines into file lines.
    """
    match = FRONT_MATTER_RE.match(source)
    return 1 if match is None else match.group(0).count("\n") + 1
