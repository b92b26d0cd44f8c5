"""Gate: `make check` (ruff, ruff format, mypy --strict, the content checks) passes on the repository.

It is what pre-commit and the pull-request workflow run; running it here keeps the target itself working.
"""

from __future__ import annotations

import os
import subprocess

from tests.conftest import ROOT


def test_make_check_passes() -> None:
    env = {**os.environ, "MAKEFLAGS": ""}
    # -o: leave the environment the suite runs in as it is (`setup` would sync it when pyproject.toml is newer).
    command = ["make", "-o", ".venv/.synced", "check"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "no problems found" in result.stdout
