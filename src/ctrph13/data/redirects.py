"""Old addresses keep working: ``data/redirects.yaml`` maps a page's former path to its current page.

Our own few lines instead of mkdocs-redirects: its current release (1.2.3) depends on properdocs, which mike
would then silently use as the builder. Each old path gets a small page (both languages) that forwards to the
new one with the #anchor kept, and tells search engines the canonical address.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from ctrph13.core.diagnostics import Diagnostic
from ctrph13.core.i18n import LANGUAGES
from ctrph13.data import values

REDIRECTS_PATH = Path("data") / "redirects.yaml"


def load(root: Path) -> tuple[dict[str, str], list[Diagnostic]]:
    """The redirect map (old directory path -> target page ``.md``) and its problems."""
    located = values.load(root / REDIRECTS_PATH, root, "redirects")
    mapping: dict[str, str] = located.data["redirects"] or {}
    problems = []
    for old, target in mapping.items():
        for lang in LANGUAGES:
            if not (root / "docs" / lang / target).is_file():
                problems.append(
                    located.diagnostic(
                        ("redirects", old),
                        f"redirect target {target!r} does not exist in docs/{lang}/",
                        "point it at an existing page (.md path)",
                    )
                )
            existing = root / "docs" / lang / f"{old.rstrip('/')}.md"
            if existing.is_file() or (root / "docs" / lang / old / "index.md").is_file():
                problems.append(
                    located.diagnostic(
                        ("redirects", old),
                        f"{old!r} is still a page in docs/{lang}/",
                        "remove the redirect or the page",
                    )
                )
    return mapping, problems


def page(target_url: str, canonical: str) -> str:
    """A redirect page: meta refresh for any browser, a script that keeps the #anchor, a plain link."""
    href = html.escape(target_url, quote=True)
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Redirect</title>
<link rel="canonical" href="{html.escape(canonical, quote=True)}">
<meta http-equiv="refresh" content="0; url={href}">
<script>location.replace({target_url!r} + location.hash)</script>
</head><body><a href="{href}">{href}</a></body></html>
"""


def relative(from_dir: str, to_url: str) -> str:
    """URL of ``to_url`` (site-relative) from the directory ``from_dir`` (site-relative)."""
    return posixpath.relpath(to_url or ".", from_dir.rstrip("/") or ".") + ("/" if to_url.endswith("/") else "")
