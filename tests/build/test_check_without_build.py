"""`scripts/kb check` finds, without rendering, what a build would stop on: misuse of kb:practice, a broken template,
and a link to no page file, each at its file, line and column in the project's format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT

from ctrph13.data.site import load_site
from ctrph13.pages.markers import generated_pages, generated_paths


def check(project: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "ctrph13", "--root", str(project), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert (result.returncode != 0) == any(" — " in line for line in lines), result.stderr
    return lines


def test_the_unbroken_project_passes(project: Path) -> None:
    assert check(project) == []


def test_kb_practice_outside_a_practice_page(project: Path) -> None:
    page = project / "docs" / "vi" / "gioi-thieu.md"
    text = page.read_text(encoding="utf-8") + "\n<!-- kb:practice -->\n"
    page.write_text(text, encoding="utf-8")
    line = text.count("\n")
    expected = f"docs/vi/gioi-thieu.md:{line}:1: <!-- kb:practice --> is used outside a practice page — "
    assert any(row.startswith(expected) for row in check(project)), check(project)


@pytest.mark.parametrize(
    ("inserted", "expected"),
    [
        ("{% if %}", "2:1: template error: "),
        ('{% include "partials/khong-co.html" %}', "2:12: no template named 'partials/khong-co.html'"),
    ],
    ids=["syntax", "missing include"],
)
def test_a_broken_template(project: Path, inserted: str, expected: str) -> None:
    template = project / "overrides" / "partials" / "copyright.html"
    lines = template.read_text(encoding="utf-8").splitlines()
    lines.insert(1, inserted)
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = check(project)
    assert any(row.startswith(f"overrides/partials/copyright.html:{expected}") for row in found), found


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("khong-co.md", "link 'khong-co.md' leads to no page: there is no khong-co.md — point it at an existing page"),
        ("khong-co/", "link 'khong-co/' names a folder or URL, not a page file — point it at an existing page"),
        (
            "../chuong-trinh/",
            "link '../chuong-trinh/' names a folder or URL, not a page file — write 'chuong-trinh.md'",
        ),
        (
            "/chuong-trinh/",
            "absolute link '/chuong-trinh/': it breaks under a versioned address — write 'chuong-trinh.md'",
        ),
    ],
)
def test_a_link_to_no_page_file(project: Path, link: str, message: str) -> None:
    page = project / "docs" / "en" / "gioi-thieu.md"
    text = page.read_text(encoding="utf-8") + f"\nSee [this]({link}).\n"
    page.write_text(text, encoding="utf-8")
    line, col = text.count("\n"), len("See [this](") + 1
    found = check(project)
    assert f"docs/en/gioi-thieu.md:{line}:{col}: {message}" in "\n".join(found), found


def test_links_to_generated_pages_and_code_are_not_errors(project: Path) -> None:
    page = project / "docs" / "vi" / "gioi-thieu.md"
    text = page.read_text(encoding="utf-8") + (
        "\n[CAT](to-chuc/cong-an-tinh.md#nhiem-vu) [Chỉ thị](van-ban/ct-09-2011.md) "
        "`[x](khong-co.md)`\n\n```\n[y](khong-co.md)\n```\n"
    )
    page.write_text(text, encoding="utf-8")
    assert check(project) == []


def test_generated_paths_are_the_generated_pages() -> None:
    # The check knows the generated pages without rendering them; both lists must stay one.
    site = load_site(ROOT)
    for lang in ("vi", "en"):
        assert set(generated_pages(site, lang, {})) == generated_paths(site)


@pytest.mark.parametrize("bad", ["2024-02-30", "2023-02-29"])
def test_a_date_that_does_not_exist(project: Path, bad: str) -> None:
    path = project / "data" / "documents.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("date: "))
    col = lines[index].index("date: ") + len("date: ") + 1
    lines[index] = lines[index][: col - 1] + bad
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = check(project)
    assert any(
        row.startswith(f"data/documents.yaml:{index + 1}:{col}: ")
        and f"'{bad}' is not a date that exists — write a real date as YYYY-MM-DD" in row
        for row in found
    ), found


@pytest.mark.parametrize(
    ("path", "needle", "char", "name"),
    [
        ("data/duties.yaml", "quote_vi: ", "\u200b", "zero-width space"),
        ("data/glossary.yaml", "term: ", "\u202e", "right-to-left override"),
        ("docs/vi/gioi-thieu.md", "# ", "\u00ad", "soft hyphen"),
    ],
)
def test_an_invisible_character_is_located(project: Path, path: str, needle: str, char: str, name: str) -> None:
    file = project / path
    lines = file.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if needle in line)
    col = lines[index].index(needle) + len(needle) + 3
    lines[index] = lines[index][: col - 1] + char + lines[index][col - 1 :]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = f"{path}:{index + 1}:{col}: invisible character U+{ord(char):04X} ({name}) — delete it"
    found = check(project)
    assert any(row.startswith(expected) for row in found), found
