"""What a build writes besides MkDocs' pages.

After the pages: the search index, minified assets, the PDF, the forwarding pages and the offline worker. Before
them, in the preview: the folder cleared of what the rebuild no longer makes.
"""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.structure.files import Files

from ctrph13.adapter.errors import ContentBuildError
from ctrph13.adapter.incremental import Mode, PreviewState, keep_only
from ctrph13.core.diagnostics import ContentError, Diagnostic
from ctrph13.core.i18n import LANGUAGES, PRIMARY, root_to_root
from ctrph13.core.timing import timed
from ctrph13.data import redirects as redirect_pages
from ctrph13.data.site import Site
from ctrph13.outputs import offline, searchindex
from ctrph13.outputs import pdf as pdf_output
from ctrph13.pages.duties import PROGRAM_PAGE

SKIP_PDF_VAR = "KB_SKIP_PDF"


def url_of(files: Files, src_uri: str) -> str:
    """The URL of the page at ``src_uri`` (under the docs folder)."""
    file = files.get_file_from_path(src_uri)
    if file is None:
        raise KeyError(src_uri)
    return file.url


def search_index(
    site_dir: Path,
    site: Site,
    lang: str,
    files: Files,
    by_page: dict[str, list[searchindex.Section]],
    preview: PreviewState | None,
) -> None:
    """Write this language's search index under ``<site_dir>/search/``."""
    expansions = searchindex.expansions((t.term, t.vi if lang == "vi" else t.en) for t in site.glossary.abbreviations)
    # In the order of the pages (as a full build renders them), whichever build rendered each page.
    urls = [file.url for file in files.documentation_pages() if file.url in by_page]
    ordered = [section for url in urls for section in by_page[url]]
    cache = preview.languages[lang].keys_for(expansions) if preview else None
    index = searchindex.build(ordered, lang, expansions, cache, search_sources(site, files))
    if preview:
        preview.languages[lang].sections = {url: by_page[url] for url in urls}
        keep_only(preview.languages[lang].keys, [text for s in ordered for text in (s.text, s.title)])
    write_folder(site_dir / "search", index.files)


def search_sources(site: Site, files: Files) -> searchindex.Sources | None:
    """The program's clauses for the index: the page that shows them, and each anchor's signed and English text."""
    page = files.get_file_from_path(PROGRAM_PAGE)
    if page is None:
        return None
    passages: dict[str, list[str]] = defaultdict(list)
    for block in site.program.blocks:
        if block.anchors:
            passages[block.anchors[-1]] += [block.text, site.translation.texts.get(block.id, "")]
    return searchindex.Sources(page.url, passages)


def write_folder(folder: Path, files: dict[str, str]) -> None:
    """Make ``folder`` hold exactly ``files``, rewriting only what changed (the preview rebuilds in place)."""
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.iterdir():
        if stale.name not in files:
            stale.unlink()
    for name, content in files.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")


def minify_assets(site_dir: Path, custom_dir: Path) -> None:
    """Minify our own scripts and stylesheets (``overrides/assets``) where the build wrote them.

    rjsmin and rcssmin take about 5 KiB gzip off every first visit: the program page's first visit fell from
    95 KiB to under its 90 KiB budget (issue 16). Material's own files come minified already. Idempotent, so the
    preview, which may leave unchanged files in place, gets the same bytes as a fresh build.
    """
    with timed("minify"):
        own = custom_dir / "assets"
        for source in sorted(own.glob("*.js")) + sorted(own.glob("*.css")):
            target = site_dir / "assets" / source.name
            if not target.is_file():
                continue
            text = target.read_text(encoding="utf-8")
            small = rcssmin.cssmin(text) if source.suffix == ".css" else rjsmin.jsmin(text)
            if small != text:
                target.write_text(small, encoding="utf-8")


def pdf(site_dir: Path, lang: str, site_url: str | None) -> None:
    """Print the program's PDF into ``data/`` (not where KB_SKIP_PDF is set)."""
    if os.environ.get(SKIP_PDF_VAR):
        return
    with timed("pdf"):
        try:
            pdf_output.print_program(site_dir, lang, site_url or "https://example.org/")
        except ContentError as error:
            raise ContentBuildError(error.diagnostics) from None


def service_worker(site_dir: Path, lang: str, files: Files) -> None:
    """The offline worker at this language's root (``outputs.offline``); the primary one leaves ``en/`` alone."""
    pages = [file.url for file in files.documentation_pages()]
    exclude = root_to_root(PRIMARY, "en", None) if lang == PRIMARY else None
    try:
        offline.write_service_worker(site_dir, pages, exclude)
    except ValueError as error:
        page = f"docs/{lang}/{PROGRAM_PAGE}"
        fix = "make the home page or the program page lighter, or raise offline.AUTO_BUDGET with a reason"
        raise ContentBuildError([Diagnostic(page, 1, 1, str(error), fix)]) from None


def redirects(site_dir: Path, site_url: str, targets: dict[str, str], files: Files) -> None:
    """A forwarding page at every former path (``data/redirects.yaml``), already validated."""
    for old, target in targets.items():
        url = url_of(files, target)
        canonical = f"{site_url.rstrip('/')}/{url}"
        out = redirect_output(site_dir, old)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(redirect_pages.page(redirect_pages.relative(old, url), canonical), encoding="utf-8")


def redirect_output(site_dir: Path, old: str) -> Path:
    """Where the forwarding page of the former path ``old`` is written (never a page's: validated)."""
    return site_dir / old / "index.html"


def clear_outputs(site_dir: Path, lang: str, mode: Mode | None, dropped: list[Path]) -> None:
    """In the preview, once the checks have passed: prepare this language's folder for what MkDocs writes.

    For a full rebuild the folder is emptied; in place, the generated pages and redirects the data no longer makes
    (``dropped``) are removed. Until then the folder holds the last good build.
    """
    if mode is not Mode.FULL:
        for path in dropped:
            remove_output(path, site_dir)
        return
    # The primary language's folder holds the others' (en/), which their own builds look after.
    others = {other for other in LANGUAGES if other != lang} if lang == PRIMARY else set()
    site_dir.mkdir(parents=True, exist_ok=True)
    for entry in site_dir.iterdir():
        if entry.name in others:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def remove_output(output: Path, site_dir: Path) -> None:
    """Remove a file a build in place no longer writes, and the folders that leaves empty (as a build would)."""
    output.unlink(missing_ok=True)
    folder = output.parent
    while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
