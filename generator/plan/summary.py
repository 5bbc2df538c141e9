"""The week's summary: hard sets, tonnage and mean intensity, per exercise and in all.

A hard set is a work, AMRAP or back-off set at or above the program's threshold
(`Program.hard_sets`: 60% of the one-rep max or RPE 6 unless the spec says otherwise).
Counting every work set, as the summary once did, made a deload whose sets are kept but
lightened look as hard as a training week; the threshold is what lets the volume show it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from generator.plan.maxes import training_share
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
    """Hard sets (see `_is_hard`), tonnage (reps x load, both sides for one-sided work) and
    mean intensity (of the work, AMRAP and back-off sets, hard or not, so a deload's
    lighter loads show in it too).

    Sums are exact, but taken as whole numbers over a common denominator: adding
    Fractions one at a time (a gcd each) was a quarter of expansion.
    """
    hard_sets: dict[str, int] = {}
    tonnage: dict[str, list[tuple[int, Fraction]]] = {}
    hard_loads: dict[str, list[tuple[int, Fraction]]] = {}
    maxes: dict[str, Fraction | None] = {}
    bars: dict[str, _Bar] = {}
    for session in sessions:
        for exercise in session.exercises:
            name = exercise.exercise
            if name not in maxes:
                maxes[name] = max_of(program, name, "one_rm")
                bars[name] = _bar(program, name, maxes[name])
                hard_sets[name] = 0
                tonnage[name] = []
                if maxes[name]:
                    hard_loads[name] = []
            hard_sets[name] += _add_sets(
                program, exercise, bars[name], tonnage[name], hard_loads.get(name)
            )
    intensity_sums: dict[str, Fraction] = {}
    for name, loads in hard_loads.items():
        if not loads:
            continue
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


@dataclass(frozen=True, slots=True)
class _Bar:
    """What one exercise's sets are judged by: the program's threshold, the share of the
    one-rep max its training max is, and its one-rep max if known. Gathered once per
    exercise and week; the products a judgement needs are taken only for the sets that
    need them (working them all out for every exercise of every week was measurable in
    expansion)."""

    intensity: Fraction
    rpe: Fraction
    share: Fraction
    one_rm: Fraction | None


def _bar(program: Program, name: str, one_rm: Fraction | None) -> _Bar:
    """The threshold for one exercise. A percentage of the training max is taken as its
    share of the one-rep max by the max's own ratio (90% unless the spec says otherwise):
    with the 5/3/1 training max at 90%, its deload's 60% of the training max is 54% of the
    one-rep max, below the default 60%. The ratio as written, not the maxes as they stand
    in a later cycle, because the training max rises with each cycle while the written
    one-rep max does not: the ratio is the program's own statement of what a training max is.
    """
    entry = program.maxes.get(name)
    share = training_share(entry) if entry is not None else _TRAINING_SHARE
    return _Bar(program.hard_sets.intensity, program.hard_sets.rpe, share, one_rm or None)


# A training max's share of the one-rep max when no max of the exercise says (the schema's
# default training max).
_TRAINING_SHARE = Fraction(9, 10)


def _add_sets(
    program: Program,
    exercise: PlannedExercise,
    bar: _Bar,
    moved: list[tuple[int, Fraction]],
    loads: list[tuple[int, Fraction]] | None,
) -> int:
    """Add an exercise's tonnage and (with a one-rep max to take intensity from) its work
    loads to the week's, and count its hard sets.

    Its work sets mostly state the same thing (the very same objects), so a set that states
    what the set before it stated takes that set's verdict: judging every set afresh, a
    comparison of Fractions each, nearly doubled the time the week summaries take.
    """
    count, last, verdict = 0, None, False
    sides = 2 if exercise.unilateral else 1
    for planned in exercise.sets:
        kind, load = planned.kind, planned.load
        if kind in HARD_KINDS:
            if (
                last is None
                or planned.percent is not last.percent
                or load is not last.load
                or planned.rpe is not last.rpe
                or planned.rir is not last.rir
                or planned.percent_of is not last.percent_of
            ):
                last, verdict = planned, _is_hard(bar, planned)
            count += verdict
            if load is not None and loads is not None:
                loads.append((1, load))
        if kind in _COUNTED and planned.reps:
            if load is None:
                load = _bodyweight_load(program, exercise)
            if load is not None:
                moved.append((planned.reps * sides, load))
    return count


def _is_hard(bar: _Bar, planned: PlannedSet) -> bool:
    """Whether a work, AMRAP or back-off set counts as hard: at or above the intensity (its
    planned percentage, before rounding to the equipment, so a set written at 60% counts
    even when the plates make it 59%; else its load against a known one-rep max) or at or
    above the effort (its RPE, or 10 minus its reps in reserve). A set that states neither
    cannot be judged and counts, as every work set did before there was a threshold.

    >>> bar = _Bar(Fraction(3, 5), Fraction(6), Fraction(9, 10), Fraction(100))
    >>> def hard(**given: object) -> bool:
    ...     fields = dict.fromkeys(PlannedSet.__slots__)
    ...     return _is_hard(bar, PlannedSet(**{**fields, "kind": "work", **given}))
    >>> hard(), hard(percent=Fraction(3, 5), percent_of="one_rm"), hard(load=Fraction(60))
    (True, True, True)
    >>> hard(percent=Fraction(3, 5), percent_of="training_max"), hard(rpe=Fraction(5))
    (False, False)
    >>> hard(percent=Fraction(1, 2), percent_of="one_rm", rir=3), hard(load=Fraction(59))
    (True, False)
    """
    judged = False
    if planned.percent is not None:
        percent = planned.percent
        if (percent if planned.percent_of == "one_rm" else percent * bar.share) >= bar.intensity:
            return True
        judged = True
    elif planned.load is not None and bar.one_rm is not None:
        if planned.load >= bar.intensity * bar.one_rm:
            return True
        judged = True
    if planned.rpe is not None:
        return planned.rpe >= bar.rpe
    if planned.rir is not None:
        return planned.rir <= 10 - bar.rpe
    return not judged


def _weighted_sum(terms: Sequence[tuple[int, Fraction]]) -> Fraction:
    """The exact sum of count x value, over the values' least common denominator.

    >>> _weighted_sum([(2, Fraction(5, 2)), (3, Fraction(1, 3)), (1, Fraction(0))])
    Fraction(6, 1)
    """
    common = math.lcm(*(value.denominator for _, value in terms)) if terms else 1
    whole = sum(count * value.numerator * (common // value.denominator) for count, value in terms)
    return Fraction(whole, common)


def _bodyweight_load(program: Program, exercise: PlannedExercise) -> Fraction | None:
    """The load an unloaded set moves: for bodyweight work (no equipment) the athlete's
    bodyweight, plus or minus what the exercise adds; None when the spec gives none."""
    if exercise.equipment is None and program.bodyweight:
        return program.bodyweight + (exercise.bodyweight or 0)
    return None
