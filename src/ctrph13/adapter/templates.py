"""Templates compiled once per process: the theme's, and mkdocstrings' handlers'.

Jinja compiles Material's ~100 templates afresh for every MkDocs build: twice per site (one build per language)
and again on every preview rebuild. Jinja checks each entry against its template's source.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocstrings import MkdocstringsPlugin

from ctrph13.core.trial import off


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for every build of this process."""

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
    if not off("templates"):
        env.bytecode_cache = TEMPLATES
    return env


def share_handler_templates(config: MkDocsConfig) -> None:
    """The same for mkdocstrings' handlers (the API reference), which it creates afresh for every build."""
    plugin = config.plugins.get("mkdocstrings")
    if off("handlers") or not isinstance(plugin, MkdocstringsPlugin) or not plugin.plugin_enabled:
        return
    for handler in plugin.handlers.seen_handlers:
        handler.env.bytecode_cache = HANDLER_TEMPLATES
