"""Every content check of the knowledge base, runnable with or without MkDocs."""

from __future__ import annotations

from pathlib import Path

from ctrph13.diagnostics import ContentError, Diagnostic
from ctrph13.site import load_site, markdown_problems, page_pairs


def validate_all(root: Path) -> list[Diagnostic]:
    """All problems in the repository at ``root``, sorted by file and line (empty when everything is valid)."""
    problems = page_pairs(root) + markdown_problems(root)
    try:
        load_site(root)
    except ContentError as error:
        problems.extend(error.diagnostics)
    return sorted(set(problems))
