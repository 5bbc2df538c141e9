"""Walking a JSON Schema and following its references, shared by the tests of the published
schemas."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def walk(node: Any, pointer: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every subschema with its JSON pointer (values of examples, enum and const are data)."""
    if isinstance(node, dict):
        yield pointer, node
        for key, value in node.items():
            if key in ("examples", "default", "enum", "const"):
                continue
            yield from walk(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{pointer}/{index}")


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The subschema a node stands for, following its local `$ref`s within `schema`."""
    while "$ref" in node:
        target: Any = schema
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node
