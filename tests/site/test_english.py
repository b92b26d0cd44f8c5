"""The English page is a complete, clause-for-clause translation, marked as unofficial everywhere."""

from __future__ import annotations

import re

import pytest
from bs4 import Tag
from tests.conftest import Build
from tests.site.test_anchors import ANCHORS

STUB = re.compile(r"\b(TODO|TBD|FIXME|lorem ipsum|translation pending)\b", re.IGNORECASE)


def _text(tag: Tag) -> str:
    for editorial in tag.select("[data-editorial]"):
        editorial.decompose()
    return " ".join(tag.get_text("").split())


def test_every_clause_is_translated(site: Build) -> None:
    vi, en = site.page("chuong-trinh/"), site.page("en/chuong-trinh/")
    for anchor in ANCHORS:
        vi_block, en_block = vi.find(id=anchor), en.find(id=anchor)
        assert isinstance(vi_block, Tag) and isinstance(en_block, Tag), anchor
        vi_text, en_text = _text(vi_block), _text(en_block)
        assert en_text and en_text != vi_text, f"{anchor} is not translated"
        assert not STUB.search(en_text), f"{anchor} is a stub: {en_text[:80]}"
        # Clause numbers and bullet dashes are kept, so both texts start the same way.
        assert en_text.split()[0] == vi_text.split()[0], anchor


def test_same_structure_in_both_languages(site: Build) -> None:
    def shape(path: str) -> list[tuple[str, str]]:
        program = site.page(path).find("div", class_="kb-program")
        assert isinstance(program, Tag)
        return [
            (tag.name, " ".join(c for c in tag.get("class", []) if c.startswith("kb-")))
            for tag in program.find_all(["p", "h1", "h2", "h3"])
            if not tag.has_attr("data-editorial")
        ]

    assert shape("chuong-trinh/") == shape("en/chuong-trinh/")


def test_paragraph_lengths_are_plausible(site: Build) -> None:
    # A summary instead of a translation would be far shorter than the Vietnamese.
    vi, en = site.page("chuong-trinh/"), site.page("en/chuong-trinh/")
    for anchor in ANCHORS:
        vi_block, en_block = vi.find(id=anchor), en.find(id=anchor)
        assert isinstance(vi_block, Tag) and isinstance(en_block, Tag)
        vi_text = _text(vi_block)
        if len(vi_text) < 100:  # headings such as "7. Hội Nông dân tỉnh": names lengthen in English
            continue
        ratio = len(_text(en_block)) / len(vi_text)
        assert 0.6 < ratio < 1.8, f"{anchor}: English is {ratio:.2f}x the Vietnamese length"


@pytest.mark.parametrize("page", ["", "chuong-trinh/", "thuat-ngu/", "gioi-thieu/"])
def test_every_english_page_says_unofficial(site: Build, page: str) -> None:
    announce = site.page(f"en/{page}").select_one(".kb-announce[data-editorial]")
    assert announce is not None and "Unofficial English translation" in announce.get_text()
    assert "Vietnamese text prevails" in announce.get_text()
