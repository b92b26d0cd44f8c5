"""A Python-Markdown extension: citation links, abbreviation tooltips and editorial permalinks.

It works on the element tree, after inline parsing and unescaping, so it sees the words exactly as they will
be shown. Wrappers never add text: a tooltip lives in the ``title`` attribute, and the only elements that add
text or controls (the permalinks) carry ``data-editorial``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ctrph13 import citecheck
from ctrph13.glossary import Glossary, find_abbreviations
from ctrph13.program import anchor_label
from ctrph13.registry import Registry
from ctrph13.timing import timed


@dataclass(frozen=True)
class Span:
    """An element to wrap around ``text[start:end]``.

    ``link`` names a document whose page the element links to: the address depends on the page being rendered,
    so it is added there (see :meth:`AnnotateTreeprocessor._spans`), and the span itself holds for every page.
    """

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    link: str | None = None


# Page-independent: what to wrap in a text, the same on every page.
Annotator = Callable[[str], Sequence[Span]]
Href = Callable[[str], str | None]

SKIP_TAGS = frozenset({"code", "pre", "kbd", "script", "style", "abbr", "a", "svg"})
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


class AnnotateTreeprocessor(Treeprocessor):
    """Wraps citations and abbreviations found by the annotators, outside code, links and verbatim blocks."""

    def __init__(self, md: Markdown, annotate: Annotator, href: Href) -> None:
        super().__init__(md)
        self.annotate = annotate
        self.href = href

    def _spans(self, text: str) -> list[Span]:
        found = self.annotate(text)
        if not found:
            return []
        linked: list[Span] = []
        for span in found:
            target = self.href(span.link) if span.link is not None else None
            if span.link is None:
                linked.append(span)
            elif target is not None:  # no link to the page being rendered
                linked.append(replace(span, attrs={"href": target, **span.attrs}))
        return non_overlapping(linked)

    def _visit(self, element: etree.Element) -> None:
        if element.tag in SKIP_TAGS or SKIP_CLASS in element.get("class", "").split():
            return
        children = list(element)
        for child in children:
            self._visit(child)
        if element.text and (spans := self._spans(element.text)):
            element.text, wrapped = _wrap(element.text, spans)
            for offset, new in enumerate(wrapped):
                element.insert(offset, new)
        for child in children:
            if child.tail and (spans := self._spans(child.tail)):
                child.tail, wrapped = _wrap(child.tail, spans)
                position = list(element).index(child) + 1
                for offset, new in enumerate(wrapped):
                    element.insert(position + offset, new)

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
        self.memo: dict[str, tuple[Span, ...]] = {}

    def annotate(self, text: str) -> tuple[Span, ...]:
        """Every annotator's spans in ``text``, in order of priority, found once per text and build."""
        found = self.memo.get(text)
        if found is None:
            found = self.memo[text] = tuple(span for annotate in self.annotators for span in annotate(text))
        return found

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        """Register both treeprocessors."""
        md.treeprocessors.register(PermalinkTreeprocessor(md, self.lang), "kb_permalinks", 4)
        md.treeprocessors.register(AnnotateTreeprocessor(md, self.annotate, self.href), "kb_annotate", -1)


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
