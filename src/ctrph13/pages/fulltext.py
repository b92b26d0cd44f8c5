"""Render the program as Markdown for one language, every word escaped so that none is read as markup.

The output goes through the same Markdown pipeline as every other page, so citations and abbreviations are
linked in the program text exactly as elsewhere. Anchor ids come from the parsed structure, never from a
slugifier. Everything this module adds to the text carries ``data-editorial``.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping, Sequence

from ctrph13.core.markdown import escape
from ctrph13.data.program import Block, Kind, Program, anchor_label
from ctrph13.data.translation import Erratum

LABELS: Mapping[str, Mapping[str, str]] = {
    "vi": {
        "note": "Ghi chú biên tập",
        "stale": "Bản dịch khối này có thể đã cũ: văn bản tiếng Việt đã thay đổi sau khi dịch.",
        "marker": "Xem ghi chú biên tập",
    },
    "en": {
        "note": "Editorial note",
        "stale": "This translation may be out of date: the Vietnamese text of this "
        "passage changed after it was translated.",
        "marker": "See the editorial note",
    },
}


def _inline(text: str) -> str:
    # Line breaks inside a block are kept (signature titles); a <br> before the newline shows them.
    return "<br>\n".join(escape(line) for line in text.split("\n"))


def _marked(text: str, errata: Sequence[Erratum], lang: str) -> str:
    """Escaped text with each slip wrapped (no text added) and followed by an editorial marker."""
    out = _inline(text)
    for erratum in errata:
        marker = (
            f'<sup class="kb-erratum" data-editorial><a href="#note-{erratum.id}" '
            f'title="{LABELS[lang]["marker"]}">*</a></sup>'
        )
        if lang == "vi":
            wrapped = f'<span class="kb-sic">{_inline(erratum.printed)}</span>{marker}'
            out = out.replace(_inline(erratum.printed), wrapped, 1)
        else:
            out = f"{out}{marker}"
    return out


def _attrs(block_id: str | None, *classes: str) -> str:
    parts = ([f"#{block_id}"] if block_id else []) + [f".{name}" for name in classes]
    return "{: " + " ".join(parts) + " }"


def _paragraph(block: Block, text: str) -> str:  # noqa: PLR0911 - one case per layout role
    match block.kind:
        case Kind.TITLE:
            return f"# {text} {{ #{block.id} .kb-title }}"
        case Kind.SECTION:
            return f"## {text} {{ #{block.id} }}"
        case Kind.CLAUSE_HEADING:
            return f"### {text} {{ #{block.id} }}"
        case Kind.CLAUSE | Kind.INTRO:
            return f"{text}\n{_attrs(block.id, 'kb-anchor', 'kb-clause')}"
        case Kind.BULLET:
            return f"{text}\n{_attrs(block.id, 'kb-anchor', 'kb-clause', 'kb-bullet')}"
        case Kind.CLAUSE_BODY:
            return f"{text}\n{_attrs(None, 'kb-clause-body')}"
        case _:
            return f"{text}\n{_attrs(block.id, f'kb-{block.kind.value}')}"


def _note(note_id: str, label: str, text: str, css: str) -> str:
    return f'**{escape(label)}:** {escape(text)}\n{{: #{note_id} .{css} data-editorial="" }}'


def _signatures(blocks: Sequence[Block], texts: Mapping[str, str]) -> str:
    columns: list[str] = []
    for title, name in zip(blocks[0::2], blocks[1::2], strict=True):
        columns.append(
            '<div class="kb-signature" markdown>\n\n'
            f"{_paragraph(title, _inline(texts[title.id]))}\n\n{_paragraph(name, _inline(texts[name.id]))}\n\n</div>"
        )
    return '<div class="kb-signatures" markdown>\n\n' + "\n\n".join(columns) + "\n\n</div>"


def _chunks(
    program: Program, texts: Mapping[str, str], lang: str, errata: Sequence[Erratum], stale: frozenset[str]
) -> Iterator[str]:
    signatures = [b for b in program.blocks if b.kind in {Kind.SIGNATURE_TITLE, Kind.SIGNATURE_NAME}]
    for block in program.blocks:
        if block in signatures:
            if block is signatures[0]:
                yield _signatures(signatures, texts)
            continue
        slips = [erratum for erratum in errata if erratum.block == block.id]
        yield _paragraph(block, _marked(texts[block.id], slips, lang))
        for erratum in slips:
            note = erratum.note_vi if lang == "vi" else erratum.note_en
            yield _note(f"note-{erratum.id}", LABELS[lang]["note"], note, "kb-note")
        if block.id in stale:
            yield _note(f"stale-{block.id}", LABELS[lang]["note"], LABELS[lang]["stale"], "kb-stale")


ENDNOTES = {
    "vi": "Liên kết cố định của các mục, khoản, ý",
    "en": "Permanent links of the sections, clauses and bullets",
}


def endnotes(program: Program, lang: str, page_url: str) -> str:
    """For print: every anchor's permanent address as a numbered endnote (browsers do not print footnotes).

    The numbers in the text are drawn by the print stylesheet (a CSS counter over the anchored elements, in the
    same order), so no text is added to the program's words.
    """
    items = "\n".join(
        f'<li value="{n}">{escape_html(anchor_label(anchor, lang))}: {escape_html(page_url)}#{anchor}</li>'
        for n, anchor in enumerate(program.anchor_ids(), start=1)
    )
    return (
        f'<section class="kb-endnotes" data-editorial>\n<h2>{ENDNOTES[lang]}</h2>\n<ol>\n{items}\n</ol>\n</section>\n'
    )


def escape_html(text: str) -> str:
    """HTML escaping for text placed in raw HTML blocks."""
    return html.escape(text, quote=True)


def program_markdown(
    program: Program,
    texts: Mapping[str, str],
    lang: str,
    errata: Sequence[Erratum] = (),
    stale: frozenset[str] = frozenset(),
) -> str:
    """The whole program as Markdown: one paragraph or heading per block, with anchors and editorial notes.

    Args:
        program: The parsed program.
        texts: Text per block id in ``lang`` (the blocks' own text for Vietnamese).
        lang: ``vi`` or ``en``.
        errata: Apparent slips to mark.
        stale: Block ids whose translation may be out of date (English only).
    """
    return (
        '<div class="kb-program" markdown>\n\n'
        + "\n\n".join(_chunks(program, texts, lang, errata, stale))
        + "\n\n</div>\n"
    )
