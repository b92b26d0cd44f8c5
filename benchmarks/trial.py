"""The mechanism trial of issue 17: does each piece of build machinery pay for itself?

``python -m benchmarks.trial`` builds the site grown 10× (``benchmarks.corpus``) with each mechanism on and off in
turn (``KB_TRIAL_OFF``, :mod:`ctrph13.core.trial`), five times each, and prints the fastest wall time of each side,
the spread between runs, and the saving. In-place rebuilds are a preview mechanism: they are timed as the preview's
rebuilds after an edit, at 1× (the < 2 s goal) and at 10×.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.bench import build_with_hooks, environment, preview_rebuilds, project
from ctrph13.core.trial import TRIAL_VAR

# The mechanisms that passed the trial of issue 17 (the forked worker and gc.freeze did not, and are gone): each
# can still be switched off, so that the trial can be run again (docs/en/dev/benchmarks.md).
BUILD_MECHANISMS = {
    "handlers": "mkdocstrings' handler templates compiled once per process (bytecode cache patched in)",
    "templates": "the theme's templates compiled once per process (Jinja bytecode cache)",
}


def spread(times: Sequence[float]) -> float:
    """(slowest − fastest) ÷ fastest: how much the same build varies from run to run."""
    return (max(times) - min(times)) / min(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.trial", description=__doc__)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default=",".join([*BUILD_MECHANISMS, "inplace"]), help="mechanisms to try")
    args = parser.parse_args(argv)
    only = args.only.split(",")
    print(f"# Mechanism trial\n{environment()}\nFastest of {args.runs} runs each, on and off in turn.\n")
    with tempfile.TemporaryDirectory() as scratch:
        root = project(args.scale, Path(scratch))
        build_with_hooks(root)  # warm the file cache before the first timed run
        print(f"| mechanism ({args.scale}×) | on, s | off, s | spread on | spread off | saves |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for name in [m for m in BUILD_MECHANISMS if m in only]:
            on: list[float] = []
            off: list[float] = []
            for _ in range(args.runs):
                on.append(build_with_hooks(root).cost.wall)
                off.append(build_with_hooks(root, {TRIAL_VAR: name}).cost.wall)
            saves = (min(off) - min(on)) / min(off)
            print(
                f"| {name} | {min(on):.2f} | {min(off):.2f} | {spread(on):.0%} | {spread(off):.0%} | {saves:.0%} |",
                flush=True,
            )
        # The preview keeps what the exception of the rule protects (a data edit rebuilt in under 2 s at 1×):
        # every mechanism that may serve it is also timed there.
        preview_scales = {"inplace": sorted({1, args.scale}), "handlers": [1], "templates": [1]}
        projects = {args.scale: root}
        for name in [m for m in preview_scales if m in only]:
            for scale in preview_scales[name]:
                if scale not in projects:
                    projects[scale] = project(scale, Path(scratch) / f"preview-{scale}")
                on_times = preview_rebuilds(projects[scale], args.runs)
                off_times = preview_rebuilds(projects[scale], args.runs, {TRIAL_VAR: name})
                for what, seconds in on_times.items():
                    saves = (off_times[what] - seconds) / off_times[what]
                    row = f"{name}, preview {scale}×: {what} | {seconds:.2f} | {off_times[what]:.2f}"
                    print(f"| {row} | | | {saves:.0%} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
