"""The termbase: one English rendering per Vietnamese term, enforced on every kind of text that has one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ctrph13.data.termbase import Pair, Term, Termbase, problems

TERMS = Termbase(
    (
        Term(("sơ kết",), "preliminary review", ("interim review",), 3),
        Term(("Nhân dân",), "the People", (), 7),
        Term(("Công an nhân dân",), "People's Public Security", (), 9),
        Term(("cứu nạn cứu hộ",), "search and rescue", ("rescue and salvage",), 12),
    )
)


def pair(vi: str, en: str, waived: dict[str, str] | None = None) -> Pair:
    return Pair(vi, "data/program/ctrph-13-2024.vi.txt:40", en, "data/program/ctrph-13-2024.en.yaml", 300, waived)


def test_the_termbase_english_passes() -> None:
    assert problems(TERMS, [pair("Tổ chức sơ kết 5 năm", "A preliminary review of five years")]) == []
    assert problems(TERMS, [pair("sơ kết", "Preliminary review is due")]) == []  # a sentence may start with it
    assert problems(TERMS, [pair("Sơ kết 5 năm", "A preliminary review")]) == []  # in either language
    assert len(problems(TERMS, [pair("Sơ kết 5 năm", "An interim review")])) == 1


def test_a_wrong_rendering_is_named_with_both_places() -> None:
    [problem] = problems(TERMS, [pair("Tổ chức sơ kết 5 năm", "An interim review of five years")])
    assert str(problem) == (
        "data/program/ctrph-13-2024.en.yaml:300:1: “sơ kết” (data/program/ctrph-13-2024.vi.txt:40) is not rendered"
        " “preliminary review”; it has “interim review”, which is wrong here"
        " — use “preliminary review” (data/termbase.yaml:3), or waive the term for this block with a reason"
    )


def test_the_longest_term_wins() -> None:
    # "Công an nhân dân" holds "nhân dân" in lower case: Vietnamese matching is case-sensitive, and the longer wins.
    assert problems(TERMS, [pair("lực lượng Công an nhân dân", "the People's Public Security force")]) == []
    assert len(problems(TERMS, [pair("Nhân dân", "the people")])) == 1  # case matters after the first letter


def test_wrong_renderings_match_whole_phrases_only() -> None:
    assert problems(TERMS, [pair("cứu nạn cứu hộ", "search and rescue; rescue and salvageable goods")]) == []
    assert len(problems(TERMS, [pair("cứu nạn cứu hộ", "search and rescue, and rescue and salvage")])) == 1


def test_a_block_may_waive_a_term_with_a_reason() -> None:
    waived = {"sơ kết": "the block quotes another document's wording"}
    assert problems(TERMS, [pair("sơ kết", "interim review", waived)]) == []


def check(project: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "ctrph13", "--root", str(project), "check"], capture_output=True, text=True, check=False
    )
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if "termbase" in line]


TERMBASE = """terms:
  - vi: ["{vi}"]
    en: "{en}"
    wrong: ["{wrong}"]
"""


@pytest.mark.parametrize(
    ("kind", "path", "vi", "en"),
    [
        ("program block", "data/program/ctrph-13-2024.en.yaml", "Công an tỉnh", "Provincial Police"),
        ("duty summary", "data/duties.yaml", "Công an tỉnh", "Provincial Police"),
        ("organisation name", "data/organizations.yaml", "Công an tỉnh", "Provincial Police"),
        ("practice page", "docs/en/mo-hinh/tuoi-cao-guong-sang.md", "Hội Người cao tuổi", "Association"),
    ],
)
def test_each_kind_of_text_is_checked(project: Path, kind: str, path: str, vi: str, en: str) -> None:
    termbase = project / "data" / "termbase.yaml"
    # Positive: the English the texts use now passes.
    termbase.write_text(TERMBASE.format(vi=vi, en=en, wrong="Provincial Constabulary"), encoding="utf-8")
    assert [line for line in check(project) if path in line] == [], kind
    # Negative: a wrong rendering put into one text of that kind is found there.
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert en in text, kind
    file.write_text(text.replace(en, "Provincial Constabulary"), encoding="utf-8")
    found = [line for line in check(project) if line.startswith(f"{path}:")]
    assert found and "which is wrong here" in found[0], (kind, found)
