"""Links between page files, checked without rendering (``scripts/kb check``), as MkDocs will check them.

A relative Markdown link in a page must name a page file (``chuong-trinh.md``, ``../to-chuc/cat.md#nhiem-vu``) that
exists in the same language's folder or that the build generates from the data (a document, organisation or theme
page). A link to a folder (``to-chuc/``) or an absolute path (``/chuong-trinh/``) breaks under a versioned address
or a copy opened from disk. Anchors are checked by a build only: they exist once the page is rendered.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ctrph13.core.diagnostics import Diagnostic, line_col

# An inline Markdown link or image: [text](target "title"); the target ends at whitespace or the closing bracket.
LINK_RE = re.compile(r"\]\((?P<target><[^>\n]+>|[^)\s]+)")
# Code spans, fenced blocks and HTML comments hold examples, not links.
CODE_RE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]+`|<!--.*?-->", re.DOTALL)
FIX = "point it at an existing page: its .md file, relative to this page (chuong-trinh.md#iii-1)"


def _blank(match: re.Match[str]) -> str:
    # Keep line numbers: replace the code with spaces, newlines kept.
    return re.sub(r"[^\n]", " ", match[0])


def _resolve(here: str, path: str) -> str:
    """``path`` relative to the folder ``here`` (under the docs folder), as a path under the docs folder."""
    return posixpath.normpath(posixpath.join(here, path)) if here != "." else posixpath.normpath(path)


def link_problems(page: Path, root: Path, pages: Iterable[str]) -> list[Diagnostic]:
    """Links in ``page`` (a Markdown file under ``docs/<lang>/``) that lead to no page file.

    Args:
        page: The Markdown file.
        root: The repository root.
        pages: Every page of the language, as paths under ``docs/<lang>/`` (files and generated pages).
    """
    known = set(pages)
    docs = page.parent
    while docs.parent.name != "docs":
        docs = docs.parent
    here = page.relative_to(docs).parent.as_posix()
    source = page.read_text(encoding="utf-8")
    scanned = CODE_RE.sub(_blank, source)
    shown = page.relative_to(root).as_posix()
    problems = []
    for match in LINK_RE.finditer(scanned):
        target = match["target"].strip("<>")
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or not parts.path:
            continue  # another site, mailto:, or an anchor on this page
        line, col = line_col(source, match.start("target"))
        path = unquote(parts.path)
        fix = FIX
        if path.startswith("/") or path.endswith("/"):
            # The page the reader meant, as MkDocs would suggest it: "../chuong-trinh/" is chuong-trinh.md.
            # A folder link is a URL, relative to the page's own address (gioi-thieu.md is served at gioi-thieu/).
            address = here if page.stem == "index" else posixpath.join(here, page.stem)
            folder = (
                posixpath.normpath(path.strip("/")) if path.startswith("/") else _resolve(address, path.rstrip("/"))
            )
            for candidate in (f"{folder}.md", f"{folder}/index.md" if folder != "." else "index.md"):
                if candidate in known:
                    fix = f"write '{posixpath.relpath(candidate, here if here != '.' else '')}'"
                    break
            if path.startswith("/"):
                message = f"absolute link '{target}': it breaks under a versioned address"
            else:
                message = f"link '{target}' names a folder or URL, not a page file"
            problems.append(Diagnostic(shown, line, col, message, fix))
            continue
        if not path.endswith(".md"):
            continue  # a file MkDocs copies (an image, a PDF the build prints): a build checks it
        resolved = _resolve(here, path)
        if resolved in known:
            continue
        message = f"link '{target}' leads to no page: there is no {resolved}"
        problems.append(Diagnostic(shown, line, col, message, FIX))
    return problems
