"""Checks JSON-LD against the schema.org vocabulary (vocabulary.json, made by make_vocabulary.py):
every node's type exists, every property belongs to its node's type, and every value is of a
type the property's range allows (a datatype in the right form, a node of an allowed type or
a subtype of one, or a member of an allowed enumeration)."""

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA = "https://schema.org/"


@cache
def vocabulary() -> dict[str, Any]:
    return json.loads((Path(__file__).resolve().parent / "vocabulary.json").read_text())


def problems(document: dict[str, Any]) -> list[str]:
    """What is wrong with a JSON-LD document, as `path: problem` lines; none when valid."""
    found: list[str] = []
    if document.get("@context") not in ("https://schema.org", "https://schema.org/"):
        found.append(f"@context: {document.get('@context')!r} is not schema.org")
    nodes = document.get("@graph", [document])
    for index, node in enumerate(nodes):
        _node(node, f"@graph[{index}]", found)
    return found


def _node(node: dict[str, Any], path: str, found: list[str]) -> None:
    kind = node.get("@type")
    if kind is None:
        if set(node) - {"@id"}:
            found.append(f"{path}: a node without @type")
        return
    types = vocabulary()["types"]
    if kind not in types:
        found.append(f"{path}: unknown or unchecked type {kind!r}")
        return
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in types[kind]["properties"]:
            found.append(f"{path}.{name}: {kind} has no property {name!r}")
            continue
        for index, each in enumerate(value if isinstance(value, list) else [value]):
            _value(each, vocabulary()["ranges"].get(name, []), f"{path}.{name}[{index}]", found)


def _value(value: Any, allowed: list[str], path: str, found: list[str]) -> None:
    if isinstance(value, dict):
        kind = value.get("@type")
        if kind is not None and not (_lineage(kind) & set(allowed)):
            found.append(f"{path}: a {kind} where {'/'.join(allowed)} is expected")
        _node(value, path, found)
    elif isinstance(value, bool):
        _expect("Boolean" in allowed, value, allowed, path, found)
    elif isinstance(value, int | float):
        _expect(bool({"Number", "Integer"} & set(allowed)), value, allowed, path, found)
    elif isinstance(value, str):
        _expect(_text_fits(value, allowed), value, allowed, path, found)
    else:
        found.append(f"{path}: {value!r} is not a JSON-LD value")


def _expect(fits: bool, value: Any, allowed: list[str], path: str, found: list[str]) -> None:
    if not fits:
        found.append(f"{path}: {value!r} is not a {'/'.join(allowed)}")


def _lineage(kind: str) -> set[str]:
    return {kind, *vocabulary()["lineage"].get(kind, [])}


def _text_fits(value: str, allowed: list[str]) -> bool:
    member = value.removeprefix(SCHEMA) if value.startswith(SCHEMA) else None
    if member is not None and vocabulary()["enumerations"].get(member) in allowed:
        return True
    checks = {
        "Text": lambda: True,
        "URL": lambda: value.startswith(("http://", "https://")),
        "DateTime": lambda: "T" in value and _parses(dt.datetime.fromisoformat, value),
        "Date": lambda: _parses(dt.date.fromisoformat, value),
    }
    return any(checks[kind]() for kind in allowed if kind in checks)


def _parses(parse, value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True
