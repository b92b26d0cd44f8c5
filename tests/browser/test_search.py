"""Search as a reader uses it: typed key by key in the header box of the built site, in both languages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page
from tests.conftest import ROOT, Build

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def search(page: Page, text: str) -> list[str]:
    """Open search with "/" as a reader does, type ``text`` key by key, return the result links."""
    page.keyboard.press("/")
    box = page.locator("[data-kb-search] input[name=query]")
    assert box.evaluate("element => element === document.activeElement")
    box.fill("")
    page.keyboard.type(text, delay=20)
    # Typing runs a search per keystroke: wait for the list that answers the whole query.
    page.wait_for_function("q => document.querySelector('.md-search-result__list').dataset.query === q", arg=text)
    return [str(link.get_attribute("href")) for link in page.locator(".md-search-result__link").all()]


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


def test_a_clause_result_lands_on_its_anchor_and_highlights(page: Page, base_url: str) -> None:
    page.goto(base_url)
    links = search(page, "dang vien")
    assert links[0].endswith("chuong-trinh/?h=dang%20vien#i-2")
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/chuong-trinh/?h=dang%20vien#i-2")
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
    search(page, "ngay hoi")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()


def test_open_dialog_has_no_accessibility_violations(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.goto(base_url)
    page.locator("label.md-header__button[for=__search]").click()
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
    links = search(page, "hoi nong dan")
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
