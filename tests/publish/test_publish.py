"""Versioned publishing with `make publish` into a scratch git repository, as the main-branch workflow does it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser
from tests.browserkit import HOW, reader_context, serve, tab_to
from tests.conftest import copy_project

BIN = Path(sys.executable).parent
CHANGED_FROM = "shall set up a team to inspect the"
CHANGED_TO = "shall form a team to inspect the"
EXTRA = ("Makefile", "pyproject.toml", "uv.lock", "README.md")


@dataclass(frozen=True)
class Published:
    repo: Path
    first_tree: str


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def make_publish(repo: Path, version: str) -> None:
    # The scratch clone uses this environment (`-o setup`): setting up a second one would only cost time.
    result = subprocess.run(
        # `-o browser`: Chromium is installed here already, and the npm checkers are not needed to publish.
        ["make", "publish", f"VERSION={version}", f"BIN={BIN}", "-o", "setup", "-o", "browser"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        # No PDFs: publishing prints them with Chromium in each of its builds (tests/budget/test_offline_print.py
        # tests printing); here they only cost a minute of the suite.
        env={**os.environ, "KB_SKIP_PDF": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    repo = copy_project(tmp_path_factory.mktemp("publish"), EXTRA)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first edition")
    make_publish(repo, "2024.1")
    first_tree = git(repo, "ls-tree", "-r", "gh-pages", "--", "2024.1", "en/2024.1")
    page = repo / "docs" / "vi" / "gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nĐoạn thêm trong phiên bản 2024.2.\n", encoding="utf-8")
    # One block's translation changes (and nothing else of the program): the comparison must list it alone.
    translation = repo / "data" / "program" / "ctrph-13-2024.en.yaml"
    text = translation.read_text(encoding="utf-8")
    assert text.count(CHANGED_FROM) == 1
    translation.write_text(text.replace(CHANGED_FROM, CHANGED_TO), encoding="utf-8")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "second edition")
    make_publish(repo, "2024.2")
    return Published(repo, first_tree)


def test_versions_aliases_and_root_redirects(published: Published) -> None:
    for prefix in ("", "en/"):
        versions = json.loads(git(published.repo, "show", f"gh-pages:{prefix}versions.json"))
        assert [(v["version"], v["aliases"]) for v in versions] == [("2024.2", ["latest"]), ("2024.1", [])]
        redirect = git(published.repo, "show", f"gh-pages:{prefix}index.html")
        assert 'href="latest/"' in redirect or "latest/" in redirect
    listing = git(published.repo, "ls-tree", "gh-pages").split("\n")
    latest = next(line for line in listing if line.endswith("\tlatest"))
    assert latest.startswith("120000")  # a symlink, moved to the newest version
    assert git(published.repo, "show", "gh-pages:latest") == "2024.2"
    assert "404.html" in git(published.repo, "ls-tree", "--name-only", "gh-pages")


def test_both_languages_in_both_versions(published: Published) -> None:
    names = set(git(published.repo, "ls-tree", "-r", "--name-only", "gh-pages").split())
    for version in ("2024.1", "2024.2"):
        for prefix in ("", "en/"):
            assert f"{prefix}{version}/chuong-trinh/index.html" in names
            assert f"{prefix}{version}/search/manifest.js" in names
        assert f"{version}/en/index.html" not in names, "English lives under /en/<version>/ only"


def test_first_version_unchanged_by_the_second_deploy(published: Published) -> None:
    assert git(published.repo, "ls-tree", "-r", "gh-pages", "--", "2024.1", "en/2024.1") == published.first_tree


@pytest.fixture(scope="module")
def branch(published: Published, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gh-pages")
    archive = subprocess.run(["git", "archive", "gh-pages"], cwd=published.repo, capture_output=True, check=True)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(out, filter="tar")
    return out


def _links(html: Path) -> Iterator[str]:
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    for tag in soup.find_all(["a", "link", "script", "img"]):
        if "canonical" in tag.get("rel", []):
            continue  # canonical links point to latest on purpose
        if tag.find_parent(attrs={"data-md-component": "outdated"}):
            continue  # so does the outdated-version banner
        value = tag.get("href") or tag.get("src")
        if value and not str(value).startswith(("#", "mailto:", "data:")):
            yield str(value)


@pytest.mark.parametrize(
    ("prefix", "other"),
    [("2024.1", "en/2024.1"), ("en/2024.1", "2024.1"), ("2024.2", "en/2024.2"), ("en/2024.2", "2024.2")],
)
def test_no_link_inside_a_version_points_into_another(branch: Path, prefix: str, other: str) -> None:
    base = "http://site.test/"
    language = "en/" if prefix.startswith("en/") else ""
    for html in (branch / prefix).rglob("*.html"):
        if html.name == "404.html":
            continue  # MkDocs writes it with absolute links to the canonical (latest) root; hosts serve the root one
        page = base + html.relative_to(branch).as_posix()
        # The comparison page alone links the same clause in the previous edition of its language.
        allowed = (base + prefix + "/", base + other + "/")
        if html.parent.name == "so-sanh":
            allowed += (base + language + "2024.1/chuong-trinh/",)
        for link in _links(html):
            target = urljoin(page, link)
            if urlsplit(target).netloc != "site.test":
                continue  # links to other hosts (licences) are not content links into a version
            assert target.startswith(allowed), f"{html}: {link} -> {target}"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_comparison_lists_exactly_the_changed_block(branch: Path, prefix: str) -> None:
    page = branch / f"{prefix}2024.2" / "so-sanh" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None
    # Every changed block has a heading with its anchor; the change log's heading is the only other one.
    listed = [h2["id"] for h2 in article.select("h2[id]") if re.fullmatch(r"(i|ii|iii|iv)(-[a-z0-9]+)*", h2["id"])]
    assert listed == ["iv-3"], listed
    block = article.select_one("h2#iv-3").find_next("p", class_="kb-diff")
    assert [d.get_text() for d in block.select("del")] == ["set up"]
    assert [i.get_text() for i in block.select("ins")] == ["form"]
    links = [a["href"] for a in article.select("h2#iv-3 ~ p a")]
    assert "../chuong-trinh/#iv-3" in links and "../../2024.1/chuong-trinh/#iv-3" in links
    changes = json.loads((branch / f"{prefix}2024.2" / "data" / "changes-since-2024.1.json").read_text("utf-8"))
    assert [(c["id"], c["fields"]) for c in changes["changes"]] == [("iv-3", ["text_en"])]
    # Kept out of search: its words are the program's, found on the program page.
    index = "".join(p.read_text("utf-8") for p in (branch / f"{prefix}2024.2" / "search").iterdir())
    assert "so-sanh/" not in index
    # The first edition had nothing to compare with, and says so.
    first = (branch / f"{prefix}2024.1" / "so-sanh" / "index.html").read_text("utf-8")
    assert ("Không có ấn bản trước" if not prefix else "There is no previous edition") in first


def test_canonical_links_point_to_latest(branch: Path) -> None:
    for prefix in ("2024.1", "en/2024.2"):
        soup = BeautifulSoup(
            (branch / prefix / "chuong-trinh" / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        canonical = soup.select_one("link[rel=canonical]")
        language = "en/" if prefix.startswith("en/") else ""
        assert canonical is not None
        assert canonical["href"] == f"https://example.org/ctrph13/{language}latest/chuong-trinh/"


def test_old_version_shows_the_outdated_banner_pointing_to_latest(branch: Path) -> None:
    soup = BeautifulSoup((branch / "2024.1" / "chuong-trinh" / "index.html").read_text(encoding="utf-8"), "html.parser")
    banner = soup.select_one("[data-md-component=outdated]")
    assert banner is not None
    link = banner.select_one("a")
    assert link is not None and str(link["href"]).endswith("../latest/chuong-trinh/")


@pytest.mark.browser
@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_version_selector_keeps_page_and_language(browser: Browser, branch: Path, prefix: str, how: str) -> None:
    """A reader who clicks (1280×900), taps (a phone) or uses the keyboard alone picks another version."""

    def press(selector: str, opener: str | None = None) -> None:
        # A menu's ``opener``: the mouse points at it (it opens on hover, over its button), a finger taps its button,
        # the keyboard Tabs to the entry (the menu opens as the focus enters it); then the entry is chosen.
        if how == "click":
            if opener:
                page.locator(opener).hover()
            page.locator(selector).click()
        elif how == "tap":
            if opener:
                page.locator(opener).tap()
            page.locator(selector).tap()
        else:
            tab_to(page, selector, limit=120)  # every stop of the program page once
            page.keyboard.press("Enter")

    server, url = serve(branch)
    context = reader_context(browser, how)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(f"{url}{prefix}2024.1/chuong-trinh/")
        # Material shows the banner once it has read versions.json.
        page.locator("[data-md-component=outdated]").wait_for(state="visible", timeout=10_000)
        opener = ".md-version" if how == "click" else ".md-version__current"
        version = page.locator(".md-version__link", has_text="2024.2")
        press(f".md-version__link[href='{version.get_attribute('href')}']", opener)
        page.wait_for_url(f"{url}{prefix}2024.2/chuong-trinh/")
        assert page.locator("html").get_attribute("lang") == ("en" if prefix else "vi")
        assert not page.locator("[data-md-component=outdated]").is_visible()
        if how == "click":
            page.mouse.move(5, 600)  # away from the version list, which opens on hover
        language = ".md-header__option .md-select" + ("" if how == "click" else " button")
        press(f"a.kb-alternate[hreflang={'vi' if prefix else 'en'}]", language)
        other = "" if prefix else "en/"
        page.wait_for_url(f"{url}{other}2024.2/chuong-trinh/")
        page.wait_for_load_state()
        assert page.url == f"{url}{other}2024.2/chuong-trinh/", "the language switch keeps the version"
        press("#iii-2 > a.kb-permalink")
        # Read at once: the menu's staying open is tests/browser/test_clause_menu.py's concern.
        copies = page.locator(".kb-copy-menu button").evaluate_all("buttons => buttons.map(b => b.dataset.copy)")
        site = "https://example.org/ctrph13/" + other
        assert copies[:2] == [f"{site}2024.2/chuong-trinh/#iii-2", f"{site}latest/chuong-trinh/#iii-2"]
        assert errors == []
    finally:
        context.close()
        server.shutdown()


def test_root_404_offers_search_and_home(branch: Path) -> None:
    soup = BeautifulSoup((branch / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert {str(a["href"]) for a in soup.select("a")} == {"/ctrph13/latest/", "/ctrph13/en/latest/"}
    assert len(soup.select("form[role=search] input[name=q]")) == 2


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_an_older_edition_notes_the_clauses_a_later_one_changed(browser: Browser, branch: Path, prefix: str) -> None:
    """Added in the browser from latest's data/changes.json: the older edition's own files never change."""
    server, url = serve(branch)
    context = reader_context(browser, "click")
    try:
        page = context.new_page()
        page.goto(f"{url}{prefix}2024.1/chuong-trinh/")
        note = page.locator("#iv-3 .kb-changed")
        note.wait_for(state="visible", timeout=10_000)
        assert "2024.2" in note.inner_text()
        assert note.get_attribute("data-editorial") == ""
        assert note.locator("a").get_attribute("href") == f"{url}{prefix}latest/so-sanh/#iv-3"
        assert page.locator(".kb-changed").count() == 1  # only the block that changed
        # On the latest edition itself, nothing; and nothing where the list cannot be read (offline).
        page.goto(f"{url}{prefix}2024.2/chuong-trinh/")
        page.wait_for_load_state("networkidle")
        assert page.locator(".kb-changed").count() == 0
        page.route("**/data/changes.json", lambda route: route.abort())
        page.goto(f"{url}{prefix}2024.1/chuong-trinh/")
        page.wait_for_load_state("networkidle")
        assert page.locator(".kb-changed").count() == 0
    finally:
        context.close()
        server.shutdown()
