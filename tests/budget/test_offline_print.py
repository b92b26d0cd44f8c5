"""The offline copy (opened from disk, search included), the print stylesheet and the program's PDFs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from tests.browserkit import search
from tests.conftest import ROOT, Build

pytestmark = pytest.mark.browser
MKDOCS = Path(sys.executable).parent / "mkdocs"


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("offline") / "offline"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_OFFLINE": "1", "KB_SKIP_PDF": "1"}
    subprocess.run([str(MKDOCS), "build", "--strict", "-q", "-d", str(out)], cwd=ROOT, env=env, check=True)
    return out


def test_offline_copy_works_from_disk(browser: Browser, offline: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((offline / "index.html").as_uri())
    page.locator("nav.md-nav--primary a", has_text="Toàn văn chương trình").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/chuong-trinh.html")
    assert page.locator("#iii-2").is_visible()
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.kb-alternate[hreflang=en]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/chuong-trinh.html")
    search(page, "national security", "click")
    first = page.locator(".md-search-result__link").first
    assert ".html" in str(first.get_attribute("href"))
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith((offline / "en").as_uri())
    assert errors == []


def test_print_shows_clause_numbers_and_links_as_endnotes(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}chuong-trinh/")
    page.emulate_media(media="print")
    endnotes = page.locator(".kb-endnotes[data-editorial]")
    assert endnotes.is_visible()
    assert endnotes.locator("li").count() == 40
    assert (
        endnotes.locator("li").nth(21).inner_text()
        == "ý 1, khoản 2 Mục III: https://example.org/ctrph13/chuong-trinh/#iii-2-1"
    )
    marker = page.evaluate("getComputedStyle(document.getElementById('iii-2-1'), '::after').content")
    assert marker == '" [" counter(kb-note) "]"' or "counter" in marker
    assert not page.locator("#iii-2-1 .kb-permalink").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    page.emulate_media(media="screen")
    assert not endnotes.is_visible()


@pytest.mark.parametrize(("prefix", "lang"), [("", "vi"), ("en/", "en")])
def test_program_pdf_is_printed_and_linked(site: Build, prefix: str, lang: str) -> None:
    pdf = site.site / prefix / "data" / f"ctrph-13-2024.{lang}.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert (
        data.count(b"/Type /Page\n") + data.count(b"/Type /Page/") + data.count(b"/Type /Page ") >= 3
        or data.count(b"/Type/Page") >= 3
    )
    assert b"D:20240112000000" in data, "the time stamp is fixed, so builds are reproducible"
    link = site.page(f"{prefix}chuong-trinh/").select_one(f'a[href="../data/ctrph-13-2024.{lang}.pdf"]')
    assert link is not None
