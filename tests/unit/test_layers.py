"""The house's layers hold: import-linter's contracts (pyproject.toml) and no import cycle between modules.

Layers, lowest first: core, data, citations, pages and outputs, checks, the MkDocs adapter, preview and publishing,
the command line. Only the adapter, the preview and publishing import MkDocs. TYPE_CHECKING imports count.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
from tests.conftest import ROOT


def test_the_contracts_are_kept() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def cycle(graph: grimp.ImportGraph) -> list[str]:
    """One import cycle among the package's modules, or an empty list."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = 1
        path.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if not imported.startswith("ctrph13"):
                continue
            if state.get(imported) == 1:
                return [*path[path.index(imported) :], imported]
            if imported not in state and (found := visit(imported)):
                return found
        path.pop()
        state[module] = 2
        return []

    for module in sorted(graph.modules):
        if module.startswith("ctrph13") and module not in state and (found := visit(module)):
            return found
    return []


def test_no_import_cycle() -> None:
    graph = grimp.build_graph("ctrph13", cache_dir=None)
    # A package's __init__ imports nothing of its modules here, so module-to-module edges are the whole story.
    assert cycle(graph) == []


def test_the_cycle_check_can_fail() -> None:
    graph = grimp.ImportGraph()
    for module in ("ctrph13.a", "ctrph13.b"):
        graph.add_module(module)
    graph.add_import(importer="ctrph13.a", imported="ctrph13.b")
    graph.add_import(importer="ctrph13.b", imported="ctrph13.a")
    assert cycle(graph) == ["ctrph13.a", "ctrph13.b", "ctrph13.a"]
