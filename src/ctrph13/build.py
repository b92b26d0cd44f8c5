"""The MkDocs side of the knowledge base: what the hooks call. Each function is a few lines over the package."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ctrph13.diagnostics import ContentError, Diagnostic, report
from ctrph13.i18n import ENGLISH_ONLY_PREFIX, PRIMARY, alternates
from ctrph13.mdext import KnowledgeBaseExtension, abbreviation_annotator
from ctrph13.mdfile import body_start_line
from ctrph13.site import Site, expand_markers, load_site
from ctrph13.validate import validate_all

SITE_KEY = "kb_site"
MIKE_VERSION_VAR = "MIKE_DOCS_VERSION"


class ContentBuildError(Exception):
    """Content errors that stop the build; ``lines`` are already in the project's error format."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.lines = report(diagnostics)
        count = len(set(diagnostics))
        self.summary = f"{count} content error{'s' if count != 1 else ''}: the site was not built (see above)"
        super().__init__(self.summary)


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
    if not config.extra["kb"].get("nested"):
        problems = validate_all(root)
        if problems:
            raise ContentBuildError(problems)
    try:
        site = load_site(root)
    except ContentError as error:
        raise ContentBuildError(error.diagnostics) from None
    config[SITE_KEY] = site
    lang = lang_of(config)
    # MkDocs types this list as names, but Python-Markdown takes Extension instances too (and we need one
    # bound to this build's data).
    config.markdown_extensions.append(
        KnowledgeBaseExtension(lang, [abbreviation_annotator(site.glossary, lang)])  # type: ignore[arg-type]
    )
    return config


def page_markdown(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """Expand the page's markers; errors point at the line in the source file."""
    lang = lang_of(config)
    source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8") if page.file.abs_src_path else ""
    path = f"docs/{lang}/{page.file.src_uri}"
    try:
        return expand_markers(markdown, site_of(config), lang, path, body_start_line(source))
    except ContentError as error:
        raise ContentBuildError(error.diagnostics) from None


def page_context(context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Add the language links of this page (same page, other language) to the template context."""
    translated = not page.file.src_uri.startswith(ENGLISH_ONLY_PREFIX)
    context["kb_alternates"] = alternates(page.url, lang_of(config), os.environ.get(MIKE_VERSION_VAR), translated)
    return context


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
