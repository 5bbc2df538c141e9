"""The week's summary: hard sets, tonnage and mean intensity, per exercise and in all."""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from generator.plan.values import (
    HARD_KINDS,
    ExerciseSummary,
    PlannedExercise,
    PlannedSession,
    PlannedSet,
    WeekSummary,
)
from generator.spec.model import Program, max_of

# Drop and rest-pause sets go to failure, so their reps (and tonnage) are not known in advance.
_COUNTED = ("work", "amrap", "partials")


def week_summary(program: Program, sessions: Sequence[PlannedSession]) -> WeekSummary:
    """Hard sets, tonnage (reps x load, both sides for one-sided work) and mean intensity.

    Sums are exact, but taken as whole numbers over a common denominator: adding
    Fractions one at a time (a gcd each) was a quarter of expansion.
    """
    hard_sets: dict[str, int] = {}
    tonnage: dict[str, list[tuple[int, Fraction]]] = {}
    hard_loads: dict[str, list[tuple[int, Fraction]]] = {}
    maxes: dict[str, Fraction | None] = {}
    for session in sessions:
        for exercise in session.exercises:
            name = exercise.exercise
            hard_sets.setdefault(name, 0)
            moved = tonnage.setdefault(name, [])
            if name not in maxes:
                maxes[name] = max_of(program, name, "one_rm")
            sides = 2 if exercise.unilateral else 1
            for planned in exercise.sets:
                if planned.kind in HARD_KINDS:
                    hard_sets[name] += 1
                    if planned.load is not None and maxes[name]:
                        hard_loads.setdefault(name, []).append((1, planned.load))
                load = _tonnage_load(program, exercise, planned)
                if planned.kind in _COUNTED and planned.reps and load is not None:
                    moved.append((planned.reps * sides, load))
    intensity_sums: dict[str, Fraction] = {}
    for name, loads in hard_loads.items():
        one_rm = maxes[name]
        assert one_rm is not None
        intensity_sums[name] = _weighted_sum(loads) / one_rm
    summaries = tuple(
        ExerciseSummary(
            exercise=name,
            hard_sets=hard_sets[name],
            tonnage=_weighted_sum(tonnage[name]),
            mean_intensity=(
                intensity_sums[name] / len(hard_loads[name]) if name in intensity_sums else None
            ),
        )
        for name in hard_sets
    )
    counted = sum(len(loads) for loads in hard_loads.values())
    return WeekSummary(
        hard_sets=sum(summary.hard_sets for summary in summaries),
        tonnage=_weighted_sum([(1, summary.tonnage) for summary in summaries]),
        mean_intensity=(
            _weighted_sum([(1, value) for value in intensity_sums.values()]) / counted
            if counted
            else None
        ),
        exercises=summaries,
    )


def _weighted_sum(terms: Sequence[tuple[int, Fraction]]) -> Fraction:
    """The exact sum of count x value, over the values' least common denominator.

    >>> _weighted_sum([(2, Fraction(5, 2)), (3, Fraction(1, 3)), (1, Fraction(0))])
    Fraction(6, 1)
    """
    common = math.lcm(*(value.denominator for _, value in terms)) if terms else 1
    whole = sum(count * value.numerator * (common // value.denominator) for count, value in terms)
    return Fraction(whole, common)


def _tonnage_load(
    program: Program, exercise: PlannedExercise, planned: PlannedSet
) -> Fraction | None:
    """The load a set moves: its load, or for bodyweight work the athlete's bodyweight."""
    if planned.load is not None:
        return planned.load
    if exercise.equipment is None and program.bodyweight:
        return program.bodyweight + (exercise.bodyweight or 0)
    return None
