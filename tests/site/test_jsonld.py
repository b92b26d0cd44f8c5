"""schema.org JSON-LD on the program page and the document pages, checked offline against a copy of the vocabulary:
every term exists, and each property is used within its domain and range (tests/vocab/README.md)."""

from __future__ import annotations

import csv
import gzip
import io
import json
from functools import cache
from typing import Any

import pytest
from pyld import jsonld
from tests.conftest import ROOT, Build

from ctrph13.outputs.jsonld import script

SCHEMA = "https://schema.org/"
VOCAB = ROOT / "tests" / "vocab"
# Values of these schema.org data types are JSON literals.
LITERAL_RANGES = {f"{SCHEMA}{name}" for name in ("Text", "URL", "Date", "DateTime", "Number", "Boolean", "DataType")}


def _rows(name: str) -> list[dict[str, str]]:
    with gzip.open(VOCAB / f"schemaorg-12.0-{name}.csv.gz", "rt", encoding="utf-8") as text:
        return list(csv.DictReader(io.StringIO(text.read())))


def _split(cell: str) -> set[str]:
    return {part.strip() for part in cell.split(",") if part.strip()}


@cache
def vocabulary() -> tuple[dict[str, dict[str, set[str]]], dict[str, set[str]], dict[str, str]]:
    """Properties (domain and range), each type's supertypes (itself included), and enumeration members' types."""
    properties = {
        row["id"]: {"domain": _split(row["domainIncludes"]), "range": _split(row["rangeIncludes"])}
        for row in _rows("properties")
    }
    parents = {row["id"]: _split(row["subTypeOf"]) for row in _rows("types")}
    members = {row["id"]: row["enumerationtype"] for row in _rows("types") if row["enumerationtype"]}

    def ancestors(type_id: str) -> set[str]:
        seen, todo = set(), [type_id]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo += parents.get(current, ())
        return seen

    return properties, {type_id: ancestors(type_id) for type_id in parents}, members


def offline_loader(url: str, _options: dict[str, Any] | None = None) -> dict[str, Any]:
    # The schema.org context, kept local: every term is a schema.org IRI. Nothing else may be fetched.
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), f"the JSON-LD asked for {url}"
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def described(site: Build, page: str) -> dict[str, Any]:
    html = (site.site / page / "index.html").read_text(encoding="utf-8")
    start = html.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    data: dict[str, Any] = json.loads(html[start : html.index("</script>", start)])
    return data


def _types(type_ids: Any) -> set[str]:
    _, supertypes, _ = vocabulary()
    return set().union(*(supertypes.get(t, {t}) for t in type_ids)) if type_ids else set()


def _value_errors(prop: str, value: dict[str, Any], allowed: set[str]) -> list[str]:
    """What is wrong with one value of ``prop``, whose range is ``allowed`` (nested nodes checked too)."""
    _, _, members = vocabulary()
    if "@value" in value:
        return [] if allowed & LITERAL_RANGES else [f"{prop} holds a literal, outside its range {sorted(allowed)}"]
    if "@type" in value:
        inside = (
            [] if allowed & _types(value["@type"]) else [f"{prop} holds a {value['@type']}, outside {sorted(allowed)}"]
        )
        return inside + node_errors(value)
    member = members.get(value.get("@id", ""))
    if member is not None and not allowed & _types([member]):
        return [f"{prop} holds {value['@id']}, outside its range {sorted(allowed)}"]
    return []


def node_errors(node: dict[str, Any]) -> list[str]:
    """Unknown types and properties, and properties used outside their domain or range, in an expanded node."""
    properties, supertypes, _ = vocabulary()
    types = set(node.get("@type", []))
    errors = [f"unknown type {type_id}" for type_id in types if type_id not in supertypes]
    for prop, values in node.items():
        if prop.startswith("@"):
            continue
        if prop not in properties:
            errors.append(f"unknown property {prop}")
            continue
        if types and not properties[prop]["domain"] & _types(types):
            errors.append(f"{prop} used on {sorted(types)}, outside its domain {sorted(properties[prop]['domain'])}")
        for value in values:
            errors += _value_errors(prop, value, properties[prop]["range"])
    return errors


PAGES = ["chuong-trinh", "en/chuong-trinh", "van-ban/ct-09-2011", "en/van-ban/ctrph-07-2023"]


@pytest.mark.parametrize("page", PAGES)
def test_every_term_exists_and_is_used_within_its_domain_and_range(site: Build, page: str) -> None:
    expanded = jsonld.expand(described(site, page), {"documentLoader": offline_loader})
    assert expanded, page
    errors = [error for node in expanded for error in node_errors(node)]
    assert not errors, errors


def test_the_program_is_described_as_unofficial_legislation_in_both_languages(site: Build) -> None:
    vi, en = described(site, "chuong-trinh"), described(site, "en/chuong-trinh")
    for data, lang in ((vi, "vi"), (en, "en")):
        assert data["@type"] == "Legislation" and data["inLanguage"] == lang
        assert data["legislationIdentifier"] == "13/CTrPH-CA-MTTQ"
        assert data["legislationDate"] == "2024-01-12"
        assert data["encoding"]["legislationLegalValue"] == {"@id": f"{SCHEMA}UnofficialLegalValue"}
        assert data["legislationLegalForce"] == {"@id": f"{SCHEMA}InForce"}
    assert "unofficial translation" in en["encoding"]["description"]
    assert vi["workTranslation"] == {"@id": en["@id"]}
    assert en["translationOfWork"] == {"@id": vi["@id"]}
    # "implements" maps to legislationApplies: the national program 07 that this one implements.
    assert vi["legislationApplies"] == [{"@id": "https://example.org/ctrph13/van-ban/ctrph-07-2023/#legislation"}]


def test_the_vocabulary_copy_is_the_one_the_readme_names() -> None:
    properties, supertypes, _ = vocabulary()
    assert f"{SCHEMA}legislationLegalValue" in properties
    assert f"{SCHEMA}CreativeWork" in supertypes[f"{SCHEMA}LegislationObject"]
    assert (ROOT / "tests" / "vocab" / "README.md").is_file()


def test_a_data_value_cannot_close_the_script_element() -> None:
    assert "</script>" not in script({"name": "</script><script>alert(1)</script>"})
    assert json.loads(script({"name": "</script>"}))["name"] == "</script>"


def test_nothing_else_is_fetched() -> None:
    with pytest.raises(AssertionError):
        offline_loader("https://example.org/context.jsonld")


def test_the_check_finds_a_term_out_of_place() -> None:
    wrong = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "legislationLegalValue": {"@id": f"{SCHEMA}UnofficialLegalValue"},  # belongs to LegislationObject
        "legislationPassedBy": "a text",  # an Organization or a Person
        "legislationInventedHere": "x",
    }
    errors = [error for node in jsonld.expand(wrong, {"documentLoader": offline_loader}) for error in node_errors(node)]
    assert any("legislationLegalValue used on" in e for e in errors), errors
    assert any("legislationPassedBy holds a literal" in e for e in errors), errors
    assert any("unknown property https://schema.org/legislationInventedHere" in e for e in errors), errors
