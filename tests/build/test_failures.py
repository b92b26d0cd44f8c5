"""Bad input gets a clear error in the project's format, no traceback, and no site."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import Build, run_build


def error_lines(build: Build) -> list[str]:
    return [line.split("-  ", 1)[1] for line in build.log.splitlines() if line.startswith("ERROR")]


def assert_fails_with(build: Build, *expected: str) -> None:
    assert build.returncode != 0
    assert "Traceback" not in build.log, build.log
    errors = error_lines(build)
    for message in expected:
        assert message in errors, f"{message!r} not in {errors}"
    # Validation runs before any page is written.
    assert not list((build.root / "site").rglob("*.html")), "pages were written by a failed build"


def test_malformed_glossary(project: Path, build_project: Callable[[Path], Build]) -> None:
    path = project / "data" / "glossary.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- term:"))
    lines[index] = lines[index] + " [unclosed"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = build_project(project)
    assert build.returncode != 0
    errors = error_lines(build)
    assert any(re.match(r"data/glossary\.yaml:\d+:\d+: malformed YAML: .+ — fix the syntax", e) for e in errors), errors
    assert "Traceback" not in build.log


def test_unknown_field_in_glossary(project: Path, build_project: Callable[[Path], Build]) -> None:
    path = project / "data" / "glossary.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("- term:")
    text = text[:first] + "- colour: red\n    " + text[first + 2 :]
    path.write_text(text, encoding="utf-8")
    line = text[:first].count("\n") + 1
    build = build_project(project)
    assert_fails_with(
        build,
        f"data/glossary.yaml:{line}:13: terms/0: Additional properties are not allowed ('colour' was unexpected)"
        " — remove or correct the misspelled field (see the schema)",
    )


def test_missing_english_page(project: Path, build_project: Callable[[Path], Build]) -> None:
    (project / "docs" / "en" / "gioi-thieu.md").unlink()
    assert_fails_with(
        build_project(project),
        "docs/vi/gioi-thieu.md:1:1: page has no English version"
        " — create docs/en/gioi-thieu.md (every reader page exists in both languages)",
    )


def test_missing_translation_of_a_block(project: Path, build_project: Callable[[Path], Build]) -> None:
    path = project / "data" / "program" / "ctrph-13-2024.en.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("  iv-6:"))
    end = next(i for i in range(start + 1, len(lines)) if re.match(r"  \S", lines[i]))
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    blocks_line = next(i for i, line in enumerate(lines) if line.startswith("blocks:")) + 1
    assert_fails_with(
        build_project(project),
        f"data/program/ctrph-13-2024.en.yaml:{blocks_line + 1}:3: block 'iv-6' has no English translation"
        " — add `iv-6:` with `source` and `en` under `blocks:`",
    )


def test_unknown_marker(project: Path, build_project: Callable[[Path], Build]) -> None:
    path = project / "docs" / "vi" / "thuat-ngu.md"
    text = path.read_text(encoding="utf-8") + "\n<!-- kb:chuong-trinh -->\n"
    path.write_text(text, encoding="utf-8")
    line = text.count("\n") - 0
    build = build_project(project)
    assert build.returncode != 0
    expected = f"docs/vi/thuat-ngu.md:{line}:1: unknown marker <!-- kb:chuong-trinh --> — use one of: kb:program, "
    assert any(error.startswith(expected) for error in error_lines(build)), error_lines(build)
    assert "Traceback" not in build.log


def test_errata_must_quote_the_slip(project: Path, build_project: Callable[[Path], Build]) -> None:
    path = project / "data" / "program" / "errata.yaml"
    text = path.read_text(encoding="utf-8").replace('printed: "an ninh Tô quốc"', 'printed: "an ninh Tổ quốc"')
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if 'printed: "an ninh Tổ quốc"' in row)
    assert_fails_with(
        build_project(project),
        f"data/program/errata.yaml:{line}:14: 'an ninh Tổ quốc' occurs 0 times in block 'iii-2-2'"
        " — quote the slip exactly as printed, once, in the right block",
    )


def test_every_problem_is_reported_once_before_anything_is_written(project: Path) -> None:
    # A wrong citation (found only by the checks) and an unknown marker (also hit while converting the page).
    page = project / "docs" / "vi" / "gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nXem Kết luận số 45-KL/TW.\n", encoding="utf-8")
    other = project / "docs" / "vi" / "thuat-ngu.md"
    other.write_text(other.read_text(encoding="utf-8") + "\n<!-- kb:chuong-trinh -->\n", encoding="utf-8")
    build = run_build(project, project / "site")
    assert_fails_with(build)  # no traceback, no page written
    errors = error_lines(build)
    assert sum("unknown marker <!-- kb:chuong-trinh -->" in e for e in errors) == 1, errors
    assert sum("unknown document 45-KL/TW" in e for e in errors) == 1, errors


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{% if %}", "2:1: template error: Expected an expression, got 'end of statement block' — fix the template"),
        (
            '{% include "partials/khong-co.html" %}',
            "2:12: no template named 'partials/khong-co.html' — correct the name, or add the template",
        ),
    ],
    ids=["syntax", "missing include"],
)
def test_a_template_error(project: Path, build_project: Callable[[Path], Build], line: str, expected: str) -> None:
    template = project / "overrides" / "partials" / "copyright.html"
    lines = template.read_text(encoding="utf-8").splitlines()
    lines.insert(1, line)
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_fails_with(build_project(project), f"overrides/partials/copyright.html:{expected}")


@pytest.mark.parametrize(
    ("path", "written", "col"),
    [("docs/vi/gioi-thieu.md", "Xem khoản 10 Mục III.", 5), ("docs/en/gioi-thieu.md", "See Section III.10.", 5)],
)
def test_a_reference_to_a_clause_the_program_lacks(project: Path, path: str, written: str, col: int) -> None:
    page = project / path
    text = page.read_text(encoding="utf-8") + f"\n{written}\n"
    page.write_text(text, encoding="utf-8")
    line = text.count("\n")
    nearest = "correct the number; the nearest parts are III (#iii), III.8 (#iii-8), III.9 (#iii-9)"
    quoted = written.split(" ", 1)[1].rstrip(".")
    expected = f"{path}:{line}:{col}: “{quoted}” refers to III.10, which the program does not have — {nearest}"
    assert_fails_with(run_build(project, project / "site"), expected)
    check = subprocess.run(
        [sys.executable, "-m", "ctrph13", "--root", str(project), "check"], capture_output=True, text=True, check=False
    )
    assert check.returncode == 1
    assert expected in check.stderr.splitlines(), check.stderr
