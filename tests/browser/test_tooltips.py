"""Abbreviations and citations explain themselves on hover, tap and focus, with nothing built at load."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

TOOLTIP = "#kb-tooltip[role=tooltip][data-editorial]"


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


def test_a_focused_citation_describes_its_document(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}en/chuong-trinh/")
    citation = page.locator(".md-typeset a.kb-cite").first
    title = citation.get_attribute("title")
    assert title
    citation.focus()
    assert page.locator(TOOLTIP).text_content() == title
    page.keyboard.press("Escape")
    assert page.locator(TOOLTIP).count() == 0


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
