"""What the log teaches: a logged session changes the state the following sessions
are planned from, by the rules the spec states, never the session itself.

Double progression moves on when every set reached the top of the range, holds when
the target was missed, and backs off after a second miss in a row; a wave's AMRAP
sets decide the next cycle's training max. A session that met its target leaves the
projection alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from generator.log.values import LoggedExercise
from generator.plan.maths import estimate_one_rm
from generator.plan.progression import flat_steps
from generator.plan.state import Context, Progress, State
from generator.plan.values import HARD_KINDS, PlannedSet
from generator.plan.waves import wave_cycle
from generator.spec.model import Prescription
from generator.spec.notation import Reps


def _work_done(planned: Sequence[PlannedSet], done: LoggedExercise) -> list[int]:
    """The reps of each logged set at the planned load or heavier (bodyweight: every set)."""
    load = planned[0].load
    return [
        logged.reps
        for logged in done.sets
        if load is None or (logged.load is not None and logged.load >= load)
    ]


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
    step = next((s for s in flat_steps(item.progress) if s.method == "double"), None)
    planned = [s for s in sets if s.kind in HARD_KINDS]
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
