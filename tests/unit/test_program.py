"""The parser of the program text: structure, joins and anchors, on the real source."""

from __future__ import annotations

import unicodedata

import pytest
from tests.conftest import PROGRAM_TEXT

from ctrph13.core.diagnostics import ContentError
from ctrph13.data.program import Kind, parse

SOURCE = PROGRAM_TEXT.read_text(encoding="utf-8")


def test_five_page_break_joins_at_the_documented_places() -> None:
    program = parse(SOURCE)
    assert program.joins == (27, 65, 83, 93, 109)
    assert "của Đảng, chính sách, pháp luật" in program.block("ii-1").text
    assert "xây dựng ấp, khu phố, xã, phường, thị trấn" in program.block("iii-2-4").text
    assert "nhân cuộc hợp Ban Chấp hành" in program.block("iii-8-body").text


def test_structure() -> None:
    program = parse(SOURCE)
    kinds = [block.kind for block in program.blocks]
    assert kinds.count(Kind.SECTION) == 4
    assert kinds.count(Kind.CLAUSE) == 4 + 7 + 7
    assert kinds.count(Kind.CLAUSE_HEADING) == 9
    assert kinds.count(Kind.BULLET) == 8
    assert kinds.count(Kind.RECIPIENT) == 13
    assert program.block("signature-1-title").text == "TM BAN THƯỜNG TRỰC\nPHÓ CHỦ TỊCH"
    assert program.block("signature-2-name").text == "Đại tá Nguyễn Văn Trãi"


def test_anchor_text_and_lines() -> None:
    program = parse(SOURCE)
    assert program.anchor_text("iii-3").startswith("3. Hội Cựu chiến binh tỉnh Hướng dẫn xây dựng")
    assert program.anchor_line("iv-6") == 113
    assert program.anchor_text("iii-1").count("- ") >= 4
    with pytest.raises(KeyError):
        program.anchor_text("v-1")


def test_nfd_input_parses_the_same() -> None:
    assert parse(unicodedata.normalize("NFD", SOURCE)) == parse(SOURCE)


def test_an_unexpected_join_count_is_an_error_with_a_line() -> None:
    broken = SOURCE.replace(" Lựa chọn những người", "\n\nlựa chọn những người", 1)
    with pytest.raises(ContentError) as error:
        parse(broken)
    assert "expected 5 page-break joins, found 6" in str(error.value)
    assert str(error.value).startswith("data/program/ctrph-13-2024.vi.txt:27:1: ")
