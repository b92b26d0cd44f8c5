"""The error that stops a build for content problems, already in the project's format."""

from __future__ import annotations

from ctrph13.core.diagnostics import Diagnostic, report


class ContentBuildError(Exception):
    """Content errors that stop the build; ``lines`` are already in the project's error format."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.lines = report(diagnostics)
        count = len(set(diagnostics))
        self.summary = f"{count} content error{'s' if count != 1 else ''}: the site was not built (see above)"
        super().__init__(self.summary)
