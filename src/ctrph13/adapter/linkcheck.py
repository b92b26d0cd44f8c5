"""MkDocs' own link checks, reported in the project's format with the link's line and column.

MkDocs checks every relative link while it converts a page, and says so in its own words ("Doc file
'gioi-thieu.md' contains a link 'khong-co.md', but the target is not found among documentation files."), naming
neither the repository path nor the line. :class:`LinkProblems` turns each of those warnings into a
:class:`~ctrph13.core.diagnostics.Diagnostic`. The ones met while pages are converted are held back and stop the build
before anything is written (:meth:`ctrph13.adapter.state.Build.on_env`); links to a missing anchor, which
MkDocs can only check once every page is written, are reported in the same format and fail the strict build.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ctrph13.core.diagnostics import Diagnostic, line_col, report

# The loggers of MkDocs' link checks (mkdocs.structure.pages: links while converting, anchors after writing).
LOGGER = "mkdocs.structure.pages"
_MESSAGE = re.compile(
    r"Doc file '(?P<page>[^']+)' contains (?P<kind>a link|an absolute link|an unrecognized relative link) "
    # A link may hold an apostrophe: it ends where MkDocs' sentence goes on.
    r"'(?P<link>.+?)'(?P<rest>(?:, but |, it was left as is\.).*)",
    re.DOTALL,
)
_SUGGESTION = re.compile(r" Did you mean '(?P<url>[^']+)'\?$")
_NOT_FOUND = re.compile(r", but the target(?: '(?P<target>[^']+)')? is not found among documentation files\.")
_NO_ANCHOR = re.compile(r", but the doc '(?P<target>[^']+)' does not contain an anchor '(?P<anchor>[^']+)'\.")
_NO_ANCHOR_HERE = ", but there is no such anchor on this page."
PAGE_FIX = "point it at an existing page: its .md file, relative to this page (chuong-trinh.md#iii-1)"


def position(source: str, link: str) -> tuple[int, int]:
    """Line and column of ``link`` in a page's source: where a Markdown link names it, else its first mention."""
    for needle in (f"]({link}", f"<{link}>", link):
        offset = source.find(needle)
        if offset >= 0:
            return line_col(source, offset + needle.index(link))
    return 1, 1


def explain(kind: str, link: str, rest: str) -> tuple[str, str] | None:
    """What is wrong and how to fix it, from the kind of MkDocs message and its tail; ``None`` if not a problem."""
    suggestion = _SUGGESTION.search(rest)
    fix = f"write '{suggestion['url']}'" if suggestion else PAGE_FIX
    if kind == "an absolute link":
        return f"absolute link '{link}': it breaks under a versioned address", fix
    if kind == "an unrecognized relative link":
        return f"link '{link}' names a folder or URL, not a page file", fix
    if found := _NOT_FOUND.match(rest):
        target = found["target"] or link
        return f"link '{link}' leads to no page: there is no {target}", fix
    if found := _NO_ANCHOR.match(rest):
        return (
            f"link '{link}' leads to no place: {found['target']} has no anchor '{found['anchor']}'",
            "use an anchor that page has (a heading's, or a clause's such as #iii-1)",
        )
    if rest.startswith(_NO_ANCHOR_HERE):
        return f"link '{link}' leads to no place: this page has no such anchor", "use an anchor this page has"
    return None


def diagnostic(message: str, path_of: Callable[[str], str], sources: Mapping[str, str]) -> Diagnostic | None:
    """The problem an MkDocs link message reports, at the link in the page's source; ``None`` for other messages.

    Args:
        message: The logged message.
        path_of: The repository file a page comes from, by its path under the docs folder (a data file for a
            generated page).
        sources: The pages' sources, by the same path (generated pages have none: line 1).
    """
    found = _MESSAGE.fullmatch(message)
    if found is None:
        return None
    explained = explain(found["kind"], found["link"], found["rest"])
    if explained is None:
        return None
    source = sources.get(found["page"])
    line, col = position(source, found["link"]) if source is not None else (1, 1)
    return Diagnostic(path_of(found["page"]), line, col, *explained)


@dataclass
class LinkProblems(logging.Filter):
    """A filter on MkDocs' page logger: link warnings become diagnostics (see the module's docstring).

    ``holding``: whether problems are held back to stop the build (while pages are converted) or logged at once
    in the project's format (after writing).
    """

    path_of: Callable[[str], str] = str
    sources: Mapping[str, str] = field(default_factory=dict)
    holding: bool = True
    held: list[Diagnostic] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def filter(self, record: logging.LogRecord) -> bool:
        """Hold or rewrite a link warning; let every other record through unchanged."""
        if record.levelno < logging.WARNING:
            return True
        problem = diagnostic(record.getMessage(), self.path_of, self.sources)
        if problem is None:
            return True
        if self.holding:
            self.held.append(problem)
            return False
        record.msg, record.args = "\n".join(report([problem])), ()
        return True
