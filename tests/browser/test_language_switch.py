"""A reader switches language and lands on the same page, at the same clause."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def _switch(page: Page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.kb-alternate[hreflang={lang}]").click()
    page.wait_for_load_state()


def test_switch_keeps_page_and_anchor(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}chuong-trinh/#iii-2-3")
    _switch(page, "en")
    assert page.url == f"{base_url}en/chuong-trinh/#iii-2-3"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#iii-2-3").is_visible()
    _switch(page, "vi")
    assert page.url == f"{base_url}chuong-trinh/#iii-2-3"
    assert page.locator("html").get_attribute("lang") == "vi"


def test_switch_from_the_home_page(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}en/")
    _switch(page, "vi")
    assert page.url == base_url


def test_copy_link_control_is_a_working_permalink(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}chuong-trinh/")
    page.locator("#iv-6 a.kb-permalink").click()
    assert page.url.endswith("/chuong-trinh/#iv-6")
