"""The calendar builder on the real schedule page, in both languages, as a reader uses it: with a mouse, a finger on
a phone, or the keyboard alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import Download, Page
from tests.browserkit import press, tab_to

pytestmark = pytest.mark.browser

FORM = "form.kb-calendar-builder"
SUBMIT = f"{FORM} button[type=submit]"
# Enough presses of Tab to pass every stop of the schedule page once (about 50: header, navigation, text).
TABS = 60


def _type_date(page: Page, iso: str) -> None:
    """Type a date into the focused date field, its parts in the order the browser shows them (e.g. mm/dd/yyyy)."""
    order = page.evaluate(
        "() => new Intl.DateTimeFormat().formatToParts(new Date(2026, 1, 5))"
        ".filter(part => part.type !== 'literal').map(part => part.type)"
    )
    year, month, day = iso.split("-")
    page.keyboard.type("".join({"year": year, "month": month, "day": day}[part] for part in order))


def _choose(page: Page, how: str, body: str, start: str) -> None:
    """Pick the body and the first meeting's date as the reader does."""
    form = page.locator(FORM)
    select, field = form.locator("select[name=body]"), form.locator("input[name=start]")
    if how == "keyboard":
        tab_to(page, f"{FORM} select[name=body]", limit=TABS)
        # Arrow keys move through a closed list without opening it.
        values = [str(option.get_attribute("value")) for option in select.locator("option").all()]
        page.keyboard.press("Home")
        for _ in range(values.index(body)):
            page.keyboard.press("ArrowDown")
        tab_to(page, f"{FORM} input[name=start]", limit=3)
        _type_date(page, start)
        return
    # The list of choices and a phone's date picker are the browser's own, drawn outside the page: Playwright
    # picks from them as they do (select_option, fill). On a desktop the reader clicks the date and types it.
    select.select_option(body)
    if how == "click":
        box = field.bounding_box()
        assert box is not None
        field.click(position={"x": 8, "y": box["height"] / 2})  # on the date's first part
        _type_date(page, start)
    else:
        field.tap()
        field.fill(start)


def _submit(page: Page, how: str) -> None:
    press(page, how, SUBMIT, limit=TABS)


@pytest.mark.parametrize(
    ("prefix", "body", "interval"),
    [("", "bcd-xa-hop-hang-thang", 1), ("en/", "bcd-tinh-hop-6-thang", 6), ("", "hoi-nct-xa-hop-3-thang", 3)],
)
def test_builder_downloads_a_recurring_calendar(
    reader: tuple[str, Page], base_url: str, tmp_path: Path, prefix: str, body: str, interval: int
) -> None:
    how, page = reader
    page.goto(f"{base_url}{prefix}lich/")
    form = page.locator(FORM)
    assert form.is_visible()
    _choose(page, how, body, "2026-02-05")
    assert form.locator("select[name=body]").input_value() == body
    assert form.locator("input[name=start]").input_value() == "2026-02-05"
    with page.expect_download() as download_info:
        _submit(page, how)
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


@pytest.mark.parametrize(
    ("prefix", "message"),
    [("", "Hãy chọn ngày họp đầu tiên."), ("en/", "Choose the date of the first meeting.")],
)
def test_a_reader_who_forgets_the_date_is_told_and_taken_to_it(
    reader: tuple[str, Page], base_url: str, prefix: str, message: str
) -> None:
    how, page = reader
    downloads: list[Download] = []

    def on_download(download: Download) -> None:  # Playwright cannot take a bound builtin like list.append
        downloads.append(download)

    page.on("download", on_download)
    page.goto(f"{base_url}{prefix}lich/")
    _submit(page, how)  # the date field left empty
    assert status_text(page) == message
    field = page.locator(f"{FORM} input[name=start]")
    # The reader is taken to the field to fill in (a keyboard reader types there at once).
    assert field.evaluate("element => element === document.activeElement")
    assert downloads == []


def status_text(page: Page) -> str:
    return page.locator(".kb-calendar-status").inner_text()
