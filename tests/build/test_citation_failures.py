"""A wrong citation anywhere fails the build with one actionable message, at its file, line and column."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.build.test_failures import assert_fails_with
from tests.conftest import ROOT, Build

PAGE = "docs/vi/gioi-thieu.md"
CASES = [
    (
        "Xem Kết luận số 45-KL/TW.",
        "“Kết luận số 45-KL/TW”: unknown document 45-KL/TW; closest registered: 44-KL/TW (Kết luận, 22/01/2019, "
        "Ban Bí thư) — correct the number, or register the document in data/documents.yaml",
    ),
    (
        "Xem Nghị quyết số 09-CT/TW.",
        "“Nghị quyết số 09-CT/TW”: the kind word “Nghị quyết” contradicts the type code CT of 09-CT/TW (the "
        "registry has a Chỉ thị / Directive) — write “Chỉ thị” / “Directive”, or correct the registry's kind at "
        "data/documents.yaml:59",
    ),
    (
        "Xem Thông tư số 40/2023/TT-BTC ngày 19/6/2023.",
        "“Thông tư số 40/2023/TT-BTC ngày 19/6/2023”: the date 19/06/2023 does not match the registry: "
        "40/2023/TT-BTC is dated 09/06/2023 — correct the date here, or the registry's at data/documents.yaml:119",
    ),
    (
        "Xem Kết luận số 44-KL/TW ngày 22/01/2019 của Bộ Chính trị.",
        "“Kết luận số 44-KL/TW ngày 22/01/2019 của Bộ Chính trị”: the issuer “Bộ Chính trị” does not match the "
        "registry (Ban Bí thư / the Secretariat) — correct the issuer here, or the registry's at "
        "data/documents.yaml:82",
    ),
    (
        "Chương trình phối hợp số 15/CTR-CA-MTTQ là căn cứ.",
        "“Chương trình phối hợp số 15/CTR-CA-MTTQ”: cites 15/CTR-CA-MTTQ as if in force, but it was replaced by "
        "Chương trình phối hợp 13/CTrPH-CA-MTTQ — state the replacement in the same sentence (“thay thế” / "
        "“replaces”) or mark the citation <!-- kb:historical -->",
    ),
]


def _append(project: Path, page: str, sentence: str) -> int:
    """Add ``sentence`` as the last paragraph of ``page``; returns its line."""
    path = project / page
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + sentence + "\n"
    path.write_text(text, encoding="utf-8")
    return text.count("\n")


@pytest.mark.parametrize(("sentence", "message"), CASES)
def test_wrong_citation_fails_once(
    project: Path, build_project: Callable[[Path], Build], sentence: str, message: str
) -> None:
    line = _append(project, PAGE, sentence)
    col = sentence.index("Xem ") + 5 if sentence.startswith("Xem ") else 1
    build = build_project(project)
    expected = f"{PAGE}:{line}:{col}: {message}"
    assert_fails_with(build, expected)
    assert build.log.count(expected) == 1, "each problem is reported once, though the site builds two languages"


def test_english_pages_are_checked_too(project: Path, build_project: Callable[[Path], Build]) -> None:
    line = _append(project, "docs/en/gioi-thieu.md", "See Directive No. 09-CT/TW of 2 December 2011.")
    assert_fails_with(
        build_project(project),
        f"docs/en/gioi-thieu.md:{line}:5: “Directive No. 09-CT/TW of 2 December 2011”: the date 02/12/2011 does not "
        "match the registry: 09-CT/TW is dated 01/12/2011 — correct the date here, or the registry's at "
        "data/documents.yaml:62",
    )


def test_translation_parity(project: Path, build_project: Callable[[Path], Build]) -> None:
    path = project / "data" / "program" / "ctrph-13-2024.en.yaml"
    text = path.read_text(encoding="utf-8")
    old = "Conclusion No. 44-KL/TW of 22 January 2019 of the Secretariat"
    assert old in text
    path.write_text(text.replace(old, "a conclusion of the Secretariat of 22 January 2019"), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("  ii-1:")) + 2
    assert_fails_with(
        build_project(project),
        f"data/program/ctrph-13-2024.en.yaml:{line}:1: ii-1 cites 44-KL/TW in Vietnamese but not in English"
        " — cite 44-KL/TW in the English text of block ii-1",
    )


def test_checker_command_without_mkdocs(project: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "ctrph13", "--root", str(project), "check"], capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == "no problems found"
    line = _append(project, PAGE, CASES[0][0])
    bad = subprocess.run(
        [sys.executable, "-m", "ctrph13", "--root", str(project), "check"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1
    assert f"{PAGE}:{line}:5: {CASES[0][1]}" in bad.stderr.splitlines()


def test_checker_script_uses_the_project_environment() -> None:
    result = subprocess.run([str(ROOT / "scripts" / "kb"), "check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_errors_become_annotations_under_github_actions(project: Path) -> None:
    line = _append(project, PAGE, CASES[0][0])
    env = {**__import__("os").environ, "GITHUB_ACTIONS": "true", "NO_MKDOCS_2_WARNING": "1", "KB_SKIP_PDF": "1"}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-q", "-d", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"::error file={PAGE},line={line},col=5::“Kết luận số 45-KL/TW”: unknown document" in result.stderr
