"""Properties of expansion, over generated specs that pass validation.

The specs come from `specs()` in tests/support/valid_specs.py: small but varied valid
programs. A spec the validator rejects is a bug in the strategy, so it fails loudly with
the errors rather than being filtered out.

The properties, numbered as in each test's docstring: 1 the calendar, 2 loads the
equipment makes, 3 deload volume, 4 no technique in a deload, 5a-5e progression never
going backwards (load, double, reps, sets/rest/tempo, reps within the range shown),
6 determinism, 7 week numbering. Counterexamples the properties found are pinned
with `@example`, so every run checks them whatever Hypothesis happens to draw.
"""

from __future__ import annotations

import copy
import datetime
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator
from fractions import Fraction
from typing import Any, NamedTuple

from hypothesis import HealthCheck, assume, example, given, settings

from generator.errors import Severity
from generator.pipeline import check_document
from generator.plan.expand import expand
from generator.plan.size import plan_size
from generator.plan.values import Plan, PlannedExercise, PlannedSet, PlannedWeek
from generator.publish.data import plan_json
from generator.spec.loader import dump, load_bytes
from generator.spec.model import WEEKDAYS, Prescription, Program, build_program
from tests.support.spec_header import BARBELL, spec_header
from tests.support.speed import examples
from tests.support.valid_specs import specs

HARD = ("work", "amrap")
TECHNIQUE_SETS = ("drop", "rest_pause", "partials")


# --- helpers -----------------------------------------------------------------------------------

Key = tuple[int, str, int]  # phase index, session label, position in the session


def checked(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec as the loader reads it back, after failing loudly on any validation error."""
    document = load_bytes(dump(spec).encode(), "gen.yaml")
    errors = [d.format() for d in check_document(document) if d.severity is Severity.ERROR]
    assert not errors, (
        "the strategy made an invalid spec:\n" + "\n".join(errors) + "\n" + dump(spec)
    )
    data: dict[str, Any] = document.data
    return data


def plan_of(spec: dict[str, Any]) -> Plan:
    return expand(build_program(checked(spec)))


def spec_with(phases: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    """A one-session-a-week spec around the given phases, for pinned counterexamples."""
    dumbbells = {"kind": "dumbbells", "loads": [2.5, 5, 7.5]}
    equipment = {"barbell": BARBELL, "dumbbells": dumbbells}
    return {
        **spec_header("Generated", spec_id="gen", days=["mon"], equipment=equipment),
        **extra,
        "phases": phases,
    }


def weekday(day: datetime.date) -> str:
    return WEEKDAYS[day.weekday()]


def work_sets(exercise: PlannedExercise) -> list[PlannedSet]:
    return [planned for planned in exercise.sets if planned.kind in HARD]


def occurrences(plan: Plan) -> Iterator[tuple[PlannedWeek, Key, PlannedExercise]]:
    """Every exercise in the plan with the prescription it comes from.

    The generated specs have no frequency steps, so a session's exercises are its
    template's items in order.
    """
    for week in plan.weeks:
        for session in week.sessions:
            for position, exercise in enumerate(session.exercises):
                yield week, (week.phase_index, session.label, position), exercise


def prescription(program: Program, key: Key) -> Prescription:
    phase_index, label, position = key
    template = next(t for t in program.phases[phase_index].sessions if t.label == label)
    return template.items[position]


def half_up(value: Fraction) -> int:
    return int(value + Fraction(1, 2))


SETTINGS = settings(
    max_examples=examples(100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- the properties ---------------------------------------------------------------------------


@SETTINGS
@given(specs())
def test_the_strategy_makes_valid_specs(spec: dict[str, Any]) -> None:
    """Every generated spec passes validation (the other tests rely on it)."""
    checked(spec)


@SETTINGS
@given(specs())
def test_dates_increase_and_fall_on_training_days(spec: dict[str, Any]) -> None:
    """1. Dates strictly increase; each session is on a training weekday of its phase, or was
    moved from a skipped date to a later day of the same program week; none is on a skip.

    "The same week" is the plan's own week (week.start to week.end): seven days from the
    start date on, whatever weekday that is.
    """
    plan = plan_of(spec)
    program = plan.program
    dates = [session.date for session in plan.sessions]
    assert all(a < b for a, b in itertools.pairwise(dates)), dates
    for week in plan.weeks:
        phase = program.phases[week.phase_index]
        window = [week.start + datetime.timedelta(days=offset) for offset in range(7)]
        for session in week.sessions:
            assert session.date in window, session
            assert session.date not in program.skips, session
            if session.moved_from is None:
                assert weekday(session.date) in phase.days, session
            else:
                assert program.on_skip == "move", session
                assert session.moved_from in program.skips, session
                assert weekday(session.moved_from) in phase.days, session
                assert session.moved_from in window, session
                assert session.moved_from < session.date, session
        # Each training day of the week has its session, there or moved, or is skipped.
        moved = {s.moved_from for s in week.sessions if s.moved_from is not None}
        held = {s.date for s in week.sessions if s.moved_from is None}
        skipped = {skip.date: skip.outcome for skip in week.skipped}
        assert held | set(skipped) == {day for day in window if weekday(day) in phase.days}
        assert not held & set(skipped)
        assert moved == {day for day, outcome in skipped.items() if outcome == "moved"}
        assert set(skipped) <= set(program.skips)


@SETTINGS
@given(specs())
def test_equipment_makes_every_load(spec: dict[str, Any]) -> None:
    """2. A barbell load is the bar plus two of each listed plate per side; a dumbbell load is
    on the rack; a machine load is a pin setting; a bodyweight exercise has no load."""
    plan = plan_of(spec)
    program = plan.program
    for _, _, exercise in occurrences(plan):
        if exercise.equipment is None:
            assert all(planned.load is None for planned in exercise.sets), exercise
            continue
        equipment = program.equipment[exercise.equipment]
        for planned in exercise.sets:
            if planned.load is None:
                continue  # a barbell lift prescribed with no load
            if equipment.kind == "barbell":
                assert equipment.bar is not None
                assert planned.plates is not None, planned
                assert set(planned.plates) <= set(equipment.plates), planned
                assert planned.load == equipment.bar + 2 * sum(planned.plates, Fraction(0))
            elif equipment.kind == "dumbbells":
                assert planned.load in equipment.loads, planned
            else:
                assert equipment.kind == "machine"
                assert equipment.step is not None
                assert equipment.minimum is not None
                assert (planned.load - equipment.minimum) % equipment.step == 0, planned
                assert equipment.maximum is None or planned.load <= equipment.maximum


def _neighbours(plan: Plan, index: int) -> Iterator[PlannedWeek]:
    """The nearest non-deload weeks before and after week `index`, in the same phase."""
    weeks = plan.weeks
    phase = weeks[index].phase_index
    for direction in (-1, 1):
        other = index + direction
        while 0 <= other < len(weeks) and weeks[other].phase_index == phase:
            if not weeks[other].deload:
                yield weeks[other]
                break
            other += direction


def _sessions(week: PlannedWeek) -> Counter[tuple[str, str | None]]:
    return Counter((session.label, session.day_type) for session in week.sessions)


def _has_sets_line(plan: Plan, week: PlannedWeek) -> bool:
    phase = plan.program.phases[week.phase_index]
    return phase.model == "linear" and phase.linear is not None and phase.linear.sets is not None


# Counterexample found by this property (kept so every run checks it): the deload of a
# linear phase took the next training week's point on the line, so week 1 had 1 hard set,
# deload week 2 had 4 (60% of 6) and week 3 had 6.
LINEAR_SETS_RISING = spec_with(
    [
        {
            "name": "P",
            "weeks": 3,
            "model": "linear",
            "linear": {"sets": [1, 6]},
            "deload": {"weeks": [2]},
            "sessions": {"A": [{"exercise": "push_up", "reps": 10, "load": "bodyweight"}]},
        }
    ]
)


@SETTINGS
@example(spec=LINEAR_SETS_RISING)
@given(specs())
def test_a_deload_has_no_more_hard_sets_than_its_neighbours(spec: dict[str, Any]) -> None:
    """3. A deload week has at most the hard sets of the nearest training weeks of its phase,
    and fewer when its rule cuts sets.

    Adjusted from the plain statement in three ways. Weeks compare only when the deload's
    sessions are among the other week's (same labels and day types): sessions take the
    training days in turn, so one week can hold A, B, A and the next B, A, B, and a
    dropped session leaves a week short; such weeks hold different work. "Cuts sets"
    means the rule's share takes a set off some exercise (60% of 1 set is still 1). And
    in a phase with a linear sets line only the week before counts: progression pauses
    in a deload, so it keeps that week's point on the line, and when the line falls a
    deload keeping (say) 100% of the sets is rightly above the week after.

    Sets are counted here by kind (work, AMRAP, back-off), not as the summary's hard sets,
    which also need an intensity or effort (summary.py): this property is about the sets
    a deload keeps, and a load line falling after a deload (90% to 40% of the one-rep max)
    rightly puts the week after below the threshold while the deload is above it.
    """
    plan = plan_of(spec)
    for index, week in enumerate(plan.weeks):
        if not week.deload:
            continue
        rule = plan.program.deloads[week.number]
        assert rule is not None
        for other in _neighbours(plan, index):
            if not _sessions(week) <= _sessions(other):
                continue
            if _has_sets_line(plan, week) and other.number > week.number:
                continue
            kept, trained = _sets_of_hard_kinds(week), _sets_of_hard_kinds(other)
            shown = (week.number, other.number, kept, trained)
            assert kept <= trained, shown
            cuts = any(
                max(1, half_up(len(work_sets(exercise)) * rule.sets)) < len(work_sets(exercise))
                for session in other.sessions
                for exercise in session.exercises
            )
            if cuts or _sessions(week) != _sessions(other):
                assert kept < trained, shown


def _sets_of_hard_kinds(week: PlannedWeek) -> int:
    return sum(len(work_sets(e)) for session in week.sessions for e in session.exercises)


@SETTINGS
@given(specs())
def test_no_advanced_technique_in_a_deload(spec: dict[str, Any]) -> None:
    """4. Deload weeks have no drop, rest-pause or partials sets, and no technique named."""
    plan = plan_of(spec)
    for week, _, exercise in occurrences(plan):
        if week.deload:
            assert exercise.technique is None, (week.number, exercise)
            assert not [s for s in exercise.sets if s.kind in TECHNIQUE_SETS], exercise


class Step(NamedTuple):
    """One prescription's first work set at two consecutive occurrences outside deloads."""

    key: Key
    weeks: tuple[int, int]
    before: PlannedExercise
    after: PlannedExercise

    @property
    def a(self) -> PlannedSet:
        return work_sets(self.before)[0]

    @property
    def b(self) -> PlannedSet:
        return work_sets(self.after)[0]


def _steps(plan: Plan) -> Iterator[tuple[Prescription, set[str], list[Step]]]:
    """Each prescription of a fixed phase, the methods of its steps, and its steps in order."""
    series: dict[Key, list[tuple[int, PlannedExercise]]] = defaultdict(list)
    for week, key, exercise in occurrences(plan):
        if not week.deload and plan.program.phases[key[0]].model == "fixed":
            series[key].append((week.number, exercise))
    for key, found in series.items():
        item = prescription(plan.program, key)
        steps = [
            Step(key, (week_a, week_b), before, after)
            for (week_a, before), (week_b, after) in itertools.pairwise(found)
        ]
        yield item, {step.method for step in item.progress}, steps


@SETTINGS
@given(specs())
def test_load_steps_never_lower_the_load(spec: dict[str, Any]) -> None:
    """5a. Outside deloads, in a fixed phase, a prescription whose load changes only by
    absolute load steps never has a lighter work set than at its occurrence before."""
    for item, methods, steps in _steps(plan_of(spec)):
        if "load" not in methods or methods & {"double", "max"}:
            continue  # (a max step moves a percentage load by a share: not this property's)
        assert all(not s.amount.relative for s in item.progress if s.amount is not None)
        for step in steps:
            if step.a.load is not None and step.b.load is not None:
                assert step.b.load >= step.a.load, step


# Counterexample found by this property (kept so every run checks it): reps went back to
# the bottom of the range when the planned load rose though the rack had nothing heavier,
# giving 7.5 x 8, 7.5 x 9, then 7.5 x 8 again (also seen below the empty bar).
DOUBLE_AT_THE_TOP_OF_THE_RACK = spec_with(
    [
        {
            "name": "P",
            "weeks": 3,
            "sessions": {
                "A": [
                    {
                        "exercise": "goblet_squat",
                        "reps": "8-9",
                        "load": 7.5,
                        "progress": [{"double": {"add": 5}}],
                    }
                ]
            },
        }
    ]
)


@SETTINGS
@example(spec=DOUBLE_AT_THE_TOP_OF_THE_RACK)
@given(specs())
def test_double_progression_never_goes_backwards(spec: dict[str, Any]) -> None:
    """5b. Outside deloads, in a fixed phase, with a double step (and no load or reps step)
    the (load, reps) pair never goes backwards, except that reps go back to the bottom of
    the range when the load rises."""
    for _, methods, steps in _steps(plan_of(spec)):
        if "double" not in methods or methods & {"load", "reps"}:
            continue
        for step in steps:
            a, b = step.a, step.b
            if a.load is None or b.load is None:
                continue  # a barbell lift given no load has none to raise
            assert a.reps is not None
            assert b.reps is not None
            assert b.load > a.load or (b.load == a.load and b.reps >= a.reps), step


# Counterexample found by this property (kept so every run checks it): the reps step's max
# clamped reps only once the step had fired, so 15 reps became 12 in week 2.
REPS_STEP_BELOW_THE_START = spec_with(
    [
        {
            "name": "P",
            "weeks": 2,
            "sessions": {
                "A": [
                    {
                        "exercise": "push_up",
                        "reps": 15,
                        "load": "bodyweight",
                        "progress": [{"reps": {"add": 1, "max": 12}}],
                    }
                ]
            },
        }
    ]
)


@SETTINGS
@example(spec=REPS_STEP_BELOW_THE_START)
@given(specs())
def test_reps_steps_never_take_reps_away(spec: dict[str, Any]) -> None:
    """5c. Outside deloads, in a fixed phase, a reps step (adding reps) never lowers reps."""
    for _, methods, steps in _steps(plan_of(spec)):
        if "reps" not in methods or "double" in methods:
            continue
        for step in steps:
            assert step.a.reps is not None
            assert step.b.reps is not None
            assert step.b.reps >= step.a.reps, step


@SETTINGS
@given(specs())
def test_sets_rest_and_tempo_steps_never_go_backwards(spec: dict[str, Any]) -> None:
    """5d. Outside deloads, in a fixed phase, a sets step never takes sets away, a shortening
    rest step never lengthens rest, and a tempo sequence never steps back."""
    for item, methods, steps in _steps(plan_of(spec)):
        tempos = next((s.sequence for s in item.progress if s.method == "tempo"), ())
        for step in steps:
            a, b = step.a, step.b
            if "sets" in methods:
                assert len(work_sets(step.after)) >= len(work_sets(step.before)), step
            if "rest" in methods:
                assert a.rest is not None
                assert b.rest is not None
                assert b.rest <= a.rest, step
            if tempos:
                assert a.tempo is not None
                assert b.tempo is not None
                assert tempos.index(b.tempo) >= tempos.index(a.tempo), step


# Counterexample found by this property (kept so every run checks it): the double step
# climbed the goal's range (8-12) while the sets showed heavy's (3-5), so reps went 3, 4,
# 5, 6, 7 with reps_max 5.
UNDULATING_DOUBLE_ON_THE_GOAL_RANGE = spec_with(
    [
        {
            "name": "P",
            "weeks": 5,
            "goal": "hypertrophy",
            "model": "undulating",
            "day_types": {"mon": "heavy"},
            "sessions": {"A": [{"exercise": "back_squat", "progress": [{"double": {"add": 5}}]}]},
        }
    ],
    maxes={"back_squat": {"one_rm": 100}},
)


@SETTINGS
@example(spec=UNDULATING_DOUBLE_ON_THE_GOAL_RANGE)
@given(specs())
def test_reps_stay_within_the_range_shown(spec: dict[str, Any]) -> None:
    """5e. (Added.) A work set climbing a rep range never shows more reps than the range's
    top (`reps_max`), whatever the model."""
    for _, _, exercise in occurrences(plan_of(spec)):
        for planned in work_sets(exercise):
            if planned.reps is not None and planned.reps_max is not None:
                assert planned.reps <= planned.reps_max, exercise


@SETTINGS
@given(specs())
def test_expansion_is_deterministic(spec: dict[str, Any]) -> None:
    """6. The same spec expands to equal plans and the same JSON text, every time."""
    data = checked(spec)
    program = build_program(data)
    first, second, rebuilt = expand(program), expand(program), expand(build_program(data))
    assert first == second == rebuilt
    assert plan_json(first) == plan_json(second) == plan_json(rebuilt)


@SETTINGS
@given(specs())
def test_weeks_are_numbered_once_and_in_order(spec: dict[str, Any]) -> None:
    """7. Weeks are 1, 2, ... with no gap or repeat, as many as the phases add up to, each
    in its phase and starting seven days after the one before."""
    plan = plan_of(spec)
    total = 0
    for phase in spec["phases"]:
        weeks = phase["weeks"]
        if isinstance(weeks, str):
            first, last = (int(part) for part in weeks.split("-"))
            assert first == total + 1
            total = last
        else:
            total += weeks
    assert [week.number for week in plan.weeks] == list(range(1, total + 1))
    # The first week holds the start date (which the schema lets be any day of that week).
    week_one = plan.weeks[0]
    assert week_one.start <= datetime.date.fromisoformat(spec["start"]) <= week_one.end
    for week in plan.weeks:
        phase = plan.program.phases[week.phase_index]
        assert phase.first_week <= week.number <= phase.last_week
        assert week.start == week_one.start + datetime.timedelta(weeks=week.number - 1)
        assert all(session.week == week.number for session in week.sessions)


def _days_mapped(spec: dict[str, Any]) -> dict[str, Any] | None:
    """The spec with each phase's weekdays mapped to its sessions in turn, so that the
    order the sessions are written in no longer decides the calendar; None when a phase
    inherits its sessions or has more sessions than days."""
    mapped = copy.deepcopy(spec)
    for phase in mapped["phases"]:
        sessions = phase.get("sessions")
        days = phase.get("days", mapped["schedule"]["days"])
        if sessions is None or isinstance(days, dict) or len(sessions) > len(days):
            return None
        labels = list(sessions)
        phase["days"] = {day: labels[index % len(labels)] for index, day in enumerate(days)}
        phase.pop("day_types", None)
        if phase.get("model") == "undulating":
            phase["model"] = "fixed"
    return mapped


@SETTINGS
@given(specs())
def test_the_order_sessions_are_written_in_does_not_change_the_plan(spec: dict[str, Any]) -> None:
    """Sessions of a lift share its progression, whatever order they are written in: with
    the calendar fixed by weekday, reversing the sessions gives the same plan."""
    mapped = _days_mapped(spec)
    assume(mapped is not None)
    assert mapped is not None
    reversed_spec = copy.deepcopy(mapped)
    for phase in reversed_spec["phases"]:
        phase["sessions"] = dict(reversed(list(phase["sessions"].items())))
    assert plan_json(plan_of(reversed_spec)) == plan_json(plan_of(mapped))


@SETTINGS
@given(specs())
def test_the_size_worked_out_before_planning_bounds_the_plan(spec: dict[str, Any]) -> None:
    """8. The plan holds no more sets, and repeats no more text, than plan_size says before
    planning, the bound that refuses a plan too big to make."""
    plan = plan_of(spec)
    bound = plan_size(plan.program)
    sets = sum(len(exercise.sets) for _, _, exercise in occurrences(plan))
    assert sets <= bound.sets
    text = sum(
        len(session.notes or "")
        + len(session.title or "")
        + sum(len(e.notes) + sum(len(cue) for cue in e.cues) for e in session.exercises)
        for session in plan.sessions
    )
    assert text <= bound.text
