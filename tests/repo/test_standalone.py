"""The repository stands on its own: a fresh clone with nothing beside it collects every test and passes the unit tests.

Every earlier run had the team's reference folder beside the checkout, and five test files read it: a newcomer's
clone stopped at collection. These tests clone the repository into an empty temporary folder, as a newcomer does.
The clone holds what is committed plus the working tree's changes to tracked files (``git stash create``), so a file
that was never added to git is missing there exactly as it would be on a newcomer's machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import ROOT

# Built from parts so that this file does not name the folder it forbids.
REFERENCE = "shared"
FORBIDDEN = (f"../{REFERENCE}", f"{REFERENCE}/source", f"{REFERENCE}/corpus")


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def tracked_files() -> list[str]:
    return [name for name in git("ls-files", "-z").split("\0") if name]


def test_no_file_refers_to_the_reference_folder() -> None:
    offenders = []
    for name in tracked_files():
        path = ROOT / name
        if not path.is_file():
            continue  # deleted in the working tree, not yet committed
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            offenders += [f"{name}:{number}: {line.strip()}" for needle in FORBIDDEN if needle in line]
    assert not offenders, "the repository must not read anything beside it:\n" + "\n".join(offenders)


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of the repository in an empty folder, the working tree's changes to tracked files included."""
    folder = tmp_path_factory.mktemp("fresh")
    target = folder / "clone"
    # --shared borrows the objects, so the commit `stash create` makes (not on any branch) can be checked out.
    git("clone", "--quiet", "--shared", "--no-checkout", str(ROOT), str(target), cwd=folder)
    revision = git("stash", "create").strip() or "HEAD"
    git("checkout", "--quiet", "--detach", git("rev-parse", revision).strip(), cwd=target)
    assert sorted(p.name for p in folder.iterdir()) == ["clone"], "nothing beside the clone"
    return target


def run_pytest(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The locked environment is this one; the package and the tests are imported from the clone, not from here.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(clone / "src"), str(clone)])}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", *args],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_fresh_clone_collects_every_test(clone: Path) -> None:
    listed = run_pytest(clone, "--collect-only", "-q")
    assert listed.returncode == 0, listed.stdout[-4000:] + listed.stderr[-2000:]
    collected = {line.split("::", 1)[0] for line in listed.stdout.splitlines() if "::" in line}
    files = {path.relative_to(clone).as_posix() for path in (clone / "tests").rglob("test_*.py")}
    assert files, "the clone has no test files"
    assert files - collected == set(), "test files that collect nothing in a fresh clone"


def test_fresh_clone_passes_the_unit_tests(clone: Path) -> None:
    result = run_pytest(clone, "-q", "tests/unit", "-x")
    tail = result.stdout[-4000:] + result.stderr[-2000:]
    assert result.returncode == 0, tail
    assert " passed" in result.stdout, tail
    # The clone really imported its own package, not this working tree's.
    probe = subprocess.run(
        [sys.executable, "-c", "import ctrph13; print(ctrph13.__file__)"],
        cwd=clone,
        env={**os.environ, "PYTHONPATH": str(clone / "src")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(probe.stdout.strip()).is_relative_to(clone)
