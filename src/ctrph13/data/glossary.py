"""The one glossary of the program's abbreviations and terms, and how abbreviations are found in text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ctrph13.data import values

GLOSSARY_PATH = Path("data") / "glossary.yaml"

# A document number such as 13/CTrPH-CA-MTTQ, 40/2023/TT-BTC or 09-CT/TW: an abbreviation inside one is part of
# the number ("MTTQ" in "13/CTrPH-CA-MTTQ"), so these spans are never split by a tooltip.
DOC_NUMBER_RE = re.compile(
    r"\d+\s*[-/]\s*(?:\d{4}\s*/\s*)?[A-Za-zĐđ][A-Za-zĐđ0-9.&]*(?:\s*[-/–]\s*[A-Za-zĐđ0-9][A-Za-zĐđ0-9.&]*)*"
)
_EDGE = r"[\w/\-]"


@dataclass(frozen=True)
class Term:
    """A glossary entry.

    Attributes:
        term: The abbreviation or term as the program writes it.
        kind: ``abbreviation`` (shown as a tooltip wherever it occurs) or ``term``.
        vi: Vietnamese expansion or meaning.
        en: The English term the translation uses.
        note_vi: Optional short note in Vietnamese.
        note_en: Optional short note in English.
        aliases: Other spellings found in the text.
    """

    term: str
    kind: str
    vi: str
    en: str
    note_vi: str = ""
    note_en: str = ""
    aliases: tuple[str, ...] = ()

    def tooltip(self, lang: str) -> str:
        """Tooltip text for the page language: the expansion, and the English term on English pages."""
        return self.vi if lang == "vi" else f"{self.vi} — {self.en}"


@dataclass(frozen=True)
class Glossary:
    """All glossary entries, and a matcher for the abbreviations."""

    terms: tuple[Term, ...]

    # Cached: the annotator asks for these at every text node of every page.
    @cached_property
    def abbreviations(self) -> tuple[Term, ...]:
        """Entries shown as tooltips, longest first so that "XDPTTDBV ANTQ" wins over "ANTQ"."""
        found = [term for term in self.terms if term.kind == "abbreviation"]
        return tuple(sorted(found, key=lambda term: -len(term.term)))

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self.abbreviations:
            return None
        words = "|".join(re.escape(term.term) for term in self.abbreviations)
        return re.compile(rf"(?<!{_EDGE})(?:{words})(?!{_EDGE})")

    @cached_property
    def _by_term(self) -> dict[str, Term]:
        return {term.term: term for term in self.abbreviations}

    def pattern(self) -> re.Pattern[str] | None:
        """A regex matching any abbreviation as a whole word, or ``None`` when there are none."""
        return self._pattern

    def lookup(self, written: str) -> Term:
        """The abbreviation entry for ``written``."""
        return self._by_term[written]


def find_abbreviations(text: str, glossary: Glossary) -> Iterator[tuple[int, int, Term]]:
    """Spans of abbreviations in ``text``, skipping any that lie inside a document number."""
    pattern = glossary.pattern()
    matches = list(pattern.finditer(text)) if pattern is not None else []
    if not matches:
        return  # most texts: no need to look for document numbers
    protected = [match.span() for match in DOC_NUMBER_RE.finditer(text)]
    for match in matches:
        start, end = match.span()
        if any(p_start < end and start < p_end for p_start, p_end in protected):
            continue
        yield start, end, glossary.lookup(match.group(0))


def load(root: Path) -> Glossary:
    """Load and validate ``data/glossary.yaml``."""
    located = values.load(root / GLOSSARY_PATH, root, "glossary")
    terms = tuple(
        Term(
            term=entry["term"],
            kind=entry["kind"],
            vi=entry["vi"],
            en=entry["en"],
            note_vi=entry.get("note_vi", ""),
            note_en=entry.get("note_en", ""),
            aliases=tuple(entry.get("aliases", ())),
        )
        for entry in located.data["terms"]
    )
    return Glossary(terms)
