"""Vietnamese text helpers: folding for comparison, and slugs that keep every letter (Đ included)."""

from __future__ import annotations

import re
import unicodedata

# Old and new tone placement are the same spelling ("hoà"/"hòa", "hoá"/"hóa"); NFC keeps them apart.
_OLD_TONE_PLACEMENT = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(_OLD_TONE_PLACEMENT), re.IGNORECASE)


def _retone(match: re.Match[str]) -> str:
    found = match.group(0)
    new = _OLD_TONE_PLACEMENT[found.lower()]
    return new.upper() if found.isupper() else (new[0].upper() + new[1:] if found[0].isupper() else new)


def normalise(text: str) -> str:
    """NFC with one tone placement, so that spelling variants of the signed text compare equal."""
    return _TONE_RE.sub(_retone, unicodedata.normalize("NFC", text))


def collapse(text: str) -> str:
    """Whitespace runs folded to one space, ends trimmed."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower case without diacritics, đ as d: what a reader types on a phone without a Vietnamese keyboard."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slugify(value: str, separator: str = "-", **_: object) -> str:
    """ASCII slug for headings without an explicit id ("Đường dây" -> "duong-day", not "uong-day")."""
    return re.sub(r"[^a-z0-9]+", separator, fold(value)).strip(separator)
