"""The calendar builder on the real schedule page, in both languages, as a reader uses it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("prefix", "body", "interval"),
    [("", "bcd-xa-hop-hang-thang", 1), ("en/", "bcd-tinh-hop-6-thang", 6), ("", "hoi-nct-xa-hop-3-thang", 3)],
)
def test_builder_downloads_a_recurring_calendar(
    page: Page, base_url: str, tmp_path: Path, prefix: str, body: str, interval: int
) -> None:
    page.goto(f"{base_url}{prefix}lich/")
    form = page.locator("form.kb-calendar-builder")
    assert form.is_visible()
    form.locator("select[name=body]").select_option(body)
    form.locator("input[name=start]").fill("2026-02-05")
    with page.expect_download() as download_info:
        form.locator("button[type=submit]").click()
    download = download_info.value
    assert download.suggested_filename == f"{body}.ics"
    path = tmp_path / "cal.ics"
    download.save_as(path)
    [event] = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2026, 2, 5)
    rule = event["rrule"]
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule["INTERVAL"] == [interval]
    assert status_text(page)


def status_text(page: Page) -> str:
    return page.locator(".kb-calendar-status").inner_text()
