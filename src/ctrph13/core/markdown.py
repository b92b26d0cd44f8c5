"""Markdown escaping for text from data files: nothing an editor writes in data is read as markup."""

from __future__ import annotations

import re
import string

# pymdownx.escapeall makes every ASCII punctuation character escapable, so escaping all of them is safe and
# keeps "1." from starting a list, "- " a bullet, ":" an emoji or "<" a tag.
_PUNCTUATION_RE = re.compile(f"[{re.escape(string.punctuation)}]")


def escape(text: str) -> str:
    """Backslash-escape every ASCII punctuation character (requires ``pymdownx.escapeall``)."""
    return _PUNCTUATION_RE.sub(_backslashed, text)


def _backslashed(found: re.Match[str]) -> str:
    # A function, not a template: re.sub runs it twice as fast as str.translate on this mostly-letter text.
    return "\\" + found[0]
