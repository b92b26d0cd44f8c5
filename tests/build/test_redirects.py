"""A moved page keeps its old address: a forwarding page in both languages, with the anchor kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser
from tests.browserkit import serve
from tests.build.test_failures import assert_fails_with
from tests.conftest import Build


def _redirect(project: Path, line: str) -> None:
    (project / "data" / "redirects.yaml").write_text(f"redirects:\n  {line}\n", encoding="utf-8")


def test_old_path_redirects_with_its_anchor(
    project: Path, build_project: Callable[[Path], Build], browser: Browser
) -> None:
    _redirect(project, "toan-van/: chuong-trinh.md")
    build = build_project(project)
    assert build.returncode == 0, build.log
    for prefix in ("", "en/"):
        page = (build.site / prefix / "toan-van" / "index.html").read_text(encoding="utf-8")
        assert 'content="0; url=../chuong-trinh/"' in page
        assert f'rel="canonical" href="https://example.org/ctrph13/{prefix}chuong-trinh/"' in page
    server, url = serve(build.site)
    try:
        tab = browser.new_page()
        tab.goto(f"{url}toan-van/#iii-2")
        tab.wait_for_url(f"{url}chuong-trinh/#iii-2")
        tab.goto(f"{url}en/toan-van/#iv-6")
        tab.wait_for_url(f"{url}en/chuong-trinh/#iv-6")
    finally:
        server.shutdown()


def test_redirect_to_a_missing_page_fails(project: Path, build_project: Callable[[Path], Build]) -> None:
    _redirect(project, "cu/: khong-co.md")
    assert_fails_with(
        build_project(project),
        "data/redirects.yaml:2:8: redirect target 'khong-co.md' does not exist "
        "in docs/vi/ — point it at an existing page (.md path)",
    )


def test_redirect_from_a_live_page_fails(project: Path, build_project: Callable[[Path], Build]) -> None:
    _redirect(project, "thuat-ngu/: chuong-trinh.md")
    assert_fails_with(
        build_project(project),
        "data/redirects.yaml:2:15: 'thuat-ngu/' is still a page in docs/vi/ — remove the redirect or the page",
    )
