"""The expanded plan: every dated session, as immutable values.

This is what expansion returns and what every output (terminal, JSON, CSV, HTML,
PDF, calendar) is rendered from, so it carries display-ready facts (the exercise's
name, plates per side, the reason a date was skipped) rather than rules.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from generator.log.values import LoggedExercise, LoggedSession
from generator.spec.model import Program

SetKind = Literal["warmup", "ramp", "work", "amrap", "drop", "rest_pause", "partials", "backoff"]
# Sets taken close to failure at a planned load: what hard sets, targets and estimates count.
HARD_KINDS = ("work", "amrap", "backoff")
# The sets a prescription's target is: what a logged session is judged against.
TARGET_KINDS = ("work", "amrap")


@dataclass(frozen=True, slots=True)
class PlannedSet:
    """One set: what to lift, how many times, how.

    `reps` None means as many as possible (to failure, as in a drop set) or, with
    `seconds`, a timed set; `reps_max`
    is the top of a range being climbed; `load` None means bodyweight or no load;
    `percent` is the planned load (before rounding to the equipment) as a share of
    the max named by `percent_of`.
    """

    kind: SetKind
    reps: int | None
    reps_max: int | None
    load: Fraction | None
    percent: Fraction | None
    percent_of: Literal["one_rm", "training_max"] | None
    rpe: Fraction | None
    rir: int | None
    tempo: str | None
    rest: int | None
    plates: tuple[Fraction, ...] | None
    # A timed set or hold: how long it lasts (reps is then None).
    seconds: int | None = None


@dataclass(frozen=True, slots=True)
class PlannedExercise:
    """An exercise in a session, with its sets in the order they are done."""

    exercise: str
    name: str
    prescribed: str
    equipment: str | None
    unilateral: bool
    bodyweight: Fraction | None
    band: str | None
    band_tension: Fraction | None
    technique: str | None
    notes: str
    cues: tuple[str, ...]
    sets: tuple[PlannedSet, ...]
    # What the training log says was done, when the session was logged.
    done: LoggedExercise | None = None
    # Its place in a superset or circuit of the session: A1, A2, B1 ...
    superset: str | None = None
    # A rule's state the sets do not show: "Stage 2 of 3 (...)", or that it is a test.
    status: str = ""


@dataclass(frozen=True, slots=True)
class PlannedSession:
    """A dated session. `moved_from` is the skipped date it was moved from, if it was.

    `logged` is the training log's entry for it; `missed` says it lies before the log's
    last entry and has none (the skip rule; under the shift rule no session is missed: it
    moves later, and the days that passed are its week's `skipped`). A session after the
    log's last entry is still the plan.
    """

    date: datetime.date
    week: int
    label: str
    title: str
    day_type: str | None
    moved_from: datetime.date | None
    notes: str
    exercises: tuple[PlannedExercise, ...]
    logged: LoggedSession | None = None
    missed: bool = False

    @property
    def weekday(self) -> str:
        return self.date.strftime("%a").lower()


@dataclass(frozen=True, slots=True)
class SkippedDate:
    """A training date that had no session, and what became of its session: moved in its
    week or dropped (the spec skips the date), or shifted (the training log has no entry
    for the session due that day, and under the shift rule it and the rest of the plan
    moved on to the next training day)."""

    date: datetime.date
    reason: str
    outcome: Literal["moved", "dropped", "shifted"]


@dataclass(frozen=True, slots=True)
class ExerciseSummary:
    """One exercise's week in numbers."""

    exercise: str
    hard_sets: int
    tonnage: Fraction
    mean_intensity: Fraction | None


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """A week in numbers, so deloads and waves are visible at a glance."""

    hard_sets: int
    tonnage: Fraction
    mean_intensity: Fraction | None
    exercises: tuple[ExerciseSummary, ...]


@dataclass(frozen=True, slots=True)
class PlannedWeek:
    """One program week: its phase, whether it is a deload, its sessions.

    A week runs seven days from `start`, the program's start plus whole weeks, unless the
    shift rule moved its sessions: then it starts as they moved, and it ends at its last
    session if that is later than seven days on.
    """

    number: int
    phase: str
    phase_index: int
    start: datetime.date
    deload: bool
    skipped: tuple[SkippedDate, ...]
    sessions: tuple[PlannedSession, ...]
    summary: WeekSummary

    @property
    def end(self) -> datetime.date:
        seventh = self.start + datetime.timedelta(days=6)
        return max(seventh, self.sessions[-1].date) if self.sessions else seventh


@dataclass(frozen=True, slots=True)
class Plan:
    """A program and every week it expands to."""

    program: Program
    weeks: tuple[PlannedWeek, ...]

    @property
    def sessions(self) -> tuple[PlannedSession, ...]:
        return tuple(session for week in self.weeks for session in week.sessions)
