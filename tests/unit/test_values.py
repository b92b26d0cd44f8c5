"""One place validates and converts every loaded value (`ctrph13.data.values`), by what its schema declares."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from ctrph13.core.diagnostics import ContentError
from ctrph13.data import values

DUTIES = """\
- id: a-1
  organization: cong-an-tnh
  role: lead
  themes: [tuyen-truyen]
  clause: iii-1
  quote_vi: "x"
  summary_vi: "x"
  summary_en: "x"
- id: a-1
  organization: cong-an-tinh
  role: lead
  themes: [tuyen-truyen]
  clause: iii-99
  quote_vi: "x"
  summary_vi: "x"
  summary_en: "x"
"""
KNOWN = {
    "organizations": ["cong-an-tinh", "ubmttq-tinh"],
    "themes": ["tuyen-truyen"],
    "clauses": ["iii-1", "iii-9"],
    "changes": [],
}


def test_a_duplicate_names_the_line_of_the_first() -> None:
    with pytest.raises(ContentError) as error:
        values.parse(DUTIES, "data/duties.yaml", schema_name="duties")
    assert [str(d) for d in error.value.diagnostics] == [
        "data/duties.yaml:9:7: duplicate id 'a-1' (first used on line 1) — give this entry a unique id"
    ]


def test_references_name_the_value_and_the_nearest_ids() -> None:
    located = values.parse(
        DUTIES.replace("- id: a-1\n  organization: cong-an-tinh", "- id: a-2\n  organization: cong-an-tinh"),
        "data/duties.yaml",
        schema_name="duties",
    )
    assert [str(d) for d in values.references(located, "duties", KNOWN)] == [
        "data/duties.yaml:2:17: unknown organisation 'cong-an-tnh' — use one of the ids in data/organizations.yaml"
        " (nearest: cong-an-tinh)",
        "data/duties.yaml:13:11: unknown clause 'iii-99' — use one of the ids in data/program/ (see scripts/kb blocks)"
        " (nearest: iii-9, iii-1)",
    ]


def test_a_reference_in_a_key_stands_at_the_key() -> None:
    located = values.parse(
        "blocks:\n  iv-1:\n    source: 0123456789ab\n    en: x\n  iv-77:\n    source: 0123456789ab\n    en: y\n",
        "data/program/x.en.yaml",
        schema_name="translation",
    )
    problems = values.references(located, "translation", {"blocks": ["iv-1", "iv-7"]})
    assert [str(d) for d in problems] == [
        "data/program/x.en.yaml:6:5: unknown block 'iv-77' — use one of the ids in data/program/"
        " (see scripts/kb blocks) (nearest: iv-7, iv-1)"
    ]


@pytest.mark.parametrize(("escape", "code"), [("\\x07", "U+0007"), ("\\u200b", "U+200B"), ("\\u202e", "U+202E")])
def test_an_escaped_invisible_character_is_found_in_the_value(escape: str, code: str) -> None:
    with pytest.raises(ContentError) as error:
        values.parse(f'terms:\n  - term: "A{escape}B"\n', "data/glossary.yaml")
    (problem,) = error.value.diagnostics
    assert str(problem).startswith(f"data/glossary.yaml:2:11: terms/0/term: invisible character {code} (")


def test_text_is_composed_and_line_breaks_and_tabs_are_text() -> None:
    located = values.parse('a: "To\\u0302\\u0309 quo\\u0302\\u0301c"\nb: "x\\ty\\nz"\n', "data/x.yaml")
    assert located.data == {"a": "Tổ quốc", "b": "x\ty\nz"}


def test_dates_convert_after_the_schema_refused_the_impossible() -> None:
    assert values.date("2024-02-29") == dt.date(2024, 2, 29)
    assert values.date(None) is None
    with pytest.raises(ContentError) as error:
        values.parse(
            "- id: c\n  date: 2024-02-30\n  text_vi: x\n  text_en: x\n  sources: []\n",
            "data/changes.yaml",
            schema_name="changes",
        )
    assert "data/changes.yaml:2:9: 0/date: '2024-02-30' is not a date that exists" in str(error.value)


def test_front_matter_lines_count_from_the_file() -> None:
    with pytest.raises(ContentError) as error:
        values.parse("title: [1, 2]\n", "docs/vi/x.md", first_line=2, schema_name="page")
    assert str(error.value.diagnostics[0]).startswith("docs/vi/x.md:2:8: title: [1, 2] is not of type 'string'")


def _properties(node: Any, at: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            yield f"{at}/{key}", value
            yield from _properties(value, f"{at}/{key}")
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                yield from _properties(node[key], f"{at}/{key}")


# A field whose name says it refers to something must declare what (x-ref), and a date must be a date: so a new
# field of either kind cannot skip the treatment the others get.
REFERRING = re.compile(
    r"/(organization|attendees|lead|partners|clauses?|related|block|target|replaced_by|status_notes|themes|affects)$"
)
DATED = re.compile(r"/(date|status_as_of)$")


@pytest.mark.parametrize("name", sorted(p.name.removesuffix(".schema.json") for p in values.SCHEMA_DIR.glob("*.json")))
def test_every_referring_field_declares_its_namespace_and_every_date_its_format(name: str) -> None:
    schema = json.loads((values.SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    for at, node in _properties(schema):
        target = node.get("items", node) if node.get("type") == "array" else node
        if REFERRING.search(at) and not at.startswith("/sources"):
            assert target.get("x-ref") in values.NAMESPACES, f"{name}{at}: declare its x-ref"
        if DATED.search(at):
            forms = [target, *target.get("anyOf", [])]
            assert any(form.get("format") == "date" for form in forms), f"{name}{at}: declare format: date"


def test_a_renamed_id_is_named_beside_the_places_that_use_the_old_one() -> None:
    themes = values.parse("- id: tuyen-truyen-moi\n- id: phong-ngua\n", "data/themes.yaml")
    used = {"themes": {"tuyen-truyen", "phong-ngua"}}
    assert [str(d) for d in values.renamed(themes, "themes", used)] == [
        "data/themes.yaml:1:7: theme 'tuyen-truyen-moi' is used nowhere, while 'tuyen-truyen' is used but not defined"
        " — if you renamed this id, rename it back or update the places that use the old one"
    ]
    assert values.renamed(themes, "themes", {"themes": {"phong-ngua"}}) == []  # an unused theme alone is no error
