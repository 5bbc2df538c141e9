"""Semantic checks: references, arithmetic and training sense, each located."""

from __future__ import annotations

import textwrap

import pytest

from generator.errors import Severity
from generator.pipeline import check_document, project
from generator.spec.loader import load_bytes
from tests.support.spec_header import HEADER_YAML

HEAD = (
    HEADER_YAML
    + """\
  dumbbells: {kind: dumbbells, loads: [5, 7.5, 10, 12.5, 15]}
maxes:
  hip_thrust: {one_rm: 140}
deload: {every: 4}
"""
)


def check(body: str, head: str = HEAD) -> list[str]:
    text = head + textwrap.dedent(body)
    document = load_bytes(text.encode(), "s.yaml")
    return [d.format() for d in check_document(document)]


def phase(items: str, extra: str = "") -> str:
    """A one-phase body whose session A holds the given exercise items."""
    return (
        "phases:\n  - name: P\n    weeks: 8\n"
        + extra
        + "    sessions:\n      A:\n"
        + textwrap.indent(textwrap.dedent(items), "        ")
    )


def test_a_sound_program_has_nothing_to_report() -> None:
    assert check(phase("- {exercise: hip_thrust, sets: 3, reps: 8-12, load: 65%}\n")) == []


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            "- {exercise: hip_thrst}\n",
            "s.yaml:16:22: phases[0].sessions.A[0].exercise: unknown exercise 'hip_thrst': "
            "did you mean 'hip_thrust'?",
        ),
        (
            "- {exercise: hip_thrust, reps: 12-8}\n",
            "s.yaml:16:40: phases[0].sessions.A[0].reps: 12-8: the low end is above the high end",
        ),
        (
            "- {exercise: back_squat, load: 70%}\n",
            "s.yaml:16:40: phases[0].sessions.A[0].load: 70% needs a max for back_squat: add it under maxes",
        ),
        ("- {exercise: hip_thrust, load: 70% tm}\n", None),
        (
            "- {exercise: kettlebell_swing, load: 16}\n",
            "s.yaml:16:46: phases[0].sessions.A[0].load: kettlebell_swing needs kettlebells equipment, "
            "and equipment has none",
        ),
        (
            "- {exercise: push_up, load: 10}\n",
            "s.yaml:16:37: phases[0].sessions.A[0].load: push_up is a bodyweight exercise: "
            "write bodyweight+10 for added load",
        ),
        (
            "- {exercise: hip_thrust, band: heavy}\n",
            "s.yaml:16:40: phases[0].sessions.A[0].band: no band 'heavy' in equipment",
        ),
        (
            "- {exercise: hip_thrust, wave: fsl}\n",
            "s.yaml:16:40: phases[0].sessions.A[0].wave: unknown wave 'fsl'",
        ),
    ],
)
def test_references_are_checked(items: str, expected: str | None) -> None:
    found = check(phase(items))
    if expected is None:  # a training max defaults to 90% of the one-rep max
        assert found == []
    else:
        assert found == [expected]


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (
            "{load: {add: 3}}",
            "progress[0].load.add: the barbell cannot add 3 kg: loads move in "
            "steps of 2.5 kg (a pair of the smallest plates, 1.25)",
        ),
        (
            "{double: {add: 2.5}}",
            "progress[0].double: double progression needs a rep range such as 8-12 (reps is 10)",
        ),
        ("{sets: {add: 1}}", "progress[0].sets: adding sets needs max, where it stops"),
        ("{reps: {add: -1}}", "progress[0].reps: removing reps needs min, where it stops"),
        (
            "{rest: {step: -15s}}",
            "progress[0].rest: shortening rest needs floor, the shortest rest",
        ),
        (
            "{frequency: {max: 3}}",
            "progress[0].frequency.max: 3 sessions a week, but the phase trains on 2 days",
        ),
        (
            "{variation: {ladder: [hip_thrust, frog_pump]}}",
            "progress[0].variation.ladder[1]: unknown exercise 'frog_pump'",
        ),
        (
            "{variation: {ladder: [glute_bridge, b_stance_hip_thrust]}}",
            "progress[0].variation: hip_thrust is not on the ladder (glute_bridge, b_stance_hip_thrust)",
        ),
        (
            "{rotate: {steps: [{load: {add: 2.5}}, {rotate: {steps: [{reps: {max: 12}}, {sets: {max: 4}}]}}]}}",
            "progress[0].rotate.steps[1].rotate: a rotation cannot hold another rotation",
        ),
    ],
)
def test_progression_steps_are_checked(step: str, message: str) -> None:
    found = check(phase(f"- exercise: hip_thrust\n  reps: 10\n  load: 60\n  progress: [{step}]\n"))
    assert [line.split(": ", 1)[1] for line in found] == ["phases[0].sessions.A[0]." + message]


def test_dumbbell_steps_follow_the_rack() -> None:
    found = check(
        phase(
            "- exercise: dumbbell_row\n  reps: 8-12\n  load: 10\n  progress: [{double: {add: 4}}]\n"
        )
    )
    assert found == [
        "s.yaml:19:37: phases[0].sessions.A[0].progress[0].double.add: the dumbbells "
        "cannot add 4 kg: loads move in steps of 2.5 kg"
    ]


def test_overlapping_and_gapped_phases() -> None:
    body = """\
    phases:
      - {name: One, weeks: 1-4, sessions: {A: [{exercise: hip_thrust}]}}
      - {name: Two, weeks: 3-6}
      - {name: Three, weeks: 9-10}
    """
    assert check(body) == [
        "s.yaml:13:24: phases[1].weeks: weeks 3-6 overlap the phase before, 'One' (weeks 1-4)",
        "s.yaml:14:26: phases[2].weeks: week 7-8 belongs to no phase: 'Two' ends at week 6",
    ]


def test_deload_every_week_is_an_error() -> None:
    found = check(
        phase("- {exercise: hip_thrust}\n"), head=HEAD.replace("{every: 4}", "{every: 1}")
    )
    assert found == [
        "s.yaml:10:17: deload.every: a deload every week leaves no training weeks: "
        "use every: 2 or more"
    ]


def test_weeks_without_deload_are_a_warning() -> None:
    body = phase("- {exercise: hip_thrust}\n").replace("weeks: 8", "weeks: 12")
    found = check(body, head=HEAD.replace("deload: {every: 4}\n", ""))
    assert found == [
        "s.yaml:10:1: warning: phases: weeks 1-12 (12 weeks) have no deload; "
        "one every 4-8 weeks aids recovery"
    ]


def test_load_jump_over_ten_percent_a_week_is_a_warning() -> None:
    found = check(
        phase("- exercise: hip_thrust\n  load: 40\n  progress: [{load: {add: 5, every: week}}]\n")
    )
    assert found == [
        "s.yaml:18:29: warning: phases[0].sessions.A[0].progress[0].load: load rises "
        "about 12.5% a week; more than 10% is hard to sustain"
    ]


def test_unknown_ladder_on_an_exercise_definition() -> None:
    body = "exercises:\n  hip_thrust: {ladder: [hip_thrust, hip_thrust_x]}\n" + phase(
        "- {exercise: hip_thrust}\n"
    )
    assert check(body) == [
        "s.yaml:12:37: exercises.hip_thrust.ladder[1]: unknown exercise 'hip_thrust_x': "
        "did you mean 'hip_thrust'?"
    ]


def test_new_exercise_needs_name_and_equipment() -> None:
    body = "exercises:\n  frog_pump: {unilateral: false}\n" + phase("- {exercise: frog_pump}\n")
    assert check(body) == [
        "s.yaml:12:14: exercises.frog_pump: a new exercise needs equipment (frog_pump is not in the catalogue)",
        "s.yaml:12:14: exercises.frog_pump: a new exercise needs name (frog_pump is not in the catalogue)",
    ]


def test_day_types_only_on_training_days_and_defined() -> None:
    extra = "    model: undulating\n    day_types: {mon: heavy, fri: brutal}\n"
    found = check(phase("- {exercise: hip_thrust}\n", extra))
    assert found == [
        "s.yaml:15:16: phases[0].day_types: thu is a training day with no day type",
        "s.yaml:15:29: phases[0].day_types.fri: fri is not a training day of this phase (mon, thu)",
        "s.yaml:15:34: phases[0].day_types.fri: unknown day type 'brutal'",
    ]


def test_technique_in_two_sessions_of_a_week_is_a_warning() -> None:
    body = """\
    phases:
      - name: P
        weeks: 4
        sessions:
          A: [{exercise: hip_thrust, technique: {kind: drop_set}}]
          B: [{exercise: hip_thrust, technique: {kind: drop_set, drop: 50%}}]
    """
    found = check(body)
    assert found == [
        "s.yaml:16:45: warning: phases[0].sessions.B[0].technique: hip_thrust has an advanced "
        "technique in more than one session a week; once every few weeks is plenty",
        "s.yaml:16:68: warning: phases[0].sessions.B[0].technique.drop: a drop of 50%: 20-30% is usual",
    ]


def test_both_one_rm_and_tested_is_an_error() -> None:
    head = HEAD.replace("{one_rm: 140}", "{one_rm: 140, tested: {load: 100, reps: 5}}")
    assert check(phase("- {exercise: hip_thrust}\n"), head=head) == [
        "s.yaml:9:15: maxes.hip_thrust: give one_rm or tested, not both"
    ]


def test_unknown_time_zone() -> None:
    head = HEAD.replace("{days: [mon, thu]}", "{days: [mon, thu], timezone: Mars/Olympus}")
    assert check(phase("- {exercise: hip_thrust}\n"), head=head) == [
        "s.yaml:4:40: schedule.timezone: 'Mars/Olympus' is not a known IANA time zone"
    ]


def test_schema_errors_come_first_and_alone() -> None:
    document = load_bytes((HEAD + phase("- {exercise: hip_thrst, sets: 0}\n")).encode(), "s.yaml")
    found = check_document(document)
    assert [d.message for d in found] == ["0 is below the least allowed, 1"]
    assert all(d.severity is Severity.ERROR for d in found)


def test_load_jump_counts_only_the_sessions_that_hold_the_exercise() -> None:
    """Session A of an A/B rotation over three days comes 1.5 times a week, not 3."""
    head = HEAD.replace("{days: [mon, thu]}", "{days: [mon, wed, fri]}")
    body = """\
    phases:
      - name: P
        weeks: 4
        sessions:
          A: [{exercise: hip_thrust, load: 100, progress: [{load: {add: 5}}]}]
          B: [{exercise: back_squat, load: 60}]
    """
    assert check(body, head=head) == []
    three_a_week = body.replace("          B: [{exercise: back_squat, load: 60}]\n", "")
    assert check(three_a_week, head=head) == [
        "s.yaml:15:63: warning: phases[0].sessions.A[0].progress[0].load: load rises about 15.0% "
        "a week; more than 10% is hard to sustain"
    ]


def test_a_number_where_a_form_is_expected_shows_the_form() -> None:
    found = check(phase("- {exercise: hip_thrust, rest: 90, tempo: 3010}\n"))
    assert found == [
        "s.yaml:16:40: phases[0].sessions.A[0].rest: expected text, not 90: write a duration with "
        "units, e.g. 90s, 2m or 1m30s",
        "s.yaml:16:51: phases[0].sessions.A[0].tempo: expected text, not 3010: write a tempo as four "
        "numbers, lowering-bottom-lifting-top, e.g. 3-0-1-2 (X for explosive)",
    ]


def test_an_incomplete_max_is_reported_once_not_at_every_load() -> None:
    head = HEAD.replace("{one_rm: 140}", "{training_max: 90%}")
    found = check(
        phase("- {exercise: hip_thrust, load: 65%}\n- {exercise: hip_thrust, load: 70% tm}\n"),
        head=head,
    )
    assert found == [
        "s.yaml:9:30: maxes.hip_thrust.training_max: 90% of what? add one_rm or tested"
    ]


def test_a_one_rep_max_percentage_on_a_training_max_only() -> None:
    head = HEAD.replace("{one_rm: 140}", "{training_max: 120}")
    assert check(phase("- {exercise: hip_thrust, load: 65%}\n"), head=head) == [
        "s.yaml:16:40: phases[0].sessions.A[0].load: 65% is taken from the one-rep max, and "
        "hip_thrust has only a training max: use a tm percentage (80% tm), or add one_rm"
    ]


def test_suggestions_list_every_id_containing_the_word() -> None:
    head = HEAD.replace("hip_thrust: {one_rm: 140}", "squat: {one_rm: 140}")
    found = check(phase("- {exercise: hip_thrust}\n"), head=head)
    assert found == [
        "s.yaml:9:3: maxes.squat: unknown exercise 'squat': did you mean one of box_squat, "
        "back_squat, front_squat, split_squat, goblet_squat?"
    ]


def test_loads_handed_out_by_an_undulating_phase_are_checked() -> None:
    extra = "    model: undulating\n    day_types: {mon: heavy, thu: light}\n"
    items = "- {exercise: back_squat}\n- {exercise: push_up}\n- {exercise: hip_thrust}\n"
    assert check(phase(items, extra)) == [
        "s.yaml:18:22: phases[0].sessions.A[0].exercise: the heavy day's load 85% needs a max for "
        "back_squat: add it under maxes",
        "s.yaml:18:22: phases[0].sessions.A[0].exercise: the light day's load 65% needs a max for "
        "back_squat: add it under maxes",
    ]


def test_loads_handed_out_by_a_linear_phase_are_checked() -> None:
    extra = "    model: linear\n    linear: {load: [70%, 80%], reps: [8, 5]}\n"
    found = check(phase("- {exercise: kettlebell_swing}\n", extra))
    assert found == [
        "s.yaml:18:22: phases[0].sessions.A[0].exercise: kettlebell_swing needs kettlebells "
        "equipment, and equipment has none",
        "s.yaml:18:22: phases[0].sessions.A[0].exercise: the linear load 70% needs a max for "
        "kettlebell_swing: add it under maxes",
        "s.yaml:18:22: phases[0].sessions.A[0].exercise: the linear load 80% needs a max for "
        "kettlebell_swing: add it under maxes",
    ]


def test_effort_loads_must_fall_inside_the_rpe_table() -> None:
    found = check(
        phase(
            "- {exercise: hip_thrust, reps: 15, load: rpe 8}\n- {exercise: hip_thrust, reps: 5, load: rpe 5}\n"
        )
    )
    assert found == [
        "s.yaml:16:50: phases[0].sessions.A[0].load: the reps x RPE table covers 1-12 reps, not 15: give a load",
        "s.yaml:17:49: phases[0].sessions.A[1].load: the reps x RPE table starts at RPE 6: give a load instead",
    ]


def test_a_pause_step_needs_a_tempo() -> None:
    found = check(phase("- exercise: hip_thrust\n  progress: [{pause: {add: 1s}}]\n"))
    assert found == [
        "s.yaml:17:21: phases[0].sessions.A[0].progress: a pause step lengthens a hold in the tempo: give a tempo"
    ]
    assert (
        check(phase("- exercise: hip_thrust\n  tempo: 2-0-1-0\n  progress: [{pause: {add: 1s}}]\n"))
        == []
    )


def test_frequency_is_counted_in_weeks() -> None:
    found = check(
        phase("- exercise: hip_thrust\n  progress: [{frequency: {every: session, max: 2}}]\n")
    )
    assert found == [
        "s.yaml:17:42: phases[0].sessions.A[0].progress[0].frequency.every: frequency changes week by week: give every in weeks (4w)"
    ]


def test_a_stack_whose_top_is_below_its_first_pin() -> None:
    head = HEAD.replace("deload: {every: 4}", "deload: {every: 4}\n").replace(
        "  dumbbells:", "  cable: {kind: machine, step: 5, max: 2}\n  dumbbells:"
    )
    found = check(phase("- {exercise: hip_thrust}\n"), head=head)
    assert found == ["s.yaml:7:40: equipment.cable.max: the heaviest setting is below the lightest"]


MAX_CASES = [
    # a training max above the one-rep max it should sit under
    ("{one_rm: 140, training_max: 150}", "- {exercise: hip_thrust, load: 65%}\n"),
    # a percentage start whose weekly step is more than a tenth of it
    (
        "{one_rm: 140}",
        "- exercise: hip_thrust\n  load: 30%\n  progress: [{load: {add: 5, every: week}}]\n",
    ),
    # the same step from a training-max percentage, under the jump limit
    (
        "{one_rm: 140}",
        "- exercise: hip_thrust\n  load: 80% tm\n  progress: [{load: {add: 5, every: week}}]\n",
    ),
    # a sound program
    ("{one_rm: 140}", "- {exercise: hip_thrust, sets: 3, reps: 8-12, load: 65%}\n"),
]


@pytest.mark.parametrize(("written", "items"), MAX_CASES)
def test_a_tested_rep_max_is_the_equal_one_rep_max_in_every_check_and_in_the_plan(
    written: str, items: str
) -> None:
    """120 kg x 5 by Epley is 140 kg: a max written either way must be judged and planned
    alike, since the checks and the planner read maxes through the same function."""
    tested = written.replace("one_rm: 140", "tested: {load: 120, reps: 5}, estimate: epley")
    outcomes = []
    for max_entry in (written, tested):
        head = HEAD.replace("{one_rm: 140}", max_entry)
        document = load_bytes((head + phase(items)).encode(), "s.yaml")
        found = check_document(document)
        judged = [
            (d.line, d.path, d.severity, d.message.replace(", estimated from 120 x 5", ""))
            for d in found
        ]
        _, plan = project(document)
        loads = [s.load for session in plan.sessions for e in session.exercises for s in e.sets]
        outcomes.append((judged, loads))
    assert outcomes[0] == outcomes[1]
    assert any(load is not None for load in outcomes[0][1])


def test_load_jump_counts_every_session_of_the_lifts_track_once() -> None:
    """Hip thrust in A and B on three days shares one progression: +5 at each of three
    sessions a week from 100 is 15% a week, judged once where the track is first written."""
    head = HEAD.replace("{days: [mon, thu]}", "{days: [mon, wed, fri]}")
    body = """\
    phases:
      - name: P
        weeks: 4
        sessions:
          A: [{exercise: hip_thrust, load: 100, progress: [{load: {add: 5}}]}]
          B: [{exercise: hip_thrust, load: 100, progress: [{load: {add: 5}}]}]
    """
    assert check(body, head=head) == [
        "s.yaml:15:63: warning: phases[0].sessions.A[0].progress[0].load: load rises about 15.0% "
        "a week; more than 10% is hard to sustain"
    ]
    separate = body.replace(
        "B: [{exercise: hip_thrust, load: 100,", "B: [{exercise: hip_thrust, load: 100, track: b,"
    )
    assert check(separate, head=head) == []
