"""`make test` runs every test file: none is left out by pytest's folder rules (its default skips "build")."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_every_test_file_is_collected() -> None:
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:randomly", "-p", "no:xdist"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert listed.returncode == 0, listed.stdout[-3000:] + listed.stderr[-3000:]
    collected = {line.split("::", 1)[0] for line in listed.stdout.splitlines() if "::" in line}
    files = {path.relative_to(ROOT).as_posix() for path in (ROOT / "tests").rglob("test_*.py")}
    assert files - collected == set()
    assert "tests/build/test_preview.py" in collected
