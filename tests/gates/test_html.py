"""Gate: the Nu Html Checker (vnu, the W3C's checker) finds no error in any page of the built site, either language.

No message is filtered: none of the errors met so far was a defect of the checker. Material's own errors are fixed
in copies of its templates (overrides/base.html, overrides/partials/toc.html), which must follow Material.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from tests.conftest import ROOT, Build
from tests.gates.sitekit import INVALID_HTML

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java") or "/usr/bin/java"
COPY_OF = re.compile(r"Copy of Material (?P<version>[\d.]+)'s (?P<template>[\w./-]+)")


def vnu_errors(target: Path, base: Path) -> list[str]:
    """Run vnu once (one JVM) over ``target``, a file or a folder; one ``file:line: message`` per error."""
    command = [JAVA, "-jar", str(VNU), "--errors-only", "--format", "json", "--stdout", "--skip-non-html"]
    result = subprocess.run([*command, str(target)], capture_output=True, text=True, check=False)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu did not report: exit {result.returncode}\n{result.stdout}\n{result.stderr}")
    return [f"{_relative(m.get('url', ''), base)}:{m.get('lastLine', '?')}: {m['message']}" for m in messages]


def _relative(url: str, base: Path) -> str:
    path = Path(unquote(urlsplit(url).path))
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else url


def stale_copies(overrides: Path, material: str) -> list[str]:
    """Templates copied from a Material release other than the installed one: each must be compared again."""
    return [
        f"{file.relative_to(overrides)}: copy of Material {match['version']}'s {match['template']}, Material is "
        f"{material}: diff the two and carry the change over"
        for file in sorted(overrides.rglob("*.html"))
        if (match := COPY_OF.search(file.read_text(encoding="utf-8"))) and match["version"] != material
    ]


def test_every_page_is_valid_html(site: Build) -> None:
    errors = vnu_errors(site.site, site.site)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def test_the_gate_reports_an_invalid_attribute_value(broken: Build) -> None:
    errors = vnu_errors(broken.site / INVALID_HTML.page / "index.html", broken.site)
    assert any(
        e.startswith(f"{INVALID_HTML.page}index.html:") and "“sideways” for attribute “dir”" in e for e in errors
    ), errors


def test_template_copies_follow_the_installed_material() -> None:
    assert not stale_copies(ROOT / "overrides", version("mkdocs-material"))


def test_a_copy_of_another_release_is_reported(tmp_path: Path) -> None:
    (tmp_path / "base.html").write_text("{#- Copy of Material 9.7.0's base.html; the toggles differ. -#}")
    assert stale_copies(tmp_path, "9.8.2") == [
        "base.html: copy of Material 9.7.0's base.html, Material is 9.8.2: diff the two and carry the change over"
    ]
