"""Synthetic corpora for benchmarks: a complete copy of the project, grown to N times the real site.

The copy grows the way the real site would: more practice pages (``mo-hinh/synthetic-<n>.md``), more registered
documents (entries of ``data/documents.yaml``, each with its generated page) and many articles
(``bai-viet/synthetic-<n>.md``, listed on ``bai-viet/index.md``). Nothing is added to the navigation: every new
page is reached from an index page, as thousands of navigation entries would make every page carry the whole tree.

The prose is recombined from the real texts (the program and its translation, the duty summaries, the theme
descriptions and the practice descriptions), so that words and phrases occur across pages with realistic
frequencies. Places are numbered ("ấp 7, xã 12" / "Hamlet 7, Commune 12"): clearly synthetic, never a real name.
Every synthetic page and document says it is synthetic, and everything generated passes the project's checks.

Sizes are measured, not assumed: a page is a page of the built site in one language (generated document,
organisation and theme pages included, English-only developer pages excluded); its words are the words of its
Markdown once markers are expanded, markup left out (:func:`count_words`). Generation is seeded: the same scale
gives the same files.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ctrph13.citations import check as citecheck
from ctrph13.core.i18n import ENGLISH_ONLY_PREFIX, LANGUAGES
from ctrph13.core.markdown import escape
from ctrph13.core.mdfile import FRONT_MATTER_RE, body_start_line, front_matter_title
from ctrph13.data.practices import PRACTICE_DIR, Practice
from ctrph13.data.program import Kind
from ctrph13.data.registry import REGISTRY_PATH, Document, Registry, format_date
from ctrph13.data.site import Site, load_site
from ctrph13.pages import documents
from ctrph13.pages.documents import Mention
from ctrph13.pages.markers import expand_markers, generated_pages

PROJECT_PARTS = ("mkdocs.yml", "mkdocs.en.yml", "docs", "data", "hooks", "overrides", "templates")
DOCS = Path("docs")
ARTICLE_DIR = "bai-viet"
INDEX = "index.md"
SEED = "ctrph13-corpus"
LANGS = tuple(LANGUAGES)  # ("vi", "en")
PRACTICE_SOURCE = {"source_vi": "Dữ liệu tổng hợp để đo hiệu năng", "source_en": "Synthetic benchmark data"}
DOCUMENT_SOURCE = {"source_vi": "Dữ liệu tổng hợp", "source_en": "Synthetic data"}
COMMUNES = 60  # synthetic places: "xã 1" ... "xã 60", each with "ấp 1" ... "ấp 12"
HAMLETS = 12
YEARS = (2024, 2025)
# Words an article adds to other pages: its title on the index and on the pages of the documents it cites.
ARTICLE_LINK_WORDS = 30

Docs = tuple[frozenset[str], frozenset[str]]  # ids of the documents a text cites, in Vietnamese and in English
NO_DOCS: Docs = (frozenset(), frozenset())


@dataclass(frozen=True)
class CorpusStats:
    """Size of a project as a reader sees it: pages and words per language, and what the data holds.

    Attributes:
        pages: Pages per language (``vi``, ``en``), generated pages included, developer pages excluded.
        words: Words per language on those pages.
        practices: Practice pages (``mo-hinh/<id>.md``, index excluded).
        documents: Registered documents (each has a generated page).
        articles: Articles (``bai-viet/<id>.md``, index excluded).
        scale: The scale the project was generated at (1 for the real site).
        real: The real site's counts, for a generated corpus; ``None`` for the real site itself.
    """

    pages: Mapping[str, int]
    words: Mapping[str, int]
    practices: int
    documents: int
    articles: int
    scale: int = 1
    real: CorpusStats | None = None

    def ratio(self, what: str, lang: str) -> float:
        """``pages`` or ``words`` of ``lang``, divided by the real site's (1.0 for the real site)."""
        real = self.real or self
        mine: Mapping[str, int] = getattr(self, what)
        theirs: Mapping[str, int] = getattr(real, what)
        return mine[lang] / theirs[lang]


# --- Measuring ------------------------------------------------------------------------------------------------

_MARKUP_RE = re.compile(r"<!--.*?-->|<[^>\n]*>|\{[^{}\n]*\}|\]\([^)\s]*\)", re.DOTALL)
_WORD_RE = re.compile(r"[^\W_]+")


def count_words(markdown: str) -> int:
    """Words of Markdown as a reader sees them: front matter, tags, comments, attribute lists and URLs left out."""
    match = FRONT_MATTER_RE.match(markdown)
    body = markdown[match.end() :] if match else markdown
    return len(_WORD_RE.findall(_MARKUP_RE.sub(" ", body)))


def _source_pages(root: Path, lang: str) -> Iterator[tuple[str, str]]:
    """``(path under docs/<lang>, source)`` of every reader page of one language."""
    folder = root / DOCS / lang
    for path in sorted(folder.rglob("*.md")):
        src = path.relative_to(folder).as_posix()
        if not src.startswith(ENGLISH_ONLY_PREFIX):
            yield src, path.read_text(encoding="utf-8")


def mentions(site: Site, lang: str) -> list[Mention]:
    """Where each registered document is cited in one language (the program's clauses and every page)."""
    return documents.mentions(site.root, lang, site.program, site.texts(lang), site.registry)


def reader_pages(site: Site, lang: str, found: Iterable[Mention] | None = None) -> dict[str, str]:
    """Every page of one language as Markdown with its markers expanded, keyed by path under ``docs/<lang>``.

    Args:
        site: The loaded project (its ``root`` holds the pages).
        lang: ``vi`` or ``en``.
        found: Where documents are cited, when already known; by default every page is scanned.
    """
    pages: dict[str, str] = {}
    titles: dict[str, str] = {}
    for src, source in _source_pages(site.root, lang):
        titles[src] = front_matter_title(source)
        match = FRONT_MATTER_RE.match(source)
        body = source[match.end() :] if match else source
        pages[src] = expand_markers(body, site, lang, f"docs/{lang}/{src}", body_start_line(source))
    return pages | generated_pages(site, lang, titles, found)


def page_words(site: Site, found: Mapping[str, Iterable[Mention]] | None = None) -> dict[str, dict[str, int]]:
    """Words of every page, per language and page path (``found``: mentions per language, if known)."""
    return {
        lang: {
            src: count_words(text)
            for src, text in reader_pages(site, lang, None if found is None else found[lang]).items()
        }
        for lang in LANGS
    }


def stats_of(words: Mapping[str, Mapping[str, int]], site: Site, scale: int = 1) -> CorpusStats:
    """Counts of a project from the words of its pages."""
    articles = [src for src in words[LANGS[0]] if src.startswith(f"{ARTICLE_DIR}/") and src != f"{ARTICLE_DIR}/{INDEX}"]
    return CorpusStats(
        pages={lang: len(words[lang]) for lang in LANGS},
        words={lang: sum(words[lang].values()) for lang in LANGS},
        practices=len(site.practices),
        documents=len(site.registry.documents),
        articles=len(articles),
        scale=scale,
    )


def real_stats(root: Path) -> CorpusStats:
    """Pages and words per language of the project at ``root``, read and measured from scratch."""
    site = load_site(root)
    return stats_of(page_words(site), site)


def seeded(*parts: object) -> random.Random:
    """A generator seeded by ``parts``: the same parts always give the same draws."""
    return random.Random("-".join(map(str, (SEED, *parts))))  # noqa: S311 - reproducible data, not secrets


# --- Real text, recombined ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """The same passage in Vietnamese and English, with its words and the documents it cites in each."""

    vi: str
    en: str
    vi_words: int
    en_words: int
    docs: Docs = NO_DOCS

    def text(self, lang: str) -> str:
        """The passage in ``lang``."""
        return self.vi if lang == "vi" else self.en


def pair(vi: str, en: str, docs: Docs = NO_DOCS) -> Pair:
    """A :class:`Pair` of the two texts, with their word counts."""
    return Pair(vi, en, count_words(vi), count_words(en), docs)


def joined(units: Sequence[Pair]) -> Pair:
    """Passages joined into one paragraph in each language."""
    docs = (frozenset().union(*(u.docs[0] for u in units)), frozenset().union(*(u.docs[1] for u in units)))
    return pair(" ".join(u.vi for u in units), " ".join(u.en for u in units), docs)


def cited(text: str, registry: Registry) -> frozenset[str]:
    """Ids of the registered documents that ``text`` cites."""
    return frozenset(f.document.id for f in citecheck.findings(text, registry) if f.document is not None)


def with_docs(unit: Pair, registry: Registry) -> Pair:
    """``unit`` with the documents it cites in each language."""
    return replace(unit, docs=(cited(unit.vi, registry), cited(unit.en, registry)))


_SENTENCE_END_RE = re.compile(r"(?<!\bNo)(?<!\bno)[.!?]\s+")
_ENUMERATOR_RE = re.compile(r"^(?:\d{1,2}\.|[-+•]|[a-zđ]\))\s+")
_UNSAFE_RE = re.compile(r"[<>|`*_\[\]{}#\\]|kb:")
_PROSE_KINDS = frozenset({Kind.PREAMBLE, Kind.INTRO, Kind.CLAUSE, Kind.CLAUSE_BODY, Kind.BULLET})


def sentences(text: str) -> list[str]:
    """``text`` split after each full stop (or ! ?) that a capital letter follows; "No. 07" is not an end."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        following = text[match.end() : match.end() + 2].lstrip("“\"'(")
        if following[:1].isupper():
            parts.append(text[start : match.end()])
            start = match.end()
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def tidy(text: str) -> str:
    """One line, without a leading "1." or "-", starting with a capital and ending with a full stop."""
    line = _ENUMERATOR_RE.sub("", " ".join(text.split())).rstrip(" ;:,")
    if not line.endswith((".", "!", "?")):
        line += "."
    return line[:1].upper() + line[1:]


def aligned(vi: str, en: str) -> list[Pair]:
    """Sentence pairs of a passage and its translation when both have as many sentences, else the passage."""
    vi_parts, en_parts = sentences(vi), sentences(en)
    if len(vi_parts) != len(en_parts):
        vi_parts, en_parts = [vi], [en]
    return [pair(tidy(v), tidy(e)) for v, e in zip(vi_parts, en_parts, strict=True)]


def cites_cleanly(text: str, registry: Registry) -> bool:
    """Whether every citation in ``text`` resolves to a registered document without a problem."""
    return all(finding.document is not None and not finding.problems for finding in citecheck.findings(text, registry))


def usable(unit: Pair, registry: Registry) -> bool:
    """Whether a passage can go into any paragraph: no markup, valid citations on its own, four words at least.

    Passages end with a full stop and citations never run across one, so a passage that cites cleanly on its own
    cites cleanly among others (a replaced document is cited only beside "thay thế" / "replaces").
    """
    return (
        min(unit.vi_words, unit.en_words) >= 4
        and not any(_UNSAFE_RE.search(text) for text in (unit.vi, unit.en))
        and all(cites_cleanly(text, registry) for text in (unit.vi, unit.en))
    )


def _description(source: str) -> str:
    """The prose paragraphs of a practice page, on one line: no front matter, marker or admonition."""
    match = FRONT_MATTER_RE.match(source)
    body = source[match.end() :] if match else source
    blocks = [block.strip() for block in re.split(r"\n[ \t]*\n", body)]
    return " ".join(" ".join(b.split()) for b in blocks if b and not b.startswith(("<!--", "!!!", "    ", "\t")))


def practice_bodies(root: Path, registry: Registry) -> dict[str, Pair]:
    """The description under ``<!-- kb:practice -->`` of every real practice, in both languages."""
    found: dict[str, Pair] = {}
    for path in sorted((root / DOCS / LANGS[0] / PRACTICE_DIR).glob("*.md")):
        if path.name != INDEX:
            vi, en = (
                _description((root / DOCS / lang / PRACTICE_DIR / path.name).read_text("utf-8")) for lang in LANGS
            )
            found[path.stem] = with_docs(pair(vi, en), registry)
    return found


# Sentences about numbered places, in the program's words; {a} is a hamlet, {x} a commune, {y} a year.
LOCAL_SENTENCES: tuple[tuple[str, str], ...] = (
    (
        "Ban Công tác Mặt trận ấp {a} phối hợp với Công an xã {x} tuyên truyền phong trào toàn dân bảo vệ ANTQ "
        "đến từng hộ gia đình.",
        "The Front Work Board of Hamlet {a} works with the Commune {x} Police to bring the all-people movement to "
        "protect national security to every household.",
    ),
    (
        "Chi hội Người cao tuổi ấp {a} tham gia xây dựng mô hình tự quản, tự phòng, tự bảo vệ, tự hòa giải về an "
        "ninh, trật tự ở khu dân cư.",
        "The Association of the Elderly branch of Hamlet {a} takes part in building self-management, "
        "self-prevention, self-protection and self-mediation models on security and order in the residential area.",
    ),
    (
        "Cán bộ, đảng viên, đoàn viên, hội viên ở ấp {a} được quán triệt Chỉ thị số 09-CT/TW ngày 01/12/2011 của "
        "Ban Bí thư.",
        "Officials, Party members, union members and association members in Hamlet {a} were briefed on Directive "
        "No. 09-CT/TW of 1 December 2011 of the Secretariat.",
    ),
    (
        "Xã {x} tổ chức “Ngày hội toàn dân bảo vệ ANTQ” năm {y} tại ấp {a}.",
        "Commune {x} held the “All-People Festival to Protect National Security” of {y} in Hamlet {a}.",
    ),
    (
        "Hội Liên hiệp Phụ nữ xã {x} vận động hội viên ở ấp {a} thực hiện cuộc vận động “5 không, 3 sạch”.",
        "The Women's Union of Commune {x} encourages its members in Hamlet {a} to follow the “5 no's, 3 cleans” "
        "campaign.",
    ),
    (
        "Các vụ việc, mâu thuẫn trong nội bộ Nhân dân ở ấp {a} được hòa giải ngay tại cơ sở.",
        "Disputes among the People in Hamlet {a} are mediated at the grassroots as soon as they arise.",
    ),
    (
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã {x} sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc năm {y}.",
        "The Vietnam Fatherland Front Committee of Commune {x} held a preliminary review of the all-people movement to "
        "protect national security in {y}.",
    ),
    (
        "Đoàn viên thanh niên ấp {a} tham gia tuần tra, giữ gìn an ninh, trật tự và an toàn giao thông.",
        "Youth Union members in Hamlet {a} take part in patrols to keep security, order and traffic safety.",
    ),
)
HEADINGS: tuple[tuple[str, str], ...] = (
    ("Tình hình an ninh, trật tự", "The security and order situation"),
    ("Công tác phối hợp", "Coordination"),
    ("Kết quả thực hiện", "Results"),
    ("Khó khăn, hạn chế", "Difficulties and shortcomings"),
    ("Bài học kinh nghiệm", "Lessons learned"),
    ("Phương hướng, nhiệm vụ thời gian tới", "Tasks for the coming period"),
)


@dataclass(frozen=True)
class Material:
    """What synthetic prose is made of: real passages, sentences about numbered places, section headings."""

    pool: tuple[Pair, ...]
    local: tuple[Pair, ...]  # with {a}, {x} and {y} still to fill in
    headings: tuple[tuple[str, str], ...]
    descriptions: Mapping[str, Pair]

    def plain(self, units: Sequence[Pair]) -> list[Pair]:
        """Those of ``units`` that cite no document (as the real practices' own words mostly do not)."""
        return [unit for unit in units if unit.docs == NO_DOCS]


def material(site: Site) -> Material:
    """Every usable real passage, in a fixed order, with the rest of the material."""
    registry = site.registry
    units: list[Pair] = []
    for block in site.program.blocks:
        if block.kind in _PROSE_KINDS:
            units += aligned(block.text, site.translation.texts[block.id])
    units += [pair(tidy(d.summary_vi), tidy(d.summary_en)) for d in site.responsibilities.duties]
    units += [pair(tidy(t.description_vi), tidy(t.description_en)) for t in site.responsibilities.themes]
    descriptions = practice_bodies(site.root, registry)
    for body in descriptions.values():
        units += aligned(body.vi, body.en)
    pool = tuple(with_docs(unit, registry) for unit in units if usable(unit, registry))
    local = tuple(with_docs(pair(vi, en), registry) for vi, en in LOCAL_SENTENCES)
    headings = HEADINGS + tuple((t.label_vi, t.label_en) for t in site.responsibilities.themes)
    return Material(pool, local, headings, descriptions)


def place(lang: str, hamlet: int, commune: int) -> str:
    """A numbered place: "ấp 7, xã 12" / "Hamlet 7, Commune 12"."""
    return f"ấp {hamlet}, xã {commune}" if lang == "vi" else f"Hamlet {hamlet}, Commune {commune}"


def local_sentence(template: Pair, hamlet: int, commune: int, year: int) -> Pair:
    """One of the sentences about numbered places (:data:`LOCAL_SENTENCES`), about this place and year."""
    values = {"a": hamlet, "x": commune, "y": year}
    return pair(template.vi.format(**values), template.en.format(**values), template.docs)


@dataclass
class Draft:
    """Words written so far in each language, towards a target, and the passages used."""

    want: tuple[int, int]
    vi: int = 0
    en: int = 0
    used: list[Pair] = field(default_factory=list)

    def add(self, unit: Pair) -> Pair:
        """Count ``unit`` as written; return it."""
        self.vi, self.en = self.vi + unit.vi_words, self.en + unit.en_words
        self.used.append(unit)
        return unit

    def done(self) -> bool:
        """Whether both languages have reached their targets."""
        return self.vi >= self.want[0] and self.en >= self.want[1]

    def pick(self, rng: random.Random, pool: Sequence[Pair]) -> Pair:
        """Add a random passage not used yet: of three candidates, the one that keeps both languages most even."""
        candidates = [rng.choice(pool) for _ in range(3)]
        fresh = [unit for unit in candidates if unit not in self.used] or candidates
        return self.add(min(fresh, key=self._imbalance))

    def _imbalance(self, unit: Pair) -> float:
        vi = (self.vi + unit.vi_words) / max(self.want[0], 1)
        return abs(vi - (self.en + unit.en_words) / max(self.want[1], 1))

    def docs(self) -> Docs:
        """The documents cited by everything written, in each language."""
        return joined(self.used).docs if self.used else NO_DOCS


def paragraph(rng: random.Random, pool: Sequence[Pair], draft: Draft, lead: Pair | None = None) -> Pair:
    """Two to four passages (after ``lead``, if any), fewer once the draft is long enough."""
    units = [draft.add(lead)] if lead is not None else []
    for _ in range(rng.randint(2, 4)):
        if units and draft.done():
            break
        units.append(draft.pick(rng, pool))
    return joined(units)


Section = tuple[tuple[str, str], Sequence[Pair]]


def sections_markdown(sections: Sequence[Section], lang: str) -> str:
    """``## Heading { #h-<n> }`` sections of paragraphs, in ``lang``."""
    index = LANGS.index(lang)
    out = []
    for number, (heading, blocks) in enumerate(sections, start=1):
        out.append(f"## {heading[index]} {{ #h-{number} }}\n\n")
        out += [f"{block.text(lang)}\n\n" for block in blocks]
    return "".join(out).rstrip("\n") + "\n"


def _yaml(value: str) -> str:
    """A YAML scalar for ``value`` (a JSON string is a YAML string)."""
    return json.dumps(value, ensure_ascii=False)


def front_matter(fields: Iterable[tuple[str, str]]) -> str:
    """A YAML front matter block of already-rendered values (a value starting with a line break is a block)."""
    lines = [f"{key}:{value}" if value.startswith("\n") else f"{key}: {value}" for key, value in fields]
    return "---\n" + "".join(f"{line}\n" for line in lines) + "---\n"


@dataclass(frozen=True)
class Page:
    """A synthetic page in both languages, and the documents each language cites."""

    path: str  # under docs/<lang>/
    texts: Mapping[str, str]
    docs: Docs

    def mentions(self, lang: str) -> list[Mention]:
        """Where this page cites documents in ``lang``, as the document pages list them."""
        return [Mention(doc_id, self.path, None, "") for doc_id in sorted(self.docs[LANGS.index(lang)])]


# --- Synthetic documents --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentKind:
    """A kind of local document: its words, number suffix, issuer and subject (``{x}`` commune, ``{y}`` year)."""

    kind_vi: str
    kind_en: str
    suffix: str
    issuer_vi: str
    issuer_en: str
    title_vi: str
    title_en: str


DOCUMENT_KINDS: tuple[DocumentKind, ...] = (
    DocumentKind(
        "Kế hoạch",
        "Plan",
        "KH-UBND",
        "Ủy ban nhân dân xã {x}",
        "the People's Committee of Commune {x}",
        "Triển khai phong trào toàn dân bảo vệ an ninh Tổ quốc trên địa bàn xã {x} năm {y}",
        "Implementing the all-people movement to protect national security in Commune {x} in {y}",
    ),
    DocumentKind(
        "Hướng dẫn",
        "Guidance",
        "HD-MTTQ",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã {x}",
        "the Standing Board of the Vietnam Fatherland Front Committee of Commune {x}",
        "Xây dựng mô hình tự quản, tự phòng, tự bảo vệ, tự hòa giải về an ninh, trật tự ở xã {x} năm {y}",
        "Building self-managed security models in Commune {x} in {y}",
    ),
    DocumentKind(
        "Báo cáo",
        "Report",
        "BC-CAX",
        "Công an xã {x}",
        "the Police of Commune {x}",
        "Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc ở xã {x} năm {y}",
        "Results of the all-people movement to protect national security in Commune {x} in {y}",
    ),
)


@dataclass(frozen=True)
class SyntheticDocument:
    """A local document that exists only in the synthetic corpus, and the commune that issued it."""

    commune: int
    document: Document


def synthetic_document(serial: int) -> SyntheticDocument:
    """Synthetic document ``serial`` (1, 2, ...): a plan, guidance or report of a numbered commune."""
    rng = seeded("document", serial)
    kind = DOCUMENT_KINDS[serial % len(DOCUMENT_KINDS)]
    commune = rng.randint(1, COMMUNES)
    first = dt.date(YEARS[0], 1, 1)
    date = first + dt.timedelta(days=rng.randint(0, (dt.date(YEARS[-1], 12, 31) - first).days))
    values = {"x": commune, "y": date.year}
    document = Document(
        id=f"synthetic-doc-{serial}",
        kind_vi=kind.kind_vi,
        kind_en=kind.kind_en,
        number=f"{serial}/{kind.suffix}",
        date=date,
        issuer_vi=kind.issuer_vi.format(**values),
        issuer_en=kind.issuer_en.format(**values),
        title_vi=kind.title_vi.format(**values),
        title_en=kind.title_en.format(**values),
        status="in-force",
        status_as_of=None,
        status_basis_vi="Văn bản tổng hợp để đo hiệu năng, không có thật.",
        status_basis_en="A synthetic document for benchmarks; it does not exist.",
        replaced_by=None,
        relations=(),
        issuer_forms=(),
        sources=({"facts": ["number"], **DOCUMENT_SOURCE},),
        unknown=("official_url",),
        url=None,
        line=0,
    )
    return SyntheticDocument(commune, document)


def citation(doc: Document, lang: str) -> str:
    """A full citation of ``doc``, as the registry checks it: "Kế hoạch số 12/KH-UBND ngày 03/02/2025 của ..."."""
    if doc.date is None:
        raise ValueError(f"{doc.id} has no date")
    if lang == "vi":
        return f"{doc.kind_vi} số {doc.number} ngày {format_date(doc.date, 'vi')} của {doc.issuer_vi}"
    return f"{doc.kind_en} No. {doc.number} of {format_date(doc.date, 'en')} of {doc.issuer_en}"


def registry_entry(doc: Document) -> str:
    """The entry of ``doc`` for ``data/documents.yaml``, laid out as the file's entries are."""
    source = doc.sources[0]
    fields = [
        ("kind_vi", _yaml(doc.kind_vi)),
        ("kind_en", _yaml(doc.kind_en)),
        ("number", doc.number),
        ("date", doc.date.isoformat() if doc.date else ""),
        ("issuer_vi", _yaml(doc.issuer_vi)),
        ("issuer_en", _yaml(doc.issuer_en)),
        ("title_vi", _yaml(doc.title_vi)),
        ("title_en", _yaml(doc.title_en)),
        ("status", doc.status),
        ("status_basis_vi", _yaml(doc.status_basis_vi)),
        ("status_basis_en", _yaml(doc.status_basis_en)),
        ("relations", "[]"),
        ("sources", ""),
    ]
    lines = [f"  - id: {doc.id}", *(f"    {key}:{' ' if value else ''}{value}" for key, value in fields)]
    names = f"source_vi: {_yaml(source['source_vi'])}, source_en: {_yaml(source['source_en'])}"
    lines.append(f"      - {{facts: [{', '.join(source['facts'])}], {names}}}")
    lines.append(f"    unknown: [{', '.join(doc.unknown)}]")
    return "\n".join(lines) + "\n"


# --- Synthetic practices --------------------------------------------------------------------------------------


def practice_id(serial: int) -> str:
    """Id (and file name) of a synthetic practice."""
    return f"synthetic-{serial}"


def practice_place(serial: int) -> tuple[int, int]:
    """Hamlet and commune of synthetic practice ``serial``."""
    rng = seeded("practice-place", serial)
    return rng.randint(1, HAMLETS), rng.randint(1, COMMUNES)


def synthetic_practice(serial: int, base: Practice) -> Practice:
    """Synthetic practice ``serial``: the real practice ``base`` (kind, bodies, clauses, quotes) at a hamlet."""
    hamlet, commune = practice_place(serial)
    return replace(
        base,
        id=practice_id(serial),
        title_vi=f"{base.title_vi[:1].upper()}{base.title_vi[1:]} ở {place('vi', hamlet, commune)}",
        title_en=f"{base.title_en} in {place('en', hamlet, commune)}",
        level=("ap",),
        related=(base.id, *([practice_id(serial - 1)] if serial > 1 else [])),
        status="local-example",
        sources=(PRACTICE_SOURCE,),
    )


def practice_front_matter(practice: Practice) -> str:
    """The Vietnamese page's front matter: every field of ``practice``."""
    source = practice.sources[0]
    quotes = "".join(
        f"\n  - clause: {q.clause}\n    text_vi: {_yaml(q.text_vi)}\n    text_en: {_yaml(q.text_en)}"
        for q in practice.quotes
    )
    return front_matter(
        [
            ("id", practice.id),
            ("title_vi", _yaml(practice.title_vi)),
            ("title_en", _yaml(practice.title_en)),
            ("kind", practice.kind),
            *((name, f"[{', '.join(getattr(practice, name))}]") for name in ("lead", "partners", "level", "clauses")),
            ("related", f"[{', '.join(practice.related)}]"),
            ("status", practice.status),
            ("sources", f"\n  - {{source_vi: {_yaml(source['source_vi'])}, source_en: {_yaml(source['source_en'])}}}"),
            ("quotes", quotes or "[]"),
        ]
    )


PRACTICE_NOTICE = {
    "vi": "_Mô hình tổng hợp để đo hiệu năng: địa danh và nội dung không có thật._",
    "en": "_A synthetic practice for benchmarks: its places and contents are not real._",
}


def practice_page(serial: int, base: Practice, stock: Material, registry: Registry) -> tuple[Practice, Page]:
    """Synthetic practice ``serial`` and its pages: ``base``'s description, how it works, what it did.

    Only the description may cite a document, as on the real pages: a document page lists a practice page that
    cites it without a title (practice pages have ``title_vi``, not ``title``), so citations are not multiplied.
    """
    practice = synthetic_practice(serial, base)
    description = stock.descriptions[base.id]
    rng = seeded("practice", serial)
    draft = Draft((0, 0))
    local = rng.choice(stock.plain(stock.local))
    sections: list[Section] = [
        (HEADINGS[1], [paragraph(rng, stock.plain(stock.pool), draft)]),
        (HEADINGS[2], [draft.add(local_sentence(local, *practice_place(serial), YEARS[-1]))]),
    ]
    head = practice_front_matter(practice)
    texts = {
        lang: (head if lang == "vi" else front_matter([("id", practice.id)]))
        + f"\n<!-- kb:practice -->\n\n{PRACTICE_NOTICE[lang]}\n\n{description.text(lang)}\n\n"
        + sections_markdown(sections, lang)
        for lang in LANGS
    }
    body = joined([description, *draft.used])
    quoted = cited(head, registry)  # the front matter (titles, quotes) is scanned for citations too
    return practice, Page(f"{PRACTICE_DIR}/{practice.id}.md", texts, (body.docs[0] | quoted, body.docs[1]))


# --- Synthetic articles ---------------------------------------------------------------------------------------


TITLES: tuple[tuple[str, str], ...] = (
    ("{theme_vi} ở {place_vi}", "{theme_en} in {place_en}"),
    (
        "{Place_vi} đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc",
        "{place_en} steps up the all-people movement to protect national security",
    ),
    (
        "Xã {x} sơ kết phong trào toàn dân bảo vệ ANTQ năm {y}",
        "Commune {x} holds a preliminary review of the all-people movement to protect national security in {y}",
    ),
)
INTROS: tuple[tuple[str, str], ...] = (
    (
        "Thực hiện {cite_vi}, {place_vi} đã triển khai nhiều hoạt động trong phong trào toàn dân bảo vệ an ninh "
        "Tổ quốc.",
        "In implementation of {cite_en}, {place_en} has carried out many activities in the all-people movement to "
        "protect national security.",
    ),
    (
        "Theo {cite_vi}, năm {y} {place_vi} tập trung xây dựng phong trào toàn dân bảo vệ ANTQ gắn với các cuộc "
        "vận động, phong trào thi đua ở cơ sở.",
        "Under {cite_en}, in {y} {place_en} focused on building the all-people movement to protect national "
        "security together with the grassroots campaigns and emulation movements.",
    ),
)
SECOND_CITATION = (
    "{cite_vi} đã được quán triệt đến cán bộ, đảng viên, đoàn viên, hội viên ở {place_vi}.",
    "{cite_en} was disseminated to officials, Party members, union members and association members in {place_en}.",
)
ARTICLE_NOTICE = pair(
    "_Bài viết tổng hợp để đo hiệu năng: địa danh và nội dung không có thật._",
    "_A synthetic article for benchmarks: its places and contents are not real._",
)


@dataclass(frozen=True)
class Article:
    """A synthetic article: its pages, title and commune (for the index)."""

    page: Page
    title: Pair
    commune: int


@dataclass(frozen=True)
class ArticleInputs:
    """What an article is made of: the material, the documents it cites, a practice to link, its word targets."""

    stock: Material
    cites: Sequence[SyntheticDocument]
    practice: Practice | None
    words: tuple[int, int]


def _intro(rng: random.Random, cites: Sequence[SyntheticDocument], values: Mapping[str, object]) -> Pair:
    """The opening: what the place did under the first document, and who was briefed on the others."""
    first, *others = (item.document for item in cites)
    vi, en = rng.choice(INTROS)
    texts = [(vi.format(**values, cite_vi=citation(first, "vi")), en.format(**values, cite_en=citation(first, "en")))]
    for other in others:
        cite_vi = citation(other, "vi")
        texts.append(
            (
                SECOND_CITATION[0].format(**values, cite_vi=cite_vi[:1].upper() + cite_vi[1:]),
                SECOND_CITATION[1].format(**values, cite_en=citation(other, "en")),
            )
        )
    ids = frozenset(item.document.id for item in cites)
    return pair(" ".join(vi for vi, _ in texts), " ".join(en for _, en in texts), (ids, ids))


def _body(rng: random.Random, stock: Material, draft: Draft, where: tuple[int, int, int]) -> list[Section]:
    """At least two headed sections of one or two paragraphs, until the draft reaches its targets.

    Half the sections open with a sentence about the article's place (``where``: hamlet, commune, year).
    """
    sections: list[Section] = []
    headings = rng.sample(stock.headings, len(stock.headings))
    leads = rng.sample(stock.local, len(stock.local))
    while not draft.done() or len(sections) < 2:
        heading = headings[len(sections) % len(headings)]
        draft.add(pair(*heading))
        lead = local_sentence(leads[len(sections) % len(leads)], *where) if rng.random() < 0.5 else None
        blocks = [paragraph(rng, stock.pool, draft, lead)]
        if not draft.done() and rng.random() < 0.5:
            blocks.append(paragraph(rng, stock.pool, draft))
        sections.append((heading, blocks))
    return sections


def _see_also(practice: Practice | None) -> Pair:
    """The closing link to a practice, or nothing."""
    if practice is None:
        return pair("", "")
    link = f"](../{PRACTICE_DIR}/{practice.id}.md)."
    return pair(f"Xem thêm: [{escape(practice.title_vi)}{link}", f"See also: [{escape(practice.title_en)}{link}")


def _title(rng: random.Random, stock: Material, values: Mapping[str, object]) -> Pair:
    theme_vi, theme_en = rng.choice(stock.headings)
    title_vi, title_en = rng.choice(TITLES)
    return pair(title_vi.format(**values, theme_vi=theme_vi), title_en.format(**values, theme_en=theme_en))


def article(serial: int, inputs: ArticleInputs) -> Article:
    """Synthetic article ``serial``: a title, a notice, an introduction citing documents, headed sections."""
    rng = seeded("article", serial)
    commune, hamlet = inputs.cites[0].commune, rng.randint(1, HAMLETS)
    issued = inputs.cites[0].document.date
    year = issued.year if issued else YEARS[-1]
    values: dict[str, object] = {
        "a": hamlet,
        "x": commune,
        "y": year,
        "place_vi": place("vi", hamlet, commune),
        "place_en": place("en", hamlet, commune),
        "Place_vi": "Ấ" + place("vi", hamlet, commune)[1:],
    }
    title = _title(rng, inputs.stock, values)
    intro = _intro(rng, inputs.cites, values)
    see_also = _see_also(inputs.practice)
    draft = Draft(inputs.words)
    for fixed in (title, ARTICLE_NOTICE, intro, see_also):
        draft.add(fixed)
    sections = _body(rng, inputs.stock, draft, (hamlet, commune, year))
    texts = {
        lang: front_matter([("title", _yaml(title.text(lang)))])
        + f"\n# {title.text(lang)}\n\n{ARTICLE_NOTICE.text(lang)}\n\n{intro.text(lang)}\n\n"
        + sections_markdown(sections, lang)
        + (f"\n{see_also.text(lang)}\n" if see_also.vi else "")
        for lang in LANGS
    }
    return Article(Page(f"{ARTICLE_DIR}/synthetic-{serial}.md", texts, draft.docs()), title, commune)


def article_index(articles: Sequence[Article], lang: str) -> str:
    """``bai-viet/index.md``: every article, grouped by commune."""
    title, lead, commune_word = {
        "vi": ("Bài viết", "Các bài viết tổng hợp để đo hiệu năng, theo xã. Địa danh và nội dung không có thật.", "Xã"),
        "en": (
            "Articles",
            "Synthetic articles for benchmarks, by commune. Places and contents are not real.",
            "Commune",
        ),
    }[lang]
    lines = [front_matter([("title", _yaml(title))]), f"# {title}", "", lead, ""]
    by_commune: dict[int, list[Article]] = defaultdict(list)
    for item in articles:
        by_commune[item.commune].append(item)
    for commune in sorted(by_commune):
        lines += [f"## {commune_word} {commune} {{ #xa-{commune} }}", ""]
        lines += [f"- [{escape(a.title.text(lang))}]({Path(a.page.path).name})" for a in by_commune[commune]]
        lines.append("")
    return "\n".join(lines)


# --- The corpus -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """How much one scale adds to the real site."""

    practices: int
    documents: int
    articles: int


def plan(real: CorpusStats, scale: int) -> Plan:
    """Per extra copy, as many practices and documents as the real site has; articles make up the page count."""
    copies = scale - 1
    practices, docs = copies * real.practices, copies * real.documents
    pages = min(real.pages.values())
    articles = max(scale * pages - pages - practices - docs - 1, 1) if copies else 0  # 1: the articles' index
    return Plan(practices, docs, articles)


def article_words(
    real: CorpusStats, grown: CorpusStats, scale: int, count: int, pool: Sequence[Pair]
) -> tuple[int, int]:
    """Words each article should aim at, so that both languages reach ``scale`` times the real site.

    Besides its own text, an article adds its title to other pages (:data:`ARTICLE_LINK_WORDS`), and its last
    passage overshoots the aim by half a passage on average.
    """
    aims = []
    for index, lang in enumerate(LANGS):
        need = max(scale * real.words[lang] - grown.words[lang], 0) // max(count, 1)
        half_passage = sum((u.vi_words, u.en_words)[index] for u in pool) // (2 * max(len(pool), 1))
        aims.append(max(need - ARTICLE_LINK_WORDS - half_passage, 50))
    return aims[0], aims[1]


def copy_project(root: Path, out: Path) -> None:
    """Copy the parts of the project that a build needs from ``root`` into ``out``, unchanged."""
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, out / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, out / part)


def write_pages(out: Path, pages: Iterable[Page]) -> None:
    """Write both languages of every page under ``out/docs``."""
    for page in pages:
        for lang, text in page.texts.items():
            path = out / DOCS / lang / page.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def append_documents(out: Path, docs: Sequence[Document]) -> None:
    """Register ``docs`` at the end of ``out/data/documents.yaml``."""
    path = out / REGISTRY_PATH
    text = path.read_text(encoding="utf-8")
    entries = "".join(f"\n{registry_entry(doc)}" for doc in docs)
    path.write_text(text + ("" if text.endswith("\n") else "\n") + entries, encoding="utf-8")


def _articles(
    plan_: Plan,
    stock: Material,
    docs: Sequence[SyntheticDocument],
    practices: Sequence[Practice],
    words: tuple[int, int],
) -> list[Article]:
    """Every article: each cites the next document in turn (and, one in two, another), and links a practice."""
    made = []
    for serial in range(1, plan_.articles + 1):
        rng = seeded("cites", serial)
        cites = [docs[(serial - 1) % len(docs)]]
        if len(docs) > 1 and rng.random() < 0.5:
            cites.append(rng.choice([d for d in docs if d is not cites[0]]))
        practice = practices[(serial - 1) % len(practices)] if practices else None
        made.append(article(serial, ArticleInputs(stock, cites, practice, words)))
    return made


def _measure(site: Site, found: Mapping[str, Sequence[Mention]], pages: Sequence[Page], scale: int) -> CorpusStats:
    """Counts of the grown project; where documents are cited is known, so no page needs scanning again."""
    known = {lang: [*found[lang], *(m for page in pages for m in page.mentions(lang))] for lang in LANGS}
    return stats_of(page_words(site, known), site, scale)


def generate(root: Path, out: Path, scale: int) -> CorpusStats:
    """Write into ``out`` a buildable copy of the project at ``root``, grown to ``scale`` times its content.

    Args:
        root: The repository (its data must load).
        out: A new or empty folder.
        scale: 1 copies the project unchanged; N adds synthetic pages until pages and words per language are
            about N times the real site's.

    Returns:
        The generated project's counts, with the real site's in ``real``.

    Raises:
        ValueError: for a scale below 1, or an ``out`` that is not empty.
    """
    if scale < 1:
        raise ValueError(f"the scale must be 1 or more, not {scale}")
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty")
    out.mkdir(parents=True, exist_ok=True)
    copy_project(root, out)
    site = load_site(root)
    found = {lang: mentions(site, lang) for lang in LANGS}
    real = stats_of(page_words(site, found), site)
    if scale == 1:
        return replace(real, real=real)
    counts = plan(real, scale)
    stock = material(site)
    made = [
        practice_page(n, site.practices[(n - 1) % len(site.practices)], stock, site.registry)
        for n in range(1, counts.practices + 1)
    ]
    practices, pages = [practice for practice, _ in made], [page for _, page in made]
    docs = [synthetic_document(n) for n in range(1, counts.documents + 1)]
    grown = replace(
        site,
        root=out,
        practices=site.practices + tuple(practices),
        registry=Registry(site.registry.documents + tuple(d.document for d in docs)),
    )
    write_pages(out, pages)
    append_documents(out, [d.document for d in docs])
    aims = article_words(real, _measure(grown, found, pages, scale), scale, counts.articles, stock.pool)
    articles = _articles(counts, stock, docs, practices, aims)
    write_pages(out, [item.page for item in articles])
    for lang in LANGS:
        (out / DOCS / lang / ARTICLE_DIR / INDEX).write_text(article_index(articles, lang), encoding="utf-8")
    return replace(_measure(grown, found, [*pages, *(a.page for a in articles)], scale), real=real)


def summary(stats: CorpusStats) -> list[str]:
    """Lines comparing ``stats`` with the real site's, for the command line."""
    real = stats.real or stats
    lines = [f"{'':14}{'real':>10}{'generated':>12}{'ratio':>8}"]
    for what in ("pages", "words"):
        for lang in LANGS:
            mine, theirs = getattr(stats, what)[lang], getattr(real, what)[lang]
            lines.append(f"{what + ' ' + lang:14}{theirs:>10}{mine:>12}{stats.ratio(what, lang):>8.2f}")
    lines += [
        f"{what:14}{getattr(real, what):>10}{getattr(stats, what):>12}"
        for what in ("practices", "documents", "articles")
    ]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """``scripts/kb [--root ROOT] corpus --scale N --out DIR``: write a buildable copy of the project grown N times."""
    import argparse  # noqa: PLC0415 - only the command line needs it

    parser = argparse.ArgumentParser(prog="kb corpus", description=main.__doc__)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("command", choices=["corpus"])
    parser.add_argument("--scale", type=int, required=True, help="N: 1 copies the project unchanged")
    parser.add_argument("--out", type=Path, required=True, help="a new or empty folder")
    args = parser.parse_args(argv)
    out: Path = args.out
    if args.scale < 1 or (out.exists() and any(out.iterdir())):
        print(
            f"{out}:1:1: cannot write a corpus of scale {args.scale} here — use a scale of 1 or more and a new "
            "or empty folder",
            file=sys.stderr,
        )
        return 2
    stats = generate(args.root, out, args.scale)
    print(f"wrote {out} (scale {args.scale}); build it with `mkdocs build --strict` from that folder")
    print("\n".join(summary(stats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
