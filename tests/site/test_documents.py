"""Citations become links; every document has a page with its status, relations and where it is cited."""

from __future__ import annotations

import pytest
from bs4 import Tag
from tests.conftest import Build

CITED = {
    "07/CTrPH-BCA-MTTW": "ctrph-07-2023",
    "09-CT/TW": "ct-09-2011",
    "44-KL/TW": "kl-44-2019",
    "02-NQ/TW": "nq-02-2021",
    "40/2023/TT-BTC": "tt-40-2023",
    "15/CTR-CA-MTTQ": "ctrph-15-2014",
}
CITING_CLAUSE = {
    "ctrph-07-2023": "preamble",
    "ct-09-2011": "ii-1",
    "kl-44-2019": "ii-1",
    "nq-02-2021": "iii-6",
    "tt-40-2023": "iv-5",
    "ctrph-15-2014": "iv-6",
}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_all_six_cited_numbers_are_linked_in_the_program(site: Build, prefix: str) -> None:
    program = site.page(f"{prefix}chuong-trinh/").select_one(".kb-program")
    assert program is not None
    links = program.select("a.kb-cite")
    for number, doc_id in CITED.items():
        matching = [a for a in links if number in a.get_text() or (number.startswith("07/") and "07" in a.get_text())]
        assert matching, f"{number} is not linked in {prefix}chuong-trinh/"
        assert all(str(a["href"]) == f"../van-ban/{doc_id}/" for a in matching if number in a.get_text())
        assert all(a.get("title") for a in matching)


def test_tooltip_gives_kind_date_issuer_status(site: Build) -> None:
    link = site.page("chuong-trinh/").select_one('#ii-1 a.kb-cite[href="../van-ban/ct-09-2011/"]')
    assert link is not None
    assert link["title"] == "Chỉ thị · 01/12/2011 · Ban Bí thư · Còn hiệu lực"
    english = site.page("en/chuong-trinh/").select_one('#ii-1 a.kb-cite[href="../van-ban/ct-09-2011/"]')
    assert english is not None
    assert english["title"] == "Directive · 1 December 2011 · the Secretariat · In force"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_document_page_links_back_to_the_citing_clause(site: Build, prefix: str) -> None:
    for doc_id, anchor in CITING_CLAUSE.items():
        page = site.page(f"{prefix}van-ban/{doc_id}/")
        hrefs = [str(a["href"]) for a in page.select("#cited-in ~ ul a, #duoc-trich-dan-tai ~ ul a")]
        assert f"../../chuong-trinh/#{anchor}" in hrefs, (doc_id, hrefs)


def test_relations_in_both_directions(site: Build) -> None:
    replaced = site.page("van-ban/ctrph-15-2014/")
    assert replaced.select_one(".kb-status--replaced") is not None
    assert "Bị thay thế bởi" in replaced.get_text()
    program = site.page("en/van-ban/ctrph-13-2024/")
    text = program.get_text(" ")
    assert "Implements" in text and "Replaces" in text
    implemented = site.page("en/van-ban/ctrph-07-2023/")
    assert "Implemented by" in implemented.get_text(" ")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_index_lists_every_document_with_status(site: Build, prefix: str) -> None:
    table = site.page(f"{prefix}van-ban/").select_one("table")
    assert isinstance(table, Tag)
    rows = table.select("tbody tr")
    assert len(rows) == 7
    assert all(row.select_one(".kb-status") for row in rows)


def test_program_page_shows_what_it_implements_and_replaces(site: Build) -> None:
    box = site.page("chuong-trinh/").select_one(".kb-relations[data-editorial]")
    assert box is not None
    hrefs = [str(a["href"]) for a in box.select("a")]
    assert hrefs == ["../van-ban/ctrph-07-2023/", "../van-ban/ctrph-15-2014/"]


def test_developer_reference_is_generated_and_english_only(site: Build) -> None:
    page = site.page("en/dev/reference/")
    assert page.select_one("[id='ctrph13.citations.find.find_citations']") is not None
    assert not (site.site / "dev").exists()
    nav = " ".join(a.get_text() for a in site.page("en/").select("nav.md-nav--primary a"))
    assert "Python API" not in nav
