"""Where a build spends its time, step by step, for ``make bench`` (``KB_TIMINGS=file``).

Each step adds its own time to a total for this process: a step inside another counts for itself only, so the
totals add up. :func:`flush` appends the totals to the file as JSON lines and starts again. The cost is two
clock reads a step.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TIMINGS_VAR = "KB_TIMINGS"
# Steps that are products of their own, reported apart from the hooks' work by the benchmark.
APART = frozenset({"search-index", "pdf"})

SPENT: defaultdict[str, float] = defaultdict(float)
# For each step under way, innermost last: the time its inner steps took, which is theirs, not its own.
_INNER: list[float] = []


@contextmanager
def timed(step: str) -> Iterator[None]:
    """Add the time ``step`` takes, less its inner steps', to this process's total for it."""
    start = time.perf_counter()
    _INNER.append(0.0)
    try:
        yield
    finally:
        elapsed = time.perf_counter() - start
        SPENT[step] += elapsed - _INNER.pop()
        if _INNER:
            _INNER[-1] += elapsed


def flush() -> None:
    """Append the totals to the file named by ``KB_TIMINGS``, if set, and start again."""
    target = os.environ.get(TIMINGS_VAR)
    if target:
        with Path(target).open("a", encoding="utf-8") as out:
            out.writelines(json.dumps({"step": step, "seconds": seconds}) + "\n" for step, seconds in SPENT.items())
    SPENT.clear()
