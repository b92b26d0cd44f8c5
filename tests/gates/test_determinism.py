"""Gate: the build is deterministic and leaks nothing of the machine it ran on.

The same content, copied into two different folders and built in each, gives the same files byte for byte; no
output file carries a local path. No file is exempt: sitemap.xml.gz carries a gzip timestamp, but MkDocs sets it
to the build's date (midnight UTC), not the time, so two builds of a day are identical (sitemap.xml's <lastmod>
carries the same date; SOURCE_DATE_EPOCH pins both).
"""

from __future__ import annotations

import gzip
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tests.conftest import Build, copy_project, run_build

LOCAL_PATHS = (b"/work/", b"/tmp/", b"/root/")


def files(root: Path) -> dict[str, Path]:
    return {file.relative_to(root).as_posix(): file for file in sorted(root.rglob("*")) if file.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    """What differs between two output trees: files missing from one, and files whose bytes differ (where)."""
    a, b = files(first), files(second)
    found = [f"{name}: only in {first}" for name in sorted(a.keys() - b.keys())]
    found += [f"{name}: only in {second}" for name in sorted(b.keys() - a.keys())]
    for name in sorted(a.keys() & b.keys()):
        left, right = a[name].read_bytes(), b[name].read_bytes()
        if left != right:
            at = next(
                (i for i, (x, y) in enumerate(zip(left, right, strict=False)) if x != y), min(len(left), len(right))
            )
            found.append(f"{name}: differs at byte {at}: {left[at - 40 : at + 40]!r} / {right[at - 40 : at + 40]!r}")
    return found


def readable(file: Path) -> bytes:
    """A file's bytes as a reader of its format gets them: gzip is decompressed."""
    data = file.read_bytes()
    return gzip.decompress(data) if file.suffix == ".gz" else data


def local_paths(root: Path, *extra: Path) -> list[str]:
    """Output files that name a folder of the machine that built them."""
    needles = LOCAL_PATHS + tuple(str(path).encode() for path in extra)
    return [
        f"{name}: {needle.decode()}"
        for name, file in files(root).items()
        for needle in needles
        if needle in readable(file)
    ]


@pytest.fixture(scope="module")
def twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    """The repository's content copied into two folders (names of different lengths) and built in each, at once,
    in full as `make build` does (the program's PDFs included)."""
    roots = [copy_project(tmp_path_factory.mktemp(name)) for name in ("first", "second-copy")]
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(lambda root: run_build(root, root / "site", pdf=True), roots)
    assert first.returncode == 0, first.log
    assert second.returncode == 0, second.log
    return first, second


def test_two_builds_in_two_folders_are_identical(twice: tuple[Build, Build]) -> None:
    first, second = twice
    assert (first.site / "en" / "index.html").is_file()
    found = differences(first.site, second.site)
    assert not found, "\n".join(found)


def test_no_output_file_carries_a_local_path(twice: tuple[Build, Build], site: Build) -> None:
    found = [f"{build.site}/{line}" for build in (*twice, site) for line in local_paths(build.site, build.root)]
    assert not found, "\n".join(found)


def test_the_comparison_reports_every_difference(tmp_path: Path) -> None:
    for name, text in (("a", "<p>1</p>"), ("b", "<p>2</p>")):
        (tmp_path / name / "en").mkdir(parents=True)
        (tmp_path / name / "same.css").write_text("p{}")
        (tmp_path / name / "en" / "index.html").write_text(text)
    (tmp_path / "b" / "extra.js").write_text("")
    assert differences(tmp_path / "a", tmp_path / "b") == [
        f"extra.js: only in {tmp_path / 'b'}",
        "en/index.html: differs at byte 3: b'<p>1</p>' / b'<p>2</p>'",
    ]


def test_local_paths_are_found_even_compressed(tmp_path: Path) -> None:
    builder = Path("/srv/builder")
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(b"<loc>file:///root/site/</loc>"))
    (tmp_path / "page.html").write_text(f"<a href='{builder}/x'>")
    (tmp_path / "clean.html").write_text("<a href='x'>")
    assert local_paths(tmp_path, builder) == ["page.html: /srv/builder", "sitemap.xml.gz: /root/"]
