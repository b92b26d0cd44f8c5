"""The live preview (`make serve`) rebuilds only what an edit changed, and the result equals a full build."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from tests.conftest import copy_project

from ctrph13.adapter.incremental import Mode, plan
from ctrph13.adapter.linkcheck import PAGE_FIX
from ctrph13.preview.live import Preview

URL = "http://127.0.0.1:8000/"
FULL = {"vi": Mode.FULL, "en": Mode.FULL}
EVERY = {"vi": Mode.EVERY, "en": Mode.EVERY}
BEFORE = {
    "docs/vi/a.md": 1,
    "docs/en/a.md": 1,
    "docs/vi/mo-hinh/p.md": 1,
    "data/glossary.yaml": 1,
    "mkdocs.yml": 1,
    "mkdocs.en.yml": 1,
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, {"vi": Mode.SKIP, "en": Mode.SKIP}),
        ({"docs/vi/a.md": 2}, {"vi": Mode.DIRTY, "en": Mode.SKIP}),
        ({"docs/en/a.md": 2}, {"vi": Mode.SKIP, "en": Mode.DIRTY}),
        ({"docs/vi/a.md": 2, "docs/en/a.md": 2}, {"vi": Mode.DIRTY, "en": Mode.DIRTY}),
        # Practice pages are data (their front matter feeds the index and the organisation pages).
        ({"docs/vi/mo-hinh/p.md": 2}, EVERY),
        ({"data/glossary.yaml": 2}, EVERY),
        ({"data/glossary.yaml": 2, "docs/en/a.md": 2}, EVERY),
        ({"mkdocs.yml": 2}, FULL),
        ({"mkdocs.en.yml": 2}, FULL),
        ({"mkdocs.yml": 2, "docs/vi/a.md": 2}, FULL),
    ],
)
def test_plan_rebuilds_only_the_edited_language(changes: dict[str, int], expected: dict[str, Mode]) -> None:
    assert plan(BEFORE, {**BEFORE, **changes}) == expected


def test_plan_rebuilds_everything_first_and_when_pages_come_or_go() -> None:
    assert plan(None, BEFORE) == FULL
    assert plan(BEFORE, {**BEFORE, "docs/vi/b.md": 1}) == FULL
    assert plan(BEFORE, {k: v for k, v in BEFORE.items() if k != "docs/en/a.md"}) == FULL


def cited_in(language_root: Path) -> str:
    """The links of the "Cited in" section of Directive 09-CT/TW's page."""
    page = BeautifulSoup((language_root / "van-ban/ct-09-2011/index.html").read_text(encoding="utf-8"), "html.parser")
    heading = page.find(id="cited-in")
    assert heading is not None
    links = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        links += [str(a["href"]) for a in sibling.find_all("a")]
    return " ".join(links)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def fresh(root: Path, site: Path) -> Path:
    """``root`` previewed from scratch into ``site``, as `make serve` starts."""
    with Preview(root, site, URL) as started:
        assert started.rebuild()
    return site


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    """A project copy, previewed once (both languages in full)."""
    root = copy_project(tmp_path_factory.mktemp("preview") / "project")
    with Preview(root, tmp_path_factory.mktemp("preview-site"), URL) as started:
        assert started.rebuild()
        yield started


def test_page_edits_rebuild_page_by_page_and_equal_a_full_build(served: Preview, tmp_path: Path) -> None:
    root, site, state = served.root, served.site_dir, served.state
    served_before = tmp_path / "before"
    shutil.copytree(site / "en", served_before)
    # A citation (changes the document's "Cited in" page), an abbreviation and a searchable sentence.
    append(root / "docs/vi/gioi-thieu.md", "\n\nCâu thử xem trước: Chỉ thị số 09-CT/TW ngày 01/12/2011 về ANTQ.\n")
    append(root / "docs/en/thuat-ngu.md", "\n\nPreview sentence: Directive No. 09-CT/TW of 1 December 2011.\n")
    assert served.rebuild()
    assert state.modes == {"vi": Mode.DIRTY, "en": Mode.DIRTY}

    # Every page, generated page, search file and asset, byte for byte.
    assert tree(site) == tree(fresh(root, tmp_path / "fresh"))
    page = (site / "gioi-thieu" / "index.html").read_text(encoding="utf-8")
    assert "Câu thử xem trước" in page
    assert 'href="../van-ban/ct-09-2011/"' in page
    assert "thuat-ngu/" not in cited_in(served_before)
    assert "thuat-ngu/" in cited_in(site / "en")
    assert any("Câu thử xem trước" in text for text in map(Path.read_text, (site / "search").glob("d-*.js")))


def test_a_wrong_edit_is_reported_in_the_project_format_and_keeps_the_last_good_site(
    served: Preview, caplog: pytest.LogCaptureFixture
) -> None:
    root, site, state = served.root, served.site_dir, served.state
    page = root / "docs/vi/gioi-thieu.md"
    good = page.read_text(encoding="utf-8")
    before = (site / "gioi-thieu" / "index.html").read_bytes()
    append(page, "\nXem Kết luận số 45-KL/TW.\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert not served.rebuild()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(e.startswith(f"docs/vi/gioi-thieu.md:{line}:") and "unknown document 45-KL/TW" in e for e in errors)
    assert not any("Traceback" in e for e in errors)
    assert (site / "gioi-thieu" / "index.html").read_bytes() == before

    page.write_text(good, encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert served.rebuild()
    assert state.modes == FULL  # after a failure the preview starts again from scratch
    assert any(r.getMessage().startswith("Rebuilt in") for r in caplog.records)


def test_a_wrong_link_keeps_the_last_good_site_even_through_a_full_rebuild(
    served: Preview, caplog: pytest.LogCaptureFixture
) -> None:
    page = served.root / "docs/vi/gioi-thieu.md"
    good = page.read_text(encoding="utf-8")
    before = tree(served.site_dir)
    append(page, "\n\nXem [trang cũ](khong-co.md).\n")  # found by MkDocs while it converts the page
    line = len(page.read_text(encoding="utf-8").splitlines())
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert not served.rebuild()  # page by page
        append(page, "\nCâu khác.\n")
        assert not served.rebuild()  # after a failure: from scratch
    assert served.state.modes == FULL
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(e.startswith(f"docs/vi/gioi-thieu.md:{line}:16: link 'khong-co.md' leads to no page") for e in errors)
    assert tree(served.site_dir) == before  # nothing removed, nothing written
    page.write_text(good, encoding="utf-8")
    assert served.rebuild()


def test_a_template_error_is_reported_without_a_traceback(served: Preview, caplog: pytest.LogCaptureFixture) -> None:
    template = served.root / "overrides" / "main.html"
    good = template.read_text(encoding="utf-8")
    template.write_text(good + "\n{% block broken %}\n", encoding="utf-8")
    line = len(template.read_text(encoding="utf-8").splitlines())
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert not served.rebuild()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    # Once, by the checks both languages share, before either is built.
    assert sum(e.startswith(f"overrides/main.html:{line}:1: template error:") for e in errors) == 1, errors
    assert not any("Traceback" in r.getMessage() or r.exc_info for r in caplog.records)
    template.write_text(good, encoding="utf-8")
    assert served.rebuild()


def test_what_the_english_process_logs_is_reported_here(served: Preview, caplog: pytest.LogCaptureFixture) -> None:
    page = served.root / "docs/en/gioi-thieu.md"
    good = page.read_text(encoding="utf-8")
    # A missing file that is not a page: `scripts/kb check` leaves it to MkDocs, in the English process.
    append(page, "\n\nSee [the missing file](khong-co.pdf).\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert not served.rebuild()
    logged = [(r.levelno, r.getMessage()) for r in caplog.records]
    assert (
        logging.ERROR,
        f"docs/en/gioi-thieu.md:{line}:24: link 'khong-co.pdf' leads to no page: there is no khong-co.pdf — {PAGE_FIX}",
    ) in logged
    assert logged[-1][0] == logging.ERROR
    assert "the next rebuild starts from scratch" in logged[-1][1]
    page.write_text(good, encoding="utf-8")
    assert served.rebuild()


def test_a_new_english_process_takes_over_when_the_last_one_died(served: Preview, tmp_path: Path) -> None:
    workers = [pid for pid in _children(os.getpid()) if b"spawn_main" in _command(pid) and _running(pid)]
    assert len(workers) == 1  # the served preview's (the others were stopped with their previews)
    os.kill(workers[0], signal.SIGKILL)
    append(served.root / "docs/en/gioi-thieu.md", "\n\nA sentence for the new process.\n")
    assert served.rebuild()
    assert "A sentence for the new process." in (served.site_dir / "en/gioi-thieu/index.html").read_text("utf-8")
    # Without the last process's memory, the new one rendered every English page (the search index is whole).
    assert tree(served.site_dir) == tree(fresh(served.root, tmp_path / "fresh"))


def test_a_data_edit_renders_every_page_in_place_and_equals_a_full_build(served: Preview, tmp_path: Path) -> None:
    root, site, state = served.root, served.site_dir, served.state
    asset = next((site / "assets" / "javascripts").glob("bundle.*.js"))
    copied = asset.stat().st_mtime_ns
    # As if the last build had generated a page that the data no longer generates (a document left the registry).
    gone = site / "van-ban" / "da-bo" / "index.html"
    gone.parent.mkdir()
    gone.write_text("stale", encoding="utf-8")
    state.languages["vi"].generated["van-ban/da-bo.md"] = "fingerprint"
    glossary = root / "data" / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    assert "an ninh Tổ quốc" in text
    glossary.write_text(text.replace("an ninh Tổ quốc", "an ninh Tổ quốc (đã sửa)", 1), encoding="utf-8")
    redirects = root / "data" / "redirects.yaml"
    kept = redirects.read_text(encoding="utf-8")
    redirects.write_text(kept.replace("redirects: {}", "redirects:\n  trang-cu/con/: gioi-thieu.md"), encoding="utf-8")

    assert served.rebuild()
    assert state.modes == EVERY
    assert "(đã sửa)" in (site / "thuat-ngu" / "index.html").read_text(encoding="utf-8")
    assert (site / "trang-cu" / "con" / "index.html").is_file()
    assert (site / "en" / "trang-cu" / "con" / "index.html").is_file()
    assert not gone.parent.exists()
    assert asset.stat().st_mtime_ns == copied  # in place: the theme's files are not copied again

    redirects.write_text(kept, encoding="utf-8")
    assert served.rebuild()
    assert not (site / "trang-cu").exists()
    assert not (site / "en" / "trang-cu").exists()
    # Every page, search file (an abbreviation's meaning is searchable under every text that uses it) and asset.
    assert tree(site) == tree(fresh(root, tmp_path / "fresh"))


def _children(pid: int) -> list[int]:
    listed = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True, check=False)
    return [int(child) for child in listed.stdout.split()]


def _command(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:  # ended since it was listed (ps itself)
        return b""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has ended; its new parent has not reaped it yet


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["stopped", "killed"])
def test_the_served_preview_leaves_no_process_behind(served: Preview, tmp_path: Path, stop: signal.Signals) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "ctrph13.preview", "--root", str(served.root), "--dev-addr", f"127.0.0.1:{port}"]
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env) as server:
        assert server.stderr is not None
        for line in server.stderr:
            if "Serving on" in line:
                break
        for page in ("gioi-thieu/", "en/gioi-thieu/"):  # each language, the English one built by its own process
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{page}", timeout=10) as response:
                assert response.status == 200
        helpers = _children(server.pid)
        assert helpers  # the English process (and multiprocessing's resource tracker)
        server.send_signal(stop)
        code = server.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(map(_running, helpers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in helpers if _running(pid)]
    if stop == signal.SIGTERM:  # stopped as a service is: cleanly, the scratch site removed
        assert code == 0
        assert not list(tmp_path.glob("ctrph13-preview-*"))
