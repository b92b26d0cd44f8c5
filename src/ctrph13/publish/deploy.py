"""Publish the current build as a version with mike, in both languages, into the local ``gh-pages`` branch.

Layout: Vietnamese at ``/<version>/``, English at ``/en/<version>/`` (mike's ``--deploy-prefix en``), each with
its own ``versions.json``, so Material's version selector works unchanged and keeps the reader's language.
``latest`` is an alias moved to the newest version; ``/`` and ``/en/`` redirect to it. A bilingual ``404.html``
at the branch root serves every missing address. Nothing is pushed unless asked.

Usage: ``python -m ctrph13.publish.deploy --version 2024.1 [--push]`` (``make publish VERSION=2024.1 [PUSH=1]``).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ctrph13.core.diagnostics import Diagnostic, report

BRANCH = "gh-pages"
ALIAS = "latest"
LANGUAGES = (("mkdocs.yml", ""), ("mkdocs.en.yml", "en"))
CHANGELOG = Path("data") / "changelog.yaml"
ROOT = Path(__file__).resolve().parents[3]


def site_path(root: Path) -> str:
    """The path part of ``site_url`` ("/ctrph13/"), where the branch root is served."""
    for line in (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return urlsplit(line.split(":", 1)[1].strip()).path or "/"
    return "/"


def not_found_page(base: str) -> str:
    """The branch-root 404 page: both languages, a search box and the home pages, with absolute links."""
    vi, en = html.escape(f"{base}{ALIAS}/"), html.escape(f"{base}en/{ALIAS}/")
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>Không tìm thấy trang · Page not found</title>
<style>body{{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:40rem;margin:3rem auto;
padding:0 1rem;line-height:1.5;color:#1a1a1a}}a{{color:#0b4f8a}}input,button{{font:inherit;padding:.3rem}}</style>
</head>
<body>
<main>
<h1>Không tìm thấy trang</h1>
<p>Địa chỉ này không có trên trang. Hãy tìm kiếm hoặc về <a href="{vi}">trang chủ</a>.</p>
<form action="{vi}" method="get" role="search"><label for="q-vi">Tìm kiếm</label>
<input id="q-vi" name="q" type="search"> <button type="submit">Tìm</button></form>
<h2 lang="en">Page not found</h2>
<p lang="en">This address does not exist on the site. Search, or go to the <a href="{en}">home page</a>
(English, unofficial translation).</p>
<form action="{en}" method="get" role="search" lang="en"><label for="q-en">Search</label>
<input id="q-en" name="q" type="search"> <button type="submit">Search</button></form>
</main>
</body>
</html>
"""


def release_version(root: Path) -> str:
    """The version declared by the newest entry of ``data/changelog.yaml``."""
    entries = yaml.safe_load((root / CHANGELOG).read_text(encoding="utf-8"))["releases"]
    return str(entries[0]["version"])


def _git(root: Path, *args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> str:
    result = subprocess.run(["git", *args], cwd=root, env=env, input=stdin, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def add_root_file(root: Path, name: str, content: str, message: str) -> None:
    """Commit one file at the root of ``gh-pages`` without touching the work tree or the current branch."""
    blob = _git(root, "hash-object", "-w", "--stdin", stdin=content)
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "GIT_INDEX_FILE": str(Path(scratch) / "index")}
        _git(root, "read-tree", BRANCH, env=env)
        _git(root, "update-index", "--add", "--cacheinfo", f"100644,{blob},{name}", env=env)
        tree = _git(root, "write-tree", env=env)
    if tree == _git(root, "rev-parse", f"{BRANCH}^{{tree}}"):
        return
    commit = _git(root, "commit-tree", tree, "-p", BRANCH, "-m", message)
    _git(root, "update-ref", f"refs/heads/{BRANCH}", commit)


def _mike(root: Path, bin_dir: Path, *args: str, env: dict[str, str] | None = None) -> None:
    # mike runs the builder by name: the project's environment comes first on PATH, and properdocs is absent.
    path = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"
    full = {**os.environ, "PATH": path, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    subprocess.run([str(bin_dir / "mike"), *args], cwd=root, env=full, check=True)


def version_key(version: str) -> tuple[int, ...]:
    """Editions compare by their numbers: 2024.10 comes after 2024.9."""
    return tuple(int(part) if part.isdigit() else -1 for part in version.split("."))


def previous_edition(root: Path, version: str) -> str | None:
    """The next lower version than ``version`` in the published ``versions.json`` (``None`` if there is none)."""
    try:
        listed = json.loads(_git(root, "show", f"{BRANCH}:versions.json"))
    except (subprocess.CalledProcessError, json.JSONDecodeError):
        return None  # nothing published yet
    lower = [entry["version"] for entry in listed if version_key(entry["version"]) < version_key(version)]
    return max(lower, key=version_key, default=None)


def comparison_inputs(root: Path, version: str, scratch: Path) -> dict[str, str]:
    """What the builds need to compare this edition with the previous one (``ctrph13.adapter.state``).

    The previous edition's ``program.json`` is read from the branch as published; an edition published before
    that file existed (2024.1) gives none, and the comparison page says so.
    """
    previous = previous_edition(root, version)
    if previous is None:
        return {}
    inputs = {"KB_PREVIOUS_VERSION": previous}
    try:
        published = _git(root, "show", f"{BRANCH}:{previous}/data/program.json")
    except subprocess.CalledProcessError:
        return inputs
    saved = scratch / "previous-program.json"
    saved.write_text(published, encoding="utf-8")
    return {**inputs, "KB_PREVIOUS_PROGRAM": str(saved)}


def publish(root: Path, version: str, bin_dir: Path, push: bool) -> None:
    """Deploy ``version`` of both languages, move ``latest`` to it, set the redirects, add the root 404 page."""
    with tempfile.TemporaryDirectory() as scratch:
        compared = comparison_inputs(root, version, Path(scratch))
        for config, prefix in LANGUAGES:
            where = ["--deploy-prefix", prefix] if prefix else []
            args = ("deploy", "--config-file", config, *where, "--update-aliases", version, ALIAS)
            _mike(root, bin_dir, *args, env=compared)
    for config, prefix in LANGUAGES:
        where = ["--deploy-prefix", prefix] if prefix else []
        _mike(root, bin_dir, "set-default", "--config-file", config, *where, ALIAS)
    add_root_file(root, "404.html", not_found_page(site_path(root)), f"Root 404 page for {version}")
    if push:
        _git(root, "push", "origin", BRANCH)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: validate the arguments, publish, report in the project's error format."""
    parser = argparse.ArgumentParser(prog="python -m ctrph13.publish.deploy", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--version", help="the edition to publish (default: the newest change-log entry)")
    parser.add_argument("--push", action="store_true", help="push gh-pages to origin afterwards")
    parser.add_argument("--print-version", action="store_true", help="print the declared version and exit")
    args = parser.parse_args(argv)
    declared = release_version(args.root)
    if args.print_version:
        print(declared)
        return 0
    version = args.version or declared
    if not version.replace(".", "").isdigit():
        print(
            report(
                [
                    Diagnostic(
                        CHANGELOG.as_posix(),
                        1,
                        1,
                        f"version {version!r} is not an edition number",
                        "use <year>.<n>, e.g. 2024.1 (see README, Releases)",
                    )
                ]
            )[0],
            file=sys.stderr,
        )
        return 2
    try:
        publish(args.root, version, Path(sys.executable).parent, args.push)
    except subprocess.CalledProcessError as error:
        print(
            f"{CHANGELOG.as_posix()}:1:1: publishing {version} failed ({error.cmd[0]} exited {error.returncode})"
            " — fix the build errors above and publish again",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
