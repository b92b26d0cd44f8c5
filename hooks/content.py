"""MkDocs adapter: load and validate the knowledge base, then expand markers and annotate every page.

Thin by design: the work is done by the ``ctrph13`` package, which the CLI (``scripts/kb``) and the tests use
without MkDocs.
"""

from __future__ import annotations

import logging
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ctrph13.adapter import build
from ctrph13.core import timing

# Under the `mkdocs.` namespace so --strict counts it, but without the plugin-name prefix that
# get_plugin_logger adds: every message starts with `path:line:col:` (the project's one error format).
log = logging.getLogger("mkdocs.ctrph13")


def _stop(error: build.ContentBuildError) -> PluginError:
    # Content errors are the editor's to fix: each on its own line in the project's format, then one summary.
    for line in error.lines:
        log.error(line)
    return PluginError(error.summary)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate everything before a single page is written, then load the data for this build."""
    try:
        with timing.timed("config"):
            return build.configure(config)
    except build.ContentBuildError as error:
        raise _stop(error) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages (one per registered document)."""
    with timing.timed("files"):
        return build.add_generated_pages(files, config)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """The page's source, read once when the files were collected."""
    return build.page_source(page, config)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Expand the page's ``<!-- kb:... -->`` markers."""
    try:
        with timing.timed("page_markdown"):
            return build.page_markdown(markdown, page, config)
    except build.ContentBuildError as error:
        raise _stop(error) from None


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: object) -> dict[str, Any]:
    """Give the templates this page's language links."""
    with timing.timed("page_context"):
        return build.page_context(context, page, config)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Collect the page's sections for the search index."""
    build.collect_search_sections(html, page, config)
    return html


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Before any file is written: the checks (templates included) must have passed; the annotations are put in place.

    The preview's folder is prepared only then (it holds the last good build until the checks pass). Reuse the
    templates compiled earlier.
    """
    try:
        with timing.timed("env"):
            build.finish_validation(config)
    except build.ContentBuildError as error:
        raise _stop(error) from None
    build.clear_outputs(config)
    build.finish_annotations(config, files)
    return build.share_templates(env)


def on_post_build(config: MkDocsConfig) -> None:
    """Stop watching this build's links; write the search index, then build English after Vietnamese."""
    build.unwatch_links(config)
    try:
        build.write_search_index(config)
        build.minify_assets(config)
        build.write_pdf(config)
        with timing.timed("post_build"):
            build.write_redirects(config, config[build.FILES_KEY])
            build.write_service_worker(config, config[build.FILES_KEY])
        build.build_other_languages(config)
    except build.ContentBuildError as error:
        raise _stop(error) from None
    finally:
        build.close_worker(config)
    timing.flush()
