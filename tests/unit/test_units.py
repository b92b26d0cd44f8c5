"""Small pure functions: escaping, language links, slugs, diagnostics, YAML positions, markers."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from ctrph13.core import timing
from ctrph13.core.diagnostics import ContentError, Diagnostic, line_col
from ctrph13.core.i18n import alternates
from ctrph13.core.markdown import escape
from ctrph13.core.mdfile import body_start_line
from ctrph13.core.text import fold, normalise, slugify
from ctrph13.data import values, yamldata


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=200))
def test_escaped_text_renders_as_itself(text: str) -> None:
    # Whatever the words, the escaped paragraph shows exactly those words: no markup can sneak in.
    text = " ".join(text.split())
    if not text:
        return
    html = markdown.markdown(escape(text), extensions=["pymdownx.escapeall"])
    assert BeautifulSoup(html, "html.parser").get_text() == text


def test_script_in_data_is_text() -> None:
    html = markdown.markdown(escape("<script>alert(1)</script> *x*"), extensions=["pymdownx.escapeall"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<em>" not in html


@pytest.mark.parametrize(
    ("url", "lang", "version", "expected"),
    [
        ("", "vi", None, {"vi": "./", "en": "en/"}),
        ("chuong-trinh/", "vi", None, {"vi": "../chuong-trinh/", "en": "../en/chuong-trinh/"}),
        ("chuong-trinh/", "en", None, {"vi": "../../chuong-trinh/", "en": "../chuong-trinh/"}),
        ("chuong-trinh/", "vi", "2024.1", {"vi": "../chuong-trinh/", "en": "../../en/2024.1/chuong-trinh/"}),
        ("chuong-trinh/", "en", "2024.1", {"vi": "../../../2024.1/chuong-trinh/", "en": "../chuong-trinh/"}),
        ("chuong-trinh.html", "vi", None, {"vi": "chuong-trinh.html", "en": "en/chuong-trinh.html"}),
    ],
)
def test_language_links(url: str, lang: str, version: str | None, expected: dict[str, str]) -> None:
    assert {a.lang: a.href for a in alternates(url, lang, version, translated=True)} == expected


def test_untranslated_page_links_to_the_other_home() -> None:
    links = {a.lang: a.href for a in alternates("dev/api/", "en", None, translated=False)}
    assert links["vi"] == "../../../"


def test_folding_and_slugs() -> None:
    assert fold("Đảng viên") == "dang vien"
    assert slugify("Đường dây nóng") == "duong-day-nong"
    assert normalise("hoà giải, cảm hoá") == normalise("hòa giải, cảm hóa")
    assert normalise("Thuỷ") == normalise("Thủy")


def test_diagnostic_format() -> None:
    diagnostic = Diagnostic("docs/vi/x.md", 12, 3, "unknown document 45-KL/TW", "did you mean 44-KL/TW?")
    assert str(diagnostic) == "docs/vi/x.md:12:3: unknown document 45-KL/TW — did you mean 44-KL/TW?"
    assert diagnostic.github_annotation() == (
        "::error file=docs/vi/x.md,line=12,col=3::unknown document 45-KL/TW — did you mean 44-KL/TW?"
    )
    assert line_col("ab\ncd", 4) == (2, 2)


def test_front_matter_offset() -> None:
    assert body_start_line("---\ntitle: x\n---\n# Body\n") == 4
    assert body_start_line("# No front matter\n") == 1


def test_yaml_positions_and_errors() -> None:
    located = yamldata.parse_yaml("terms:\n  - term: A\n    kind: x\n", "data/g.yaml")
    assert located.where(("terms", 0, "kind")) == (3, 11)
    with pytest.raises(ContentError) as error:
        yamldata.parse_yaml("terms:\n  - term: [unclosed\n", "data/g.yaml")
    assert str(error.value).startswith("data/g.yaml:3:1: malformed YAML")
    problems = values.validate(located, "glossary")
    assert sorted(map(str, problems)) == [
        "data/g.yaml:2:5: terms/0: 'en' is a required property — add the missing field",
        "data/g.yaml:2:5: terms/0: 'vi' is a required property — add the missing field",
        'data/g.yaml:3:11: terms/0/kind: \'x\' is not allowed — use one of "abbreviation", "term"',
    ]


def test_timed_steps_count_their_own_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A fake clock: outer starts at 0, inner runs from 1 to 4, outer ends at 10.
    ticks = iter([0.0, 1.0, 4.0, 10.0])
    monkeypatch.setattr(timing.time, "perf_counter", lambda: next(ticks))
    monkeypatch.setattr(timing, "SPENT", defaultdict(float))  # steps other tests of this process timed
    monkeypatch.setenv(timing.TIMINGS_VAR, str(tmp_path / "t.jsonl"))
    with timing.timed("outer"), timing.timed("inner"):
        pass
    timing.flush()
    lines = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {line["step"]: line["seconds"] for line in lines} == {"outer": 7.0, "inner": 3.0}
    assert not timing.SPENT
