"""Fixtures of the quality gates: the real site and a deliberately broken copy, each served at its host path."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import Build
from tests.gates.sitekit import build_broken, served


@pytest.fixture(scope="session")
def site_url(site: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site (the session's one build), served at its host path, e.g. ``http://127.0.0.1:8123/ctrph13/``."""
    with served(site.site, tmp_path_factory.mktemp("mount")) as url:
        yield url


@pytest.fixture(scope="session")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A copy of the project with one defect per gate (``sitekit.DEFECTS``), built once for every negative test."""
    return build_broken(tmp_path_factory.mktemp("broken"))


@pytest.fixture(scope="session")
def broken_url(broken: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served(broken.site, tmp_path_factory.mktemp("mount-broken")) as url:
        yield url
