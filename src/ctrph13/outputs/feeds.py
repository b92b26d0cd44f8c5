"""Atom feeds (RFC 4287): one per organisation and one for the whole site, in each language.

Entries are the sourced later changes of ``data/changes.yaml`` that concern the organisation (its
``status_notes``), and the change-log entries whose ``affects`` names it (or, for the site's feed, every one).
Each entry's id is a stable ``tag:`` URI (RFC 4151) and its ``updated`` date comes from the data, never from the
build's clock or from git, so two builds give the same feed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from ctrph13.data.responsibility import Change, Organization, Responsibilities

FEED = "feed.xml"
PROGRAM_DATE = "2024-01-12"
TITLES = {
    "vi": {"site": "Thay đổi — Chương trình phối hợp số 13/CTrPH-CA-MTTQ", "change": "Thay đổi sau khi ký"},
    "en": {"site": "Changes — Coordination Program No. 13/CTrPH-CA-MTTQ", "change": "Changed since signature"},
}
AUTHOR = {"vi": "Trang tham khảo Chương trình phối hợp số 13 (không chính thức)", "en": "Program 13 reference site"}


@dataclass(frozen=True)
class Entry:
    """One feed entry: a stable id, a title, the date it concerns, the page it links to, and its text."""

    id: str
    title: str
    updated: str
    link: str
    summary: str


def tag(site_url: str, lang: str, kind: str, item: str) -> str:
    """A stable ``tag:`` id: the site's host, the program's date, and what the entry is."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},{PROGRAM_DATE}:ctrph13/{lang}/{kind}/{item}"


def _timestamp(date: str) -> str:
    return f"{date}T00:00:00Z"


def change_entries(changes: Iterable[Change], lang: str, site_url: str, link: str) -> list[Entry]:
    """The sourced later changes, as entries linking to ``link``."""
    return [
        Entry(
            tag(site_url, lang, "change", change.id),
            f"{TITLES[lang]['change']}: {change.date}",
            change.date,
            link,
            change.text_vi if lang == "vi" else change.text_en,
        )
        for change in changes
    ]


def changelog_entries(
    releases: Sequence[Mapping[str, Any]], lang: str, site_url: str, link: str, concerning: str | None = None
) -> list[Entry]:
    """The change-log entries (all, or those whose ``affects`` names ``concerning``), linking to ``link``."""
    found = []
    for release in releases:
        for index, change in enumerate(release["changes"]):
            if concerning is not None and concerning not in change.get("affects", ()):
                continue
            found.append(
                Entry(
                    tag(site_url, lang, "release", f"{release['version']}/{index + 1}"),
                    f"{release['version']}: {change[f'text_{lang}'][:80]}",
                    release["date"],
                    link,
                    change[f"text_{lang}"],
                )
            )
    return found


def atom(feed_id: str, title: str, self_url: str, page_url: str, lang: str, entries: Sequence[Entry]) -> str:
    """The Atom document: newest entry first; the feed's date is its newest entry's (the program's if none)."""
    ordered = sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)
    updated = ordered[0].updated if ordered else PROGRAM_DATE
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <id>{escape(feed_id)}</id>",
        f"  <title>{escape(title)}</title>",
        f"  <updated>{_timestamp(updated)}</updated>",
        f"  <author><name>{escape(AUTHOR[lang])}</name></author>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(self_url)}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(page_url)}/>',
    ]
    for entry in ordered:
        lines += [
            "  <entry>",
            f"    <id>{escape(entry.id)}</id>",
            f"    <title>{escape(entry.title)}</title>",
            f"    <updated>{_timestamp(entry.updated)}</updated>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(entry.link)}/>',
            f"    <summary>{escape(entry.summary)}</summary>",
            "  </entry>",
        ]
    return "\n".join([*lines, "</feed>", ""])


def organization_feed(
    resp: Responsibilities,
    org: Organization,
    releases: Sequence[Mapping[str, Any]],
    lang: str,
    root: str,
    site_url: str,
) -> str:
    """The feed of one organisation, under ``to-chuc/<id>/``; ``root`` is the language's absolute root (latest)."""
    page = f"{root}to-chuc/{org.id}/"
    entries = change_entries([resp.change(c) for c in org.status_notes], lang, site_url, page)
    entries += changelog_entries(releases, lang, site_url, page, concerning=org.id)
    return atom(tag(site_url, lang, "feed", org.id), org.name(lang), f"{page}{FEED}", page, lang, entries)


def site_feed(
    resp: Responsibilities, releases: Sequence[Mapping[str, Any]], lang: str, root: str, site_url: str
) -> str:
    """The feed of the whole site: every sourced later change and every change-log entry."""
    changes = change_entries(resp.changes, lang, site_url, f"{root}chuong-trinh/")
    log = changelog_entries(releases, lang, site_url, f"{root}nhat-ky-thay-doi/")
    return atom(tag(site_url, lang, "feed", "site"), TITLES[lang]["site"], f"{root}{FEED}", root, lang, changes + log)
