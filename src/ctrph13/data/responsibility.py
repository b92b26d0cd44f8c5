"""Who must do what: organisations, themes, duties, the schedule and later changes, traced to the clauses.

Every duty and schedule entry quotes the program; the quote must be a verbatim passage of the clause it cites
(whitespace and old/new tone placement aside), so the matrix can never say more than the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctrph13.core.diagnostics import ContentError, Diagnostic
from ctrph13.core.text import collapse, normalise
from ctrph13.data import values, yamldata
from ctrph13.data.program import Program

DATA = Path("data")
FILES = {
    "organizations": "organizations.yaml",
    "themes": "themes.yaml",
    "duties": "duties.yaml",
    "schedule": "schedule.yaml",
    "changes": "changes.yaml",
}
ROLES = ("lead", "coordinate", "requested", "monitor")
ROLE_LABELS: Mapping[str, Mapping[str, str]] = {
    "vi": {"lead": "Chủ trì", "coordinate": "Phối hợp", "requested": "Được đề nghị", "monitor": "Theo dõi, đôn đốc"},
    "en": {"lead": "Lead", "coordinate": "Coordinate", "requested": "Requested", "monitor": "Monitor and urge"},
}
ROLE_SHORT: Mapping[str, Mapping[str, str]] = {
    "vi": {"lead": "CT", "coordinate": "PH", "requested": "ĐN", "monitor": "TD"},
    "en": {"lead": "L", "coordinate": "C", "requested": "R", "monitor": "M"},
}
LEVEL_LABELS: Mapping[str, Mapping[str, str]] = {
    "vi": {"tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã", "ap": "Ấp, khu phố"},
    "en": {"tinh": "Province", "huyen": "District", "xa": "Commune", "ap": "Hamlet or neighbourhood"},
}


@dataclass(frozen=True)
class Change:
    """A dated, sourced change after signature that affects some bodies."""

    id: str
    date: str
    text_vi: str
    text_en: str
    sources: tuple[Mapping[str, str], ...]


@dataclass(frozen=True)
class Organization:
    """A body the program assigns work to or names."""

    id: str
    name_vi: str
    name_en: str
    short_vi: str
    level: str
    section: str
    clauses: tuple[str, ...]
    status_notes: tuple[str, ...]

    def name(self, lang: str) -> str:
        """The name in ``lang``."""
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True)
class Theme:
    """An entry of the controlled vocabulary of duty themes."""

    id: str
    label_vi: str
    label_en: str
    description_vi: str
    description_en: str

    def label(self, lang: str) -> str:
        """The label in ``lang``."""
        return self.label_vi if lang == "vi" else self.label_en


@dataclass(frozen=True)
class Duty:
    """One obligation of sections III and IV, with the words that impose it."""

    id: str
    organization: str
    role: str
    themes: tuple[str, ...]
    clause: str
    quote_vi: str
    summary_vi: str
    summary_en: str


@dataclass(frozen=True)
class ScheduleEntry:
    """A meeting, inspection, annual day or review, with the precision the program gives."""

    id: str
    title_vi: str
    title_en: str
    kind: str
    organization: str | None
    clause: str
    quote_vi: str
    recurrence: str
    month_day: str | None = None
    year: int | None = None
    condition_vi: str | None = None
    condition_en: str | None = None
    attendees: tuple[str, ...] = ()

    def title(self, lang: str) -> str:
        """The title in ``lang``."""
        return self.title_vi if lang == "vi" else self.title_en


@dataclass(frozen=True)
class Responsibilities:
    """All responsibility data, cross-checked."""

    organizations: tuple[Organization, ...]
    themes: tuple[Theme, ...]
    duties: tuple[Duty, ...]
    schedule: tuple[ScheduleEntry, ...]
    changes: tuple[Change, ...]

    def organization(self, org_id: str) -> Organization:
        """The organisation with id ``org_id``."""
        return next(org for org in self.organizations if org.id == org_id)

    def theme(self, theme_id: str) -> Theme:
        """The theme with id ``theme_id``."""
        return next(theme for theme in self.themes if theme.id == theme_id)

    def change(self, change_id: str) -> Change:
        """The change with id ``change_id``."""
        return next(change for change in self.changes if change.id == change_id)

    def duties_of(self, org_id: str) -> list[Duty]:
        """Duties of one organisation, in file order."""
        return [duty for duty in self.duties if duty.organization == org_id]

    def meetings_of(self, org_id: str) -> list[ScheduleEntry]:
        """Schedule entries an organisation holds or attends."""
        return [entry for entry in self.schedule if org_id == entry.organization or org_id in entry.attendees]


def is_verbatim(quote: str, clause_text: str) -> bool:
    """Whether ``quote`` is a contiguous passage of ``clause_text`` (whitespace and tone placement aside)."""
    return normalise(collapse(quote)) in normalise(collapse(clause_text))


def _ids(located: yamldata.Located) -> set[str]:
    return {entry["id"] for entry in located.data}


def _quotes(located: yamldata.Located, program: Program) -> list[Diagnostic]:
    anchors = set(program.anchor_ids())
    problems = []
    for index, entry in enumerate(located.data):
        if entry["clause"] in anchors and not is_verbatim(entry["quote_vi"], program.anchor_text(entry["clause"])):
            problems.append(
                located.diagnostic(
                    (index, "quote_vi"),
                    f"quote_vi is not a verbatim passage of clause {entry['clause']}",
                    "copy the words exactly from the program text of that clause",
                )
            )
    return problems


def check(files: Mapping[str, yamldata.Located], program: Program) -> list[Diagnostic]:
    """Cross-reference and fidelity errors across the five responsibility files."""
    orgs, themes, duties, schedule, changes = (files[name] for name in FILES)
    known = {
        "clauses": program.anchor_ids(),
        "organizations": _ids(orgs),
        "themes": _ids(themes),
        "changes": _ids(changes),
    }
    problems: list[Diagnostic] = []
    used: dict[str, set[str]] = {}
    for name, located in files.items():
        problems += values.references(located, name, known, used)
    # Only these files use themes and changes, so an unused one beside an undefined use is likely a rename.
    problems += values.renamed(themes, "themes", used) + values.renamed(changes, "changes", used)
    problems += _quotes(duties, program) + _quotes(schedule, program)
    with_duty = {entry["organization"] for entry in duties.data}
    for index, entry in enumerate(orgs.data):
        if entry["section"] == "iii" and entry["id"] not in with_duty:
            problems.append(
                orgs.diagnostic(
                    (index, "id"),
                    f"{entry['id']} is assigned work in section III but has no duty",
                    "add its duties to data/duties.yaml",
                )
            )
    return problems


def _tuples(entry: Mapping[str, Any], *fields: str) -> dict[str, Any]:
    return {key: tuple(value) if key in fields else value for key, value in entry.items()}


def load(root: Path, program: Program) -> Responsibilities:
    """Load, schema-validate and cross-check the responsibility data; raise :class:`ContentError` on problems."""
    files: dict[str, yamldata.Located] = {}
    problems: list[Diagnostic] = []
    for name, filename in FILES.items():
        try:
            files[name] = values.load(root / DATA / filename, root, name)
        except ContentError as error:
            problems += error.diagnostics
    if problems:
        raise ContentError(problems)
    problems = check(files, program)
    if problems:
        raise ContentError(problems)
    return Responsibilities(
        organizations=tuple(
            Organization(**{"short_vi": "", **_tuples(e, "clauses", "status_notes")})
            for e in files["organizations"].data
        ),
        themes=tuple(Theme(**e) for e in files["themes"].data),
        duties=tuple(Duty(**_tuples(e, "themes")) for e in files["duties"].data),
        schedule=tuple(ScheduleEntry(**_tuples(e, "attendees")) for e in files["schedule"].data),
        changes=tuple(Change(**_tuples(e, "sources")) for e in files["changes"].data),
    )
