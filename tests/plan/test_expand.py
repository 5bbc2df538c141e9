"""The expansion engine: golden plans, a published table, and hand-worked scenarios."""

from __future__ import annotations

import datetime
import re
import textwrap
from fractions import Fraction

import pytest

from generator.pipeline import check_document
from generator.plan.expand import expand
from generator.plan.values import Plan, PlannedExercise
from generator.spec.loader import load_bytes
from generator.spec.model import build_program
from tests.support.golden import expanded_json, golden_path
from tests.support.paths import example_programs
from tests.support.spec_header import HEADER_YAML

HEAD = (
    HEADER_YAML
    + """\
  dumbbells: {kind: dumbbells, loads: [5, 7.5, 10, 12.5, 15, 17.5, 20]}
maxes:
  hip_thrust: {one_rm: 140}
  back_squat: {one_rm: 100, training_max: 90, cycle_increase: 5}
"""
)


def plan_of(body: str, head: str = HEAD) -> Plan:
    document = load_bytes((head + textwrap.dedent(body)).encode(), "t.yaml")
    errors = [d.format() for d in check_document(document) if d.severity == "error"]
    assert errors == []
    return expand(build_program(document.data))


def work(exercise: PlannedExercise) -> list[tuple[int | None, Fraction | None]]:
    return [(s.reps, s.load) for s in exercise.sets if s.kind in ("work", "amrap")]


def first(plan: Plan, exercise_id: str) -> list[PlannedExercise]:
    """The exercise as prescribed with this id, in every session that has it, in date order."""
    return [e for s in plan.sessions for e in s.exercises if e.prescribed == exercise_id]


@pytest.mark.parametrize("spec", example_programs(), ids=lambda path: path.stem)
def test_examples_match_their_golden_plans(spec: object) -> None:
    """Regenerate with `make golden` after a deliberate change, and read the diff."""
    assert expanded_json(spec) == golden_path(spec).read_text(encoding="utf-8")  # type: ignore[arg-type]


@pytest.mark.parametrize("spec", example_programs(), ids=lambda path: path.stem)
def test_expansion_is_deterministic(spec: object) -> None:
    assert expanded_json(spec) == expanded_json(spec)  # type: ignore[arg-type]


def test_five_three_one_reproduces_the_published_table() -> None:
    """Wendler's 5/3/1 percentages of a 90% training max, rounded to 2.5 kg (ties down)."""
    table = [
        [(65, 5), (75, 5), (85, 5)],
        [(70, 3), (80, 3), (90, 3)],
        [(75, 5), (85, 3), (95, 1)],
        [(40, 5), (50, 5), (60, 5)],
    ]
    spec = next(path for path in example_programs() if path.stem == "five-three-one")
    from generator.pipeline import load_program

    program = build_program(load_program(str(spec)).data)
    plan = expand(program)
    squat = program.maxes["back_squat"]
    assert squat.training_max == Fraction(144)  # 90% of 160
    weekly = first(plan, "back_squat")
    assert len(weekly) == 16  # once a week for four cycles
    for week_index, exercise in enumerate(weekly):
        cycle, week = divmod(week_index, 4)
        training_max = 144 + 5 * cycle
        expected = [
            (reps, _nearest_2_5(Fraction(pct, 100) * training_max)) for pct, reps in table[week]
        ]
        main_sets = [(s.reps, s.load) for s in exercise.sets if s.kind in ("work", "amrap")]
        assert main_sets == expected, f"week {week_index + 1}"
        assert [s.kind for s in exercise.sets if s.kind != "warmup"][-1] == (
            "work" if week == 3 else "amrap"
        )


def _nearest_2_5(load: Fraction) -> Fraction:
    """The nearest multiple of 2.5, ties going down: what a full set of plates makes."""
    below = (load / Fraction(5, 2)).__floor__() * Fraction(5, 2)
    return below if load - below <= Fraction(5, 4) else below + Fraction(5, 2)


def test_double_progression_then_deload_then_resume() -> None:
    plan = plan_of("""\
    deload: {every: 3, sets: 50%, load: 80%}
    phases:
      - name: P
        weeks: 5
        sessions:
          A: [{exercise: hip_thrust, sets: 4, reps: 8-10, load: 100, progress: [{double: {add: 5}}]}]
          B: [{exercise: back_squat, sets: 3, reps: 5, load: 60}]
    """)
    hip = [work(e) for e in first(plan, "hip_thrust")]
    # Session A is on Mondays. Reps climb 8, 9, 10, then +5 kg and back to 8; week 3 is a
    # deload: half the sets (2), 80% of the current 100 kg (80), and no progress made.
    assert hip == [
        [(8, 100)] * 4,
        [(9, 100)] * 4,
        [(9, 80)] * 2,
        [(10, 100)] * 4,
        [(8, 105)] * 4,
    ]
    assert [w.deload for w in plan.weeks] == [False, False, True, False, False]


def test_skipped_dates_move_or_drop() -> None:
    body = """\
    phases:
      - name: P
        weeks: 2
        sessions:
          A: [{exercise: hip_thrust, load: 60}]
          B: [{exercise: back_squat, load: 60}]
    """
    moved = plan_of(
        body, HEAD.replace("{days: [mon, thu]}", '{days: [mon, thu], skip: ["2027-01-04"]}')
    )
    first_week = moved.weeks[0]
    # Monday 4 January is skipped; its session A moves to Tuesday 5th, the next free day.
    assert [(s.date, s.label, s.moved_from) for s in first_week.sessions] == [
        (datetime.date(2027, 1, 5), "A", datetime.date(2027, 1, 4)),
        (datetime.date(2027, 1, 7), "B", None),
    ]
    dropped = plan_of(
        body,
        HEAD.replace(
            "{days: [mon, thu]}", '{days: [mon, thu], skip: ["2027-01-07"], on_skip: drop}'
        ),
    )
    assert [(s.date, s.label) for s in dropped.weeks[0].sessions] == [
        (datetime.date(2027, 1, 4), "A")
    ]
    assert [(k.date, k.outcome) for k in dropped.weeks[0].skipped] == [
        (datetime.date(2027, 1, 7), "dropped")
    ]


def test_a_skip_on_the_last_training_day_of_a_full_week_is_dropped() -> None:
    head = HEAD.replace(
        "{days: [mon, thu]}",
        '{days: [mon, tue, wed, thu, fri, sat, sun], skip: ["2027-01-10"]}',
    )
    plan = plan_of(
        "phases: [{name: P, weeks: 1, sessions: {A: [{exercise: hip_thrust, load: 60}]}}]\n", head
    )
    assert len(plan.weeks[0].sessions) == 6
    assert plan.weeks[0].skipped[0].outcome == "dropped"


def test_variation_ladder_resets_the_load() -> None:
    plan = plan_of("""\
    phases:
      - name: P
        weeks: 3
        sessions:
          A:
            - exercise: hip_thrust
              load: 100
              progress: [{variation: {every: week, reset: 50%}}]
    """)
    rungs = [(e.exercise, work(e)[0][1]) for e in first(plan, "hip_thrust")]
    # Session A is on Monday and Thursday. Each week the ladder moves up a rung: hip thrust,
    # then B-stance at half the load (50 kg), then single-leg, which the catalogue has as
    # bodyweight, so it has no load.
    assert rungs == [
        ("hip_thrust", 100),
        ("hip_thrust", 100),
        ("b_stance_hip_thrust", 50),
        ("b_stance_hip_thrust", 50),
        ("single_leg_hip_thrust", None),
        ("single_leg_hip_thrust", None),
    ]


def test_linear_phase_draws_a_straight_line() -> None:
    plan = plan_of("""\
    phases:
      - name: P
        weeks: 4
        model: linear
        linear: {load: [70%, 85%], reps: [10, 4], sets: [5, 2]}
        sessions:
          A: [{exercise: hip_thrust}]
    """)
    weeks = [work(e) for e in first(plan, "hip_thrust")][::2]  # Mondays
    # Four training weeks from (5 sets, 10 reps, 70% of 140 = 98) to (2, 4, 85% = 119):
    # sets 5, 4, 3, 2; reps 10, 8, 6, 4; load 98, 105, 112, 119 kg -> plates make
    # 97.5 (tie with 100 goes down), 105, 112.5, 120 (119: nearest of 117.5 and 120).
    assert weeks == [
        [(10, Fraction(195, 2))] * 5,
        [(8, 105)] * 4,
        [(6, Fraction(225, 2))] * 3,
        [(4, 120)] * 2,
    ]


def test_undulating_days_take_their_day_types() -> None:
    plan = plan_of("""\
    phases:
      - name: P
        weeks: 1
        model: undulating
        day_types: {mon: heavy, thu: light}
        sessions:
          A: [{exercise: hip_thrust}]
    """)
    monday, thursday = plan.sessions
    assert (monday.day_type, thursday.day_type) == ("heavy", "light")
    # Heavy: 5 x 3-5 at 85% (119 -> 120); light: 3 x 10-12 at 65% (91 -> 90).
    assert work(monday.exercises[0]) == [(3, 120)] * 5
    assert work(thursday.exercises[0]) == [(10, 90)] * 3


def test_frequency_adds_the_exercise_to_another_session() -> None:
    plan = plan_of("""\
    phases:
      - name: P
        weeks: 3
        sessions:
          A: [{exercise: hip_thrust, load: 60, progress: [{frequency: {every: 2w, max: 2}}]}]
          B: [{exercise: back_squat, load: 60}]
    """)
    per_week = [[[e.prescribed for e in s.exercises] for s in w.sessions] for w in plan.weeks]
    # After two training weeks the hip thrust joins session B too, for two a week.
    assert per_week == [
        [["hip_thrust"], ["back_squat"]],
        [["hip_thrust"], ["back_squat"]],
        [["hip_thrust"], ["back_squat", "hip_thrust"]],
    ]


def test_rotation_runs_one_method_at_a_time() -> None:
    plan = plan_of("""\
    phases:
      - name: P
        weeks: 4
        sessions:
          A:
            - exercise: hip_thrust
              load: 60
              rest: 2m
              tempo: 2-0-1-0
              progress:
                - rotate:
                    every: 2w
                    steps:
                      - load: {add: 5, every: week}
                      - rest: {step: -30s, every: week, floor: 60s}
          B: [{exercise: back_squat, load: 60}]
    """)
    values = [(work(e)[0][1], e.sets[-1].rest) for e in first(plan, "hip_thrust")]
    # Weeks 1-2 load (60, 65); weeks 3-4 rest (120 s, 90 s) with the load held at 65.
    assert values == [(60, 120), (65, 120), (65, 120), (65, 90)]


def test_advanced_technique_is_spaced_and_never_in_a_deload() -> None:
    plan = plan_of("""\
    deload: {every: 4}
    phases:
      - name: P
        weeks: 8
        sessions:
          A: [{exercise: hip_thrust, load: 100, technique: {kind: drop_set, every: 2w}}]
          B: [{exercise: back_squat, load: 60}]
    """)
    used = [w.number for w in plan.weeks for s in w.sessions for e in s.exercises if e.technique]
    # Due in weeks 2, 4, 6, 8 of the phase; 4 and 8 are deloads.
    assert used == [2, 6]
    drop = [s for e in first(plan, "hip_thrust") for s in e.sets if s.kind == "drop"]
    assert [(s.reps, s.load) for s in drop] == [(None, 75), (None, 75)]  # 100 - 25%, to failure


def test_warm_up_ramp_rises_to_the_work_set() -> None:
    plan = plan_of(
        "phases: [{name: P, weeks: 1, sessions: {A: [{exercise: hip_thrust, load: 100, warmup: auto}]}}]\n"
    )
    ramp = [(s.load, s.reps) for s in plan.sessions[0].exercises[0].sets if s.kind == "warmup"]
    # The bar for 8, then 40%, 60% and 80% of 100 kg for 5, 3 and 2.
    assert ramp == [(20, 8), (40, 5), (60, 3), (80, 2)]


def test_show_and_build_commands(tmp_path: object) -> None:
    import subprocess
    import sys
    from pathlib import Path

    liftplan = Path(sys.executable).with_name("liftplan")
    out = Path(str(tmp_path)) / "out"
    spec = next(path for path in example_programs() if path.stem == "five-three-one")
    shown = subprocess.run(
        [str(liftplan), "show", str(spec), "--week", "4"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Week 4: 5/3/1" in shown.stdout
    assert "DELOAD" in shown.stdout
    assert "Week 5" not in shown.stdout
    built = subprocess.run(
        [str(liftplan), "build", str(spec), "-o", str(out), "--format", "html,json,csv,ics"],
        capture_output=True,
        text=True,
        check=True,
    )
    # The overview and 16 week pages, plan.json, plan.csv and plan.ics, the site index and
    # its four assets (the stylesheet, the charts' stylesheet, the script and the favicon).
    assert re.fullmatch(
        rf"built 1 program: 25 files \(25 changed\) in [\d.]+ s, into {re.escape(str(out))}\n",
        built.stderr,
    ), built.stderr
    written = (out / "five-three-one" / "plan.json").read_text(encoding="utf-8")
    assert written == golden_path(spec).read_text(encoding="utf-8")
    rows = (out / "five-three-one" / "plan.csv").read_text(encoding="utf-8").splitlines()
    plan_sets = written.count('"kind":')
    assert len(rows) - 1 == plan_sets
    again = subprocess.run(
        [str(liftplan), "build", str(spec), "-o", str(out), "--format", "html,json,csv,ics"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0 changed" in again.stderr


def test_build_writes_nothing_when_a_spec_is_bad(tmp_path: object) -> None:
    import subprocess
    import sys
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "good.yaml").write_text(
        HEAD + "phases: [{name: P, weeks: 1, sessions: {A: [{exercise: hip_thrust}]}}]\n",
        encoding="utf-8",
    )
    (folder / "bad.yaml").write_text(
        HEAD.replace("id: t", "id: u") + "phases: [{name: P, weeks: 0}]\n", encoding="utf-8"
    )
    liftplan = Path(sys.executable).with_name("liftplan")
    result = subprocess.run(
        [str(liftplan), "build", str(folder), "-o", str(folder / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"{folder / 'bad.yaml'}:")
    assert not (folder / "out").exists()


def test_day_type_sets_win_over_the_specs_defaults() -> None:
    plan = plan_of(
        """\
    defaults: {sets: 2}
    phases:
      - name: P
        weeks: 1
        model: undulating
        day_types: {mon: heavy, thu: light}
        sessions:
          A: [{exercise: hip_thrust}, {exercise: back_squat, sets: 4, load: 50}]
    """
    )
    monday = plan.sessions[0]
    # The exercise's own sets first (4), then the day type's (heavy: 5), then defaults (2).
    assert [len(work(e)) for e in monday.exercises] == [5, 4]
