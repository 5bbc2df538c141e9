"""What the log teaches: a logged session changes the state the following sessions
are planned from, by the rules the spec states, never the session itself.

Double progression moves on when every set reached the top of the range, holds when
the target was missed, and backs off after a second miss in a row; a load step repeats
a failed load and drops it after failures in a row, and adds by an AMRAP table's row;
stages move to the next scheme on a failure and reset after the last; a wave's AMRAP
sets decide the next cycle's training max. A session that met its target leaves the
projection alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from generator.log.values import LoggedExercise
from generator.plan.maths import estimate_one_rm
from generator.plan.maxes import Maxes
from generator.plan.progression import (
    max_of_step,
    progressed_load,
    projected_amount,
)
from generator.plan.rounding import round_load
from generator.plan.state import Context, Progress, State
from generator.plan.targets import Target, estimator_of
from generator.plan.values import TARGET_KINDS, PlannedSet
from generator.plan.waves import wave_cycle
from generator.spec.model import Equipment, Prescription, Step, Success
from generator.spec.notation import Reps


def _work_done(planned: Sequence[PlannedSet], done: LoggedExercise) -> list[int]:
    """The reps of each logged set at the planned load or heavier (bodyweight: every set),
    or for a timed set the seconds it was held."""
    load, timed = planned[0].load, planned[0].seconds is not None
    return [
        (logged.seconds or 0) if timed else logged.reps
        for logged in done.sets
        if load is None or (logged.load is not None and logged.load >= load)
    ]


def _target(planned: PlannedSet) -> int:
    """What a set asks for: its seconds if timed, else its reps."""
    return planned.seconds if planned.seconds is not None else planned.reps or 0


def learn_time(
    item: Prescription, sets: Sequence[PlannedSet], done: LoggedExercise, progress: Progress
) -> None:
    """A hold is lengthened only once it was held as long as planned: a set held short (or
    a set missing) repeats its time."""
    if not any(step.method == "time" for step in item.all_steps):
        return
    planned = [s for s in sets if s.kind in TARGET_KINDS and s.seconds is not None]
    if not planned:
        return
    held = _work_done(planned, done)
    short = len(held) < len(planned) or any(
        seconds < _target(s) for seconds, s in zip(held, planned, strict=False)
    )
    progress.time_held = short


def learn_double(
    item: Prescription,
    reps: Reps,
    sets: Sequence[PlannedSet],
    done: LoggedExercise,
    progress: Progress,
) -> None:
    """Double progression from a logged session: every set at the top of the range moves
    the load up next; a set below the bottom (or a set short) repeats the load, and a
    second such session in a row backs off by the step's share; anything else short of
    the target repeats it. A session that met its target leaves the projection alone."""
    step = next((s for s in item.all_steps if s.method == "double"), None)
    planned = [s for s in sets if s.kind in TARGET_KINDS]
    if step is None or not planned:
        return
    target = planned[0].reps or reps.low
    made = _work_done(planned, done)
    short = len(made) < len(planned)
    if not short and all(count >= reps.high for count in made):
        progress.double_reps = max(progress.double_reps, reps.high - reps.low)
        progress.misses = 0
    elif short or any(count < reps.low for count in made):
        progress.misses += 1
        progress.hold = True
        load = planned[0].load
        if progress.misses >= 2 and step.back_off is not None and load is not None:
            # Back off from the load that was missed, and climb the range again from there.
            progress.base_override = load * (1 - step.back_off)
            progress.load_add, progress.load_factor = Fraction(0), Fraction(1)
            progress.double_reps = 0
            progress.misses = 0
    elif any(count < target for count in made):
        progress.hold = True
        progress.misses = 0
    else:
        progress.misses = 0


def learn_amrap(
    context: Context,
    item: Prescription,
    sets: Sequence[PlannedSet],
    done: LoggedExercise,
    state: State,
) -> None:
    """A wave session's AMRAP sets: whether each reached its reps, and the best one-rep
    max they imply by the spec's estimator, kept for the next cycle's training max."""
    entry = context.program.maxes.get(item.exercise)
    amraps = [(s.load, s.reps) for s in sets if s.kind == "amrap" and s.load is not None and s.reps]
    if entry is None or not amraps:
        return
    key = (item.exercise, wave_cycle(context, item, state))
    met, best = state.amraps.get(key, (True, None))
    for load, reps in amraps:
        made = [s for s in done.sets if s.load is not None and s.load >= load]
        top = max(made, key=lambda s: (s.reps, s.load or 0), default=None)
        met = met and top is not None and top.reps >= reps
        if top is not None and top.load is not None and top.reps > 0:
            estimate = estimate_one_rm(top.load, top.reps, entry.estimate)
            best = estimate if best is None else max(best, estimate)
    state.amraps[key] = (met, best)


def learn_load(
    context: Context,
    item: Prescription,
    sets: Sequence[PlannedSet],
    done: LoggedExercise,
    progress: Progress,
    *,
    target: Target | None,
    maxes: Maxes,
) -> None:
    """A load, stage or max step from a logged session. A success lets the next addition
    happen (by the AMRAP table's row for the reps of the last set, if the step has one);
    a failure holds it back, so the load is repeated, moves a stage on at the same load,
    or, after the step's failures in a row (or the last stage), drops the load (or, for
    a max step, lowers the max)."""
    reactive = ("load", "stages", "max")
    step = next((s for s in item.all_steps if s.method in reactive), None)
    planned = [s for s in sets if s.kind in TARGET_KINDS]
    session = (context.week, context.session)
    if step is None or not planned or progress.learned == session:
        return
    progress.learned = session
    if progress.testing and step.method == "stages" and target is not None:
        finish_test(context, item, planned, done, progress, target=target)
        return
    made = _work_done(planned, done)
    if _succeeded(step.success, planned, made):
        progress.fails = 0
        progress.held = False  # a success since a failure: the next addition happens
        if step.table and made:
            progress.next_amount = projected_amount(step, made[-1])
        return
    progress.held = True
    # The load that failed; for weighted bodyweight work, the load added to bodyweight.
    failed = planned[0].load
    if failed is None and target is not None:
        failed = target.load
    if step.method == "stages" and target is not None:
        _next_stage(step, progress, failed, target.base_load, target.exercise.equipment)
        return
    progress.fails += 1
    if step.drop is None or progress.fails < step.fail_after:
        return
    progress.fails = 0
    if step.method == "max":
        maxes.move(item.exercise, max_of_step(step, maxes, item.exercise), step.drop, lower=True)
    elif failed is not None and target is not None:
        drop = step.drop
        lighter = failed * (1 - drop.value) if drop.relative else failed - drop.value
        _set_load(progress, target.base_load, _made(target.exercise.equipment, lighter))


def _succeeded(success: Success, planned: Sequence[PlannedSet], made: Sequence[int]) -> bool:
    """Whether the reps done meet the step's rule of success for the sets planned."""
    if len(made) < len(planned):
        return False
    if success.rule == "all":
        return all(count >= _target(s) for count, s in zip(made, planned, strict=False))
    last = made[len(planned) - 1]
    if success.rule == "last":
        return last >= _target(planned[-1])
    return last >= success.amrap


def _next_stage(
    step: Step,
    progress: Progress,
    failed: Fraction | None,
    base_load: Fraction | None,
    equipment: Equipment | None,
) -> None:
    """A failed stage: the next scheme at the same load, or after the last, the first
    scheme again at the reset's load."""
    if progress.stage < len(step.schemes) - 1:
        progress.stage += 1
        return
    progress.stage = 0
    reset = step.reset
    if reset.test is not None:  # the next session tests the rep max the reset starts from
        progress.testing, progress.test_from = True, failed
    elif reset.share is not None and failed is not None:
        _set_load(progress, base_load, _made(equipment, failed * reset.share))
    elif reset.add is not None and progress.first_stage_load is not None:
        _set_load(progress, base_load, _made(equipment, progress.first_stage_load + reset.add))


def finish_test(
    context: Context,
    item: Prescription,
    planned: Sequence[PlannedSet],
    done: LoggedExercise | None,
    progress: Progress,
    *,
    target: Target,
) -> None:
    """A stage reset's rep-max test taken: the first scheme starts again at the reset's
    share of the rep max the log shows, or, before the log says, of the one planned. The
    session after the test adds nothing: its load is the reset's."""
    step = next(s for s in item.all_steps if s.method == "stages")
    reps, share = step.reset.test or 1, step.reset.share or Fraction(1)
    tested = tested_rep_max(done, reps, estimator_of(context, item.exercise)) if done else None
    if tested is None and planned:
        tested = planned[0].load
    progress.testing, progress.test_from = False, None
    if tested is not None:
        equipment = target.exercise.equipment
        _set_load(progress, target.base_load, _made(equipment, tested * share))
        progress.held = True


def assume_test(
    context: Context,
    item: Prescription,
    sets: Sequence[PlannedSet],
    progress: Progress,
    target: Target,
) -> None:
    """Before the log says, the plan assumes a stage reset's test finds the load planned."""
    session = (context.week, context.session)
    if progress.learned == session:
        return
    progress.learned = session
    planned = [s for s in sets if s.kind in TARGET_KINDS]
    finish_test(context, item, planned, None, progress, target=target)


def tested_rep_max(done: LoggedExercise, reps: int, estimator: str) -> Fraction | None:
    """The best `reps`-rep max the logged sets show: a set of exactly that many reps is
    one; another count is converted through the estimator. None without a loaded set."""
    best: Fraction | None = None
    for logged in done.sets:
        if logged.load is None or logged.reps < 1:
            continue
        try:
            one_rm = estimate_one_rm(logged.load, logged.reps, estimator)
        except ValueError:
            continue  # too many reps for the formula to say anything
        found = one_rm / estimate_one_rm(Fraction(1), reps, estimator)
        best = found if best is None else max(best, found)
    return best


def _made(equipment: Equipment | None, load: Fraction) -> Fraction:
    return round_load(equipment, load)[0] if equipment is not None else load


def _set_load(progress: Progress, base_load: Fraction | None, load: Fraction) -> None:
    """Move the progression so that the next session's load (before any addition) is `load`."""
    current = progressed_load(progress, base_load)
    if current is None:
        progress.base_override = load
        return
    progress.load_add += load - current
