"""The checker against the real registry: the program as printed passes; each kind of error is caught."""

from __future__ import annotations

import pytest
from tests.conftest import PROGRAM_TEXT, ROOT

from ctrph13.citations import check as citecheck
from ctrph13.data import registry
from ctrph13.data.program import load as load_program
from ctrph13.data.registry import Registry

PROGRAM = PROGRAM_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def documents() -> Registry:
    return registry.load(ROOT, load_program(ROOT))


def test_every_citation_in_the_program_as_printed_passes(documents: Registry) -> None:
    found = citecheck.findings(PROGRAM, documents)
    assert [f.problems for f in found if f.problems] == []
    numbers = {f.document.number for f in found if f.document}
    assert numbers == {"07/CTrPH-BCA-MTTW", "09-CT/TW", "44-KL/TW", "02-NQ/TW", "40/2023/TT-BTC", "15/CTR-CA-MTTQ"}
    # The short form "Chương trình phối hợp số 07" defined in the preamble is used twice in section IV.
    assert sum(1 for f in found if f.citation.short_form and f.document and f.document.number.startswith("07/")) == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Theo Kết luận số 45-KL/TW.",
            "“Kết luận số 45-KL/TW”: unknown document 45-KL/TW; closest registered: "
            "44-KL/TW (Kết luận, 22/01/2019, Ban Bí thư)",
        ),
        (
            "Theo Nghị quyết số 09-CT/TW.",
            "“Nghị quyết số 09-CT/TW”: the kind word “Nghị quyết” contradicts the "
            "type code CT of 09-CT/TW (the registry has a Chỉ thị / Directive)",
        ),
        (
            "Theo Chỉ thị số 09-CT/TW ngày 2/12/2011.",
            "“Chỉ thị số 09-CT/TW ngày 2/12/2011”: the date 02/12/2011 "
            "does not match the registry: 09-CT/TW is dated 01/12/2011",
        ),
        (
            "Theo Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Ban Bí thư về công đoàn.",
            "“Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Ban Bí thư”: the issuer “Ban Bí thư” does not match the "
            "registry (Bộ Chính trị / the Politburo)",
        ),
        (
            "Chương trình phối hợp số 15/CTR-CA-MTTQ ngày 12/5/2014 vẫn được áp dụng.",
            "“Chương trình phối hợp số 15/CTR-CA-MTTQ ngày 12/5/2014”: cites 15/CTR-CA-MTTQ as if in force, but it "
            "was replaced by Chương trình phối hợp 13/CTrPH-CA-MTTQ",
        ),
        (
            "See Directive No. 09-CT/TW of 2 December 2011.",
            "“Directive No. 09-CT/TW of 2 December 2011”: the date "
            "02/12/2011 does not match the registry: 09-CT/TW is dated 01/12/2011",
        ),
        (
            "See Resolution No. 44-KL/TW.",
            "“Resolution No. 44-KL/TW”: the kind word “Resolution” contradicts the "
            "type code KL of 44-KL/TW (the registry has a Kết luận / Conclusion)",
        ),
    ],
)
def test_each_error_kind(documents: Registry, text: str, message: str) -> None:
    problems = citecheck.diagnostics(text, "docs/vi/x.md", documents)
    assert [p.message for p in problems] == [message]
    assert problems[0].path == "docs/vi/x.md"
    assert (problems[0].line, problems[0].col) == (1, text.index(message[1:6]) + 1)


@pytest.mark.parametrize(
    "text",
    [
        "Chương trình này thay thế Chương trình phối hợp số 15/CTR-CA-MTTQ ngày 12/5/2014.",
        "It replaces Coordination Program No. 15/CTR-CA-MTTQ of 12 May 2014.",
        "Trước năm 2024, <!-- kb:historical --> Chương trình phối hợp số 15/CTR-CA-MTTQ quy định như sau.",
        "Ví dụ: `Chương trình phối hợp số 15/CTR-CA-MTTQ` trong mã nguồn.",
    ],
)
def test_replaced_document_is_fine_when_the_sentence_says_so(documents: Registry, text: str) -> None:
    assert citecheck.diagnostics(text, "docs/vi/x.md", documents) == []


def test_replacement_must_be_in_the_same_sentence(documents: Registry) -> None:
    text = "Chương trình cũ đã bị thay thế. Chương trình phối hợp số 15/CTR-CA-MTTQ vẫn được nêu ở đây."
    assert len(citecheck.diagnostics(text, "docs/vi/x.md", documents)) == 1


def test_line_and_column_with_a_line_break_inside(documents: Registry) -> None:
    text = "---\ntitle: x\n---\n\nDòng một.\nTheo Chỉ thị số\n09-CT/TW ngày 02/12/2011 của Ban Bí thư.\n"
    [problem] = citecheck.diagnostics(text, "docs/vi/x.md", documents)
    assert (problem.line, problem.col) == (6, 6)
    assert problem.message.startswith("“Chỉ thị số 09-CT/TW ngày 02/12/2011 của Ban Bí thư”: the date")


def test_party_numbers_restart_each_term() -> None:
    twice = registry.Registry(
        tuple(
            registry.Document(
                id=f"ct-09-{year}",
                kind_vi="Chỉ thị",
                kind_en="Directive",
                number="09-CT/TW",
                date=__import__("datetime").date(year, 1, 1),
                issuer_vi="Ban Bí thư",
                issuer_en="the Secretariat",
                title_vi="x",
                title_en="x",
                status="in-force",
                status_as_of=None,
                status_basis_vi="x",
                status_basis_en="x",
                replaced_by=None,
                relations=(),
                issuer_forms=(),
                sources=(),
                unknown=(),
                url=None,
                line=1,
            )
            for year in (1996, 2011)
        )
    )
    [dated] = citecheck.findings("Chỉ thị số 09-CT/TW ngày 01/01/2011.", twice)
    assert dated.document is not None and dated.document.id == "ct-09-2011" and not dated.problems
    [bare] = citecheck.findings("Chỉ thị số 09-CT/TW.", twice)
    assert bare.document is None
    assert "ambiguous" in bare.problems[0][0]


def test_same_issuer() -> None:
    assert registry.same_issuer(
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và Công an tỉnh",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh với Công an tỉnh",
    )
    assert registry.same_issuer("the Secretariat", "the Secretariat")
    assert not registry.same_issuer("Bộ Chính trị", "Ban Bí thư")
