"""Shared fixtures: one strict build of the real site per test session, and fixture projects for failures."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings

# Property tests assert behaviour, not speed (benchmarks measure that): on a loaded two-core machine hypothesis'
# default 200 ms deadline failed a test whose example was merely slow.
settings.register_profile("project", deadline=None)
settings.load_profile("project")

# Browser fixtures (headless Chromium, a loopback server) for every test folder that drives the site.
pytest_plugins = ["tests.browserkit"]

ROOT = Path(__file__).resolve().parents[1]
PROGRAM_TEXT = ROOT / "data" / "program" / "ctrph-13-2024.vi.txt"
CORPUS_DIR = ROOT / "tests" / "corpus"
MKDOCS = Path(sys.executable).parent / "mkdocs"
PROJECT_PARTS = ("mkdocs.yml", "mkdocs.en.yml", "docs", "data", "hooks", "overrides", "templates")


@dataclass(frozen=True)
class Build:
    """The result of running ``mkdocs build --strict`` on a project."""

    root: Path
    site: Path
    returncode: int
    log: str

    def page(self, path: str) -> BeautifulSoup:
        """Parsed HTML of a built page, e.g. ``chuong-trinh/`` or ``en/chuong-trinh/``."""
        file = self.site / path / "index.html" if not path.endswith(".html") else self.site / path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def run_build(root: Path, site: Path, pdf: bool = False, quiet: bool = False) -> Build:
    """Build the project at ``root`` strictly into ``site``, as `make build` does (PDF printing only if asked).

    ``quiet``: with ``--quiet``, which hides MkDocs' warnings.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({} if pdf else {"KB_SKIP_PDF": "1"})}
    env.pop("MIKE_DOCS_VERSION", None)
    args = ["build", "--strict", *(["--quiet"] if quiet else []), "--site-dir", str(site)]
    command = [str(MKDOCS), *args]
    result = subprocess.run(
        command,
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return Build(root, site, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per session."""
    build = run_build(ROOT, tmp_path_factory.mktemp("site") / "site", pdf=True)
    assert build.returncode == 0, build.log
    return build


def copy_project(dest: Path, extra: tuple[str, ...] = ()) -> Path:
    """Copy the repository's content (and ``extra`` top-level files) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in (*PROJECT_PARTS, *extra):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, dest / part)
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's content, to break on purpose."""
    return copy_project(tmp_path)


@pytest.fixture
def build_project() -> Callable[[Path], Build]:
    """Build a fixture project into its own ``site/``."""
    return lambda root: run_build(root, root / "site")


@pytest.fixture(scope="session")
def project_with_script(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A copy of the site whose data carries markup in every free-text field that reaches a page."""
    root = copy_project(tmp_path_factory.mktemp("script"))
    duties = root / "data" / "duties.yaml"
    text = duties.read_text(encoding="utf-8")
    first = text.index("  summary_vi:")
    duties.write_text(
        text[:first] + '  summary_vi: "<script>alert(1)</script> *x*"\n' + text[text.index("\n", first) + 1 :],
        encoding="utf-8",
    )
    practice = root / "docs" / "vi" / "mo-hinh" / "gia-dinh-5-khong-3-sach.md"
    practice.write_text(
        practice.read_text(encoding="utf-8").replace(
            'title_vi: "5 không, 3 sạch"', 'title_vi: "<script>alert(2)</script> <b>5</b> không"'
        ),
        encoding="utf-8",
    )
    build = run_build(root, root / "site")
    assert build.returncode == 0, build.log
    return build


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The mutation tests' count of mutants and their outcomes per file (tests/build/test_mutations.py)."""
    lines = [
        str(value)
        for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", [])
        for name, value in getattr(report, "user_properties", [])
        if name == "mutants"
    ]
    if lines:
        terminalreporter.section("mutants per data file")
        for line in sorted(lines):
            terminalreporter.write_line(line)
