"""A clause's handout: the clause menu offers it ("In khoản này" / "Print this clause"), and it prints on at most two
A4 pages at 10 pt or more, with the clause, its citation line, both addresses and a QR code (a note instead while
the publisher is a placeholder, as in this repository)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from tests.browserkit import press
from tests.conftest import ROOT

from ctrph13.data.program import load
from ctrph13.pages.handouts import handout_markdown

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("prefix", "anchor", "words"), [("", "iii-2", "In khoản này"), ("en/", "iv-3", "Print this clause")]
)
def test_the_clause_menu_offers_the_handout(
    reader: tuple[str, Page], base_url: str, prefix: str, anchor: str, words: str
) -> None:
    how, page = reader
    page.goto(f"{base_url}{prefix}chuong-trinh/")
    press(page, how, f"#{anchor} > a.kb-permalink", "Enter", limit=120)
    link = page.locator(".kb-copy-menu a.kb-handout-link")
    expect(link).to_have_text(words)
    press(page, how, ".kb-copy-menu a.kb-handout-link", "Enter", limit=10)
    page.wait_for_url(f"{base_url}{prefix}in/{anchor}/")
    expect(page.locator(".kb-handout h1")).to_be_visible()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_handout_prints_on_at_most_two_a4_pages_at_10_pt_or_more(page: Page, base_url: str, prefix: str) -> None:
    # The longest part of the program: a handout of every other part is shorter.
    page.goto(f"{base_url}{prefix}in/iii-2/")
    page.emulate_media(media="print")
    sizes = page.locator(".kb-handout p").evaluate_all("ps => ps.map(p => parseFloat(getComputedStyle(p).fontSize))")
    assert sizes and min(sizes) >= 10 * 96 / 72, sizes  # 10 pt in CSS pixels
    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, pages
    text = page.locator(".kb-handout").inner_text()
    assert "13/CTrPH-CA-MTTQ" in text  # the citation line
    assert "chuong-trinh/#iii-2" in text  # the addresses
    # This repository's publisher is a placeholder: a note, never an example.org QR code on paper.
    assert page.locator(".kb-qr svg").count() == 0
    expect(page.locator(".kb-handout-note")).to_be_visible()


def test_with_a_real_publisher_the_qr_code_encodes_the_permanent_address() -> None:
    permanent = "https://tinh.example/ctrph13/2024.2/chuong-trinh/#iii-2"
    markdown = handout_markdown(load(ROOT), {}, "iii-2", "vi", permanent, "https://tinh.example/latest/", False)
    svg = re.search(r"<svg.*?</svg>", markdown, re.DOTALL)
    assert svg is not None and f"<title>{permanent}</title>" in svg.group()
    assert "kb-handout-note" not in markdown
