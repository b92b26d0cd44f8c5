"""The MkDocs side of the knowledge base: what the hooks call. Each function is a few lines over the package."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ctrph13 import documents, exports, matrix, practices, redirects, searchindex
from ctrph13.diagnostics import ContentError, Diagnostic, report
from ctrph13.i18n import ENGLISH_ONLY_PREFIX, PRIMARY, alternates
from ctrph13.mdext import KnowledgeBaseExtension, abbreviation_annotator, citation_annotator
from ctrph13.mdfile import body_start_line, front_matter_title
from ctrph13.site import Site, expand_markers, load_site
from ctrph13.validate import validate_all

SITE_KEY = "kb_site"
SECTIONS_KEY = "kb_search_sections"
FILES_KEY = "kb_files"
LINKER_KEY = "kb_linker"
MIKE_VERSION_VAR = "MIKE_DOCS_VERSION"


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


def configure(config: MkDocsConfig) -> MkDocsConfig:
    """Validate the whole knowledge base once per build process, load its data and register the extension."""
    root = root_of(config)
    if config.extra["kb"].get("nested"):
        try:
            site = load_site(root)
        except ContentError as error:
            raise ContentBuildError(error.diagnostics) from None
    else:
        loaded, problems = validate_all(root)
        if problems or loaded is None:
            raise ContentBuildError(problems)
        site = loaded
    config[SITE_KEY] = site
    config[SECTIONS_KEY] = []
    if os.environ.get(MIKE_VERSION_VAR):
        # Only a versioned deploy has a versions.json for Material's selector to fetch; a plain build must not ask.
        config.extra["version"] = {"provider": "mike", "default": "latest"}
    linker = Linker()
    config[LINKER_KEY] = linker
    lang = lang_of(config)
    # MkDocs types this list as names, but Python-Markdown takes Extension instances too (and we need one
    # bound to this build's data).
    annotators = [citation_annotator(site.registry, lang, linker.href), abbreviation_annotator(site.glossary, lang)]
    config.markdown_extensions.append(KnowledgeBaseExtension(lang, annotators))  # type: ignore[arg-type]
    return config


def _url(files: Files, src_uri: str) -> str:
    file = files.get_file_from_path(src_uri)
    if file is None:
        raise KeyError(src_uri)
    return file.url


def _generated(site: Site, lang: str, root: Path, titles: dict[str, str], site_url: str) -> dict[str, str | bytes]:
    """Every generated file of one language: path under the docs root -> content."""
    generated: dict[str, str | bytes] = {}
    # Practice pages carry their titles as title_vi/title_en, which front_matter_title cannot see.
    titles = {**titles, **{f"{practices.PRACTICE_DIR}/{p.id}.md": p.title(lang) for p in site.practices}}
    found = documents.mentions(root, lang, site.program, site.texts(lang), site.registry)
    program_src = documents.program_page(root, lang)
    for doc in site.registry.documents:
        cited_in = [m for m in found if m.doc_id == doc.id]
        generated[f"{documents.DOCUMENTS_DIR}/{doc.id}.md"] = documents.document_markdown(
            doc, site.registry, cited_in, titles, lang, program_src
        )
    resp = site.responsibilities
    for org in resp.organizations:
        led = [(p.id, p.title(lang)) for p in site.practices if org.id in p.lead]
        generated[f"{matrix.ORG_DIR}/{org.id}.md"] = matrix.organization_markdown(resp, org, lang, led)
    for theme in resp.themes:
        generated[f"{matrix.THEME_DIR}/{theme.id}.md"] = matrix.theme_markdown(resp, theme.id, lang)
    extra = {"practices": practices.export(site.practices)}
    for name, data in exports.files(resp, site.registry, site_url, extra).items():
        generated[f"data/{name}"] = data
    return generated


def add_generated_pages(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and the open data (virtual: nothing is written into docs/)."""
    site = site_of(config)
    titles = {
        file.src_uri: front_matter_title(Path(file.abs_src_path).read_text(encoding="utf-8"))
        for file in files.documentation_pages()
        if file.abs_src_path
    }
    for src_uri, content in _generated(site, lang_of(config), root_of(config), titles, config.site_url or "").items():
        files.append(File.generated(config, src_uri, content=content))
    linker: Linker = config[LINKER_KEY]
    config[FILES_KEY] = files
    linker.targets = {doc.id: _url(files, f"{documents.DOCUMENTS_DIR}/{doc.id}.md") for doc in site.registry.documents}
    return files


def page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """Expand the page's markers; point citation links relative to this page."""
    config[LINKER_KEY].page_url = page.url
    lang = lang_of(config)
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8") if page.file.abs_src_path else ""
    path = f"docs/{lang}/{page.file.src_uri}"
    try:
        return expand_markers(markdown, site_of(config), lang, path, body_start_line(source), config.site_url or "")
    except ContentError as error:
        raise ContentBuildError(error.diagnostics) from None


def page_context(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Add the language links of this page (same page, other language) to the template context."""
    translated = not page.file.src_uri.startswith(ENGLISH_ONLY_PREFIX)
    version = os.environ.get(MIKE_VERSION_VAR)
    context["kb_alternates"] = alternates(page.url, lang_of(config), version, translated)
    context["kb_links"] = permanent_links(config.site_url or "", page.url, version)
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
    sections: list[searchindex.Section] = config[SECTIONS_KEY]
    sections += searchindex.sections(html, page.url, page.title or "")


def write_search_index(config: MkDocsConfig) -> None:
    """Write this language's search index under ``<site_dir>/search/``."""
    site, lang = site_of(config), lang_of(config)
    pairs = [(t.term, t.vi if lang == "vi" else t.en) for t in site.glossary.abbreviations]
    index = searchindex.build(config[SECTIONS_KEY], lang, searchindex.expansions(pairs))
    folder = Path(config.site_dir) / "search"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in index.files.items():
        (folder / name).write_text(content, encoding="utf-8")


def write_redirects(config: MkDocsConfig, files: Files) -> None:
    """A forwarding page at every former path (``data/redirects.yaml``), already validated."""
    mapping, _ = redirects.load(root_of(config))
    for old, target in mapping.items():
        url = _url(files, target)
        canonical = f"{(config.site_url or '').rstrip('/')}/{url}"
        out = Path(config.site_dir) / old / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(redirects.page(redirects.relative(old, url), canonical), encoding="utf-8")


def build_other_languages(config: MkDocsConfig) -> None:
    """After a plain build of the primary language, build English into ``<site_dir>/en``.

    A versioned deploy builds each language separately under its own prefix (see ``Makefile``), so nothing is
    nested there.
    """
    if lang_of(config) != PRIMARY or config.extra["kb"].get("nested") or os.environ.get(MIKE_VERSION_VAR):
        return
    english = load_config(
        config_file=str(root_of(config) / "mkdocs.en.yml"),
        site_dir=str(Path(config.site_dir) / "en"),
        strict=config.strict,
    )
    english.extra["kb"]["nested"] = True
    english.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(english)
    finally:
        english.plugins.on_shutdown()
