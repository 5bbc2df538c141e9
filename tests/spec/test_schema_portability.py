"""The published schemas beyond liftplan: each has a strict copy (schemas/strict/) that a
second, independent validator compiles in strict mode, and that validator accepts the
examples, a training log, the site config and built plans, and judges every document as
the editor's schema does.

The second validator is ajv 8 under Node (tests/node/); without Node these tests skip,
except under CI. The checks that need only Python run everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from generator.errors import LiftplanError
from generator.resources import data_dir, schema
from generator.spec.catalogue import CATALOGUE
from generator.spec.loader import load_bytes
from generator.spec.schema import schema_diagnostics, validator
from generator.spec.schema_files import (
    DRAFT_07,
    EDITOR_KEYWORDS,
    SCHEMAS,
    SchemaShapeError,
    published,
    strict,
)
from tests.node.tools import validate_with_ajv
from tests.support.commands import run
from tests.support.paths import (
    HOSTILE_LOGS,
    ROOT,
    example_programs,
    hostile_specs,
    library_programs,
)

FOLDER = data_dir("schemas")
REGENERATE = "python -m generator.spec.schema_files"
# A log written by hand in every form a set takes: text, a list, mappings, a timed set.
HAND_LOG = """\
program: hip-thrust-12wk
sessions:
  - date: 2027-01-04
    session: A
    note: slept badly
    done:
      hip_thrust: 10@90 10@90 9@90
      barbell_glute_bridge: [10@60, 10@60@8, 0@62.5]
      reverse_lunge:
        - {reps: 10, load: 12.5, rpe: 8, note: left knee}
        - {reps: 9, load: bw}
      pull_up: 8@bw 7@BW
  - date: "2027-01-07"
    done:
      feet_elevated_hip_thrust: 3x10@80@7.5
      plank: [{seconds: 40, load: bw}, 45s@bw]
"""


def strict_copy(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (FOLDER / "strict" / f"{name}.schema.json").read_text(encoding="utf-8")
    )
    return loaded


# --- the files: generated, in step with the catalogue, strict in shape ------------------------


def test_the_shipped_schema_files_are_the_generated_ones() -> None:
    expected = published(lambda name: (FOLDER / f"{name}.schema.json").read_text("utf-8"))
    for relative, text in expected.items():
        path = FOLDER / relative
        assert path.is_file(), f"schemas/{relative} is missing: run {REGENERATE}"
        assert path.read_text(encoding="utf-8") == text, f"schemas/{relative}: run {REGENERATE}"
    shipped = sorted(path.name for path in (FOLDER / "strict").iterdir())
    assert shipped == sorted(f"{name}.schema.json" for name in SCHEMAS)


def test_exercise_ids_complete_to_the_catalogue_without_refusing_others() -> None:
    exercise_id = schema("program")["definitions"]["exercise_id"]
    snippets = exercise_id["defaultSnippets"]
    assert [snippet["label"] for snippet in snippets] == sorted(CATALOGUE)
    for snippet in snippets:
        entry = CATALOGUE[snippet["label"]]
        assert snippet["body"] == entry.id
        assert entry.name in snippet["description"]
    assert "enum" not in exercise_id
    assert Draft7Validator(exercise_id).is_valid("my_own_lift")


SINGLE = ("items", "additionalItems", "additionalProperties", "propertyNames", "contains")
SINGLE += ("not", "if", "then", "else")


def _subschemas(node: Any, pointer: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object in a schema, by keyword position (names and data are skipped)."""
    if not isinstance(node, dict):
        return
    yield pointer, node
    for key, value in node.items():
        place = f"{pointer}/{key}"
        if key in ("properties", "patternProperties", "definitions"):
            for name, child in value.items():
                yield from _subschemas(child, f"{place}/{name}")
        elif key in ("allOf", "anyOf", "oneOf") or (key == "items" and isinstance(value, list)):
            for index, child in enumerate(value):
                yield from _subschemas(child, f"{place}/{index}")
        elif key in SINGLE:
            yield from _subschemas(value, place)


@pytest.mark.parametrize("name", SCHEMAS)
def test_a_strict_copy_is_draft_07_alone_in_the_shapes_strict_mode_takes(name: str) -> None:
    copy = strict_copy(name)
    Draft7Validator.check_schema(copy)
    for pointer, node in _subschemas(copy):
        assert set(node) <= DRAFT_07, f"{pointer}: {sorted(set(node) - DRAFT_07)}"
        kinds = node.get("type")
        if isinstance(kinds, list):
            assert len([kind for kind in kinds if kind != "null"]) == 1, pointer
        undefined = set(node.get("required", [])) - set(node.get("properties", {}))
        assert not undefined, f"{pointer}: requires {sorted(undefined)} without defining them"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            {"title": "Load", "type": ["number", "string"], "minimum": 0, "pattern": "^a$"},
            {
                "title": "Load",
                "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": "^a$"}],
            },
        ),
        (  # keys that only an object can have go to the object's branch
            {
                "type": ["string", "object"],
                "maxLength": 9,
                "properties": {"a": {"type": "integer"}},
                "anyOf": [{"required": ["a"]}],
            },
            {
                "anyOf": [
                    {"type": "string", "maxLength": 9},
                    {
                        "type": "object",
                        "properties": {"a": {"type": "integer"}},
                        "anyOf": [{"required": ["a"], "properties": {"a": True}}],
                    },
                ]
            },
        ),
        (  # a type or null is strict already; the editor's message goes
            {"type": ["string", "null"], "pattern": "^a$", "patternErrorMessage": "say a"},
            {"type": ["string", "null"], "pattern": "^a$"},
        ),
    ],
)
def test_the_strict_shapes_of_a_schema(source: dict[str, Any], expected: dict[str, Any]) -> None:
    converted = strict(source, "x")
    assert converted.pop("$comment").startswith("Generated from ../x.schema.json")
    assert converted == expected


@pytest.mark.parametrize(
    "source",
    [
        {"type": "string", "x-message": "not a keyword anyone knows"},
        {"type": "object", "additionalProperties": False, "required": ["a"]},
        {"type": ["number", "boolean"], "pattern": "^a$"},
    ],
)
def test_a_shape_the_strict_copy_cannot_keep_the_same_is_refused(source: dict[str, Any]) -> None:
    with pytest.raises(SchemaShapeError):
        strict(source, "x")


# --- the documents both validators see ------------------------------------------------------


def _loaded(path: Path) -> Any:
    return load_bytes(path.read_bytes(), str(path)).data


def _hostile() -> Iterator[tuple[str, str, Any]]:
    """The hostile specs and logs that the loader reads (the rest never reach a schema)."""
    for kind, paths in (
        ("program", hostile_specs()),
        ("log", sorted(HOSTILE_LOGS.glob("*.yaml"))),
    ):
        for path in paths:
            try:
                yield kind, path.name, _loaded(path)
            except LiftplanError:
                continue


@pytest.fixture(scope="module")
def valid_documents(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, Any]]:
    """(schema, label, data) of documents liftplan accepts: every example and library
    program, a log written by `liftplan log` and one by hand, the site config, and the
    plan.json of every program as `liftplan build` writes it (hip-thrust-12wk's with the
    log beside it, so with what was done)."""
    folder = tmp_path_factory.mktemp("portable")
    specs = folder / "specs"
    specs.mkdir()
    for path in [*example_programs(), *library_programs()]:
        (specs / path.name).write_bytes(path.read_bytes())
    spec = specs / "hip-thrust-12wk.yaml"
    logged = run("log", str(spec), "--date", "2027-01-11", "hip_thrust 3x10@95@8")
    assert logged.returncode == 0, logged.stderr
    programs = sorted(path for path in specs.glob("*.yaml") if not path.name.endswith(".log.yaml"))
    documents = [("program", path.name, _loaded(path)) for path in programs]
    documents.append(("log", "by liftplan log", _loaded(spec.with_suffix(".log.yaml"))))
    hand = load_bytes(HAND_LOG.encode("utf-8"), "hand.log.yaml")
    assert schema_diagnostics(hand, "log") == []
    documents.append(("log", "by hand", hand.data))
    documents.append(("site", "site.yaml", _loaded(ROOT / "site.yaml")))
    built = run(
        "build", "--format", "json", "-j", "1", "--no-cache", "-o", str(folder / "out"), str(specs)
    )
    assert built.returncode == 0, built.stderr
    plans = sorted((folder / "out").glob("*/plan.json"))
    assert len(plans) == len(example_programs()) + len(library_programs())
    documents += [("plan", path.parent.name, json.loads(path.read_text("utf-8"))) for path in plans]
    return documents


def test_liftplans_validator_gives_both_forms_of_a_schema_the_same_verdicts(
    valid_documents: list[tuple[str, str, Any]],
) -> None:
    """Python's jsonschema, on the editor's schema and on its strict copy: the same answer
    for every document, good or hostile. (Built plans are left to ajv below: the plan
    schema's strict copy differs by its comment alone, and they are slow to check here.)"""
    validators = {
        (name, form): Draft7Validator(loaded, format_checker=Draft7Validator.FORMAT_CHECKER)
        for name in SCHEMAS
        for form, loaded in (("editor", schema(name)), ("strict", strict_copy(name)))
    }
    checked = [document for document in valid_documents if document[0] != "plan"]
    for kind, label, data in [*checked, *_hostile()]:
        editor = validators[kind, "editor"].is_valid(data)
        assert validators[kind, "strict"].is_valid(data) == editor, label


# --- ajv, through Node ------------------------------------------------------------------------


def _job(documents: list[tuple[str, str, Any]], mutants: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schemas": [
            {
                "name": name,
                "strict": str(FOLDER / "strict" / f"{name}.schema.json"),
                "editor": str(FOLDER / f"{name}.schema.json"),
            }
            for name in SCHEMAS
        ],
        "editorKeywords": sorted(EDITOR_KEYWORDS),
        "documents": [
            {"schema": kind, "label": label, "data": data} for kind, label, data in documents
        ],
        "mutants": mutants,
    }


# Wrong values of every kind: a boolean, texts (a percentage among them), numbers out of
# most ranges, a fraction where a whole number may be meant, a list and a mapping.
WRONG = (True, "x", "5%", -1, 0, 2.5, 10**6, [], {}, None)


def _mutants(index: int, node: Any, path: tuple[str | int, ...] = ()) -> Iterator[dict[str, Any]]:
    """One-change variants of document `index`: each value replaced by each wrong one, each
    key of a mapping removed, an unknown key added."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield {"document": index, "path": [*path, key], "op": "delete"}
            yield from _mutants(index, value, (*path, key))
        yield {"document": index, "path": [*path, "no_such_key"], "op": "set", "value": 1}
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from _mutants(index, value, (*path, position))
    if path:
        for wrong in WRONG:
            yield {"document": index, "path": list(path), "op": "set", "value": wrong}


def test_ajv_compiles_every_published_schema_in_strict_mode() -> None:
    """new Ajv({strict: true}) with ajv-formats compiles each strict copy, and each editor
    schema compiles once its editor keywords are declared (validate.js fails otherwise)."""
    answer = validate_with_ajv(_job([], []))
    assert answer["results"] == []


@pytest.fixture(scope="module")
def ajv(valid_documents: list[tuple[str, str, Any]]) -> dict[str, Any]:
    documents = [*valid_documents, *_hostile()]
    chosen = {"hip-thrust-12wk.yaml", "five-three-one.yaml", "by hand", "site.yaml"}
    mutants = [
        mutant
        for index, (_, label, data) in enumerate(documents)
        if label in chosen
        for mutant in _mutants(index, data)
    ]
    return validate_with_ajv(_job(documents, mutants))


def test_ajv_accepts_the_examples_the_logs_the_site_config_and_built_plans(
    ajv: dict[str, Any], valid_documents: list[tuple[str, str, Any]]
) -> None:
    results = ajv["results"][: len(valid_documents)]
    assert {result["schema"] for result in results} == set(SCHEMAS)
    for result in results:
        assert result["strict"] == [], (result["label"], result["strict"])
        assert result["editor"] == [], (result["label"], result["editor"])


def test_ajv_gives_both_forms_of_a_schema_the_same_verdicts(
    ajv: dict[str, Any], valid_documents: list[tuple[str, str, Any]]
) -> None:
    """Hostile documents and thousands of one-change variants of good ones: the strict
    copy refuses exactly what the editor's schema refuses."""
    for result in ajv["results"][len(valid_documents) :]:
        assert bool(result["strict"]) == bool(result["editor"]), result
    mutants = ajv["mutants"]
    assert mutants["disagreements"] == []
    assert mutants["checked"] > 2000
    assert mutants["refused"] > mutants["checked"] // 2


def _whole_float(node: Any) -> bool:
    """Whether a document holds a number such as 8.0, which JSON cannot tell from 8."""
    if isinstance(node, dict):
        return any(_whole_float(value) for value in node.values())
    if isinstance(node, list):
        return any(_whole_float(value) for value in node)
    return isinstance(node, float) and node.is_integer()


def test_ajv_and_liftplan_refuse_the_same_hostile_documents(
    ajv: dict[str, Any], valid_documents: list[tuple[str, str, Any]]
) -> None:
    """The two validators agree, but for one deliberate difference: liftplan refuses 8.0
    where a whole number goes (`weeks: 8.0` means something odd), and once the document
    is JSON, ajv cannot see the .0."""
    hostile = list(_hostile())
    for (kind, label, data), result in zip(
        hostile, ajv["results"][len(valid_documents) :], strict=True
    ):
        by_liftplan = validator(kind).is_valid(data)
        by_ajv = not result["strict"]
        assert by_liftplan == by_ajv or (by_ajv and _whole_float(data)), (label, result)
