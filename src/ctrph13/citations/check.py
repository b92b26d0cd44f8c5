"""Check every citation of a document against the registry, and resolve it to a registered document.

A citation fails when its document is unknown, its kind word contradicts the number's type code, its date or
issuer differs from the registry, or it cites a replaced document as if in force (unless the same sentence states
the replacement, or the editor marks it ``<!-- kb:historical -->``).
"""

from __future__ import annotations

import hashlib
import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass

from ctrph13.citations.find import Citation, find_citations, kind_matches_number, may_cite, type_code
from ctrph13.core.diagnostics import Diagnostic, line_col
from ctrph13.data.registry import Document, Registry, same_issuer

HISTORICAL_RE = re.compile(r"<!--\s*kb:historical\s*-->")
REPLACEMENT_RE = re.compile(r"thay\s+thế|replac(?:e|es|ed|ing)\b|supersed", re.IGNORECASE)
# Code and comments are not prose: their citations are examples, not claims.
_MASKED_RE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]+`|<!--(?!\s*kb:historical).*?-->", re.DOTALL)
# A sentence ends at . ! ? followed by space, except after "No." and similar abbreviations; or at a blank line.
_SENTENCE_END_RE = re.compile(r"(?<!\bNo)(?<!\bno)(?<!\bNos)(?<!\bArt)[.!?](?=\s)|\n[ \t]*\n")


@dataclass(frozen=True)
class Finding:
    """A citation, the document it resolves to (if any), and what is wrong with it."""

    citation: Citation
    document: Document | None
    problems: tuple[tuple[str, str], ...]


def mask(text: str) -> str:
    """``text`` with code and HTML comments blanked out (same length, so offsets still hold)."""
    return _MASKED_RE.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``."""
    begin = 0
    for match in _SENTENCE_END_RE.finditer(text, 0, start):
        begin = match.end()
    following = _SENTENCE_END_RE.search(text, end)
    return text[begin : following.start() if following else len(text)]


def _quote(text: str, citation: Citation) -> str:
    return "“" + " ".join(text[citation.start : citation.end].split()) + "”"


def _dmy(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _describe(doc: Document) -> str:
    return f"{doc.number} ({doc.kind_vi}, {doc.date_text() or 'no date'}, {doc.issuer_vi})"


def _pick(citation: Citation, candidates: list[Document]) -> tuple[Document | None, list[tuple[str, str]]]:
    if citation.date is not None:
        dated = [doc for doc in candidates if doc.date and doc.date.isoformat() == citation.date]
        if dated:
            return dated[0], []
        if len(candidates) == 1:
            doc = candidates[0]
            return doc, [
                (
                    f"the date {_dmy(citation.date)} does not match the registry: {doc.number} is dated "
                    f"{doc.date_text() or 'unknown'}",
                    f"correct the date here, or the registry's at {doc.at('date')}",
                )
            ]
        known = ", ".join(doc.date_text() for doc in candidates)
        return None, [
            (
                f"no {candidates[0].number} of {_dmy(citation.date)} is registered (registered dates: {known})",
                "correct the date or register the document in data/documents.yaml",
            )
        ]
    if len(candidates) > 1:
        known = ", ".join(doc.date_text() for doc in candidates)
        return None, [
            (
                f"{candidates[0].number} is ambiguous: party numbers restart each term ({known})",
                "add the date (ngày dd/mm/yyyy)",
            )
        ]
    return candidates[0], []


def _checks(text: str, citation: Citation, doc: Document, registry: Registry) -> Iterator[tuple[str, str]]:
    if not kind_matches_number(citation.kind, citation.number):
        code = type_code(citation.number)
        yield (
            f"the kind word “{citation.kind}” contradicts the type code {code} of {citation.number} "
            f"(the registry has a {doc.kind_vi} / {doc.kind_en})",
            f"write “{doc.kind_vi}” / “{doc.kind_en}”, or correct the registry's kind at {doc.at('kind_vi')}",
        )
    if citation.issuer and not any(same_issuer(citation.issuer, form) for form in doc.issuers()):
        yield (
            f"the issuer “{citation.issuer}” does not match the registry ({doc.issuer_vi} / {doc.issuer_en})",
            f"correct the issuer here, or the registry's at {doc.at(f'issuer_{citation.lang}')}",
        )
    if doc.status == "replaced" and not citation.short_form:
        sentence = sentence_around(text, citation.start, citation.end)
        marked = HISTORICAL_RE.search(sentence) is not None
        if not marked and not REPLACEMENT_RE.search(sentence):
            successor = registry.by_id(doc.replaced_by).label("vi") if doc.replaced_by else "another document"
            yield (
                f"cites {doc.number} as if in force, but it was replaced by {successor}",
                "state the replacement in the same sentence (“thay thế” / “replaces”) or mark the citation "
                "<!-- kb:historical -->",
            )


def resolve(text: str, citation: Citation, registry: Registry) -> Finding:
    """Resolve one citation found in ``text`` and list its problems."""
    candidates = registry.by_number(citation.number)
    if not candidates:
        closest = "; ".join(_describe(doc) for doc in registry.closest(citation.number)) or "none"
        problem = (
            f"unknown document {citation.number}; closest registered: {closest}",
            "correct the number, or register the document in data/documents.yaml",
        )
        return Finding(citation, None, (problem,))
    doc, problems = _pick(citation, candidates)
    if doc is not None:
        problems += list(_checks(text, citation, doc, registry))
    return Finding(citation, doc, tuple(problems))


def findings(text: str, registry: Registry) -> list[Finding]:
    """Every citation in ``text`` (code and comments excluded), resolved."""
    masked = mask(text)
    return [resolve(masked, citation, registry) for citation in find_citations(masked)]


def cached_findings(text: str, registry: Registry) -> list[Finding]:
    """:func:`findings`, computed once per text and loaded registry.

    Validation and the documents' "Cited in" lists read the same pages; the duty quotes and other data texts
    recur on the matrix, organisation and theme pages.
    """
    if not may_cite(text):
        return []
    key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
    found = _found_with(registry)
    if key not in found:
        found[key] = findings(text, registry)
    return found[key]


# What cached_findings found in each text (by digest), per loaded registry, for as long as the registry lives. Kept
# here, not on the registry: the data layer knows nothing of citations (no import cycle, issue 17).
_FOUND: dict[int, dict[bytes, list[Finding]]] = {}


def _found_with(registry: Registry) -> dict[bytes, list[Finding]]:
    key = id(registry)
    if key not in _FOUND:
        _FOUND[key] = {}
        weakref.finalize(registry, _FOUND.pop, key, None)
    return _FOUND[key]


def diagnostics(text: str, path: str, registry: Registry, first_line: int = 1) -> list[Diagnostic]:
    """Problems with the citations in ``text``, located at their line and column in the file ``path``."""
    found: list[Diagnostic] = []
    for finding in cached_findings(text, registry):
        line, col = line_col(text, finding.citation.start)
        for message, fix in finding.problems:
            found.append(
                Diagnostic(path, line + first_line - 1, col, f"{_quote(text, finding.citation)}: {message}", fix)
            )
    return found
