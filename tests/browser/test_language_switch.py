"""A reader switches language and lands on the same page, at the same clause, by mouse, tap or keyboard.

The clause link menu (a.kb-permalink and its copy actions) is tested in test_clause_menu.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from tests.browserkit import tab_to

pytestmark = pytest.mark.browser

MENU_BUTTON = ".md-header__option .md-select button"
# A reader who has just arrived takes a moment before switching language. (Material's navigation.tracking, now
# off, used to rewrite the address to the nearest heading in that time: #iii-2-3 became #iii-2.)
SETTLE_MS = 700


def _settle(page: Page) -> None:
    """Wait as a reader does until the page has finished appearing (the offline-save control comes last)."""
    page.wait_for_load_state("load")
    offline = page.locator(".kb-offline-save")
    if offline.count():
        offline.wait_for(state="visible")
    page.wait_for_timeout(SETTLE_MS)


def _switch(page: Page, how: str, lang: str, expected: str) -> None:
    """Open the language menu and choose ``lang`` as the reader does; wait for the page at ``expected``."""
    link = f"a.kb-alternate[hreflang={lang}]"
    if how == "click":
        page.locator(MENU_BUTTON).click()
        page.locator(link).click()
    elif how == "tap":
        page.locator(MENU_BUTTON).tap()
        page.locator(link).tap()
    else:
        tab_to(page, link)  # the menu opens as the focus reaches its button
        page.keyboard.press("Enter")
    path = expected.split("#", maxsplit=1)[0]
    page.wait_for_url(lambda url: url.split("#", maxsplit=1)[0] == path)
    page.wait_for_load_state()


def test_switch_keeps_page_and_anchor(reader: tuple[str, Page], base_url: str) -> None:
    how, page = reader
    page.goto(f"{base_url}chuong-trinh/#iii-2-3")
    _settle(page)
    _switch(page, how, "en", f"{base_url}en/chuong-trinh/")
    assert page.url == f"{base_url}en/chuong-trinh/#iii-2-3"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#iii-2-3").is_visible()
    _settle(page)
    _switch(page, how, "vi", base_url + "chuong-trinh/")
    assert page.url == f"{base_url}chuong-trinh/#iii-2-3"
    assert page.locator("html").get_attribute("lang") == "vi"


def test_switch_from_the_home_page(reader: tuple[str, Page], base_url: str) -> None:
    how, page = reader
    page.goto(f"{base_url}en/")
    _switch(page, how, "vi", base_url)
    assert page.url == base_url
