"""When each source file last changed, from git history, read once per build.

Works from a shallow clone (the dates of the commits present) and degrades to "unknown" in a tarball without
``.git``: the build never fails for lack of history.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(root: Path, folders: tuple[str, ...] = ("docs", "data")) -> dict[str, int]:
    """Commit time (Unix seconds) of the last change to every file under ``folders``, by repository path."""
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%ct", "--name-only", "--", *folders],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    changed: dict[str, int] = {}
    for entry in log.split("\0")[1:]:
        stamp, *names = entry.strip().split("\n")
        for name in names:
            if name:
                changed.setdefault(name, int(stamp))  # newest first: the first time a file appears is its last change
    return changed


def stale_translations(changed: dict[str, int]) -> list[str]:
    """English pages (``docs/en/…``) whose Vietnamese page changed after them."""
    return sorted(
        path
        for path, stamp in changed.items()
        if path.startswith("docs/en/") and changed.get("docs/vi/" + path.removeprefix("docs/en/"), 0) > stamp
    )
