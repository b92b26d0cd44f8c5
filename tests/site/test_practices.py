"""The catalogue of practices: both languages, the index facets, organisation pages and the export."""

from __future__ import annotations

import json

import jsonschema
import pytest
from bs4 import Tag
from tests.conftest import ROOT, Build

SEEDED = {
    "Cả nước chung sức xây dựng nông thôn mới",
    "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
    "Phụ nữ Tây Ninh tự tin, trách nhiệm và tiến bộ",
    "5 không, 3 sạch",
    "Gia đình 5 có, 3 sạch",
    "Tuổi trẻ xung kích bảo vệ Tổ quốc",
    "Tuổi cao - Gương sáng",
}


def _practices(site: Build) -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads((site.site / "data" / "practices.json").read_text(encoding="utf-8"))
    return data


def test_catalogue_holds_at_least_the_named_practices(site: Build) -> None:
    practices = _practices(site)
    assert len(practices) >= 12
    titles = " | ".join(str(p["title_vi"]) for p in practices)
    missing = [title for title in SEEDED if title not in titles]
    assert not missing


def test_export_validates_and_points_at_both_pages(site: Build) -> None:
    schema = json.loads((site.site / "data" / "practices.schema.json").read_text(encoding="utf-8"))
    practices = _practices(site)
    jsonschema.Draft202012Validator(schema).validate(practices)
    for practice in practices:
        assert (site.site / str(practice["url_vi"]) / "index.html").is_file()
        assert (site.site / str(practice["url_en"]) / "index.html").is_file()
        assert (ROOT / "docs" / "vi" / "mo-hinh" / f"{practice['id']}.md").is_file()


def test_practice_page_quotes_the_program_with_clause_links(site: Build) -> None:
    for practice in _practices(site):
        for prefix in ("", "en/"):
            page = site.page(f"{prefix}mo-hinh/{practice['id']}/")
            quotes = page.select("blockquote.kb-quote[lang=vi]")
            assert len(quotes) == len(practice["quotes"])  # type: ignore[arg-type]
            hrefs = {str(a["href"]) for a in page.select('a[href^="../../chuong-trinh/#"]')}
            assert {f"../../chuong-trinh/#{q['clause']}" for q in practice["quotes"]} <= hrefs  # type: ignore[union-attr,index]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_index_has_static_facets(site: Build, prefix: str) -> None:
    page = site.page(f"{prefix}mo-hinh/")
    for facet in ("theo-co-quan", "theo-loai", "theo-cap"):
        assert page.find(id=facet) is not None
    listed = {str(a["href"]) for a in page.select("article a[href]") if str(a["href"]).endswith("/")}
    for practice in _practices(site):
        assert f"{practice['id']}/" in listed


def test_organisation_pages_list_the_practices_they_lead(site: Build) -> None:
    section = site.page("to-chuc/hoi-lhpn-tinh/").find(id="mo-hinh")
    assert isinstance(section, Tag)
    items = section.find_next("ul")
    assert isinstance(items, Tag)
    assert "5 không, 3 sạch" in items.get_text()


@pytest.mark.parametrize("path", ["mo-hinh/gia-dinh-5-khong-3-sach/", "mo-hinh/", "to-chuc/hoi-lhpn-tinh/"])
def test_title_with_markup_is_rendered_as_text(project_with_script: Build, path: str) -> None:
    page = project_with_script.page(path)
    assert page.find("script", string=lambda s: s is not None and "alert(2)" in s) is None
    assert page.find("b", string="5") is None
    assert "<script>alert(2)</script> <b>5</b> không" in page.get_text()
