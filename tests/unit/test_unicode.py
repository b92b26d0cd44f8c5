"""One Unicode form: text read from data files and pages is NFC before any check and any output."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tests.conftest import ROOT, copy_project

from ctrph13.data.program import load as load_program
from ctrph13.data.responsibility import load
from ctrph13.data.values import parse
from ctrph13.outputs.opendata import duties


def test_yaml_values_are_composed_and_keys_keep_their_positions() -> None:
    text = unicodedata.normalize("NFD", 'entries:\n  - id: a\n    quote_vi: "an ninh Tổ quốc"\n')
    located = parse(text, "x.yaml")
    assert located.data["entries"][0]["quote_vi"] == "an ninh Tổ quốc"
    assert unicodedata.is_normalized("NFC", located.data["entries"][0]["quote_vi"])
    assert located.where(("entries", 0, "quote_vi")) == (3, 15)


def test_a_decomposed_quote_passes_the_verbatim_check_and_is_published_composed(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    path = root / "data" / "duties.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("quote_vi: ")
    end = text.index("\n", first)
    path.write_text(text[:first] + unicodedata.normalize("NFD", text[first:end]) + text[end:], encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8"))
    published = duties(load(root, load_program(ROOT)))
    assert all(unicodedata.is_normalized("NFC", duty["quote_vi"]) for duty in published)
