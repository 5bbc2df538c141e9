"""The training log: its notation, its checks against the program, CSV import, `liftplan log`.

Every test uses the example program `programs/hip-thrust-12wk.yaml`, copied into tmp_path
so that the log the command writes beside it lands there. Expected positions are found
in the test's own text (`column(...)`), so each says which character it points at.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from generator.errors import LiftplanError, Severity
from generator.files import log_path
from generator.log.append import write_atomically
from generator.log.check import check_log, load_log
from generator.log.csv_import import import_csv, parse_columns
from generator.log.notation import SET_TOKEN, read_set, read_sets
from generator.log.values import LoggedExercise, LoggedSession, LoggedSet, TrainingLog
from generator.plan.expand import expand
from generator.plan.values import Plan
from generator.resources import data_dir, schema
from generator.spec.loader import load_bytes
from generator.spec.model import Program
from tests.support.commands import log_cli
from tests.support.paths import HOSTILE_LOGS, LIFTPLAN, PROGRAMS
from tests.support.plans import program_from_file
from tests.support.schema_tools import resolve, walk
from tests.support.speed import examples

EXAMPLE = PROGRAMS / "hip-thrust-12wk.yaml"
LOG_SCHEMA = schema("log")
KG = Fraction


@cache
def example() -> tuple[Program, Plan]:
    program = program_from_file(EXAMPLE)
    return program, expand(program)


def planned_label(day: str) -> str:
    _, plan = example()
    return next(s.label for s in plan.sessions if s.date == datetime.date.fromisoformat(day))


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    copy = tmp_path / EXAMPLE.name
    shutil.copyfile(EXAMPLE, copy)
    return copy


def write(folder: Path, text: str, name: str = "hip-thrust-12wk.log.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    program, plan = example()
    return [d.format() for d in check_log(str(path), program, plan).diagnostics]


def column(text: str, line: int, needle: str) -> int:
    """The 1-based column where `needle` first starts on line `line` of `text`."""
    return text.splitlines()[line - 1].index(needle) + 1


GOOD = """\
# yaml-language-server: $schema=../schemas/log.schema.json
program: hip-thrust-12wk          # the spec's id
sessions:
  - date: "2027-01-07"            # out of order: the result is in date order
    done:
      feet_elevated_hip_thrust: 3x10@80@7.5
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
"""


# --- reading a log ---------------------------------------------------------------------------


def test_a_good_log_reads_to_exactly_its_values(tmp_path: Path) -> None:
    program, plan = example()
    log = load_log(str(write(tmp_path, GOOD)), program, plan)
    ninety, sixty = LoggedSet(10, KG(90)), LoggedSet(10, KG(60))
    assert log == TrainingLog(
        program="hip-thrust-12wk",
        sessions=(
            LoggedSession(
                date=datetime.date(2027, 1, 4),
                label="A",
                note="slept badly",
                exercises=(
                    LoggedExercise("hip_thrust", (ninety, ninety, LoggedSet(9, KG(90)))),
                    LoggedExercise(
                        "barbell_glute_bridge",
                        (sixty, LoggedSet(10, KG(60), KG(8)), LoggedSet(0, KG(125, 2))),
                    ),
                    LoggedExercise(
                        "reverse_lunge",
                        (LoggedSet(10, KG(25, 2), KG(8), "left knee"), LoggedSet(9, None)),
                    ),
                    LoggedExercise("pull_up", (LoggedSet(8, None), LoggedSet(7, None))),
                ),
            ),
            LoggedSession(
                date=datetime.date(2027, 1, 7),
                label=planned_label("2027-01-07"),
                exercises=(
                    LoggedExercise(
                        "feet_elevated_hip_thrust", (LoggedSet(10, KG(80), KG(15, 2)),) * 3
                    ),
                ),
            ),
        ),
    )
    assert log.last_date == datetime.date(2027, 1, 7)


def test_exercises_not_planned_that_day_are_warnings_not_errors(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    program, plan = example()
    checked = check_log(str(path), program, plan)
    assert checked.errors == ()
    planned = next(s for s in plan.sessions if s.date == datetime.date(2027, 1, 4))
    listed = ", ".join(item.exercise for item in planned.exercises)
    assert planned.label == "A"
    assert {"reverse_lunge", "pull_up"}.isdisjoint(item.exercise for item in planned.exercises)
    assert [d.format() for d in checked.warnings] == [
        f"{path}:13:7: warning: sessions[1].done.reverse_lunge: reverse_lunge is not in "
        f"session A as planned for Mon 04 Jan 2027 ({listed})",
        f"{path}:16:7: warning: sessions[1].done.pull_up: pull_up is not in "
        f"session A as planned for Mon 04 Jan 2027 ({listed})",
    ]
    assert all(d.severity is Severity.WARNING for d in checked.warnings)


def test_a_session_moved_within_its_week_is_logged_by_its_label(tmp_path: Path) -> None:
    # Tuesday 5 January has no session; session B of that week was planned for Thursday.
    text = GOOD.replace('"2027-01-07"', '"2027-01-05"\n    session: B')
    program, plan = example()
    log = load_log(str(write(tmp_path, text)), program, plan)
    assert [(s.date.isoformat(), s.label) for s in log.sessions] == [
        ("2027-01-04", "A"),
        ("2027-01-05", "B"),
    ]


BAD_HEAD = 'program: hip-thrust-12wk\nsessions:\n  - date: "2027-01-04"\n    done:\n'


def bad_cases() -> list[tuple[str, str, list[tuple[int, str, str]]]]:
    """(name, log text, [(line, needle, 'path: message')]): each problem, found at the
    first `needle` on its line."""
    thrust = "hip_thrust: 10@90\n"
    return [
        (
            "unknown exercise",
            BAD_HEAD + "      hip_thrst: 10@90\n",
            [
                (
                    5,
                    "hip_thrst",
                    "sessions[0].done.hip_thrst: unknown exercise 'hip_thrst': "
                    "did you mean 'hip_thrust'?",
                )
            ],
        ),
        (
            "date outside the program",
            BAD_HEAD.replace("2027-01-04", "2027-04-05") + "      " + thrust,
            [
                (
                    3,
                    '"2027',
                    "sessions[0].date: 2027-04-05 is after the program ends (2027-03-28)",
                )
            ],
        ),
        (
            "date before the program",
            BAD_HEAD.replace("2027-01-04", "2026-12-28") + "      " + thrust,
            [
                (
                    3,
                    '"2026',
                    "sessions[0].date: 2026-12-28 is before the program starts (2027-01-04)",
                )
            ],
        ),
        (
            "a set with no load",
            BAD_HEAD + "      hip_thrust: 9@90 10@\n",
            [
                (
                    5,
                    "10@",
                    "sessions[0].done.hip_thrust: '10@': a set is REPS@LOAD, e.g. 10@60 "
                    "(the load is missing)",
                )
            ],
        ),
        (
            "duplicate date",
            BAD_HEAD + "      " + thrust + '  - date: "2027-01-04"\n    done: {hip_thrust: 9@90}\n',
            [
                (
                    6,
                    '"2027',
                    "sessions[1].date: 2027-01-04 is already logged at line 3: "
                    "give each day one entry",
                )
            ],
        ),
        (
            "wrong program id",
            BAD_HEAD.replace("hip-thrust-12wk", "glute-program") + "      " + thrust,
            [
                (
                    1,
                    "glute",
                    "program: the log is for 'glute-program', but the spec's id is "
                    "'hip-thrust-12wk'",
                )
            ],
        ),
        (
            "unknown key",
            BAD_HEAD.replace("    done:", "    mood: good\n    done:") + "      " + thrust,
            [
                (
                    4,
                    "mood",
                    "sessions[0].mood: unknown key 'mood' (expected date, done, note, session)",
                )
            ],
        ),
        (
            "session not planned that week",
            BAD_HEAD.replace("    done:", "    session: C\n    done:") + "      " + thrust,
            [
                (
                    4,
                    "C",
                    "sessions[0].session: session 'C' is not planned in week 1 "
                    "(it has A on Mon 04 Jan, B on Thu 07 Jan)",
                )
            ],
        ),
        (
            "no session planned that day",
            BAD_HEAD.replace("2027-01-04", "2027-01-05") + "      " + thrust,
            [
                (
                    3,
                    '"2027',
                    "sessions[0].date: no session is planned on Tue 05 Jan 2027 "
                    "(week 1: it has A on Mon 04 Jan, B on Thu 07 Jan); "
                    "add session: to say which one this was",
                )
            ],
        ),
    ]


def _located(path: Path, text: str, expected: list[tuple[int, str, str]]) -> list[str]:
    return [
        f"{path}:{line}:{column(text, line, needle)}: {message}"
        for line, needle, message in expected
    ]


@pytest.mark.parametrize(("name", "text", "expected"), bad_cases(), ids=[c[0] for c in bad_cases()])
def test_bad_logs_get_every_error_at_its_place(
    tmp_path: Path, name: str, text: str, expected: list[tuple[int, str, str]]
) -> None:
    path = write(tmp_path, text)
    assert problems(path) == _located(path, text, expected)
    program, plan = example()
    with pytest.raises(LiftplanError) as raised:
        load_log(str(path), program, plan)
    assert [d.format() for d in raised.value.diagnostics] == _located(path, text, expected)


@pytest.mark.parametrize(("name", "text", "expected"), bad_cases(), ids=[c[0] for c in bad_cases()])
def test_the_command_writes_nothing_to_a_bad_log(
    spec: Path, name: str, text: str, expected: list[tuple[int, str, str]]
) -> None:
    path = write(spec.parent, text)
    before = path.read_bytes()
    result = log_cli(str(spec), "--date", "2027-01-07", "feet_elevated_hip_thrust 10@80")
    assert result.exit_code == 1, result.output
    assert path.read_bytes() == before
    for line in _located(path, text, expected):
        assert line in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1].startswith(f"liftplan: nothing written to {path} ")


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = (
        "program: other\nsessions:\n"
        '  - date: "2027-01-04"\n    done: {hip_thrst: 10@90, hip_thrust: 10@ 9@90x}\n'
        '  - date: "2027-01-04"\n    session: Z\n    done: {hip_thrust: 9@90}\n'
    )
    found = problems(write(tmp_path, text))
    assert [line.split(": ", 2)[1] for line in found] == [
        "program",
        "sessions[0].done.hip_thrst",
        "sessions[0].done.hip_thrust",
        "sessions[0].done.hip_thrust",
        "sessions[1].date",
        "sessions[1].session",
    ]


def test_a_set_in_a_quoted_value_is_found_inside_the_quotes(tmp_path: Path) -> None:
    text = BAD_HEAD + "      hip_thrust: '10@90 10@'\n      barbell_glute_bridge: \"8@60 x\"\n"
    path = write(tmp_path, text)
    assert problems(path) == [
        f"{path}:5:{column(text, 5, '10@') + 6}: sessions[0].done.hip_thrust: '10@': "
        "a set is REPS@LOAD, e.g. 10@60 (the load is missing)",
        f"{path}:6:{column(text, 6, 'x')}: sessions[0].done.barbell_glute_bridge: 'x': "
        "a set is REPS@LOAD, e.g. 10@60 (not in the expected form)",
    ]


def test_a_set_in_a_value_over_several_lines_is_found_at_the_value(tmp_path: Path) -> None:
    text = BAD_HEAD + "      hip_thrust: 10@90\n        10@\n"
    path = write(tmp_path, text)
    assert problems(path) == [
        f"{path}:5:{column(text, 5, '10@90')}: sessions[0].done.hip_thrust: '10@': "
        "a set is REPS@LOAD, e.g. 10@60 (the load is missing)",
    ]


# --- the set notation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "sets", "reps", "load", "rpe"),
    [
        ("10@90", 1, 10, KG(90), None),
        ("0@140", 1, 0, KG(140), None),
        ("3x10@62.5", 3, 10, KG(125, 2), None),
        ("12X5@100@9.5", 12, 5, KG(100), KG(19, 2)),
        ("8@bw@7", 1, 8, None, KG(7)),
        ("1000@9999.999", 1, 1000, KG(9999999, 1000), None),
        ("5@0.5kg@10", 1, 5, KG(1, 2), KG(10)),
    ],
)
def test_sets_read_to_exact_values(
    token: str, sets: int, reps: int, load: Fraction | None, rpe: Fraction | None
) -> None:
    written = read_set(token)
    assert written.problem == ""
    assert written.sets == (LoggedSet(reps, load, rpe),) * sets


@pytest.mark.parametrize(
    ("token", "why"),
    [
        ("10@", "the load is missing"),
        ("10", "the load is missing; write bw for bodyweight"),
        ("@90", "the reps are missing"),
        ("1001@90", "the reps are a whole number from 0 to 1000"),
        ("010@90", "the reps are a whole number from 0 to 1000"),
        ("10@10000", "the load must be less than 10000"),
        ("10@-5", "a load cannot be negative"),
        ("10@060", "write the load without leading zeros"),
        ("10@62.5555", "give the load to at most 3 decimal places"),
        ("10@62,5", "write a decimal with a point, e.g. 62.5"),
        ("10@60,10@60", "separate sets with spaces, not commas"),
        ("10@heavy", "the load is a number or bw"),
        ("10@60st", "the load is a number or bw, perhaps followed by the program's unit"),
        ("10@60@", "the RPE after the second @ is missing"),
        ("10@60@8.25", "the RPE is 1 to 10 in halves, e.g. 8 or 8.5"),
        ("10@60@0", "the RPE is 1 to 10 in halves, e.g. 8 or 8.5"),
        ("10@60@8@2", "too many @: REPS@LOAD@RPE at most"),
        ("100x10@60", "the number of sets before x is 1 to 99"),
        ("x10@60", "the number of sets before x is 1 to 99"),
    ],
)
def test_bad_sets_say_what_is_wrong(token: str, why: str) -> None:
    assert read_set(token).problem == f"'{token}': a set is REPS@LOAD, e.g. 10@60 ({why})"


def test_sets_are_found_at_their_offsets() -> None:
    text = "  10@90   3x8@bw 10@"
    assert [(w.offset, w.text, len(w.sets)) for w in read_sets(text)] == [
        (text.index("10@90"), "10@90", 1),
        (text.index("3x8"), "3x8@bw", 3),
        (text.rindex("10@"), "10@", 0),
    ]


_SET_PATTERN = re.compile(LOG_SCHEMA["definitions"]["set"]["pattern"])
_SETS_PATTERN = re.compile(LOG_SCHEMA["definitions"]["sets"]["pattern"])
_TOKENS = st.text(alphabet="0123456789@xXbBwWkglsk.,-", max_size=16)
_KNOWN = st.sampled_from(
    ["10@90", "3x10@62.5@8", "0@bw", "1000@9999.999kg", "99x1@1lb@10", "40s@bw", "3x45s@20kg@8"]
)


@settings(max_examples=examples(2000), deadline=None)
@given(st.one_of(_TOKENS, _KNOWN, _KNOWN.map(lambda t: t[:-1]), _KNOWN.map(lambda t: t + "5")))
def test_the_schema_and_the_reader_agree_on_every_set(token: str) -> None:
    """Editors check sets with the schema's pattern, liftplan with its reader: the same language."""
    assert (_SET_PATTERN.search(token) is not None) == (SET_TOKEN.fullmatch(token) is not None)
    assert (_SET_PATTERN.search(token) is not None) == (read_set(token).problem == "")


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(st.one_of(_KNOWN, _TOKENS), max_size=4), st.sampled_from([" ", "  ", "\t", "\n"]))
def test_the_schema_and_the_reader_agree_on_texts_of_sets(tokens: list[str], gap: str) -> None:
    text = gap.join(tokens)
    written = read_sets(text)
    readable = bool(written) and all(not w.problem for w in written)
    assert (_SETS_PATTERN.search(text) is not None) == readable


# --- the log schema --------------------------------------------------------------------------


def test_log_schema_is_valid_formatted_draft_07() -> None:
    Draft7Validator.check_schema(LOG_SCHEMA)
    assert LOG_SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    text = (data_dir("schemas") / "log.schema.json").read_text(encoding="utf-8")
    import json

    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


def _log_properties() -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{pointer}/properties/{name}", node)
        for pointer, parent in walk(LOG_SCHEMA)
        for name, node in parent.get("properties", {}).items()
    ]


@pytest.mark.parametrize(("pointer", "node"), _log_properties(), ids=lambda v: str(v)[-50:])
def test_every_log_property_is_documented(pointer: str, node: dict[str, Any]) -> None:
    for key in ("title", "description", "examples"):
        assert key in node or key in resolve(LOG_SCHEMA, node), f"{pointer} has no {key}"


def test_log_schema_examples_are_valid() -> None:
    for pointer, node in walk(LOG_SCHEMA):
        if "examples" not in node:
            continue
        validator = Draft7Validator(
            dict(node, definitions=LOG_SCHEMA["definitions"]),
            format_checker=Draft7Validator.FORMAT_CHECKER,
        )
        for example_value in node["examples"]:
            assert not list(validator.iter_errors(example_value)), (pointer, example_value)


def test_every_log_object_is_closed_and_every_collection_and_text_capped() -> None:
    open_objects, uncapped = [], []
    for pointer, node in walk(LOG_SCHEMA):
        kinds = node.get("type", [])
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if "properties" in node and node.get("additionalProperties") is not False:
            open_objects.append(pointer)
        if "array" in kinds and "maxItems" not in node:
            uncapped.append(pointer)
        if "object" in kinds and "properties" not in node and "maxProperties" not in node:
            uncapped.append(pointer)
        if "string" in kinds and "maxLength" not in node and "enum" not in node:
            uncapped.append(pointer)
    assert (open_objects, uncapped) == ([], [])


def test_the_schema_documents_the_notation_the_reader_uses() -> None:
    description = LOG_SCHEMA["definitions"]["sets"]["description"]
    for example_text in ("10@60@8", "3x10@90", "bw", "0 is a failed attempt", "in halves"):
        assert example_text in description
    for example_value in LOG_SCHEMA["definitions"]["sets"]["examples"]:
        texts = example_value if isinstance(example_value, list) else [example_value]
        assert all(not w.problem for text in texts for w in read_sets(text))


# --- hostile logs ----------------------------------------------------------------------------

ANCHOR = "anchors (&name) are not allowed: write the value out"
ALIAS = "aliases (*name) are not allowed: write the value out"
SET = "a set is REPS@LOAD, e.g. 10@60"
SET_FORM = (
    "a set is REPS@LOAD, e.g. 10@60 (REPS@LOAD@RPE adds an RPE, 3x10@60 is three sets, "
    "bw is bodyweight, 40s@bw a hold)"
)
SETS_FORM = (
    "sets are REPS@LOAD separated by spaces, e.g. 10@60 10@60 9@60 (REPS@LOAD@RPE adds an "
    "RPE, 3x10@60 is three sets, bw is bodyweight, 40s@bw a hold)"
)
ID_FORM = (
    "an id is lower case letters and digits, with single - or _ between them (e.g. hip-thrust-12wk)"
)
GLUTE = "sessions[0].done.barbell_glute_bridge"

# Per file: every diagnostic as (line, column, text after `file:line:col: `), counted by hand.
HOSTILE_EXPECTED: dict[str, list[tuple[int, int, str]]] = {
    "anchors-and-aliases.log.yaml": [(6, 19, ANCHOR), (7, 29, ALIAS)],
    "python-tag.log.yaml": [
        (5, 11, "the tag !!python/object/apply:os.system is not allowed here (only !!map, !!seq)")
    ],
    "too-many-sets.log.yaml": [
        (6, 19, "sessions[0].done.hip_thrust: 198 sets is more than 100 in one session")
    ],
    "display-names-as-keys.log.yaml": [
        (
            6,
            7,
            'sessions[0].done["Barbell hip thrust"]: unknown exercise '
            "'Barbell hip thrust': write its id, 'hip_thrust'",
        ),
        (
            7,
            7,
            'sessions[0].done["barbell glute bridge"]: unknown exercise '
            "'barbell glute bridge': write its id, 'barbell_glute_bridge'",
        ),
    ],
    "escapes-in-names.log.yaml": [
        (5, 11, "control character U+001B is not allowed in a text"),
        (7, 7, "control character U+001B is not allowed in a key"),
    ],
    "control-characters.log.yaml": [
        (5, 11, "control character U+007F is not allowed in a text"),
        (8, 38, "control character U+009B is not allowed in a text"),
        (9, 7, "control character U+0000 is not allowed in a key"),
        (11, 11, "control character U+001B is not allowed in a text"),
    ],
    "out-of-range-sets.log.yaml": [
        (
            6,
            19,
            f"sessions[0].done.hip_thrust: '1001@90': {SET} (the reps are a whole number from 0 to 1000)",
        ),
        (
            6,
            27,
            f"sessions[0].done.hip_thrust: '10@10000': {SET} (the load must be less than 10000)",
        ),
        (
            6,
            36,
            f"sessions[0].done.hip_thrust: '10@90@10.5': {SET} (the RPE is 1 to 10 in halves, e.g. 8 or 8.5)",
        ),
        (
            6,
            47,
            f"sessions[0].done.hip_thrust: '10@90.1234': {SET} (give the load to at most 3 decimal places)",
        ),
        (6, 58, f"sessions[0].done.hip_thrust: '10@-5': {SET} (a load cannot be negative)"),
        (7, 51, f"{GLUTE}[2]: '10@60lb': the program's loads are in kg, not lb"),
        (7, 62, f"{GLUTE}[3]: '10 @60': {SET} (no spaces inside a set)"),
        (7, 78, f"{GLUTE}[4]: '10@60 9@60': one set per list item; {SET_FORM}"),
    ],
    "wrong-shapes.log.yaml": [
        (2, 10, f"program: 'Hip Thrust': {ID_FORM}"),
        (5, 11, "sessions[0].done: expected a mapping, not a list"),
        (6, 11, "sessions[1].date: '2027-02-30' is not a real date"),
        (7, 5, "sessions[1].when: unknown key 'when' (expected date, done, note, session)"),
        (
            10,
            18,
            "sessions[1].done.hip_thrust[0].reps: expected a whole number, not '10': remove the quotes",
        ),
        (10, 30, "sessions[1].done.hip_thrust[0].load: -5 is below the least allowed, 0"),
        (10, 39, "sessions[1].done.hip_thrust[0].rpe: 8.3 must be a multiple of 0.5"),
        (11, 11, "sessions[1].done.hip_thrust[1]: missing required key 'load'"),
        (
            13,
            29,
            f"sessions[1].done.barbell_glute_bridge: expected text or a list, not 12: {SETS_FORM}",
        ),
    ],
    "flow-style.log.yaml": [],
}


def test_every_hostile_log_is_in_the_table() -> None:
    assert sorted(path.name for path in HOSTILE_LOGS.glob("*.log.yaml")) == sorted(HOSTILE_EXPECTED)


@pytest.mark.parametrize("name", sorted(HOSTILE_EXPECTED))
def test_hostile_logs_get_exact_diagnostics(name: str) -> None:
    path = HOSTILE_LOGS / name
    assert problems(path) == [
        f"{path}:{line}:{col}: {message}" for line, col, message in HOSTILE_EXPECTED[name]
    ]


@pytest.mark.parametrize("name", sorted(HOSTILE_EXPECTED))
def test_the_command_adds_nothing_to_a_hostile_log(spec: Path, name: str) -> None:
    target = log_path(spec)
    shutil.copyfile(HOSTILE_LOGS / name, target)
    before = target.read_bytes()
    result = log_cli(str(spec), "--date", "2027-01-07", "feet_elevated_hip_thrust 10@80")
    assert result.exit_code == 1, result.output
    assert target.read_bytes() == before
    assert "\x1b" not in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in spec.parent.iterdir()) == sorted([spec.name, target.name])


def test_a_flow_style_log_is_refused_with_a_reason(spec: Path) -> None:
    target = log_path(spec)
    shutil.copyfile(HOSTILE_LOGS / "flow-style.log.yaml", target)
    lines = target.read_text(encoding="utf-8").count("\n")
    result = log_cli(str(spec), "--date", "2027-01-07", "feet_elevated_hip_thrust 10@80")
    assert result.stderr.splitlines()[0] == (
        f"{target}:{lines + 1}:1: cannot add the entry at the end of this file: its sessions "
        "list must be the last thing in it, one '- date: ...' item per entry (not written as [...])"
    )


# --- liftplan log ----------------------------------------------------------------------------


def test_log_creates_the_log_with_the_modeline_and_the_program(spec: Path) -> None:
    result = log_cli(str(spec), "--date", "2027-01-04", "hip_thrust 10@90 10@90 9@90")
    assert result.exit_code == 0, result.output
    target = log_path(spec)
    assert result.stderr == f"logged 1 day, 3 sets: created {target}\n"
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# yaml-language-server: $schema=")
    schema_file = (target.parent / lines[0].split("=", 1)[1]).resolve()
    assert schema_file == (data_dir("schemas") / "log.schema.json").resolve()
    assert load_bytes(target.read_bytes(), "log").data == {
        "program": "hip-thrust-12wk",
        "sessions": [{"date": "2027-01-04", "done": {"hip_thrust": "10@90 10@90 9@90"}}],
    }


def test_log_appends_and_keeps_comments(spec: Path) -> None:
    target = log_path(spec)
    start = (
        "# my log; keep this comment\n"
        "program: hip-thrust-12wk   # and this one\n"
        "sessions:\n"
        "    -   date: 2027-01-04    # odd indentation, kept\n"
        "        done: {hip_thrust: 10@90}\n"
        "# a trailing comment"  # and no newline at the end
    )
    target.write_text(start, encoding="utf-8")
    first = log_cli(
        str(spec), "--date", "2027-01-07", "--session", "B", "feet_elevated_hip_thrust 3x10@80@8"
    )
    second = log_cli(
        str(spec),
        "--date",
        "2027-01-12",
        "--session",
        "A",
        "--note",
        "moved to Tuesday",
        "Barbell Hip Thrust 10@92.5 9@92.5",
        "barbell_glute_bridge 12@60",
    )
    assert (first.exit_code, second.exit_code) == (0, 0), first.output + second.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith(start + "\n")
    program, plan = example()
    log = load_log(str(target), program, plan)
    assert [(s.date.isoformat(), s.label, s.note) for s in log.sessions] == [
        ("2027-01-04", "A", ""),
        ("2027-01-07", "B", ""),
        ("2027-01-12", "A", "moved to Tuesday"),
    ]
    assert log.sessions[1].exercises == (
        LoggedExercise("feet_elevated_hip_thrust", (LoggedSet(10, KG(80), KG(8)),) * 3),
    )
    assert log.sessions[2].exercises == (
        LoggedExercise("hip_thrust", (LoggedSet(10, KG(185, 2)), LoggedSet(9, KG(185, 2)))),
        LoggedExercise("barbell_glute_bridge", (LoggedSet(12, KG(60)),)),
    )
    # The items continue the file's own indentation.
    assert "\n    -   date: '2027-01-07'\n" in text


def test_a_bad_set_exits_1_and_leaves_the_log_byte_identical(spec: Path) -> None:
    assert log_cli(str(spec), "--date", "2027-01-04", "hip_thrust 10@90").exit_code == 0
    target = log_path(spec)
    before = target.read_bytes()
    lines = before.count(b"\n")
    result = subprocess.run(
        [
            str(LIFTPLAN),
            "log",
            str(spec),
            "--date",
            "2027-01-07",
            "feet_elevated_hip_thrust 10@80 10@",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert target.read_bytes() == before
    # The entry would have been: `  - date: ...`, `    done:`, then the exercise line.
    exercise_line = "      feet_elevated_hip_thrust: 10@80 10@"
    assert result.stderr.splitlines() == [
        f"{target}:{lines + 3}:{exercise_line.rindex('10@') + 1}: "
        "sessions[1].done.feet_elevated_hip_thrust: '10@': a set is REPS@LOAD, e.g. 10@60 "
        "(the load is missing)",
        f"liftplan: nothing written to {target} (the new entries would have started at line "
        f"{lines + 1})",
    ]
    assert result.stdout == ""
    assert sorted(p.name for p in spec.parent.iterdir()) == sorted([spec.name, target.name])


def test_a_date_already_logged_is_refused_not_merged(spec: Path) -> None:
    assert log_cli(str(spec), "--date", "2027-01-04", "hip_thrust 10@90").exit_code == 0
    target = log_path(spec)
    before = target.read_bytes()
    result = log_cli(str(spec), "--date", "2027-01-04", "barbell_glute_bridge 10@60")
    assert result.exit_code == 1
    assert target.read_bytes() == before
    first = before.decode().splitlines().index("  - date: '2027-01-04'") + 1
    assert f"2027-01-04 is already logged at line {first}: give each day one entry" in result.stderr


TRICKY_NOTES = [
    "left knee: sore # not a comment",
    "she said \"don't\" and 'stop'",
    "ünïcödé — 中文 — 🏋️",
    "two\nlines\n",
    "  leading and trailing spaces  ",
    "- looks like a list item",
    "12",
    "no",
    "@8 10@60",
    "{braces} [brackets] & *star ! % `tick` | > ?",
]


@pytest.mark.parametrize("note", TRICKY_NOTES)
def test_tricky_notes_round_trip(spec: Path, note: str) -> None:
    result = log_cli(str(spec), "--date", "2027-01-04", "--note", note, "hip_thrust 10@90")
    assert result.exit_code == 0, result.output
    result = log_cli(str(spec), "--date", "2027-01-07", "--note", note, "pull_up 8@bw")
    assert result.exit_code == 0, result.output
    program, plan = example()
    log = load_log(str(log_path(spec)), program, plan)
    assert [session.note for session in log.sessions] == [note, note]


@pytest.mark.parametrize(
    "args",
    [
        ["hip_thrust 10@90"],  # no --date: liftplan has no clock
        ["--date", "2027-1-4", "hip_thrust 10@90"],
        ["--date", "2027-02-30", "hip_thrust 10@90"],
        ["--date", "2027-01-04"],  # nothing done
        ["--date", "2027-01-04", "hip_thrust"],  # no sets
        ["--date", "2027-01-04", "hip_thrust 10@90", "Barbell hip thrust 9@90"],  # twice
        ["--import", "{csv}", "hip_thrust 10@90"],
        ["--import", "{csv}", "--date", "2027-01-04"],
        ["--date", "2027-01-04", "--columns", "date=Day", "hip_thrust 10@90"],
        ["--import", "{csv}", "--columns", "colour=Red"],
        ["--import", "{csv}", "--columns", "date"],
    ],
)
def test_usage_errors_exit_2_and_write_nothing(spec: Path, args: list[str]) -> None:
    csv_file = spec.parent / "export.csv"
    csv_file.write_text("date,exercise,weight,reps\n2027-01-04,hip_thrust,90,10\n")
    result = log_cli(str(spec), *[arg.format(csv=csv_file) for arg in args])
    assert result.exit_code == 2, result.output
    assert not log_path(spec).exists()


def test_a_bad_spec_is_reported_and_nothing_written(spec: Path) -> None:
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("days: [mon, thu]", "days: [mon, thr]")
    )
    result = log_cli(str(spec), "--date", "2027-01-04", "hip_thrust 10@90")
    assert result.exit_code == 1
    assert "schedule.days[1]: 'thr' is not one of" in result.stderr
    assert not log_path(spec).exists()


def test_the_file_keeps_its_permissions_and_line_endings(spec: Path) -> None:
    target = log_path(spec)
    target.write_bytes(b"program: hip-thrust-12wk\r\nsessions:\r\n")
    target.chmod(0o640)
    assert log_cli(str(spec), "--date", "2027-01-04", "hip_thrust 10@90").exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"program: hip-thrust-12wk\r\nsessions:\r\n  - date:")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_log_with_no_sessions_key_gets_one(spec: Path) -> None:
    target = log_path(spec)
    target.write_text("# started by hand\nprogram: hip-thrust-12wk\n", encoding="utf-8")
    assert log_cli(str(spec), "--date", "2027-01-04", "hip_thrust 10@90").exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# started by hand\nprogram: hip-thrust-12wk\nsessions:\n  - date:")


def test_a_log_that_changed_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    target = write(tmp_path, "someone else's edit\n")
    with pytest.raises(LiftplanError, match="the file changed while liftplan was adding"):
        write_atomically(target, b"new", expected=b"what was read\n")
    assert target.read_text(encoding="utf-8") == "someone else's edit\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_write_that_fails_leaves_the_log_and_no_temporary_file(
    spec: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert log_cli(str(spec), "--date", "2027-01-04", "hip_thrust 10@90").exit_code == 0
    target = log_path(spec)
    before = target.read_bytes()

    def failing_replace(source: str | Path, destination: str | Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    result = log_cli(str(spec), "--date", "2027-01-07", "pull_up 8@bw")
    assert result.exit_code == 1
    assert result.stderr == f"liftplan: error: cannot write {target}: No space left on device\n"
    assert target.read_bytes() == before
    assert sorted(p.name for p in spec.parent.iterdir()) == sorted([spec.name, target.name])


# --- CSV import ------------------------------------------------------------------------------


def csv_in(folder: Path, text: str, name: str = "export.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_with_the_usual_columns_by_id_and_by_name(tmp_path: Path) -> None:
    path = csv_in(
        tmp_path,
        "Date,Exercise,Weight,Reps,RPE,Notes\n"
        "2027-01-07 18:02:11,Feet-elevated hip thrust,80,10,,\n"
        "2027-01-04,hip_thrust,90,10,,\n"
        "2027-01-04,BARBELL HIP THRUST,90.0,9,8.5,\n"
        "\n"
        '2027-01-04,pull_up,,8,,"grip: wide, # slow"\n'
        "2027-01-04,hip_thrust,62.50,0,10,\n",
    )
    program, plan = example()
    assert import_csv(str(path), program, plan) == [
        {
            "date": "2027-01-04",
            "done": {
                "hip_thrust": "10@90 9@90@8.5 0@62.5@10",
                "pull_up": [{"reps": 8, "load": "bw", "note": "grip: wide, # slow"}],
            },
        },
        {"date": "2027-01-07", "done": {"feet_elevated_hip_thrust": "10@80"}},
    ]


def test_import_with_named_columns_semicolons_and_a_session(tmp_path: Path) -> None:
    path = csv_in(
        tmp_path,
        "Workout;When;Exercise Name;Weight (kg);Reps;Effort\n"
        "A;2027-01-05;hip_thrust;27,215542;10;8\n",
    )
    program, plan = example()
    columns = parse_columns("date=When, session=Workout, rpe=Effort")
    assert import_csv(str(path), program, plan, columns) == [
        {
            "date": "2027-01-05",
            "session": "A",
            "done": {"hip_thrust": [{"reps": 10, "load": 27.215542, "rpe": 8}]},
        }
    ]


def test_import_through_the_command_appends_every_day(spec: Path) -> None:
    path = csv_in(
        spec.parent,
        "Day,Lift,Kilos,Reps\n"
        "2027-01-04,Barbell hip thrust,90,10\n"
        "2027-01-04,Barbell hip thrust,90,9\n"
        "2027-01-07,Feet-elevated hip thrust,80,12\n",
    )
    result = log_cli(
        str(spec), "--import", str(path), "--columns", "date=Day,exercise=Lift,load=Kilos"
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"logged 2 days, 3 sets: created {log_path(spec)}\n"
    program, plan = example()
    log = load_log(str(log_path(spec)), program, plan)
    assert [(s.date.isoformat(), s.exercises) for s in log.sessions] == [
        (
            "2027-01-04",
            (LoggedExercise("hip_thrust", (LoggedSet(10, KG(90)), LoggedSet(9, KG(90)))),),
        ),
        ("2027-01-07", (LoggedExercise("feet_elevated_hip_thrust", (LoggedSet(12, KG(80)),)),)),
    ]


BAD_CSV = """\
date,exercise,weight,reps,rpe,note
2027-01-04,hip_thrst,90,10,,
2027-01-04,hip_thrust,ninety,10,11,
01/04/2027,Barbell hip thrust,90,,,
2027-06-01,hip_thrust,90,10,,
2027-01-05,hip_thrust,90,10.5,,
2027-01-04,hip_thrust,10000,10,,
"""


def test_bad_rows_are_located_by_line_and_field(spec: Path) -> None:
    path = csv_in(spec.parent, BAD_CSV)
    header = BAD_CSV.splitlines()[0].split(",")
    field = {name: header.index(name) + 1 for name in header}
    expected = [
        f"{path}:2:{field['exercise']}: unknown exercise 'hip_thrst': did you mean 'hip_thrust'?",
        f"{path}:3:{field['weight']}: the weight 'ninety' is not a number in kg (at most 6 "
        "decimals); leave it empty for bodyweight",
        f"{path}:3:{field['rpe']}: the RPE '11' is not 1 to 10 in halves",
        f"{path}:4:{field['date']}: '01/04/2027' is not a date: write YYYY-MM-DD",
        f"{path}:4:{field['reps']}: the reps are missing",
        f"{path}:5:{field['date']}: 2027-06-01 is after the program ends (2027-03-28)",
        f"{path}:6:{field['reps']}: the reps are '10.5': they are a whole number from 0 to 1000",
        f"{path}:7:{field['weight']}: the weight '10000' is not less than 10000",
    ]
    program, plan = example()
    with pytest.raises(LiftplanError) as raised:
        import_csv(str(path), program, plan)
    assert [d.format() for d in raised.value.diagnostics] == expected
    result = log_cli(str(spec), "--import", str(path))
    assert (result.exit_code, result.stderr.splitlines()) == (1, expected)
    assert not log_path(spec).exists()


def test_a_day_with_no_session_in_a_csv_asks_for_a_session_column(tmp_path: Path) -> None:
    path = csv_in(tmp_path, "date,exercise,weight,reps\n2027-01-05,hip_thrust,90,10\n")
    program, plan = example()
    with pytest.raises(LiftplanError) as raised:
        import_csv(str(path), program, plan)
    assert [d.format() for d in raised.value.diagnostics] == [
        f"{path}:2:1: no session is planned on Tue 05 Jan 2027 (week 1: it has A on Mon 04 Jan, "
        "B on Thu 07 Jan); give a session column to say which it was"
    ]


@pytest.mark.parametrize(
    ("text", "columns", "message"),
    [
        (
            "Date,Exercise Name,Weight (lb),Reps\n2027-01-04,hip_thrust,200,10\n",
            None,
            "1:3: the weights in 'Weight (lb)' are in lb, but the program's loads are in kg",
        ),
        (
            "Date,Lift,Weight,Reps\n2027-01-04,hip_thrust,200,10\n",
            None,
            "1:1: no exercise column: name it with --columns exercise=COLUMN "
            "(the columns: Date, Lift, Weight, Reps)",
        ),
        (
            "Date,Lift,Weight,Reps\n2027-01-04,hip_thrust,200,10\n",
            {"exercise": "Movement"},
            "1:1: no column is named 'Movement' (the columns: Date, Lift, Weight, Reps)",
        ),
        ("date,exercise,weight,reps\n", None, "1:1: the file has a header but no sets"),
        ("", None, "1:1: the file is empty"),
    ],
)
def test_bad_headers_are_reported(
    tmp_path: Path, text: str, columns: dict[str, str] | None, message: str
) -> None:
    path = csv_in(tmp_path, text)
    program, plan = example()
    with pytest.raises(LiftplanError) as raised:
        import_csv(str(path), program, plan, columns)
    assert [d.format() for d in raised.value.diagnostics] == [f"{path}:{message}"]


def test_a_csv_row_spanning_lines_is_located_at_its_first_line(tmp_path: Path) -> None:
    path = csv_in(
        tmp_path,
        'date,exercise,weight,reps,note\n2027-01-04,hip_thrust,90,10,"a note\nover two lines"\n'
        "2027-01-04,hip_thrust,90,x,\n",
    )
    program, plan = example()
    with pytest.raises(LiftplanError) as raised:
        import_csv(str(path), program, plan)
    assert [d.format() for d in raised.value.diagnostics] == [
        f"{path}:4:4: the reps are 'x': they are a whole number from 0 to 1000"
    ]


def test_a_csv_that_is_not_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    row = b"2027-01-04,caf\xe9,90,10\n"
    path.write_bytes(b"date,exercise,weight,reps\n" + row)
    program, plan = example()
    with pytest.raises(LiftplanError) as raised:
        import_csv(str(path), program, plan)
    assert [d.format() for d in raised.value.diagnostics] == [
        f"{path}:2:{row.index(0xE9) + 1}: the file is not UTF-8 text (byte 0xe9); save it as UTF-8"
    ]


def test_an_import_onto_dates_already_logged_is_refused(spec: Path) -> None:
    assert log_cli(str(spec), "--date", "2027-01-04", "hip_thrust 10@90").exit_code == 0
    before = log_path(spec).read_bytes()
    path = csv_in(spec.parent, "date,exercise,weight,reps\n2027-01-04,hip_thrust,90,10\n")
    result = log_cli(str(spec), "--import", str(path))
    assert result.exit_code == 1
    assert "2027-01-04 is already logged at line" in result.stderr
    assert log_path(spec).read_bytes() == before


def test_log_warns_about_the_new_entry_only_at_its_line_in_the_file(spec: Path) -> None:
    target = log_path(spec)
    target.write_text(
        "program: hip-thrust-12wk\nsessions:\n"
        '  - date: "2027-01-04"\n    done: {hip_thrust: 10@90, pull_up: 8@bw}\n',
        encoding="utf-8",
    )
    result = log_cli(str(spec), "--date", "2027-01-07", "pull_up 8@bw 7@bw")
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip().startswith("pull_up:"))
    _, plan = example()
    planned = next(s for s in plan.sessions if s.date == datetime.date(2027, 1, 7))
    listed = ", ".join(item.exercise for item in planned.exercises)
    assert result.stderr.splitlines() == [
        f"{target}:{line}:{lines[line - 1].index('pull_up') + 1}: warning: "
        f"sessions[1].done.pull_up: pull_up is not in session {planned.label} as planned for "
        f"Thu 07 Jan 2027 ({listed})",
        f"logged 1 day, 2 sets: added to {target}",
    ]
