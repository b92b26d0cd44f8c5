"""Load YAML data files with line numbers, and validate them against JSON Schemas.

PyYAML's composer keeps a position for every node; we keep those positions beside the plain data, so that a
schema error or a cross-reference error can name the exact line of the offending value.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ctrph13.core.diagnostics import ContentError, Diagnostic, invisible_characters

JsonPath = tuple[str | int, ...]

SCHEMA_DIR = Path(__file__).parent / "schemas"


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


def parse_yaml(text: str, path: str) -> Located:
    """Parse YAML ``text``; raise :class:`ContentError` with the parser's position if it is malformed."""
    try:
        node, data = _compose_and_construct(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "invalid YAML"
        raise ContentError(
            [Diagnostic(path, line, col, f"malformed YAML: {problem}", "fix the syntax at this position")]
        ) from None
    except yaml.YAMLError as error:
        raise ContentError([Diagnostic(path, 1, 1, f"malformed YAML: {error}", "fix the file's syntax")]) from None
    positions = dict(_walk(node, ())) if node is not None else {}
    return Located(path, nfc(data), positions)


def nfc(data: Any) -> Any:  # noqa: ANN401 - any YAML value
    """Every string value of ``data`` in Unicode NFC (keys stay as written: positions are found by them).

    Text pasted from PDFs or typed on some keyboards comes decomposed (NFD); every check and every output
    compares and publishes the one composed form.
    """
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    if isinstance(data, list):
        return [nfc(item) for item in data]
    if isinstance(data, dict):
        return {key: nfc(value) for key, value in data.items()}
    return data


@cache
def schema(name: str) -> dict[str, Any]:
    """The JSON Schema ``schemas/<name>.schema.json`` shipped with the package."""
    loaded: dict[str, Any] = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return loaded


def _describe(error: jsonschema.ValidationError) -> tuple[str, str]:
    path = "/".join(str(part) for part in error.absolute_path)
    where = f"{path}: " if path else ""
    if error.validator == "required":
        return f"{where}{error.message}", "add the missing field"
    if error.validator == "additionalProperties":
        return f"{where}{error.message}", "remove or correct the misspelled field (see the schema)"
    if error.validator == "enum":
        allowed = ", ".join(json.dumps(v, ensure_ascii=False) for v in error.schema.get("enum", ()))  # type: ignore[union-attr]
        return f"{where}{error.instance!r} is not allowed", f"use one of {allowed}"
    if error.validator == "format" and error.validator_value == "date":
        return f"{where}{error.instance!r} is not a date that exists", "write a real date as YYYY-MM-DD"
    if error.validator == "pattern":
        return f"{where}{error.instance!r} does not have the expected form", f"match {error.validator_value}"
    return f"{where}{error.message}", "correct the value (see the schema)"


@cache
def _validator(schema_name: str) -> jsonschema.Draft202012Validator:
    # One per schema and process: every practice file is checked against the same one.
    # With the format checker, "format": "date" holds a date that exists: 2024-02-30 is refused, located.
    return jsonschema.Draft202012Validator(
        schema(schema_name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def validate(located: Located, schema_name: str) -> list[Diagnostic]:
    """Schema errors in ``located``, each at the line of the offending value."""
    validator = _validator(schema_name)
    diagnostics: list[Diagnostic] = []
    for error in validator.iter_errors(located.data):
        message, fix = _describe(error)
        at = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            # Point at the misspelled key itself, not at the start of its mapping.
            allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
            extra = [key for key in error.instance if key not in allowed]
            at = (*at, extra[0]) if extra else at
        diagnostics.append(located.diagnostic(at, message, fix))
    return diagnostics


def load(path: Path, root: Path, schema_name: str | None = None) -> Located:
    """Read, parse and (optionally) schema-validate a YAML file; raise :class:`ContentError` on any error."""
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    text = path.read_text(encoding="utf-8")
    hidden = invisible_characters(text, rel)
    if hidden:
        raise ContentError(hidden)
    located = parse_yaml(text, rel)
    if schema_name is not None:
        problems = validate(located, schema_name)
        if problems:
            raise ContentError(problems)
    return located


def duplicates(located: Located, items: Sequence[dict[str, Any]], key: str, where: JsonPath) -> list[Diagnostic]:
    """Diagnostics for repeated values of ``key`` among ``items`` (found at ``where`` in the file)."""
    seen: dict[str, int] = {}
    problems: list[Diagnostic] = []
    for index, item in enumerate(items):
        value = item.get(key)
        if not isinstance(value, str):
            continue
        if value in seen:
            first_line, _ = located.where((*where, seen[value], key))
            problems.append(
                located.diagnostic(
                    (*where, index, key),
                    f"duplicate {key} {value!r} (first used on line {first_line})",
                    f"give this entry a unique {key}",
                )
            )
        else:
            seen[value] = index
    return problems
