"""Stale translations are reported and flagged on the English page; pages link to their source and say when
it last changed (from git, and the build still works without history)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Build


def test_changed_vietnamese_block_flags_its_translation(project: Path, build_project: Callable[[Path], Build]) -> None:
    source = project / "data" / "program" / "ctrph-13-2024.vi.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("Tiếp tục phát huy sức mạnh tổng hợp", "Tiếp tục phát huy mạnh mẽ sức mạnh tổng hợp", 1),
        encoding="utf-8",
    )
    build = build_project(project)
    assert build.returncode == 0, build.log
    translation = (project / "data" / "program" / "ctrph-13-2024.en.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, row in enumerate(translation, 1) if row.startswith("  i-1:")) + 2
    expected = (
        f"data/program/ctrph-13-2024.en.yaml:{line}:1: the English translation of block i-1 may be out of "
        "date: its Vietnamese text changed — review the translation, then set its `source` to the new hash"
    )
    assert any(expected in row for row in build.log.splitlines() if row.startswith("INFO")), build.log
    english = build.page("en/chuong-trinh/")
    note = english.select_one("#i-1 ~ p.kb-stale[data-editorial]")
    assert note is not None and "may be out of date" in note.get_text()
    assert build.page("en/chuong-trinh/").select("p.kb-stale") == [note]


def _git(root: Path, *args: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )


def test_vietnamese_page_changed_after_its_translation(project: Path, build_project: Callable[[Path], Build]) -> None:
    _git(project, "init", "-q", when="2026-01-01T00:00:00")
    _git(project, "add", "-A", when="2026-01-01T00:00:00")
    _git(project, "commit", "-qm", "all", when="2026-01-01T00:00:00")
    page = project / "docs" / "vi" / "gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMột câu mới.\n", encoding="utf-8")
    _git(project, "commit", "-qam", "vi only", when="2026-02-01T00:00:00")
    build = build_project(project)
    assert build.returncode == 0, build.log
    assert "docs/en/gioi-thieu.md:1:1: this English page may be out of date" in build.log
    warning = build.page("en/gioi-thieu/").select_one("[data-editorial] .admonition.warning")
    assert warning is not None and "Translation may be out of date" in warning.get_text()
    assert build.page("en/thuat-ngu/").select_one("[data-editorial] .admonition.warning") is None
    dates = build.page("gioi-thieu/").select_one(".kb-page-meta time")
    assert dates is not None and dates["datetime"] == "2026-02-01"


def test_edit_links_and_dates_without_history(project: Path, build_project: Callable[[Path], Build]) -> None:
    build = build_project(project)  # a copy without .git, like a tarball
    assert build.returncode == 0, build.log
    meta = build.page("gioi-thieu/").select_one(".kb-page-meta[data-editorial]")
    assert meta is not None and meta.select_one("time") is None
    edit = meta.select_one("a[rel=edit]")
    assert edit is not None
    assert edit["href"] == "https://example.org/ctrph13/repository/edit/main/docs/vi/gioi-thieu.md"
    generated = build.page("en/van-ban/ct-09-2011/").select_one(".kb-page-meta a[rel=edit]")
    assert generated is not None
    assert generated["href"] == "https://example.org/ctrph13/repository/edit/main/data/documents.yaml"
