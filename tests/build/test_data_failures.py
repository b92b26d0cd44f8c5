"""Each kind of bad responsibility or practice data fails the build with an exact, located message."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.build.test_failures import assert_fails_with
from tests.conftest import Build


def _edit(project: Path, path: str, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path``; returns the 1-based line where it was."""
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize(
    ("path", "old", "new", "col", "message"),
    [
        (
            "data/duties.yaml",
            "organization: ubmttq-tinh\n",
            "organization: ubmttq\n",
            17,
            "unknown organisation 'ubmttq' — use one of the ids in data/organizations.yaml"
            " (nearest: ubmttq-tinh, ubmttq-huyen)",
        ),
        (
            "data/duties.yaml",
            "themes: [propaganda-legal-education]",
            "themes: [propaganda]",
            12,
            "unknown theme 'propaganda' — use one of the ids in data/themes.yaml",
        ),
        (
            "data/duties.yaml",
            "clause: iii-1-1\n",
            "clause: iii-1-9\n",
            11,
            "unknown clause 'iii-1-9' — use one of the ids in data/program/ (see scripts/kb blocks)"
            " (nearest: iii-1-4, iii-1-3, iii-1-2)",
        ),
        (
            "data/duties.yaml",
            "- id: ubmttq-tinh-2\n",
            "- id: ubmttq-tinh-1\n",
            7,
            "duplicate id 'ubmttq-tinh-1' (first used on line 12) — give this entry a unique id",
        ),
        (
            "data/duties.yaml",
            "quote_vi: 'Phối hợp với các tổ chức thành viên",
            "quote_vi: 'Phối hợp chặt chẽ với các tổ chức thành viên",
            13,
            "quote_vi is not a verbatim passage of clause iii-1-1 — copy the words exactly from the program text of "
            "that clause",
        ),
        (
            "data/organizations.yaml",
            '  name_en: "Provincial Police"\n',
            "",
            3,
            "1: 'name_en' is a required property — add the missing field",
        ),
        (
            "data/schedule.yaml",
            "  title_en: ",
            "  title_english: ",
            18,
            "0: Additional properties are not allowed ('title_english' was unexpected) — remove or correct the "
            "misspelled field (see the schema)",
        ),
    ],
)
def test_responsibility_data(
    project: Path, build_project: Callable[[Path], Build], path: str, old: str, new: str, col: int, message: str
) -> None:
    text = (project / path).read_text(encoding="utf-8")
    line = _edit(project, path, old, new)
    if not new:  # a removed field is reported at the start of its entry
        line = text[: text.rindex("\n- id:", 0, text.index(old))].count("\n") + 2
    assert_fails_with(build_project(project), f"{path}:{line}:{col}: {message}")


def test_section_iii_organisation_without_duty(project: Path, build_project: Callable[[Path], Build]) -> None:
    file = project / "data" / "duties.yaml"
    kept = [
        block
        for block in file.read_text(encoding="utf-8").split("\n- id: ")
        if "organization: hoi-ccb-tinh" not in block
    ]
    file.write_text("\n- id: ".join(kept), encoding="utf-8")
    orgs = (project / "data" / "organizations.yaml").read_text(encoding="utf-8")
    line = orgs[: orgs.index("- id: hoi-ccb-tinh")].count("\n") + 1
    assert_fails_with(
        build_project(project),
        f"data/organizations.yaml:{line}:7: hoi-ccb-tinh is assigned work in "
        "section III but has no duty — add its duties to data/duties.yaml",
    )


PRACTICE = "docs/vi/mo-hinh/gia-dinh-5-khong-3-sach.md"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "lead: [hoi-lhpn-tinh]",
            "lead: [hoi-phu-nu]",
            f"{PRACTICE}:6:8: unknown organisation 'hoi-phu-nu' — use one of the ids in data/organizations.yaml",
        ),
        (
            "kind: campaign",
            "kind: movement",
            f'{PRACTICE}:5:7: kind: \'movement\' is not allowed — use one of "self-managed-model", "campaign", '
            '"annual-event", "standard", "working-arrangement"',
        ),
        (
            "level: [tinh]",
            "level: [thon]",
            f'{PRACTICE}:8:9: level/0: \'thon\' is not allowed — use one of "ap", "xa", "huyen", "tinh"',
        ),
        (
            "clauses: [iii-4]",
            "clauses: [iii-44]",
            f"{PRACTICE}:9:11: unknown clause 'iii-44' — use one of the ids in data/program/ (see scripts/kb blocks)"
            " (nearest: iii-4, ii-4, iii-2-4)",
        ),
        (
            "related: [gia-dinh-5-co-3-sach,",
            "related: [gia-dinh-5-co-4-sach,",
            f"{PRACTICE}:10:11: unknown practice 'gia-dinh-5-co-4-sach' — use one of the ids in docs/vi/mo-hinh/"
            " (a page's file name) (nearest: gia-dinh-5-co-3-sach, gia-dinh-5-khong-3-sach)",
        ),
        (
            "id: gia-dinh-5-khong-3-sach\n",
            "id: gia-dinh-5-khong\n",
            f"{PRACTICE}:2:5: id 'gia-dinh-5-khong' does not match the file name gia-dinh-5-khong-3-sach.md — set id: "
            "gia-dinh-5-khong-3-sach, or rename the file (and its English twin)",
        ),
        (
            "title_en:",
            "titel_en:",
            f"{PRACTICE}:4:11: Additional properties are not allowed ('titel_en' was unexpected) — remove or correct "
            "the misspelled field (see the schema)",
        ),
    ],
)
def test_practice_front_matter(
    project: Path, build_project: Callable[[Path], Build], old: str, new: str, expected: str
) -> None:
    _edit(project, PRACTICE, old, new)
    assert_fails_with(build_project(project), expected)


def test_practice_in_one_language_only(project: Path, build_project: Callable[[Path], Build]) -> None:
    (project / "docs/en/mo-hinh/gia-dinh-5-khong-3-sach.md").unlink()
    build = build_project(project)
    assert_fails_with(
        build,
        f"{PRACTICE}:1:1: practice 'gia-dinh-5-khong-3-sach' has no English page — create "
        "docs/en/mo-hinh/gia-dinh-5-khong-3-sach.md (scripts/kb new-practice makes both)",
    )


def test_duplicate_practice_id(project: Path, build_project: Callable[[Path], Build]) -> None:
    copy = project / "docs/vi/mo-hinh/ban-sao.md"
    copy.write_text((project / PRACTICE).read_text(encoding="utf-8"), encoding="utf-8")
    (project / "docs/en/mo-hinh/ban-sao.md").write_text("---\nid: ban-sao\n---\n\n<!-- kb:practice -->\n")
    build = build_project(project)
    assert_fails_with(
        build,
        "docs/vi/mo-hinh/ban-sao.md:2:5: id 'gia-dinh-5-khong-3-sach' does not match the file "
        "name ban-sao.md — set id: ban-sao, or rename the file (and its English twin)",
    )


def _kb(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ctrph13", "--root", str(project), *args], capture_output=True, text=True, check=False
    )


def test_scaffold_creates_a_practice_that_builds(project: Path, build_project: Callable[[Path], Build]) -> None:
    result = _kb(
        project,
        "new-practice",
        "--id",
        "mo-hinh-thu",
        "--kind",
        "self-managed-model",
        "--lead",
        "cong-an-tinh,ubmttq-tinh",
        "--title-vi",
        "Mô hình “thử” <b>",
        "--title-en",
        "Trial model",
    )
    assert result.returncode == 0, result.stderr
    for lang in ("vi", "en"):
        assert (project / f"docs/{lang}/mo-hinh/mo-hinh-thu.md").is_file()
    build = build_project(project)
    assert build.returncode == 0, build.log
    page = build.page("mo-hinh/mo-hinh-thu/")
    assert "Mô hình “thử” <b>" in page.get_text()
    assert "Trial model" in build.page("en/mo-hinh/mo-hinh-thu/").get_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--id", "Mo Hinh", "--kind", "campaign"], "docs/vi/mo-hinh/Mo Hinh.md:1:1: invalid id 'Mo Hinh'"),
        (
            ["--id", "gia-dinh-5-khong-3-sach", "--kind", "campaign"],
            "docs/vi/mo-hinh/gia-dinh-5-khong-3-sach.md:1:1: practice 'gia-dinh-5-khong-3-sach' already exists",
        ),
        (["--id", "moi", "--kind", "movement"], "docs/vi/mo-hinh/moi.md:1:1: unknown kind 'movement'"),
        (
            ["--id", "moi", "--kind", "campaign", "--lead", "bo-cong-an"],
            "data/organizations.yaml:1:1: unknown organisation 'bo-cong-an'",
        ),
    ],
)
def test_scaffold_refuses_bad_arguments(project: Path, args: list[str], message: str) -> None:
    result = _kb(project, "new-practice", *args, "--title-vi", "x", "--title-en", "x")
    assert result.returncode == 2
    assert any(line.startswith(message) for line in result.stderr.splitlines()), result.stderr
    assert not (project / "docs/vi/mo-hinh/moi.md").exists()
