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


def test_copy_menu_offers_the_link_and_a_citation_line(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}chuong-trinh/")
    page.locator("#iii-2 > a.kb-permalink").click()
    choices = page.locator(".kb-copy-menu button")
    values = [choices.nth(i).get_attribute("data-copy") for i in range(choices.count())]
    assert values == [f"{base_url}chuong-trinh/#iii-2", "khoản 2 Mục III Chương trình phối hợp số 13/CTrPH-CA-MTTQ"]
    page.goto(f"{base_url}en/chuong-trinh/")
    page.locator("#iii-1-4 > a.kb-permalink").click()
    cite = page.locator(".kb-copy-menu button").last.get_attribute("data-copy")
    assert cite == "Section III, clause 1, bullet 4, Coordination Program No. 13/CTrPH-CA-MTTQ"
