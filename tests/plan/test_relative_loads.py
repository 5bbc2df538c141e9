"""Loads relative to other loads: a ramp to the work sets, back-off sets after them, and a
session's load taken from another session's. Every figure is worked by hand from the
rule in the comment beside it (5 lb steps; a tie goes to the lighter load)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.errors import LiftplanError
from tests.support.scenario import plan_text

HEAD = """\
id: t
title: T
units: lb
start: "2027-01-04"
schedule: {days: [mon, wed, fri]}
equipment:
  barbell: {kind: barbell, bar: 45, plates: [45, 25, 10, 5, 2.5]}
phases:
  - name: P
    weeks: 2
    days: {mon: heavy, wed: light, fri: record}
    sessions:
"""

MADCOW_LIKE = HEAD + textwrap.indent(
    textwrap.dedent(
        """\
        heavy:
          - exercise: back_squat
            sets: 1
            reps: 5
            load: 250
            ramp: [50%, 62.5%, 75%, 87.5%]
            progress: [{load: {add: 5, every: week}}]
          - exercise: bench_press
            sets: 1
            reps: 1
            load: 200
            backoff: [{sets: 3, reps: 5, load: 90%}]
        light:
          - {exercise: back_squat, sets: 2, reps: 5, load: {session: heavy, share: 80%}}
        record:
          - exercise: back_squat
            sets: 1
            reps: 3
            load: {session: heavy, share: 102.5%}
            ramp:
              - {reps: 5, load: {session: heavy, share: 50%}}
              - {reps: 5, load: {session: heavy, share: 62.5%}}
            backoff: [{reps: 8, load: {session: heavy, share: 75%}}]
        """
    ),
    "      ",
)


def test_ramps_back_offs_and_loads_from_another_session(tmp_path: Path) -> None:
    assert plan_text(MADCOW_LIKE, None, tmp_path) == [
        # 250 x 50%, 62.5%, 75%, 87.5% = 125, 156.25 -> 155, 187.5 -> 185, 218.75 -> 220;
        # a top single at 200, then 3 x 5 at 90% of it, 180
        "2027-01-04 heavy: back_squat 1x5@125, 1x5@155, 1x5@185, 1x5@220, 1x5@250 | "
        "bench_press 1x1@200, 3x5@180",
        "2027-01-06 light: back_squat 2x5@200",  # 80% of Monday's 250
        # 102.5% of 250 = 256.25 -> 255; ramp from Monday's 250; 75% of it, 187.5 -> 185
        "2027-01-08 record: back_squat 1x5@125, 1x5@155, 1x3@255, 1x8@185",
        # +5 a week: 255, so 127.5 -> 125, 159.375 -> 160, 191.25 -> 190, 223.125 -> 225
        "2027-01-11 heavy: back_squat 1x5@125, 1x5@160, 1x5@190, 1x5@225, 1x5@255 | "
        "bench_press 1x1@200, 3x5@180",
        "2027-01-13 light: back_squat 2x5@205",  # 80% of 255 = 204 -> 205
        "2027-01-15 record: back_squat 1x5@125, 1x5@160, 1x3@260, 1x8@190",
    ]


def test_a_logged_failure_moves_the_sessions_that_take_their_load_from_it(
    tmp_path: Path,
) -> None:
    """The heavy day's load repeats after a failure, so the light day's 80% does too."""
    program = MADCOW_LIKE.replace("every: week}}]", "every: week, fail: {drop: 10%}}}]")
    log = (
        'program: t\nsessions:\n  - date: "2027-01-04"\n    done:\n'
        "      back_squat: 5@125 5@155 5@185 5@220 3@250\n"
    )
    planned = plan_text(program, log, tmp_path)
    # failed at 250 with a drop at once: 225; the light day, 80% of it: 180
    # its ramp: 112.5 -> 110 (a tie goes lighter), 140.625 -> 140, 168.75 -> 170, 196.875 -> 195
    assert planned[3].startswith("2027-01-11 heavy: back_squat 1x5@110, 1x5@140, 1x5@170, 1x5@195")
    assert planned[3].split(" | ")[0].endswith("1x5@225")
    assert planned[4] == "2027-01-13 light: back_squat 2x5@180"


def test_a_load_from_a_session_not_yet_planned_needs_a_first_load(tmp_path: Path) -> None:
    program = MADCOW_LIKE.replace(
        "days: {mon: heavy, wed: light, fri: record}", "days: {mon: light, wed: heavy, fri: record}"
    )
    with pytest.raises(LiftplanError) as raised:
        plan_text(program, None, tmp_path)
    assert raised.value.diagnostics[0].message == (
        "back_squat's load is taken from session heavy, but in week 1 no session heavy has "
        "come before this one: give the load it starts at (first)"
    )
    first = program.replace("share: 80%}}", "share: 80%, first: 190}}")
    assert plan_text(first, None, tmp_path)[0] == "2027-01-04 light: back_squat 2x5@190"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("{session: heavy, share: 80%}", "{session: heavvy, share: 80%}"),
            "phases[0].sessions.light[0].load.session: no session 'heavvy' in this phase "
            "(it has heavy, light, record)",
        ),
        (
            (
                "{exercise: back_squat, sets: 2, reps: 5, load: {session: heavy, share: 80%}}",
                "{exercise: bench_press, sets: 2, reps: 5, load: {session: record}}",
            ),
            "phases[0].sessions.light[0].load.session: session record has no bench_press to "
            "take the load from",
        ),
        (
            ("ramp: [50%, 62.5%, 75%, 87.5%]", "ramp: [50%, 100%]"),
            "phases[0].sessions.heavy[0].ramp[1]: a ramp set is below 100% of the work load, "
            "above 0%",
        ),
        (
            ("load: 90%}]", "load: 110%}]"),
            "phases[0].sessions.heavy[1].backoff[0]: a backoff set is at most 100% of the work "
            "load, above 0%",
        ),
    ],
)
def test_relative_loads_are_checked(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    program = MADCOW_LIKE.replace(*change)
    with pytest.raises(LiftplanError) as raised:
        plan_text(program, None, tmp_path)
    assert [f"{d.path}: {d.message}" for d in raised.value.diagnostics] == [message]


TEXAS_LIKE = HEAD.replace(
    "days: {mon: heavy, wed: light, fri: record}", "days: {mon: volume, fri: record}"
) + textwrap.indent(
    textwrap.dedent(
        """\
        volume:
          - {exercise: back_squat, sets: 5, reps: 5, load: {session: record, share: 90%, first: 270, from: made}}
        record:
          - {exercise: back_squat, sets: 1, reps: 5, load: 300, progress: [{load: {add: 5, every: week}}]}
        """
    ),
    "      ",
)


def test_a_load_from_the_load_made_follows_the_record_not_the_plan(tmp_path: Path) -> None:
    """Monday is 90% of the last Friday record made: a missed 310 leaves the record at 305."""
    program = TEXAS_LIKE.replace("weeks: 2", "weeks: 4")
    log = (
        "program: t\nsessions:\n"
        '  - {date: "2027-01-04", done: {back_squat: 5x5@270}}\n'
        '  - {date: "2027-01-08", done: {back_squat: 5@300}}\n'
        '  - {date: "2027-01-11", done: {back_squat: 5x5@270}}\n'
        '  - {date: "2027-01-15", done: {back_squat: 5@305}}\n'
        '  - {date: "2027-01-18", done: {back_squat: 5x5@275}}\n'
        '  - {date: "2027-01-22", done: {back_squat: 4@310}}\n'
    )
    assert plan_text(program, log, tmp_path) == [
        "2027-01-04 volume: back_squat 5x5@270",  # first
        "2027-01-08 record: back_squat 1x5@300",
        "2027-01-11 volume: back_squat 5x5@270",  # 90% of 300
        "2027-01-15 record: back_squat 1x5@305",
        "2027-01-18 volume: back_squat 5x5@275",  # 90% of 305 = 274.5 -> 275
        "2027-01-22 record: back_squat 1x5@310",  # missed: 4 reps
        "2027-01-25 volume: back_squat 5x5@275",  # 90% of the record made, 305, again
        "2027-01-29 record: back_squat 1x5@310",  # repeated after the miss
    ]
    planned = program.replace(", from: made", "")
    # from the planned load instead: 90% of the missed 310 = 279 -> 280
    assert plan_text(planned, log, tmp_path)[6] == "2027-01-25 volume: back_squat 5x5@280"


def test_a_load_is_made_only_when_every_set_planned_at_it_was(tmp_path: Path) -> None:
    """A 5 x 5 logged 5, 5, 5, 5, 4 at 300 did not make 300: what follows takes the last
    load made, 295, not 300 (90% of 295 = 265.5 -> 265; of 300 it would be 270)."""
    program = TEXAS_LIKE.replace("weeks: 2", "weeks: 3").replace(
        "{exercise: back_squat, sets: 1, reps: 5, load: 300,",
        "{exercise: back_squat, sets: 5, reps: 5, load: 295,",
    )
    log = (
        "program: t\nsessions:\n"
        '  - {date: "2027-01-08", done: {back_squat: 5x5@295}}\n'
        '  - {date: "2027-01-15", done: {back_squat: 4x5@300 4@300}}\n'
    )
    planned = plan_text(program, log, tmp_path)
    assert planned[2] == "2027-01-11 volume: back_squat 5x5@265"  # 90% of 295
    assert planned[4] == "2027-01-18 volume: back_squat 5x5@265"  # 300 not made
