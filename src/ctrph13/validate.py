"""Every content check of the knowledge base, runnable with or without MkDocs."""

from __future__ import annotations

from pathlib import Path

from ctrph13 import redirects
from ctrph13.diagnostics import ContentError, Diagnostic
from ctrph13.documents import citation_diagnostics
from ctrph13.site import Site, load_site, markdown_problems, page_pairs


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
    return site, sorted(set(problems))
