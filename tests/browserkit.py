"""Headless Chromium (Debian's package, driven by Playwright) against the built site served on loopback.

``serve`` is :func:`benchmarks.localserve.serve`, shared with the benchmarks.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from benchmarks.localserve import serve
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright
from tests.conftest import Build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def base_url(site: Build) -> Iterator[str]:
    server, url = serve(site.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # A missing browser is a failure, never a skip: CI installs Debian's chromium (.ci/run, `make browser`).
    assert Path(CHROMIUM).exists(), "chromium is not installed: run `make browser` (Debian package chromium)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def gzip_url(site: Build) -> Iterator[str]:
    server, url = serve(site.site, gzip_encoding=True)
    yield url
    server.shutdown()


# ---- Readers' paths ------------------------------------------------------------------------------------------
# A reader clicks with a mouse at 1280×900, taps a phone at 390×844, or uses the keyboard alone. Tests take these
# paths, never a shortcut key or a forced click standing in for them: a test that needed a trick hides a bug.
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
HOW = ("click", "tap", "keyboard")
SEARCH_FIELD = "[data-kb-search] input[name=query]"
SEARCH_BUTTON = "label.md-header__button[for=__search]"


def reader_context(browser: Browser, how: str, **options: Any) -> BrowserContext:
    """A browser context for a reader who clicks (desktop), taps (a phone with touch) or uses the keyboard only."""
    if how == "tap":
        return browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=3, **options)
    return browser.new_context(viewport=DESKTOP, **options)


@pytest.fixture(params=HOW)
def reader(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    """``(how, page)``: each test that takes it runs once per way a reader acts."""
    context = reader_context(browser, request.param)
    yield request.param, context.new_page()
    context.close()


def tab_to(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab, as a keyboard user does, until ``selector`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab within {limit} presses")


def open_search(page: Page, how: str) -> None:
    """Open search the way a reader does: click the header field, tap the search button, or Tab to the field."""
    if how == "click":
        page.locator(SEARCH_FIELD).click()
    elif how == "tap":
        page.locator(SEARCH_BUTTON).tap()
    else:
        tab_to(page, f"{SEARCH_FIELD}, {SEARCH_BUTTON}")
        if page.evaluate("document.activeElement.matches('label')"):
            page.keyboard.press("Enter")
    assert page.locator(SEARCH_FIELD).evaluate("element => element === document.activeElement")


def type_query(page: Page, text: str) -> list[str]:
    """Type ``text`` key by key into the open search; return the result links once the list answers all of it."""
    page.keyboard.type(text, delay=20)
    # Typing runs a search per keystroke: wait for the list that answers the whole query.
    page.wait_for_function("q => document.querySelector('.md-search-result__list').dataset.query === q", arg=text)
    assert page.locator(".md-search__output").is_visible(), "results computed but not shown"
    return [str(link.get_attribute("href")) for link in page.locator(".md-search-result__link").all()]


def search(page: Page, text: str, how: str = "click") -> list[str]:
    """Open search as a reader does, type ``text``, return the result links."""
    open_search(page, how)
    return type_query(page, text)


def focused(page: Page, selector: str) -> bool:
    """Whether the element that has the focus matches ``selector``."""
    return bool(page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector))


def press(page: Page, how: str, selector: str, key: str = "Enter", limit: int = 60) -> None:
    """Act on ``selector`` as the reader does: a mouse click, a tap, or (Tab to it and) ``key``."""
    if how == "click":
        page.locator(selector).first.click()
    elif how == "tap":
        page.locator(selector).first.tap()
    else:
        if not focused(page, selector):
            tab_to(page, selector, limit=limit)
        page.keyboard.press(key)


def dismiss(page: Page, how: str) -> None:
    """Close what is open as a reader does: a click or tap elsewhere (on the page's title), or Escape."""
    if how == "click":
        page.locator("h1").first.click()
    elif how == "tap":
        page.locator("h1").first.tap()
    else:
        page.keyboard.press("Escape")
