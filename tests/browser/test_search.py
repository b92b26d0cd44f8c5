"""Search as a reader uses it: typed key by key in the header box of the built site, in both languages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page
from tests.browserkit import SEARCH_BUTTON, SEARCH_FIELD, open_search, reader_context, search, tab_to, type_query
from tests.conftest import ROOT, Build

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("chi thi 09", "Chỉ thị"),
        ("dang vien", "đảng viên"),
        ("hoi nguoi cao tuoi", "Hội Người cao tuổi"),
        ("chỉ thi", "Chỉ thị"),
        ("bao ve an ninh to quoc", "ANTQ"),
        ("09-CT/TW", "09-CT/TW"),
        ("thong tu 40", "Thông tư"),
    ],
)
def test_unaccented_and_mixed_queries_find_the_accented_text(
    page: Page, base_url: str, query: str, expected: str
) -> None:
    page.goto(base_url)
    assert search(page, query)
    first = page.locator(".md-search-result__item").first
    assert expected.lower() in first.inner_text().lower() or first.locator("mark").count() > 0


@pytest.mark.parametrize("lang", ["", "en/"])
def test_search_opens_however_a_reader_starts_it(reader: tuple[str, Page], base_url: str, lang: str) -> None:
    # A click on the desktop field once showed nothing: results were computed behind a closed dialog (issue 16).
    how, page = reader
    page.goto(base_url + lang)
    links = search(page, "hoa giai" if not lang else "mediation", how)
    assert links, how
    assert page.locator(".md-search-result__item").first.is_visible()


def test_results_show_as_the_reader_types(page: Page, base_url: str) -> None:
    page.goto(base_url)
    open_search(page, "click")
    page.keyboard.type("hoi nong", delay=20)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    assert page.locator(".md-search-result__item").first.is_visible()


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_shortcut_keys_open_search_and_escape_returns_to_the_page(page: Page, base_url: str, key: str) -> None:
    page.goto(base_url)
    page.keyboard.press(key)
    type_query(page, "dang vien")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    assert not page.locator(".md-search__output").is_visible()
    assert page.evaluate("document.activeElement === document.body")


def test_escape_returns_focus_to_the_desktop_field(page: Page, base_url: str) -> None:
    page.goto(base_url)
    search(page, "dang vien", "click")
    page.keyboard.press("Escape")
    assert not page.locator(".md-search__output").is_visible()
    assert page.locator(SEARCH_FIELD).evaluate("element => element === document.activeElement")
    page.keyboard.type(" cong", delay=20)  # typing again reopens it
    assert page.locator(".md-search__output").is_visible()


def test_escape_returns_focus_to_the_phone_button(browser: Browser, base_url: str) -> None:
    context = reader_context(browser, "tap")
    page = context.new_page()
    page.goto(base_url)
    search(page, "dang vien", "tap")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    assert page.locator(SEARCH_BUTTON).evaluate("element => element === document.activeElement")
    context.close()


def test_the_phone_back_arrow_closes_search(browser: Browser, base_url: str) -> None:
    context = reader_context(browser, "tap")
    page = context.new_page()
    page.goto(base_url)
    search(page, "dang vien", "tap")
    page.locator("[data-kb-search] label.md-search__icon").tap()
    assert not page.locator("#__search").is_checked()
    assert page.locator(SEARCH_BUTTON).is_visible()
    context.close()


def test_the_phone_search_button_works_with_the_keyboard(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url)
    tab_to(page, SEARCH_BUTTON)
    page.keyboard.press("Enter")
    type_query(page, "dang vien")
    page.keyboard.press("Escape")
    assert page.locator(SEARCH_BUTTON).evaluate("element => element === document.activeElement")
    context.close()


def test_a_clause_result_lands_on_its_anchor_and_highlights(reader: tuple[str, Page], base_url: str) -> None:
    how, page = reader
    page.goto(base_url)
    links = search(page, "dang vien", how)
    assert links[0].endswith("chuong-trinh/?h=dang%20vien#i-2")
    first = page.locator(".md-search-result__link").first
    if how == "tap":
        first.tap()
    elif how == "click":
        first.click()
    else:
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
    page.wait_for_url("**/chuong-trinh/?h=dang%20vien#i-2")
    marked = page.locator("#i-2 mark[data-md-highlight]").all_inner_texts()
    assert "đảng" in marked and "viên" in marked


def test_results_stay_in_the_readers_language(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}en/")
    links = search(page, "national security")
    assert links
    assert all(urljoin(page.url, link).startswith(f"{base_url}en/") for link in links)
    page.goto(base_url)
    vi_links = search(page, "an ninh")
    assert vi_links
    assert not any(urljoin(page.url, link).startswith(f"{base_url}en/") for link in vi_links)


def test_keyboard_only(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}gioi-thieu/")
    search(page, "ngay hoi", "keyboard")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()


def test_open_dialog_has_no_accessibility_violations(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(base_url)
    page.locator(SEARCH_BUTTON).click()
    page.keyboard.type("chi thi", delay=20)
    page.wait_for_selector(".md-search-result__item")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document.querySelector('[data-kb-search]'),
            {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
        return r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
    }""")
    assert result == [], "\n".join(result)


def test_search_works_from_a_copy_opened_from_disk(page: Page, site: Build) -> None:
    page.goto((site.site / "index.html").as_uri())
    links = search(page, "hoi nong dan", "click")
    assert links
    assert page.locator(".md-search-result__item mark").first.inner_text().lower().startswith("hội nông")


def test_no_request_leaves_the_site(page: Page, base_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url)
    search(page, "phong trao")
    assert requests
    assert all(url.startswith(base_url) for url in requests), [u for u in requests if not u.startswith(base_url)]


def test_index_files_are_small(site: Build) -> None:
    folder: Path = site.site / "search"
    assert (folder / "manifest.js").stat().st_size < 2000
    assert max(f.stat().st_size for f in folder.glob("*.js")) < 200_000
