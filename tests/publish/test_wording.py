"""One wording for every output: the same set reads alike in `show`, on the site, in the
calendar feed and in the CSV; where two outputs word a thing differently, they do so on
purpose, and the difference is pinned here."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from icalendar import Calendar

from generator.log.values import LoggedSet, set_text
from generator.plan.values import PlannedExercise, PlannedSet, WeekSummary
from generator.publish.calendar import plan_ics
from generator.publish.data import plan_csv
from generator.publish.text import show_plan
from generator.publish.views import week_view
from generator.wording import (
    describe_sets,
    float_text,
    json_number,
    load_label,
    logged_set,
    logged_sets_brief,
    number_text,
    reps_text,
    reps_words,
    rounded,
    set_target,
    week_summary,
)
from tests.support.paths import PROGRAMS
from tests.support.plans import plan_from_file

WORK = PlannedSet("work", 8, 12, Fraction(125, 2), None, None, Fraction(8), None, None, 90, None)
EXERCISE = PlannedExercise(
    "hip_thrust", "Hip thrust", "hip_thrust", "barbell", False, None, None, None, None, "", (), ()
)


def test_reps_are_short_in_a_box_and_spelled_out_in_a_line() -> None:
    amrap = dataclasses.replace(WORK, kind="amrap", reps_max=None)
    most = dataclasses.replace(WORK, reps=None)
    assert [reps_text(s) for s in (WORK, amrap, most)] == ["8-12", "8+", "max"]
    assert [reps_words(s) for s in (WORK, amrap, most)] == ["8 (range to 12)", "8+", "max reps"]
    assert set_target(WORK, "kg", EXERCISE) == "8-12 @ 62.5 kg, RPE 8"
    assert describe_sets([WORK, WORK], "kg", EXERCISE) == (
        "2 x 8 (range to 12) @ 62.5 kg  RPE 8, rest 1m30s"
    )


def test_loads_without_a_weight_say_what_stands_for_it() -> None:
    loaded_bodyweight = dataclasses.replace(EXERCISE, equipment=None, bodyweight=Fraction(-10))
    assert load_label(None, "kg", loaded_bodyweight) == "bodyweight - 10 kg"
    assert load_label(None, "kg", dataclasses.replace(EXERCISE, equipment=None)) == "bodyweight"
    assert load_label(None, "kg", EXERCISE) == "no load given"


def test_logged_sets_in_the_notation_in_full_and_in_brief() -> None:
    sets = [LoggedSet(10, Fraction(125, 2), Fraction(17, 2), "grindy"), LoggedSet(8, None)]
    assert [set_text(s) for s in sets] == ["10@62.5@8.5", "8@bw"]
    assert [logged_set(s, "kg") for s in sets] == [
        "10 @ 62.5 kg, RPE 8.5 (grindy)",
        "8 @ bodyweight",
    ]
    assert logged_sets_brief(sets, "kg") == "10 @ 62.5 kg, 8 @ bw"


def test_the_four_ways_of_writing_a_number_differ_only_where_they_must() -> None:
    sixteenth = Fraction(1, 16)
    assert (json_number(sixteenth), rounded(sixteenth), number_text(sixteenth)) == (
        0.062,
        "0.062",
        "0.0625",
    )
    for load in (Fraction(20), Fraction(125, 2), Fraction(5, 4), Fraction(1, 8)):
        assert rounded(load) == number_text(load) == float_text(load)
    assert float_text(Fraction(1, 100000)) == "1e-05"


def test_show_leaves_out_a_mean_intensity_of_zero_where_the_pages_say_it() -> None:
    summary = WeekSummary(4, Fraction(0), Fraction(0), ())
    assert week_summary(summary, "kg") == "4 hard sets, tonnage 0 kg, mean intensity 0%"
    assert week_summary(summary, "kg", zero_intensity=False) == "4 hard sets, tonnage 0 kg"
    assert week_summary(dataclasses.replace(summary, mean_intensity=None), "kg") == (
        "4 hard sets, tonnage 0 kg"
    )


def test_a_set_reads_alike_in_show_the_site_the_calendar_and_the_csv() -> None:
    plan = plan_from_file(PROGRAMS / "hip-thrust-12wk.yaml")
    week = plan.weeks[0]
    exercise = week.sessions[0].exercises[0]
    work = [s for s in exercise.sets if s.kind != "warmup"]
    line = describe_sets(work[: work.count(work[0])], plan.program.units, exercise)
    shown = show_plan(plan, week=1)
    page = week_view(plan, week)["sessions"][0]["exercises"][0]
    assert line in shown
    # The site sets the same line out in parts: the load, the sets of reps, the details.
    parts = page["lines"][0]
    assert parts["text"] == line
    assert f"@ {parts['load']} ({parts['details'][0]})" in line
    assert parts["reps"].replace("\u00d7", "x") in line
    feed = Calendar.from_ical(plan_ics(plan, {}))
    assert line in str(feed.walk("VEVENT")[0]["DESCRIPTION"])
    assert f",{rounded(work[0].load)},{plan.program.units}," in plan_csv(plan)  # type: ignore[arg-type]
