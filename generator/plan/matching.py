"""Which planned session a log entry is: one rule, for the planner and the log checker.

An entry says the day it was done on, and may name the session it was by its label.
Of the planned sessions of the entry's week:

- a labelled entry is the session of that label planned on the entry's own date,
  else one of that label's other sessions, in week order (a session done on another
  day of its week is still that session);
- an unlabelled entry is the session planned on its day.

`candidates` gives one entry's sessions in that order of preference, so the log
checker can say whether the entry fits the week at all. `match` settles a whole
week at once, by the same order: an entry done on its session's own date keeps that
session, then the others, in date order, take the first of their candidates that no
other entry has taken.

Within a matched session, each prescription `claim`s the logged exercise it was.

This is the rule of `on_missed: skip`. Under `shift` the sessions are held in order
on the training days as they came instead (see generator.plan.shift).

>>> import datetime
>>> from generator.log.values import LoggedSession
>>> from generator.plan.calendar import Slot
>>> mon, wed, fri = (datetime.date(2027, 1, d) for d in (4, 6, 8))
>>> week = [Slot(mon, "A", "mon", None), Slot(wed, "B", "wed", None), Slot(fri, "A", "fri", None)]
>>> [slot.weekday for slot in candidates(week, fri, "A")]
['fri', 'mon']
>>> [slot.weekday for slot in candidates(week, wed, None)]
['wed']
>>> friday = LoggedSession(fri, "A", ())
>>> match(week, [friday]) == [None, None, friday]
True
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from generator.log.values import LoggedExercise, LoggedSession


class Session(Protocol):
    """A planned session as matching sees it: its label and its date."""

    @property
    def label(self) -> str: ...

    @property
    def date(self) -> datetime.date: ...


class Entry(Protocol):
    """A log entry as matching sees it: its date, and the label it names, if any."""

    @property
    def label(self) -> str | None: ...

    @property
    def date(self) -> datetime.date: ...


S = TypeVar("S", bound=Session)
E = TypeVar("E", bound=Entry)


def candidates(sessions: Sequence[S], day: datetime.date, label: str | None) -> tuple[S, ...]:
    """The sessions of a week an entry done on `day`, naming `label` (or None), may be,
    best first; none when it fits no session of the week."""
    return tuple(sessions[index] for index in _preferences(sessions, day, label))


def match(sessions: Sequence[S], entries: Sequence[E]) -> list[E | None]:
    """The entry that did each of a week's sessions (None: none did), from the week's
    entries in date order. An entry left without a session did none of them."""
    preferences = [_preferences(sessions, entry.date, entry.label) for entry in entries]
    owner: list[int | None] = [None] * len(sessions)
    placed: set[int] = set()
    for own_date_only in (True, False):
        for position, preferred in enumerate(preferences):
            if position in placed:
                continue
            day = entries[position].date
            for index in preferred:
                if owner[index] is None and (not own_date_only or sessions[index].date == day):
                    owner[index] = position
                    placed.add(position)
                    break
    return [entries[position] if position is not None else None for position in owner]


def week_entries(entries: Sequence[E], start: datetime.date) -> list[E]:
    """The entries of the week that starts on `start`, in the order given."""
    end = start + datetime.timedelta(days=6)
    return [entry for entry in entries if start <= entry.date <= end]


def _preferences(sessions: Sequence[Session], day: datetime.date, label: str | None) -> list[int]:
    """The positions of `candidates` in `sessions`."""
    if label is None:
        return [index for index, session in enumerate(sessions) if session.date == day]
    same = [index for index, session in enumerate(sessions) if session.label == label]
    return [i for i in same if sessions[i].date == day] + [
        i for i in same if sessions[i].date != day
    ]


def claim(
    entry: LoggedSession | None,
    claimed: dict[int, int],
    wanted: tuple[str, str],
    share: int | None = None,
) -> LoggedExercise | None:
    """What the log says was done of a prescription in a session: logged under the
    exercise it prescribes or the rung of its ladder planned that day (`wanted`), and not
    already taken by an earlier prescription of the session. `claimed` counts the sets
    taken of each logged exercise; `share`, when a later prescription of the session
    trains the same exercise, is how many sets this one takes (its planned sets), the
    rest being the later one's: a main lift and its 5 x 10 logged as one list."""
    if entry is None:
        return None
    for name in wanted:
        for index, done in enumerate(entry.exercises):
            taken = claimed.get(index, 0)
            if done.exercise != name or taken >= len(done.sets):
                continue
            end = len(done.sets) if share is None else min(len(done.sets), taken + share)
            claimed[index] = end
            if taken == 0 and end == len(done.sets):
                return done
            return replace(done, sets=done.sets[taken:end])
    return None
