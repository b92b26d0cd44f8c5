"""The responsibility matrix, organisation and theme pages, schedule and open data, on the real site."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from bs4 import Tag
from icalendar import Calendar
from tests.conftest import ROOT, Build

from ctrph13.data import program as program_module
from ctrph13.data.responsibility import is_verbatim

SECTION_III = [
    "ubmttq-tinh",
    "cong-an-tinh",
    "hoi-ccb-tinh",
    "hoi-lhpn-tinh",
    "tinh-doan",
    "ldld-tinh",
    "hoi-nong-dan-tinh",
    "hoi-nct-tinh",
    "so-tttt",
]


def _json(site: Build, name: str) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads((site.site / "data" / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_matrix_has_a_row_per_organisation_with_duties(site: Build, prefix: str) -> None:
    table = site.page(f"{prefix}trach-nhiem/").select_one("table.kb-matrix")
    assert isinstance(table, Tag)
    rows = table.select("tbody tr")
    with_duties = {d["organization"] for d in _json(site, "duties.json")}
    assert len(rows) == len(with_duties)
    linked = {str(row.select_one("th a")["href"]).split("/")[-2] for row in rows}  # type: ignore[index]
    assert set(SECTION_III) <= linked
    cells = [td for td in table.select("td") if td.select("a")]
    assert cells and all(td.get("data-label") for td in cells), "cells are labelled for the phone layout"


def test_matrix_cell_links_to_the_duties_behind_it(site: Build) -> None:
    link = site.page("trach-nhiem/").select_one('a[href="../to-chuc/cong-an-tinh/#chu-de-crime-prevention"]')
    assert link is not None
    target = site.page("to-chuc/cong-an-tinh/").find(id="chu-de-crime-prevention")
    assert target is not None


def test_every_duty_is_on_its_organisation_page_with_quote_and_clause(site: Build) -> None:
    for duty in _json(site, "duties.json"):
        page = site.page(f"to-chuc/{duty['organization']}/")
        block = page.find(id=str(duty["id"]))
        assert isinstance(block, Tag), duty["id"]
        quote = block.select_one("blockquote.kb-quote[lang=vi]")
        assert quote is not None and str(duty["quote_vi"]) in " ".join(quote.get_text("").split())
        assert block.select_one(f'a[href="../../chuong-trinh/#{duty["clause"]}"]') is not None


def test_every_quote_is_verbatim() -> None:
    program = program_module.load(ROOT)
    duties = json.loads(json.dumps(__import__("yaml").safe_load((ROOT / "data" / "duties.yaml").read_text())))
    for duty in duties:
        assert is_verbatim(duty["quote_vi"], program.anchor_text(duty["clause"])), duty["id"]


def test_organisation_page_shows_meetings_and_status_notes(site: Build) -> None:
    page = site.page("to-chuc/bcd-huyen/")
    assert "3 tháng 1 lần" in page.get_text()
    note = page.select_one("[data-editorial] .admonition.warning")
    assert note is not None and "01/7/2025" in note.get_text() and "vnexpress.net" in note.get_text()
    english = site.page("en/to-chuc/cong-an-huyen/")
    assert "1 March 2025" in english.get_text() and "cafef.vn" in english.get_text()


def test_program_page_banner_lists_the_sourced_changes(site: Build) -> None:
    banner = site.page("chuong-trinh/").select_one("[data-editorial] .admonition.warning")
    assert banner is not None
    text = banner.get_text(" ")
    assert "12/01/2024" in text and "01/3/2025" in text and "Chưa rõ" in text


@pytest.mark.parametrize("name", ["organizations", "duties", "schedule", "documents", "program"])
def test_exports_validate_against_their_schemas(site: Build, name: str) -> None:
    schema = json.loads((site.site / "data" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(_json(site, f"{name}.json"))


def test_csv_round_trips(site: Build) -> None:
    raw = (site.site / "data" / "duties.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM for Excel"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    duties = _json(site, "duties.json")
    assert len(rows) == len(duties)
    assert rows[0]["quote_vi"] == duties[0]["quote_vi"]
    assert rows[0]["themes"].split(";") == duties[0]["themes"]


def test_calendar_holds_the_two_yearly_days(site: Build) -> None:
    calendar = Calendar.from_ical((site.site / "data" / "calendar.ics").read_bytes())
    events = {(e.decoded("dtstart").month, e.decoded("dtstart").day): e for e in calendar.walk("VEVENT")}
    assert set(events) == {(8, 19), (11, 18)}
    for event in events.values():
        assert event["rrule"]["FREQ"] == ["YEARLY"]
    assert calendar["x-wr-timezone"] == "Asia/Ho_Chi_Minh"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]


def test_schedule_invents_no_day(site: Build) -> None:
    for entry in _json(site, "schedule.json"):
        if entry["kind"] != "annual-day":
            assert "month_day" not in entry, entry["id"]
    timeline = site.page("lich/").select_one(".kb-schedule")
    assert timeline is not None
    text = timeline.get_text(" ")
    assert "2028" in text and "2033" in text and "khi Bộ Công an" in text


@pytest.mark.parametrize("path", ["to-chuc/ubmttq-tinh/", "chu-de/propaganda-legal-education/"])
def test_summary_with_markup_is_rendered_as_text(project_with_script: Build, path: str) -> None:
    page = project_with_script.page(path)
    assert page.find("script", string=lambda s: s is not None and "alert" in s) is None
    assert "<script>alert(1)</script> *x*" in page.get_text()


def test_the_program_as_data_holds_every_block_and_traces_every_duty(site: Build) -> None:
    blocks = _json(site, "program.json")
    assert len(blocks) == 70
    by_id = {block["id"]: block for block in blocks}
    assert by_id["iii-2-2"]["anchor"] == "iii-2-2" and by_id["iii-3-body"]["anchor"] is None
    assert "an ninh Tô quốc" in by_id["iii-2-2"]["text_vi"]  # as signed, the slip included
    assert any("Tô quốc" in note["printed"] for note in by_id["iii-2-2"]["notes"])
    traced = sorted(duty for block in blocks for duty in block["duties"])
    assert traced == sorted(duty["id"] for duty in _json(site, "duties.json"))
    for block in blocks:
        for duty_id in block["duties"]:
            duty = next(d for d in _json(site, "duties.json") if d["id"] == duty_id)
            assert " ".join(duty["quote_vi"].split()) in " ".join(block["text_vi"].split())
