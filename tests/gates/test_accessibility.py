"""Gate: axe-core finds no WCAG 2.0, 2.1 or 2.2 level A/AA violation on any page type, in either language, on a
desktop and on a phone, nor with the search dialog open on its results."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize
from tests.browserkit import DESKTOP, PHONE, reader_context, search
from tests.conftest import ROOT
from tests.gates.sitekit import DEV_PAGES, LANGUAGE_IDS, LANGUAGES, LOW_CONTRAST, PAGE_IDS, PAGES, SEARCH_QUERY

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS: dict[str, ViewportSize] = {"desktop": DESKTOP, "phone": PHONE}
HOW_BY_VIEWPORT = {"desktop": "click", "phone": "tap"}
RUN_AXE = """async tags => {
    const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
    return result.violations.map(v => [v.id, v.nodes.map(n => n.target.join(' '))]);
}"""


@pytest.fixture(scope="module")
def screens(browser: Browser) -> Iterator[dict[str, Page]]:
    """One tab per viewport for the whole module, as a reader browsing page to page (a new one per page costs more
    than the check itself)."""
    contexts = {name: reader_context(browser, HOW_BY_VIEWPORT[name]) for name in VIEWPORTS}
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


def violations(page: Page, label: str) -> list[str]:
    """axe's violations on the page as it is now, one line each: ``label: rule-id: selector, selector``."""
    page.add_script_tag(path=AXE)  # read when used: collection needs no node_modules
    found: list[tuple[str, list[str]]] = page.evaluate(RUN_AXE, TAGS)
    return [f"{label}: {rule}: {', '.join(targets)}" for rule, targets in found]


def visit(screens: dict[str, Page], url: str, viewport: str) -> Page:
    page = screens[viewport]
    page.goto(url)
    return page


def open_search_with_results(page: Page, viewport: str) -> None:
    """Open search as a reader does (a click on a desktop, a tap on a phone), type the query, wait for results."""
    search(page, SEARCH_QUERY, HOW_BY_VIEWPORT[viewport])
    page.wait_for_selector(".md-search-result__item")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", PAGES + DEV_PAGES, ids=PAGE_IDS + list(DEV_PAGES))
def test_page_has_no_violations(screens: dict[str, Page], site_url: str, path: str, viewport: str) -> None:
    page = visit(screens, site_url + path, viewport)
    found = violations(page, f"{path or '(home)'} ({viewport})")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES, ids=LANGUAGE_IDS)
def test_open_search_has_no_violations(screens: dict[str, Page], site_url: str, lang: str, viewport: str) -> None:
    page = visit(screens, site_url + lang, viewport)
    open_search_with_results(page, viewport)
    found = violations(page, f"{lang or '(home)'} with search open ({viewport})")
    assert not found, "\n".join(found)


def test_the_gate_reports_low_contrast_text(screens: dict[str, Page], broken_url: str) -> None:
    page = visit(screens, broken_url + LOW_CONTRAST.page, "desktop")
    found = violations(page, LOW_CONTRAST.page)
    assert any(line.startswith(f"{LOW_CONTRAST.page}: color-contrast: ") for line in found), found
