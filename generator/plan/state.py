"""What expansion knows while it plans one exercise, and what it carries between weeks.

`Context` is the week being planned. `State` is remembered from week to week: a small
`Progress` per prescription, advanced by `Clock`s that count the prescription's own
sessions and weeks outside deloads (so a deload pauses it, and a dropped session does
not count as done), plus what the log said of wave cycles' AMRAP sets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING

from generator.plan.maxes import Amraps, Maxes
from generator.spec.model import Amount, DeloadRule, Max, Phase, Prescription, Program

if TYPE_CHECKING:  # for annotations only: targets imports this module
    from generator.log.values import LoggedExercise
    from generator.plan.targets import Target
    from generator.plan.values import PlannedSet

Key = tuple[int, str, int]  # phase index, session label, position in the session
# Whose progression a prescription moves: its lift's track in the phase (phase index,
# exercise, track name or ""), or, without progression steps, the prescription's own.
TrackKey = tuple[int, str, str] | Key


@dataclass(frozen=True, slots=True)
class Context:
    """The week an exercise is planned in: where it falls in its phase, and whether it
    is a deload (and by which rule)."""

    program: Program
    phase: Phase
    week: int
    week_in_phase: int
    training_week: int
    deload: bool
    rule: DeloadRule | None
    session: int = 0  # the session's place in its week: one session counts once per track
    # The work load each exercise had in the last session of each label planned so far,
    # for loads taken from another session's.
    work_loads: Mapping[tuple[str, str, str], tuple[tuple[int, int], Fraction]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    # Each exercise's max as it stands when the session is planned.
    maxes: Mapping[str, Max] = field(default_factory=lambda: MappingProxyType({}))


@dataclass
class Clock:
    """Counts a step's time: occurrences and weeks, outside deloads."""

    occurrences: int = 0
    weeks: int = 0
    week: int | None = None
    fired: int = 0


@dataclass
class Progress:
    """How far one prescription has progressed."""

    clocks: dict[tuple[int, ...], Clock] = field(default_factory=dict)
    load_add: Fraction = Fraction(0)
    load_factor: Fraction = Fraction(1)
    base_override: Fraction | None = None
    double_reps: int = 0
    sets_add: int = 0
    reps_add: int = 0
    tempo_index: int = 0
    pause_add: int = 0
    rest_add: int = 0
    time_add: int = 0
    time_held: bool = False  # from the log: a hold held short, so its time is repeated
    rung: int = 0
    # From the log: hold the next double progression step (the target was not met),
    # and how many sessions in a row had a set below the bottom of the range.
    hold: bool = False
    misses: int = 0
    # From the log, for load and stage steps: failures in a row, a failure that holds
    # the next addition back, the amount the next one adds (by an AMRAP table), the stage
    # reached, and the load the first stage last had.
    fails: int = 0
    held: bool = False
    next_amount: Amount | None = None
    stage: int = 0
    first_stage_load: Fraction | None = None
    # A rep-max test due before the first stage starts again (the last stage failed and
    # the reset asks for one), and the failed load the plan predicts its result from.
    testing: bool = False
    test_from: Fraction | None = None
    # The last session (week, place) advanced and learned from: a session that trains
    # the lift twice moves its track once.
    advanced: tuple[int, int] | None = None
    learned: tuple[int, int] | None = None
    raised: tuple[int, int] | None = None

    def clock(self, path: tuple[int, ...]) -> Clock:
        return self.clocks.setdefault(path, Clock())


@dataclass(frozen=True, slots=True)
class Planned:
    """One prescription as a session planned it, and the logged sets it claimed."""

    context: Context
    item: Prescription
    sets: tuple[PlannedSet, ...]
    done: LoggedExercise | None
    target: Target | None  # None for a wave's sets
    progress: Progress


@dataclass
class State:
    """Everything expansion remembers between weeks."""

    maxes: Maxes
    progress: dict[TrackKey, Progress] = field(default_factory=dict)
    # The max steps of a session's prescriptions, moved once the whole session is planned.
    raises: list[tuple[Context, Prescription, Progress]] = field(default_factory=list)
    # What each prescription of the session planned and the log says of it, learned from
    # once the whole session is planned, track by track.
    learning: list[Planned] = field(default_factory=list)
    # (exercise, session label, "planned" or "made") -> when (week, place) and the heaviest
    # work load of the last such session
    work_loads: dict[tuple[str, str, str], tuple[tuple[int, int], Fraction]] = field(
        default_factory=dict
    )
    missed: set[tuple[int, int]] = field(default_factory=set)  # sessions the log shows missed
    # Max steps raised after a named week: (phase, exercise, track, step, week).
    raised_after: set[tuple[int, str, str, int, int]] = field(default_factory=set)
    training_weeks: dict[int, int] = field(default_factory=dict)
    wave_cycles: dict[str, int] = field(default_factory=dict)
    technique_weeks: dict[str, int] = field(default_factory=dict)
    # Logged AMRAP sets by exercise and wave cycle: (every one met its reps, best estimate).
    amraps: Amraps = field(default_factory=dict)

    def close_phase(self, program: Program, phase: Phase) -> None:
        """Completed wave cycles raise the training max for the phases that follow."""
        counted: set[str] = set()
        for template in phase.sessions:
            for item in template.items:
                wave = program.waves.get(item.wave or "")
                if phase.model == "wave" and wave and item.exercise not in counted:
                    counted.add(item.exercise)
                    cycles = phase.weeks // len(wave.weeks)
                    self.wave_cycles[item.exercise] = (
                        self.wave_cycles.get(item.exercise, 0) + cycles
                    )


def track_key(key: Key, item: Prescription) -> TrackKey:
    """The progression a prescription moves: its lift's (or its named track's) in the
    phase when it has steps; a prescription without steps keeps its own, so a fixed
    back-off set is not moved by the top set's progression."""
    if not item.progress:
        return key
    return (key[0], item.exercise, item.track or "")
