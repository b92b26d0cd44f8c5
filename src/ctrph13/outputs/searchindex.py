"""A search index built for Vietnamese readers: accent-folded, phrase-aware, sharded, and loadable from disk.

Why our own: Material's lunr search cannot match "dang vien" to "đảng viên", cuts Vietnamese syllables and loads
its whole index; Pagefind does not fold đ, breaks on phrases and cannot run from a copy opened from disk
(measurements in docs/en/dev/search.md). Vietnamese words are mostly several syllables long, so the index keeps
adjacent-syllable pairs (bigrams) as well as syllables: a page where the query's syllables stand together ranks
above one that merely contains them.

Format (all files are JavaScript that call ``kbSearchLoad(name, data)``, so they load by <script> from file://):

* ``search/manifest.js``: version, language, number of posting buckets and documents per document shard;
* ``search/lex-<xx>.js``: keys starting with ``xx`` (first two characters) and their document frequency, for
  prefix completion while typing;
* ``search/p-<n>.js``: posting lists of the keys whose FNV-1a hash falls in bucket ``n``: for each key a flat list
  ``[doc gap, weight, doc gap, weight, ...]`` (document ids delta-encoded);
* ``search/d-<n>.js``: documents ``n*D`` … ``n*D+D-1``: ``[url, title, text]``, and for a clause of the program
  a fourth item, the pages that quote it: ``[[url, page title], ...]``;
* ``search/quotes.js``: ``{"q": [quoting doc, clause doc, ...], "c": [clause docs]}``. A quotation is eight or more
  consecutive words of a clause (Vietnamese or English). The engine ranks the clause in place of its quotations,
  so the source comes first and the pages that quote it are listed under it; a number the query shares with a
  clause (a year, a period, a document number) ranks that clause first.

The tokenizer is mirrored in ``overrides/assets/search.js``; tests run both on the same inputs.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ctrph13.core.text import fold, normalise

FORMAT_VERSION = 1
# Digit-led numbers may have single spaces around separators ("13 /CTrPH-CA-MTTQ"); letter-led codes may not,
# so prose such as "kinh tế - xã hội" is not read as a code.
TOKEN_RE = re.compile(
    r"(?P<number>\d+(?:[ ]?[-/–‐][ ]?[^\W_]+)+)|(?P<code>[^\W\d_]+(?:[-/][^\W_]+)+)|(?P<word>[^\W_]+)"
)
SEPARATOR_RE = re.compile(r"[ ]?([-/–‐])[ ]?")
TITLE_WEIGHT = 3
# A quotation: this many consecutive words of a clause (issue 16's definition of "the same passage").
QUOTE_WORDS = 8


@dataclass(frozen=True)
class Token:
    """One position of the token stream: the keys that match there (a code's parts are all at its position).

    ``keys[0]`` is the whole word or code; for a code, ``head`` is its first segment ("09" of "09-ct/tw").
    """

    keys: tuple[str, ...]
    surface: str
    head: str


def _code_keys(raw: str) -> tuple[str, ...]:
    """A document number and every contiguous run of its segments: 09-ct/tw, 09-ct, ct/tw, 09, ct, tw."""
    joined = SEPARATOR_RE.sub(lambda m: "-" if m.group(1) in "-–‐" else "/", raw)
    parts = re.split(r"([-/])", joined)
    segments, separators = parts[0::2], parts[1::2]
    keys = [joined]
    for length in range(len(segments) - 1, 0, -1):
        for start in range(len(segments) - length + 1):
            piece = segments[start]
            for index in range(start + 1, start + length):
                piece += separators[index - 1] + segments[index]
            keys.append(piece)
    return tuple(dict.fromkeys(keys))


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text``: NFC, one tone placement, lower case, then accent-folded keys (đ as d)."""
    prepared = normalise(text).lower()
    tokens = []
    for match in TOKEN_RE.finditer(prepared):
        surface = match.group(0)
        folded = fold(surface)
        if match.lastgroup in ("number", "code"):
            keys = _code_keys(folded)
            tokens.append(Token(keys, surface, re.split(r"[-/]", keys[0])[0]))
        else:
            tokens.append(Token((folded,), surface, folded))
    return tokens


@dataclass(frozen=True)
class Expansion:
    """An abbreviation and the syllables it stands for (folded): ``antq`` ↔ ``an ninh to quoc``."""

    short: str
    long: tuple[str, ...]


def expansions(pairs: Iterable[tuple[str, str]]) -> tuple[Expansion, ...]:
    """Expansions from (abbreviation, meaning) pairs of the glossary."""
    found = []
    for short, meaning in pairs:
        words = tuple(t.keys[0] for t in tokenize(meaning))
        if words and all(len(t.keys) == 1 for t in tokenize(meaning)):
            found.append(Expansion(fold(short.lower()).replace(" ", ""), words))
    return tuple(found)


Stream = list[Token]


def _streams(tokens: Sequence[Token], abbreviations: Sequence[Expansion]) -> Iterator[Stream]:
    """The token stream as written, and with abbreviations spelled out and spelled-out forms abbreviated."""
    plain = list(tokens)
    yield plain
    longs = {e.short: e.long for e in abbreviations}
    if any(t.keys[0] in longs for t in plain):
        expanded: Stream = []
        for token in plain:
            words = longs.get(token.keys[0], ())
            expanded += [Token((w,), w, w) for w in words] if words else [token]
        yield expanded
    marked = list(plain)
    firsts = [t.keys[0] for t in plain]
    for expansion in abbreviations:
        size = len(expansion.long)
        for start in range(len(firsts) - size + 1):
            if tuple(firsts[start : start + size]) == expansion.long:
                token = marked[start]
                marked[start] = Token((*token.keys, expansion.short), token.surface, token.head)
    if marked != plain:
        yield marked


def _bigrams(stream: Sequence[Token]) -> Iterator[str]:
    """Adjacent pairs; a code also pairs by its first segment, and "số" before a code may be skipped."""
    for index in range(1, len(stream)):
        previous, current = stream[index - 1], stream[index]
        yield f"{previous.keys[0]} {current.keys[0]}"
        if current.head != current.keys[0]:
            yield f"{previous.keys[0]} {current.head}"
            if index >= 2 and previous.keys[0] == "so":
                yield f"{stream[index - 2].keys[0]} {current.head}"
                yield f"{stream[index - 2].keys[0]} {current.keys[0]}"


def document_keys(text: str, abbreviations: Sequence[Expansion]) -> Counter[str]:
    """Every index key of a text with its count: syllables, code parts, abbreviations, adjacent pairs."""
    counts: Counter[str] = Counter()
    for stream in _streams(tokenize(text), abbreviations):
        for token in stream:
            counts.update(token.keys)
        counts.update(_bigrams(stream))
    return counts


@dataclass(frozen=True)
class Section:
    """A searchable unit: a clause, a heading's section or a duty, with the URL that lands on it."""

    url: str
    title: str
    text: str


class _SectionParser(HTMLParser):
    """Splits a page's rendered content into sections at every element that carries a link target."""

    STARTS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
    SKIP = frozenset({"script", "style", "svg", "template"})
    VOID = frozenset({"br", "img", "input", "hr", "meta", "link", "wbr", "source"})
    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "div"})

    def __init__(self, page_url: str, page_title: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_url, self.page_title = page_url, page_title
        self.sections: list[Section] = []
        self.anchor, self.heading, self.parts = "", page_title, [""]
        self.skip_depth = 0
        self.in_heading = False
        self.heading_parts: list[str] = []

    def _flush(self) -> None:
        # Inline elements (a citation's link, an abbreviation) split a text without adding a space; blocks add one.
        text = " ".join("".join(self.parts).split())
        if text:
            url = self.page_url + (f"#{self.anchor}" if self.anchor else "")
            title = self.heading if self.heading == self.page_title else f"{self.page_title} › {self.heading}"
            self.sections.append(Section(url, title, text))
        self.parts = [""]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if self.skip_depth or tag in self.SKIP or "kb-permalink" in classes:
            # Skip scripts, icons and link controls with everything inside them (void elements have no end tag).
            self.skip_depth += tag not in self.VOID
            return
        anchor = values.get("id")
        if anchor and (tag in self.STARTS or "kb-anchor" in classes or "kb-duty" in classes):
            self._flush()
            self.anchor = anchor
            if tag in self.STARTS:
                self.in_heading, self.heading_parts = True, []
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if tag in self.STARTS and self.in_heading:
            self.in_heading = False
            heading = " ".join("".join(self.heading_parts).split())
            self.heading = heading or self.heading
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        self.parts.append(data)
        if self.in_heading:
            self.heading_parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def sections(html: str, page_url: str, page_title: str) -> list[Section]:
    """The sections of a page's rendered content (the article only, not the site's navigation)."""
    parser = _SectionParser(page_url, page_title)
    parser.feed(html)
    parser.close()
    return parser.sections


def fnv1a(key: str) -> int:
    """32-bit FNV-1a over the key's UTF-16 code units: the same numbers in Python and in the browser."""
    value = 0x811C9DC5
    for unit in key.encode("utf-16-le")[0::2]:
        value = ((value ^ unit) * 0x01000193) & 0xFFFFFFFF
    return value


@dataclass
class IndexFiles:
    """The files of one language's index, by name under ``search/``, and figures about them."""

    files: dict[str, str] = field(default_factory=dict)
    keys: int = 0
    documents: int = 0


def _script(name: str, data: object) -> str:
    return f"kbSearchLoad({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


def bucket_count(documents: int) -> int:
    """Enough posting buckets that one stays small as the site grows (a power of two, 16 to 4096)."""
    return 1 << max(4, min(12, math.ceil(math.log2(max(documents, 1) / 2))))


# Small document shards: a result page needs ten sections, scattered over the site.
DOCS_PER_SHARD = 4
# A key keeps its best-weighted postings only: a reader looks at ten results, and bytes per query stay bounded
# as the site grows (impact-ordered truncation). Rare keys keep every posting.
MAX_POSTINGS = 256


def _cached_keys(text: str, abbreviations: Sequence[Expansion], cache: dict[str, Counter[str]] | None) -> Counter[str]:
    if cache is None:
        return document_keys(text, abbreviations)
    if text not in cache:
        cache[text] = document_keys(text, abbreviations)
    return Counter(cache[text])


def _shingles(text: str) -> Iterator[tuple[str, ...]]:
    words = [token.keys[0] for token in tokenize(text)]
    for start in range(len(words) - QUOTE_WORDS + 1):
        yield tuple(words[start : start + QUOTE_WORDS])


@dataclass(frozen=True)
class Sources:
    """The program's clauses as the index sees them: the page that holds them and each anchor's texts."""

    page_url: str
    passages: Mapping[str, Sequence[str]]  # anchor -> its texts (the Vietnamese as signed, the English)


def _is_clause(url: str, sources: Sources) -> bool:
    page, _, anchor = url.partition("#")
    return page == sources.page_url and anchor in sources.passages


def quotations(all_sections: Sequence[Section], sources: Sources) -> dict[int, int]:
    """Map each section that quotes a clause (eight consecutive words or more) to the clause's section.

    A section that quotes several clauses counts for the one it shares most words with; the clause's own section
    and the sections of the program page never count as quotations.
    """
    by_url = {section.url: doc for doc, section in enumerate(all_sections)}
    owner: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for anchor, texts in sources.passages.items():
        doc = by_url.get(f"{sources.page_url}#{anchor}")
        if doc is not None:
            for text in texts:
                for shingle in _shingles(text):
                    owner[shingle].add(doc)
    found: dict[int, int] = {}
    for doc, section in enumerate(all_sections):
        if section.url.partition("#")[0] == sources.page_url:
            continue
        shared: Counter[int] = Counter()
        for shingle in set(_shingles(section.text)):
            shared.update(owner.get(shingle, ()))
        if shared:
            found[doc] = min(shared, key=lambda clause: (-shared[clause], clause))
    return found


def build(
    all_sections: Sequence[Section],
    lang: str,
    abbreviations: Sequence[Expansion],
    cache: dict[str, Counter[str]] | None = None,
    sources: Sources | None = None,
) -> IndexFiles:
    """Build the sharded index files for one language.

    ``cache`` (text -> keys) lets the live preview re-tokenize only the texts an edit changed; it must belong to
    one language and one set of ``abbreviations``. ``sources``: the program's clauses, so that quotations of a
    clause rank it in their place.
    """
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, section in enumerate(all_sections):
        counts = _cached_keys(section.text, abbreviations, cache)
        for key in _cached_keys(section.title, abbreviations, cache):
            counts[key] += TITLE_WEIGHT
        for key, count in counts.items():
            postings[key].append((doc_id, min(count, 99)))
    buckets = bucket_count(len(all_sections))
    grouped: dict[int, dict[str, list[int]]] = defaultdict(dict)
    lexicon: dict[str, dict[str, int]] = defaultdict(dict)
    for key in sorted(postings):
        flat: list[int] = []
        previous = 0
        kept = sorted(sorted(postings[key], key=lambda p: (-p[1], p[0]))[:MAX_POSTINGS])
        for doc_id, weight in kept:
            flat += [doc_id - previous, weight]
            previous = doc_id
        grouped[fnv1a(key) % buckets][key] = flat
        lexicon[key[:2]][key] = len(postings[key])
    manifest = {
        "v": FORMAT_VERSION,
        "lang": lang,
        "buckets": buckets,
        "docsPerShard": DOCS_PER_SHARD,
        "documents": len(all_sections),
        "abbr": {e.short: list(e.long) for e in abbreviations},
    }
    files = {"manifest.js": _script("manifest", manifest)}
    files |= {f"p-{n}.js": _script(f"p-{n}", grouped[n]) for n in sorted(grouped)}
    files |= {
        f"lex-{prefix}.js": _script(f"lex-{prefix}", terms)
        for prefix, terms in sorted(lexicon.items())
        if _safe(prefix)
    }
    quoted = quotations(all_sections, sources) if sources else {}
    quoted_in: dict[int, dict[str, str]] = defaultdict(dict)  # clause -> page title -> first quoting section's url
    for doc, clause in sorted(quoted.items()):
        quoted_in[clause].setdefault(all_sections[doc].title.split(" › ", 1)[0], all_sections[doc].url)
    clauses = [doc for doc, s in enumerate(all_sections) if sources and _is_clause(s.url, sources)]
    files["quotes.js"] = _script("quotes", {"q": [n for pair in sorted(quoted.items()) for n in pair], "c": clauses})
    rows: list[list[object]] = []
    for doc, s in enumerate(all_sections):
        row: list[object] = [s.url, s.title, s.text]
        if doc in quoted_in:
            row.append([[url, title] for title, url in quoted_in[doc].items()])
        rows.append(row)
    for start in range(0, len(rows), DOCS_PER_SHARD):
        name = f"d-{start // DOCS_PER_SHARD}"
        files[f"{name}.js"] = _script(name, rows[start : start + DOCS_PER_SHARD])
    return IndexFiles(files, len(postings), len(all_sections))


def _safe(prefix: str) -> bool:
    # Lexicon file names are the key's first two characters: keep them to what every file system accepts.
    return re.fullmatch(r"[a-z0-9 -]{1,2}", prefix) is not None
