"""``scripts/kb``: every validator and generator of the knowledge base, without MkDocs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ctrph13 import practices, responsibility
from ctrph13 import program as program_module
from ctrph13.diagnostics import ContentError, relpath, report
from ctrph13.validate import validate_all

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


def _corpus(args: argparse.Namespace) -> int:
    from ctrph13 import corpus  # noqa: PLC0415 - only this command needs it; the module's imports stay as they are

    out: Path = args.out
    if args.scale < 1 or (out.exists() and any(out.iterdir())):
        print(
            f"{out}:1:1: cannot write a corpus of scale {args.scale} here — use a scale of 1 or more and a new "
            "or empty folder",
            file=sys.stderr,
        )
        return 2
    stats = corpus.generate(args.root, out, args.scale)
    print(f"wrote {out} (scale {args.scale}); build it with `mkdocs build --strict` from that folder")
    print("\n".join(corpus.summary(stats)))
    return 0


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    main = argparse.ArgumentParser(prog="kb", description=__doc__)
    main.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="every check that needs no rendering: data, translations, citations, markers (kb:practice included), "
        "templates, links to page files; exit 1 on any problem. Only a build finds missing anchors and MkDocs' own "
        "problems",
    )
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
    grown = commands.add_parser("corpus", help="write a buildable copy of the project grown N times, for benchmarks")
    grown.add_argument("--scale", type=int, required=True, help="N: 1 copies the project unchanged")
    grown.add_argument("--out", type=Path, required=True, help="a new or empty folder")
    grown.set_defaults(run=_corpus)
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
