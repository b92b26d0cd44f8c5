"""Gate: every internal link and asset reference of every built page, in both languages, leads to a file of the
site, and every #anchor to an element of its target page. Nothing is fetched: links to other hosts are skipped."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from tests.conftest import Build
from tests.gates.sitekit import DEAD_LINKS, site_path

HOST = "site.invalid"  # stands for the site's own host while resolving
URL_ATTRIBUTES = {
    "href": ("a", "area", "link"),
    "src": ("script", "img", "iframe", "source", "audio", "video", "track", "embed"),
}
REFRESH = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*['\"]?(?P<url>[^'\"]+)", re.IGNORECASE)


def references(soup: BeautifulSoup) -> Iterator[str]:
    """Every URL the page asks a browser to follow or load."""
    for attribute, names in URL_ATTRIBUTES.items():
        for tag in soup.find_all(names, attrs={attribute: True}):
            yield str(tag[attribute])
    for tag in soup.find_all(["img", "source"], srcset=True):
        yield from (candidate.split()[0] for candidate in str(tag["srcset"]).split(",") if candidate.strip())
    for tag in soup.find_all("object", data=True):
        yield str(tag["data"])
    for tag in soup.find_all("meta", attrs={"http-equiv": re.compile("^refresh$", re.IGNORECASE)}):
        if match := REFRESH.match(str(tag.get("content", ""))):
            yield match["url"]


class SiteLinks:
    """The link check of one built site, whose pages live under ``prefix`` on their host (``/ctrph13/``)."""

    def __init__(self, root: Path, prefix: str) -> None:
        self.root = root
        self.prefix = prefix
        self._soups: dict[str, BeautifulSoup] = {}
        self._anchors: dict[str, set[str]] = {}

    def soup(self, page: str) -> BeautifulSoup:
        if page not in self._soups:
            self._soups[page] = BeautifulSoup((self.root / page).read_text(encoding="utf-8"), "html.parser")
        return self._soups[page]

    def anchors(self, page: str) -> set[str]:
        """The ids of a page, and the names of its ``<a name>``: what a #fragment may point at."""
        if page not in self._anchors:
            soup = self.soup(page)
            named = {str(tag["name"]) for tag in soup.find_all("a", attrs={"name": True})}
            self._anchors[page] = {str(tag["id"]) for tag in soup.find_all(id=True)} | named
        return self._anchors[page]

    def target(self, path: str) -> str | None:
        """The file a site path is served from (a folder serves its index.html), if it exists."""
        relative = path.removeprefix(self.prefix)
        file = self.root / relative
        if not relative or relative.endswith("/") or file.is_dir():
            file /= "index.html"
        return file.relative_to(self.root).as_posix() if file.is_file() else None

    def problems(self, page: str) -> Iterator[str]:
        """``page: link: what is wrong`` for each broken internal link of a page (a path under the root)."""
        here = f"https://{HOST}{self.prefix}{page}"
        for ref in references(self.soup(page)):
            url = urlsplit(urljoin(here, ref))
            if url.scheme not in {"http", "https"} or url.netloc != HOST:
                continue  # another host, mailto:, data: ...
            path = unquote(url.path)
            if not path.startswith(self.prefix):
                yield f"{page}: {ref}: outside the site (not under {self.prefix})"
                continue
            if "//" in path:
                yield f"{page}: {ref}: empty path segment in {path}"
                continue
            target = self.target(path)
            if target is None:
                yield f"{page}: {ref}: no such file {path.removeprefix(self.prefix)}"
                continue
            fragment = unquote(url.fragment)
            checked = fragment and not fragment.startswith("__") and target.endswith(".html")  # #, Material's #__…
            if checked and fragment not in self.anchors(target):
                yield f"{page}: {ref}: no id “{fragment}” in {target}"

    def pages(self) -> list[str]:
        return sorted(file.relative_to(self.root).as_posix() for file in self.root.rglob("*.html"))

    def check(self, pages: Iterable[str] | None = None) -> list[str]:
        """The problems of ``pages`` (every page of the site by default)."""
        return [problem for page in (self.pages() if pages is None else pages) for problem in self.problems(page)]


def test_every_internal_link_and_anchor_resolves(site: Build) -> None:
    links = SiteLinks(site.site, site_path())
    assert any(page.startswith("en/") for page in links.pages()), "the English site is not crawled"
    problems = links.check()
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems)


def test_the_gate_reports_a_dead_link_and_a_dead_anchor(broken: Build) -> None:
    page = f"{DEAD_LINKS.page}index.html"
    problems = SiteLinks(broken.site, site_path()).check([page])
    assert problems == [
        f"{page}: ../khong-co-trang-nay/: no such file khong-co-trang-nay/",
        f"{page}: ../chuong-trinh/#khong-co-muc-nay: no id “khong-co-muc-nay” in chuong-trinh/index.html",
    ]


@pytest.fixture
def tiny(tmp_path: Path) -> SiteLinks:
    """A two-page site under /kb/: index.html and a/index.html with the anchors `x` (id) and `y` (name)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">x</h2><a name="y"></a><img src="../logo.png">')
    (tmp_path / "logo.png").write_bytes(b"")
    (tmp_path / "index.html").write_text("")
    return SiteLinks(tmp_path, "/kb/")


@pytest.mark.parametrize(
    "href",
    [
        "a/",
        "a",
        "a/#x",
        "./a/index.html#y",
        "/kb/a/#x",
        "/kb/",
        "#",
        "#__drawer",
        "https://other.example/z",
        "mailto:x@y",
    ],
)
def test_links_that_resolve(tiny: SiteLinks, href: str) -> None:
    (tiny.root / "index.html").write_text(f'<a href="{href}">l</a>')
    assert tiny.check() == []


@pytest.mark.parametrize(
    ("href", "problem"),
    [
        ("b/", "no such file b/"),
        ("a/#z", "no id “z” in a/index.html"),
        ("#x", "no id “x” in index.html"),
        ("/elsewhere/", "outside the site (not under /kb/)"),
        ("../", "outside the site (not under /kb/)"),
        ("/kb//", "empty path segment in /kb//"),
    ],
)
def test_links_that_do_not(tiny: SiteLinks, href: str, problem: str) -> None:
    (tiny.root / "index.html").write_text(f'<a href="{href}">l</a>')
    assert tiny.check() == [f"index.html: {href}: {problem}"]


def test_assets_are_checked_too(tiny: SiteLinks) -> None:
    (tiny.root / "logo.png").unlink()
    assert tiny.check() == ["a/index.html: ../logo.png: no such file logo.png"]


def test_references_cover_assets_srcset_and_refresh() -> None:
    html = (
        '<meta http-equiv="refresh" content="0; url=../new/"><link href="s.css"><script src="j.js"></script>'
        '<img srcset="a.png 1x, b.png 2x"><a>no link</a>'
    )
    assert sorted(references(BeautifulSoup(html, "html.parser"))) == ["../new/", "a.png", "b.png", "j.js", "s.css"]
