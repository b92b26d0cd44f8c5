"""Markdown for the responsibility pages: matrix, organisation pages, theme pages, schedule and change notes.

Text from data files is escaped for Markdown (:func:`ctrph13.pages.fulltext.escape`) or for HTML attributes
(:func:`html.escape`); links are written as ``.md`` paths so that MkDocs resolves them for any URL style.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence

from ctrph13.core.markdown import escape
from ctrph13.data.program import anchor_label
from ctrph13.data.responsibility import (
    LEVEL_LABELS,
    ROLE_LABELS,
    ROLE_SHORT,
    ROLES,
    Change,
    Duty,
    Organization,
    Responsibilities,
)

ORG_DIR = "to-chuc"
THEME_DIR = "chu-de"
PROGRAM_PAGE = "chuong-trinh.md"
RECURRENCE_LABELS = {
    "vi": {
        "monthly": "1 tháng 1 lần",
        "every-3-months": "3 tháng 1 lần",
        "every-6-months": "6 tháng 1 lần",
        "yearly": "Hằng năm",
        "once": "Một lần",
    },
    "en": {
        "monthly": "Every month",
        "every-3-months": "Every 3 months",
        "every-6-months": "Every 6 months",
        "yearly": "Every year",
        "once": "Once",
    },
}
INTERVAL_MONTHS = {"monthly": 1, "every-3-months": 3, "every-6-months": 6}
WORDS = {
    "vi": {
        "org": "Cơ quan, tổ chức",
        "changed": "Có thay đổi sau khi ký",
        "duties": "Nhiệm vụ theo chương trình",
        "meetings": "Cuộc họp, hoạt động định kỳ",
        "changes": "Thay đổi sau khi ký",
        "none": "Không có.",
        "level": "Cấp",
        "source": "Nguồn",
        "quote": "Nguyên văn",
        "practices": "Mô hình, phong trào chủ trì",
        "as_signed": "Chương trình được đăng như khi ký ngày 12/01/2024.",
        "condition": "Điều kiện",
        "frequency": "Tần suất",
        "basis": "Căn cứ",
        "attends": "dự",
        "holds": "chủ trì",
        "every_year": "Hằng năm",
        "milestones": "Mốc thời gian",
        "recurring": "Định kỳ",
    },
    "en": {
        "org": "Body",
        "changed": "Changed since signature",
        "duties": "Duties under the program",
        "meetings": "Meetings and recurring activities",
        "changes": "Changes after signature",
        "none": "None.",
        "level": "Level",
        "source": "Source",
        "quote": "Exact words",
        "practices": "Practices it leads",
        "as_signed": "The program is published as it was signed on 12 January 2024.",
        "condition": "Condition",
        "frequency": "Frequency",
        "basis": "Basis",
        "attends": "attends",
        "holds": "holds",
        "every_year": "Every year",
        "milestones": "Milestones",
        "recurring": "Recurring",
    },
}


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def clause_link(clause: str, lang: str, up: str) -> str:
    """A Markdown link to a clause of the program page."""
    return f"[{escape(anchor_label(clause, lang))}]({up}{PROGRAM_PAGE}#{clause})"


def change_list(changes: Sequence[Change], lang: str) -> str:
    """Markdown list of changes with their date and sources (editorial text)."""
    items = []
    for change in changes:
        sources = "; ".join(
            ", ".join(
                escape(part)
                for part in (s.get("publisher", ""), f"“{s['title']}”" if s.get("title") else "", s.get("date", ""))
                if part
            )
            for s in change.sources
        )
        text = change.text_vi if lang == "vi" else change.text_en
        items.append(f"- {escape(text)} ({sources})")
    return "\n".join(items)


def changes_banner(resp: Responsibilities, lang: str) -> str:
    """The short banner on the program page: as signed, what changed since, when (editorial)."""
    title = WORDS[lang]["changes"]
    unknown = {
        "vi": "Chưa rõ chương trình đã được sửa đổi hay thay thế sau các thay đổi này.",
        "en": "It is not known whether the program was amended or replaced after these changes.",
    }[lang]
    body = "\n".join(
        f"    {line}"
        for line in f"{escape(WORDS[lang]['as_signed'])}\n\n{change_list(resp.changes, lang)}\n\n{unknown}".split("\n")
    )
    return f'<div data-editorial markdown>\n\n!!! warning "{title}"\n\n{body}\n\n</div>\n'


def _cell(duties: Sequence[Duty], org: Organization, theme_id: str, lang: str, up: str) -> str:
    parts = []
    for role in ROLES:
        count = sum(1 for d in duties if d.role == role)
        if count:
            short = ROLE_SHORT[lang][role] + (f" {count}" if count > 1 else "")
            title = f"{ROLE_LABELS[lang][role]}: {count}"
            parts.append(
                f'[<span class="kb-role kb-role--{role}">{escape(short)}</span>]'
                f'({up}{ORG_DIR}/{org.id}.md#chu-de-{theme_id} "{_attr(title)}")'
            )
    return " ".join(parts)


def role_legend(lang: str) -> str:
    """What the short role codes in the matrix mean."""
    # Raw HTML (the paragraph carries data-editorial), so HTML-escape rather than Markdown-escape.
    return " ".join(
        f'<span class="kb-role kb-role--{role}">{html.escape(ROLE_SHORT[lang][role])}</span> '
        f"{html.escape(ROLE_LABELS[lang][role])}"
        for role in ROLES
    )


def matrix_markdown(resp: Responsibilities, lang: str, up: str = "") -> str:
    """Organisations as rows, themes as columns; each cell gives the roles and links to the duties behind them."""
    themes = [t for t in resp.themes if any(theme_id == t.id for d in resp.duties for theme_id in d.themes)]
    head = "".join(
        f'<th scope="col" markdown="span">[{escape(t.label(lang))}]({up}{THEME_DIR}/{t.id}.md)</th>' for t in themes
    )
    rows = []
    for org in resp.organizations:
        duties = resp.duties_of(org.id)
        if not duties:
            continue
        changed = (
            f' <span class="kb-changed" data-editorial title="{_attr(WORDS[lang]["changed"])}">2025</span>'
            if org.status_notes
            else ""
        )
        cells = "".join(
            f'<td data-label="{_attr(t.label(lang))}" markdown="span">'
            f"{_cell([d for d in duties if t.id in d.themes], org, t.id, lang, up)}</td>"
            for t in themes
        )
        rows.append(
            f'<tr markdown><th scope="row" markdown="span">[{escape(org.name(lang))}]({up}{ORG_DIR}/{org.id}.md)'
            f"{changed}</th>{cells}</tr>"
        )
    return (
        f'<p class="kb-legend" data-editorial>{role_legend(lang)}</p>\n\n'
        f'<div class="kb-matrix-wrap" markdown>\n<table class="kb-matrix" markdown>\n<thead markdown><tr markdown>'
        f'<th scope="col">{WORDS[lang]["org"]}</th>{head}</tr></thead>\n<tbody markdown>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>\n</div>\n"
    )


def _duty(duty: Duty, lang: str, up: str) -> str:
    summary = duty.summary_vi if lang == "vi" else duty.summary_en
    return (
        f'<div class="kb-duty" id="{duty.id}" markdown>\n\n'
        f'<span class="kb-role kb-role--{duty.role}">{escape(ROLE_LABELS[lang][duty.role])}</span> '
        f"{escape(summary)}\n\n"
        f'<blockquote class="kb-quote" lang="vi" markdown>\n\n“{escape(duty.quote_vi)}”\n\n</blockquote>\n\n'
        f"{WORDS[lang]['source']}: {clause_link(duty.clause, lang, up)}\n\n</div>"
    )


def _short(duty: Duty, lang: str, words: int = 8) -> str:
    summary = (duty.summary_vi if lang == "vi" else duty.summary_en).split()
    return " ".join(summary[:words]) + ("…" if len(summary) > words else "")


def _meeting_lines(resp: Responsibilities, org_id: str, lang: str, up: str) -> Iterator[str]:
    for entry in resp.meetings_of(org_id):
        role = WORDS[lang]["holds"] if entry.organization == org_id else WORDS[lang]["attends"]
        yield (
            f"- {escape(entry.title(lang))} ({escape(role)}; "
            f"{escape(RECURRENCE_LABELS[lang][entry.recurrence])}) — {clause_link(entry.clause, lang, up)}"
        )


def organization_markdown(
    resp: Responsibilities, org: Organization, lang: str, practices: Sequence[tuple[str, str]] = ()
) -> str:
    """The page "what the program asks of us" for one organisation; prints as a one-sheet duty list."""
    up = "../"
    w = WORDS[lang]
    lines = [f"# {escape(org.name(lang))}", "", f"{w['level']}: {escape(LEVEL_LABELS[lang][org.level])}", ""]
    if org.status_notes:
        notes = change_list([resp.change(c) for c in org.status_notes], lang)
        indented = "\n".join(f"    {line}" for line in notes.split("\n"))
        lines += [f'<div data-editorial markdown>\n\n!!! warning "{w["changes"]}"\n\n{indented}\n\n</div>', ""]
    lines += [f"## {w['duties']} {{ #nhiem-vu }}", ""]
    duties = resp.duties_of(org.id)
    see_also = {"vi": "Xem thêm", "en": "See also"}[lang]
    for theme in resp.themes:
        # A duty is shown once, under its first theme; its other themes link to it.
        primary = [d for d in duties if d.themes[0] == theme.id]
        secondary = [d for d in duties if theme.id in d.themes[1:]]
        if not primary and not secondary:
            continue
        lines += [f"### {escape(theme.label(lang))} {{ #chu-de-{theme.id} }}", ""]
        lines += [_duty(d, lang, up) + "\n" for d in primary]
        if secondary:
            links = "; ".join(f"[{escape(_short(d, lang))}](#{d.id})" for d in secondary)
            lines += [f"{see_also}: {links}", ""]
    meetings = list(_meeting_lines(resp, org.id, lang, up))
    lines += [f"## {w['meetings']} {{ #lich }}", "", *(meetings or [w["none"]]), ""]
    lines += [f"## {w['practices']} {{ #mo-hinh }}", ""]
    lines += [f"- [{escape(title)}](../mo-hinh/{pid}.md)" for pid, title in practices] or [w["none"]]
    return "\n".join(lines) + "\n"


def theme_markdown(resp: Responsibilities, theme_id: str, lang: str) -> str:
    """All duties of one theme, grouped by organisation."""
    theme = resp.theme(theme_id)
    lines = [
        f"# {escape(theme.label(lang))}",
        "",
        escape(theme.description_vi if lang == "vi" else theme.description_en),
        "",
    ]
    for org in resp.organizations:
        duties = [d for d in resp.duties_of(org.id) if theme_id in d.themes]
        if duties:
            lines += [f"## [{escape(org.name(lang))}](../{ORG_DIR}/{org.id}.md)", ""]
            lines += [_duty(d, lang, "../").replace(f'id="{d.id}"', f'id="{theme_id}-{d.id}"') + "\n" for d in duties]
    return "\n".join(lines) + "\n"


def organizations_index(resp: Responsibilities, lang: str, up: str = "") -> str:
    """Bodies grouped by level, each with its number of duties."""
    lines = []
    for level in ("tinh", "huyen", "xa"):
        orgs = [o for o in resp.organizations if o.level == level]
        if orgs:
            lines += [f"### {escape(LEVEL_LABELS[lang][level])}", ""]
            lines += [
                f"- [{escape(o.name(lang))}]({up}{ORG_DIR}/{o.id}.md) ({len(resp.duties_of(o.id))})" for o in orgs
            ]
            lines.append("")
    return "\n".join(lines)


def schedule_markdown(resp: Responsibilities, lang: str, up: str = "") -> str:
    """Recurring meetings and activities, and the milestones 2023-2033 with their conditions."""
    w = WORDS[lang]
    rows = [f"| {w['org']} | {w['frequency']} | {w['basis']} |", "| --- | --- | --- |"]
    for entry in resp.schedule:
        if entry.recurrence == "once":
            continue
        when = RECURRENCE_LABELS[lang][entry.recurrence]
        if entry.month_day:
            month, day = entry.month_day.split("-")
            when += f" ({int(day)}/{int(month)})"
        changed = any(
            resp.organization(o).status_notes and resp.organization(o).level == "huyen"
            for o in ([entry.organization] if entry.organization else [])
        )
        flag = f' <span class="kb-changed" data-editorial title="{_attr(w["changed"])}">2025</span>' if changed else ""
        rows.append(f"| {escape(entry.title(lang))}{flag} | {escape(when)} | {clause_link(entry.clause, lang, up)} |")
    lines = [f"## {w['recurring']} {{ #dinh-ky }}", "", *rows, "", f"## {w['milestones']} {{ #moc }}", ""]
    yearly = [e for e in resp.schedule if e.recurrence == "yearly"]
    for year in range(2023, 2034):
        events = [e for e in resp.schedule if e.year == year]
        items = [
            escape(e.title(lang))
            + (
                f" — {w['condition']}: {escape((e.condition_vi if lang == 'vi' else e.condition_en) or '')}"
                if e.condition_vi
                else ""
            )
            + f" ({clause_link(e.clause, lang, up)})"
            for e in events
        ]
        if year == 2024:
            items.insert(
                0, escape({"vi": "Ký chương trình (12/01/2024)", "en": "Program signed (12 January 2024)"}[lang])
            )
        lines.append(f"- **{year}**" + (": " + "; ".join(items) if items else ""))
    lines += ["", f"{w['every_year']}: " + "; ".join(escape(e.title(lang)) for e in yearly), ""]
    return '<div class="kb-schedule" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def calendar_builder(resp: Responsibilities, lang: str, site_url: str) -> str:
    """The form of the in-browser calendar builder (assets/calendar.js makes the .ics)."""
    labels = {
        "vi": ("Cơ quan, cuộc họp", "Ngày họp đầu tiên", "Lặp đến ngày", "Tải tệp lịch (.ics)"),
        "en": ("Body and meeting", "Date of the first meeting", "Repeat until", "Download calendar file (.ics)"),
    }[lang]
    options = []
    for entry in resp.schedule:
        if entry.recurrence not in INTERVAL_MONTHS:
            continue
        description = f"{anchor_label(entry.clause, lang)}: {entry.quote_vi}"
        options.append(
            f'<option value="{_attr(entry.id)}" data-interval="{INTERVAL_MONTHS[entry.recurrence]}" '
            f'data-title="{_attr(entry.title(lang))}" data-description="{_attr(description)}" '
            f'data-url="{_attr(site_url + "chuong-trinh/#" + entry.clause)}">{html.escape(entry.title(lang))}</option>'
        )
    prodid = f"-//ctrph13//calendar builder//{lang.upper()}"
    return (
        f'<form class="kb-calendar-builder" data-lang="{lang}" data-prodid="{prodid}" data-until="2033-12-31" '
        f'data-editorial>\n<p><label for="kb-cal-body">{labels[0]}</label><br>\n'
        f'<select id="kb-cal-body" name="body">\n' + "\n".join(options) + "\n</select></p>\n"
        f'<p><label for="kb-cal-start">{labels[1]}</label><br>\n'
        f'<input type="date" id="kb-cal-start" name="start" required></p>\n'
        f'<p><label for="kb-cal-until">{labels[2]}</label><br>\n'
        f'<input type="date" id="kb-cal-until" name="until" value="2033-12-31" required></p>\n'
        f'<p><button type="submit" class="md-button md-button--primary">{labels[3]}</button></p>\n'
        f'<p class="kb-calendar-status" role="status" aria-live="polite"></p>\n</form>\n'
    )
