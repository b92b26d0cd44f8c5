"""The live preview (`make serve`) rebuilds only what an edit changed, and the result equals a full build."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from tests.conftest import copy_project

from ctrph13 import preview
from ctrph13.incremental import Mode, PreviewState, plan

URL = "http://127.0.0.1:8000/"
FULL = {"vi": Mode.FULL, "en": Mode.FULL}
BEFORE = {"docs/vi/a.md": 1, "docs/en/a.md": 1, "docs/vi/mo-hinh/p.md": 1, "data/glossary.yaml": 1, "mkdocs.yml": 1}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, {"vi": Mode.SKIP, "en": Mode.SKIP}),
        ({"docs/vi/a.md": 2}, {"vi": Mode.DIRTY, "en": Mode.SKIP}),
        ({"docs/en/a.md": 2}, {"vi": Mode.SKIP, "en": Mode.DIRTY}),
        ({"docs/vi/a.md": 2, "docs/en/a.md": 2}, {"vi": Mode.DIRTY, "en": Mode.DIRTY}),
        # Practice pages are data (their front matter feeds the index and the organisation pages).
        ({"docs/vi/mo-hinh/p.md": 2}, FULL),
        ({"data/glossary.yaml": 2}, FULL),
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


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, PreviewState]:
    """A project copy, previewed once (both languages in full)."""
    root = copy_project(tmp_path_factory.mktemp("preview") / "project")
    site = tmp_path_factory.mktemp("preview-site")
    state = PreviewState()
    assert preview.rebuild(root, site, URL, state)
    return root, site, state


def test_page_edits_rebuild_page_by_page_and_equal_a_full_build(
    served: tuple[Path, Path, PreviewState], tmp_path: Path
) -> None:
    root, site, state = served
    served_before = tmp_path / "before"
    shutil.copytree(site / "en", served_before)
    # A citation (changes the document's "Cited in" page), an abbreviation and a searchable sentence.
    append(root / "docs/vi/gioi-thieu.md", "\n\nCâu thử xem trước: Chỉ thị số 09-CT/TW ngày 01/12/2011 về ANTQ.\n")
    append(root / "docs/en/thuat-ngu.md", "\n\nPreview sentence: Directive No. 09-CT/TW of 1 December 2011.\n")
    assert preview.rebuild(root, site, URL, state)
    assert state.modes == {"vi": Mode.DIRTY, "en": Mode.DIRTY}

    fresh = tmp_path / "fresh"
    assert preview.rebuild(root, fresh, URL, PreviewState())
    assert tree(site) == tree(fresh)  # every page, generated page, search file and asset, byte for byte
    page = (site / "gioi-thieu" / "index.html").read_text(encoding="utf-8")
    assert "Câu thử xem trước" in page
    assert 'href="../van-ban/ct-09-2011/"' in page
    assert "thuat-ngu/" not in cited_in(served_before)
    assert "thuat-ngu/" in cited_in(site / "en")
    assert any("Câu thử xem trước" in text for text in map(Path.read_text, (site / "search").glob("d-*.js")))


def test_a_wrong_edit_is_reported_in_the_project_format_and_keeps_the_last_good_site(
    served: tuple[Path, Path, PreviewState], caplog: pytest.LogCaptureFixture
) -> None:
    root, site, state = served
    page = root / "docs/vi/gioi-thieu.md"
    good = page.read_text(encoding="utf-8")
    before = (site / "gioi-thieu" / "index.html").read_bytes()
    append(page, "\nXem Kết luận số 45-KL/TW.\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert not preview.rebuild(root, site, URL, state)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any(e.startswith(f"docs/vi/gioi-thieu.md:{line}:") and "unknown document 45-KL/TW" in e for e in errors)
    assert not any("Traceback" in e for e in errors)
    assert (site / "gioi-thieu" / "index.html").read_bytes() == before

    page.write_text(good, encoding="utf-8")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert preview.rebuild(root, site, URL, state)
    assert state.modes == FULL  # after a failure the preview starts again from scratch
    assert any(r.getMessage().startswith("Rebuilt in") for r in caplog.records)


def test_a_data_edit_rebuilds_both_languages(served: tuple[Path, Path, PreviewState], tmp_path: Path) -> None:
    root, site, state = served
    glossary = root / "data" / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    assert "an ninh Tổ quốc" in text
    glossary.write_text(text.replace("an ninh Tổ quốc", "an ninh Tổ quốc (đã sửa)", 1), encoding="utf-8")
    assert preview.rebuild(root, site, URL, state)
    assert state.modes == FULL
    assert "(đã sửa)" in (site / "thuat-ngu" / "index.html").read_text(encoding="utf-8")
    # An abbreviation's meaning is searchable under every text that uses it: no text keeps its old keys.
    fresh = tmp_path / "fresh"
    assert preview.rebuild(root, fresh, URL, PreviewState())
    assert tree(site / "search") == tree(fresh / "search")
