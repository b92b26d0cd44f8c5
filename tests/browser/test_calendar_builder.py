"""The calendar builder makes a valid .ics in the browser alone: no server, no network, even from disk."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr
from icalendar import Calendar
from playwright.sync_api import Browser, ConsoleMessage, Download, Page, Request
from tests.browserkit import serve

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "calendar.js"
UNTIL = dt.date(2033, 12, 31)
LONG_DESCRIPTION = (
    "Chương trình phối hợp số 13/CTrPH-CA-MTTQ, khoản 3 Mục IV: cấp xã 01 tháng 01 lần; "
    "Ban Chỉ đạo họp định kỳ để đánh giá kết quả thực hiện, kiểm điểm, rút kinh nghiệm "
    "và đề ra phương hướng, nhiệm vụ trong thời gian tiếp theo"
)


@dataclass(frozen=True)
class Body:
    value: str
    interval: int
    title: str
    description: str
    url: str


BODIES = (
    Body(
        "bcd-xa-hop-hang-thang",
        1,
        "Họp Ban Chỉ đạo cấp xã",
        LONG_DESCRIPTION,
        "https://example.org/ctrph13/chuong-trinh/#iv-3",
    ),
    Body(
        "bcd-huyen-hop-3-thang",
        3,
        "Họp Ban Chỉ đạo cấp huyện",
        "Chương trình phối hợp số 13/CTrPH-CA-MTTQ, khoản 3 Mục IV: cấp huyện 03 tháng 01 lần",
        "https://example.org/ctrph13/chuong-trinh/#iv-3",
    ),
    Body(
        "bcd-tinh-hop-6-thang",
        6,
        "Họp Ban Chỉ đạo cấp tỉnh",
        "Chương trình phối hợp số 13/CTrPH-CA-MTTQ, khoản 3 Mục IV: cấp tỉnh 06 tháng 01 lần",
        "https://example.org/ctrph13/chuong-trinh/#iv-3",
    ),
)


def _form(lang: str, suffix: str = "") -> str:
    """The DOM contract, as the site renders it; ``suffix`` keeps ids unique when a page has two forms."""
    options = "".join(
        f'<option value="{b.value}" data-interval="{b.interval}" data-title="{html.escape(b.title)}"'
        f' data-description="{html.escape(b.description)}" data-url="{b.url}">{html.escape(b.title)}</option>'
        for b in BODIES
    )
    return f"""
<form class="kb-calendar-builder" data-lang="{lang}" data-prodid="-//ctrph13//calendar builder//{lang.upper()}"
      data-until="2033-12-31">
  <label for="kb-cal-body{suffix}">Cơ quan, cuộc họp</label>
  <select id="kb-cal-body{suffix}" name="body" required>{options}</select>
  <label for="kb-cal-start{suffix}">Ngày họp đầu tiên</label>
  <input type="date" id="kb-cal-start{suffix}" name="start" required>
  <label for="kb-cal-until{suffix}">Lặp đến ngày</label>
  <input type="date" id="kb-cal-until{suffix}" name="until" value="2033-12-31" required>
  <button type="submit" class="md-button md-button--primary">Tải tệp lịch (.ics)</button>
  <p class="kb-calendar-status" role="status" aria-live="polite"></p>
</form>"""


def _page(body: str, *, script: bool = True) -> str:
    # The icon link stops Chromium asking the server for /favicon.ico, which would count as a request.
    tag = '<script src="calendar.js" defer></script>' if script else ""
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><link rel="icon" href="data:,">{tag}'
        f"<title>Lịch họp</title></head><body>{body}</body></html>"
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The test pages and a copy of the real script, served on loopback; yields (folder, base URL)."""
    root = tmp_path_factory.mktemp("calendar")
    shutil.copy(SCRIPT, root / "calendar.js")
    (root / "index.html").write_text(_page(_form("vi") + _form("en", "-en")), encoding="utf-8")
    (root / "none.html").write_text(_page("<p>Không có lịch.</p>"), encoding="utf-8")
    (root / "late.html").write_text(_page(_form("vi"), script=False), encoding="utf-8")
    server, url = serve(root)
    yield root, url
    server.shutdown()


@dataclass
class Watch:
    """What the page asked the network for, and what went wrong in it."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    downloads: list[Download] = field(default_factory=list)


@pytest.fixture
def watch(page: Page) -> Watch:
    seen = Watch()

    def on_console(message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            seen.errors.append(message.text)

    def on_request(request: Request) -> None:
        seen.requests.append(request.url)

    def on_download(download: Download) -> None:  # Playwright cannot take a bound builtin like list.append
        seen.downloads.append(download)

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.on("request", on_request)
    page.on("download", on_download)
    return seen


def _download(page: Page, form_index: int, body: Body, start: str) -> tuple[Download, bytes]:
    form = page.locator("form.kb-calendar-builder").nth(form_index)
    form.locator("select[name=body]").select_option(body.value)
    form.locator("input[name=start]").fill(start)
    with page.expect_download() as info:
        form.get_by_role("button").click()
    download = info.value
    return download, Path(download.path()).read_bytes()


def _event(raw: bytes) -> tuple[Calendar, object]:
    calendar = Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


def _physical_lines(raw: bytes) -> list[bytes]:
    assert raw.endswith(b"\r\n")
    lines = raw[:-2].split(b"\r\n")
    assert not any(b"\r" in line or b"\n" in line for line in lines), "bare CR or LF"
    return lines


def _unfold(text: str) -> str:
    return text.replace("\r\n ", "")


# 1. A user picks each body in turn and gets a calendar that parses and recurs as the programme says.
def test_each_body_downloads_a_valid_recurring_calendar(page: Page, pages: tuple[Path, str], watch: Watch) -> None:
    page.goto(pages[1])
    start = dt.date(2026, 2, 5)
    for body in BODIES:
        download, raw = _download(page, 0, body, start.isoformat())
        assert download.suggested_filename == f"{body.value}.ics"
        calendar, event = _event(raw)
        assert calendar["X-WR-TIMEZONE"] == "Asia/Ho_Chi_Minh"
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
        assert calendar["X-WR-CALNAME"] == body.title
        dtstart = event["DTSTART"].dt
        assert type(dtstart) is dt.date
        assert dtstart == start
        assert event["DTEND"].dt == start + dt.timedelta(days=1)
        rule = event["RRULE"]
        assert rule["FREQ"] == ["MONTHLY"]
        assert rule["INTERVAL"] == [body.interval]
        assert rule["UNTIL"] == [UNTIL]
        assert event["SUMMARY"] == body.title
        assert event["DESCRIPTION"] == f"{body.description}\n{body.url}"
        assert event["URL"] == body.url
        assert event["UID"] == f"{body.value}-2026-02-05@ctrph13"
        assert event["TRANSP"] == "TRANSPARENT"
        stamp = event["DTSTAMP"].dt
        assert stamp.utcoffset() == dt.timedelta(0)
        assert abs(dt.datetime.now(dt.UTC) - stamp) < dt.timedelta(minutes=5)

        occurrences = rrulestr(rule.to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time()))
        first = [occurrence.date() for occurrence in occurrences[:3]]
        step = relativedelta(months=body.interval)
        assert first == [start, start + step, start + 2 * step]
        assert occurrences[-1].date() <= UNTIL < occurrences[-1].date() + step

    status = page.locator("form.kb-calendar-builder").first.locator(".kb-calendar-status")
    assert status.text_content() == "Đã tạo tệp lịch: 6 tháng 1 lần, từ 05/02/2026 đến 31/12/2033."
    assert len(watch.downloads) == 3


def test_blob_url_is_revoked_after_the_download(page: Page, pages: tuple[Path, str]) -> None:
    page.add_init_script("""
        window.kbUrls = {made: [], revoked: []};
        const make = URL.createObjectURL, revoke = URL.revokeObjectURL;
        URL.createObjectURL = (blob) => { const url = make(blob); kbUrls.made.push([url, blob.type]); return url; };
        URL.revokeObjectURL = (url) => { kbUrls.revoked.push(url); revoke(url); };
    """)
    page.goto(pages[1])
    _download(page, 0, BODIES[0], "2026-02-05")
    page.wait_for_function("kbUrls.revoked.length === 1")
    made, revoked = page.evaluate("[kbUrls.made, kbUrls.revoked]")
    assert made == [[revoked[0], "text/calendar;charset=utf-8"]]


# 2. Raw format: CRLF everywhere, at most 75 octets a line, folds never split a UTF-8 character.
def test_raw_lines_are_crlf_and_folded_at_75_octets(page: Page, pages: tuple[Path, str]) -> None:
    page.goto(pages[1])
    _, raw = _download(page, 0, BODIES[0], "2026-02-05")
    lines = _physical_lines(raw)
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # each physical line is whole UTF-8: no character was cut at a fold
    continuations = [line for line in lines if line.startswith(b" ")]
    assert continuations, "the long Vietnamese description should have been folded"
    # Folds fill the line: a fold happens only when the next character (≤ 4 octets) would not fit.
    for line, after in itertools.pairwise(lines):
        if after.startswith(b" "):
            assert len(line) > 71

    unfolded = _unfold(raw.decode("utf-8")).split("\r\n")
    expected = "DESCRIPTION:" + LONG_DESCRIPTION.replace(",", "\\,").replace(";", "\\;") + "\\n" + BODIES[0].url
    assert expected in unfolded


def test_fold_keeps_surrogate_pairs_and_counts_octets(page: Page, pages: tuple[Path, str]) -> None:
    page.goto(pages[1])
    title = "Lịch 📅 " * 30 + "ệ" * 40
    text = page.evaluate(
        "o => kbCalendar.build(Object.assign(o, {now: new Date(Date.UTC(2026, 0, 2, 3, 4, 5))}))",
        {
            "uid": "x",
            "title": title,
            "description": "",
            "url": "",
            "start": "2026-01-31",
            "until": "2026-12-31",
            "intervalMonths": 1,
            "prodid": "-//t//t//VI",
        },
    )
    for line in _physical_lines(text.encode("utf-8")):
        assert len(line) <= 75
        line.decode("utf-8")
    assert f"SUMMARY:{title}" in _unfold(text).split("\r\n")
    _, event = _event(text.encode("utf-8"))
    assert event["SUMMARY"] == title
    assert "URL" not in event


# 3. kbCalendar.build is deterministic for a fixed `now`, and escapes TEXT values per RFC 5545.
def test_build_is_deterministic_and_escapes_text(page: Page, pages: tuple[Path, str]) -> None:
    page.goto(pages[1])
    options = {
        "uid": "bcd-xa-hop-hang-thang",
        "title": "Họp; Ban, Chỉ đạo",
        "description": "Dòng 1, a; b\\c\nDòng 2",
        "url": "https://example.org/ctrph13/chuong-trinh/#iv-3",
        "start": "2026-02-05",
        "until": "2033-12-31",
        "intervalMonths": 1,
        "prodid": "-//ctrph13//calendar builder//VI",
    }
    call = "o => kbCalendar.build(Object.assign({}, o, {now: new Date(Date.UTC(2026, 0, 2, 3, 4, 5))}))"
    first, second = page.evaluate(call, options), page.evaluate(call, options)
    assert first == second
    assert _unfold(first).split("\r\n") == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//ctrph13//calendar builder//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Họp\\; Ban\\, Chỉ đạo",
        "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Ho_Chi_Minh",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:+0700",
        "TZOFFSETTO:+0700",
        "TZNAME:+07",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:bcd-xa-hop-hang-thang-2026-02-05@ctrph13",
        "DTSTAMP:20260102T030405Z",
        "DTSTART;VALUE=DATE:20260205",
        "DTEND;VALUE=DATE:20260206",
        "RRULE:FREQ=MONTHLY;INTERVAL=1;UNTIL=20331231",
        "SUMMARY:Họp\\; Ban\\, Chỉ đạo",
        "DESCRIPTION:Dòng 1\\, a\\; b\\\\c\\nDòng 2\\nhttps://example.org/ctrph13/chuong-trinh/#iv-3",
        "URL:https://example.org/ctrph13/chuong-trinh/#iv-3",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    _, event = _event(first.encode("utf-8"))
    assert event["DESCRIPTION"] == "Dòng 1, a; b\\c\nDòng 2\nhttps://example.org/ctrph13/chuong-trinh/#iv-3"


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "America/Los_Angeles", "Asia/Ho_Chi_Minh"])
def test_dates_do_not_drift_with_the_readers_time_zone(browser: Browser, pages: tuple[Path, str], zone: str) -> None:
    context = browser.new_context(timezone_id=zone)
    try:
        page = context.new_page()
        page.goto(pages[1])
        _, raw = _download(page, 0, BODIES[1], "2026-03-01")
        _, event = _event(raw)
        assert event["DTSTART"].dt == dt.date(2026, 3, 1)
        status = page.locator("form.kb-calendar-builder").first.get_by_role("status")
        assert status.text_content() == "Đã tạo tệp lịch: 3 tháng 1 lần, từ 01/03/2026 đến 31/12/2033."
        assert event["RRULE"]["UNTIL"] == [UNTIL]
        text = page.evaluate(
            "kbCalendar.build({uid: 'x', title: 't', start: '2026-12-31', until: '2027-01-01', intervalMonths: 1,"
            " prodid: 'p', now: new Date(Date.UTC(2026, 11, 31, 23, 30, 0))})"
        )
        assert "DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n" in text
        assert "DTSTAMP:20261231T233000Z\r\n" in text
    finally:
        context.close()


# 4. Validation: nothing is downloaded, and the status line says why, in the form's language.
@pytest.mark.parametrize(
    ("form_index", "start", "until", "message"),
    [
        (0, "", "2033-12-31", "Hãy chọn ngày họp đầu tiên."),
        (0, "2034-01-01", "2033-12-31", "Ngày họp đầu tiên không được sau ngày kết thúc lặp lại. Không tạo tệp lịch."),
        (0, "2026-05-02", "2026-05-01", "Ngày họp đầu tiên không được sau ngày kết thúc lặp lại. Không tạo tệp lịch."),
        (1, "", "2033-12-31", "Choose the date of the first meeting."),
        (
            1,
            "2034-01-01",
            "2033-12-31",
            "The first meeting cannot be after the repeat-until date. No calendar file was created.",
        ),
    ],
)
def test_invalid_dates_download_nothing_and_say_why(
    page: Page, pages: tuple[Path, str], watch: Watch, form_index: int, start: str, until: str, message: str
) -> None:
    page.goto(pages[1])
    form = page.locator("form.kb-calendar-builder").nth(form_index)
    form.locator("input[name=start]").fill(start)
    form.locator("input[name=until]").fill(until)
    form.get_by_role("button").click()
    assert form.get_by_role("status").text_content() == message
    assert page.locator("form.kb-calendar-builder").nth(1 - form_index).get_by_role("status").text_content() == ""
    # A download, had one started, would be reported before this one: the refused click made none.
    form.locator("input[name=start]").fill("2026-02-05")
    form.locator("input[name=until]").fill("2033-12-31")
    with page.expect_download():
        form.get_by_role("button").click()
    assert len(watch.downloads) == 1
    assert page.url == pages[1]  # the form never really submitted (no ?body=… navigation)


def test_english_success_message(page: Page, pages: tuple[Path, str]) -> None:
    page.goto(pages[1])
    download, raw = _download(page, 1, BODIES[0], "2026-02-05")
    status = page.locator("form.kb-calendar-builder").nth(1).get_by_role("status")
    assert status.text_content() == "Calendar file created: every month, from 5 February 2026 to 31 December 2033."
    assert download.suggested_filename == "bcd-xa-hop-hang-thang.ics"
    calendar, _ = _event(raw)
    assert calendar["PRODID"] == "-//ctrph13//calendar builder//EN"
    _download(page, 1, BODIES[1], "2026-01-31")
    assert status.text_content() == (
        "Calendar file created: every 3 months, from 31 January 2026 to 31 December 2033."
        " Note: months without a day 31 may get no meeting; a day from 1 to 28 avoids this."
    )


# 5. A copy opened from disk works the same: no server at all.
def test_works_from_a_file_url(page: Page, pages: tuple[Path, str], watch: Watch) -> None:
    index = pages[0] / "index.html"
    page.goto(index.as_uri())
    download, raw = _download(page, 0, BODIES[2], "2026-07-15")
    assert download.suggested_filename == "bcd-tinh-hop-6-thang.ics"
    _, event = _event(raw)
    assert event["DTSTART"].dt == dt.date(2026, 7, 15)
    assert event["RRULE"]["INTERVAL"] == [6]
    assert watch.errors == []
    assert [url for url in watch.requests if not url.startswith(("blob:", "data:"))] == [
        index.as_uri(),
        (pages[0] / "calendar.js").as_uri(),
    ]


# 6. Nothing but the page and the script goes over the wire, and the console stays clean.
def test_no_network_and_no_console_errors(page: Page, pages: tuple[Path, str], watch: Watch) -> None:
    page.goto(pages[1])
    for body in BODIES:
        _download(page, 0, body, "2026-02-05")
    _download(page, 1, BODIES[0], "2026-02-05")
    page.goto(f"{pages[1]}none.html")  # a page without a builder: the script does nothing, quietly
    assert page.evaluate("typeof kbCalendar.build") == "function"
    assert watch.errors == []
    assert [url for url in watch.requests if not url.startswith(("blob:", "data:"))] == [
        pages[1],
        f"{pages[1]}calendar.js",
        f"{pages[1]}none.html",
        f"{pages[1]}calendar.js",
    ]


def test_script_loaded_after_the_document_is_ready(page: Page, pages: tuple[Path, str], watch: Watch) -> None:
    page.goto(f"{pages[1]}late.html")
    assert page.evaluate("document.readyState") == "complete"
    page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
    download, raw = _download(page, 0, BODIES[0], "2026-02-05")
    assert download.suggested_filename == "bcd-xa-hop-hang-thang.ics"
    assert re.search(rb"^DTSTART;VALUE=DATE:20260205\r$", raw, re.MULTILINE)
    assert watch.errors == []
