"""The project's templates (``overrides/``) checked without MkDocs: Jinja syntax, and every template they name.

The build and ``scripts/kb check`` both run them through :func:`ctrph13.checks.validate.validate_all`, before
anything is written, in an environment with the build's search path (``overrides/``, then Material's templates):
an editor finds a broken template without a build, and a build reports it once, not once per language.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import jinja2
import jinja2.meta

from ctrph13.core.diagnostics import Diagnostic, line_col, relpath

OVERRIDES = Path("overrides")


def template_environment(root: Path) -> jinja2.Environment:
    """A Jinja environment that finds templates where the build does: ``overrides/``, then Material's own."""
    spec = importlib.util.find_spec("material")
    folders = [root / OVERRIDES]
    if spec and spec.submodule_search_locations:
        folders += [Path(location) / "templates" for location in spec.submodule_search_locations]
    return jinja2.Environment(loader=jinja2.FileSystemLoader([str(f) for f in folders]), autoescape=True)


def template_problems(env: jinja2.Environment, path: Path, shown: str) -> list[Diagnostic]:
    """What is wrong in one template file (``shown``: its path as reported)."""
    source = path.read_text(encoding="utf-8")
    try:
        tree = env.parse(source, path.name, str(path))
    except jinja2.TemplateSyntaxError as error:
        return [Diagnostic(shown, error.lineno, 1, f"template error: {error.message}", "fix the template")]
    problems = []
    for name in jinja2.meta.find_referenced_templates(tree):
        if name is None or env.loader is None:  # computed at render time
            continue
        try:
            env.loader.get_source(env, name)  # found, not compiled: MkDocs compiles what it renders
        except jinja2.TemplateNotFound:
            line, col = line_col(source, max(source.find(f'"{name}"'), source.find(f"'{name}'"), 0))
            problems.append(
                Diagnostic(shown, line, col, f"no template named {name!r}", "correct the name, or add the template")
            )
    return problems


def templates_problems(env: jinja2.Environment, root: Path, folder: Path | None = None) -> list[Diagnostic]:
    """What is wrong in every template under ``folder`` (default ``overrides/``), paths relative to ``root``."""
    custom = folder or root / OVERRIDES
    return [
        problem
        for path in sorted(custom.rglob("*.html"))
        for problem in template_problems(env, path, relpath(path, root))
    ]
