"""The knowledge base's data, loaded once per build and shared by the build, the checks and the command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from ctrph13.core.diagnostics import ContentError, Diagnostic
from ctrph13.core.i18n import ENGLISH_ONLY_PREFIX, LANGUAGES
from ctrph13.data import glossary as glossary_module
from ctrph13.data import practices as practices_module
from ctrph13.data import program as program_module
from ctrph13.data import registry as registry_module
from ctrph13.data import responsibility as responsibility_module
from ctrph13.data import translation as translation_module
from ctrph13.data import values
from ctrph13.data.glossary import Glossary
from ctrph13.data.practices import Practice
from ctrph13.data.program import Program
from ctrph13.data.registry import Registry
from ctrph13.data.responsibility import Responsibilities
from ctrph13.data.translation import Erratum, Translation

DOCS = Path("docs")
CHANGELOG = Path("data") / "changelog.yaml"
T = TypeVar("T")


@dataclass(frozen=True)
class Site:
    """Data of the knowledge base, as loaded and checked for one build."""

    root: Path
    program: Program
    glossary: Glossary
    translation: Translation
    errata: tuple[Erratum, ...]
    registry: Registry
    responsibilities: Responsibilities
    practices: tuple[Practice, ...]
    changelog: tuple[dict[str, Any], ...]

    @cached_property
    def practice_by_id(self) -> dict[str, Practice]:
        """The catalogue by id: each practice page looks up itself and its related practices."""
        return {practice.id: practice for practice in self.practices}

    def texts(self, lang: str) -> dict[str, str]:
        """Program text per block id in ``lang``."""
        if lang == "vi":
            return {block.id: block.text for block in self.program.blocks}
        return self.translation.texts


def load_site(root: Path) -> Site:
    """Load every data file; raise :class:`ContentError` listing every problem found in all of them."""
    problems: list[Diagnostic] = []
    program = program_module.load(root)

    def attempt(loader: Callable[[], T]) -> T:
        try:
            return loader()
        except ContentError as error:
            problems.extend(error.diagnostics)
            return None  # type: ignore[return-value]  # never used: the problems are raised below

    glossary = attempt(lambda: glossary_module.load(root))
    translation = attempt(lambda: translation_module.load_translation(root, program))
    errata = attempt(lambda: translation_module.load_errata(root, program))
    registry = attempt(lambda: registry_module.load(root, program))
    responsibilities = attempt(lambda: responsibility_module.load(root, program))
    # Practices refer to organisations: check them only when the organisations loaded.
    practices = attempt(lambda: practices_module.load(root, program, responsibilities)) if not problems else ()
    changelog = attempt(lambda: tuple(values.load(root / CHANGELOG, root, "changelog").data["releases"]))
    if problems:
        raise ContentError(problems)
    return Site(root, program, glossary, translation, errata, registry, responsibilities, practices, changelog)


def page_pairs(root: Path) -> list[Diagnostic]:
    """Every reader page must exist in both languages (developer pages under ``dev/`` are English-only)."""
    pages = {
        lang: {p.relative_to(root / DOCS / lang).as_posix() for p in (root / DOCS / lang).rglob("*.md")}
        for lang in LANGUAGES
    }
    problems: list[Diagnostic] = []
    for lang, other in (("vi", "en"), ("en", "vi")):
        for page in sorted(pages[lang] - pages[other]):
            if page.startswith(ENGLISH_ONLY_PREFIX):
                continue
            problems.append(
                Diagnostic(
                    f"docs/{lang}/{page}",
                    1,
                    1,
                    f"page has no {LANGUAGES[other]} version",
                    f"create docs/{other}/{page} (every reader page exists in both languages)",
                )
            )
    return problems
