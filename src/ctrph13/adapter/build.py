"""The MkDocs side of the knowledge base: what the hooks call. Each function is a few lines over the package."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import shutil
import threading
import time
from collections import defaultdict
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import rcssmin
import rjsmin
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocstrings import MkdocstringsPlugin

from ctrph13.adapter.incremental import Mode, PreviewState, digest, keep_only
from ctrph13.adapter.linkcheck import LOGGER as LINK_LOGGER
from ctrph13.adapter.linkcheck import LinkProblems
from ctrph13.adapter.mdext import (
    PLACEHOLDER_START,
    Annotator,
    Deferred,
    Found,
    KnowledgeBaseExtension,
    abbreviation_annotator,
    annotate_all,
    citation_annotator,
)
from ctrph13.checks.validate import validate_all
from ctrph13.core import gitdates
from ctrph13.core.diagnostics import ContentError, Diagnostic, report
from ctrph13.core.i18n import ENGLISH_ONLY_PREFIX, LANGUAGES, PRIMARY, alternates, root_to_root
from ctrph13.core.mdfile import body_start_line, front_matter_title
from ctrph13.core.timing import timed
from ctrph13.data import practices, redirects
from ctrph13.data.site import Site, load_site
from ctrph13.data.translation import TRANSLATION_PATH
from ctrph13.outputs import offline, pdf, searchindex
from ctrph13.outputs import opendata as exports
from ctrph13.pages import documents
from ctrph13.pages import duties as matrix
from ctrph13.pages.duties import PROGRAM_PAGE
from ctrph13.pages.markers import document_pages, expand_markers, generated_pages

LOG = logging.getLogger("mkdocs.ctrph13")

SITE_KEY = "kb_site"
SECTIONS_KEY = "kb_search_sections"
FILES_KEY = "kb_files"
SOURCES_KEY = "kb_sources"
DATES_KEY = "kb_dates"
STALE_KEY = "kb_stale"
# Where the content of a generated page comes from (for "last changed" and "edit this page").
GENERATED_SOURCES = {
    documents.DOCUMENTS_DIR: "data/documents.yaml",
    matrix.ORG_DIR: "data/duties.yaml",
    matrix.THEME_DIR: "data/duties.yaml",
    "data": "data",
}
STALE_NOTE = {
    "vi": "",
    "en": (
        '<div data-editorial markdown>\n\n!!! warning "Translation may be out of date"\n\n    The Vietnamese '
        "version of this page changed after this translation was last updated. The Vietnamese text prevails."
        "\n\n</div>\n\n"
    ),
}
LINKER_KEY = "kb_linker"
# Set by the live preview (ctrph13.preview.live) on the configurations it builds: what the last build left.
PREVIEW_KEY = "kb_preview"
CHECKS_KEY = "kb_checks"
# The nested English build's use of the Vietnamese build's worker (annotations only).
WORKER_KEY = "kb_worker"
EXTENSION_KEY = "kb_extension"
LINKS_KEY = "kb_links"
# The outputs of generated pages and redirects the data no longer makes (the preview removes them).
DROPPED_KEY = "kb_dropped"
# data/redirects.yaml, read once per build.
REDIRECTS_KEY = "kb_redirects"
# Where documents are cited, by language, handed by the Vietnamese build to the English one.
MENTIONS_KEY = "kb_mentions"
MIKE_VERSION_VAR = "MIKE_DOCS_VERSION"
SKIP_PDF_VAR = "KB_SKIP_PDF"
OFFLINE_VAR = "KB_OFFLINE"


class ContentBuildError(Exception):
    """Content errors that stop the build; ``lines`` are already in the project's error format."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.lines = report(diagnostics)
        count = len(set(diagnostics))
        self.summary = f"{count} content error{'s' if count != 1 else ''}: the site was not built (see above)"
        super().__init__(self.summary)


@dataclass
class Linker:
    """Where citation links point from the page being rendered (MkDocs renders one page at a time)."""

    page_url: str = ""
    targets: dict[str, str] = field(default_factory=dict)

    def href(self, doc_id: str) -> str | None:
        """Relative URL of a document's page from the current page; ``None`` on that page itself."""
        target = self.targets.get(doc_id)
        if target is None or target == self.page_url:
            return None
        return get_relative_url(target, self.page_url)


def root_of(config: MkDocsConfig) -> Path:
    """The repository root: the folder of ``mkdocs.yml``, never the working directory."""
    return Path(config.config_file_path).resolve().parent


def lang_of(config: MkDocsConfig) -> str:
    """The language this build produces (``extra.kb.lang``)."""
    lang: str = config.extra["kb"]["lang"]
    return lang


def site_of(config: MkDocsConfig) -> Site:
    """The data loaded for this build by :func:`configure`."""
    site: Site = config[SITE_KEY]
    return site


MKDOCSTRINGS_CSS = "assets/_mkdocstrings.css"


def configure(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the whole knowledge base once per build process, load its data and register the extension."""
    root = root_of(config)
    if SITE_KEY in config:
        site = config[SITE_KEY]  # handed over by the Vietnamese build or the preview, which validated it
    elif config.extra["kb"].get("nested"):
        try:
            site = load_site(root)
        except ContentError as error:
            raise ContentBuildError(error.diagnostics) from None
    else:
        site = validated_site(config, root)
    config[SITE_KEY] = site
    preview = preview_of(config)
    dirty = preview is not None and preview.dirty(lang_of(config))
    # A page-by-page rebuild renders only the edited pages: the others' search sections are the last build's.
    config[SECTIONS_KEY] = dict(preview.languages[lang_of(config)].sections) if dirty and preview else {}
    config[DATES_KEY] = gitdates.last_changed(root)
    config[STALE_KEY] = set(gitdates.stale_translations(config[DATES_KEY]))
    if not config.extra["kb"].get("nested") and preview is None:
        report_stale(site, config[DATES_KEY])
    # mkdocstrings puts its stylesheet on every page; only the developer reference uses it (overrides/main.html
    # links it there), so every other page is spared a request.
    config.extra_css = [css for css in config.extra_css if css != MKDOCSTRINGS_CSS]
    if os.environ.get(OFFLINE_VAR):
        # A copy opened from disk: links must name files (chuong-trinh.html), since file:// serves no index.html.
        config.use_directory_urls = False
    if os.environ.get(MIKE_VERSION_VAR):
        # Only a versioned deploy has a versions.json for Material's selector to fetch; a plain build must not ask.
        config.extra["version"] = {"provider": "mike", "default": "latest"}
    linker = Linker()
    config[LINKER_KEY] = linker
    lang = lang_of(config)
    worker = worker_of(config)
    deferred = Deferred(partial(worker.annotate, lang)) if worker is not None else None
    extension = KnowledgeBaseExtension(lang, annotators(site, lang), linker.href, deferred)
    config[EXTENSION_KEY] = extension
    # MkDocs types this list as names, but Python-Markdown takes Extension instances too (and we need one
    # bound to this build's data).
    config.markdown_extensions.append(extension)  # type: ignore[arg-type]
    share_handler_templates(config)
    watch_links(config)
    if preview is None:
        # The knowledge base's data lives as long as the build: keep the collector from scanning it again and again.
        # Not in the preview, whose every rebuild would leave the last one's data (and garbage) frozen for good.
        gc.freeze()
    return config


def watch_links(config: MkDocsConfig) -> None:
    """Turn MkDocs' link warnings into diagnostics (``adapter.linkcheck``) for this build, until unwatch_links."""
    lang = lang_of(config)

    def path_of(src_uri: str) -> str:
        return source_path(lang, src_uri, generated=src_uri not in config[SOURCES_KEY])

    logger = logging.getLogger(LINK_LOGGER)
    if logger.getEffectiveLevel() > logging.WARNING:  # `mkdocs build --quiet` would drop link warnings unseen
        logger.setLevel(logging.WARNING)
    for stale in [f for f in logger.filters if isinstance(f, LinkProblems)]:
        logger.removeFilter(stale)  # left by a failed build of this process (the preview goes on after one)
    links = LinkProblems(path_of)
    config[LINKS_KEY] = links
    logger.addFilter(links)


def unwatch_links(config: MkDocsConfig) -> None:
    """Stop watching this build's links: the nested English build, or the preview's next, watches its own."""
    links = config.get(LINKS_KEY)
    if links is not None:
        logging.getLogger(LINK_LOGGER).removeFilter(links)


def validated_site(config: MkDocsConfig, root: Path) -> Site:
    """The loaded data, with every check of the knowledge base done, or running beside the build.

    On a machine with a spare CPU the checks (mostly parsing every citation of every page) run in a forked
    process while MkDocs converts the pages. Having parsed every page, that process also says where each
    document is cited, for the documents' pages, which MkDocs renders last. :func:`finish_validation` waits for
    it before anything is written.
    """
    checks = BesideChecks.start(root)
    if checks is None:
        loaded, problems = validate_all(root)
        if problems or loaded is None:
            raise ContentBuildError(problems)
        return loaded
    try:
        site = load_site(root)
    except ContentError as error:
        raise ContentBuildError(error.diagnostics + checks.checked()[0]) from None
    config[CHECKS_KEY] = checks
    return site


Checked = tuple[list[Diagnostic], dict[str, list[documents.Mention]]]


@dataclass
class BesideChecks:
    """The checks running in a forked process beside this build (see :func:`validated_site`).

    The same process then annotates the texts the Markdown extension leaves to it (:meth:`annotate`), for this
    build and the nested English one; the Vietnamese build joins it at the end (:func:`close_worker`).
    """

    executor: ProcessPoolExecutor
    pending: Future[Checked]
    # Marker errors met while converting pages: reported with the checks' problems, before anything is written.
    marker_problems: list[Diagnostic] = field(default_factory=list)
    # Set when the documents' pages wait for the checks to say where each document is cited.
    titles: dict[str, str] | None = None
    pages: dict[str, str] | None = None

    @classmethod
    def start(cls, root: Path) -> BesideChecks | None:
        """Fork the checks of the knowledge base at ``root``, unless that is unsafe or gains nothing."""
        # Forking is only safe without other threads (a live-reload server has some); one CPU gains nothing.
        if (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
            return None
        executor = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("fork"), initializer=_yield_to_the_build
        )
        return cls(executor, executor.submit(_checks, root))

    def checked(self) -> Checked:
        """What the checks found, waiting for them."""
        with timed("waiting for the checks"):
            return self.pending.result()

    def annotate(self, lang: str, texts: list[str]) -> Future[list[Found]]:
        """Have the worker annotate ``texts`` for a page in ``lang``, after the checks (see ``mdext.Deferred``)."""
        return self.executor.submit(_annotate, lang, texts)

    def close(self) -> None:
        """Join the worker: no process or thread of the pool outlives the build's use of it."""
        self.executor.shutdown(wait=True, cancel_futures=True)

    def problems(self) -> list[Diagnostic]:
        """Every problem found, waiting for the checks."""
        return [*self.checked()[0], *self.marker_problems]

    def document_page(self, site: Site, lang: str, src_uri: str) -> str:
        """A document's page, written (with all the others) once the checks have said where it is cited."""
        if self.pages is None:
            found = self.checked()[1].get(lang, [])
            self.pages = document_pages(site, lang, self.titles or {}, found)
        return self.pages[src_uri]


def _yield_to_the_build() -> None:
    # The build waits for the worker only at on_env, while every page it converts waits for the CPU: where the two
    # compete for one (other work on the machine), the build goes first.
    os.nice(10)


# In the worker: the knowledge base as its checks loaded it, for the annotations that follow them.
_CHECKED: dict[str, Site] = {}


def _checks(root: Path) -> Checked:
    site, problems = validate_all(root)
    if site is None:
        return problems, {}
    _CHECKED["site"] = site
    # The pages' citations are parsed already (kept on the registry): where documents are cited comes cheap.
    found = {lang: documents.mentions(root, lang, site.program, site.texts(lang), site.registry) for lang in LANGUAGES}
    return problems, found


def _annotate(lang: str, texts: list[str]) -> list[Found]:
    return annotate_all(annotators(_CHECKED["site"], lang), texts)


def annotators(site: Site, lang: str) -> list[Annotator]:
    """The extension's annotators, in order of priority: citations, then abbreviations."""
    return [citation_annotator(site.registry, lang), abbreviation_annotator(site.glossary, lang)]


def worker_of(config: MkDocsConfig) -> BesideChecks | None:
    """The process beside this build, its own or (for the nested English build) the Vietnamese build's."""
    worker: BesideChecks | None = config.get(CHECKS_KEY) or config.get(WORKER_KEY)
    return worker


def checks_of(config: MkDocsConfig) -> BesideChecks | None:
    """The checks running beside this build, if it started any."""
    checks: BesideChecks | None = config.get(CHECKS_KEY)
    return checks


def finish_validation(config: MkDocsConfig) -> None:
    """Stop the build, before a single file is written, if the checks found problems.

    The checks running beside the build, and MkDocs' link checks while it converted the pages.
    """
    checks = checks_of(config)
    links: LinkProblems = config[LINKS_KEY]
    problems = [*(checks.problems() if checks else []), *links.held]
    links.holding = False  # anchors are checked after writing: reported in our format, failing the strict build
    if problems:
        if checks is not None:
            checks.close()
        raise ContentBuildError(problems)


def finish_annotations(config: MkDocsConfig, files: Files) -> None:
    """Put the texts the worker annotated in place, in every page converted (``mdext.Deferred``)."""
    deferred = config[EXTENSION_KEY].deferred
    if deferred is None:
        return
    with timed("annotate"):
        deferred.answered(wait=True)
        linker: Linker = config[LINKER_KEY]
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.content and PLACEHOLDER_START in page.content:
                linker.page_url = page.url
                page.content = deferred.resolve(page.content, linker.href)


def close_worker(config: MkDocsConfig) -> None:
    """Join the process beside the build once the last build that uses it is done (the Vietnamese one)."""
    checks = checks_of(config)
    if checks is not None:
        checks.close()


def preview_of(config: MkDocsConfig) -> PreviewState | None:
    """The live preview's state when this build is one of its rebuilds."""
    state: PreviewState | None = config.get(PREVIEW_KEY)
    return state


class _UnchangedFile(File):
    """A generated page whose content is the same as in the preview's last build: ``dirty`` mode skips it."""

    def is_modified(self) -> bool:
        return False


class _RenderAgain(File):
    """A page the preview renders again in ``dirty`` mode, whatever the times of its source and output say."""

    def is_modified(self) -> bool:
        return True


def _url(files: Files, src_uri: str) -> str:
    file = files.get_file_from_path(src_uri)
    if file is None:
        raise KeyError(src_uri)
    return file.url


def generated_files(
    site: Site, lang: str, titles: dict[str, str], site_url: str, found: list[documents.Mention] | None = None
) -> dict[str, str | bytes]:
    """Every generated file of one language: path under the docs root -> content (``found``: see generated_pages)."""
    generated: dict[str, str | bytes] = dict(generated_pages(site, lang, titles, found))
    resp = site.responsibilities
    extra = {"practices": practices.export(site.practices)}
    for name, data in exports.files(resp, site.registry, site_url, extra).items():
        generated[f"data/{name}"] = data
    # Known to MkDocs so links to it validate; write_pdf prints the real file after the pages are built.
    generated[f"data/{pdf.pdf_name(lang)}"] = b""
    return generated


def add_generated_pages(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and the open data (virtual: nothing is written into docs/)."""
    site = site_of(config)
    # Read once: for the titles here, and for MkDocs and page_markdown later (see page_source).
    sources = {
        file.src_uri: Path(file.abs_src_path).read_text(encoding="utf-8-sig")
        for file in files.documentation_pages()
        if file.abs_src_path
    }
    config[SOURCES_KEY] = sources
    config[LINKS_KEY].sources = sources
    titles = {src_uri: front_matter_title(source) for src_uri, source in sources.items()}
    preview, lang = preview_of(config), lang_of(config)
    if preview:
        # MkDocs' dirty mode renders a page whose output is older than its source: not after a data edit, nor after
        # a save within the file system's clock tick of the last build. The preview says which pages changed.
        every = preview.modes.get(lang) is not Mode.DIRTY
        for file in files.documentation_pages():
            if every or file.src_uri in preview.edited:
                file.__class__ = _RenderAgain  # a subclass that adds no state: same file, same place in the list
    before = preview.languages[lang].generated if preview else {}
    found, checks = config.get(MENTIONS_KEY, {}).get(lang), checks_of(config)
    if found is None and checks is not None:
        # The checks beside the build will say where documents are cited: their pages are written when MkDocs
        # reaches them, last (page_markdown); a stand-in until then.
        checks.titles = titles
        found = []
    generated = generated_files(site, lang, titles, config.site_url or "", found)
    config[REDIRECTS_KEY] = redirects.load(root_of(config))[0]  # validated already
    # A rebuild in place: a page the data no longer generates, or a redirect it no longer lists, must not stay
    # (removed once the checks have passed, see clear_outputs).
    config[DROPPED_KEY] = [
        File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls).abs_dest_path
        for src_uri in sorted(before.keys() - generated.keys())
    ]
    if preview:
        state = preview.languages[lang]
        config[DROPPED_KEY] += [
            redirect_output(config, old) for old in sorted(state.redirects - config[REDIRECTS_KEY].keys())
        ]
        state.redirects = set(config[REDIRECTS_KEY])
    for src_uri, content in generated.items():
        fingerprint = digest(content)
        kind = _UnchangedFile if preview and preview.dirty(lang) and before.get(src_uri) == fingerprint else File
        files.append(kind.generated(config, src_uri, content=content))
        before[src_uri] = fingerprint
    keep_only(before, generated)
    linker: Linker = config[LINKER_KEY]
    config[FILES_KEY] = files
    linker.targets = {doc.id: _url(files, f"{documents.DOCUMENTS_DIR}/{doc.id}.md") for doc in site.registry.documents}
    return files


def report_stale(site: Site, dates: dict[str, int]) -> None:
    """Say which translations may be out of date: program blocks (by hash) and whole pages (by git history)."""
    lines = [
        Diagnostic(
            TRANSLATION_PATH.as_posix(),
            site.translation.lines.get(block, 1),
            1,
            f"the English translation of block {block} may be out of date: its Vietnamese text changed",
            "review the translation, then set its `source` to the new hash (scripts/kb blocks)",
        )
        for block in sorted(site.translation.stale)
    ]
    lines += [
        Diagnostic(
            path,
            1,
            1,
            "this English page may be out of date: the Vietnamese page changed after it",
            "review the translation and commit it",
        )
        for path in gitdates.stale_translations(dates)
    ]
    for line in report(lines):
        LOG.info(line.replace("::error", "::warning"))


def source_of(page: Page, lang: str) -> str:
    """The repository file a page's content comes from (a data file for generated pages)."""
    return source_path(lang, page.file.src_uri, generated=bool(page.file.generated_by))


def source_path(lang: str, src_uri: str, *, generated: bool) -> str:
    """The repository file of the page at ``src_uri`` (under the docs folder of ``lang``)."""
    if generated:
        return GENERATED_SOURCES.get(src_uri.split("/", 1)[0], "data")
    return f"docs/{lang}/{src_uri}"


def page_source(page: Page, config: MkDocsConfig) -> str | None:
    """A page's source as read when the files were collected (``None`` for a generated page: MkDocs has it)."""
    source: str | None = config[SOURCES_KEY].get(page.file.src_uri)
    return source


def page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """Expand the page's markers; point citation links relative to this page."""
    config[LINKER_KEY].page_url = page.url
    lang, checks = lang_of(config), checks_of(config)
    document = page.file.generated_by and page.file.src_uri.startswith(f"{documents.DOCUMENTS_DIR}/")
    if checks is not None and checks.titles is not None and document:
        markdown = checks.document_page(site_of(config), lang, page.file.src_uri)
    if lang != PRIMARY and f"docs/{lang}/{page.file.src_uri}" in config[STALE_KEY]:
        markdown = STALE_NOTE[lang] + markdown
    source = page_source(page, config) or ""
    path = f"docs/{lang}/{page.file.src_uri}"
    try:
        return expand_markers(markdown, site_of(config), lang, path, body_start_line(source), config.site_url or "")
    except ContentError as error:
        if checks is None:
            raise ContentBuildError(error.diagnostics) from None
        checks.marker_problems += error.diagnostics  # the checks find it too: reported with them, in on_env
        return markdown


def page_context(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Add the language links of this page (same page, other language) to the template context."""
    translated = not page.file.src_uri.startswith(ENGLISH_ONLY_PREFIX)
    version = os.environ.get(MIKE_VERSION_VAR)
    context["kb_alternates"] = alternates(page.url, lang_of(config), version, translated)
    context["kb_links"] = permanent_links(config.site_url or "", page.url, version)
    source = source_of(page, lang_of(config))
    stamp = config[DATES_KEY].get(source)
    context["kb_updated"] = time.strftime("%Y-%m-%d", time.gmtime(stamp)) if stamp else None
    if config.repo_url and (page.file.generated_by or not page.edit_url):
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source}"
    return context


def permanent_links(site_url: str, page_url: str, version: str | None) -> dict[str, str]:
    """A page's two addresses in a versioned deploy: this version's, and the current one (``latest``).

    mike has already pointed ``site_url`` at ``…/latest`` (canonical_version), so the version's root is beside it.
    """
    if not version or not site_url:
        return {}
    base = site_url.rstrip("/").removesuffix("latest")
    return {"version": version, "versioned": f"{base}{version}/{page_url}", "current": f"{base}latest/{page_url}"}


def collect_search_sections(html: str, page: Page, config: MkDocsConfig) -> None:
    """Keep the page's searchable sections (from the rendered article) for the index."""
    deferred = config[EXTENSION_KEY].deferred
    if deferred is not None:
        with timed("annotate"):
            html = deferred.plain(html)
    with timed("search-index"):
        sections: dict[str, list[searchindex.Section]] = config[SECTIONS_KEY]
        sections[page.url] = searchindex.sections(html, page.url, page.title or "")


def write_search_index(config: MkDocsConfig) -> None:
    """Write this language's search index under ``<site_dir>/search/``."""
    with timed("search-index"):
        _write_search_index(config)


def _write_search_index(config: MkDocsConfig) -> None:
    site, lang, preview = site_of(config), lang_of(config), preview_of(config)
    expansions = searchindex.expansions((t.term, t.vi if lang == "vi" else t.en) for t in site.glossary.abbreviations)
    by_page: dict[str, list[searchindex.Section]] = config[SECTIONS_KEY]
    # In the order of the pages (as a full build renders them), whichever build rendered each page.
    urls = [file.url for file in config[FILES_KEY].documentation_pages() if file.url in by_page]
    ordered = [section for url in urls for section in by_page[url]]
    cache = preview.languages[lang].keys_for(expansions) if preview else None
    index = searchindex.build(ordered, lang, expansions, cache, search_sources(site, config))
    if preview:
        preview.languages[lang].sections = {url: by_page[url] for url in urls}
        keep_only(preview.languages[lang].keys, [text for s in ordered for text in (s.text, s.title)])
    write_folder(Path(config.site_dir) / "search", index.files)


def search_sources(site: Site, config: MkDocsConfig) -> searchindex.Sources | None:
    """The program's clauses for the index: the page that shows them, and each anchor's signed and English text."""
    page = config[FILES_KEY].get_file_from_path(PROGRAM_PAGE)
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


def minify_assets(config: MkDocsConfig) -> None:
    """Minify our own scripts and stylesheets (``overrides/assets``) where the build wrote them.

    rjsmin and rcssmin take about 5 KiB gzip off every first visit: the program page's first visit fell from
    95 KiB to under its 90 KiB budget (issue 16). Material's own files come minified already. Idempotent, so the
    preview, which may leave unchanged files in place, gets the same bytes as a fresh build.
    """
    with timed("minify"):
        own = Path(config.theme.custom_dir or "overrides") / "assets"
        for source in sorted(own.glob("*.js")) + sorted(own.glob("*.css")):
            target = Path(config.site_dir) / "assets" / source.name
            if not target.is_file():
                continue
            text = target.read_text(encoding="utf-8")
            small = rcssmin.cssmin(text) if source.suffix == ".css" else rjsmin.jsmin(text)
            if small != text:
                target.write_text(small, encoding="utf-8")


def write_pdf(config: MkDocsConfig) -> None:
    """Print the program's PDF into ``data/`` (never in the live preview, nor where KB_SKIP_PDF is set)."""
    if os.environ.get(SKIP_PDF_VAR) or preview_of(config) is not None:
        return
    with timed("pdf"):
        try:
            pdf.print_program(Path(config.site_dir), lang_of(config), config.site_url or "https://example.org/")
        except ContentError as error:
            raise ContentBuildError(error.diagnostics) from None


def write_service_worker(config: MkDocsConfig, files: Files) -> None:
    """The offline worker at this language's root (``outputs.offline``); the primary one leaves ``en/`` alone."""
    pages = [file.url for file in files.documentation_pages()]
    exclude = root_to_root(PRIMARY, "en", None) if lang_of(config) == PRIMARY else None
    try:
        offline.write_service_worker(Path(config.site_dir), pages, exclude)
    except ValueError as error:
        page = source_path(lang_of(config), PROGRAM_PAGE, generated=False)
        fix = "make the home page or the program page lighter, or raise offline.AUTO_BUDGET with a reason"
        raise ContentBuildError([Diagnostic(page, 1, 1, str(error), fix)]) from None


def write_redirects(config: MkDocsConfig, files: Files) -> None:
    """A forwarding page at every former path (``data/redirects.yaml``), already validated."""
    for old, target in config[REDIRECTS_KEY].items():
        url = _url(files, target)
        canonical = f"{(config.site_url or '').rstrip('/')}/{url}"
        out = Path(redirect_output(config, old))
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(redirects.page(redirects.relative(old, url), canonical), encoding="utf-8")


def redirect_output(config: MkDocsConfig, old: str) -> str:
    """Where the forwarding page of the former path ``old`` is written (never a page's: validated)."""
    return str(Path(config.site_dir) / old / "index.html")


def clear_outputs(config: MkDocsConfig) -> None:
    """In the preview, once the checks have passed: prepare this language's folder for what MkDocs writes.

    For a full rebuild the folder is emptied; in place, the generated pages and redirects the data no longer makes
    are removed.
    Until then the folder holds the last good build.
    """
    preview, lang = preview_of(config), lang_of(config)
    site_dir = Path(config.site_dir)
    if preview is None:
        return
    if preview.modes.get(lang) is not Mode.FULL:
        for path in config[DROPPED_KEY]:
            remove_output(Path(path), site_dir)
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


def build_other_languages(config: MkDocsConfig) -> None:
    """After a plain build of the primary language, build English into ``<site_dir>/en``.

    A versioned deploy builds each language separately under its own prefix (see ``Makefile``), so nothing is
    nested there.
    """
    if lang_of(config) != PRIMARY or config.extra["kb"].get("nested") or os.environ.get(MIKE_VERSION_VAR):
        return
    if preview_of(config) is not None:
        return  # the preview builds each language itself, only when its pages changed
    english = english_config(root_of(config), Path(config.site_dir) / "en", strict=config.strict)
    english[SITE_KEY] = site_of(config)
    checks = checks_of(config)
    if checks is not None:
        english[MENTIONS_KEY] = checks.checked()[1]
        english[WORKER_KEY] = checks
    run(english)


def english_config(root: Path, site_dir: Path, **options: Any) -> MkDocsConfig:  # noqa: ANN401
    """The English configuration, built into the Vietnamese site's ``en/`` folder."""
    english = load_config(config_file=str(root / "mkdocs.en.yml"), site_dir=str(site_dir), **options)
    english.extra["kb"]["nested"] = True
    return english


def run(config: MkDocsConfig, *, dirty: bool = False, serve_url: str | None = None) -> None:
    """One MkDocs build of ``config``, with the start-up and shut-down events that ``mkdocs build`` sends."""
    config.plugins.on_startup(command="serve" if serve_url else "build", dirty=dirty)
    try:
        mkdocs_build(config, dirty=dirty, serve_url=serve_url)
    finally:
        config.plugins.on_shutdown()


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for every build of this process.

    Jinja compiles Material's ~100 templates afresh for every MkDocs build: twice per site (one build per
    language) and again on every preview rebuild. Jinja checks each entry against its template's source.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill ``bucket`` from memory, if this template was compiled before."""
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Remember a freshly compiled template."""
        self._code[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = TemplateCache()
# Apart from the theme's: compiled code depends on the environment's settings (mkdocstrings' escapes everything).
HANDLER_TEMPLATES = TemplateCache()


def share_templates(env: jinja2.Environment) -> jinja2.Environment:
    """Let this build's theme environment reuse the templates compiled by earlier builds of the process."""
    env.bytecode_cache = TEMPLATES
    return env


def share_handler_templates(config: MkDocsConfig) -> None:
    """The same for mkdocstrings' handlers (the API reference), which it creates afresh for every build."""
    plugin = config.plugins.get("mkdocstrings")
    if isinstance(plugin, MkdocstringsPlugin) and plugin.plugin_enabled:
        for handler in plugin.handlers.seen_handlers:
            handler.env.bytecode_cache = HANDLER_TEMPLATES
