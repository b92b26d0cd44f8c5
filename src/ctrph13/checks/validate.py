"""Every content check of the knowledge base that needs no rendering, runnable with or without MkDocs.

What only a build finds: anchors (a link to ``page.md#no-such-anchor``: anchors exist once pages are rendered),
and MkDocs' and Material's own checks (navigation, configuration, plugins).
"""

from __future__ import annotations

from pathlib import Path

from ctrph13.checks.pagelinks import link_problems
from ctrph13.checks.templates import template_environment, templates_problems
from ctrph13.checks.terms import term_problems
from ctrph13.citations import clauses
from ctrph13.core.diagnostics import ContentError, Diagnostic, invisible_characters
from ctrph13.core.i18n import LANGUAGES
from ctrph13.data import redirects, values
from ctrph13.data.site import DOCS, Site, load_site, page_pairs
from ctrph13.pages.documents import citation_diagnostics
from ctrph13.pages.markers import generated_paths, markdown_problems


def affects_problems(root: Path, site: Site) -> list[Diagnostic]:
    """Change-log entries whose ``affects`` names no organisation, clause or practice (they feed the Atom feeds)."""
    located = values.load(root / "data" / "changelog.yaml", root, "changelog")
    known = (
        {org.id for org in site.responsibilities.organizations}
        | set(site.program.anchor_ids())
        | {practice.id for practice in site.practices}
    )
    return values.references(located, "changelog", {"affected": known})


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
    problems += clauses.repository_problems(root, site.program.anchor_ids())
    problems += term_problems(site)
    problems += affects_problems(root, site)
    problems += templates_problems(template_environment(root), root)
    generated = generated_paths(site)
    for lang in LANGUAGES:
        folder = root / DOCS / lang
        files = sorted(folder.rglob("*.md"))
        pages = {file.relative_to(folder).as_posix() for file in files} | generated
        for file in files:
            problems += link_problems(file, root, pages)
            problems += invisible_characters(file.read_text(encoding="utf-8"), file.relative_to(root).as_posix())
    return site, sorted(set(problems))
