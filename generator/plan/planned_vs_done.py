"""Progress: what the plan asked for against what the log says was done, week by week.

Two measures, both from the plan alone (pure, like expansion): the weekly volume
(tonnage: reps x load, both sides for one-sided work) and, for each exercise with a
max, the best one-rep max its sets imply by the spec's estimator. The planned figure
comes from the plan's hard sets; the done figure from the sets logged that week.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    """Every week's figures, in week order, with the planned maxes held through deloads."""
    return _held_through_deloads(tuple(_week(plan, week) for week in plan.weeks))


def _held_through_deloads(weeks: tuple[WeekProgress, ...]) -> tuple[WeekProgress, ...]:
    """The planned estimated maxes with each deload week's replaced by the last training
    week's before it.

    A deload's sets are lightened on purpose, well short of what the lifter could do:
    5/3/1's 60% x 5 of the training max says, by Epley, 70% of it, where the week before's
    95% x 1+ said 95%. Read as an estimate, the line would show the lifter a quarter weaker
    every fourth week, when a planned rest changes nothing about strength; so the line
    carries the last estimate of each lift through the deload (and takes its own
    estimate only where there is none before it: a program that opens with a deload).
    The done line is left as logged: it is what happened, not what was planned.
    """
    held: dict[str, Fraction] = {}
    found = []
    for week in weeks:
        if not week.deload:
            held.update(week.planned_max)
            found.append(week)
            continue
        kept = tuple((name, held.get(name, value)) for name, value in week.planned_max)
        found.append(replace(week, planned_max=kept))
    return tuple(found)


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
