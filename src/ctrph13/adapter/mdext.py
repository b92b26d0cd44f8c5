"""A Python-Markdown extension: citation links, abbreviation tooltips and editorial permalinks.

It works on the element tree, after inline parsing and unescaping, so it sees the words exactly as they will
be shown. Wrappers never add text: a tooltip lives in the ``title`` attribute, and the only elements that add
text or controls (the permalinks) carry ``data-editorial``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ctrph13.citations import check as citecheck
from ctrph13.citations.clauses import find_clause_references
from ctrph13.core.timing import timed
from ctrph13.data.glossary import Glossary, find_abbreviations
from ctrph13.data.program import anchor_label
from ctrph13.data.registry import Registry


@dataclass(frozen=True)
class Span:
    """An element to wrap around ``text[start:end]``.

    ``link`` names a document whose page the element links to: the address depends on the page being rendered,
    so it is added there (see :func:`linked`), and the span itself holds for every page.
    """

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    link: str | None = None


# Page-independent: what to wrap in a text, the same on every page.
Annotator = Callable[[str], Sequence[Span]]
Href = Callable[[str], str | None]
Found = tuple[Span, ...]

SKIP_TAGS = frozenset({"code", "pre", "kbd", "script", "style", "abbr", "a", "svg"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# The target of clause links (see Linker.href): the program page, whose address depends on the page rendered.
PROGRAM_TARGET = "program:"
CLAUSE_CLASS = "kb-clause-ref"
SKIP_CLASS = "kb-verbatim"
PROGRAM_ANCHOR_RE = re.compile(r"(i|ii|iii|iv)(-(\d+|intro))?(-\d+)?")
CITED_PROGRAM = {
    "vi": " Chương trình phối hợp số 13/CTrPH-CA-MTTQ",
    "en": ", Coordination Program No. 13/CTrPH-CA-MTTQ",
}
PERMALINK_LABEL = {"vi": "Liên kết cố định đến mục này", "en": "Permanent link to this section"}


def non_overlapping(spans: Sequence[Span]) -> list[Span]:
    """Keep spans in order of priority (earlier wins), dropping any that overlap a kept one; sort by start."""
    kept: list[Span] = []
    for span in spans:
        if span.start < span.end and all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda span: span.start)


def abbreviation_annotator(glossary: Glossary, lang: str) -> Annotator:
    """Annotator that wraps glossary abbreviations in ``<abbr title="…">``."""

    def annotate(text: str) -> list[Span]:
        return [
            Span(start, end, "abbr", {"title": term.tooltip(lang)})
            for start, end, term in find_abbreviations(text, glossary)
        ]

    return annotate


def _wrap(text: str, spans: list[Span]) -> tuple[str, list[etree.Element]]:
    """Split ``text`` into a leading string and wrapper elements whose tails carry the text between them."""
    elements: list[etree.Element] = []
    lead = text[: spans[0].start]
    for index, span in enumerate(spans):
        element = etree.Element(span.tag, span.attrs)
        element.text = text[span.start : span.end]
        following = spans[index + 1].start if index + 1 < len(spans) else len(text)
        element.tail = text[span.end : following]
        elements.append(element)
    return lead, elements


def linked(found: Sequence[Span], href: Href) -> list[Span]:
    """The spans to wrap on the page ``href`` answers for: links resolved, none to the page itself."""
    spans: list[Span] = []
    for span in found:
        target = href(span.link) if span.link is not None else None
        if span.link is None:
            spans.append(span)
        elif target is not None:  # no link to the page being rendered
            spans.append(replace(span, attrs={"href": target, **span.attrs}))
    return non_overlapping(spans)


def annotate_all(annotators: Sequence[Annotator], texts: Sequence[str]) -> list[Found]:
    """Every annotator's spans in each text, in order of priority (the worker's task, and the memo's)."""
    return [tuple(span for annotate in annotators for span in annotate(text)) for text in texts]


class AnnotateTreeprocessor(Treeprocessor):
    """Wraps citations and abbreviations found by the annotators, outside code, links and verbatim blocks."""

    def __init__(self, md: Markdown, extension: KnowledgeBaseExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def _replacement(self, text: str, heading: bool) -> tuple[str, list[etree.Element]] | None:
        """What takes the place of ``text``: a new text and the wrappers after it, or ``None`` to keep it.

        ``heading``: the text lies in a heading, where a clause reference stays plain (it names the section).
        """
        found = self.extension.annotate(text)
        if heading:
            found = tuple(span for span in found if span.attrs.get("class") != CLAUSE_CLASS)
        spans = linked(found, self.extension.href)
        return _wrap(text, spans) if spans else None

    def _visit(self, element: etree.Element, heading: bool = False) -> None:
        if element.tag in SKIP_TAGS or SKIP_CLASS in element.get("class", "").split():
            return
        heading = heading or element.tag in HEADINGS
        children = list(element)
        for child in children:
            self._visit(child, heading)
        if element.text and (new := self._replacement(element.text, heading)):
            element.text, wrapped = new
            for offset, wrapper in enumerate(wrapped):
                element.insert(offset, wrapper)
        for child in children:
            if child.tail and (new := self._replacement(child.tail, heading)):
                child.tail, wrapped = new
                position = list(element).index(child) + 1
                for offset, wrapper in enumerate(wrapped):
                    element.insert(position + offset, wrapper)

    def run(self, root: etree.Element) -> None:
        """Annotate the whole document."""
        with timed("annotate"):
            self._visit(root)


class PermalinkTreeprocessor(Treeprocessor):
    """Adds an editorial permalink control to every heading with an id and every ``.kb-anchor`` block."""

    def __init__(self, md: Markdown, lang: str) -> None:
        super().__init__(md)
        self.label = PERMALINK_LABEL[lang]
        self.lang = lang

    def _control(self, anchor: str) -> etree.Element:
        # An empty link drawn by CSS (assets/kb.css): no text is added, and the icon is not repeated in every page.
        # No title attribute: Material would build a tooltip for each of the ~60 controls on the program page.
        attrs = {"class": "kb-permalink", "href": f"#{anchor}", "data-editorial": "", "aria-label": self.label}
        if PROGRAM_ANCHOR_RE.fullmatch(anchor):
            # A citation line ready to paste: "khoản 2 Mục III Chương trình phối hợp số 13/CTrPH-CA-MTTQ".
            attrs["data-cite"] = f"{anchor_label(anchor, self.lang)}{CITED_PROGRAM[self.lang]}"
        return etree.Element("a", attrs)

    def run(self, root: etree.Element) -> None:
        """Add the controls."""
        with timed("annotate"):
            self._add(root)

    def _add(self, root: etree.Element) -> None:
        for element in root.iter():
            anchor = element.get("id")
            if not anchor:
                continue
            is_heading = element.tag in {"h2", "h3", "h4", "h5", "h6"}
            if is_heading or "kb-anchor" in element.get("class", "").split():
                control = self._control(anchor)
                control.tail = element.text
                element.text = None
                element.insert(0, control)


class KnowledgeBaseExtension(Extension):
    """Registers the annotators (after unescaping, priority -1) and the permalinks (after the TOC).

    One instance serves every page of a build, and so does its memo of what the annotators found in each text:
    labels, headings, duty quotes and whole paragraphs recur from page to page, and most texts hold nothing.

    Args:
        lang: The build's language.
        annotators: In order of priority: where two spans overlap, the earlier annotator's wins.
        href: The relative address of a document's page from the page being rendered, or ``None``.
    """

    def __init__(self, lang: str, annotators: Sequence[Annotator], href: Href) -> None:
        super().__init__()
        self.lang = lang
        self.annotators = annotators
        self.href = href
        self.memo: dict[str, Found] = {}

    def annotate(self, text: str) -> Found:
        """Every annotator's spans in ``text``, in order of priority, found once per text and build."""
        found = self.memo.get(text)
        if found is None:
            found = self.memo[text] = annotate_all(self.annotators, [text])[0]
        return found

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        """Register both treeprocessors."""
        md.treeprocessors.register(PermalinkTreeprocessor(md, self.lang), "kb_permalinks", 4)
        md.treeprocessors.register(AnnotateTreeprocessor(md, self), "kb_annotate", -1)


def citation_annotator(registry: Registry, lang: str) -> Annotator:
    """Annotator that links every valid citation to its document's page, with a tooltip.

    Only citations that resolve to a registered document without problems are linked; the build has already
    failed for any other.
    """

    def annotate(text: str) -> list[Span]:
        return [
            Span(
                finding.citation.start,
                finding.citation.end,
                "a",
                {"class": "kb-cite", "title": doc.tooltip(lang)},
                doc.id,
            )
            for finding in citecheck.cached_findings(text, registry)
            if (doc := finding.document) is not None and not finding.problems
        ]

    return annotate


def clause_annotator(anchors: Collection[str]) -> Annotator:
    """Annotator that links each reference to one of the program's parts ("khoản 6 Mục IV") to its anchor.

    A reference to a part the program does not have stays plain: the checks have already failed for it.
    """

    def annotate(text: str) -> list[Span]:
        return [
            Span(ref.start, ref.end, "a", {"class": CLAUSE_CLASS}, f"{PROGRAM_TARGET}#{ref.anchor}")
            for ref in find_clause_references(text)
            if ref.anchor in anchors
        ]

    return annotate
