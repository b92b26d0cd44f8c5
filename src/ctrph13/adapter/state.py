"""The one object that owns a build's state, and the events MkDocs sends it (``hooks/content.py``: one line each).

A :class:`Build` lives from ``on_config`` to ``on_post_build`` of one MkDocs build of one language. What a build
is handed from outside (the data loaded and checked by whoever started it, the live preview's memory) comes in a
:class:`Handover` given to :func:`run`; a plain ``mkdocs build`` has none and checks everything itself.
"""

from __future__ import annotations

import json
import logging
import os
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ctrph13.adapter import writes
from ctrph13.adapter.errors import ContentBuildError
from ctrph13.adapter.incremental import Mode, PreviewState, digest, keep_only
from ctrph13.adapter.linkcheck import LOGGER as LINK_LOGGER
from ctrph13.adapter.linkcheck import LinkProblems
from ctrph13.adapter.mdext import (
    PROGRAM_TARGET,
    Annotator,
    KnowledgeBaseExtension,
    abbreviation_annotator,
    citation_annotator,
    clause_annotator,
)
from ctrph13.adapter.templates import share_handler_templates, share_templates
from ctrph13.checks.validate import validate_all
from ctrph13.core import gitdates, timing
from ctrph13.core.diagnostics import ContentError, Diagnostic, report
from ctrph13.core.i18n import ENGLISH_ONLY_PREFIX, PRIMARY, alternates
from ctrph13.core.mdfile import body_start_line, front_matter_title
from ctrph13.data import practices, redirects
from ctrph13.data.site import Site
from ctrph13.data.translation import TRANSLATION_PATH
from ctrph13.outputs import feeds, jsonld, opendata, pdf, searchindex
from ctrph13.pages import documents, editions, handouts
from ctrph13.pages import duties as matrix
from ctrph13.pages.markers import expand_markers, generated_pages

# Under the `mkdocs.` namespace so --strict counts it, but without the plugin-name prefix that get_plugin_logger
# adds: every message starts with `path:line:col:` (the project's one error format).
LOG = logging.getLogger("mkdocs.ctrph13")

MIKE_VERSION_VAR = "MIKE_DOCS_VERSION"
# Set by `make publish` (ctrph13.publish.deploy): the previous edition, and its published program.json if any.
PREVIOUS_VERSION_VAR = "KB_PREVIOUS_VERSION"
PREVIOUS_PROGRAM_VAR = "KB_PREVIOUS_PROGRAM"
OFFLINE_VAR = "KB_OFFLINE"
MKDOCSTRINGS_CSS = "assets/_mkdocstrings.css"
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

P = ParamSpec("P")
R = TypeVar("R")


def stops_on_content_errors(method: Callable[P, R]) -> Callable[P, R]:
    """Content errors are the editor's to fix: each on its own line in the project's format, then one summary."""

    @wraps(method)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except ContentBuildError as error:
            for line in error.lines:
                LOG.error(line)  # noqa: TRY400 - the editor's error, not a bug: no traceback
            raise PluginError(error.summary) from None

    return guarded


@dataclass(frozen=True)
class Handover:
    """What a build is given by whoever started it, instead of loading and checking the data itself.

    Attributes:
        site: The knowledge base, loaded and checked.
        preview: The live preview's memory, when this build is one of its rebuilds.
        nested: The English build that the Vietnamese build runs into its ``en/`` folder.
    """

    site: Site
    preview: PreviewState | None = None
    nested: bool = False


@dataclass
class Linker:
    """Where citation and clause links point from the page being rendered (MkDocs renders one page at a time)."""

    page_url: str = ""
    targets: dict[str, str] = field(default_factory=dict)

    def href(self, target_id: str) -> str | None:
        """Relative URL of a document's page (or ``id#anchor``) from the current page; ``None`` on that page."""
        target_id, _, fragment = target_id.partition("#")
        target = self.targets.get(target_id)
        if target is None:
            return None
        if target == self.page_url:
            return f"#{fragment}" if fragment else None
        url = get_relative_url(target, self.page_url)
        return f"{url}#{fragment}" if fragment else url


def root_of(config: MkDocsConfig) -> Path:
    """The repository root: the folder of ``mkdocs.yml``, never the working directory."""
    return Path(config.config_file_path).resolve().parent


def lang_of(config: MkDocsConfig) -> str:
    """The language a configuration produces (``extra.kb.lang``)."""
    lang: str = config.extra["kb"]["lang"]
    return lang


def annotators(site: Site, lang: str) -> list[Annotator]:
    """The extension's annotators, in order of priority: citations, the program's clauses, abbreviations."""
    anchors = frozenset(site.program.anchor_ids())
    return [
        citation_annotator(site.registry, lang),
        clause_annotator(anchors),
        abbreviation_annotator(site.glossary, lang),
    ]


@dataclass
class Build:
    """The state of one build of one language, from ``on_config`` to ``on_post_build``."""

    config: MkDocsConfig
    root: Path
    lang: str
    site: Site
    handover: Handover | None
    linker: Linker
    extension: KnowledgeBaseExtension
    links: LinkProblems
    # Last change of every tracked file (git), and the English pages older than their Vietnamese page.
    dates: dict[str, int]
    stale: set[str]
    # Each page's searchable sections, by URL (a page-by-page preview rebuild starts from the last build's).
    sections: dict[str, list[searchindex.Section]]
    # Each page's Markdown, read once when the files are collected.
    sources: dict[str, str] = field(default_factory=dict)
    files: Files | None = None
    # data/redirects.yaml, and the outputs a rebuild in place no longer makes (the preview removes them).
    redirects: dict[str, str] = field(default_factory=dict)
    dropped: list[Path] = field(default_factory=list)

    @property
    def preview(self) -> PreviewState | None:
        """The live preview's memory, when this build is one of its rebuilds."""
        return self.handover.preview if self.handover else None

    # --- events ---------------------------------------------------------------------------------------------

    @classmethod
    @stops_on_content_errors
    def on_config(cls, config: MkDocsConfig) -> MkDocsConfig:
        """Validate everything before a single page is written, load the data, register the extension."""
        with timing.timed("config"):
            build = cls.start(config)
            return build.config

    @classmethod
    def start(cls, config: MkDocsConfig) -> Build:
        """The state of a new build of ``config`` (see :func:`run` for what it may be handed)."""
        root, lang = root_of(config), lang_of(config)
        handover = _HANDOVERS.pop(id(config), None)
        site = handover.site if handover else checked_site(root)
        preview = handover.preview if handover else None
        dirty = preview is not None and preview.dirty(lang)
        dates = gitdates.last_changed(root)
        linker = Linker()
        extension = KnowledgeBaseExtension(lang, annotators(site, lang), linker.href)
        build = cls(
            config=config,
            root=root,
            lang=lang,
            site=site,
            handover=handover,
            linker=linker,
            extension=extension,
            links=LinkProblems(lambda src_uri: build.source_path(src_uri, generated=src_uri not in build.sources)),
            dates=dates,
            stale=set(gitdates.stale_translations(dates)),
            sections=dict(preview.languages[lang].sections) if dirty and preview else {},
        )
        _BUILDS[id(config)] = build  # until on_post_build, or the end of run() if the build fails
        if handover is None:
            report_stale(site, dates)
        build.adjust_config()
        build.watch_links()
        return build

    @stops_on_content_errors
    def on_files(self, files: Files) -> Files:
        """Add the generated pages and the open data (virtual: nothing is written into docs/)."""
        with timing.timed("files"):
            return self.add_generated_pages(files)

    def on_page_read_source(self, page: Page) -> str | None:
        """A page's source as read when the files were collected (``None`` for a generated page: MkDocs has it)."""
        return self.sources.get(page.file.src_uri)

    @stops_on_content_errors
    def on_page_markdown(self, markdown: str, page: Page) -> str:
        """Expand the page's ``<!-- kb:... -->`` markers; point citation links relative to this page."""
        with timing.timed("page_markdown"):
            self.linker.page_url = page.url
            path = f"docs/{self.lang}/{page.file.src_uri}"
            if self.lang != PRIMARY and path in self.stale:
                markdown = STALE_NOTE[self.lang] + markdown
            first_line = body_start_line(self.sources.get(page.file.src_uri, ""))
            try:
                return expand_markers(markdown, self.site, self.lang, path, first_line, self.config.site_url or "")
            except ContentError as error:
                raise ContentBuildError(error.diagnostics) from None

    def on_page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        """Give the templates this page's language links, permanent links and date of last change."""
        with timing.timed("page_context"):
            translated = not page.file.src_uri.startswith(ENGLISH_ONLY_PREFIX)
            version = os.environ.get(MIKE_VERSION_VAR)
            context["kb_alternates"] = alternates(page.url, self.lang, version, translated)
            context["kb_links"] = permanent_links(self.config.site_url or "", page.url, version)
            source = self.source_path(page.file.src_uri, generated=bool(page.file.generated_by))
            stamp = self.dates.get(source)
            context["kb_updated"] = time.strftime("%Y-%m-%d", time.gmtime(stamp)) if stamp else None
            if self.config.repo_url and (page.file.generated_by or not page.edit_url):
                page.edit_url = f"{self.config.repo_url.rstrip('/')}/edit/main/{source}"
            context["kb_jsonld"] = self.described(page.file.src_uri, version)
            context["kb_feed"] = self.feed_of(page.file.src_uri, version)
            return context

    def feed_of(self, src_uri: str, version: str | None) -> str | None:
        """The address (latest, when versioned) of the Atom feed an organisation's page offers, or the site's."""
        root = jsonld.site_roots(self.config.site_url or "https://example.org/", self.lang, version)[self.lang]
        org_id = src_uri.removeprefix(f"{matrix.ORG_DIR}/").removesuffix(".md")
        if src_uri.startswith(f"{matrix.ORG_DIR}/") and org_id in {
            o.id for o in self.site.responsibilities.organizations
        }:
            return f"{root}{matrix.ORG_DIR}/{org_id}/{feeds.FEED}"
        return f"{root}{feeds.FEED}" if src_uri in ("index.md", "nhat-ky-thay-doi/index.md") else None

    def described(self, src_uri: str, version: str | None) -> str | None:
        """The schema.org JSON-LD of the program page and of each document page (``outputs.jsonld``)."""
        if src_uri == matrix.PROGRAM_PAGE:
            doc_id = documents.PROGRAM_ID
        elif src_uri.startswith(f"{documents.DOCUMENTS_DIR}/") and src_uri.endswith(".md"):
            doc_id = src_uri.removeprefix(f"{documents.DOCUMENTS_DIR}/").removesuffix(".md")
        else:
            return None
        if doc_id not in {doc.id for doc in self.site.registry.documents}:
            return None  # the index of documents
        roots = jsonld.site_roots(self.config.site_url or "https://example.org/", self.lang, version)
        pages = {doc.id: f"{documents.DOCUMENTS_DIR}/{doc.id}/" for doc in self.site.registry.documents}
        pages[documents.PROGRAM_ID] = "chuong-trinh/"  # the program's own page describes it
        url_of = {doc_id_: {lang: roots[lang] + path for lang in roots} for doc_id_, path in pages.items()}
        return jsonld.script(jsonld.legislation(self.site.registry.by_id(doc_id), self.lang, url_of))

    def on_page_content(self, html: str, page: Page) -> str:
        """Keep the page's searchable sections (from the rendered article) for the index."""
        if (page.meta.get("search") or {}).get("exclude"):
            return html  # the comparison of editions: its words are the program's, found on the program page
        with timing.timed("search-index"):
            self.sections[page.url] = searchindex.sections(html, page.url, page.title or "")
        return html

    @stops_on_content_errors
    def on_env(self, env: jinja2.Environment) -> jinja2.Environment:
        """Before any file is written: MkDocs' link checks must have passed; the preview's folder is prepared.

        Until then the preview's folder holds the last good build. The theme reuses the templates compiled by
        earlier builds of this process.
        """
        with timing.timed("env"):
            problems = self.links.held
            self.links.holding = False  # anchors are checked after writing: in our format, failing the strict build
            if problems:
                raise ContentBuildError(problems)
        if self.preview is not None:
            writes.clear_outputs(Path(self.config.site_dir), self.lang, self.preview.modes.get(self.lang), self.dropped)
        return share_templates(env)

    @stops_on_content_errors
    def on_post_build(self) -> None:
        """Write the search index and the other outputs, then build English after Vietnamese."""
        self.unwatch_links()
        assert self.files is not None
        site_dir = Path(self.config.site_dir)
        with timing.timed("search-index"):
            writes.search_index(site_dir, self.site, self.lang, self.files, self.sections, self.preview)
        writes.minify_assets(site_dir, Path(self.config.theme.custom_dir or "overrides"))
        if self.preview is None:
            writes.pdf(site_dir, self.lang, self.config.site_url)
        with timing.timed("post_build"):
            writes.redirects(site_dir, self.config.site_url or "", self.redirects, self.files)
            writes.service_worker(site_dir, self.lang, self.files)
        self.build_other_languages()
        timing.flush()
        _BUILDS.pop(id(self.config), None)

    # --- the steps ------------------------------------------------------------------------------------------

    def adjust_config(self) -> None:
        """What this build changes in its configuration: the extension, styles, addresses, template caches."""
        config = self.config
        # mkdocstrings puts its stylesheet on every page; only the developer reference uses it (overrides/main.html
        # links it there), so every other page is spared a request.
        config.extra_css = [css for css in config.extra_css if css != MKDOCSTRINGS_CSS]
        if os.environ.get(OFFLINE_VAR):
            # A copy opened from disk: links must name files (chuong-trinh.html), since file:// serves no index.html.
            config.use_directory_urls = False
        if os.environ.get(MIKE_VERSION_VAR):
            # Only a versioned deploy has a versions.json for Material's selector to fetch; a plain build must not.
            config.extra["version"] = {"provider": "mike", "default": "latest"}
        # MkDocs types this list as names, but Python-Markdown takes Extension instances too (and we need one
        # bound to this build's data).
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        share_handler_templates(config)

    def watch_links(self) -> None:
        """Turn MkDocs' link warnings into diagnostics (``adapter.linkcheck``) for this build, until unwatched."""
        logger = logging.getLogger(LINK_LOGGER)
        if logger.getEffectiveLevel() > logging.WARNING:  # `mkdocs build --quiet` would drop link warnings unseen
            logger.setLevel(logging.WARNING)
        for stale in [f for f in logger.filters if isinstance(f, LinkProblems)]:
            logger.removeFilter(stale)  # left by a failed build of this process (the preview goes on after one)
        logger.addFilter(self.links)

    def unwatch_links(self) -> None:
        """Stop watching this build's links: the nested English build, or the preview's next, watches its own."""
        logging.getLogger(LINK_LOGGER).removeFilter(self.links)

    def source_path(self, src_uri: str, *, generated: bool) -> str:
        """The repository file of the page at ``src_uri`` (a data file for generated pages)."""
        if generated:
            return GENERATED_SOURCES.get(src_uri.split("/", 1)[0], "data")
        return f"docs/{self.lang}/{src_uri}"

    def add_generated_pages(self, files: Files) -> Files:
        """Read every page once; add the generated pages and the open data, marking what a preview re-renders."""
        config, lang, preview = self.config, self.lang, self.preview
        self.sources = {
            # NFC: a page pasted in decomposed form is published, and searched, in the one composed form.
            file.src_uri: unicodedata.normalize("NFC", Path(file.abs_src_path).read_text(encoding="utf-8-sig"))
            for file in files.documentation_pages()
            if file.abs_src_path
        }
        self.links.sources = self.sources
        titles = {src_uri: front_matter_title(source) for src_uri, source in self.sources.items()}
        if preview:
            # MkDocs' dirty mode renders a page whose output is older than its source: not after a data edit, nor
            # after a save within the file system's clock tick of the last build. The preview says which changed.
            every = preview.modes.get(lang) is not Mode.DIRTY
            for file in files.documentation_pages():
                if every or file.src_uri in preview.edited:
                    file.__class__ = _RenderAgain  # a subclass that adds no state: same file, same place in the list
        before = preview.languages[lang].generated if preview else {}
        placeholder = bool(config.extra["kb"].get("publisher", {}).get("placeholder", True))
        generated = generated_files(self.site, lang, titles, config.site_url or "", placeholder=placeholder)
        self.redirects = redirects.load(self.root)[0]  # validated already
        # A rebuild in place: a page the data no longer generates, or a redirect it no longer lists, must not stay
        # (removed once the checks have passed, see writes.clear_outputs).
        self.dropped = [
            Path(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls).abs_dest_path)
            for src_uri in sorted(before.keys() - generated.keys())
        ]
        if preview:
            state = preview.languages[lang]
            self.dropped += [
                writes.redirect_output(Path(config.site_dir), old)
                for old in sorted(state.redirects - self.redirects.keys())
            ]
            state.redirects = set(self.redirects)
        for src_uri, content in generated.items():
            fingerprint = digest(content)
            kind = _UnchangedFile if preview and preview.dirty(lang) and before.get(src_uri) == fingerprint else File
            files.append(kind.generated(config, src_uri, content=content))
            before[src_uri] = fingerprint
        keep_only(before, generated)
        self.files = files
        self.linker.targets = {
            doc.id: writes.url_of(files, f"{documents.DOCUMENTS_DIR}/{doc.id}.md")
            for doc in self.site.registry.documents
        }
        self.linker.targets[PROGRAM_TARGET] = writes.url_of(files, matrix.PROGRAM_PAGE)
        return files

    def build_other_languages(self) -> None:
        """After a plain build of the primary language, build English into ``<site_dir>/en``.

        A versioned deploy builds each language separately under its own prefix (see ``Makefile``), and the
        preview builds each language itself, only when its pages changed: nothing is nested there.
        """
        if self.lang != PRIMARY or self.handover is not None or os.environ.get(MIKE_VERSION_VAR):
            return
        english = english_config(self.root, Path(self.config.site_dir) / "en", strict=self.config.strict)
        run(english, Handover(self.site, nested=True))


class _UnchangedFile(File):
    """A generated page whose content is the same as in the preview's last build: ``dirty`` mode skips it."""

    def is_modified(self) -> bool:
        return False


class _RenderAgain(File):
    """A page the preview renders again in ``dirty`` mode, whatever the times of its source and output say."""

    def is_modified(self) -> bool:
        return True


# The builds under way in this process (the nested English build runs inside the Vietnamese one), by configuration.
_BUILDS: dict[int, Build] = {}
# What run() was given for a configuration, until on_config takes it.
_HANDOVERS: dict[int, Handover] = {}


def of(config: MkDocsConfig) -> Build:
    """The build under way for ``config`` (started by its ``on_config``)."""
    return _BUILDS[id(config)]


def checked_site(root: Path) -> Site:
    """The knowledge base at ``root``, with every check that needs no rendering passed."""
    site, problems = validate_all(root)
    if problems or site is None:
        raise ContentBuildError(problems)
    return site


def generated_files(
    site: Site, lang: str, titles: dict[str, str], site_url: str, *, placeholder: bool = True
) -> dict[str, str | bytes]:
    """Every generated file of one language: path under the docs root -> content."""
    generated: dict[str, str | bytes] = dict(generated_pages(site, lang, titles))
    program = opendata.program(site.program, site.translation, site.errata, site.responsibilities)
    extra = {"practices": practices.export(site.practices), "program": program}
    for name, data in opendata.files(site.responsibilities, site.registry, site_url, extra).items():
        generated[f"data/{name}"] = data
    # Known to MkDocs so links to it validate; the PDF is printed into it after the pages are built.
    generated[f"data/{pdf.pdf_name(lang)}"] = b""
    generated |= edition_files(site, lang, program)
    generated |= feed_files(site, lang, site_url)
    generated |= handout_files(site, lang, site_url, placeholder=placeholder)
    return generated


def handout_files(site: Site, lang: str, site_url: str, *, placeholder: bool) -> dict[str, str | bytes]:
    """A printable handout per section, clause and bullet (``pages.handouts``), with its two addresses."""
    version = os.environ.get(MIKE_VERSION_VAR) or None
    current_root = jsonld.site_roots(site_url or "https://example.org/", lang, version)[lang]
    permanent_root = current_root.removesuffix("latest/") + f"{version}/" if version else current_root
    texts = site.translation.texts
    return {
        f"{handouts.HANDOUT_DIR}/{anchor}.md": handouts.handout_markdown(
            site.program,
            texts,
            anchor,
            lang,
            f"{permanent_root}chuong-trinh/#{anchor}",
            f"{current_root}chuong-trinh/#{anchor}",
            placeholder,
        )
        for anchor in site.program.anchor_ids()
    }


def feed_files(site: Site, lang: str, site_url: str) -> dict[str, str | bytes]:
    """The Atom feeds of this language (``outputs.feeds``), their addresses pointing to ``latest`` when versioned."""
    version = os.environ.get(MIKE_VERSION_VAR) or None
    root = jsonld.site_roots(site_url or "https://example.org/", lang, version)[lang]
    resp = site.responsibilities
    files: dict[str, str | bytes] = {
        f"{matrix.ORG_DIR}/{org.id}/{feeds.FEED}": feeds.organization_feed(resp, org, site.changelog, lang, root, root)
        for org in resp.organizations
    }
    files[feeds.FEED] = feeds.site_feed(resp, site.changelog, lang, root, root)
    return files


def edition_files(site: Site, lang: str, program: list[dict[str, Any]]) -> dict[str, str | bytes]:
    """The comparison with the previous edition, when ``make publish`` names one (``ctrph13.publish.deploy``)."""
    version = os.environ.get(MIKE_VERSION_VAR) or None
    previous = os.environ.get(PREVIOUS_VERSION_VAR) or None
    if version is None or previous is None:
        return {}  # the page generated_pages made says there is nothing to compare with
    published = os.environ.get(PREVIOUS_PROGRAM_VAR)
    changes = editions.compare(json.loads(Path(published).read_text(encoding="utf-8")), program) if published else None
    log: list[dict[str, Any]] = next((r["changes"] for r in site.changelog if r["version"] == version), [])
    files: dict[str, str | bytes] = {editions.PAGE: editions.page_markdown(lang, version, previous, changes, log)}
    if changes is not None:
        listed = {"version": version, "previous": previous, "changes": [c.as_json() for c in changes]}
        files[f"data/changes-since-{previous}.json"] = opendata.to_json(listed)
        # Under a name that does not change, for older editions' pages to find (assets/editions.js).
        files["data/changes.json"] = opendata.to_json(listed)
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


def permanent_links(site_url: str, page_url: str, version: str | None) -> dict[str, str]:
    """A page's two addresses in a versioned deploy: this version's, and the current one (``latest``).

    mike has already pointed ``site_url`` at ``…/latest`` (canonical_version), so the version's root is beside it.
    """
    if not version or not site_url:
        return {}
    base = site_url.rstrip("/").removesuffix("latest")
    return {"version": version, "versioned": f"{base}{version}/{page_url}", "current": f"{base}latest/{page_url}"}


def english_config(root: Path, site_dir: Path, **options: Any) -> MkDocsConfig:  # noqa: ANN401
    """The English configuration, built into ``site_dir`` (the Vietnamese site's ``en/`` folder)."""
    return load_config(config_file=str(root / "mkdocs.en.yml"), site_dir=str(site_dir), **options)


def run(
    config: MkDocsConfig, handover: Handover | None = None, *, dirty: bool = False, serve_url: str | None = None
) -> None:
    """One MkDocs build of ``config``, with the start-up and shut-down events that ``mkdocs build`` sends."""
    if handover is not None:
        _HANDOVERS[id(config)] = handover
    config.plugins.on_startup(command="serve" if serve_url else "build", dirty=dirty)
    try:
        mkdocs_build(config, dirty=dirty, serve_url=serve_url)
    finally:
        _HANDOVERS.pop(id(config), None)
        _BUILDS.pop(id(config), None)  # a failed build never reached on_post_build: the preview goes on
        config.plugins.on_shutdown()
