"""Site-wide properties of the real build: strict, self-contained, bilingual at the same paths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from tests.conftest import Build

OUTSIDE = re.compile(r"^(https?:)?//", re.IGNORECASE)
ASSET_ATTRS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}
CSS_URL = re.compile(r"url\(\s*['\"]?(?P<url>[^'\")]+)")
CSS_IMPORT = re.compile(r"@import\s+['\"](?P<url>[^'\"]+)")
PAGES = ["", "chuong-trinh/", "thuat-ngu/", "gioi-thieu/"]


def test_strict_build_has_no_warnings(site: Build) -> None:
    assert site.returncode == 0
    assert not re.search(r"^(WARNING|ERROR)", site.log, re.MULTILINE), site.log


def test_both_languages_are_built(site: Build) -> None:
    for page in PAGES:
        assert (site.site / page / "index.html").is_file()
        assert (site.site / "en" / page / "index.html").is_file()


def outside_references(site_dir: Path) -> list[str]:
    found: list[str] = []
    for html in site_dir.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            attr = ASSET_ATTRS.get(tag.name)
            if attr and OUTSIDE.match(str(tag.get(attr, ""))):
                found.append(f"{html}: <{tag.name} {attr}={tag[attr]}>")
            if (
                tag.name == "link"
                and "alternate" not in tag.get("rel", [])
                and "canonical" not in tag.get("rel", [])
                and OUTSIDE.match(str(tag.get("href", "")))
            ):
                found.append(f"{html}: <link href={tag['href']}>")
            style = str(tag.get("style", ""))
            found += [f"{html}: style url {m['url']}" for m in CSS_URL.finditer(style) if OUTSIDE.match(m["url"])]
    for css in site_dir.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for pattern in (CSS_URL, CSS_IMPORT):
            found += [f"{css}: {m['url']}" for m in pattern.finditer(text) if OUTSIDE.match(m["url"])]
    return found


def test_no_asset_from_another_host(site: Build) -> None:
    assert not outside_references(site.site)


def test_the_checker_finds_an_outside_asset(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="https://fonts.googleapis.com/css">')
    (tmp_path / "a.css").write_text("@import 'https://cdn.example/x.css';")
    assert len(outside_references(tmp_path)) == 2


@pytest.mark.parametrize(("path", "lang"), [(p, "vi") for p in PAGES] + [(f"en/{p}", "en") for p in PAGES])
def test_html_lang_and_interface_language(site: Build, path: str, lang: str) -> None:
    page = site.page(path)
    html = page.find("html")
    assert isinstance(html, Tag) and html["lang"] == lang
    search = page.select_one("input.md-search__input")
    assert search is not None
    assert search["placeholder"] == ("Tìm kiếm" if lang == "vi" else "Search")


@pytest.mark.parametrize("page", PAGES)
def test_language_switch_lands_on_the_same_page(site: Build, page: str) -> None:
    for lang, path, other_path in (("vi", page, f"en/{page}"), ("en", f"en/{page}", page)):
        links = {a["hreflang"]: a["href"] for a in site.page(path).select("a.kb-alternate")}
        assert set(links) == {"vi", "en"}
        target = (site.site / path / str(links["en" if lang == "vi" else "vi"])).resolve()
        assert target == (site.site / other_path).resolve(), (path, links)


def test_abbreviations_have_tooltips_but_document_numbers_stay_whole(site: Build) -> None:
    page = site.page("chuong-trinh/")
    titles = {abbr.get_text(): abbr["title"] for abbr in page.select("abbr")}
    assert titles["ANTQ"] == "an ninh Tổ quốc"
    assert titles["MTTQ"] == "Mặt trận Tổ quốc"
    for abbr in page.select("abbr"):
        around = f"{abbr.previous_sibling or ''}"[-1:] + f"{abbr.next_sibling or ''}"[:1]
        assert "/" not in around and "-" not in around.strip(), f"abbr splits a number: {abbr.parent}"
    number = page.find(id="doc-number")
    assert isinstance(number, Tag) and number.find("abbr") is None


def test_glossary_page_lists_every_abbreviation(site: Build) -> None:
    for path in ("thuat-ngu/", "en/thuat-ngu/"):
        table = site.page(path).select_one("table")
        assert table is not None
        terms = {row.find("td").get_text(strip=True) for row in table.select("tbody tr")}
        assert {"ANTQ", "MTTQ", "CAT", "BCĐ", "PCTP", "TNXH", "XDPTTDBV ANTQ", "TT.TU", "UBND", "BCA"} <= terms
