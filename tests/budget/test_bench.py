"""The benchmarks run at 1× in the suite, so they cannot rot (the larger scales are for `make bench`)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from tests.conftest import ROOT


def bench(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_build_benchmark_prints_its_table() -> None:
    out = bench("build", "--scales", "1", "--no-lighthouse", "--repeat", "1")
    figure, share = r"([\d.]+)", r"(-?\d+)%"
    cells = ["1×", r"(\d+)", figure, figure, r"(\d+)", figure, share, share, figure, figure]
    row = re.search(r"^\| " + " \\| ".join(cells) + r" \|$", out, re.MULTILINE)
    assert row, out
    assert int(row[1]) > 100  # pages of both languages, generated ones included
    assert float(row[5]) > 0  # the same pages were built without the hooks
    # The live preview really ran: each edit was rebuilt (and the page edits were served, or the bench exits).
    preview = re.search(
        r"^Preview rebuild at 1× .*: a Vietnamese page ([\d.]+) s; an English page ([\d.]+) s; "
        r"a data file \(every page of both languages\) ([\d.]+) s$",
        out,
        re.MULTILINE,
    )
    assert preview, out
    assert "CPUs; Python" in out  # the environment is printed with the figures
    # Where the hooks' time went, step by step, as the build itself recorded it; and both builds' CPU time.
    cells = [figure] * 8 + [share, figure, figure, share]
    steps = re.search(r"^\| 1× \| " + " \\| ".join(cells) + r" \|$", out, re.MULTILINE)
    assert steps, out
    assert float(steps[4]) > 0  # annotate: the Markdown extension ran on every page
    # Every step the build recorded has its column: the columns add up to the total.
    assert float(steps[8]) == pytest.approx(sum(float(steps[i]) for i in range(1, 8)), abs=0.04)
    assert float(steps[10]) > float(steps[11]) > 0  # the hooks cost CPU


def test_search_benchmark_prints_its_table() -> None:
    out = bench("search", "--scales", "1")
    row = re.search(r"^\| 1× \| (\d+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$", out, re.MULTILINE)
    assert row, out
    assert float(row[3]) <= 100, "search's share of the bytes to the first result on the real site"
    # And the committed questions, per language and in all (docs/en/dev/search.md shows a dated run).
    for lang in ("vi", "en", "all"):
        ranked = re.search(rf"^\| {lang} \| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$", out, re.MULTILINE)
        assert ranked, out
        assert 0 < float(ranked[4]) <= 1  # MRR
