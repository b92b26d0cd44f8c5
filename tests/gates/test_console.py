"""Gate: every page type, in both languages, loads in Chromium with a clean console: no console error, no uncaught
exception, no failed request and no response of status 400 or more, until the network is idle; searching too."""

from __future__ import annotations

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request, Response
from tests.browserkit import search
from tests.gates.sitekit import LANGUAGE_IDS, LANGUAGES, MISSING_SCRIPT, PAGE_IDS, PAGES, SEARCH_QUERY

pytestmark = pytest.mark.browser


def watch(page: Page) -> list[str]:
    """Start recording what goes wrong on the page; the list fills as it loads."""
    problems: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    def failed(request: Request) -> None:
        problems.append(f"request failed: {request.url} ({request.failure})")

    def response(answer: Response) -> None:
        if answer.status >= 400:
            problems.append(f"HTTP {answer.status}: {answer.url}")

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", failed)
    page.on("response", response)
    return problems


def load(page: Page, url: str) -> list[str]:
    problems = watch(page)
    page.goto(url, wait_until="networkidle")
    return problems


@pytest.mark.parametrize("path", PAGES, ids=PAGE_IDS)
def test_page_loads_cleanly(page: Page, site_url: str, path: str) -> None:
    problems = load(page, site_url + path)
    assert not problems, f"{path or '(home)'}:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES, ids=LANGUAGE_IDS)
def test_searching_is_clean(page: Page, site_url: str, lang: str) -> None:
    problems = load(page, site_url + lang)
    search(page, SEARCH_QUERY, "click")  # key by key, as a reader types; waits for the list answering all of it
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    assert not problems, f"{lang}(search):\n" + "\n".join(problems)


def test_the_gate_reports_a_missing_script(page: Page, broken_url: str) -> None:
    problems = load(page, broken_url + MISSING_SCRIPT.page)
    assert f"HTTP 404: {broken_url}assets/khong-co.js" in problems, problems
