"""The synthetic corpus: scale 1 is the project itself; scale 3 is valid, builds, is three times the size, and the
same scale always gives the same files."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import corpus
from bs4 import Tag
from tests.conftest import ROOT, Build, run_build

from ctrph13.checks.validate import validate_all

SCALE = 3
LANG_PREFIX = {"vi": "", "en": "en/"}


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, corpus.CorpusStats]:
    out = tmp_path_factory.mktemp("corpus") / "project"
    return out, corpus.generate(ROOT, out, SCALE)


@pytest.fixture(scope="module")
def built(grown: tuple[Path, corpus.CorpusStats], tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = run_build(grown[0], tmp_path_factory.mktemp("corpus-site") / "site")
    assert build.returncode == 0, build.log
    return build


def test_scale_1_is_the_project_unchanged(tmp_path: Path) -> None:
    stats = corpus.generate(ROOT, tmp_path / "out", 1)
    for part in ("docs", "data"):
        assert tree(tmp_path / "out" / part) == tree(ROOT / part), part
    assert stats.real is not None
    assert (stats.pages, stats.words) == (stats.real.pages, stats.real.words)
    assert stats.articles == 0


def test_refuses_a_bad_scale_or_a_folder_in_use(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="scale"):
        corpus.generate(ROOT, tmp_path / "out", 0)
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match="not empty"):
        corpus.generate(ROOT, tmp_path / "used", 2)


def test_the_grown_project_passes_every_check(grown: tuple[Path, corpus.CorpusStats]) -> None:
    _, problems = validate_all(grown[0])
    assert [str(p) for p in problems] == []


def test_pages_and_words_are_about_scale_times_the_real_site(grown: tuple[Path, corpus.CorpusStats]) -> None:
    out, stats = grown
    assert stats.real is not None
    assert stats.real == corpus.real_stats(ROOT)
    for what in ("pages", "words"):
        for lang in ("vi", "en"):
            assert 0.85 * SCALE <= stats.ratio(what, lang) <= 1.15 * SCALE, (what, lang, stats)
    assert stats.practices == SCALE * stats.real.practices
    assert stats.documents == SCALE * stats.real.documents
    # The counts the generator reports are what a fresh measurement of the written files finds.
    assert corpus.real_stats(out) == corpus.CorpusStats(
        stats.pages, stats.words, stats.practices, stats.documents, stats.articles
    )


def test_the_same_scale_gives_the_same_files(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    corpus.generate(ROOT, first, SCALE)
    corpus.generate(ROOT, second, SCALE)
    assert tree(first) == tree(second)


def test_every_synthetic_page_exists_in_both_languages_with_ids_on_its_headings(
    grown: tuple[Path, corpus.CorpusStats],
) -> None:
    out, stats = grown
    pages = {lang: sorted((out / "docs" / lang).glob("*/synthetic-*.md")) for lang in ("vi", "en")}
    names = [p.relative_to(out / "docs" / "vi") for p in pages["vi"]]
    assert names == [p.relative_to(out / "docs" / "en") for p in pages["en"]]
    assert stats.real is not None
    assert len(names) == stats.practices - stats.real.practices + stats.articles
    article = (out / "docs" / "en" / "bai-viet" / "synthetic-1.md").read_text(encoding="utf-8")
    assert article.startswith('---\ntitle: "')
    assert "## " in article
    assert all("{ #h-" in line for line in article.splitlines() if line.startswith("## "))


def _nav_links(build: Build, path: str) -> list[str]:
    nav = build.page(path).select_one("nav.md-nav--primary")
    assert isinstance(nav, Tag), path
    return [str(a.get("href", "")) for a in nav.find_all("a")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_synthetic_pages_are_listed_on_index_pages_not_in_the_navigation(
    built: Build, grown: tuple[Path, corpus.CorpusStats], lang: str
) -> None:
    stats = grown[1]
    prefix = LANG_PREFIX[lang]
    for path in ("bai-viet/synthetic-1/", "mo-hinh/synthetic-1/", "van-ban/synthetic-doc-1/", "bai-viet/"):
        links = _nav_links(built, prefix + path)
        assert not [link for link in links if "synthetic" in link or "bai-viet" in link], path

    def listed(index: str, stem: str) -> set[str]:
        article = built.page(prefix + index).select_one("article")
        assert isinstance(article, Tag)
        return {str(a["href"]) for a in article.find_all("a", href=True) if stem in str(a["href"])}

    assert len(listed("bai-viet/", "synthetic-")) == stats.articles
    assert stats.real is not None
    assert len(listed("mo-hinh/", "synthetic-")) == stats.practices - stats.real.practices
    assert len(listed("van-ban/", "synthetic-doc-")) == stats.documents - stats.real.documents


def test_synthetic_documents_are_cited_and_linked(built: Build) -> None:
    page = built.page("van-ban/synthetic-doc-1/")
    article = page.select_one("article")
    assert isinstance(article, Tag)
    assert "bai-viet/synthetic-" in str(article)  # "cited in" lists the articles that cite it
    cites = built.page("bai-viet/synthetic-1/").select("a.kb-cite")
    assert any("synthetic-doc-" in str(a.get("href", "")) for a in cites)


def test_sentences_split_at_full_stops_but_not_after_no() -> None:
    text = "Directive No. 09-CT/TW applies. Then (a) more; “Quoted” next. lower case stays."
    assert corpus.sentences(text) == [
        "Directive No. 09-CT/TW applies.",
        "Then (a) more; “Quoted” next. lower case stays.",
    ]
    assert corpus.tidy("- tham gia phòng ngừa tội phạm;") == "Tham gia phòng ngừa tội phạm."


def test_words_leave_markup_out() -> None:
    markdown = '---\ntitle: "x y"\n---\n\n## Hai từ { #h-1 }\n\n<!-- kb:practice -->\n[một](../a-b.md) <b>hai</b>\n'
    assert corpus.count_words(markdown) == 4
