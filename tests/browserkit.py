"""Headless Chromium (Debian's package, driven by Playwright) against the built site served on loopback.

``serve`` is :func:`ctrph13.localserve.serve`, shared with the benchmarks.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from tests.conftest import Build

from ctrph13.localserve import serve

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


@pytest.fixture(scope="session")
def gzip_url(site: Build) -> Iterator[str]:
    server, url = serve(site.site, gzip_encoding=True)
    yield url
    server.shutdown()
