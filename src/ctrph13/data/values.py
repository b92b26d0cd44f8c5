"""The one place where every value read from a data file or a page's front matter is validated and converted.

A value gets what its JSON Schema declares, so a new field gets the same treatment as the others by declaring it;
no loader writes a check of its own for these:

| declared in the schema | checked | converted |
| --- | --- | --- |
| ``type``, ``enum``, ``pattern``, ``minLength``, … | JSON Schema 2020-12 | |
| ``"format": "date"`` | a date that exists, written YYYY-MM-DD | :func:`date` gives a ``datetime.date`` |
| ``"x-ref": "<namespace>"`` | one of the ids of ``NAMESPACES[<namespace>]``, the nearest ones suggested | |
| ``"x-unique": "<key>"`` (on a list) | no two items share ``<key>``; the second names the line of the first | |
| every string, declared or not | no invisible or control character | Unicode NFC |

Every problem is a :class:`Diagnostic` at the line and column of the offending value. References are checked
once every file they may point into has loaded (:func:`references`); everything else when the file is read
(:func:`load`, :func:`parse`).
"""

from __future__ import annotations

import contextvars
import datetime as dt
import difflib
import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema.validators

from ctrph13.core.diagnostics import INVISIBLE, ContentError, Diagnostic, invisible_characters
from ctrph13.core.mdfile import FRONT_MATTER_RE
from ctrph13.data.yamldata import JsonPath, Located, parse_yaml

SCHEMA_DIR = Path(__file__).parent / "schemas"


@dataclass(frozen=True)
class Namespace:
    """What the ids of an ``x-ref`` name, and where an editor finds them (for the message)."""

    what: str
    source: str


NAMESPACES: Mapping[str, Namespace] = {
    "organizations": Namespace("organisation", "data/organizations.yaml"),
    "themes": Namespace("theme", "data/themes.yaml"),
    "changes": Namespace("change", "data/changes.yaml"),
    "clauses": Namespace("clause", "data/program/ (see scripts/kb blocks)"),
    "blocks": Namespace("block", "data/program/ (see scripts/kb blocks)"),
    "documents": Namespace("document id", "data/documents.yaml"),
    "anchors": Namespace("program anchor", "data/program/ (a section, clause or block: scripts/kb blocks)"),
    "practices": Namespace("practice", "docs/vi/mo-hinh/ (a page's file name)"),
    "affected": Namespace(
        "organisation, clause or practice", "data/organizations.yaml, the clause anchors or the practices' ids"
    ),
}

# --------------------------------------------------------------------------------------------------
# Text


def text(value: str) -> str:
    """A string as every check compares it and every output publishes it: NFC.

    Text pasted from PDFs or typed on some keyboards comes decomposed (NFD).
    """
    return unicodedata.normalize("NFC", value)


def _texts(data: Any) -> Any:  # noqa: ANN401 - any YAML value
    # Keys stay as written: positions are found by them.
    if isinstance(data, str):
        return text(data)
    if isinstance(data, list):
        return [_texts(item) for item in data]
    if isinstance(data, dict):
        return {key: _texts(value) for key, value in data.items()}
    return data


def _strings(data: Any, at: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:  # noqa: ANN401 - any YAML value
    if isinstance(data, str):
        yield at, data
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _strings(item, (*at, index))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*at, key))


def _unwanted(char: str) -> str | None:
    if char in INVISIBLE:
        return INVISIBLE[char]
    if unicodedata.category(char) == "Cc" and char not in "\n\t":
        return "a control character"
    return None


def text_problems(located: Located) -> list[Diagnostic]:
    """Invisible and control characters inside string values, such as the YAML escape of a zero-width space writes.

    Those written as such in the file are found, at their exact column, by ``invisible_characters`` when it is read.
    """
    problems = []
    for at, value in _strings(located.data):
        for char in dict.fromkeys(value):
            name = _unwanted(char)
            if name:
                where = "/".join(map(str, at))
                problems.append(
                    located.diagnostic(
                        at,
                        f"{where}: invisible character U+{ord(char):04X} ({name}) in the text",
                        "delete it (or its escape): it does not show, and breaks matching and pages",
                    )
                )
    return problems


# --------------------------------------------------------------------------------------------------
# Dates


def date(value: object) -> dt.date | None:
    """A ``"format": "date"`` value as a date (the schema has refused a date that does not exist), or None."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


# --------------------------------------------------------------------------------------------------
# Schemas, with the keywords x-ref and x-unique


# The ids that x-ref checks against, while :func:`references` runs; unset, x-ref checks nothing (the ids are not
# all loaded yet when a file is first read).
@dataclass(frozen=True)
class _Run:
    known: Mapping[str, frozenset[str]]
    used: dict[str, set[str]]


_KNOWN: contextvars.ContextVar[_Run | None] = contextvars.ContextVar("known", default=None)


def _x_ref(
    _validator: jsonschema.Validator, namespace: str, instance: object, _schema: Mapping[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    run = _KNOWN.get()
    if run is None or not isinstance(instance, str):
        return
    run.used.setdefault(namespace, set()).add(instance)
    if instance not in run.known[namespace]:
        yield jsonschema.ValidationError(f"unknown {NAMESPACES[namespace].what} {instance!r}")


def _x_unique(
    _validator: jsonschema.Validator, key: str, instance: object, _schema: Mapping[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    if not isinstance(instance, list):
        return
    seen: set[object] = set()
    for index, item in enumerate(instance):
        value = item.get(key) if isinstance(item, dict) else None
        if not isinstance(value, str):
            continue
        if value in seen:
            yield jsonschema.ValidationError(f"duplicate {key} {value!r}", path=(index, key), instance=instance)
        seen.add(value)


_Validator: type[jsonschema.Validator] = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    jsonschema.Draft202012Validator, validators={"x-ref": _x_ref, "x-unique": _x_unique}
)


@cache
def schema(name: str) -> dict[str, Any]:
    """The JSON Schema ``schemas/<name>.schema.json`` shipped with the package."""
    loaded: dict[str, Any] = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return loaded


@cache
def _validator(schema_name: str) -> jsonschema.Validator:
    # One per schema and process: every practice page is checked against the same one.
    # With the format checker, "format": "date" holds a date that exists: 2024-02-30 is refused, located.
    validator: jsonschema.Validator = _Validator(
        schema(schema_name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return validator


def _describe(error: jsonschema.ValidationError, located: Located) -> tuple[JsonPath, str, str]:  # noqa: PLR0911 - a branch a keyword
    at: JsonPath = tuple(error.absolute_path)
    where = "/".join(str(part) for part in at)
    prefix = f"{where}: " if where else ""
    if error.validator == "x-unique":
        key, items = str(error.validator_value), list(error.instance)  # type: ignore[arg-type]
        value = items[int(at[-2])][key]
        first = next(i for i, item in enumerate(items) if isinstance(item, dict) and item.get(key) == value)
        line, _ = located.where((*at[:-2], first, key))
        return at, f"{error.message} (first used on line {line})", f"give this entry a unique {key}"
    if error.validator == "required":
        return at, f"{prefix}{error.message}", "add the missing field"
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        # Point at the misspelled key itself, not at the start of its mapping.
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extra = [key for key in error.instance if key not in allowed]
        fix = "remove or correct the misspelled field (see the schema)"
        return (*at, extra[0]) if extra else at, f"{prefix}{error.message}", fix
    if error.validator == "enum":
        allowed = ", ".join(json.dumps(v, ensure_ascii=False) for v in error.schema.get("enum", ()))  # type: ignore[union-attr]
        return at, f"{prefix}{error.instance!r} is not allowed", f"use one of {allowed}"
    if error.validator == "format" and error.validator_value == "date":
        return at, f"{prefix}{error.instance!r} is not a date that exists", "write a real date as YYYY-MM-DD"
    if error.validator == "pattern":
        described = error.schema.get("description") if isinstance(error.schema, dict) else None
        fix = f"{described}: match {error.validator_value}" if described else f"match {error.validator_value}"
        return at, f"{prefix}{error.instance!r} does not have the expected form", fix
    return at, f"{prefix}{error.message}", "correct the value (see the schema)"


def validate(located: Located, schema_name: str) -> list[Diagnostic]:
    """Schema errors in ``located`` (``x-unique`` included, ``x-ref`` not), each at the offending value."""
    diagnostics = []
    for error in _validator(schema_name).iter_errors(located.data):
        at, message, fix = _describe(error, located)
        diagnostics.append(located.diagnostic(at, message, fix))
    return diagnostics


def references(
    located: Located, schema_name: str, known: Mapping[str, Iterable[str]], used: dict[str, set[str]] | None = None
) -> list[Diagnostic]:
    """The values ``x-ref`` declares that name no id of their namespace, each with the nearest ids.

    Args:
        located: A file that passed :func:`validate`.
        schema_name: Its schema.
        known: The ids of every namespace its schema refers to.
        used: Where to add every id the file refers to, by namespace (for :func:`renamed`).
    """
    ids = {name: frozenset(values) for name, values in known.items()}
    token = _KNOWN.set(_Run(ids, used if used is not None else {}))
    try:
        errors = [e for e in _validator(schema_name).iter_errors(located.data) if e.validator == "x-ref"]
    finally:
        _KNOWN.reset(token)
    problems = []
    for error in errors:
        name, value = str(error.validator_value), str(error.instance)
        at: JsonPath = tuple(error.absolute_path)
        if value in _at(located.data, at):  # a key ("propertyNames"): the error stands at its mapping
            at = (*at, value)
        nearest = difflib.get_close_matches(value, sorted(ids[name]), n=3)
        hint = f" (nearest: {', '.join(nearest)})" if nearest else ""
        fix = f"use one of the ids in {NAMESPACES[name].source}{hint}"
        problems.append(located.diagnostic(at, error.message, fix))
    return problems


def renamed(located: Located, namespace: str, used: Mapping[str, set[str]]) -> list[Diagnostic]:
    """Ids defined in ``located`` (a list of entries with ``id``) that nothing uses while a use names no id.

    A renamed id breaks every place that uses it; those are reported by :func:`references`, and this names the
    renamed definition too, so that the editor sees both ends.
    """
    defined = [(index, entry.get("id")) for index, entry in enumerate(located.data) if isinstance(entry, dict)]
    missing = sorted(used.get(namespace, set()) - {value for _, value in defined})
    if not missing:
        return []
    what, names = NAMESPACES[namespace].what, ", ".join(map(repr, missing))
    return [
        located.diagnostic(
            (index, "id"),
            f"{what} {value!r} is used nowhere, while {names} is used but not defined",
            "if you renamed this id, rename it back or update the places that use the old one",
        )
        for index, value in defined
        if isinstance(value, str) and value not in used.get(namespace, set())
    ]


def _at(data: Any, at: JsonPath) -> Any:  # noqa: ANN401 - any YAML value
    for part in at:
        data = data[part]
    return data if isinstance(data, dict) else {}


# --------------------------------------------------------------------------------------------------
# Reading


def parse(source: str, path: str, first_line: int = 1, schema_name: str | None = None) -> Located:
    """YAML ``source`` (the file ``path`` from ``first_line``) with its text converted and its values checked.

    Raises:
        ContentError: Malformed YAML, or values that break the text rules or the schema, all of them.
    """
    raw = parse_yaml(source, path, first_line)
    located = Located(raw.path, _texts(raw.data), raw.positions)
    problems = text_problems(located)
    if schema_name is not None:
        problems += validate(located, schema_name)
    if problems:
        raise ContentError(problems)
    return located


def front_matter(source: str, path: str, schema_name: str) -> Located | None:
    """A page's front matter, parsed and checked like a data file (None when the page has none).

    Raises:
        ContentError: As :func:`parse`, at the lines of the page.
    """
    match = FRONT_MATTER_RE.match(source)
    if match is None:
        return None
    body = match.group(0).split("\n", 1)[1].rsplit("\n", 2)[0] + "\n"
    return parse(body, path, first_line=2, schema_name=schema_name)  # line 2: after "---"


def load(path: Path, root: Path, schema_name: str | None = None) -> Located:
    """Read a YAML file under ``root`` and :func:`parse` it; raise :class:`ContentError` on any error."""
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    source = path.read_text(encoding="utf-8")
    hidden = invisible_characters(source, rel)
    if hidden:
        raise ContentError(hidden)
    return parse(source, rel, schema_name=schema_name)
