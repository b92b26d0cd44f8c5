"""A link MkDocs cannot follow fails the build in the project's format, at the link's line and column."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.build.test_failures import assert_fails_with, error_lines
from tests.conftest import Build, run_build

from ctrph13.adapter.linkcheck import PAGE_FIX, position


def add_line(page: Path, line: str) -> int:
    """Append ``line`` to a page as a paragraph of its own; its line number."""
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + line + "\n"
    page.write_text(text, encoding="utf-8")
    return len(text.splitlines())


def test_links_to_no_page_stop_the_build_before_anything_is_written(
    project: Path, build_project: Callable[[Path], Build]
) -> None:
    first = add_line(project / "docs/vi/gioi-thieu.md", "Xem [trang cũ](khong-co.md).")
    second = add_line(project / "docs/vi/gioi-thieu.md", "Xem [chương trình](../chuong-trinh/) và [trang chủ](/).")
    third = add_line(project / "docs/vi/gioi-thieu.md", "Xem [trang](trang-cu's.md).")
    assert_fails_with(
        build_project(project),
        f"docs/vi/gioi-thieu.md:{first}:16: link 'khong-co.md' leads to no page: there is no khong-co.md — point it"
        " at an existing page: its .md file, relative to this page (chuong-trinh.md#iii-1)",
        f"docs/vi/gioi-thieu.md:{third}:13: link 'trang-cu's.md' leads to no page: there is no trang-cu's.md"
        f" — {PAGE_FIX}",
        f"docs/vi/gioi-thieu.md:{second}:20: link '../chuong-trinh/' names a folder or URL, not a page file"
        " — write 'chuong-trinh.md'",
        f"docs/vi/gioi-thieu.md:{second}:53: absolute link '/': it breaks under a versioned address — write 'index.md'",
    )


def test_english_pages_links_are_checked_too(project: Path, build_project: Callable[[Path], Build]) -> None:
    line = add_line(project / "docs/en/thuat-ngu.md", "See [the old page](khong-co.md).")
    build = build_project(project)
    assert build.returncode != 0
    assert "Traceback" not in build.log
    assert (
        f"docs/en/thuat-ngu.md:{line}:20: link 'khong-co.md' leads to no page: there is no khong-co.md — {PAGE_FIX}"
        in error_lines(build)
    )
    # The English build stops before writing; `make build` publishes neither language (it builds into a scratch
    # folder and replaces site/ only on success).
    assert not list((build.site / "en").rglob("*.html"))


def test_a_link_to_a_missing_clause_fails_the_build_even_a_quiet_one(project: Path) -> None:
    line = add_line(project / "docs/vi/gioi-thieu.md", "Xem [khoản 10](chuong-trinh.md#iii-10).")
    build = run_build(project, project / "site", quiet=True)  # --quiet hides MkDocs' warnings, ours stay
    assert build.returncode != 0
    assert "Traceback" not in build.log
    expected = (
        f"docs/vi/gioi-thieu.md:{line}:16: link 'chuong-trinh.md#iii-10' leads to no place: chuong-trinh.md has no"
        " anchor '#iii-10' — use an anchor that page has (a heading's, or a clause's such as #iii-1)"
    )
    assert any(line.endswith(expected) for line in build.log.splitlines()), build.log


@pytest.mark.parametrize(
    ("source", "link", "expected"),
    [
        ("a\nb [x](y.md) and y.md\n", "y.md", (2, 7)),
        ("a <y.md> [x]( y.md)\n", "y.md", (1, 4)),
        ("y.md only named\n", "y.md", (1, 1)),
        ("nothing here\n", "y.md", (1, 1)),
    ],
)
def test_position_prefers_where_markdown_links_it(source: str, link: str, expected: tuple[int, int]) -> None:
    assert position(source, link) == expected
