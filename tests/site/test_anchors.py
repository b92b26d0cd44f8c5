"""Permanent, language-neutral anchors: the site's public contract with trainers' course materials."""

from __future__ import annotations

import pytest
from bs4 import Tag
from tests.conftest import Build

# The contract as published (issue #2). Never remove an id from this list.
SECTIONS = ["i", "ii", "iii", "iv"]
CLAUSES = (
    [f"i-{n}" for n in range(1, 5)]
    + [f"ii-{n}" for n in range(1, 8)]
    + [f"iii-{n}" for n in range(1, 10)]
    + [f"iv-{n}" for n in range(1, 8)]
)
BULLETS = [f"iii-1-{n}" for n in range(1, 5)] + [f"iii-2-{n}" for n in range(1, 5)]
ANCHORS = SECTIONS + CLAUSES + BULLETS


@pytest.mark.parametrize("path", ["chuong-trinh/", "en/chuong-trinh/"])
def test_every_anchor_exists_with_a_copy_link(site: Build, path: str) -> None:
    page = site.page(path)
    missing = [anchor for anchor in ANCHORS if page.find(id=anchor) is None]
    assert not missing, f"{path}: missing anchors {missing}"
    for anchor in ANCHORS:
        element = page.find(id=anchor)
        assert isinstance(element, Tag)
        link = element.select_one("a.kb-permalink")
        assert link is not None and link["href"] == f"#{anchor}", anchor


@pytest.mark.parametrize("path", ["chuong-trinh/", "en/chuong-trinh/"])
def test_anchor_ids_are_unique(site: Build, path: str) -> None:
    ids = [str(tag["id"]) for tag in site.page(path).find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_clause_numbers_match_their_anchor(site: Build) -> None:
    page = site.page("chuong-trinh/")
    for anchor in CLAUSES:
        element = page.find(id=anchor)
        assert isinstance(element, Tag)
        assert element.get_text(" ").strip().startswith(f"{anchor.rsplit('-', 1)[1]}. "), anchor
