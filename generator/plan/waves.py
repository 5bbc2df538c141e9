"""The wave model: a week's sets as percentages of a training max that rises with each
cycle of the wave, by the written increase or, when the log holds the cycle's AMRAP
sets, by the spec's rule for them.
"""

from __future__ import annotations

from fractions import Fraction

from generator.plan.rounding import round_load
from generator.plan.sets import warmup_sets
from generator.plan.state import Context, State
from generator.plan.values import PlannedSet
from generator.spec.model import Exercise, Max, Prescription, Program, max_of


def wave_sets(
    context: Context, item: Prescription, exercise: Exercise, state: State
) -> tuple[PlannedSet, ...]:
    """A wave week's sets, from the training max as it stands this cycle."""
    program = context.program
    wave = program.waves[item.wave or ""]
    offset = context.week_in_phase - 1
    week = wave.weeks[offset % len(wave.weeks)]
    basis = _cycle_max(program, item.exercise, wave.of, wave_cycle(context, item, state), state)
    sets: list[PlannedSet] = []
    for line in week.sets:
        load: Fraction | None = None
        plates: tuple[Fraction, ...] | None = None
        if basis is not None:
            load, plates = round_load(exercise.equipment, line.percent * basis)
        for _ in range(line.sets):
            sets.append(
                PlannedSet(
                    kind="amrap" if line.amrap else "work",
                    reps=line.reps,
                    reps_max=None,
                    load=load,
                    percent=line.percent if basis is not None else None,
                    percent_of=wave.of if basis is not None else None,
                    rpe=item.rpe,
                    rir=item.rir,
                    tempo=item.tempo,
                    rest=item.rest,
                    plates=plates,
                )
            )
    first = sets[0].load if sets and sets[0].load is not None else None
    return tuple(warmup_sets(item, exercise.equipment, first) + sets)


def _cycle_max(
    program: Program, exercise_id: str, of: str, cycle: int, state: State
) -> Fraction | None:
    """The max in a given cycle: the written one, raised by the increase once per cycle
    before, or as the spec's rule says when the log holds the cycle's AMRAP sets."""
    entry = program.maxes.get(exercise_id)
    basis = max_of(program, exercise_id, of)
    if entry is None or basis is None:
        return basis
    for before in range(cycle):
        logged = state.amraps.get((exercise_id, before))
        if logged is None:
            basis = entry.cycle_increase.apply(basis)
            continue
        met, best = logged
        if entry.amrap == "check":
            basis = entry.cycle_increase.apply(basis) if met else basis
        elif best is not None:
            basis = best if of == "one_rm" else _training_share(entry) * best
    return basis


def _training_share(entry: Max) -> Fraction:
    """The training max's share of the one-rep max, as written or as the two maxes imply."""
    if entry.training_share is not None:
        return entry.training_share
    if entry.training_max is not None and entry.one_rm:
        return entry.training_max / entry.one_rm
    return Fraction(9, 10)


def wave_cycle(context: Context, item: Prescription, state: State) -> int:
    """Which cycle of its wave an exercise is in this week, counted across phases."""
    wave = context.program.waves[item.wave or ""]
    offset = context.week_in_phase - 1
    return state.wave_cycles.get(item.exercise, 0) + offset // len(wave.weeks)
