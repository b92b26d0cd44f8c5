"""Citations across the knowledge base, and the pages that present the registry.

Where each registered document is cited, translation parity, and the document pages, the index and the
program's relations box.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from ctrph13.citations import check as citecheck
from ctrph13.core.diagnostics import Diagnostic
from ctrph13.core.i18n import LANGUAGES
from ctrph13.core.markdown import escape
from ctrph13.data.program import Block, Program, anchor_label
from ctrph13.data.registry import RELATION_LABELS, STATUS_LABELS, Document, Registry, format_date
from ctrph13.data.translation import TRANSLATION_PATH

DOCS = Path("docs")
PROGRAM_SOURCE = Path("data") / "program" / "ctrph-13-2024.vi.txt"
PROGRAM_MARKER = "<!-- kb:program -->"
DOCUMENTS_DIR = "van-ban"
PROGRAM_ID = "ctrph-13-2024"


@dataclass(frozen=True)
class Mention:
    """A place where a registered document is cited."""

    doc_id: str
    page: str
    anchor: str | None
    label: str


def joined_program(program: Program, texts: Mapping[str, str]) -> tuple[str, list[tuple[int, int, Block]]]:
    """The program as one text, blocks separated by blank lines, and the span of each block in it.

    Short forms defined in the preamble ("Chương trình phối hợp số 07") then resolve in later clauses.
    """
    parts: list[str] = []
    spans: list[tuple[int, int, Block]] = []
    offset = 0
    for block in program.blocks:
        text = texts[block.id]
        spans.append((offset, offset + len(text), block))
        parts.append(text)
        offset += len(text) + 2
    return "\n\n".join(parts), spans


def _block_at(spans: list[tuple[int, int, Block]], offset: int) -> Block:
    return next(block for start, end, block in spans if start <= offset < end)


def program_findings(
    program: Program, texts: Mapping[str, str], registry: Registry
) -> Iterator[tuple[Block, citecheck.Finding]]:
    """Every citation in the program text of one language, with the block that holds it."""
    text, spans = joined_program(program, texts)
    for finding in citecheck.findings(text, registry):
        yield _block_at(spans, finding.citation.start), finding


def program_page(root: Path, lang: str) -> str | None:
    """The page (relative to ``docs/<lang>``) that shows the program text, if any."""
    for page in sorted((root / DOCS / lang).rglob("*.md")):
        if PROGRAM_MARKER in page.read_text(encoding="utf-8"):
            return page.relative_to(root / DOCS / lang).as_posix()
    return None


def mentions(root: Path, lang: str, program: Program, texts: Mapping[str, str], registry: Registry) -> list[Mention]:
    """Where each document is cited in one language: program clauses (to the anchor) and other pages."""
    found: list[Mention] = []
    holder = program_page(root, lang)
    if holder is not None:
        for block, finding in program_findings(program, texts, registry):
            if finding.document is not None and finding.document.id != PROGRAM_ID:
                anchor = block.anchor or block.id
                found.append(Mention(finding.document.id, holder, anchor, anchor_label(anchor, lang)))
    for page in sorted((root / DOCS / lang).rglob("*.md")):
        src = page.relative_to(root / DOCS / lang).as_posix()
        found.extend(
            Mention(finding.document.id, src, None, "")
            for finding in citecheck.cached_findings(page.read_text(encoding="utf-8"), registry)
            if finding.document is not None
        )
    unique: dict[tuple[str, str, str | None], Mention] = {}
    for mention in found:
        unique.setdefault((mention.doc_id, mention.page, mention.anchor), mention)
    return list(unique.values())


def _locate(raw: str, from_line: int, needle: str) -> tuple[int, int]:
    lines = raw.split("\n")
    start = sum(len(line) + 1 for line in lines[: from_line - 1])
    index = raw.find(needle, start)
    if index < 0:
        return from_line, 1
    line = raw.count("\n", 0, index) + 1
    return line, index - (raw.rfind("\n", 0, index) + 1) + 1


def _program_diagnostics(
    root: Path,
    program: Program,
    texts: Mapping[str, str],
    lang: str,
    registry: Registry,
    block_lines: Mapping[str, int],
) -> list[Diagnostic]:
    path = PROGRAM_SOURCE if lang == "vi" else TRANSLATION_PATH
    raw = (root / path).read_text(encoding="utf-8")
    text, _ = joined_program(program, texts)
    found: list[Diagnostic] = []
    for block, finding in program_findings(program, texts, registry):
        citation = finding.citation
        written = text[citation.number_span[0] : citation.number_span[1]]
        line, col = _locate(raw, block_lines[block.id], written)
        quoted = "“" + " ".join(text[citation.start : citation.end].split()) + "”"
        found += [
            Diagnostic(path.as_posix(), line, col, f"{quoted}: {message}", fix) for message, fix in finding.problems
        ]
    return found


def parity(
    program: Program, translation: Mapping[str, str], registry: Registry, block_lines: Mapping[str, int]
) -> list[Diagnostic]:
    """For every block, the documents cited in Vietnamese equal those cited in English."""
    vi_texts = {block.id: block.text for block in program.blocks}

    def cited(texts: Mapping[str, str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {block.id: set() for block in program.blocks}
        for block, finding in program_findings(program, texts, registry):
            if finding.document is not None:
                found[block.id].add(finding.document.number)
        return found

    vi, en = cited(vi_texts), cited(translation)
    path = TRANSLATION_PATH.as_posix()
    problems: list[Diagnostic] = []
    for block in program.blocks:
        where, line = block.anchor or block.id, block_lines[block.id]
        problems += [
            Diagnostic(
                path,
                line,
                1,
                f"{where} cites {number} in Vietnamese but not in English",
                f"cite {number} in the English text of block {block.id}",
            )
            for number in sorted(vi[block.id] - en[block.id])
        ]
        problems += [
            Diagnostic(
                path,
                line,
                1,
                f"{where} cites {number} in English but not in Vietnamese",
                f"remove it or check the English text of block {block.id}",
            )
            for number in sorted(en[block.id] - vi[block.id])
        ]
    return problems


def citation_diagnostics(
    root: Path,
    program: Program,
    translation: Mapping[str, str],
    registry: Registry,
    translation_lines: Mapping[str, int],
) -> list[Diagnostic]:
    """Every citation problem in the repository: pages of both languages, the program and its translation."""
    problems: list[Diagnostic] = []
    for lang in LANGUAGES:
        for page in sorted((root / DOCS / lang).rglob("*.md")):
            problems += citecheck.diagnostics(
                page.read_text(encoding="utf-8"), page.relative_to(root).as_posix(), registry
            )
    vi_lines = {block.id: block.line for block in program.blocks}
    vi_texts = {block.id: block.text for block in program.blocks}
    problems += _program_diagnostics(root, program, vi_texts, "vi", registry, vi_lines)
    problems += _program_diagnostics(root, program, translation, "en", registry, translation_lines)
    problems += parity(program, translation, registry, translation_lines)
    return problems


# --- Markdown for the pages that present the registry --------------------------------------------------------

_FIELDS = {
    "vi": (
        "Loại văn bản",
        "Số, ký hiệu",
        "Ngày ban hành",
        "Cơ quan ban hành",
        "Trích yếu",
        "Tình trạng",
        "Nguồn chính thức",
        "chưa rõ",
        "tính đến",
    ),
    "en": ("Kind", "Number", "Date", "Issued by", "Title or subject", "Status", "Official source", "unknown", "as of"),
}
_HEADINGS = {
    "vi": {
        "relations": "Quan hệ với văn bản khác",
        "cited": "Được trích dẫn tại",
        "sources": "Nguồn của thông tin",
        "none": "Không có.",
        "page": "trang",
    },
    "en": {
        "relations": "Relations to other documents",
        "cited": "Cited in",
        "sources": "Sources of these facts",
        "none": "None.",
        "page": "page",
    },
}


def status_badge(doc: Document, lang: str) -> str:
    """An inline status badge (the words come from this project, so the element is editorial)."""
    return (
        f'<span class="kb-status kb-status--{doc.status}" data-editorial>'
        f"{escape(STATUS_LABELS[lang][doc.status])}</span>"
    )


_FACT_LABELS = {
    "vi": {
        "number": "số",
        "date": "ngày",
        "issuer": "cơ quan ban hành",
        "title": "tên",
        "subject": "trích yếu",
        "status": "tình trạng",
        "implements": "quan hệ thực hiện",
        "replaces": "quan hệ thay thế",
    },
    "en": {
        "number": "number",
        "date": "date",
        "issuer": "issuer",
        "title": "title",
        "subject": "subject",
        "status": "status",
        "implements": "what it implements",
        "replaces": "what it replaces",
    },
}
_PROGRAM_NAME = {"vi": "Chương trình phối hợp số 13/CTrPH-CA-MTTQ", "en": "Coordination Program No. 13/CTrPH-CA-MTTQ"}


def _source(source: Mapping[str, object], lang: str, program_src: str | None) -> str:
    facts = ", ".join(_FACT_LABELS[lang][str(fact)] for fact in source["facts"])  # type: ignore[attr-defined]
    anchor = source.get("anchor")
    if isinstance(anchor, str):
        where = f"{_PROGRAM_NAME[lang]}, {anchor_label(anchor, lang)}"
        text = f"[{escape(where)}](../{program_src}#{anchor})" if program_src else escape(where)
    else:
        text = escape(str(source[f"source_{lang}"]))
        if isinstance(source.get("url"), str):
            text = f"[{text}](<{source['url']}>)"
    return f"- {escape(facts[:1].upper() + facts[1:])}: {text}"


def document_markdown(
    doc: Document,
    registry: Registry,
    cited_in: list[Mention],
    titles: Mapping[str, str],
    lang: str,
    program_src: str | None,
) -> str:
    """The page of one document: facts, status, relations both ways, where it is cited, sources."""
    f = _FIELDS[lang]
    h = _HEADINGS[lang]
    kind = doc.kind_vi if lang == "vi" else doc.kind_en
    basis = doc.status_basis_vi if lang == "vi" else doc.status_basis_en
    as_of = f" ({f[8]} {format_date(doc.status_as_of, lang)})" if doc.status_as_of else ""
    official = f"<{doc.url}>" if doc.url else f"_{f[7]}_"
    facts = [
        (f[0], escape(kind)),
        (f[1], escape(doc.number)),
        (f[2], escape(doc.date_text(lang)) or f"_{f[7]}_"),
        (f[3], escape(doc.issuer_vi if lang == "vi" else doc.issuer_en)),
        (f[4], escape(doc.title_vi if lang == "vi" else doc.title_en)),
        (f[5], f"{status_badge(doc, lang)} {escape(basis)}{escape(as_of)}"),
        (f[6], official),
    ]
    lines = [f"# {escape(kind)} {escape(doc.number)}", "", '<div class="kb-document-facts" markdown>', ""]
    for name, value in facts:
        lines += [name, f":   {value}", ""]
    lines += ["</div>", "", f"## {h['relations']}", ""]
    related = registry.related(doc.id)
    lines += [
        f"- {RELATION_LABELS[lang][kind_]}: [{escape(other.label(lang))}]({other.id}.md) {status_badge(other, lang)}"
        for kind_, other in related
    ] or [h["none"]]
    lines += ["", f"## {h['cited']}", ""]
    lines += [
        f"- [{escape(titles.get(m.page, m.page))}{' — ' + escape(m.label) if m.label else ''}]"
        f"(../{m.page}{'#' + m.anchor if m.anchor else ''})"
        for m in cited_in
    ] or [h["none"]]
    lines += ["", f"## {h['sources']}", ""]
    lines += [_source(source, lang, program_src) for source in doc.sources]
    return "\n".join(lines) + "\n"


def index_markdown(registry: Registry, lang: str, up: str = "") -> str:
    """A table of every registered document with its status, linking to each document's page."""
    head = {
        "vi": "| Văn bản | Ngày | Cơ quan ban hành | Tình trạng |",
        "en": "| Document | Date | Issued by | Status |",
    }[lang]
    rows = [head, "| --- | --- | --- | --- |"]
    for doc in sorted(registry.documents, key=lambda d: (d.date is None, d.date)):
        issuer = doc.issuer_vi if lang == "vi" else doc.issuer_en
        rows.append(
            f"| [{escape(doc.label(lang))}]({up}{DOCUMENTS_DIR}/{doc.id}.md) | {escape(doc.date_text(lang))} | "
            f"{escape(issuer)} | {status_badge(doc, lang)} |"
        )
    return "\n".join(rows) + "\n"


def relations_box(registry: Registry, lang: str, documents_prefix: str) -> str:
    """What the program implements and replaces, for the top of the program page (editorial)."""
    items = [
        f"- {RELATION_LABELS[lang][kind]}: [{escape(other.label(lang))}]({documents_prefix}{other.id}.md) "
        f"{status_badge(other, lang)}"
        for kind, other in registry.related(PROGRAM_ID)
    ]
    title = {"vi": "Văn bản liên quan", "en": "Related documents"}[lang]
    return f'<div class="kb-relations" data-editorial markdown>\n\n**{title}**\n\n' + "\n".join(items) + "\n\n</div>\n"
