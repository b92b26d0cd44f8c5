"""A Python-Markdown extension: citation links, abbreviation tooltips and editorial permalinks.

It works on the element tree, after inline parsing and unescaping, so it sees the words exactly as they will
be shown. Wrappers never add text: a tooltip lives in the ``title`` attribute, and the only elements that add
text or controls (the permalinks) carry ``data-editorial``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ctrph13 import citecheck
from ctrph13.glossary import Glossary, find_abbreviations
from ctrph13.program import anchor_label
from ctrph13.registry import Registry


@dataclass(frozen=True)
class Span:
    """An element to wrap around ``text[start:end]``."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)


Annotator = Callable[[str], Sequence[Span]]

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

    def __init__(self, md: Markdown, annotators: Sequence[Annotator]) -> None:
        super().__init__(md)
        self.annotators = annotators

    def _spans(self, text: str) -> list[Span]:
        return non_overlapping([span for annotate in self.annotators for span in annotate(text)])

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
    """Registers the annotators (after unescaping, priority -1) and the permalinks (after the TOC)."""

    def __init__(self, lang: str, annotators: Sequence[Annotator]) -> None:
        super().__init__()
        self.lang = lang
        self.annotators = annotators

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        """Register both treeprocessors."""
        md.treeprocessors.register(PermalinkTreeprocessor(md, self.lang), "kb_permalinks", 4)
        md.treeprocessors.register(AnnotateTreeprocessor(md, self.annotators), "kb_annotate", -1)


def citation_annotator(registry: Registry, lang: str, href: Callable[[str], str | None]) -> Annotator:
    """Annotator that links every valid citation to its document's page, with a tooltip.

    Only citations that resolve to a registered document without problems are linked; the build has already
    failed for any other.
    """

    def annotate(text: str) -> list[Span]:
        spans: list[Span] = []
        for finding in citecheck.cached_findings(text, registry):
            doc = finding.document
            target = href(doc.id) if doc is not None and not finding.problems else None
            if doc is not None and target is not None:
                attrs = {"href": target, "class": "kb-cite", "title": doc.tooltip(lang)}
                spans.append(Span(finding.citation.start, finding.citation.end, "a", attrs))
        return spans

    return annotate
