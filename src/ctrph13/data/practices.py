"""The catalogue of model practices and campaigns: one page per practice in each language.

The Vietnamese page's front matter holds the practice's data; the English page holds its ``id`` only, so the
facts are written once. Both pages must exist. Quotes must be verbatim passages of the clauses they cite.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctrph13.core.diagnostics import ContentError, Diagnostic
from ctrph13.core.markdown import escape
from ctrph13.data import values, yamldata
from ctrph13.data.program import Program, anchor_label
from ctrph13.data.responsibility import LEVEL_LABELS, Responsibilities, is_verbatim

PRACTICE_DIR = "mo-hinh"
KINDS: Mapping[str, Mapping[str, str]] = {
    "vi": {
        "self-managed-model": "Mô hình tự quản, tự phòng, tự bảo vệ, tự hòa giải",
        "campaign": "Cuộc vận động, phong trào thi đua",
        "annual-event": "Ngày hội hằng năm",
        "standard": "Tiêu chuẩn",
        "working-arrangement": "Cơ chế, chế độ làm việc",
    },
    "en": {
        "self-managed-model": "Self-management, self-prevention, self-protection and self-mediation model",
        "campaign": "Campaign or emulation movement",
        "annual-event": "Annual festival",
        "standard": "Standard",
        "working-arrangement": "Mechanism or working regime",
    },
}
STATUS = {
    "vi": {
        "named-in-program": "Được nêu trong chương trình",
        "local-example": "Mô hình thực tế ở địa phương (có nguồn)",
    },
    "en": {"named-in-program": "Named in the program", "local-example": "Local example (sourced)"},
}
WORDS = {
    "vi": {
        "kind": "Loại",
        "lead": "Chủ trì",
        "partners": "Tham gia",
        "level": "Cấp",
        "status": "Tình trạng",
        "quotes": "Chương trình viết",
        "related": "Liên quan",
        "none": "Không có",
        "by_org": "Theo cơ quan chủ trì",
        "by_kind": "Theo loại",
        "by_level": "Theo cấp",
    },
    "en": {
        "kind": "Kind",
        "lead": "Led by",
        "partners": "Taking part",
        "level": "Level",
        "status": "Status",
        "quotes": "What the program says",
        "related": "Related",
        "none": "None",
        "by_org": "By lead body",
        "by_kind": "By kind",
        "by_level": "By level",
    },
}


@dataclass(frozen=True)
class Quote:
    """A passage of the program about a practice, with its English rendering."""

    clause: str
    text_vi: str
    text_en: str


@dataclass(frozen=True)
class Practice:
    """A model, campaign, standard, annual event or working arrangement named by the program."""

    id: str
    title_vi: str
    title_en: str
    kind: str
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    level: tuple[str, ...]
    clauses: tuple[str, ...]
    related: tuple[str, ...]
    status: str
    sources: tuple[Mapping[str, str], ...]
    quotes: tuple[Quote, ...]

    def title(self, lang: str) -> str:
        """The title in ``lang``."""
        return self.title_vi if lang == "vi" else self.title_en


def _front_matter(path: Path, root: Path, schema_name: str) -> yamldata.Located:
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(root).as_posix()
    located = values.front_matter(text, rel, schema_name)
    if located is None:
        raise ContentError(
            [
                Diagnostic(
                    rel,
                    1,
                    1,
                    "the page has no front matter",
                    "start the page with the front matter of the template (templates/)",
                )
            ]
        )
    return located


def _pages(root: Path, lang: str) -> dict[str, Path]:
    folder = root / "docs" / lang / PRACTICE_DIR
    return {p.stem: p for p in sorted(folder.glob("*.md")) if p.name != "index.md"} if folder.is_dir() else {}


def _check_vi(
    located: yamldata.Located, stem: str, program: Program, resp: Responsibilities, known_ids: set[str]
) -> list[Diagnostic]:
    data: Mapping[str, Any] = located.data
    problems = []
    if data["id"] != stem:
        problems.append(
            located.diagnostic(
                ("id",),
                f"id {data['id']!r} does not match the file name {stem}.md",
                f"set id: {stem}, or rename the file (and its English twin)",
            )
        )
    anchors = set(program.anchor_ids())
    known = {"organizations": [org.id for org in resp.organizations], "clauses": anchors, "practices": known_ids}
    problems += values.references(located, "practice", known)
    for i, quote in enumerate(data["quotes"]):
        if quote["clause"] in anchors and not is_verbatim(quote["text_vi"], program.anchor_text(quote["clause"])):
            problems.append(
                located.diagnostic(
                    ("quotes", i, "text_vi"),
                    f"text_vi is not a verbatim passage of clause {quote['clause']}",
                    "copy the words exactly from the program text of that clause",
                )
            )
    return problems


def _practice(data: Mapping[str, Any]) -> Practice:
    return Practice(
        id=data["id"],
        title_vi=data["title_vi"],
        title_en=data["title_en"],
        kind=data["kind"],
        lead=tuple(data["lead"]),
        partners=tuple(data["partners"]),
        level=tuple(data["level"]),
        clauses=tuple(data["clauses"]),
        related=tuple(data["related"]),
        status=data["status"],
        sources=tuple(data["sources"]),
        quotes=tuple(Quote(**q) for q in data["quotes"]),
    )


def load(root: Path, program: Program, resp: Responsibilities) -> tuple[Practice, ...]:
    """Load and check every practice page of both languages; raise :class:`ContentError` listing all problems."""
    vi_pages, en_pages = _pages(root, "vi"), _pages(root, "en")
    problems: list[Diagnostic] = []
    practices: list[Practice] = []
    parsed: dict[str, yamldata.Located] = {}
    for stem, path in vi_pages.items():
        try:
            parsed[stem] = _front_matter(path, root, "practice")
        except ContentError as error:
            problems += error.diagnostics
    ids = set(vi_pages)  # every page's id is its file name; a broken page must not cascade into "unknown" errors
    for stem, located in parsed.items():
        problems += _check_vi(located, stem, program, resp, ids)
        practices.append(_practice(located.data))
    for stem, path in en_pages.items():
        try:
            located = _front_matter(path, root, "practice-en")
        except ContentError as error:
            problems += error.diagnostics
            continue
        if isinstance(located.data, dict) and located.data.get("id") not in (stem, None):
            problems.append(
                located.diagnostic(
                    ("id",), f"id {located.data['id']!r} does not match the file name", f"set id: {stem}"
                )
            )
    for stem in sorted(set(vi_pages) ^ set(en_pages)):
        lang, other = ("vi", "en") if stem in vi_pages else ("en", "vi")
        problems.append(
            Diagnostic(
                f"docs/{lang}/{PRACTICE_DIR}/{stem}.md",
                1,
                1,
                f"practice {stem!r} has no {'English' if other == 'en' else 'Vietnamese'} page",
                f"create docs/{other}/{PRACTICE_DIR}/{stem}.md (scripts/kb new-practice makes both)",
            )
        )
    if problems:
        raise ContentError(problems)
    return tuple(practices)


# --- Markdown -------------------------------------------------------------------------------------------------


def _orgs(ids: Sequence[str], resp: Responsibilities, lang: str, up: str) -> str:
    return (
        ", ".join(f"[{escape(resp.organization(i).name(lang))}]({up}to-chuc/{i}.md)" for i in ids)
        or WORDS[lang]["none"]
    )


def practice_markdown(practice: Practice, by_id: Mapping[str, Practice], resp: Responsibilities, lang: str) -> str:
    """Title, facts, what the program says (linked to the clauses) and related practices (``by_id``: the catalogue)."""
    w = WORDS[lang]
    up = "../"
    levels = ", ".join(escape(LEVEL_LABELS[lang][level]) for level in practice.level)
    lines = [f"# {escape(practice.title(lang))}", "", '<div class="kb-practice-facts" markdown>', ""]
    for name, value in (
        (w["kind"], escape(KINDS[lang][practice.kind])),
        (w["lead"], _orgs(practice.lead, resp, lang, up)),
        (w["partners"], _orgs(practice.partners, resp, lang, up)),
        (w["level"], levels),
        (w["status"], escape(STATUS[lang][practice.status])),
    ):
        lines += [name, f":   {value}", ""]
    lines += ["</div>", "", f"## {w['quotes']} {{ #trich-dan }}", ""]
    for quote in practice.quotes:
        link = f"[{escape(anchor_label(quote.clause, lang))}]({up}chuong-trinh.md#{quote.clause})"
        lines += [
            '<blockquote class="kb-quote" lang="vi" markdown>',
            "",
            f"“{escape(quote.text_vi)}”",
            "",
            "</blockquote>",
            "",
        ]
        if lang == "en":
            lines += [f"“{escape(quote.text_en)}” (unofficial translation)", ""]
        lines += [f"— {link}", ""]
    related = [f"- [{escape(by_id[r].title(lang))}]({r}.md)" for r in practice.related if r in by_id]
    lines += [f"## {w['related']} {{ #lien-quan }}", "", *(related or [w["none"] + "."]), ""]
    return "\n".join(lines)


def index_markdown(catalogue: Sequence[Practice], resp: Responsibilities, lang: str, up: str = "") -> str:
    """Static lists per facet (lead body, kind, level): a filter that works without script and on a phone."""
    w = WORDS[lang]

    def item(practice: Practice) -> str:
        return f"- [{escape(practice.title(lang))}]({up}{PRACTICE_DIR}/{practice.id}.md)"

    lines = [f"## {w['by_org']} {{ #theo-co-quan }}", ""]
    for org in resp.organizations:
        led = [p for p in catalogue if org.id in p.lead]
        if led:
            lines += [f"### {escape(org.name(lang))} {{ #co-quan-{org.id} }}", "", *map(item, led), ""]
    lines += [f"## {w['by_kind']} {{ #theo-loai }}", ""]
    for kind, label in KINDS[lang].items():
        found = [p for p in catalogue if p.kind == kind]
        if found:
            lines += [f"### {escape(label)} {{ #loai-{kind} }}", "", *map(item, found), ""]
    lines += [f"## {w['by_level']} {{ #theo-cap }}", ""]
    for level, label in LEVEL_LABELS[lang].items():
        found = [p for p in catalogue if level in p.level]
        if found:
            lines += [f"### {escape(label)} {{ #cap-{level} }}", "", *map(item, found), ""]
    return "\n".join(lines)


def export(catalogue: Sequence[Practice]) -> list[dict[str, Any]]:
    """``practices.json``: the front-matter fields plus the site-relative paths of both pages."""
    return [
        {
            "id": p.id,
            "title_vi": p.title_vi,
            "title_en": p.title_en,
            "kind": p.kind,
            "lead": list(p.lead),
            "partners": list(p.partners),
            "level": list(p.level),
            "clauses": list(p.clauses),
            "related": list(p.related),
            "status": p.status,
            "sources": [dict(s) for s in p.sources],
            "quotes": [{"clause": q.clause, "text_vi": q.text_vi, "text_en": q.text_en} for q in p.quotes],
            "url_vi": f"{PRACTICE_DIR}/{p.id}/",
            "url_en": f"en/{PRACTICE_DIR}/{p.id}/",
        }
        for p in catalogue
    ]


TEMPLATES = Path("templates")


def scaffold(
    root: Path, practice_id: str, kind: str, lead: Sequence[str], title_vi: str, title_en: str
) -> dict[str, str]:
    """Both pages of a new practice, filled from the commented templates in ``templates/``, keyed by language."""
    values = {
        "id": practice_id,
        "kind": kind,
        "lead": ", ".join(lead),
        "title_vi": _yaml_string(title_vi),
        "title_en": _yaml_string(title_en),
    }
    pages = {}
    for lang in ("vi", "en"):
        text = (root / TEMPLATES / f"practice.{lang}.md").read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        pages[lang] = text
    return pages


def scaffold_problems(
    root: Path, practice_id: str, kind: str, lead: Sequence[str], organizations: Sequence[str]
) -> list[Diagnostic]:
    """Why a new practice cannot be created with these arguments (empty when it can)."""
    target = f"docs/vi/{PRACTICE_DIR}/{practice_id}.md"
    problems = []
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", practice_id):
        problems.append(
            Diagnostic(
                target,
                1,
                1,
                f"invalid id {practice_id!r}",
                "use lower-case ASCII words joined by hyphens, e.g. mo-hinh-camera-an-ninh",
            )
        )
    elif (root / target).exists() or (root / "docs" / "en" / PRACTICE_DIR / f"{practice_id}.md").exists():
        problems.append(
            Diagnostic(
                target, 1, 1, f"practice {practice_id!r} already exists", "choose a new id, or edit the existing pages"
            )
        )
    if kind not in KINDS["vi"]:
        problems.append(Diagnostic(target, 1, 1, f"unknown kind {kind!r}", f"use one of: {', '.join(KINDS['vi'])}"))
    problems += [
        Diagnostic(
            "data/organizations.yaml", 1, 1, f"unknown organisation {org!r}", "use an id from data/organizations.yaml"
        )
        for org in lead
        if org not in organizations
    ]
    return problems


def _yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
