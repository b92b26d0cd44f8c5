"""Two languages at the same page paths: Vietnamese at ``/``, English under ``/en/``.

Each language is its own MkDocs project (``mkdocs.yml`` and ``mkdocs.en.yml``, which inherits from it), so each
has its own search index, interface language and ``<html lang>``. A plain build writes the English site into
``<site_dir>/en/``. A versioned deploy (mike) publishes Vietnamese at ``/<version>/`` and English at
``/en/<version>/``, so that Material's version selector works unchanged in both languages.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass

LANGUAGES: Mapping[str, str] = {"vi": "Tiếng Việt", "en": "English"}
PRIMARY = "vi"
ENGLISH_ONLY_PREFIX = "dev/"


@dataclass(frozen=True)
class Alternate:
    """A link to the same page in one of the site's languages."""

    lang: str
    name: str
    href: str
    current: bool


def _depth(page_url: str) -> int:
    directory = posixpath.dirname(page_url) if not page_url.endswith("/") else page_url.rstrip("/")
    return len([part for part in directory.split("/") if part])


def root_to_root(from_lang: str, to_lang: str, version: str | None) -> str:
    """Relative path from one language's site root to another's (``""`` for the same language)."""
    if from_lang == to_lang:
        return ""
    if version is None:
        return "en/" if to_lang == "en" else "../"
    # Versioned layout: vi at /<version>/, en at /en/<version>/.
    return f"../en/{version}/" if to_lang == "en" else f"../../{version}/"


def alternates(page_url: str, lang: str, version: str | None, translated: bool) -> list[Alternate]:
    """Links from the page at ``page_url`` (site-relative) to the same page in every language.

    Args:
        page_url: The page's URL relative to its language's site root (``""`` for the home page).
        lang: The page's language.
        version: The version being deployed with mike, or ``None`` for a plain build.
        translated: Whether the page exists in the other languages (developer pages are English-only);
            where it does not, the link goes to that language's home page.
    """
    up = "../" * _depth(page_url)
    links = []
    for other, name in LANGUAGES.items():
        target = page_url if (translated or other == lang) else ""
        href = f"{up}{root_to_root(lang, other, version)}{target}" or "./"
        links.append(Alternate(other, name, href, other == lang))
    return links
