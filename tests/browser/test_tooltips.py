"""Abbreviations and citations explain themselves on hover, tap and focus, with nothing built at load."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page
from tests.browserkit import dismiss, tab_to

pytestmark = pytest.mark.browser

TOOLTIP = "#kb-tooltip[role=tooltip][data-editorial]"
# Enough presses of Tab to pass every stop of the program page once (about 90: header, navigation, text).
TABS = 120


def test_nothing_is_built_until_a_reader_asks(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}chuong-trinh/")
    assert page.locator(".md-typeset abbr[title]").count() > 20
    assert page.locator(".md-tooltip2, .md-tooltip, .kb-tooltip").count() == 0


def test_hovering_an_abbreviation_shows_its_glossary_meaning(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}chuong-trinh/")
    abbr = page.locator(".md-typeset abbr", has_text="ANTQ").first
    abbr.hover()
    tip = page.locator(TOOLTIP)
    assert tip.is_visible()
    assert tip.text_content() == "an ninh Tổ quốc"
    assert abbr.get_attribute("aria-describedby") == "kb-tooltip"
    assert abbr.get_attribute("title") is None  # the browser does not show its own tooltip as well
    page.mouse.move(0, 0)
    page.locator("h1").hover()
    assert page.locator(TOOLTIP).count() == 0
    assert abbr.get_attribute("aria-describedby") is None


def test_each_reader_gets_an_abbreviations_meaning(reader: tuple[str, Page], base_url: str) -> None:
    """A click, a tap or the keyboard's focus on an abbreviation shows its meaning; elsewhere, or Escape, hides it."""
    how, page = reader
    page.goto(f"{base_url}chuong-trinh/")
    abbr = page.locator(".md-typeset abbr", has_text="ANTQ").first
    if how == "click":
        abbr.click()
    elif how == "tap":
        abbr.tap()
    else:
        tab_to(page, ".md-typeset abbr", limit=TABS)
    tip = page.locator(TOOLTIP)
    assert tip.text_content() == "an ninh Tổ quốc"
    assert abbr.get_attribute("aria-describedby") == "kb-tooltip"
    box, screen = tip.bounding_box(), page.viewport_size
    assert box is not None and screen is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= screen["width"]  # inside the screen, even a phone's
    dismiss(page, how)
    assert page.locator(TOOLTIP).count() == 0
    assert abbr.get_attribute("aria-describedby") is None


def test_each_reader_gets_a_citations_description_and_its_document(reader: tuple[str, Page], base_url: str) -> None:
    """Pointing at or focusing (Tab) a citation describes its document, until Escape; a click, a tap or Enter opens
    the document."""
    how, page = reader
    page.goto(f"{base_url}en/chuong-trinh/")
    citation = page.locator(".md-typeset a.kb-cite").first
    title, href = citation.get_attribute("title"), citation.get_attribute("href")
    assert title and href
    selector = f".md-typeset a.kb-cite[href='{href}']"
    if how == "click":
        citation.hover()
    elif how == "keyboard":
        tab_to(page, selector, limit=TABS)
    if how != "tap":  # a phone has no pointing or focus before the tap follows the link
        assert page.locator(TOOLTIP).text_content() == title
    if how == "keyboard":
        page.keyboard.press("Escape")
        assert page.locator(TOOLTIP).count() == 0
    target = urljoin(page.url, href)
    if how == "click":
        citation.click()
    elif how == "tap":
        citation.tap()
    else:
        page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.locator("html").get_attribute("lang") == "en"


def test_a_tap_on_a_phone_shows_the_meaning_and_a_tap_elsewhere_hides_it(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{base_url}chuong-trinh/")
        abbr = page.locator(".md-typeset abbr", has_text="MTTQ").first
        abbr.scroll_into_view_if_needed()
        abbr.tap()
        tip = page.locator(TOOLTIP)
        assert tip.text_content() == "Mặt trận Tổ quốc"
        box, width = tip.bounding_box(), page.viewport_size
        assert box is not None and width is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= width["width"]  # inside the phone's screen
        page.locator("h1").tap()
        assert page.locator(TOOLTIP).count() == 0
    finally:
        context.close()
