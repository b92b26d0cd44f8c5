"""The link control beside each clause of the program: it goes to its clause and opens a menu that copies the
clause's address or its citation line, for a reader who clicks, taps or uses the keyboard alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from tests.browserkit import dismiss, focused
from tests.browserkit import press as press_as

pytestmark = pytest.mark.browser

MENU = ".kb-copy-menu"
CHOICES = ".kb-copy-menu button"
# Enough presses of Tab to pass every stop of the program page once (about 90: header, navigation, text).
TABS = 120
# How long a reader takes at the least to read what opened before acting on it. Material reacts to a change of
# the address (#anchor) 125 ms later (it closes its drawer and search); a menu must survive that.
READER_PAUSE_MS = 400
# Whether the focus is in the text, after the element ``s``.
FOLLOWS = """s => {
  const control = document.querySelector(s), active = document.activeElement;
  const after = control.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING;
  return !!active.closest(".md-content") && !!after;
}"""


def press(page: Page, how: str, selector: str, key: str = "Enter") -> None:
    press_as(page, how, selector, key, limit=TABS)


def offered(page: Page) -> list[str]:
    """What the open menu offers to copy, read at once (whether it stays open is tested below)."""
    expect(page.locator(MENU)).to_have_count(1)
    return list(page.locator(CHOICES).evaluate_all("buttons => buttons.map(button => button.dataset.copy)"))


def clipboard(page: Page) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


def test_copy_link_control_is_a_working_permalink(reader: tuple[str, Page], base_url: str) -> None:
    how, page = reader
    page.goto(f"{base_url}chuong-trinh/")
    press(page, how, "#iv-6 a.kb-permalink")
    assert page.url.endswith("/chuong-trinh/#iv-6")


def test_copy_menu_offers_the_link_and_a_citation_line(reader: tuple[str, Page], base_url: str) -> None:
    how, page = reader
    page.goto(f"{base_url}chuong-trinh/")
    press(page, how, "#iii-2 > a.kb-permalink")
    values = offered(page)
    assert values == [f"{base_url}chuong-trinh/#iii-2", "khoản 2 Mục III Chương trình phối hợp số 13/CTrPH-CA-MTTQ"]
    page.goto(f"{base_url}en/chuong-trinh/")
    press(page, how, "#iii-1-4 > a.kb-permalink")
    cite = offered(page)[-1]
    assert cite == "Section III, clause 1, bullet 4, Coordination Program No. 13/CTrPH-CA-MTTQ"


@pytest.mark.parametrize(
    ("prefix", "anchor", "cite", "done"),
    [
        ("", "iii-2", "khoản 2 Mục III Chương trình phối hợp số 13/CTrPH-CA-MTTQ", "Đã sao chép"),
        ("en/", "iii-1-4", "Section III, clause 1, bullet 4, Coordination Program No. 13/CTrPH-CA-MTTQ", "Copied"),
    ],
)
def test_each_reader_copies_the_link_and_the_citation_line(
    reader: tuple[str, Page], base_url: str, prefix: str, anchor: str, cite: str, done: str
) -> None:
    how, page = reader
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{base_url}{prefix}chuong-trinh/")
    control = f"#{anchor} > a.kb-permalink"
    press(page, how, control)
    assert page.url == f"{base_url}{prefix}chuong-trinh/#{anchor}"
    menu = page.locator(MENU)
    expect(menu).to_be_visible()
    # The menu takes the focus, so that a keyboard reader is in it at once.
    assert focused(page, f"{CHOICES}:first-of-type")
    page.wait_for_timeout(READER_PAUSE_MS)
    assert menu.is_visible(), f"the menu closed by itself before the reader ({how}) could use it"
    box, screen = menu.bounding_box(), page.viewport_size
    assert box is not None and screen is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= screen["width"]  # inside the screen, even a phone's

    first, last = f"{CHOICES}:first-of-type", f"{CHOICES}:last-of-type"  # the handout link follows the buttons
    press(page, how, first)  # the keyboard reader is on it already: Enter
    expect(page.locator(first)).to_have_text(done)
    assert clipboard(page) == f"{base_url}{prefix}chuong-trinh/#{anchor}"
    press(page, how, last, key="Space")
    expect(page.locator(last)).to_have_text(done)
    assert clipboard(page) == cite

    # Done: a click or tap elsewhere closes the menu, as Escape does for the keyboard reader.
    dismiss(page, how)
    expect(menu).to_have_count(0)
    if how == "keyboard":
        # Escape gives the focus back to the link control, and the reader carries on from the clause with Tab.
        assert focused(page, control)
        page.keyboard.press("Tab")
        assert page.evaluate(FOLLOWS, control), page.evaluate("document.activeElement.outerHTML")
