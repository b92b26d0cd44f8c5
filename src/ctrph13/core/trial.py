"""Switches for the mechanism trial (``python -m benchmarks.trial``): ``KB_TRIAL_OFF=name,name``."""

from __future__ import annotations

import os

TRIAL_VAR = "KB_TRIAL_OFF"


def off(name: str) -> bool:
    """Whether the mechanism ``name`` is switched off for this run."""
    return name in os.environ.get(TRIAL_VAR, "").split(",")
