"""References in prose to the program's own parts: found, linked to their anchor, and checked."""

from __future__ import annotations

import markdown
import pytest
from tests.conftest import ROOT

from ctrph13.adapter.mdext import PROGRAM_TARGET, KnowledgeBaseExtension, clause_annotator
from ctrph13.adapter.state import Linker
from ctrph13.citations.clauses import clause_diagnostics, find_clause_references, repository_problems
from ctrph13.data.program import load

ANCHORS = frozenset(load(ROOT).anchor_ids())


@pytest.mark.parametrize(
    ("text", "written", "anchor"),
    [
        ("theo khoản 6 Mục IV, Ban", "khoản 6 Mục IV", "iv-6"),
        ("xem mục IV.6 về", "mục IV.6", "iv-6"),
        ("tại điểm 2 khoản 2 Mục III,", "điểm 2 khoản 2 Mục III", "iii-2-2"),
        ("tại ý 2, khoản 2 Mục III.", "ý 2, khoản 2 Mục III", "iii-2-2"),
        ("Mục II nêu", "Mục II", "ii"),
        ("đạt tiêu chuẩn (III.8).", "III.8", "iii-8"),
        ("đạt tiêu chuẩn (mục III.8).", "mục III.8", "iii-8"),
        ("(mục\nIII.2)", "mục\nIII.2", "iii-2"),
        ("under clause 6 of Section IV, the", "clause 6 of Section IV", "iv-6"),
        ("see Section IV.6.", "Section IV.6", "iv-6"),
        ("bullet 2 of clause 2 of Section III", "bullet 2 of clause 2 of Section III", "iii-2-2"),
        ("Section III, clause 2, bullet 2", "Section III, clause 2, bullet 2", "iii-2-2"),
        ("(Section IV,\n  clause 6)", "Section IV,\n  clause 6", "iv-6"),
        ("Section II sets", "Section II", "ii"),
        ("mục I.1 của Chương trình.", "mục I.1", "i-1"),
        ("Mục III của Chương trình phối hợp này", "Mục III", "iii"),
        ("khoản 2 Mục III của Chương trình phối hợp số 13/CTrPH-CA-MTTQ", "khoản 2 Mục III", "iii-2"),
    ],
)
def test_each_form_names_its_anchor(text: str, written: str, anchor: str) -> None:
    [reference] = find_clause_references(text)
    assert text[reference.start : reference.end] == written
    assert reference.anchor == anchor


@pytest.mark.parametrize(
    "text",
    [
        "khoản 2 Mục III của Chương trình phối hợp số 07/CTrPH-BCA-MTTW",
        "clause 2 of Section III of Decision No. 1 of the Ministry",
        "mục tiêu của chương trình",
        "mục iii",  # a section numeral is written in capitals
        "Điều 5, khoản 2 Luật",
        "Section 3 of the Law",
        "Mục\n\nIII",  # a paragraph break ends a reference
        "(IX)",
    ],
)
def test_what_is_not_a_reference_to_the_program(text: str) -> None:
    assert find_clause_references(text) == []


def test_a_missing_clause_is_located_and_the_nearest_are_named() -> None:
    text = "Dòng một.\nTheo khoản 10 Mục III thì"
    [problem] = clause_diagnostics(text, "docs/vi/x.md", ANCHORS, first_line=3)
    assert str(problem) == (
        "docs/vi/x.md:4:6: “khoản 10 Mục III” refers to III.10, which the program does not have"
        " — correct the number; the nearest parts are III (#iii), III.8 (#iii-8), III.9 (#iii-9)"
    )
    [section] = clause_diagnostics("Mục V", "p.md", ANCHORS)
    assert "the nearest parts are I (#i), II (#ii), III (#iii), IV (#iv)" in str(section)
    assert clause_diagnostics("khoản 6 Mục IV; (III.2)", "p.md", ANCHORS) == []


def test_the_repository_refers_only_to_parts_the_program_has() -> None:
    assert repository_problems(ROOT, ANCHORS) == []


def convert(text: str, page_url: str = "mo-hinh/x/") -> str:
    linker = Linker(page_url=page_url, targets={PROGRAM_TARGET: "chuong-trinh/"})
    extension = KnowledgeBaseExtension("vi", [clause_annotator(ANCHORS)], linker.href)
    return markdown.Markdown(extensions=["toc", extension]).convert(text)


def test_references_are_linked_in_prose_only() -> None:
    html = convert(
        "## Mục II\n\nTheo khoản 6 Mục IV và (III.8), không phải `khoản 6 Mục IV`, "
        "[Mục III](../chuong-trinh.md#iii), <!-- Mục II --> hay khoản 10 Mục III."
    )
    assert 'href="#muc-ii"></a>Mục II</h2>' in html  # not in a heading (the permalink control aside)
    assert '<a class="kb-clause-ref" href="../../chuong-trinh/#iv-6">khoản 6 Mục IV</a>' in html
    assert '(<a class="kb-clause-ref" href="../../chuong-trinh/#iii-8">III.8</a>)' in html
    assert "<code>khoản 6 Mục IV</code>" in html  # not in code
    assert '<a href="../chuong-trinh.md#iii">Mục III</a>' in html  # not inside a link
    assert html.count("kb-clause-ref") == 2  # not in a comment, nor to a missing clause


def test_on_the_program_page_a_reference_is_a_link_within_the_page() -> None:
    assert 'href="#iv-6"' in convert("khoản 6 Mục IV", page_url="chuong-trinh/")
