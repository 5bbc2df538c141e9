"""Timed sets and holds (seconds instead of reps, lengthened by a step) and supersets
(exercises side by side done in rounds, one rest after the round), through the plan and
every output that names a set."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.errors import LiftplanError
from generator.pipeline import plan_spec
from generator.publish.data import plan_csv, plan_json
from generator.publish.pdf import pdf_html, render_pdf
from generator.publish.site import program_pages
from generator.publish.templates import environment
from generator.publish.text import show_plan
from generator.resources import data_dir
from tests.support.scenario import plan_text

SPEC = """\
id: t
title: T
units: kg
start: "2027-01-04"
schedule: {days: [mon, thu]}
equipment:
  barbell: {kind: barbell, bar: 20, plates: [20, 10, 5, 2.5, 1.25]}
phases:
  - name: P
    weeks: 3
    sessions:
      A:
        - {exercise: hip_thrust, sets: 3, reps: 10, load: 60, rest: 90s, superset: a}
        - exercise: plank
          sets: 3
          time: 30s
          load: bodyweight
          rest: 60s
          superset: a
          progress: [{time: {add: 5s, every: week, max: 40s}}]
        - {exercise: back_squat, sets: 3, reps: 5, load: 80}
"""


def test_a_hold_lengthens_by_its_step_up_to_its_limit(tmp_path: Path) -> None:
    planned = plan_text(SPEC, None, tmp_path)
    holds = [line.split(" | ")[1] for line in planned]
    # 30s in week 1, 35s in week 2, 40s in week 3 (the limit), at each of two sessions
    assert holds == ["plank 3x30s@bw"] * 2 + ["plank 3x35s@bw"] * 2 + ["plank 3x40s@bw"] * 2
    plan = plan_spec(str(tmp_path / "t.yaml")).plan
    assert all(s.reps is None for s in plan.weeks[0].sessions[0].exercises[1].sets)


def test_a_superset_is_named_in_rounds_with_one_rest_after_the_round(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(SPEC, encoding="utf-8")
    plan = plan_spec(str(tmp_path / "t.yaml")).plan
    first = plan.weeks[0].sessions[0]
    assert [e.superset for e in first.exercises] == ["A1", "A2", None]
    thrust, plank, squat = first.exercises
    assert {s.rest for s in thrust.sets if s.kind != "warmup"} == {0}  # straight to A2
    assert {s.rest for s in plank.sets} == {60}  # the round's rest
    assert {s.rest for s in squat.sets if s.kind != "warmup"} == {120}  # the default


def test_every_output_names_the_superset_and_the_time(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(SPEC, encoding="utf-8")
    plan = plan_spec(str(tmp_path / "t.yaml")).plan
    shown = show_plan(plan, 3)
    assert "    A1 Barbell hip thrust\n" in shown
    assert "    A2 Plank\n      3 x 40s @ bodyweight  rest 1m\n" in shown
    data = json.loads(plan_json(plan))
    exercise = data["weeks"][2]["sessions"][0]["exercises"][1]
    assert exercise["superset"] == "A2"
    assert [s["seconds"] for s in exercise["sets"]] == [40, 40, 40]
    rows = list(csv.DictReader(io.StringIO(plan_csv(plan))))
    plank = [row for row in rows if row["exercise"] == "plank" and row["week"] == "3"]
    assert {(row["superset"], row["seconds"], row["reps"]) for row in plank} == {("A2", "40", "")}


def test_the_site_and_the_printed_plan_name_the_superset_and_box_the_time(
    tmp_path: Path,
) -> None:
    """The week page and the real PDF, read back: the superset's places, the hold's time,
    and a printed box headed Time (not Reps) where the seconds held are written."""
    (tmp_path / "t.yaml").write_text(SPEC, encoding="utf-8")
    plan = plan_spec(str(tmp_path / "t.yaml")).plan
    page = dict(program_pages(environment(), plan, formats=()))["t/week-01.html"]
    assert "<h3>A1 Barbell hip thrust</h3>" in page
    assert "<h3>A2 Plank</h3>" in page
    assert (
        '<li><span class="load">bodyweight</span> <span class="reps">3 \u00d7 30s</span> '
        '<span class="how">rest 1m</span></li>'
    ) in page
    pdf = render_pdf(pdf_html(environment(), plan), [data_dir("templates")])
    pages = PdfReader(io.BytesIO(pdf.data)).pages
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))
    # Each of the six sessions: the plank's three sets labelled with the time to hold,
    # each with one box for the seconds (a hold at bodyweight has no weight box).
    assert text.count("A2 Plank") == 6
    assert len(re.findall(r"(?<![\d.] \u00d7 )\b\d+s\b", text)) == 3 * 6  # 30s, 35s...
    assert plank_boxes(pdf.data) == 3 * 6


def plank_boxes(data: bytes) -> int:
    """The boxes drawn for the plank's sets: a row of sets whose 8 mm reps-or-time boxes
    have no 12 mm weight box (only the plank is unloaded in SPEC). Each row of sets is a
    picture in mm."""
    count = 0
    for page in PdfReader(io.BytesIO(data)).pages[1:]:
        content = page.get_contents()
        assert content is not None
        rows = content.get_data().split(b"/Figure")
        for row in rows:
            widths = [
                float(width)
                for width, height in re.findall(rb"-?[\d.]+ -?[\d.]+ ([\d.]+) ([\d.]+) re\b", row)
                if float(height) == 6.5
            ]
            if widths and 12.0 not in widths:
                count += widths.count(8.0)
    return count


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("time: 30s\n", "time: 30s\n          reps: 5\n"),
            "phases[0].sessions.A[1].time: a timed set has no reps: give time or reps, not both",
        ),
        (
            ("superset: a}\n        - exercise: plank", "superset: b}\n        - exercise: plank"),
            [
                "phases[0].sessions.A[0].superset: superset b has one exercise: a superset pairs "
                "two or more",
                "phases[0].sessions.A[1].superset: superset a has one exercise: a superset pairs "
                "two or more",
            ],
        ),
        (
            (
                "- {exercise: back_squat, sets: 3, reps: 5, load: 80}",
                "- {exercise: back_squat, sets: 3, reps: 5, load: 80, superset: a}\n        - {exercise: deadlift, sets: 1, reps: 5, load: 100}\n        - {exercise: bench_press, sets: 3, reps: 5, load: 60, superset: a}",
            ),
            "phases[0].sessions.A[4].superset: superset a is split: put its exercises side by side",
        ),
        (
            ("time: 30s\n", "reps: 10\n"),
            "phases[0].sessions.A[1].progress[0].time: a time step lengthens a timed set: give "
            "the set its time",
        ),
    ],
)
def test_timed_sets_and_supersets_are_checked(
    tmp_path: Path, change: tuple[str, str], message: str | list[str]
) -> None:
    assert change[0] in SPEC
    with pytest.raises(LiftplanError) as raised:
        plan_text(SPEC.replace(*change), None, tmp_path)
    expected = message if isinstance(message, list) else [message]
    assert [f"{d.path}: {d.message}" for d in raised.value.diagnostics] == expected


def test_a_hold_held_short_is_repeated_and_a_full_one_lengthens(tmp_path: Path) -> None:
    """The first Monday's plank held 30s, 30s, 25s: the week-2 step is held back, so week 2
    asks 30s again; held in full in week 2, week 3 asks 35s."""
    log = (
        'program: t\nsessions:\n  - date: "2027-01-04"\n    done:\n'
        "      hip_thrust: 3x10@60\n      plank: 30s@bw 30s@bw 25s@bw\n"
        '  - date: "2027-01-11"\n    done:\n'
        "      hip_thrust: 3x10@60\n      plank: 3x30s@bw\n"
    )
    planned = plan_text(SPEC, log, tmp_path)
    holds = [line.split(" | ")[1] for line in planned]
    assert holds == ["plank 3x30s@bw"] * 4 + ["plank 3x35s@bw"] * 2
    plan = plan_spec(str(tmp_path / "t.yaml")).plan
    first = plan.weeks[0].sessions[0].exercises[1]
    assert first.done is not None
    assert [s.seconds for s in first.done.sets] == [30, 30, 25]
    rows = list(csv.DictReader(io.StringIO(plan_csv(plan))))
    logged = [
        r["done_seconds"] for r in rows if r["exercise"] == "plank" and r["date"] == "2027-01-04"
    ]
    assert logged == ["30", "30", "25"]
    shown = show_plan(plan, 1)
    assert "30s @ bodyweight" in shown
