"""The termbase enforced: every Vietnamese text with a term, and its English counterpart (``data.termbase``)."""

from __future__ import annotations

from ctrph13.core.diagnostics import ContentError, Diagnostic
from ctrph13.core.mdfile import body_start_line
from ctrph13.data import termbase, values
from ctrph13.data.practices import PRACTICE_DIR
from ctrph13.data.program import SOURCE_NAME
from ctrph13.data.site import Site
from ctrph13.data.translation import TRANSLATION_PATH

# Every list of entries in data/ with a Vietnamese text and its English (the program, the practices and the
# glossary's own definitions aside).
BILINGUAL_FIELDS = (
    ("duties", "summary_vi", "summary_en"),
    ("organizations", "name_vi", "name_en"),
    ("themes", "label_vi", "label_en"),
    ("themes", "description_vi", "description_en"),
    ("schedule", "title_vi", "title_en"),
    ("schedule", "condition_vi", "condition_en"),
    ("changes", "text_vi", "text_en"),
)


def pairs(site: Site) -> list[termbase.Pair]:
    """Every Vietnamese text and its English counterpart that the termbase governs."""
    root = site.root
    found: list[termbase.Pair] = []
    errata: dict[str, list[tuple[str, str]]] = {}
    for erratum in site.errata:
        errata.setdefault(erratum.block, []).append((erratum.printed, erratum.presumed))
    for block in site.program.blocks:
        vi = block.text
        for printed, presumed in errata.get(block.id, []):
            vi = vi.replace(printed, presumed)  # the terms of the text as meant, not its slips
        found.append(
            termbase.Pair(
                vi,
                f"data/program/{SOURCE_NAME}:{block.line}",
                site.translation.texts.get(block.id, ""),
                TRANSLATION_PATH.as_posix(),
                site.translation.lines.get(block.id, 1),
                site.translation.waivers.get(block.id),
            )
        )
    for name, vi_key, en_key in BILINGUAL_FIELDS:
        located = values.load(root / "data" / f"{name}.yaml", root)
        found += termbase.located_pairs(located, located.data, (), vi_key, en_key)
    for practice in site.practices:
        vi_path = f"docs/vi/{PRACTICE_DIR}/{practice.id}.md"
        en_path = f"docs/en/{PRACTICE_DIR}/{practice.id}.md"
        vi_page, en_page = (root / vi_path).read_text(encoding="utf-8"), (root / en_path).read_text(encoding="utf-8")
        found.append(termbase.Pair(practice.title_vi, vi_path, practice.title_en, vi_path, _line(vi_page, "title_en:")))
        found += [
            termbase.Pair(q.text_vi, vi_path, q.text_en, vi_path, _line(vi_page, q.text_en[:40]))
            for q in practice.quotes
        ]
        vi_start, en_start = body_start_line(vi_page), body_start_line(en_page)
        vi_body = "\n".join(vi_page.splitlines()[vi_start - 1 :])
        en_body = "\n".join(en_page.splitlines()[en_start - 1 :])
        found.append(termbase.Pair(vi_body, vi_path, en_body, en_path, en_start))
    return found


def _line(text: str, needle: str) -> int:
    """The line of ``text`` where ``needle`` first stands (1 if nowhere: a value written another way)."""
    offset = text.find(needle)
    return text.count("\n", 0, offset) + 1 if offset >= 0 else 1


def term_problems(site: Site) -> list[Diagnostic]:
    """Every English text that does not follow the termbase, at the English file and line."""
    try:
        terms = termbase.load(site.root)
    except ContentError as error:
        return error.diagnostics
    return termbase.problems(terms, pairs(site))
