"""What the live preview rebuilds after an edit, and what it keeps from the build before.

An edit to one page of one language changes that page, the generated pages of that language that list it
(documents' "Cited in") and that language's search index: nothing else. The preview
(:mod:`ctrph13.preview.live`) therefore rebuilds only that language, and MkDocs' ``dirty`` mode renders only the pages
whose source is newer than their output. An edit to anything the loaded data depends on (``data/``, practice
pages, the templates) renders every page of both languages again, in place: the theme's files and the search
files whose content did not change stay as they are, which saves most of the time a build spends writing. An
edited configuration, or a file added or removed, rebuilds both languages from an empty folder.

Sound for this site because the navigation titles are fixed in ``mkdocs.yml``: an unedited page's HTML does not
depend on the edited page's content.
"""

from __future__ import annotations

import enum
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ctrph13.core.i18n import LANGUAGES
from ctrph13.core.trial import off
from ctrph13.data.practices import PRACTICE_DIR
from ctrph13.outputs.searchindex import Expansion, Section

V = TypeVar("V")

# The configurations of the two languages: an edit to either may change anything (theme, plugins, navigation).
CONFIGS = ("mkdocs.yml", "mkdocs.en.yml")


class Mode(enum.Enum):
    """How one language is rebuilt."""

    SKIP = "skip"
    # Only the edited pages, and the generated pages whose content changed.
    DIRTY = "dirty"
    # Every page, in place: the files that are not pages (theme, search) are written only where they changed.
    EVERY = "every page"
    # From an empty folder.
    FULL = "full"


@dataclass
class LanguageState:
    """What one language's last build left for the next one."""

    sections: dict[str, list[Section]] = field(default_factory=dict)
    generated: dict[str, str] = field(default_factory=dict)
    # The former paths whose forwarding pages the last build wrote (data/redirects.yaml).
    redirects: set[str] = field(default_factory=set)
    keys: dict[str, Counter[str]] = field(default_factory=dict)
    expansions: tuple[Expansion, ...] = ()

    def keys_for(self, expansions: tuple[Expansion, ...]) -> dict[str, Counter[str]]:
        """The search keys of each text tokenized before, while the abbreviations' meanings stay the same.

        A text's keys include the meanings of the abbreviations in it: a glossary edit makes them all stale.
        """
        if expansions != self.expansions:
            self.keys.clear()
            self.expansions = expansions
        return self.keys


@dataclass
class PreviewState:
    """The preview's memory between builds (one process, one site folder)."""

    modes: dict[str, Mode] = field(default_factory=lambda: dict.fromkeys(LANGUAGES, Mode.FULL))
    languages: dict[str, LanguageState] = field(default_factory=lambda: {lang: LanguageState() for lang in LANGUAGES})
    stamps: dict[str, int] | None = None
    # The pages of the language being rebuilt page by page that were edited (paths under its docs folder).
    edited: frozenset[str] = frozenset()

    def dirty(self, lang: str) -> bool:
        """Whether ``lang`` is being rebuilt page by page (unchanged pages keep their output)."""
        return self.modes.get(lang) is Mode.DIRTY


def snapshot(root: Path, watched: Iterable[str]) -> dict[str, int]:
    """Modification time (ns) of every file under ``watched`` (relative to ``root``), by path relative to ``root``."""
    stamps: dict[str, int] = {}
    for name in watched:
        top = root / name
        for path in [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file()):
            stamps[path.relative_to(root).as_posix()] = path.stat().st_mtime_ns
    return stamps


def page_language(path: str) -> str | None:
    """The language whose pages alone depend on ``path``, or ``None`` when the loaded data may depend on it."""
    parts = path.split("/")
    if len(parts) < 3 or parts[0] != "docs" or parts[1] not in LANGUAGES or not path.endswith(".md"):
        return None
    return None if parts[2] == PRACTICE_DIR else parts[1]


def edited(before: Mapping[str, int] | None, after: Mapping[str, int]) -> list[str] | None:
    """The files whose content may have changed, or ``None`` when files were added or removed (or no build yet)."""
    if before is None or before.keys() != after.keys():
        return None
    return sorted(path for path in after if after[path] != before[path])


def plan(before: Mapping[str, int] | None, after: Mapping[str, int]) -> dict[str, Mode]:
    """How each language is rebuilt when the watched files went from ``before`` to ``after``."""
    paths = edited(before, after)
    if paths is None or any(path in CONFIGS for path in paths) or off("inplace"):
        return dict.fromkeys(LANGUAGES, Mode.FULL)
    modes = dict.fromkeys(LANGUAGES, Mode.SKIP)
    for path in paths:
        lang = page_language(path)
        if lang is None:
            return dict.fromkeys(LANGUAGES, Mode.EVERY)
        modes[lang] = Mode.DIRTY
    return modes


def digest(content: str | bytes) -> str:
    """A short fingerprint of a generated file's content."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def keep_only(mapping: dict[str, V], wanted: Iterable[str]) -> None:
    """Drop the entries of pages (or texts) that no longer exist, so the memory does not grow with every edit."""
    keep = set(wanted)
    for key in [k for k in mapping if k not in keep]:
        del mapping[key]
