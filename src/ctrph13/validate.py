"""Every content check of the knowledge base that needs no rendering, runnable with or without MkDocs.

What only a build finds: anchors (a link to ``page.md#no-such-anchor``: anchors exist once pages are rendered),
and MkDocs' and Material's own checks (navigation, configuration, plugins).
"""

from __future__ import annotations

from pathlib import Path

from ctrph13 import redirects
from ctrph13.diagnostics import ContentError, Diagnostic
from ctrph13.documents import citation_diagnostics
from ctrph13.i18n import LANGUAGES
from ctrph13.pagelinks import link_problems
from ctrph13.site import DOCS, Site, generated_paths, load_site, markdown_problems, page_pairs
from ctrph13.templates import template_environment, templates_problems


def validate_all(root: Path) -> tuple[Site | None, list[Diagnostic]]:
    """Load the knowledge base at ``root`` and list all its problems, sorted by file and line.

    Returns:
        The loaded site (``None`` when the data could not be loaded) and the problems (empty when all is valid).
    """
    problems = page_pairs(root) + markdown_problems(root)
    try:
        problems += redirects.load(root)[1]
    except ContentError as error:
        problems += error.diagnostics
    try:
        site = load_site(root)
    except ContentError as error:
        return None, sorted(set(problems + error.diagnostics))
    problems += citation_diagnostics(root, site.program, site.translation.texts, site.registry, site.translation.lines)
    problems += templates_problems(template_environment(root), root)
    generated = generated_paths(site)
    for lang in LANGUAGES:
        folder = root / DOCS / lang
        files = sorted(folder.rglob("*.md"))
        pages = {file.relative_to(folder).as_posix() for file in files} | generated
        for file in files:
            problems += link_problems(file, root, pages)
    return site, sorted(set(problems))
