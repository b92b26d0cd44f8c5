"""Headless Chromium (Debian's package, driven by Playwright) against the built site served on loopback."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from tests.conftest import Build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def serve(directory: Path, gzip_encoding: bool = False) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on a free loopback port (gzip-compressed if asked); returns the server and its base URL."""
    handler = functools.partial(_GzipHandler if gzip_encoding else _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def base_url(site: Build) -> Iterator[str]:
    server, url = serve(site.site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # A missing browser is a failure, never a skip: CI installs Debian's chromium (.ci/run, `make browser`).
    assert Path(CHROMIUM).exists(), "chromium is not installed: run `make browser` (Debian package chromium)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


class _GzipHandler(_QuietHandler):
    """Serves files gzip-compressed when the browser accepts it, as a real host does."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".csv")

    def send_head(self) -> io.BytesIO | object:  # the base class returns a file object or None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not wants or path.suffix not in self.COMPRESSIBLE or not path.is_file():
            return super().send_head()
        if self.path.split("?")[0].endswith("/") is False and (Path(self.translate_path(self.path))).is_dir():
            return super().send_head()  # let the base class redirect "dir" to "dir/"
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="session")
def gzip_url(site: Build) -> Iterator[str]:
    server, url = serve(site.site, gzip_encoding=True)
    yield url
    server.shutdown()
