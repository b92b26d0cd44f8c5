"""References in prose to the program's own sections, clauses and bullets ("khoản 6 Mục IV", "Section IV.6").

Each reference names an anchor of the program page (``iv-6``). The Markdown extension links it there, in the
reader's language; the checks report a reference to a clause the program does not have, naming the nearest ones.
A reference that belongs to another document ("khoản 2 Mục III của Chương trình phối hợp số 07") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from ctrph13.citations.check import mask
from ctrph13.core.diagnostics import Diagnostic, line_col
from ctrph13.core.i18n import LANGUAGES

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_R = r"(?P<section>X|IX|VIII|VII|VI|V|IV|III|II|I)(?![\w])"
_N = r"(?P<clause>\d{1,2})(?![\d\w])"
_B = r"(?P<bullet>\d{1,2})(?![\d\w])"
_S = r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"  # spaces, and at most one line break (Markdown wraps lines)
_VI_SECTION = rf"(?-i:[Mm])ục{_S}{_R}"
# Longest forms first: a bullet of a clause, a clause of a section, "Mục IV.6", then a section alone.
_FORMS = [
    rf"(?:điểm|ý){_S}{_B},?{_S}khoản{_S}{_N},?{_S}{_VI_SECTION}",
    rf"khoản{_S}{_N},?{_S}{_VI_SECTION}",
    rf"{_VI_SECTION}\.{_N}",
    rf"(?<=\(){_R}\.{_N}(?=\))",  # "(III.8)": the parentheses are the reader's cue, the link is inside them
    _VI_SECTION,
    rf"bullet{_S}{_B}{_S}of{_S}clause{_S}{_N}{_S}of{_S}(?-i:S)ection{_S}{_R}",
    rf"(?-i:S)ection{_S}{_R},{_S}clause{_S}{_N},{_S}bullet{_S}{_B}",
    rf"clause{_S}{_N}{_S}of{_S}(?-i:S)ection{_S}{_R}",
    rf"(?-i:S)ection{_S}{_R},{_S}clause{_S}{_N}",
    rf"(?-i:S)ection{_S}{_R}\.{_N}",
    rf"(?-i:S)ection{_S}{_R}",
]
_PATTERNS = [re.compile(rf"(?<![\w.]){form}", re.IGNORECASE) for form in _FORMS]
# Section numerals are upper case whatever the case of the words around them ("mục III", never "mục iii").
_UPPER_NUMERAL = re.compile(r"[IVX]+")
# What makes a reference another document's: "… của Chương trình phối hợp số 07", "… of Decision No. 1".
_OTHER_DOCUMENT = re.compile(
    r",?\s+(?:của|tại|theo|of|in)\s+(?:the\s+)?"
    r"(?P<doc>(?:Chương trình|Quyết định|Nghị quyết|Nghị định|Kế hoạch|Luật|Bộ luật|Chỉ thị|Thông tư|Hướng dẫn|"
    r"Kết luận|Quy định|Điều lệ|Văn bản|Công văn|Program|Programme|Decision|Resolution|Decree|Plan|Law|Code|"
    r"Directive|Circular|Guidance|Conclusion|Regulation|Charter)\b[^.;\n]{0,60})",
    re.IGNORECASE,
)
_THIS_PROGRAM = re.compile(r"\b(?:này|this)\b|\b13\s*/\s*CTrPH|^(?:Chương trình|Program)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class ClauseReference:
    """A reference to one part of the program: where it is written, and the anchor it names."""

    start: int
    end: int
    anchor: str


# Every form holds "Mục"/"mục" or "Section" before its numeral, or is "(III.8)": most texts hold neither.
_MAY_REFER = re.compile(r"[Mm]ục\s|Section\s|\([IVX]+\.\d")


def find_clause_references(text: str) -> list[ClauseReference]:
    """The references to the program's own parts in ``text``, in order, never overlapping."""
    if not _MAY_REFER.search(text):
        return []
    found: list[ClauseReference] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            if not _UPPER_NUMERAL.fullmatch(match.group("section")):
                continue
            taken.append((start, end))  # a shorter form must not match inside a longer one, kept or not
            if _belongs_elsewhere(text, end):
                continue
            found.append(ClauseReference(start, end, _anchor(match)))
    return sorted(found, key=lambda reference: reference.start)


def _anchor(match: re.Match[str]) -> str:
    groups = match.groupdict()
    parts = [match.group("section").lower()]
    parts += [groups[name] for name in ("clause", "bullet") if groups.get(name)]
    return "-".join(parts)


def _belongs_elsewhere(text: str, end: int) -> bool:
    following = _OTHER_DOCUMENT.match(text, end)
    return following is not None and not _THIS_PROGRAM.search(following.group("doc"))


def _label(anchor: str) -> str:
    section, *rest = anchor.split("-")
    return ".".join([section.upper(), *rest])


def nearest(anchor: str, anchors: Collection[str]) -> list[str]:
    """The existing anchors closest to a missing one: its siblings nearest in number, else its parent's."""
    parent, _, last = anchor.rpartition("-")
    while parent:
        siblings = [a for a in anchors if a.rpartition("-")[0] == parent and a.rpartition("-")[2].isdigit()]
        if siblings:
            target = int(last) if last.isdigit() else 0
            siblings.sort(key=lambda a: (abs(int(a.rpartition("-")[2]) - target), a))
            return [parent, *sorted(siblings[:2], key=lambda a: int(a.rpartition("-")[2]))]
        if parent in anchors:
            return [parent]
        parent, _, last = parent.rpartition("-")
    return sorted((a for a in anchors if "-" not in a), key=lambda a: _ROMAN.get(a.upper(), 99))


def clause_diagnostics(text: str, path: str, anchors: Collection[str], first_line: int = 1) -> list[Diagnostic]:
    """A reference in ``text`` (the file ``path``) to a part the program does not have, located and explained."""
    return list(_missing(text, path, anchors, first_line))


def _missing(text: str, path: str, anchors: Collection[str], first_line: int) -> Iterator[Diagnostic]:
    for reference in find_clause_references(text):
        if reference.anchor in anchors:
            continue
        line, col = line_col(text, reference.start)
        close = ", ".join(f"{_label(a)} (#{a})" for a in nearest(reference.anchor, anchors))
        yield Diagnostic(
            path,
            line + first_line - 1,
            col,
            f"“{text[reference.start : reference.end]}” refers to {_label(reference.anchor)}, which the program "
            "does not have",
            f"correct the number; the nearest parts are {close}",
        )


def repository_problems(root: Path, anchors: Collection[str]) -> list[Diagnostic]:
    """References to missing parts in every page (code and comments aside) and every data file but the program."""
    problems: list[Diagnostic] = []
    for lang in LANGUAGES:
        for page in sorted((root / "docs" / lang).rglob("*.md")):
            text = mask(page.read_text(encoding="utf-8"))
            problems += clause_diagnostics(text, page.relative_to(root).as_posix(), anchors)
    for data in sorted((root / "data").glob("*.yaml")):
        problems += clause_diagnostics(data.read_text(encoding="utf-8"), data.relative_to(root).as_posix(), anchors)
    return problems
