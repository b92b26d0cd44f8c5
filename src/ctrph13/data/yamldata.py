"""Parse YAML with the line and column of every value.

PyYAML's composer keeps a position for every node; we keep those positions beside the plain data, so that a
schema error or a cross-reference error can name the exact line of the offending value. What the values must be,
and what they become, is :mod:`ctrph13.data.values`' business.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from ctrph13.core.diagnostics import ContentError, Diagnostic

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Located:
    """Parsed YAML data and the 1-based (line, column) of every value in it."""

    path: str
    data: Any
    positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, at: JsonPath) -> tuple[int, int]:
        """Position of the value at ``at``, or of its nearest located ancestor."""
        for depth in range(len(at), -1, -1):
            if at[:depth] in self.positions:
                return self.positions[at[:depth]]
        return (1, 1)

    def diagnostic(self, at: JsonPath, message: str, fix: str) -> Diagnostic:
        """A :class:`Diagnostic` pointing at the value at ``at``."""
        line, col = self.where(at)
        return Diagnostic(self.path, line, col, message, fix)


def _walk(node: yaml.Node, at: JsonPath) -> Iterator[tuple[JsonPath, tuple[int, int]]]:
    yield at, (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield from _walk(value, (*at, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _walk(item, (*at, index))


# libyaml's parser when PyYAML was built with it (it is, in the wheels we lock): ten times faster.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[misc,valid-type]
    """SafeLoader that keeps dates as the strings written, so data validates as JSON (and exports unchanged)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    # One parse gives both the positions (the node tree) and the data built from it.
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def parse_yaml(text: str, path: str, first_line: int = 1) -> Located:
    """Parse YAML ``text`` (the file ``path`` from ``first_line``), values as written.

    Raises:
        ContentError: The YAML is malformed; the error stands at the parser's position.
    """
    shift = first_line - 1
    try:
        node, data = _compose_and_construct(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1 + shift, mark.column + 1) if mark else (first_line, 1)
        problem = error.problem or error.context or "invalid YAML"
        raise ContentError(
            [Diagnostic(path, line, col, f"malformed YAML: {problem}", "fix the syntax at this position")]
        ) from None
    except yaml.YAMLError as error:
        raise ContentError(
            [Diagnostic(path, first_line, 1, f"malformed YAML: {error}", "fix the file's syntax")]
        ) from None
    positions = {at: (line + shift, col) for at, (line, col) in _walk(node, ())} if node is not None else {}
    return Located(path, data, positions)
