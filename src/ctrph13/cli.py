"""``scripts/kb``: every validator and generator of the knowledge base, without MkDocs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ctrph13 import program as program_module
from ctrph13.diagnostics import ContentError, report
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


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    main = argparse.ArgumentParser(prog="kb", description=__doc__)
    main.add_argument("--root", type=Path, default=ROOT, help="repository root (default: this checkout)")
    commands = main.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every content and data file; exit 1 on any problem")
    check.set_defaults(run=_check)
    blocks = commands.add_parser("blocks", help="list the program's blocks and their anchor ids")
    blocks.set_defaults(run=_blocks)
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
    return code
