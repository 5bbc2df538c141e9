"""A session's target for one exercise: the week's prescription moved by its
progression so far (the ladder's rung, added sets and reps, the climbed double
progression range, the progressed load, the tempo and rest), within the steps' limits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from generator.plan import prescription
from generator.plan.maths import estimate_one_rm
from generator.plan.prescription import load_spec
from generator.plan.progression import ladder_rung, progressed_load
from generator.plan.state import Context, Progress
from generator.spec.model import Equipment, Exercise, Prescription, Step
from generator.spec.notation import Reps, parse_tempo


@dataclass(frozen=True, slots=True)
class Target:
    """An exercise's values for one session, before sets are written out."""

    exercise: Exercise
    sets: int
    reps: Reps
    reps_target: int | None
    load: Fraction | None
    basis: Fraction | None
    percent_of: Literal["one_rm", "training_max"] | None
    rpe: Fraction | None
    tempo: str | None
    rest: int
    # The load before progression, which a drop or a reset moves the progression from.
    base_load: Fraction | None = None
    # A timed set's seconds (its reps are then not counted).
    seconds: int | None = None


def session_target(
    context: Context,
    item: Prescription,
    day_type: str | None,
    progress: Progress,
    base_load: Fraction | None,
) -> Target:
    """An exercise's values for this session, from the week's prescription and the
    progress made so far."""
    steps = item.all_steps
    exercise = ladder_rung(context.program, item, progress, steps)
    sets = max(
        1,
        _limited(prescription.base_sets(context, item, day_type), progress.sets_add, steps, "sets"),
    )
    reps = _progressed_reps(prescription.base_reps(context, item, day_type), progress, steps)
    if item.test is not None:  # one set: the rep max tested, or as many reps as possible
        sets = item.sets or 1
        amrap = item.test == "amrap"
        reps = Reps(1, 1, amrap=True) if amrap else Reps(int(item.test), int(item.test))
    stages = next((step for step in steps if step.method == "stages"), None)
    if stages is not None:  # the stage reached gives the sets and reps
        scheme = stages.schemes[min(progress.stage, len(stages.schemes) - 1)]
        sets, reps = scheme.sets, Reps(scheme.reps, scheme.reps, amrap=scheme.amrap)
        if progress.testing and stages.reset.test is not None and not context.deload:
            sets, reps = 1, Reps(stages.reset.test, stages.reset.test)
    climbed = min(progress.double_reps, reps.high - reps.low)
    reps_target: int | None = reps.low + climbed if _has(steps, "double") else None
    load = progressed_load(progress, base_load, _finer_step(steps, exercise.equipment))
    if item.test not in (None, "amrap") and item.load is None:
        load = _rep_max(context, item.exercise, int(item.test or 1))
    if stages is not None and progress.testing and not context.deload:
        load = stage_test_load(context, item.exercise, stages, progress.test_from)
    for step in steps:
        if step.method == "load" and step.cap is not None and load is not None:
            load = min(load, step.cap)
    spec = load_spec(context, item, day_type)
    percent_of: Literal["one_rm", "training_max"] | None = None
    if spec is not None and spec.kind in ("percent", "effort") and exercise.id == item.exercise:
        percent_of = spec.of  # on another rung of a ladder, this exercise's max does not apply
    lift = spec.lift if spec is not None and spec.lift else item.exercise
    basis = prescription.current_max(context, lift, percent_of) if percent_of else None
    rpe = spec.value if spec is not None and spec.kind == "effort" else item.rpe
    rest = _limited(item.rest, progress.rest_add, steps, "rest")
    return Target(
        exercise=exercise,
        sets=sets,
        reps=reps,
        reps_target=reps_target,
        load=load,
        basis=basis,
        percent_of=percent_of if basis else None,
        rpe=rpe,
        tempo=_tempo(item, progress, steps),
        rest=rest,
        base_load=base_load,
        seconds=_limited(item.time, progress.time_add, steps, "time") if item.time else None,
    )


def _rep_max(context: Context, exercise: str, reps: int) -> Fraction | None:
    """The load the max as it stands predicts for `reps` reps, by its estimator: what a
    rep-max test works up to."""
    entry = context.maxes.get(exercise)
    if entry is None or entry.one_rm is None:
        return None
    return entry.one_rm / estimate_one_rm(Fraction(1), reps, entry.estimate)


def estimator_of(context: Context, exercise: str) -> str:
    """The estimator the spec names for the lift's max, or the default one."""
    entry = context.program.maxes.get(exercise)
    return entry.estimate if entry is not None else "epley"


def stage_test_load(
    context: Context, exercise: str, step: Step, failed: Fraction | None
) -> Fraction | None:
    """The load a stage reset's rep-max test is planned at: what the failed last scheme
    predicts for the test's reps, by the lift's estimator. The log then says what it was."""
    if failed is None or step.reset.test is None:
        return None
    estimator = estimator_of(context, exercise)
    one_rm = estimate_one_rm(failed, step.schemes[-1].reps, estimator)
    return one_rm / estimate_one_rm(Fraction(1), step.reset.test, estimator)


def _finer_step(steps: Sequence[Step], equipment: Equipment | None) -> Fraction | None:
    """The equipment's step, when a load step adds less than it (2.5 lb on dumbbells in
    5 lb steps): the additions then accumulate until they make a whole step."""
    whole = equipment.finest if equipment is not None else None
    if whole is None:
        return None
    finer = any(
        step.method in ("load", "double", "stages")
        and step.amount is not None
        and not step.amount.relative
        and 0 < step.amount.value < whole
        for step in steps
    )
    return whole if finer else None


def _has(steps: Sequence[Step], method: str) -> bool:
    return any(step.method == method for step in steps)


def _limited(base: int, change: int, steps: Sequence[Step], method: str) -> int:
    """`base` moved by `change`, stopped at the steps' limits.

    A limit stops the step's own change; it never moves the written value the wrong
    way (reps written as 15 under a step that adds reps up to 12 stay 15).
    """
    value = base + change
    for step in steps:
        if step.method != method:
            continue
        if change > 0 and step.high is not None:
            value = max(base, min(value, step.high))
        if change < 0 and step.low is not None:
            value = min(base, max(value, step.low))
    return value


def _progressed_reps(reps: Reps, progress: Progress, steps: Sequence[Step]) -> Reps:
    if not progress.reps_add:
        return reps
    low = max(1, _limited(reps.low, progress.reps_add, steps, "reps"))
    high = max(1, _limited(reps.high, progress.reps_add, steps, "reps"))
    return Reps(min(low, high), high, reps.amrap)


def _tempo(item: Prescription, progress: Progress, steps: Sequence[Step]) -> str | None:
    tempo = item.tempo
    for step in steps:
        if step.method == "tempo":
            tempo = step.sequence[min(progress.tempo_index, len(step.sequence) - 1)]
    pause = next((step for step in steps if step.method == "pause"), None)
    if tempo is None or pause is None or not progress.pause_add:
        return tempo
    parts = list(parse_tempo(tempo))
    position = 3 if pause.at == "top" else 1
    held = (parts[position] or 0) + progress.pause_add
    parts[position] = min(held, pause.high) if pause.high is not None else held
    return "-".join("X" if part is None else str(part) for part in parts)
