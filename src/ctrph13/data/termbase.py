"""The termbase (``data/termbase.yaml``): one English rendering per Vietnamese term, and the renderings that are wrong.

Wherever a Vietnamese text holds a term, its English counterpart must use the term's English and none of its wrong
renderings. The pairs checked: each program block and its translation (the Vietnamese with the errata applied),
each duty's ``summary_vi`` and ``summary_en``, each organisation's ``name_vi`` and ``name_en``, and each practice's
titles, quotes and pages. Matching: the longest Vietnamese form wins ("Công an nhân dân" before "nhân dân"), case
sensitive but for the first letter of a term written in lower case (a sentence may start with it), and so is the
English; wrong renderings match as whole phrases, in any case. A program block may waive a term, with a reason
(``waive: {term: reason}`` in the translation file).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ctrph13.core.diagnostics import Diagnostic
from ctrph13.data import values, yamldata

TERMBASE_PATH = Path("data") / "termbase.yaml"


@dataclass(frozen=True)
class Term:
    """One Vietnamese term: its forms, its one English rendering, the renderings that are wrong here."""

    vi: tuple[str, ...]
    en: str
    wrong: tuple[str, ...]
    line: int  # of its English in data/termbase.yaml


@dataclass(frozen=True)
class Pair:
    """A Vietnamese text and its English counterpart, each with where it is written."""

    vi: str
    vi_where: str
    en: str
    en_path: str
    en_line: int
    waived: Mapping[str, str] | None = None


@dataclass(frozen=True)
class Termbase:
    """Every term, and a pattern that finds their Vietnamese forms, longest first."""

    terms: tuple[Term, ...]

    def found_in(self, vietnamese: str) -> list[tuple[str, Term]]:
        """The terms ``vietnamese`` holds (each form once), the longest form winning where forms overlap."""
        pattern, term_of = _pattern(self.terms)
        found: dict[str, tuple[str, Term]] = {}
        for match in pattern.finditer(vietnamese):
            written = match.group()
            form = written if written in term_of else written[0].lower() + written[1:]  # a sentence's capital
            found.setdefault(form, (form, term_of[form]))
        return list(found.values())


@functools.cache
def _pattern(terms: tuple[Term, ...]) -> tuple[re.Pattern[str], dict[str, Term]]:
    """The terms' forms as one pattern, longest first (at each place the longest form wins), and their terms."""
    forms = sorted({form for term in terms for form in term.vi}, key=len, reverse=True)
    # Case-sensitive, but a term that starts in lower case may open a sentence ("Phong trào toàn dân …").
    parts = [
        (f"[{form[0]}{form[0].upper()}]" if form[0].islower() else re.escape(form[0])) + re.escape(form[1:])
        for form in forms
    ]
    term_of = {form: term for term in terms for form in term.vi}
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)"), term_of


def load(root: Path) -> Termbase:
    """Load ``data/termbase.yaml``; raise :class:`ContentError` if it is malformed (an absent file has no terms)."""
    path = root / TERMBASE_PATH
    if not path.is_file():
        return Termbase(())
    located = values.load(path, root, "termbase")
    terms = tuple(
        Term(
            tuple(entry["vi"]),
            entry["en"],
            tuple(entry.get("wrong", ())),
            located.where(("terms", index, "en"))[0],  # where an editor fixes the rendering
        )
        for index, entry in enumerate(located.data["terms"])
    )
    return Termbase(terms)


def _uses(english: str, rendering: str) -> bool:
    first, rest = rendering[:1], rendering[1:]
    head = f"[{re.escape(first.lower())}{re.escape(first.upper())}]" if first.isalpha() else re.escape(first)
    return re.search(rf"(?<!\w){head}{re.escape(rest)}(?!\w)", english) is not None


def _wrong(english: str, rendering: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(rendering)}(?!\w)", english, re.IGNORECASE) is not None


def problems(termbase: Termbase, pairs: Iterable[Pair]) -> list[Diagnostic]:
    """Every English text that does not render a term of its Vietnamese as the termbase says."""
    return list(_problems(termbase, pairs))


def _problems(termbase: Termbase, pairs: Iterable[Pair]) -> Iterator[Diagnostic]:
    for pair in pairs:
        # Line breaks are wrapping (pages, folded YAML): a term may run across two lines on either side.
        english = " ".join(pair.en.split())
        for form, term in termbase.found_in(" ".join(pair.vi.split())):
            if pair.waived and (form in pair.waived or term.en in pair.waived):
                continue
            wrong = [w for w in term.wrong if _wrong(english, w)]
            missing = not _uses(english, term.en)
            if not wrong and not missing:
                continue
            said = f"; it has “{wrong[0]}”, which is wrong here" if wrong else ""
            line = pair.en_line
            spaced = r"\s+".join(map(re.escape, wrong[0].split())) if wrong else ""
            if wrong and (at := re.search(spaced, pair.en, re.IGNORECASE)):
                line += pair.en.count("\n", 0, at.start())  # a page: the line of the wrong rendering
            yield Diagnostic(
                pair.en_path,
                line,
                1,
                f"“{form}” ({pair.vi_where}) is not rendered “{term.en}”{said}",
                f"use “{term.en}” (data/termbase.yaml:{term.line}), or waive the term for this block with a reason",
            )


def located_pairs(
    located: yamldata.Located,
    items: Sequence[Mapping[str, object]],
    where: tuple[str, ...],
    vi_key: str,
    en_key: str,
) -> list[Pair]:
    """Pairs of fields of the items of a YAML list (``duties``, ``organizations``), located at the English."""
    pairs = []
    for index, item in enumerate(items):
        vi, en = item.get(vi_key), item.get(en_key)
        if isinstance(vi, str) and isinstance(en, str):
            vi_line = located.where((*where, index, vi_key))[0]
            en_line = located.where((*where, index, en_key))[0]
            pairs.append(Pair(vi, f"{located.path}:{vi_line}", en, located.path, en_line))
    return pairs
