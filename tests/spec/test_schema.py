"""The program schema itself: valid draft-07, documented everywhere, closed to unknown keys."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft7Validator

from generator.resources import data_dir, schema
from generator.spec.defaults import DAY_TYPES, GOAL_REPS
from tests.support.schema_tools import resolve, walk

PROGRAM = schema("program")


def properties() -> Iterator[tuple[str, dict[str, Any]]]:
    for pointer, node in walk(PROGRAM):
        for name, subschema in node.get("properties", {}).items():
            if pointer.endswith("/if") or pointer.endswith("/if/properties"):
                continue
            yield f"{pointer}/properties/{name}", subschema


def test_schema_is_valid_draft_07() -> None:
    Draft7Validator.check_schema(PROGRAM)
    assert PROGRAM["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_schema_file_is_formatted_json() -> None:
    text = (data_dir("schemas") / "program.schema.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(("pointer", "node"), list(properties()), ids=lambda v: str(v)[-60:])
def test_every_property_has_title_description_and_examples(
    pointer: str, node: dict[str, Any]
) -> None:
    documented = resolve(PROGRAM, node)
    for field in ("title", "description", "examples"):
        assert field in node or field in documented, f"{pointer} has no {field}"


def _with_examples() -> Iterator[tuple[str, dict[str, Any]]]:
    for pointer, node in walk(PROGRAM):
        if "examples" in node and not pointer.endswith("/if"):
            yield pointer, node


def _validator_for(node: dict[str, Any]) -> Draft7Validator:
    standalone = dict(node, definitions=PROGRAM["definitions"])
    return Draft7Validator(standalone, format_checker=Draft7Validator.FORMAT_CHECKER)


@pytest.mark.parametrize(("pointer", "node"), list(_with_examples()), ids=lambda v: str(v)[-60:])
def test_examples_are_valid(pointer: str, node: dict[str, Any]) -> None:
    validator = _validator_for(node)
    for example in node["examples"]:
        problems = [error.message for error in validator.iter_errors(example)]
        assert not problems, f"{pointer}: example {example!r}: {problems}"


def _with_defaults() -> Iterator[tuple[str, dict[str, Any]]]:
    for pointer, node in walk(PROGRAM):
        if "default" in node:
            yield pointer, node


@pytest.mark.parametrize(("pointer", "node"), list(_with_defaults()), ids=lambda v: str(v)[-60:])
def test_defaults_are_valid(pointer: str, node: dict[str, Any]) -> None:
    problems = [error.message for error in _validator_for(node).iter_errors(node["default"])]
    assert not problems, f"{pointer}: default {node['default']!r}: {problems}"


def test_every_object_with_properties_refuses_unknown_keys() -> None:
    open_objects = []
    for pointer, node in walk(PROGRAM):
        if "properties" not in node or pointer.endswith("/if"):
            continue
        closed = node.get("additionalProperties") is False
        # A kind-discriminated object is closed by each of its if/then branches.
        branches = [part.get("then", {}) for part in node.get("allOf", [])]
        if not closed and not (
            branches and all(b.get("additionalProperties") is False for b in branches)
        ):
            open_objects.append(pointer)
    assert open_objects == []


def test_draft_07_subset_only() -> None:
    later_keywords = {
        "$defs",
        "unevaluatedProperties",
        "dependentRequired",
        "prefixItems",
        "$anchor",
    }
    used = {key for _, node in walk(PROGRAM) for key in node}
    assert used.isdisjoint(later_keywords)


def test_goal_rep_ranges_in_the_description_match_the_defaults() -> None:
    text = PROGRAM["definitions"]["phase"]["properties"]["goal"]["description"]
    for goal, reps in GOAL_REPS.items():
        assert f"{goal} {reps}" in text
    assert PROGRAM["definitions"]["phase"]["properties"]["goal"]["enum"] == list(GOAL_REPS)


def test_day_types_in_the_description_match_the_defaults() -> None:
    text = PROGRAM["properties"]["day_types"]["description"]
    for name, values in DAY_TYPES.items():
        assert f"{name} ({values['sets']} x {values['reps']} at {values['load']})" in text


def test_every_collection_is_capped() -> None:
    """Validation work stays bounded: no list or open mapping may grow without limit."""
    uncapped = []
    for pointer, node in walk(PROGRAM):
        if pointer.endswith("/if"):
            continue
        is_list = node.get("type") == "array" or "items" in node
        if is_list and "maxItems" not in node:
            uncapped.append(pointer)
        open_map = isinstance(node.get("additionalProperties"), dict)
        if open_map and "maxProperties" not in node:
            uncapped.append(pointer)
    assert uncapped == []
