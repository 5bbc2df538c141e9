"""The training log: what was actually done, as immutable values the engine re-plans from.

A program's log lives beside its spec as `<spec name>.log.yaml`. Like a spec it is read
by the hardened loader and checked by a schema, then against the program it belongs to,
so every mistake is reported at its `file:line:col`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction

from generator.wording import number_text


@dataclass(frozen=True, slots=True)
class LoggedSet:
    """One set as it was done: reps at a load (None for bodyweight), perhaps an RPE."""

    reps: int
    load: Fraction | None
    rpe: Fraction | None = None
    note: str = ""
    # A timed set or hold: how long it was held (reps is then 0).
    seconds: int | None = None


@dataclass(frozen=True, slots=True)
class LoggedExercise:
    """An exercise's sets in one session, named by the exercise id the spec uses."""

    exercise: str
    sets: tuple[LoggedSet, ...]


@dataclass(frozen=True, slots=True)
class LoggedSession:
    """One training day as it happened. `label` is the planned session it was (A, B, ...),
    when the log says so; otherwise it is the session planned on that date."""

    date: datetime.date
    label: str | None
    exercises: tuple[LoggedExercise, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class TrainingLog:
    """Everything logged for one program, in date order, at most one entry per date."""

    program: str
    sessions: tuple[LoggedSession, ...]

    @property
    def last_date(self) -> datetime.date | None:
        return self.sessions[-1].date if self.sessions else None


EMPTY_LOG = TrainingLog(program="", sessions=())


def set_text(logged: LoggedSet) -> str:
    """A set in the notation, e.g. for a log written by a program.

    >>> set_text(LoggedSet(10, Fraction(125, 2), Fraction(8)))
    '10@62.5@8'
    >>> set_text(LoggedSet(0, None, seconds=40))
    '40s@bw'
    """
    load = "bw" if logged.load is None else number_text(logged.load)
    rpe = f"@{number_text(logged.rpe)}" if logged.rpe is not None else ""
    done = f"{logged.seconds}s" if logged.seconds is not None else str(logged.reps)
    return f"{done}@{load}{rpe}"
