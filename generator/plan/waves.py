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
from generator.spec.model import Exercise, Prescription


def wave_sets(
    context: Context, item: Prescription, exercise: Exercise, state: State
) -> tuple[PlannedSet, ...]:
    """A wave week's sets, from the training max as it stands this cycle."""
    program = context.program
    wave = program.waves[item.wave or ""]
    offset = context.week_in_phase - 1
    week = wave.weeks[offset % len(wave.weeks)]
    entry = context.maxes.get(item.exercise)  # its completed cycles already counted
    basis = entry.basis(wave.of) if entry is not None else None
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


def wave_cycle(context: Context, item: Prescription, state: State) -> int:
    """Which cycle of its wave an exercise is in this week, counted across phases."""
    wave = context.program.waves[item.wave or ""]
    offset = context.week_in_phase - 1
    return state.wave_cycles.get(item.exercise, 0) + offset // len(wave.weeks)
