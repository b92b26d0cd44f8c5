"""Markers (``<!-- kb:NAME -->``) that place generated Markdown in pages, and the pages the build generates.

The glossary and change-log tables, the program, the matrix and every organisation, theme and document page come
from here; the data they render is loaded by :mod:`ctrph13.data.site`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ctrph13.core.diagnostics import ContentError, Diagnostic
from ctrph13.core.i18n import LANGUAGES
from ctrph13.core.markdown import escape
from ctrph13.data import practices as practices_module
from ctrph13.data import values
from ctrph13.data.site import DOCS, Site
from ctrph13.pages import documents as documents_module
from ctrph13.pages import duties as matrix
from ctrph13.pages import editions
from ctrph13.pages.fulltext import endnotes, program_markdown

MARKER_RE = re.compile(r"^<!--\s*kb:(?P<name>[a-z][a-z0-9-]*)\s*-->[ \t]*$", re.MULTILINE)


def glossary_markdown(site: Site, lang: str) -> str:
    """The glossary as a Markdown table, every value escaped."""
    head = {
        "vi": ("Viết tắt, thuật ngữ", "Nghĩa", "Tiếng Anh"),
        "en": ("Abbreviation or term", "Vietnamese", "English"),
    }[lang]
    rows = [f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | --- | --- |"]
    for term in site.glossary.terms:
        note = term.note_vi if lang == "vi" else term.note_en
        meaning = escape(term.vi) + (f" — {escape(note)}" if note and lang == "vi" else "")
        english = escape(term.en) + (f" — {escape(note)}" if note and lang == "en" else "")
        rows.append(f"| **{escape(term.term)}** | {meaning} | {english} |")
    return '<div class="kb-glossary" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"


MARKERS = (
    "program",
    "glossary",
    "documents",
    "changes",
    "matrix",
    "organizations",
    "schedule",
    "calendar-builder",
    "practice",
    "practices",
    "historical",
    "changelog",
)


def _markers(markdown: str) -> Iterator[re.Match[str]]:
    return MARKER_RE.finditer(markdown)


def marker_problems(
    text: str, path: str, first_line: int = 1, markers: Sequence[re.Match[str]] | None = None
) -> list[Diagnostic]:
    """Unknown ``<!-- kb:NAME -->`` markers in ``text`` (whose first line is ``first_line`` of the file).

    ``markers``: the markers of ``text``, when the caller has found them already.
    """
    return [
        Diagnostic(
            path,
            first_line + text.count("\n", 0, match.start()),
            1,
            f"unknown marker <!-- kb:{match['name']} -->",
            f"use one of: {', '.join(f'kb:{name}' for name in MARKERS)}",
        )
        for match in (_markers(text) if markers is None else markers)
        if match["name"] not in MARKERS
    ]


def practice_marker_problems(text: str, path: str) -> list[Diagnostic]:
    """``<!-- kb:practice -->`` outside a practice page (``docs/<lang>/mo-hinh/<id>.md``), found without a build."""
    parts = Path(path).parts
    in_place = len(parts) == 4 and parts[2] == practices_module.PRACTICE_DIR and parts[3] != "index.md"
    return [
        Diagnostic(
            path,
            text.count("\n", 0, match.start()) + 1,
            1,
            "<!-- kb:practice --> is used outside a practice page",
            f"use it only in docs/<lang>/{practices_module.PRACTICE_DIR}/<id>.md",
        )
        for match in _markers(text)
        if match["name"] == "practice" and not in_place
    ]


def markdown_problems(root: Path) -> list[Diagnostic]:
    """Problems in the Markdown pages of both languages.

    Their front matter (a practice page's is checked with the catalogue), unknown markers, and kb:practice outside
    a practice page.
    """
    problems: list[Diagnostic] = []
    for lang in LANGUAGES:
        practices = root / DOCS / lang / practices_module.PRACTICE_DIR
        for page in sorted((root / DOCS / lang).rglob("*.md")):
            text, shown = page.read_text(encoding="utf-8"), page.relative_to(root).as_posix()
            if page.parent != practices or page.name == "index.md":
                try:
                    values.front_matter(text, shown, "page")
                except ContentError as error:
                    problems += error.diagnostics
            problems += marker_problems(text, shown) + practice_marker_problems(text, shown)
    return problems


def generated_paths(site: Site) -> set[str]:
    """The paths under ``docs/<lang>`` of the pages the build generates (see :func:`generated_pages`)."""
    resp = site.responsibilities
    return (
        {f"{documents_module.DOCUMENTS_DIR}/{doc.id}.md" for doc in site.registry.documents}
        | {f"{matrix.ORG_DIR}/{org.id}.md" for org in resp.organizations}
        | {f"{matrix.THEME_DIR}/{theme.id}.md" for theme in resp.themes}
        | {editions.PAGE}
    )


def expand_markers(markdown: str, site: Site, lang: str, path: str, first_line: int, site_url: str = "") -> str:
    """Replace ``<!-- kb:NAME -->`` markers with generated Markdown.

    On a page that holds the program text, everything the editor wrote around it is wrapped in
    ``data-editorial`` blocks, so it can never be mistaken for the program's own words.

    Raises:
        ContentError: for an unknown marker, at its line in the source file.
    """
    up = "../" * path.removeprefix(f"docs/{lang}/").count("/")
    renderers: dict[str, Callable[[], str]] = {  # one entry per name in MARKERS
        "program": lambda: (
            documents_module.relations_box(site.registry, lang, f"{up}{documents_module.DOCUMENTS_DIR}/")
            + "\n"
            + program_markdown(
                site.program,
                site.texts(lang),
                lang,
                site.errata,
                site.translation.stale if lang == "en" else frozenset(),
            )
            + "\n"
            + endnotes(site.program, lang, f"{site_url}{path.removeprefix(f'docs/{lang}/').removesuffix('.md')}/")
        ),
        "glossary": lambda: glossary_markdown(site, lang),
        "documents": lambda: documents_module.index_markdown(site.registry, lang, up),
        "changes": lambda: matrix.changes_banner(site.responsibilities, lang),
        "matrix": lambda: matrix.matrix_markdown(site.responsibilities, lang, up),
        "organizations": lambda: matrix.organizations_index(site.responsibilities, lang, up),
        "schedule": lambda: matrix.schedule_markdown(site.responsibilities, lang, up),
        "calendar-builder": lambda: matrix.calendar_builder(site.responsibilities, lang, site_url),
        "practice": lambda: _practice_page(site, lang, path),
        "practices": lambda: practices_module.index_markdown(site.practices, site.responsibilities, lang, up),
        # Marks the next citation as historical (see ctrph13.citations.check); it shows nothing.
        "historical": lambda: "<!-- kb:historical -->",
        "changelog": lambda: changelog_markdown(site.changelog, lang),
    }
    markers = list(_markers(markdown))
    problems = marker_problems(markdown, path, first_line, markers)
    if problems:
        raise ContentError(problems)
    holds_program = any(match["name"] == "program" for match in markers)
    pieces: list[str] = []
    last = 0
    for match in markers:
        pieces.append(_editorial(markdown[last : match.start()]) if holds_program else markdown[last : match.start()])
        pieces.append(renderers[match["name"]]())
        last = match.end()
    tail = markdown[last:]
    pieces.append(_editorial(tail) if holds_program else tail)
    return "".join(pieces)


def changelog_markdown(releases: Sequence[dict[str, Any]], lang: str) -> str:
    """Every release, newest first, with its major and minor changes."""
    kinds = {"vi": {"major": "Thay đổi lớn", "minor": "Thay đổi nhỏ"}, "en": {"major": "Major", "minor": "Minor"}}
    lines = []
    for release in releases:
        anchor = "v" + release["version"].replace(".", "-")
        lines += [f"## {escape(release['version'])} ({escape(release['date'])}) {{ #{anchor} }}", ""]
        for kind in ("major", "minor"):
            items = [c for c in release["changes"] if c["type"] == kind]
            if items:
                lines += [f"**{kinds[lang][kind]}**", ""]
                lines += [f"- {escape(c['text_vi'] if lang == 'vi' else c['text_en'])}" for c in items] + [""]
    return "\n".join(lines)


def generated_pages(
    site: Site, lang: str, titles: Mapping[str, str], found: Iterable[documents_module.Mention] | None = None
) -> dict[str, str]:
    """The pages the build adds for one language, keyed by path under ``docs/<lang>``.

    A page per registered document (with where it is cited), per organisation and per theme.

    Args:
        site: The loaded knowledge base.
        lang: ``vi`` or ``en``.
        titles: Page titles by path, for the "Cited in" lists.
        found: Where documents are cited, when already known; by default every page is scanned.
    """
    pages = document_pages(site, lang, titles, found)
    resp = site.responsibilities
    for org in resp.organizations:
        led = [(p.id, p.title(lang)) for p in site.practices if org.id in p.lead]
        pages[f"{matrix.ORG_DIR}/{org.id}.md"] = matrix.organization_markdown(resp, org, lang, led)
    for theme in resp.themes:
        pages[f"{matrix.THEME_DIR}/{theme.id}.md"] = matrix.theme_markdown(resp, theme.id, lang)
    # Outside a published edition there is nothing to compare with; publishing gives the page its content.
    pages[editions.PAGE] = editions.page_markdown(lang, None, None, None, ())
    return pages


def document_pages(
    site: Site, lang: str, titles: Mapping[str, str], found: Iterable[documents_module.Mention] | None = None
) -> dict[str, str]:
    """A page per registered document, with where it is cited (see :func:`generated_pages`)."""
    mentions = (
        documents_module.mentions(site.root, lang, site.program, site.texts(lang), site.registry)
        if found is None
        else found
    )
    by_document: dict[str, list[documents_module.Mention]] = {}
    for mention in mentions:
        by_document.setdefault(mention.doc_id, []).append(mention)
    # Practice pages carry their titles as title_vi/title_en, which the front matter's `title` does not give.
    titles = {**titles, **{f"{practices_module.PRACTICE_DIR}/{p.id}.md": p.title(lang) for p in site.practices}}
    program_src = documents_module.program_page(site.root, lang)
    return {
        f"{documents_module.DOCUMENTS_DIR}/{doc.id}.md": documents_module.document_markdown(
            doc, site.registry, by_document.get(doc.id, []), titles, lang, program_src
        )
        for doc in site.registry.documents
    }


def _practice_page(site: Site, lang: str, path: str) -> str:
    practice = site.practice_by_id.get(Path(path).stem)
    if practice is None:
        raise ContentError(
            [
                Diagnostic(
                    path,
                    1,
                    1,
                    "<!-- kb:practice --> is used outside a practice page",
                    f"use it only in docs/<lang>/{practices_module.PRACTICE_DIR}/<id>.md",
                )
            ]
        )
    return practices_module.practice_markdown(practice, site.practice_by_id, site.responsibilities, lang)


def _editorial(markdown: str) -> str:
    if not markdown.strip():
        return markdown
    return f'\n<div class="kb-editorial" data-editorial markdown>\n\n{markdown.strip()}\n\n</div>\n\n'
