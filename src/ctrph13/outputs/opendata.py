"""Open data published with the site under ``/data/``: JSON (each with a JSON Schema beside it), CSV and iCalendar.

Field names are those of the data files; every file is deterministic (sorted keys where order is not meaningful,
no timestamps except the iCalendar DTSTAMP, which is fixed to the program's date).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event, Timezone, vRecur

from ctrph13.data.program import Program
from ctrph13.data.registry import Registry
from ctrph13.data.responsibility import Responsibilities
from ctrph13.data.translation import Erratum, Translation

EXPORT_SCHEMAS = Path(__file__).parent / "schemas"
DUTY_FIELDS = ("id", "organization", "role", "themes", "clause", "quote_vi", "summary_vi", "summary_en")
TIMEZONE = "Asia/Ho_Chi_Minh"
# The program's date: iCalendar wants a DTSTAMP, and a fixed one keeps builds reproducible.
STAMP = dt.datetime(2024, 1, 12, tzinfo=dt.UTC)


def to_json(data: object) -> str:
    """UTF-8 JSON as published: readable, stable, Vietnamese unescaped."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def organizations(resp: Responsibilities) -> list[dict[str, Any]]:
    """Organisations with their status notes spelled out."""
    return [
        {
            **asdict(org),
            "clauses": list(org.clauses),
            "status_notes": [
                {**asdict(resp.change(c)), "sources": [dict(s) for s in resp.change(c).sources]}
                for c in org.status_notes
            ],
        }
        for org in resp.organizations
    ]


def duties(resp: Responsibilities) -> list[dict[str, Any]]:
    """Duties with the fields of ``data/duties.yaml``."""
    return [{**asdict(duty), "themes": list(duty.themes)} for duty in resp.duties]


def duties_csv(resp: Responsibilities) -> str:
    """Duties as CSV: UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly; themes joined by ``;``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(DUTY_FIELDS)
    for duty in duties(resp):
        writer.writerow([";".join(duty[f]) if f == "themes" else duty[f] for f in DUTY_FIELDS])
    return "\ufeff" + buffer.getvalue()


def schedule(resp: Responsibilities) -> list[dict[str, Any]]:
    """Schedule entries; fields the program leaves open are left out, never guessed."""
    return [
        {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in asdict(entry).items()
            if value not in (None, ())
        }
        for entry in resp.schedule
    ]


def documents(registry: Registry) -> list[dict[str, Any]]:
    """The registry with the published field names."""
    return [
        {
            "id": doc.id,
            "kind_vi": doc.kind_vi,
            "kind_en": doc.kind_en,
            "number": doc.number,
            "date": doc.date.isoformat() if doc.date else None,
            "issuer_vi": doc.issuer_vi,
            "issuer_en": doc.issuer_en,
            "title_vi": doc.title_vi,
            "title_en": doc.title_en,
            "status": doc.status,
            "replaced_by": doc.replaced_by,
            "relations": [{"type": kind, "target": target} for kind, target in doc.relations],
            "sources": [dict(source) for source in doc.sources],
        }
        for doc in registry.documents
    ]


def program(
    text: Program, translation: Translation, errata: tuple[Erratum, ...], resp: Responsibilities
) -> list[dict[str, Any]]:
    """The program block by block: the signed Vietnamese, its notes, the English and its source, the duties traced.

    ``anchor`` is the block's public anchor when it has one of its own (a section, clause or bullet), else null:
    a clause's body shares its heading's anchor.
    """
    traced: dict[str, list[str]] = {}
    for duty in resp.duties:
        # The block that holds the duty's words (a clause's body, under its heading's anchor), else the clause's.
        under = [block for block in text.blocks if block.anchor == duty.clause]
        holder = next((b for b in under if " ".join(duty.quote_vi.split()) in " ".join(b.text.split())), None)
        traced.setdefault(holder.id if holder else duty.clause, []).append(duty.id)
    notes: dict[str, list[dict[str, str]]] = {}
    for erratum in errata:
        notes.setdefault(erratum.block, []).append(
            {
                "id": erratum.id,
                "printed": erratum.printed,
                "presumed": erratum.presumed,
                "note_vi": erratum.note_vi,
                "note_en": erratum.note_en,
            }
        )
    return [
        {
            "id": block.id,
            "anchor": block.id if block.anchor == block.id else None,
            "kind": block.kind.value,
            "text_vi": block.text,
            "notes": notes.get(block.id, []),
            "text_en": translation.texts.get(block.id, ""),
            "en_source": translation.sources.get(block.id, ""),
            "duties": sorted(traced.get(block.id, [])),
        }
        for block in text.blocks
    ]


def calendar(resp: Responsibilities, site_url: str) -> bytes:
    """The program's fixed annual days as yearly all-day events, for any calendar application."""
    cal = Calendar()
    cal.add("prodid", "-//ctrph13//Chuong trinh phoi hop 13/CTrPH-CA-MTTQ//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Chương trình phối hợp 13/CTrPH-CA-MTTQ")
    cal.add("x-wr-timezone", TIMEZONE)
    for entry in resp.schedule:
        if entry.kind != "annual-day" or entry.month_day is None:
            continue
        month, day = (int(part) for part in entry.month_day.split("-"))
        start = dt.date(2024, month, day)
        event = Event()
        event.add("uid", f"{entry.id}@ctrph13")
        event.add("dtstamp", STAMP)
        event.add("summary", entry.title_vi)
        event.add("description", f"{entry.title_en}. {entry.quote_vi}\n{site_url}chuong-trinh/#{entry.clause}")
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(days=1))
        event.add("rrule", vRecur({"FREQ": "YEARLY"}))
        event.add("url", f"{site_url}chuong-trinh/#{entry.clause}")
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    # All-day events carry no offset; the zone tells calendar applications which local day is meant.
    cal.add_component(Timezone.from_tzid(TIMEZONE))
    ical: bytes = cal.to_ical()
    return ical


def files(
    resp: Responsibilities, registry: Registry, site_url: str, extra: Mapping[str, Any] | None = None
) -> dict[str, str | bytes]:
    """Every published data file, by name under ``data/``, with the JSON Schemas beside the JSON files."""
    data: dict[str, Any] = {
        "organizations": organizations(resp),
        "duties": duties(resp),
        "schedule": schedule(resp),
        "documents": documents(registry),
        **(extra or {}),
    }
    published: dict[str, str | bytes] = {f"{name}.json": to_json(value) for name, value in data.items()}
    published |= {
        f"{name}.schema.json": (EXPORT_SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8") for name in data
    }
    published["duties.csv"] = duties_csv(resp)
    published["calendar.ics"] = calendar(resp, site_url)
    return published
