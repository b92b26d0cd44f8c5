"""Offline reading on phones: a small, hand-written service worker per language site, and the reader's consent.

Each language site gets ``sw.js`` at its own root (``sw.js`` for Vietnamese, ``en/sw.js`` for English; under a
versioned deploy ``<version>/sw.js`` and ``en/<version>/sw.js``), registered by ``assets/offline.js`` with a path
relative to the page, after ``load``, when the browser is idle, and only over http(s); and ``offline.json`` beside
it, which lists what a saved copy holds and what each file weighs.

Nothing heavy is downloaded behind a reader's back (issue 16):

- the worker **downloads nothing when it installs**. It keeps every successful same-origin GET under its root
  (status 200, not redirected) that the reader makes anyway, so every page read stays readable offline; the page
  a reader landed on before the worker existed is copied from the browser's HTTP cache (``force-cache``), not
  fetched again;
- **automatic saving** (``offline.json`` ``auto``: the home page, the program and the files they load, at most
  :data:`AUTO_BUDGET` bytes gzip) happens only where the browser says the connection is fast and the reader has
  not asked to save data (``navigator.connection``); where the browser does not say (Safari, Firefox), nothing is
  saved automatically. Files the page has already loaded come from the HTTP cache, not the network;
- **a full copy** (``full``: also the responsibility matrix, every organisation page and the files they load) is
  saved only when the reader asks, with the control on the program page, which shows the size and the progress.

The worker serves ``assets/…`` **cache first** (a new build has a new cache, see below) and everything else under
its root (pages, search shards, open data) **network first**, falling back to the cache only when the network
fails, so a reader online always gets the current page. Its cache is named ``ctrph13-offline <root URL> <build
id>``; ``offline.js`` writes saved copies into the same cache. On ``activate`` the worker deletes the other caches
of the *same root* only (caches are shared by the whole origin, and the English worker's root lies under the
Vietnamese one's).

Scope rule: the Vietnamese worker's scope (``/``) also covers ``/en/``, where the English worker lives. The worker
of the primary language is built with ``exclude_prefix="en/"`` and leaves every request under ``en/`` (and ``en``
itself) to the browser: it neither answers nor stores it. A browser picks the worker with the longest matching
scope for a navigation, so once ``/en/sw.js`` is registered it controls the English pages; before that, the
Vietnamese worker lets them through untouched. Under a versioned deploy the two roots do not nest at all.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

WORKER_NAME = "sw.js"
LIST_NAME = "offline.json"
HOME = "./"
PROGRAM = "chuong-trinh/"
MATRIX = "trach-nhiem/"
ORGANISATIONS = "to-chuc/"
BUILD_ID_LENGTH = 16
# What may be saved without the reader asking, on a fast connection: gzip bytes (issue 16).
AUTO_BUDGET = 150 * 1024
AUTO_PAGES = (HOME, PROGRAM)
# Elements whose URL a page needs to display (attribute, and for <link> the rel values that count).
ASSET_RELS = frozenset({"stylesheet", "icon", "preload", "modulepreload"})


def _site_relative(url: str) -> str:
    """A URL relative to the site root, without a leading ``./`` (the root itself is ``./``).

    Raises:
        ValueError: The URL names a host, is absolute, or leaves the site root.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/"):
        raise ValueError(f"{url!r} is not relative to the site root: the offline cache holds this site's files only")
    path = url
    while path.startswith("./"):
        path = path[2:]
    if path in {"", "."}:
        return HOME
    if path == ".." or path.startswith("../") or "/../" in path:
        raise ValueError(f"{url!r} points outside the site root")
    return path


def is_offline_page(page_url: str) -> bool:
    """Whether a page (MkDocs ``page.url``, directory URLs) is kept for offline reading from the first visit.

    Args:
        page_url: The page's URL relative to its language root, e.g. ``""``, ``chuong-trinh/``,
            ``to-chuc/cong-an-tinh/``.

    Returns:
        True for the home page, the program, the matrix and every organisation page (exactly one level under
        ``to-chuc/``).
    """
    url = _site_relative(page_url)
    if url in {HOME, PROGRAM, MATRIX}:
        return True
    rest = url.removeprefix(ORGANISATIONS)
    return rest != url and rest.endswith("/") and rest.count("/") == 1 and rest != "/"


def precache_urls(page_urls: Iterable[str], asset_urls: Iterable[str]) -> list[str]:
    """The URLs of a saved copy: the offline pages among ``page_urls`` and ``asset_urls``.

    Args:
        page_urls: Every page of the language site (MkDocs ``page.url``: ``""``, ``chuong-trinh/``, …).
        asset_urls: The CSS, JS and images those pages load, relative to the site root (``assets/kb.css``).

    Returns:
        Site-relative URLs (the home page as ``./``), sorted and unique.

    Raises:
        ValueError: A URL names another host or leaves the site root.
    """
    pages = {_site_relative(url) for url in page_urls if is_offline_page(url)}
    return sorted(pages | {_site_relative(url) for url in asset_urls})


def build_id(parts: Iterable[bytes]) -> str:
    """A short stable hash of ``parts`` (each length-prefixed, so the split between parts counts).

    Args:
        parts: What the cache depends on, e.g. the precache list and the content of every precached file.

    Returns:
        16 hexadecimal digits.
    """
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()[:BUILD_ID_LENGTH]


# The worker's source, a real script beside this module (linted and read as JavaScript); __BUILD__ and
# __EXCLUDE__ are filled in per build.
WORKER_SOURCE = Path(__file__).with_name("sw.js")


def service_worker(build_id: str, exclude_prefix: str | None) -> str:
    """The source of ``sw.js`` for one language site (the same text for the same arguments).

    Args:
        build_id: Identifies this build's content (:func:`build_id`); part of the cache's name.
        exclude_prefix: A path under the root that the worker must leave alone (``"en/"`` for the primary
            language, whose root contains the English site), or ``None``.

    Returns:
        The JavaScript source.

    Raises:
        ValueError: ``build_id`` is empty, or ``exclude_prefix`` is not site-relative.
    """
    if not build_id:
        raise ValueError("a service worker needs a build id: its cache is named after it")
    exclude = None if exclude_prefix is None else _site_relative(exclude_prefix).rstrip("/") + "/"
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    return source.replace("__BUILD__", json.dumps(build_id)).replace("__EXCLUDE__", json.dumps(exclude))


class _AssetParser(HTMLParser):
    """Collects the URLs of stylesheets, scripts, icons and images in a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and ASSET_RELS & set((values.get("rel") or "").lower().split()):
            self._add(values.get("href"))
        elif tag in {"script", "img"}:
            self._add(values.get("src"))

    def _add(self, url: str | None) -> None:
        if url:
            self.urls.append(url)


def page_assets(html: str, page_url: str) -> set[str]:
    """The site's own files a page loads (stylesheets, scripts, icons, images), relative to the site root.

    Args:
        html: The built page.
        page_url: Its URL relative to the site root (``chuong-trinh/``; ``""`` or ``./`` for the home page).

    Returns:
        Site-relative URLs; absolute, other-host, ``data:`` and outside-the-root references are left out.
    """
    parser = _AssetParser()
    parser.feed(html)
    folder = posixpath.dirname(_site_relative(page_url).removeprefix(HOME))
    found = set()
    for url in parser.urls:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or parts.path.startswith("/") or not parts.path:
            continue
        path = posixpath.normpath(posixpath.join(folder, parts.path))
        if path.startswith("../") or path in {"..", "."}:
            continue
        found.add(path + (f"?{parts.query}" if parts.query else ""))
    return found


def file_of(url: str) -> str:
    """The file that serves a site-relative URL (``chuong-trinh/`` -> ``chuong-trinh/index.html``)."""
    path = _site_relative(url).removeprefix(HOME).split("?", 1)[0]
    return f"{path}index.html" if path.endswith("/") or not path else path


def saved_copy(site_dir: Path, page_urls: Iterable[str]) -> dict[str, object]:
    """What ``offline.json`` says: the build id, the automatic and the full copy, and each file's gzip size.

    Args:
        site_dir: The language site's output folder (``site`` or ``site/en``).
        page_urls: Every page of that site (MkDocs ``page.url`` or ``File.url``).

    Returns:
        ``{"build": id, "auto": [urls], "full": [urls], "size": {url: gzip bytes}}``; the build id covers the full
        list and every file in it, so any change of content gives a new cache.

    Raises:
        ValueError: The automatic copy weighs more than :data:`AUTO_BUDGET`.
    """
    pages = precache_urls(page_urls, [])

    def with_assets(chosen: Iterable[str]) -> list[str]:
        chosen = list(chosen)
        assets = {asset for page in chosen for asset in page_assets(_read(site_dir, page).decode("utf-8"), page)}
        return precache_urls(chosen, assets)

    full = with_assets(pages)
    auto = with_assets(page for page in pages if page in AUTO_PAGES)
    contents = {url: _read(site_dir, url) for url in full}
    size = {url: len(gzip.compress(data, mtime=0)) for url, data in contents.items()}
    auto_bytes = sum(size[url] for url in auto)
    if auto_bytes > AUTO_BUDGET:
        raise ValueError(f"the automatic offline copy weighs {auto_bytes} bytes gzip, over {AUTO_BUDGET}")
    parts = ["\n".join(full).encode(), *contents.values()]
    return {"build": build_id(parts), "auto": auto, "full": full, "size": size}


def write_service_worker(site_dir: Path, page_urls: Iterable[str], exclude_prefix: str | None) -> Path:
    """Write ``sw.js`` and ``offline.json`` at the root of a built language site.

    Args:
        site_dir: The language site's output folder (``site`` or ``site/en``).
        page_urls: Every page of that site (MkDocs ``page.url`` or ``File.url``).
        exclude_prefix: See :func:`service_worker`.

    Returns:
        The path of the worker written.
    """
    copy = saved_copy(site_dir, page_urls)
    (site_dir / LIST_NAME).write_text(json.dumps(copy, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    target = site_dir / WORKER_NAME
    target.write_text(service_worker(str(copy["build"]), exclude_prefix), encoding="utf-8")
    return target


def _read(site_dir: Path, url: str) -> bytes:
    return (site_dir / file_of(url)).read_bytes()
