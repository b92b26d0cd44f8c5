"""The registry of cited documents (``data/documents.yaml``): loading, lookup and relations."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ctrph13.core.diagnostics import ContentError, Diagnostic
from ctrph13.core.text import collapse, normalise
from ctrph13.data import values, yamldata
from ctrph13.data.program import Program

REGISTRY_PATH = Path("data") / "documents.yaml"
STATUS_LABELS: Mapping[str, Mapping[str, str]] = {
    "vi": {"in-force": "Còn hiệu lực", "replaced": "Đã bị thay thế", "unknown": "Chưa rõ"},
    "en": {"in-force": "In force", "replaced": "Replaced", "unknown": "Unknown"},
}
# The reverse of each relation, for the document on the other end.
INVERSE = {"implements": "implemented-by", "replaces": "replaced-by", "guides": "guided-by"}
RELATION_LABELS: Mapping[str, Mapping[str, str]] = {
    "vi": {
        "implements": "Thực hiện",
        "implemented-by": "Được thực hiện bởi",
        "replaces": "Thay thế",
        "replaced-by": "Bị thay thế bởi",
        "guides": "Hướng dẫn",
        "guided-by": "Được hướng dẫn bởi",
    },
    "en": {
        "implements": "Implements",
        "implemented-by": "Implemented by",
        "replaces": "Replaces",
        "replaced-by": "Replaced by",
        "guides": "Guides",
        "guided-by": "Guided by",
    },
}


@dataclass(frozen=True)
class Document:
    """A cited document, as the registry holds it."""

    id: str
    kind_vi: str
    kind_en: str
    number: str
    date: dt.date | None
    issuer_vi: str
    issuer_en: str
    title_vi: str
    title_en: str
    status: str
    status_as_of: dt.date | None
    status_basis_vi: str
    status_basis_en: str
    replaced_by: str | None
    relations: tuple[tuple[str, str], ...]
    issuer_forms: tuple[str, ...]
    sources: tuple[Mapping[str, Any], ...]
    unknown: tuple[str, ...]
    url: str | None
    line: int
    lines: Mapping[str, int] = field(default_factory=dict)  # the line of each field in data/documents.yaml

    def at(self, key: str) -> str:
        """Where the registry holds this document's ``key``: "data/documents.yaml:12"."""
        return f"{REGISTRY_PATH.as_posix()}:{self.lines.get(key, self.line)}"

    def label(self, lang: str) -> str:
        """Kind and number: "Chỉ thị 09-CT/TW" / "Directive 09-CT/TW"."""
        return f"{self.kind_vi if lang == 'vi' else self.kind_en} {self.number}"

    def date_text(self, lang: str = "vi") -> str:
        """The date as documents in ``lang`` write it (12/01/2024, 12 January 2024), or an empty string."""
        return format_date(self.date, lang) if self.date else ""

    def tooltip(self, lang: str) -> str:
        """Kind, date, issuer and status, for a citation link's title."""
        issuer = self.issuer_vi if lang == "vi" else self.issuer_en
        parts = [
            self.kind_vi if lang == "vi" else self.kind_en,
            self.date_text(lang),
            issuer,
            STATUS_LABELS[lang][self.status],
        ]
        return " · ".join(part for part in parts if part)

    def issuers(self) -> tuple[str, ...]:
        """Every accepted way of naming the issuer, in either language."""
        return (self.issuer_vi, self.issuer_en, *self.issuer_forms)


def format_date(date: dt.date, lang: str) -> str:
    """12/01/2024 in Vietnamese, 12 January 2024 in English."""
    return date.strftime("%d/%m/%Y") if lang == "vi" else f"{date.day} {date.strftime('%B %Y')}"


def number_key(number: str) -> str:
    """Comparison key for document numbers: neither the printed case ("CTrPH") nor "TƯ" for "TW" matters.

    "TƯ" and "TW" name the same Party body (Trung ương): "13-NQ/TƯ" is "13-NQ/TW".
    """
    return number.casefold().replace("tư", "tw")


@dataclass(frozen=True)
class Registry:
    """All registered documents."""

    documents: tuple[Document, ...]

    # Indexes built once: every citation of every page is resolved through them.
    @cached_property
    def _ids(self) -> dict[str, Document]:
        return {doc.id: doc for doc in self.documents}

    @cached_property
    def _numbers(self) -> dict[str, list[Document]]:
        numbers: dict[str, list[Document]] = {}
        for doc in self.documents:
            numbers.setdefault(number_key(doc.number), []).append(doc)
        return numbers

    def by_id(self, doc_id: str) -> Document:
        """The document with id ``doc_id``."""
        return self._ids[doc_id]

    def by_number(self, number: str) -> list[Document]:
        """Documents with this number (party numbers restart each term, so there may be several)."""
        return list(self._numbers.get(number_key(number), []))

    def closest(self, number: str, limit: int = 3) -> list[Document]:
        """Registered documents whose numbers look most like ``number``."""
        keys = {number_key(doc.number): doc for doc in self.documents}
        return [keys[key] for key in difflib.get_close_matches(number_key(number), keys, n=limit, cutoff=0.6)]

    def related(self, doc_id: str) -> list[tuple[str, Document]]:
        """Relations of a document in both directions: (relation type, other document)."""
        found = [(kind, self.by_id(target)) for kind, target in self.by_id(doc_id).relations]
        found += [(INVERSE[kind], doc) for doc in self.documents for kind, target in doc.relations if target == doc_id]
        return found


def same_issuer(written: str, registered: str) -> bool:
    """Whether an issuer as written names the registered one ("với"/"và"/"and" alike, case and spacing aside).

    A citation's issuer phrase may stop early or run on into the following words, so either may be a prefix of
    the other, word by word.
    """

    def words(text: str) -> list[str]:
        folded = normalise(collapse(text)).casefold().replace(" với ", " và ")
        return [word.strip(",.;:") for word in folded.split() if word not in {"the", "its"}]

    a, b = words(written), words(registered)
    shorter = min(len(a), len(b))
    return shorter > 0 and a[:shorter] == b[:shorter] and shorter >= min(len(b), 2)


def _document(entry: Mapping[str, Any], line: int, lines: Mapping[str, int]) -> Document:
    return Document(
        id=entry["id"],
        kind_vi=entry["kind_vi"],
        kind_en=entry["kind_en"],
        number=entry["number"],
        date=values.date(entry.get("date")),
        issuer_vi=entry["issuer_vi"],
        issuer_en=entry["issuer_en"],
        title_vi=entry["title_vi"],
        title_en=entry["title_en"],
        status=entry["status"],
        status_as_of=values.date(entry.get("status_as_of")),
        status_basis_vi=entry["status_basis_vi"],
        status_basis_en=entry["status_basis_en"],
        replaced_by=entry.get("replaced_by"),
        relations=tuple((r["type"], r["target"]) for r in entry.get("relations", [])),
        issuer_forms=tuple(entry.get("issuer_forms", [])),
        sources=tuple(entry["sources"]),
        unknown=tuple(entry.get("unknown", [])),
        url=entry.get("url"),
        line=line,
        lines=lines,
    )


def check(located: yamldata.Located, anchors: Iterable[str]) -> list[Diagnostic]:
    """Cross-reference errors: numbers+dates registered twice, unknown ids and program anchors, inconsistent status."""
    entries = located.data["documents"]
    known = {"documents": [entry["id"] for entry in entries], "anchors": anchors}
    problems = values.references(located, "documents", known)
    seen: dict[tuple[str, object], int] = {}
    for index, entry in enumerate(entries):
        key = (number_key(entry["number"]), entry.get("date"))
        if key in seen:
            problems.append(
                located.diagnostic(
                    ("documents", index, "number"),
                    f"{entry['number']} of {entry.get('date')} is registered twice",
                    f"merge it with entry {seen[key] + 1}",
                )
            )
        seen[key] = index
        replaced_by = entry.get("replaced_by")
        if (entry["status"] == "replaced") != (replaced_by is not None):
            problems.append(
                located.diagnostic(
                    ("documents", index, "status"),
                    "a replaced document needs `replaced_by`, and only a replaced one",
                    "set status: replaced together with replaced_by: <id>",
                )
            )
    return problems


def load(root: Path, program: Program) -> Registry:
    """Load, schema-validate and cross-check ``data/documents.yaml``, whose sources point at parts of ``program``."""
    located = values.load(root / REGISTRY_PATH, root, "documents")
    problems = check(located, [*program.anchor_ids(), *(block.id for block in program.blocks)])
    if problems:
        raise ContentError(problems)
    return Registry(
        tuple(
            _document(
                entry,
                located.where(("documents", index))[0],
                {key: located.where(("documents", index, key))[0] for key in entry},
            )
            for index, entry in enumerate(located.data["documents"])
        )
    )
