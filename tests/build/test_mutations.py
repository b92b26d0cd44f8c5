"""Bad input never crashes the checks: every data file and front matter, mutated value by value, gives located
errors or correct, escaped pages.

Each real data file, and the front matter of a practice page in both languages and of two reader pages, is
mutated field by field: every field (every key of the first two entries of each list or keyed collection) gets two
value mutators in rotation, every date all four date mutators, and every mutator at least one field. The value
mutators: the wrong type, impossible and malformed dates, empty and 100 kB strings, unknown and duplicate ids, HTML
and script, control, zero-width and bidi characters, decomposed (NFD) text; then, for the whole file, tabs in the
indentation, a byte-order mark, CRLF line ends and a required key deleted.

Each mutant either passes every check, and then every page generated from it holds no unescaped markup, or fails
with errors in the project's format (`path:line:col: what — how`) at the line of the mutated value. Two
exceptions, both still located: a registry or termbase value that a page's text no longer agrees with is reported
at the page, naming the mutated line (`data/documents.yaml:82`); a changed id is reported where it is referred to.
Never a traceback. A few mutants are also built with MkDocs, to show that a failed build leaves `site/` as it was.

The count of mutants and their outcomes per file is printed at the end of the run (`tests/conftest.py`).
"""

from __future__ import annotations

import re
import shutil
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from tests.conftest import ROOT, copy_project, run_build

from ctrph13.checks.validate import validate_all
from ctrph13.core.i18n import LANGUAGES
from ctrph13.core.mdfile import body_start_line
from ctrph13.data.site import Site
from ctrph13.pages.markers import expand_markers, generated_pages

FILES = [
    *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").glob("*.yaml")),
    "data/program/errata.yaml",
    "data/program/ctrph-13-2024.en.yaml",
    "docs/vi/mo-hinh/tuoi-cao-guong-sang.md",
    "docs/en/mo-hinh/tuoi-cao-guong-sang.md",
    "docs/vi/gioi-thieu.md",
    "docs/vi/trach-nhiem/index.md",
]
FORMAT = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): .+ — .+$")
SCRIPT = "<script>alert(1)</script><b onmouseover=x>b</b>"
RAW_MARKUP = re.compile(r"(?<!\\)<(?:script>alert|b onmouseover)")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_MUTATORS = ("2024-02-30", "2024-13-01", "12/01/2024", "a bare year")
PER_FIELD = 2
# Value mutators: the YAML written in place of a value (flow style, so it fits any position).
VALUES: dict[str, Callable[[str], str]] = {
    "a list": lambda _: "[1, 2]",
    "a mapping": lambda _: "{a: 1}",
    "a number": lambda _: "42",
    "null": lambda _: "null",
    "2024-02-30": lambda _: "2024-02-30",
    "2024-13-01": lambda _: "2024-13-01",
    "12/01/2024": lambda _: '"12/01/2024"',
    "a bare year": lambda _: "2024",
    "an empty string": lambda _: '""',
    "100 kB": lambda _: '"' + "an ninh " * 12_800 + '"',
    "an unknown id": lambda _: "khong-co-ma-nay",
    "HTML and script": lambda _: yaml.safe_dump(SCRIPT, default_style='"').strip(),
    "a control character": lambda old: '"' + old[:3] + "\\x07" + old[3:] + '"',
    "a zero-width space": lambda old: '"' + old[:3] + "\\u200b" + old[3:] + '"',
    "a bidi override": lambda old: '"' + old[:3] + "\\u202e" + old[3:] + '"',
    "NFD": lambda old: '"' + unicodedata.normalize("NFD", old) + '"',
}


@dataclass(frozen=True)
class Mutant:
    """One mutation of one file: its name, the file's new text, and the line of the mutated value (None: the file)."""

    name: str
    text: str
    line: int | None = None
    # A changed id is reported where it is referred to (in another file) as well as, or instead of, here.
    may_move: bool = False


def _front(text: str) -> tuple[str, str, str]:
    """A page's front matter apart from the rest (a data file is all "front matter")."""
    if not text.startswith("---\n"):
        return "", text, ""
    end = text.index("\n---\n", 4)
    return "---\n", text[4 : end + 1], text[end + 1 :]


def _scalars(text: str) -> list[tuple[tuple[str | int, ...], str, int, int]]:
    """Single-line scalar values of ``text`` (YAML): their path, text, and source offsets (every key of the first two
    items of each list: all the fields a file or a front matter has)."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    found: list[tuple[tuple[str | int, ...], str, int, int]] = []

    def walk(node: yaml.Node, at: tuple[str | int, ...]) -> None:
        if isinstance(node, yaml.ScalarNode):
            if node.start_mark.line == node.end_mark.line and at:
                found.append((at, str(node.value), node.start_mark.index, node.end_mark.index))
        elif isinstance(node, yaml.MappingNode):
            # A mapping of mappings is a collection keyed by id (the translation's blocks): like a list, two entries.
            keyed = all(isinstance(value, yaml.MappingNode) for _, value in node.value)
            for key, value in node.value[:2] if keyed and at else node.value:
                walk(value, (*at, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value[:2]):  # the first two items: every key, and a duplicate
                walk(item, (*at, index))

    if node is not None:
        walk(node, ())
    return found


def mutants(path: str) -> Iterator[Mutant]:
    """Every mutant of one file: each value mutator on one field in turn, then the whole-file mutators."""
    head, front, rest = _front((ROOT / path).read_text(encoding="utf-8"))
    if front.rstrip().endswith(": {}"):  # an empty mapping (data/redirects.yaml): one entry to mutate
        front = front.rstrip()[:-2] + '\n  "trang-cu/": "gioi-thieu.md"\n'
    scalars = _scalars(front)
    assert scalars, path
    first_line = head.count("\n") + 1
    names = list(VALUES)
    # Every field gets PER_FIELD mutators in rotation (so every mutator meets many kinds of field), a date every date
    # mutator, and every mutator at least one field.
    plan = {(k, (k * PER_FIELD + j) % len(names)) for k in range(len(scalars)) for j in range(PER_FIELD)}
    plan |= {(k, names.index(n)) for k, s in enumerate(scalars) if DATE.fullmatch(s[1]) for n in DATE_MUTATORS}
    plan |= {(i % len(scalars), i) for i in range(len(names))}
    for k, m in sorted(plan):
        at, value, start, end = scalars[k]
        line = first_line + front.count("\n", 0, start)
        yield Mutant(
            f"{names[m]} at {'/'.join(map(str, at))}",
            head + front[:start] + VALUES[names[m]](value) + front[end:] + rest,
            line,
            may_move=at[-1] in ("id", "term", "number") or (path.endswith(".en.yaml") and at[0] == "blocks"),
        )
    # A duplicate id: the second item's id given to the first.
    ids = [s for s in scalars if s[0][-1] == "id" and len(s[0]) >= 2]
    if len(ids) >= 2:
        (_, _, start, end), (_, second, _, _) = ids[0], ids[1]
        yield Mutant("a duplicate id", head + front[:start] + second + front[end:] + rest, may_move=True)
    indented = re.sub(r"(?m)^(  )(?=\S)", "\t", front, count=1)
    yield Mutant("a tab in the indentation", head + indented + rest)
    yield Mutant("a byte-order mark", "\ufeff" + head + front + rest)
    yield Mutant("CRLF line ends", (head + front + rest).replace("\n", "\r\n"))
    key_line = next(
        (m for m in re.finditer(r"(?m)^(\s*-?\s*)(\w+): \S.*\n", front) if m.group(1).strip() in ("", "-")), None
    )
    if key_line is not None:  # a required key deleted (every key of the first entry is required somewhere)
        yield Mutant(
            f"the key {key_line.group(2)!r} deleted",
            head + front[: key_line.start()] + key_line.group(1).rstrip() + front[key_line.end() - 1 :] + rest
            if key_line.group(1).strip() == "-"
            else head + front[: key_line.start()] + front[key_line.end() :] + rest,
        )


def rendered(root: Path, site: Site) -> Iterator[tuple[str, str]]:
    """Every page the site would render, as Markdown with its markers expanded (what the data feeds into)."""
    for lang in LANGUAGES:
        docs = root / "docs" / lang
        for page in sorted(docs.rglob("*.md")):
            source = page.read_text(encoding="utf-8-sig")
            start = body_start_line(source)
            body = "\n".join(source.splitlines()[start - 1 :])
            path = page.relative_to(root).as_posix()
            yield path, expand_markers(body, site, lang, path, start)
        yield from generated_pages(site, lang, {}).items()


def outcome(root: Path, path: str, mutant: Mutant) -> str:
    """What the checks make of the project at ``root`` whose file ``path`` was mutated."""
    try:
        site, problems = validate_all(root)
    except Exception:  # noqa: BLE001 - the point: any exception is a crash to report
        return "crash\n" + traceback.format_exc()
    if problems:
        lines = [str(problem) for problem in problems]
        wrong = [line for line in lines if not FORMAT.match(line)]
        if wrong:
            return "unformatted\n" + "\n".join(wrong)
        return _where(path, mutant, lines)
    assert site is not None  # no problems: the data loaded
    try:
        pages = list(rendered(root, site))
    except Exception:  # noqa: BLE001
        return "crash while rendering\n" + traceback.format_exc()
    # Escaped, the markup is "\\<script\\>" in Markdown (pymdownx.escapeall) or "&lt;script&gt;" in HTML.
    unescaped = [name for name, markdown in pages if RAW_MARKUP.search(markdown)]
    return "unescaped\n" + "\n".join(unescaped) if unescaped else "passed"


def _where(path: str, mutant: Mutant, lines: list[str]) -> str:
    """Whether an error stands at the mutated value (or, for a whole-file mutation, in the file)."""
    here = f"{path}:" if mutant.line is None else f"{path}:{mutant.line}:"
    if any(line.startswith(here) for line in lines):
        return "located"
    # A page whose citation no longer agrees with the mutated registry entry: the error names both places.
    if mutant.line is not None and any(f"{path}:{mutant.line}" in line for line in lines):
        return "located, and named where it is used"
    if mutant.may_move:  # a changed id: reported where it is referred to, in this file or another
        return "located elsewhere"
    return "not at the mutated value\n" + "\n".join(lines)


@pytest.mark.parametrize("path", FILES)
def test_every_mutant_gets_a_located_error_or_an_escaped_page(
    path: str, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    root = copy_project(tmp_path)
    original = (root / path).read_bytes()
    results: Counter[str] = Counter()
    failures = []
    for mutant in mutants(path):
        (root / path).write_bytes(mutant.text.encode("utf-8"))
        got = outcome(root, path, mutant)
        kind = got.split("\n", 1)[0]
        results[kind] += 1
        if kind not in ("located", "located, and named where it is used", "located elsewhere", "passed"):
            failures.append(f"{mutant.name}: {got}")
        (root / path).write_bytes(original)
    record_property(
        "mutants",
        f"{path}: {sum(results.values())} mutants, "
        + ", ".join(f"{count} {kind}" for kind, count in sorted(results.items())),
    )
    assert not failures, f"{path}:\n" + "\n\n".join(failures)


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        ("data/documents.yaml", "date: 2024-01-12", "date: 2024-02-30"),
        ("data/duties.yaml", "- id: ubmttq-tinh-1\n", "- id: ubmttq-tinh-1\n\t"),
        ("data/glossary.yaml", "terms:", "term:"),
    ],
)
def test_a_failed_build_leaves_the_site_as_it_was(tmp_path: Path, path: str, old: str, new: str) -> None:
    root = copy_project(tmp_path)
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    build = run_build(root, site)
    assert build.returncode != 0
    assert "Traceback" not in build.log, build.log
    errors = [line.split("-  ", 1)[1] for line in build.log.splitlines() if line.startswith("ERROR")]
    assert any(FORMAT.match(e) and e.startswith(f"{path}:") for e in errors), errors
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good build"
    shutil.rmtree(root)


def test_mutants_the_checks_pass_also_build(tmp_path: Path) -> None:
    """Mutants the checks accept build for real: a page with a BOM and CRLF line ends keeps its front matter as
    front matter, and script in a data value is published as text on every page that shows it."""
    root = copy_project(tmp_path)
    page = root / "docs/vi/gioi-thieu.md"
    page.write_bytes(("\ufeff" + page.read_text(encoding="utf-8")).replace("\n", "\r\n").encode("utf-8"))
    themes = root / "data/themes.yaml"
    text = themes.read_text(encoding="utf-8")
    start = text.index("label_vi: ") + len("label_vi: ")
    end = text.index("\n", start)
    themes.write_text(text[:start] + yaml.safe_dump(SCRIPT, default_style='"').strip() + text[end:], encoding="utf-8")
    site, problems = validate_all(root)
    assert site is not None and problems == []
    build = run_build(root, root / "site")
    assert build.returncode == 0, build.log
    about = build.page("gioi-thieu/")
    assert about.title is not None and about.title.string is not None and about.title.string.startswith("Giới thiệu")
    assert "---" not in about.select_one("article").get_text()[:200]  # the front matter is no paragraph
    built = "".join(p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html"))
    assert "<script>alert(1)</script>" not in built
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in built
    shutil.rmtree(root)
