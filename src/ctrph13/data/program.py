"""The program text as signed: parsed into blocks with permanent, language-neutral anchor ids.

The source file is the extraction of the signed document, kept verbatim in ``data/program/``. Parsing only
adds structure; it never changes a word. Two extraction artefacts are undone, and both are counted so that a
change in the source cannot slip through unnoticed:

* page breaks split five paragraphs mid-sentence (a paragraph that starts in lower case continues the one
  before it, joined by a single space);
* ``**...**`` around the first signature title is emphasis added by the extraction.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from ctrph13.core.diagnostics import ContentError, Diagnostic

SOURCE_NAME = "ctrph-13-2024.vi.txt"
EXPECTED_JOINS = 5

SECTION_RE = re.compile(r"^(I|II|III|IV)\. \S")
CLAUSE_RE = re.compile(r"^(\d+)\. \S")
ROMAN = {"I": "i", "II": "ii", "III": "iii", "IV": "iv"}


class Kind(StrEnum):
    """What a block is in the document's layout."""

    DOC_NUMBER = "doc-number"
    PLACE_DATE = "place-date"
    TITLE = "title"
    SUBTITLE = "subtitle"
    PREAMBLE = "preamble"
    SECTION = "section"
    INTRO = "intro"
    CLAUSE = "clause"
    CLAUSE_HEADING = "clause-heading"
    CLAUSE_BODY = "clause-body"
    BULLET = "bullet"
    SIGNATURE_TITLE = "signature-title"
    SIGNATURE_NAME = "signature-name"
    RECIPIENTS = "recipients"
    RECIPIENT = "recipient"


@dataclass(frozen=True)
class Block:
    """One paragraph of the program.

    Attributes:
        id: Unique id of the block; for sections, clauses and bullets it is the public anchor.
        kind: Layout role.
        text: The words as signed (NFC; page-break joins applied; line breaks kept only in signature titles).
        line: 1-based line of the block's first line in the source file.
        anchors: Public anchors that contain this block, outermost first (e.g. ``("iii", "iii-1", "iii-1-2")``).
    """

    id: str
    kind: Kind
    text: str
    line: int
    anchors: tuple[str, ...]

    @property
    def anchor(self) -> str | None:
        """The most specific public anchor of the block, if it lies inside a section."""
        return self.anchors[-1] if self.anchors else None


@dataclass(frozen=True)
class Program:
    """The parsed program: blocks in document order, and the joins that were applied."""

    blocks: tuple[Block, ...]
    joins: tuple[int, ...]

    def block(self, block_id: str) -> Block:
        """The block with id ``block_id``."""
        for block in self.blocks:
            if block.id == block_id:
                return block
        raise KeyError(block_id)

    def anchor_ids(self) -> list[str]:
        """Every public anchor, in document order."""
        seen: dict[str, None] = {}
        for block in self.blocks:
            for anchor in block.anchors:
                seen.setdefault(anchor)
        return list(seen)

    def anchor_text(self, anchor: str) -> str:
        """All words under ``anchor`` (a section, clause or bullet), blocks joined by a space."""
        parts = [block.text for block in self.blocks if anchor in block.anchors]
        if not parts:
            raise KeyError(anchor)
        return " ".join(parts)

    def anchor_line(self, anchor: str) -> int:
        """Source line where ``anchor`` begins."""
        return next(block.line for block in self.blocks if anchor in block.anchors)


@dataclass(frozen=True)
class _Paragraph:
    text: str
    line: int


def _paragraphs(text: str) -> Iterator[_Paragraph]:
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line:
            if not current:
                start = number
            current.append(line)
        elif current:
            yield _Paragraph("\n".join(current), start)
            current = []
    if current:
        yield _Paragraph("\n".join(current), start)


def _starts_lower(text: str) -> bool:
    return text[:1].islower()


def join_page_breaks(paragraphs: list[_Paragraph]) -> tuple[list[_Paragraph], list[int]]:
    """Rejoin paragraphs split by a page break: a paragraph that begins in lower case continues the previous one.

    Returns the joined paragraphs and the source lines where a join was made.
    """
    joined: list[_Paragraph] = []
    joins: list[int] = []
    for paragraph in paragraphs:
        if joined and _starts_lower(paragraph.text):
            previous = joined.pop()
            joined.append(_Paragraph(f"{previous.text} {paragraph.text}", previous.line))
            joins.append(paragraph.line)
        else:
            joined.append(paragraph)
    return joined, joins


def _strip_emphasis(text: str) -> str:
    # The extraction wrapped the first signature title in Markdown emphasis; it is not part of the text.
    if text.startswith("**") and text.endswith("**"):
        return text[2:-2]
    return text


def _classify(paragraphs: list[_Paragraph], path: str) -> list[Block]:  # noqa: C901 - one pass over the layout
    blocks: list[Block] = []
    front = iter([Kind.DOC_NUMBER, Kind.PLACE_DATE, Kind.TITLE, Kind.SUBTITLE, Kind.PREAMBLE])
    section: str | None = None
    clause: str | None = None
    bullets = 0
    after_sections = False
    signatures = 0
    recipients = 0

    def add(block_id: str, kind: Kind, paragraph: _Paragraph, anchors: tuple[str, ...]) -> None:
        text = paragraph.text if kind is Kind.SIGNATURE_TITLE else " ".join(paragraph.text.split("\n"))
        blocks.append(Block(block_id, kind, text, paragraph.line, anchors))

    for paragraph in paragraphs:
        text = paragraph.text
        if section is None and not SECTION_RE.match(text):
            kind = next(front, None)
            if kind is None:
                raise ContentError(
                    [
                        Diagnostic(
                            path,
                            paragraph.line,
                            1,
                            "unexpected paragraph before section I",
                            "check the source file against the signed text",
                        )
                    ]
                )
            add(kind.value, kind, paragraph, ())
            continue
        if match := SECTION_RE.match(text):
            section, clause, after_sections = ROMAN[match.group(1)], None, False
            add(section, Kind.SECTION, paragraph, (section,))
            continue
        if after_sections or (section == "iv" and not CLAUSE_RE.match(text)):
            after_sections = True
            if recipients or text.startswith("Nơi nhận"):
                # The list of recipients is printed one per line, without blank lines between them.
                for offset, line in enumerate(text.split("\n")):
                    item = _Paragraph(line, paragraph.line + offset)
                    kind = Kind.RECIPIENTS if not recipients else Kind.RECIPIENT
                    add("recipients" if not recipients else f"recipients-{recipients}", kind, item, ())
                    recipients += 1
            else:
                signatures += 1
                title = signatures % 2 == 1
                kind = Kind.SIGNATURE_TITLE if title else Kind.SIGNATURE_NAME
                stripped = _Paragraph(_strip_emphasis(text), paragraph.line)
                add(f"signature-{(signatures + 1) // 2}-{'title' if title else 'name'}", kind, stripped, ())
            continue
        assert section is not None
        if match := CLAUSE_RE.match(text):
            clause, bullets = f"{section}-{match.group(1)}", 0
            is_heading = section == "iii"
            add(clause, Kind.CLAUSE_HEADING if is_heading else Kind.CLAUSE, paragraph, (section, clause))
        elif clause is None:
            add(f"{section}-intro", Kind.INTRO, paragraph, (section, f"{section}-intro"))
        elif text.startswith("- "):
            bullets += 1
            bullet = f"{clause}-{bullets}"
            add(bullet, Kind.BULLET, paragraph, (section, clause, bullet))
        else:
            add(f"{clause}-body", Kind.CLAUSE_BODY, paragraph, (section, clause))
    return blocks


def parse(text: str, path: str = f"data/program/{SOURCE_NAME}") -> Program:
    """Parse the program source text into blocks.

    Raises:
        ContentError: if the text does not have the expected shape (so a changed source cannot pass silently).
    """
    text = unicodedata.normalize("NFC", text)
    paragraphs, joins = join_page_breaks(list(_paragraphs(text)))
    if len(joins) != EXPECTED_JOINS:
        raise ContentError(
            [
                Diagnostic(
                    path,
                    joins[0] if joins else 1,
                    1,
                    f"expected {EXPECTED_JOINS} page-break joins, found {len(joins)}",
                    "check the paragraphs that start in lower case",
                )
            ]
        )
    blocks = _classify(paragraphs, path)
    ids = [block.id for block in blocks]
    if len(ids) != len(set(ids)):
        raise ContentError([Diagnostic(path, 1, 1, "duplicate block ids", "check clause numbering in the source")])
    return Program(tuple(blocks), tuple(joins))


@cache
def load(root: Path) -> Program:
    """Parse ``data/program/`` of the repository at ``root`` (cached: the source is immutable during a build)."""
    return parse((root / "data" / "program" / SOURCE_NAME).read_text(encoding="utf-8"))


_NAMED_BLOCKS = {
    "vi": {
        "doc-number": "số, ký hiệu",
        "place-date": "địa danh, ngày tháng",
        "title": "tên văn bản",
        "subtitle": "trích yếu",
        "preamble": "phần mở đầu",
    },
    "en": {
        "doc-number": "number",
        "place-date": "place and date",
        "title": "title",
        "subtitle": "subject line",
        "preamble": "preamble",
    },
}


def anchor_label(anchor: str, lang: str) -> str:
    """How a citation names a part of the program: "khoản 2 Mục III" / "Section III, clause 2".

    Args:
        anchor: A public anchor (``iii-2``, ``iii-1-4``, ``iii-intro``) or a front-matter block id (``preamble``).
        lang: ``vi`` or ``en``.
    """
    if anchor in _NAMED_BLOCKS[lang]:
        return _NAMED_BLOCKS[lang][anchor]
    roman, *rest = anchor.split("-")
    section = roman.upper()
    if not rest:
        return f"Mục {section}" if lang == "vi" else f"Section {section}"
    if rest == ["intro"]:
        return f"đoạn mở đầu Mục {section}" if lang == "vi" else f"Section {section}, introduction"
    clause = rest[0]
    if len(rest) == 1:
        return f"khoản {clause} Mục {section}" if lang == "vi" else f"Section {section}, clause {clause}"
    bullet = rest[1]
    return (
        f"ý {bullet}, khoản {clause} Mục {section}"
        if lang == "vi"
        else f"Section {section}, clause {clause}, bullet {bullet}"
    )
