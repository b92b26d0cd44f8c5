"""``scripts/kb``: every validator and generator of the knowledge base, without MkDocs."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ctrph13.checks.validate import validate_all
from ctrph13.citations.check import resolve
from ctrph13.citations.find import Citation, find_citations
from ctrph13.core.diagnostics import ContentError, line_col, relpath, report
from ctrph13.data import practices, responsibility
from ctrph13.data import program as program_module
from ctrph13.data import registry as registry_module

ROOT = Path(__file__).resolve().parents[2]


def _check(args: argparse.Namespace) -> int:
    _, problems = validate_all(args.root)
    for line in report(problems):
        print(line, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print("no problems found")
    return 0


def _blocks(args: argparse.Namespace) -> int:
    for block in program_module.load(args.root).blocks:
        print(f"{block.id}\t{block.kind.value}\tline {block.line}\t{block.text[:60]}")
    return 0


def _new_practice(args: argparse.Namespace) -> int:
    root: Path = args.root
    lead = [org for org in args.lead.split(",") if org]
    organizations = [org.id for org in responsibility.load(root, program_module.load(root)).organizations]
    problems = practices.scaffold_problems(root, args.id, args.kind, lead, organizations)
    if problems:
        for line in report(problems):
            print(line, file=sys.stderr)
        return 2
    for lang, text in practices.scaffold(root, args.id, args.kind, lead, args.title_vi, args.title_en).items():
        path = root / "docs" / lang / practices.PRACTICE_DIR / f"{args.id}.md"
        path.write_text(text, encoding="utf-8")
        print(f"created {path.relative_to(root)}")
    print("next: fill clauses, quotes and sources in the Vietnamese page, then run `make check`")
    return 0


def _as_json(citation: Citation) -> dict[str, object]:
    return {
        "kind": citation.kind,
        "number": citation.number,
        "date": citation.date,
        "issuer": citation.issuer,
        "start": citation.start,
        "end": citation.end,
    }


def _cite_jsonl() -> int:
    """One JSON object a line on standard input ({"text": …}); one {"citations": […]} a line out, in order."""
    failed = False
    for number, line in enumerate(sys.stdin, start=1):
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            problem = f"not JSON ({error.msg})"
        else:
            text = data.get("text") if isinstance(data, dict) else None
            if isinstance(text, str):
                print(json.dumps({"citations": [_as_json(c) for c in find_citations(text)]}, ensure_ascii=False))
                continue
            problem = 'no "text" string'
        # A line for every line read, so that output line N answers input line N; the reason goes to stderr.
        print(json.dumps({"citations": None}))
        print(f'<stdin>:{number}:1: {problem} — give each line as {{"text": "…"}}', file=sys.stderr)
        failed = True
    return 1 if failed else 0


def _cite(args: argparse.Namespace) -> int:
    if args.jsonl:
        return _cite_jsonl()
    if not args.files:
        print("<command>:1:1: no file given — name text or Markdown files, or use --jsonl", file=sys.stderr)
        return 2
    registry = registry_module.load(args.root, program_module.load(args.root))
    for path in args.files:
        text = path.read_text(encoding="utf-8")
        shown = relpath(path.resolve(), args.root) if path.resolve().is_relative_to(args.root) else str(path)
        for citation in find_citations(text):
            line, col = line_col(text, citation.start)
            known = "known" if resolve(text, citation, registry).document is not None else "not in the registry"
            print(
                f"{shown}:{line}:{col}\t{citation.kind}\t{citation.number}\t{citation.date or '-'}\t"
                f"{citation.issuer or '-'}\t{known}"
            )
    return 0


def _corpus_elsewhere(args: argparse.Namespace) -> int:
    print(
        f"{relpath(args.root / 'benchmarks' / 'corpus.py', args.root)}:1:1: the corpus generator is not part of the "
        "package — run `scripts/kb corpus --scale N --out DIR` from the repository",
        file=sys.stderr,
    )
    return 2


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    main = argparse.ArgumentParser(prog="kb", description=__doc__)
    main.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    commands = main.add_subparsers(dest="command", required=True)
    what = (
        "every check that needs no rendering: data files and their schemas, translations and the termbase, "
        "citations and references to the program's clauses, markers (kb:practice included), templates, links to "
        "page files, invisible characters; exit 1 on any problem. Only a build finds links to missing anchors "
        "(#...) and MkDocs' and Material's own problems (navigation, configuration, plugins)"
    )
    check = commands.add_parser("check", help=what, description=what)
    check.set_defaults(run=_check)
    blocks = commands.add_parser("blocks", help="list the program's blocks and their anchor ids")
    blocks.set_defaults(run=_blocks)
    new = commands.add_parser("new-practice", help="create both pages of a new practice from templates/")
    new.add_argument("--id", required=True, help="ASCII id, also the file name, e.g. mo-hinh-camera-an-ninh")
    new.add_argument("--kind", required=True, help=" | ".join(practices.KINDS["vi"]))
    new.add_argument("--lead", default="", help="comma-separated organisation ids (data/organizations.yaml)")
    new.add_argument("--title-vi", required=True, help="the title in Vietnamese")
    new.add_argument("--title-en", required=True, help="the title in English")
    new.set_defaults(run=_new_practice)
    cite = commands.add_parser(
        "cite",
        help="print the citations found in text or Markdown files (file:line:col, kind, number, date, issuer, "
        'whether the registry knows the document); --jsonl reads {"text": …} lines on standard input',
    )
    cite.add_argument("files", nargs="*", type=Path, help="text or Markdown files")
    cite.add_argument("--jsonl", action="store_true", help='JSON lines in, {"citations": […]} lines out')
    cite.set_defaults(run=_cite)
    # `scripts/kb corpus` runs benchmarks.corpus (a tool of the project, not of this package); listed here for --help.
    commands.add_parser(
        "corpus", help="write a buildable copy of the project grown N times, for benchmarks", add_help=False
    )
    return main


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; content errors are printed in the project's format, never as a traceback."""
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except ContentError as error:
        for line in report(error.diagnostics):
            print(line, file=sys.stderr)
        return 1
    except OSError as error:
        name = Path(error.filename).resolve() if error.filename else args.root
        print(
            f"{relpath(name, args.root)}:1:1: cannot read or write the file ({error.strerror}) — run the "
            "command from a complete checkout of the repository",
            file=sys.stderr,
        )
        return 1
    return code
