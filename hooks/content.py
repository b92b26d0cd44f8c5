"""MkDocs hooks: each event is one line into the build's state object (``ctrph13.adapter.state.Build``).

Thin by design: the work is done by the ``ctrph13`` package, which the CLI (``scripts/kb``) and the tests use
without MkDocs.
"""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ctrph13.adapter import state
from ctrph13.adapter.state import Build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return Build.on_config(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return state.of(config).on_files(files)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    return state.of(config).on_page_read_source(page)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return state.of(config).on_page_markdown(markdown, page)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: object) -> dict[str, Any]:
    return state.of(config).on_page_context(context, page)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return state.of(config).on_page_content(html, page)


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    return state.of(config).on_env(env)


def on_post_build(config: MkDocsConfig) -> None:
    state.of(config).on_post_build()
