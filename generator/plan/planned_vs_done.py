"""Progress: what the plan asked for against what the log says was done, week by week.

Two measures, both from the plan alone (pure, like expansion): the weekly volume
(tonnage: reps x load, both sides for one-sided work) and, for each exercise with a
max, the best one-rep max its sets imply by the spec's estimator. The planned figure
comes from the plan's hard sets; the done figure from the sets logged that week.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from generator.log.values import LoggedSet
from generator.plan.maths import estimate_one_rm
from generator.plan.values import HARD_KINDS, Plan, PlannedWeek


@dataclass(frozen=True, slots=True)
class WeekProgress:
    """One week's planned and done figures; done ones are None for a week with no log."""

    number: int
    deload: bool
    planned_tonnage: Fraction
    done_tonnage: Fraction | None
    planned_max: tuple[tuple[str, Fraction], ...]
    done_max: tuple[tuple[str, Fraction], ...]


def has_log(plan: Plan) -> bool:
    return any(session.logged is not None for session in plan.sessions)


def progress(plan: Plan) -> tuple[WeekProgress, ...]:
    """Every week's figures, in week order."""
    return tuple(_week(plan, week) for week in plan.weeks)


def tracked(plan: Plan) -> tuple[str, ...]:
    """The exercises whose one-rep max is followed: those with a max in the spec that the
    plan trains, in the order the spec lists its maxes."""
    trained = {e.exercise for s in plan.sessions for e in s.exercises}
    return tuple(name for name in plan.program.maxes if name in trained)


def _week(plan: Plan, week: PlannedWeek) -> WeekProgress:
    logged = [session.logged for session in week.sessions if session.logged is not None]
    planned_max: dict[str, Fraction] = {}
    done_max: dict[str, Fraction] = {}
    done_tonnage = Fraction(0)
    for session in week.sessions:
        for exercise in session.exercises:
            for planned in exercise.sets:
                if planned.kind in HARD_KINDS and planned.load is not None and planned.reps:
                    _best(planned_max, plan, exercise.exercise, planned.load, planned.reps)
    for entry in logged:
        for done in entry.exercises:
            sides = 2 if _unilateral(plan, done.exercise) else 1
            for logged_set in done.sets:
                load = _moved(plan, logged_set)
                if load is not None:
                    done_tonnage += logged_set.reps * load * sides
                if logged_set.load is not None and logged_set.reps:
                    _best(done_max, plan, done.exercise, logged_set.load, logged_set.reps)
    names = set(tracked(plan))
    return WeekProgress(
        number=week.number,
        deload=week.deload,
        planned_tonnage=week.summary.tonnage,
        done_tonnage=done_tonnage if logged else None,
        planned_max=tuple((n, v) for n, v in sorted(planned_max.items()) if n in names),
        done_max=tuple((n, v) for n, v in sorted(done_max.items()) if n in names),
    )


def _best(found: dict[str, Fraction], plan: Plan, name: str, load: Fraction, reps: int) -> None:
    entry = plan.program.maxes.get(name)
    if entry is None:
        return
    estimate = estimate_one_rm(load, reps, entry.estimate)
    if estimate > found.get(name, Fraction(0)):
        found[name] = estimate


def _unilateral(plan: Plan, name: str) -> bool:
    exercise = plan.program.exercises.get(name)
    return exercise is not None and exercise.unilateral


def _moved(plan: Plan, logged: LoggedSet) -> Fraction | None:
    """The load a logged set moved: its load, or for bodyweight work the athlete's weight."""
    if logged.load is not None:
        return logged.load
    return plan.program.bodyweight
