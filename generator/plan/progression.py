"""Progression: a prescription's steps, fired as their clocks come round.

Before each session the steps whose time has come fire (a load, reps, sets, tempo,
pause or rest step; double progression; a climb up a variation ladder; a rotation
among steps), changing the prescription's `Progress`. A deload pauses the clocks.
What the log says was done changes the progress too (see generator.plan.learning).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from generator.plan import prescription
from generator.plan.maxes import Maxes
from generator.plan.rounding import round_load
from generator.plan.state import Context, Progress
from generator.spec.model import (
    Amount,
    Equipment,
    Exercise,
    Phase,
    Prescription,
    Program,
    Step,
)
from generator.spec.notation import Reps


@dataclass(frozen=True, slots=True)
class _Moment:
    """When steps fire: the week, and the reps range and unprogressed load of the session."""

    week: int
    reps: Reps
    base_load: Fraction | None
    equipment: Equipment | None
    # A variation step taken at the top of the rep range instead of a load step, and the
    # rungs of its ladder above the prescribed exercise.
    climb: Step | None = None
    rungs: int | None = None


def advance(
    context: Context,
    item: Prescription,
    day_type: str | None,
    progress: Progress,
    base_load: Fraction | None,
) -> None:
    """Fire every step whose time has come, before this session's values are taken.

    A track moves once a session, however many of its prescriptions the session holds;
    max steps only count the session here, and move the max after it (raise_maxes).
    """
    session = (context.week, context.session)
    if progress.advanced == session:
        return
    progress.advanced = session
    steps = item.all_steps
    exercise = ladder_rung(context.program, item, progress, steps)
    reps = prescription.base_reps(context, item, day_type)
    climb = next((s for s in steps if s.method == "variation" and s.when == "top"), None)
    rungs = None
    if climb is not None:
        ladder = climb.sequence or context.program.exercises[item.exercise].ladder
        rungs = len(ladder) - 1 - ladder.index(item.exercise)
    moment = _Moment(context.week, reps, base_load, exercise.equipment, climb, rungs)
    _advance_steps(item.progress, (), progress, moment, active=True)
    if progress.stage == 0:
        progress.first_stage_load = progressed_load(progress, base_load)


def _advance_steps(
    steps: Sequence[Step],
    path: tuple[int, ...],
    progress: Progress,
    moment: _Moment,
    *,
    active: bool,
) -> None:
    """Tick each step's clock; a rotation lets only its current step's clock run."""
    for index, step in enumerate(steps):
        clock = progress.clock((*path, index))
        if not active:
            continue
        if clock.week is not None and clock.week != moment.week:
            clock.weeks += 1
        clock.week = moment.week
        elapsed = clock.occurrences if step.every.unit == "session" else clock.weeks
        ticks = elapsed // step.every.count
        if step.method == "rotate":
            chosen = ticks % len(step.steps)
            for inner_index, inner in enumerate(step.steps):
                inner_path = (*path, index, inner_index)
                _advance_steps((inner,), inner_path, progress, moment, active=inner_index == chosen)
        elif step.method != "max":  # a max moves after the session: see raise_maxes
            while clock.fired < ticks:
                _apply(step, progress, moment)
                clock.fired += 1
        clock.occurrences += 1


def raise_maxes(
    context: Context, item: Prescription, progress: Progress, maxes: Maxes, *, label: str
) -> None:
    """After a session of the lift, its max steps whose time has come: the session counted,
    each moves the max (by its AMRAP table's row for the reps the log shows, or the plan
    assumes) unless the log says the session failed, so every later session of the lift,
    whichever prescription, is planned from the moved max. A step tied to named sessions
    moves it after each of those (`label` is the session just planned)."""
    session = (context.week, context.session)
    if progress.raised == session:
        return
    progress.raised = session
    reps = prescription.base_reps(context, item, None)
    for index, step in enumerate(item.progress):
        if step.method != "max" or step.after_weeks:  # named weeks: see raise_after_weeks
            continue
        if step.after_sessions:
            if label in step.after_sessions:
                _raise_once(step, item.exercise, progress, maxes, reps)
            continue
        clock = progress.clock((index,))
        elapsed = clock.occurrences if step.every.unit == "session" else clock.weeks + 1
        ticks = elapsed // step.every.count
        while clock.fired < ticks:
            _raise_once(step, item.exercise, progress, maxes, reps)
            clock.fired += 1


def _raise_once(step: Step, exercise: str, progress: Progress, maxes: Maxes, reps: Reps) -> None:
    """One raise of a max step, unless the log says the session failed."""
    if progress.held:  # the log says the session failed: no raise this time
        progress.held = False
    else:
        amount = progress.next_amount or projected_amount(step, reps.low)
        maxes.move(exercise, max_of_step(step, maxes, exercise), amount)
    progress.next_amount = None


def _apply(step: Step, progress: Progress, moment: _Moment) -> None:
    """One step's change to the progress, as its method says."""
    method = step.method
    if method in ("load", "stages"):
        if progress.held:  # the log says the last session failed: repeat (or drop) its load
            progress.held = False
            return
        amount = progress.next_amount or projected_amount(step, moment.reps.low)
        progress.next_amount = None
        add_load(progress, amount)
    elif method == "double" and step.amount is not None:
        span = moment.reps.high - moment.reps.low
        if progress.hold:
            progress.hold = False  # the log says the target was not met: repeat it
        elif progress.double_reps < span:
            progress.double_reps = min(progress.double_reps + step.count, span)
        elif moment.climb is not None and _rungs_left(progress, moment):
            progress.double_reps = 0  # the top reached: the harder variation, from the bottom
            _climb(moment.climb, progress, moment)
        elif _heavier_exists(progress, moment, step.amount):
            progress.double_reps = 0
            add_load(progress, step.amount)
    elif method == "sets":
        progress.sets_add += step.count
    elif method == "reps":
        progress.reps_add += step.count
    elif method == "tempo":
        progress.tempo_index += 1
    elif method == "pause":
        progress.pause_add += step.seconds
    elif method == "rest":
        progress.rest_add += step.seconds
    elif method == "time":
        if progress.time_held:  # held short: the same time again
            progress.time_held = False
        else:
            progress.time_add += step.seconds
    elif method == "variation" and step.when == "schedule":
        _climb(step, progress, moment)


def _climb(step: Step, progress: Progress, moment: _Moment) -> None:
    """One rung up the ladder, the load reset as the step says."""
    current = progressed_load(progress, moment.base_load)
    progress.rung += 1
    reset = step.amount
    if reset is None or (current is None and reset.relative):
        return  # a share of no load: the harder variation is bodyweight too
    progress.base_override = (
        current * reset.value if current is not None and reset.relative else reset.value
    )
    progress.load_add, progress.load_factor = Fraction(0), Fraction(1)


def _rungs_left(progress: Progress, moment: _Moment) -> bool:
    """Whether the ladder goes higher than the rung reached (at the top, the load rises)."""
    return moment.rungs is None or progress.rung < moment.rungs


def projected_amount(step: Step, reps: int) -> Amount:
    """What a load or stage step adds after a success of `reps` reps on its last set: the
    AMRAP table's row for them, or the step's amount (no row: nothing)."""
    if not step.table:
        return step.amount or Amount(Fraction(0), relative=False)
    row = next((row for row in step.table if row.holds(reps)), None)
    return row.amount if row is not None else Amount(Fraction(0), relative=False)


def max_of_step(step: Step, maxes: Maxes, exercise: str) -> Literal["one_rm", "training_max"]:
    """Which max a max step moves: the one it names, else the training max if the lift
    has one, else its one-rep max."""
    if step.of is not None:
        return step.of
    entry = maxes.current.get(exercise)
    return "training_max" if entry is not None and entry.training_max is not None else "one_rm"


def add_load(progress: Progress, amount: Amount) -> None:
    if amount.relative:
        progress.load_factor *= 1 + amount.value
    else:
        progress.load_add += amount.value


def _heavier_exists(progress: Progress, moment: _Moment, amount: Amount) -> bool:
    """Whether adding `amount` gives a load the equipment makes heavier than today's.

    At the top of a dumbbell rack, or in a gap in it, reps stay at the top of the
    range rather than falling back for the same load.
    """
    current = progressed_load(progress, moment.base_load)
    if current is None:
        return False  # no load to add to: the reps stay at the top of the range
    if moment.equipment is None:
        return True
    return (
        round_load(moment.equipment, amount.apply(current))[0]
        > round_load(moment.equipment, current)[0]
    )


def progressed_load(
    progress: Progress, base_load: Fraction | None, whole: Fraction | None = None
) -> Fraction | None:
    """The load so far: the base (or the load a back-off or a rung change reset it to),
    scaled and added to by the load steps fired. With `whole`, the equipment's step, what
    was added counts only in whole steps: a finer step accumulates until the sum makes one.
    """
    base = progress.base_override if progress.base_override is not None else base_load
    if base is None:
        return None
    added = progress.load_add if whole is None else (progress.load_add // whole) * whole
    # Most loads are neither scaled nor added to yet: no Fraction arithmetic for those.
    if progress.load_factor != 1:
        base = base * progress.load_factor
    return base + added if added else base


def ladder_rung(
    program: Program, item: Prescription, progress: Progress, steps: Sequence[Step]
) -> Exercise:
    """The exercise on the ladder the variation steps have climbed to."""
    base = program.exercises[item.exercise]
    if not progress.rung:
        return base
    variation = next(step for step in steps if step.method == "variation")
    ladder = variation.sequence or base.ladder
    start = ladder.index(item.exercise)
    return program.exercises[ladder[min(start + progress.rung, len(ladder) - 1)]]


def raise_after_weeks(
    phase: Phase, week_in_phase: int, maxes: Maxes, done: set[tuple[int, str, str, int, int]]
) -> None:
    """Before a session, the max steps whose named weeks of the phase are over: each raises
    its lift's max once (`done` remembers which), however many sessions carry the step."""
    for template in phase.sessions:
        for item in template.items:
            for index, step in enumerate(item.progress):
                if step.method != "max" or step.amount is None:
                    continue
                for week in step.after_weeks:
                    key = (phase.index, item.exercise, item.track or "", index, week)
                    if week < week_in_phase and key not in done:
                        done.add(key)
                        of = max_of_step(step, maxes, item.exercise)
                        maxes.move(item.exercise, of, step.amount)
