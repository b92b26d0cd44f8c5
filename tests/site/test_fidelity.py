"""The program text is published word for word: the built page minus editorial elements IS the source."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from tests.conftest import ROOT, SHARED, Build

SOURCE = SHARED / "source" / "ctrph-13-2024.vi.txt"


def expected_words() -> list[str]:
    """The source as a reader should see it: extraction emphasis removed; page-break joins are whitespace."""
    text = SOURCE.read_text(encoding="utf-8").replace("**", "")
    return text.split()


def published_words(page: BeautifulSoup) -> list[str]:
    program = page.find("div", class_="kb-program")
    assert isinstance(program, Tag)
    for editorial in program.select("[data-editorial]"):
        editorial.decompose()
    # Inline wrappers (abbr, links) must add no space: read each block's text as one string.
    blocks = program.find_all(["p", "h1", "h2", "h3", "h4"])
    return [word for block in blocks for word in block.get_text("").split()]


def test_repository_copy_is_the_shared_source() -> None:
    assert (ROOT / "data" / "program" / SOURCE.name).read_bytes() == SOURCE.read_bytes()


def test_program_page_is_the_source_word_for_word(site: Build) -> None:
    published = published_words(site.page("chuong-trinh/"))
    expected = expected_words()
    if published != expected:
        first = next(i for i, (a, b) in enumerate(zip(published, expected, strict=False)) if a != b)
        context = slice(max(first - 8, 0), first + 8)
        raise AssertionError(f"first difference at word {first}: {published[context]} != {expected[context]}")
    assert len(published) == len(expected)


def test_every_sentence_appears_verbatim(site: Build) -> None:
    # The issue's own formulation: sentence by sentence, whitespace folded.
    published = " ".join(published_words(site.page("chuong-trinh/")))
    sentences = [s for s in re.split(r"(?<=[.;:])\s+", " ".join(expected_words())) if s]
    missing = [s for s in sentences if s not in published]
    assert not missing, missing[:3]


def test_slips_are_kept_as_printed_and_annotated(site: Build) -> None:
    page = site.page("chuong-trinh/")
    for anchor, printed in (("iii-2-2", "an ninh Tô quốc"), ("iii-1-4", "tín đồ sùng"), ("iii-6", "người lao về")):
        block = page.find(id=anchor)
        assert isinstance(block, Tag)
        scope = block if anchor != "iii-6" else block.find_next("p", class_="kb-clause-body")
        assert isinstance(scope, Tag)
        assert printed in " ".join(scope.get_text(" ").split())
        assert scope.select_one(".kb-sic") is not None
        marker = scope.select_one("sup.kb-erratum[data-editorial] a")
        assert marker is not None
        note = page.find(id=str(marker["href"]).removeprefix("#"))
        assert isinstance(note, Tag)
        assert note.has_attr("data-editorial")


def test_wrappers_add_no_text(site: Build) -> None:
    page = site.page("chuong-trinh/")
    for abbr in page.select(".kb-program abbr"):
        assert abbr.get("title"), abbr
        assert not abbr.find_all(True), "an abbreviation wraps words only"
    for control in page.select(".kb-program .kb-permalink"):
        assert control.has_attr("data-editorial")
        assert control.get_text() == ""
