"""Atom feeds (RFC 4287) per organisation and for the site, in both languages, read as a feed reader reads them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from tests.conftest import Build

from ctrph13.adapter.state import feed_files
from ctrph13.checks.validate import validate_all

FEEDS = ["feed.xml", "en/feed.xml", "to-chuc/cong-an-huyen/feed.xml", "en/to-chuc/cong-an-huyen/feed.xml"]
TAG = re.compile(r"^tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:\S+$")


@pytest.mark.parametrize("path", FEEDS)
def test_each_feed_is_valid_atom_with_what_rfc_4287_requires(site: Build, path: str) -> None:
    parsed = feedparser.parse((site.site / path).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = parsed.feed
    assert TAG.match(feed.id) and feed.title and feed.updated_parsed and feed.author
    assert any(link.rel == "self" for link in feed.links)
    assert parsed.entries, "every feed here has entries: the sourced changes, or the change log"
    for entry in parsed.entries:
        assert TAG.match(entry.id), entry.id
        assert entry.title and entry.updated_parsed and entry.summary
        assert entry.link.startswith("https://example.org/ctrph13/")


def test_an_organisation_feed_holds_its_sourced_changes_dated_from_the_data(site: Build) -> None:
    parsed = feedparser.parse((site.site / "to-chuc/cong-an-huyen/feed.xml").read_bytes())
    ids = [entry.id for entry in parsed.entries]
    assert ids == [
        "tag:example.org,2024-01-12:ctrph13/vi/change/chinh-quyen-hai-cap-2025",
        "tag:example.org,2024-01-12:ctrph13/vi/change/cong-an-hai-cap-2025",
    ]
    assert [entry.updated for entry in parsed.entries] == ["2025-07-01T00:00:00Z", "2025-03-01T00:00:00Z"]


@pytest.mark.parametrize(("prefix", "words"), [("", "Theo dõi thay đổi (Atom)"), ("en/", "Follow the changes (Atom)")])
def test_the_organisation_page_offers_its_feed(site: Build, prefix: str, words: str) -> None:
    page = site.page(f"{prefix}to-chuc/cong-an-huyen/")
    feed = f"https://example.org/ctrph13/{prefix}to-chuc/cong-an-huyen/feed.xml"
    # rel holds "alternate" (autodiscovery), and not alone: Material fetches a sitemap beside each rel=alternate.
    head = page.select_one('link[rel~="alternate"][type="application/atom+xml"]')
    assert head is not None and head["href"] == feed and head["rel"] == ["alternate", "feed"]
    visible = page.select_one(".kb-follow a")
    assert visible is not None and visible["href"] == feed and visible.get_text() == words
    assert visible.find_parent(attrs={"data-editorial": True}) is not None


def test_a_change_log_entry_reaches_the_feeds_it_affects(project: Path) -> None:
    log = project / "data" / "changelog.yaml"
    text = log.read_text(encoding="utf-8")
    marker = "      - type: minor\n"
    assert marker in text
    log.write_text(text.replace(marker, marker + "        affects: [cong-an-tinh, iii-2]\n", 1), encoding="utf-8")
    site, problems = validate_all(project)
    assert site is not None and not problems, problems
    files = feed_files(site, "en", "https://example.org/ctrph13/en/")
    police = feedparser.parse(files["to-chuc/cong-an-tinh/feed.xml"])
    ids = [e.id for e in police.entries]
    assert "tag:example.org,2024-01-12:ctrph13/en/release/2024.2/2" in ids  # the change-log entry (2nd of 2024.2)
    assert not any("/release/" in i for i in ids if not i.endswith("2024.2/2")), ids  # and no other
    assert not feedparser.parse(files["to-chuc/cong-an-huyen/feed.xml"]).bozo


def test_affects_names_only_what_exists(project: Path) -> None:
    log = project / "data" / "changelog.yaml"
    text = log.read_text(encoding="utf-8")
    marker = "      - type: minor\n"
    log.write_text(text.replace(marker, marker + "        affects: [khong-co]\n", 1), encoding="utf-8")
    line = text[: text.index(marker)].count("\n") + 2
    result = subprocess.run(
        [sys.executable, "-m", "ctrph13", "--root", str(project), "check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert f"data/changelog.yaml:{line}:19: unknown organisation, clause or practice 'khong-co'" in (result.stderr), (
        result.stderr
    )
