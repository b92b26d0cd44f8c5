"""The program text is published word for word: the built page minus editorial elements IS the source."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from bs4 import BeautifulSoup, Tag
from tests.conftest import PROGRAM_TEXT, Build

SOURCE = PROGRAM_TEXT
# The signed text as extracted (data/program/README.md says how). Changing it is a deliberate, reviewed act: a
# new digest here, in the same commit, with the reason in its message.
SOURCE_SHA256 = "bae893a750c8038fc6172ba2b47c77a1cb2889a900dd279ef58a416665fbb289"


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


def test_signed_text_is_pinned() -> None:
    data = SOURCE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == SOURCE_SHA256, (
        f"{SOURCE.name} changed: if the change is deliberate and reviewed, pin the new SHA-256 in this test"
    )


def test_signed_text_facts() -> None:
    # What data/program/README.md states about the file, checked so that a re-extraction keeps it true.
    text = SOURCE.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert "13 /CTrPH-CA-MTTQ" in text, "the number is printed with a space before the slash"
    assert text.count("**") == 2, "extraction emphasis only around the first signature title"
    for slip in ("an ninh Tô quốc", "tín đồ sùng “tốt đời, đẹp đạo”", "người lao về chủ trương"):
        assert text.count(slip) == 1, slip
    for citation in ("07/CTrPH-BCA-MTTW", "09-CT/TW", "44-KL/TW", "02-NQ/TW", "40/2023/TT-BTC", "15/CTR-CA-MTTQ"):
        assert citation in text, citation


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
