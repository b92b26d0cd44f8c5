"""The English translation of the program, block by block, and the errata notes: loading and checks.

Each translated block records ``source``, the first 12 hex digits of the SHA-256 of the Vietnamese block it
was made from. When the Vietnamese text changes, the hash no longer matches and the block is *stale*: the build
reports it and the English page shows a notice until a translator reviews the block and updates the hash.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ctrph13.core.diagnostics import ContentError, Diagnostic
from ctrph13.data import values, yamldata
from ctrph13.data.program import Program

TRANSLATION_PATH = Path("data") / "program" / "ctrph-13-2024.en.yaml"
ERRATA_PATH = Path("data") / "program" / "errata.yaml"


def source_hash(text: str) -> str:
    """Fingerprint of a Vietnamese block, recorded beside its translation."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Translation:
    """Translated text per block id, and the ids whose Vietnamese source changed since translation."""

    texts: dict[str, str]
    stale: frozenset[str]
    lines: dict[str, int]
    # The hash of the Vietnamese block each translation was made from (``source`` in the file).
    sources: dict[str, str] = field(default_factory=dict)
    # Termbase terms a block renders otherwise, with the reason (``waive`` in the file).
    waivers: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Erratum:
    """An apparent slip in the signed text, published as printed with an editorial note."""

    id: str
    block: str
    printed: str
    presumed: str
    note_vi: str
    note_en: str


def check_translation(program: Program, located: yamldata.Located) -> tuple[Translation, list[Diagnostic]]:
    """Compare the translation with the program: every block translated, nothing extra, hashes current."""
    blocks: dict[str, dict[str, Any]] = located.data["blocks"]
    problems: list[Diagnostic] = []
    stale: set[str] = set()
    for block in program.blocks:
        entry = blocks.get(block.id)
        if entry is None:
            problems.append(
                located.diagnostic(
                    ("blocks",),
                    f"block {block.id!r} has no English translation",
                    f"add `{block.id}:` with `source` and `en` under `blocks:`",
                )
            )
        elif entry["source"] != source_hash(block.text):
            stale.add(block.id)
    problems += values.references(located, "translation", {"blocks": [block.id for block in program.blocks]})
    texts = {block_id: entry["en"] for block_id, entry in blocks.items()}
    lines = {block_id: located.where(("blocks", block_id, "en"))[0] for block_id in blocks}
    sources = {block_id: entry["source"] for block_id, entry in blocks.items()}
    waivers = {block_id: dict(entry["waive"]) for block_id, entry in blocks.items() if "waive" in entry}
    return Translation(texts, frozenset(stale), lines, sources, waivers), problems


def load_translation(root: Path, program: Program) -> Translation:
    """Load and check the English translation; raise :class:`ContentError` if it is incomplete or malformed."""
    located = values.load(root / TRANSLATION_PATH, root, "translation")
    translation, problems = check_translation(program, located)
    if problems:
        raise ContentError(problems)
    return translation


def load_errata(root: Path, program: Program) -> tuple[Erratum, ...]:
    """Load the errata; each printed slip must stand exactly once in its block."""
    located = values.load(root / ERRATA_PATH, root, "errata")
    problems = values.references(located, "errata", {"blocks": [block.id for block in program.blocks]})
    errata: list[Erratum] = []
    texts = {block.id: block.text for block in program.blocks}
    for index, entry in enumerate(located.data["errata"]):
        erratum = Erratum(**entry)
        count = texts.get(erratum.block, "").count(erratum.printed)
        if count != 1:
            problems.append(
                located.diagnostic(
                    ("errata", index, "printed"),
                    f"{erratum.printed!r} occurs {count} times in block {erratum.block!r}",
                    "quote the slip exactly as printed, once, in the right block",
                )
            )
        errata.append(erratum)
    if problems:
        raise ContentError(problems)
    return tuple(errata)
