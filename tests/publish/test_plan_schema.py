"""The plan schema: valid draft-07, documented everywhere, closed, and true of real plans."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from generator.plan.values import SetKind
from generator.publish.data import PLAN_FORMAT, _indented, plan_data, plan_json
from generator.resources import data_dir, schema
from tests.support.paths import example_programs, library_programs
from tests.support.plans import plan_from_file
from tests.support.schema_tools import walk
from tests.support.speed import examples

PLAN = schema("plan")
PROGRAMS = example_programs()
LIBRARY = library_programs()
VALIDATOR = Draft7Validator(PLAN, format_checker=Draft7Validator.FORMAT_CHECKER)


def properties() -> Iterator[tuple[str, dict[str, Any]]]:
    for pointer, node in walk(PLAN):
        for name, subschema in node.get("properties", {}).items():
            yield f"{pointer}/properties/{name}", subschema


def is_object(node: dict[str, Any]) -> bool:
    kind = node.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind) or "properties" in node


@cache
def plan_of(path: Path) -> dict[str, Any]:
    return plan_data(plan_from_file(path))


def problems(data: Any) -> list[str]:
    """Each validation error as `path: message`, in a stable order."""
    errors = sorted(VALIDATOR.iter_errors(data), key=lambda error: list(error.absolute_path))
    return [f"/{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors]


def a_plan() -> dict[str, Any]:
    """A deep copy of a real plan, to mutate."""
    return copy.deepcopy(plan_of(next(path for path in PROGRAMS if path.stem == "hip-thrust-12wk")))


def first_set(plan: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = plan["weeks"][0]["sessions"][0]["exercises"][0]["sets"][0]
    return found


# --- the schema itself -------------------------------------------------------------------------


def test_schema_is_valid_draft_07() -> None:
    Draft7Validator.check_schema(PLAN)
    assert PLAN["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_schema_file_is_formatted_json() -> None:
    text = (data_dir("schemas") / "plan.schema.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


def test_format_is_the_exported_one() -> None:
    assert PLAN["properties"]["format"]["const"] == PLAN_FORMAT
    assert PLAN["title"]
    assert "format" in PLAN["description"]


@pytest.mark.parametrize(("pointer", "node"), list(properties()), ids=lambda v: str(v)[-60:])
def test_every_property_has_title_description_and_examples(
    pointer: str, node: dict[str, Any]
) -> None:
    for field in ("title", "description", "examples"):
        assert node.get(field), f"{pointer} has no {field}"


def test_every_definition_has_title_and_description() -> None:
    for name, node in PLAN["definitions"].items():
        assert node.get("title"), f"definitions/{name} has no title"
        assert node.get("description"), f"definitions/{name} has no description"


def test_every_object_is_closed_and_requires_all_its_keys() -> None:
    """Every key is always present, and no other: the export writes exactly these."""
    faults = []
    for pointer, node in walk(PLAN):
        if not is_object(node):
            continue
        if "properties" in node:
            if node.get("additionalProperties") is not False:
                faults.append(f"{pointer}: additionalProperties is not false")
            if sorted(node.get("required", [])) != sorted(node["properties"]):
                faults.append(f"{pointer}: required is not every property")
        elif not (isinstance(node.get("additionalProperties"), dict) and "propertyNames" in node):
            # The only other objects allowed are maps (maxes by exercise id) with typed keys and values.
            faults.append(f"{pointer}: an object with neither properties nor typed keys and values")
    assert faults == []


def test_nullable_fields_admit_null_in_their_enums() -> None:
    for pointer, node in walk(PLAN):
        if isinstance(node.get("type"), list) and "null" in node["type"] and "enum" in node:
            assert None in node["enum"], pointer


def _with_examples() -> Iterator[tuple[str, dict[str, Any]]]:
    for pointer, node in walk(PLAN):
        if "examples" in node:
            yield pointer, node


@pytest.mark.parametrize(("pointer", "node"), list(_with_examples()), ids=lambda v: str(v)[-60:])
def test_examples_are_valid(pointer: str, node: dict[str, Any]) -> None:
    standalone = dict(node, definitions=PLAN["definitions"])
    validator = Draft7Validator(standalone, format_checker=Draft7Validator.FORMAT_CHECKER)
    for example in node["examples"]:
        found = [error.message for error in validator.iter_errors(example)]
        assert not found, f"{pointer}: example {example!r}: {found}"


def test_closed_sets_are_enums() -> None:
    definitions = PLAN["definitions"]
    # Every kind of set the planner makes, in the order the planner declares them.
    assert definitions["set"]["properties"]["kind"]["enum"] == list(get_args(SetKind))
    assert {"warmup", "ramp", "work", "amrap", "backoff"} <= set(get_args(SetKind))
    assert definitions["exercise"]["properties"]["technique"]["enum"] == [
        "drop_set",
        "rest_pause",
        "partials",
        None,
    ]
    assert definitions["session"]["properties"]["weekday"]["enum"] == [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ]
    assert definitions["skipped_date"]["properties"]["outcome"]["enum"] == [
        "moved",
        "dropped",
        "shifted",
    ]
    assert definitions["program"]["properties"]["units"]["enum"] == ["kg", "lb"]
    program = schema("program")["definitions"]["phase"]["properties"]
    for key in ("goal", "model"):
        assert definitions["phase"]["properties"][key]["enum"] == program[key]["enum"]


def test_dates_are_formatted_and_patterned() -> None:
    dates = [
        node
        for _, node in properties()
        if node.get("format") == "date" or "YYYY-MM-DD" in node["description"]
    ]
    assert len(dates) >= 6
    for node in dates:
        assert node.get("format") == "date", node["title"]
        assert node.get("pattern"), node["title"]


# --- real plans --------------------------------------------------------------------------------


def test_there_are_example_programs() -> None:
    assert len(PROGRAMS) >= 5


@pytest.mark.parametrize("path", PROGRAMS + LIBRARY, ids=lambda path: path.stem)
def test_every_example_plan_is_valid(path: Path) -> None:
    assert problems(plan_of(path)) == []


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda path: path.stem)
def test_the_json_text_is_valid_too(path: Path) -> None:
    text = plan_json(plan_from_file(path))
    assert problems(json.loads(text)) == []


def test_the_examples_cover_every_set_kind_and_technique() -> None:
    """So a schema too narrow for some value would have failed above (the library's
    programs count: Madcow's ramps and back-off sets are there)."""
    kinds: set[str] = set()
    techniques: set[str | None] = set()
    for path in PROGRAMS + LIBRARY:
        for week in plan_of(path)["weeks"]:
            for session in week["sessions"]:
                for exercise in session["exercises"]:
                    techniques.add(exercise["technique"])
                    kinds.update(item["kind"] for item in exercise["sets"])
    assert kinds == set(PLAN["definitions"]["set"]["properties"]["kind"]["enum"])
    assert techniques == set(PLAN["definitions"]["exercise"]["properties"]["technique"]["enum"])


# --- the schema is not vacuous -----------------------------------------------------------------


def test_an_extra_key_in_a_set_fails() -> None:
    plan = a_plan()
    first_set(plan)["weight"] = 20
    assert any("weight" in problem for problem in problems(plan))


def test_an_unknown_set_kind_fails() -> None:
    plan = a_plan()
    first_set(plan)["kind"] = "bogus"
    assert any(
        "/sets/0/kind:" in problem and "'bogus' is not one of" in problem
        for problem in problems(plan)
    )


def test_a_load_given_as_text_fails() -> None:
    plan = a_plan()
    first_set(plan)["load"] = "20"
    assert any("/sets/0/load:" in problem for problem in problems(plan))


def test_missing_weeks_fails() -> None:
    plan = a_plan()
    del plan["weeks"]
    assert any("'weeks' is a required property" in problem for problem in problems(plan))


def test_a_bad_date_fails() -> None:
    plan = a_plan()
    plan["weeks"][0]["sessions"][0]["date"] = "2027-02-30"
    assert any("/sessions/0/date:" in problem for problem in problems(plan))


def test_a_missing_nullable_key_fails() -> None:
    plan = a_plan()
    del first_set(plan)["reps_max"]
    assert any("'reps_max' is a required property" in problem for problem in problems(plan))


def test_a_wrong_format_fails() -> None:
    plan = a_plan()
    plan["format"] = "liftplan-plan/1"
    assert any(problem.startswith("/format:") for problem in problems(plan))


# plan_json writes its own indented JSON (json.dumps with an indent is pure Python, and
# was a third of a build without PDF); it must give json.dumps's bytes exactly.
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=examples(300), derandomize=True)
@given(JSON_VALUES)
def test_the_json_writer_writes_what_json_dumps_writes(value: Any) -> None:
    out: list[str] = []
    _indented(value, "", out)
    assert "".join(out) == json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda path: path.stem)
def test_plan_json_is_json_dumps_of_the_plan_data(path: Path) -> None:
    data = plan_of(path)
    assert plan_json(plan_from_file(path)) == (
        json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    )
