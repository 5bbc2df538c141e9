"""What a prescription states for one week, before progression: its load, sets and reps.

Each is the exercise's own value when it gives one, else its phase model's: the day
type's under an undulating phase, the point on the straight line between the first
and last training week under a linear one, else the goal's defaults. Loads given as a
percentage or an effort are turned into weights from the exercise's max.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from generator.plan.maths import rpe_percent
from generator.plan.state import Context
from generator.spec.model import DayType, Linear, Phase, Prescription
from generator.spec.notation import LoadSpec, Reps


def load_spec(context: Context, item: Prescription, day_type: str | None) -> LoadSpec | None:
    """The load as the prescription, the day type or the linear phase states it."""
    if item.load is not None:
        return item.load
    weekday_type = _day_type(context.phase, day_type)
    if weekday_type is not None and weekday_type.load is not None:
        return weekday_type.load
    linear = _linear(context)
    if linear is not None and linear.load is not None:
        first, last = linear.load
        share = _line_share(context)
        return LoadSpec(first.kind, first.value + (last.value - first.value) * share, first.of)
    return None


def _linear(context: Context) -> Linear | None:
    return context.phase.linear if context.phase.model == "linear" else None


def _model_count(
    context: Context, day_type: str | None, name: Literal["sets", "reps"]
) -> int | None:
    """Sets or reps as the day type or the linear line gives them, when the exercise does not."""
    weekday_type = _day_type(context.phase, day_type)
    if weekday_type is not None and name == "sets" and weekday_type.sets is not None:
        return weekday_type.sets
    linear = _linear(context)
    ends = (linear.sets if name == "sets" else linear.reps) if linear is not None else None
    return _interpolate(ends, _line_share(context)) if ends is not None else None


def _day_type(phase: Phase, name: str | None) -> DayType | None:
    for day_type in phase.day_types.values():
        if day_type.name == name:
            return day_type
    return None


def _line_share(context: Context) -> Fraction:
    """How far through a linear phase this week is, 0 at the first training week, 1 at the last."""
    phase = context.phase
    training_weeks = sum(
        1
        for week in range(phase.first_week, phase.last_week + 1)
        if week not in context.program.deloads
    )
    if training_weeks <= 1:
        return Fraction(0)
    # A deload holds the point of the training week before it: progression pauses.
    done = context.training_week - 1 if context.deload else context.training_week
    return Fraction(min(max(done, 0), training_weeks - 1), training_weeks - 1)


def base_load(context: Context, item: Prescription, day_type: str | None) -> Fraction | None:
    """The load before progression, unrounded; None for bodyweight alone or no load. For
    bodyweight plus (or minus) a load it is that load, which progression moves: weighted
    chin-ups get heavier, assisted ones less assisted."""
    spec = load_spec(context, item, day_type)
    if spec is None or (spec.kind == "bodyweight" and not spec.value):
        return None
    if spec.kind == "bodyweight":
        return spec.value
    if spec.kind == "absolute":
        return spec.value
    if spec.kind == "session":
        return session_load(context, item, spec)
    if spec.kind == "percent":
        basis = current_max(context, spec.lift or item.exercise, spec.of)
        return spec.value * basis if basis is not None else None
    one_rm = current_max(context, item.exercise, "one_rm")
    reps = base_reps(context, item, day_type)
    return rpe_percent(reps.high, spec.value) * one_rm if one_rm is not None else None


def base_reps(context: Context, item: Prescription, day_type: str | None) -> Reps:
    """The exercise's own reps, else its day type's or the linear line's, else the goal's range."""
    if item.reps is not None:
        return item.reps
    weekday_type = _day_type(context.phase, day_type)
    if weekday_type is not None and weekday_type.reps is not None:
        return weekday_type.reps
    reps = _model_count(context, day_type, "reps")
    return Reps(reps, reps) if reps is not None else context.phase.goal_reps


def base_sets(context: Context, item: Prescription, day_type: str | None) -> int:
    """The exercise's own sets, else its day type's or the linear line's, else the defaults."""
    if item.sets is not None:
        return item.sets
    sets = _model_count(context, day_type, "sets")
    return sets if sets is not None else item.default_sets


def _interpolate(ends: tuple[int, int], share: Fraction) -> int:
    """A whole number on the straight line between two, rounded half up."""
    value = ends[0] + (ends[1] - ends[0]) * share
    return int(value + Fraction(1, 2)) if value >= 0 else round(value)


class NoEarlierSession(Exception):
    """A load taken from another session's, before any such session, with no `first`."""

    def __init__(self, label: str) -> None:
        super().__init__(label)
        self.label = label


def session_load(context: Context, item: Prescription, spec: LoadSpec) -> Fraction:
    """A share of the work load the exercise had in the last session with one of the labels
    the load names (planned there, or made there: the planned one until the log says),
    plus its offset; its `first` load while there has been none."""
    kind = "made" if spec.made else "planned"
    found = [
        context.work_loads.get((item.exercise, label, kind))
        or context.work_loads.get((item.exercise, label, "planned"))
        for label in spec.session
    ]
    latest = max((entry for entry in found if entry is not None), default=None)
    if latest is None:
        if spec.first is None:
            raise NoEarlierSession(" or ".join(spec.session))
        return spec.first
    return latest[1] * spec.value + spec.offset


def current_max(context: Context, exercise: str, of: str) -> Fraction | None:
    """The max a percentage of `of` (one_rm or training_max) is taken from, as it stands
    when the session is planned."""
    entry = context.maxes.get(exercise)
    return entry.basis(of) if entry is not None else None
