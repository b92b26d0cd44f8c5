"""Offline reading: once the worker is in, the program, the matrix, every organisation page and every page already
visited load without a connection, styled; an unvisited page does not. The worker comes only after `load`, when
the browser is idle, and never on file://.

Runs on a copy of the session's site. While the build does not write ``sw.js`` yet, the copy gets
``assets/offline.js`` on every page and a ``sw.js`` per language, written by ``ctrph13.offline`` from the real
pages and assets (``_integrate``); once it does, the build's own files are tested.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, BrowserContext, Error, Page
from tests.browserkit import serve
from tests.conftest import ROOT, Build

from ctrph13 import offline
from ctrph13.localserve import QuietHandler as _QuietHandler

pytestmark = pytest.mark.browser

OFFLINE_JS = ROOT / "overrides" / "assets" / "offline.js"
ENGLISH = "en/"
READY = "html[data-kb-offline=ready]"
PREFIX = "ctrph13-offline "
# A page neither precached nor visited in these tests: offline, it must fail.
UNVISITED = "gioi-thieu/"
# The page the timing test lands on; an image on it answers slowly, which holds `load` back.
SLOW_PAGE = "lich/"
SLOW_IMAGE = "assets/images/favicon.png?slow=1"
SLOW_SECONDS = 1.5
# Material's header takes the primary colour that kb.css sets (#8b1a1a): both stylesheets must have loaded.
HEADER_COLOUR = "rgb(139, 26, 26)"


@dataclass(frozen=True)
class OfflineSite:
    root: Path
    workers: dict[str, str] = field(default_factory=dict)  # language prefix -> sw.js text


def _page_urls(site_root: Path, skip: str | None) -> list[str]:
    """Every built page of one language site as MkDocs names it (``""``, ``chuong-trinh/``, ``404.html``)."""
    urls = []
    for file in sorted(site_root.rglob("*.html")):
        path = file.relative_to(site_root).as_posix()
        if skip and path.startswith(skip):
            continue
        urls.append(path.removesuffix("index.html"))
    return urls


def _add_script(site_root: Path, skip: str | None) -> None:
    """What ``extra_javascript: [assets/offline.js]`` will do: the script on every page, relative to it."""
    shutil.copy2(OFFLINE_JS, site_root / "assets" / "offline.js")
    for file in site_root.rglob("*.html"):
        path = file.relative_to(site_root).as_posix()
        if (skip and path.startswith(skip)) or path == "404.html":
            continue
        up = "../" * path.count("/")
        html = file.read_text(encoding="utf-8")
        file.write_text(html.replace("</body>", f'<script src="{up}assets/offline.js"></script></body>', 1))


def _integrate(root: Path) -> None:
    """Until the build does it: offline.js on every page and sw.js per language, from the real pages and assets."""
    _add_script(root, ENGLISH)
    _add_script(root / ENGLISH, None)
    offline.write_service_worker(root, _page_urls(root, ENGLISH), ENGLISH)
    offline.write_service_worker(root / ENGLISH, _page_urls(root / ENGLISH, None), None)


@pytest.fixture(scope="module")
def offline_site(site: Build, tmp_path_factory: pytest.TempPathFactory) -> OfflineSite:
    root = tmp_path_factory.mktemp("offline") / "site"
    shutil.copytree(site.site, root)
    if not (root / offline.WORKER_NAME).exists():
        _integrate(root)
    slow = root / SLOW_PAGE / "index.html"
    slow.write_text(
        slow.read_text(encoding="utf-8").replace("</body>", f'<img alt="" src="../{SLOW_IMAGE}"></body>', 1),
        encoding="utf-8",
    )
    workers = {lang: (root / lang / offline.WORKER_NAME).read_text(encoding="utf-8") for lang in ("", ENGLISH)}
    return OfflineSite(root, workers)


class _LoggingHandler(_QuietHandler):
    """Records when each request arrives (wall clock) and answers ``?slow=1`` late."""

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        self.server.requests.append((time.time(), self.path))  # type: ignore[attr-defined]
        if "slow=1" in self.path:
            time.sleep(SLOW_SECONDS)
        super().do_GET()


@pytest.fixture
def logged(offline_site: OfflineSite) -> Iterator[tuple[str, list[tuple[float, str]]]]:
    """The offline site on a server that logs its requests: base URL and the log."""
    handler = functools.partial(_LoggingHandler, directory=str(offline_site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.requests = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", server.requests  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    opened = browser.new_context(viewport={"width": 390, "height": 844})
    yield opened
    opened.close()


def _cache(page: Page, root_url: str) -> list[str]:
    """The URLs in the cache of the worker rooted at ``root_url`` (exactly one such cache)."""
    return page.evaluate(
        """async (prefix) => {
            const names = (await caches.keys()).filter((name) => name.startsWith(prefix)
                && !name.slice(prefix.length).includes(" "));
            if (names.length !== 1) return names.map((name) => "cache: " + name);
            const cache = await caches.open(names[0]);
            return (await cache.keys()).map((request) => request.url);
        }""",
        f"{PREFIX}{root_url} ",
    )


def _wait_cached(page: Page, root_url: str, url: str) -> None:
    deadline = time.monotonic() + 10
    while url not in _cache(page, root_url):
        assert time.monotonic() < deadline, f"{url} never reached the cache of {root_url}"
        page.wait_for_timeout(100)


def _heading(root: Path, path: str) -> str:
    """The page's first heading as built (what the reader must see offline)."""
    heading = BeautifulSoup((root / path / "index.html").read_text(encoding="utf-8"), "html.parser").find("h1")
    assert heading is not None, path
    return " ".join(heading.get_text().split())


def _assert_readable(page: Page, base: str, root: Path, path: str) -> None:
    response = page.goto(base + path)
    assert response is not None, path
    assert response.ok, path
    assert response.from_service_worker, f"{path} did not come from the worker"
    shown = " ".join((page.locator("h1").first.text_content() or "").split())
    assert shown == _heading(root, path), path
    colour = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert colour == HEADER_COLOUR, f"{path} is unstyled offline"


def _precache(worker: str) -> list[str]:
    match = re.search(r"^const PRECACHE = (\[.*?\]);$", worker, re.MULTILINE | re.DOTALL)
    assert match, worker
    return list(json.loads(match[1]))


def test_the_worker_is_generated_per_language(offline_site: OfflineSite) -> None:
    vi, en = offline_site.workers[""], offline_site.workers[ENGLISH]
    assert 'const EXCLUDE = "en/";' in vi
    assert "const EXCLUDE = null;" in en
    for text in (vi, en):
        urls = _precache(text)
        for url in ("./", "chuong-trinh/", "trach-nhiem/", "to-chuc/cong-an-tinh/", "assets/kb.css"):
            assert url in urls
        assert "assets/offline.js" in urls
        assert "thuat-ngu/" not in urls
        assert len([url for url in urls if url.startswith("to-chuc/")]) > 10
        assert not [url for url in urls if "//" in url or url.startswith(("/", "en/"))]
        assert "http" not in text.replace("https?", "")  # no other host, no CDN


@pytest.fixture
def served(offline_site: OfflineSite) -> Iterator[str]:
    server, url = serve(offline_site.root)
    yield url
    server.shutdown()
    server.server_close()


def test_pages_stay_readable_offline(context: BrowserContext, served: str, offline_site: OfflineSite) -> None:
    base = served
    page = context.new_page()
    page.goto(base)
    page.wait_for_selector(READY, state="attached", timeout=20_000)
    precached = _cache(page, base)
    for url in ("", "chuong-trinh/", "trach-nhiem/", "to-chuc/cong-an-tinh/", "assets/kb.css", "assets/offline.js"):
        assert base + url in precached, precached
    assert base + UNVISITED not in precached
    assert not [url for url in precached if url.startswith(base + ENGLISH)], "the Vietnamese worker kept en/"

    page.goto(f"{base}thuat-ngu/")
    _wait_cached(page, base, f"{base}thuat-ngu/")

    # The English worker, at its own root; the two caches live side by side.
    page.goto(f"{base}{ENGLISH}")
    page.wait_for_selector(READY, state="attached", timeout=20_000)
    assert f"{base}{ENGLISH}chuong-trinh/" in _cache(page, f"{base}{ENGLISH}")
    assert base + "chuong-trinh/" in _cache(page, base)

    context.set_offline(True)
    root = offline_site.root
    for path in ("chuong-trinh/", "trach-nhiem/", "to-chuc/cong-an-tinh/", "thuat-ngu/", f"{ENGLISH}chuong-trinh/"):
        _assert_readable(page, base, root, path)
    page.goto(f"{base}chuong-trinh/#iii-2-3")
    assert page.locator("#iii-2-3").is_visible()
    # Neither precached nor visited: the browser's own offline failure.
    with pytest.raises(Error, match=r"net::ERR_"):
        page.goto(f"{base}{UNVISITED}")


def test_the_worker_waits_for_load(context: BrowserContext, logged: tuple[str, list[tuple[float, str]]]) -> None:
    base, requests = logged
    context.add_init_script(
        """window.__kb = { calls: [] };
        addEventListener("load", () => { window.__kb.loadAt = Date.now(); });
        const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
            window.__kb.calls.push({ at: Date.now(), afterLoad: "loadAt" in window.__kb });
            return register.apply(this, args);
        };"""
    )
    page = context.new_page()
    page.goto(f"{base}{SLOW_PAGE}")
    page.wait_for_selector(READY, state="attached", timeout=20_000)
    seen = page.evaluate("window.__kb")
    start = page.evaluate("performance.timeOrigin")
    load_at = seen["loadAt"]
    assert load_at - start >= SLOW_SECONDS * 1000 * 0.9, "the slow image did not hold load back"
    assert [call["afterLoad"] for call in seen["calls"]] == [True], seen
    worker = [at for at, path in requests if path == "/sw.js"]
    assert worker, requests
    assert min(worker) * 1000 >= load_at - 50, "sw.js was requested before load"
    precache = [at for at, path in requests if path.startswith(("/to-chuc/", "/trach-nhiem/", "/chuong-trinh/"))]
    assert precache, "nothing was precached"
    assert min(precache) * 1000 >= load_at - 50, "the precache was downloaded before load"
    # The page the reader landed on, loaded before the worker existed, is kept too.
    _wait_cached(page, base, f"{base}{SLOW_PAGE}")


def test_no_worker_on_file_urls(context: BrowserContext, offline_site: OfflineSite) -> None:
    context.add_init_script(
        """window.__kbCalls = 0;
        if (navigator.serviceWorker) {
            const register = ServiceWorkerContainer.prototype.register;
            ServiceWorkerContainer.prototype.register = function (...args) {
                window.__kbCalls += 1;
                return register.apply(this, args);
            };
        }"""
    )
    page = context.new_page()
    page.goto((offline_site.root / "chuong-trinh" / "index.html").as_uri())
    page.wait_for_load_state("load")
    # Past the idle callback offline.js would have queued at load.
    page.evaluate("new Promise((done) => requestIdleCallback(() => setTimeout(done, 200)))")
    assert page.locator("html").get_attribute("data-kb-offline") == "unsupported"
    assert page.evaluate("window.__kbCalls") == 0
