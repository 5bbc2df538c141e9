"""The shift rule for missed sessions (`schedule.on_missed: shift`), as pure functions.

Under the skip rule a session has its date and the log is matched to it by date. Under
shift the program is a queue: its sessions are done in order, each on the next training
day after the one before, so a missed day delays every session after it rather than
losing one. Expansion and the log check both need the same answer to "which session did
this entry do, and when is each session held", so it is worked out here once, from the
projected calendar alone (the calendar does not depend on the log or on progression).

The training days a session can fall due on are the planned dates of the projection, in
order, then (once the plan runs past its last week) the last phase's training weekdays,
week after week, never on a skipped date.

The rule, session by session in program order, with `due` the next training day not yet
used: the next log entry does the session if it is dated before the training day after
`due` (early, on the day, or late on a rest day before the next training day); otherwise,
if there is a later entry, `due` passed without training: it is recorded, and the session
falls due on the next training day; with no entry left, the session is planned on `due`.

>>> monday = datetime.date(2027, 1, 4)
>>> days = TrainingDays.of([monday, monday + DAY * 2, monday + DAY * 4], ("mon", "wed", "fri"))
>>> sessions = [Due(1, label, day) for label, day in zip("ABA", days.planned)]
>>> held = reschedule(sessions, days, [monday + DAY * 4]).held
>>> [(h.date.isoformat(), h.entry, [d.isoformat() for d in h.passed]) for h in held]
[('2027-01-08', 0, ['2027-01-04', '2027-01-06']), ('2027-01-11', None, []), \
('2027-01-13', None, [])]
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from generator.spec.model import WEEKDAYS, Program

DAY = datetime.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Due:
    """A session of the projection, in program order: its week, label and planned date."""

    week: int
    label: str
    date: datetime.date


@dataclass(frozen=True, slots=True)
class Held:
    """When a session is held under the shift rule.

    `due` is the date it fell due once the sessions before it were done: where the plan
    put it before the entry that did it (error messages quote it). `date` is the day it
    was done (the entry's date) or is now planned. `entry` is the index of the log entry
    that did it. `passed` are the training days that went by with no entry while it was
    due; the session's week lists them, since each moved the rest of the plan on a day.
    """

    due: datetime.date
    date: datetime.date
    entry: int | None
    passed: tuple[datetime.date, ...]


@dataclass(frozen=True, slots=True)
class Rescheduled:
    """Every session's `Held`, in program order, and how many log entries they used: any
    entries after those are beyond the end of the shifted plan."""

    held: tuple[Held, ...]
    used: int


@dataclass(frozen=True, slots=True)
class TrainingDays:
    """The days a session can fall due on: the projection's planned dates (sorted), then
    past `end` the `weekdays` of every week, except the `skips`."""

    planned: tuple[datetime.date, ...]
    end: datetime.date
    weekdays: frozenset[str]
    skips: Collection[datetime.date] = frozenset()

    @classmethod
    def of(
        cls,
        planned: Sequence[datetime.date],
        weekdays: Sequence[str],
        skips: Collection[datetime.date] = frozenset(),
        end: datetime.date | None = None,
    ) -> TrainingDays:
        """The training days from planned dates; the plan ends at `end` (default: its last
        planned date). With no weekdays to go on, every day of the week will do, so that
        the days after the plan never run out."""
        last = end if end is not None else max(planned, default=datetime.date.min)
        return cls(tuple(sorted(planned)), last, frozenset(weekdays or WEEKDAYS), skips)

    def first(self, day: datetime.date) -> datetime.date:
        """The first training day on or after `day`."""
        index = bisect.bisect_left(self.planned, day)
        if index < len(self.planned):
            return self.planned[index]
        candidate = max(day, self.end + DAY)
        while WEEKDAYS[candidate.weekday()] not in self.weekdays or candidate in self.skips:
            candidate += DAY
        return candidate


def training_days(program: Program, planned: Sequence[datetime.date]) -> TrainingDays:
    """A program's training days for the shift rule, from its projection's planned dates.

    Past its last week the program goes on with its last phase's training weekdays: the
    days the athlete trains on when the plan runs over.
    """
    end = program.start + datetime.timedelta(weeks=program.weeks) - DAY
    return TrainingDays.of(planned, program.phases[-1].days, program.skips, end)


def reschedule(
    sessions: Sequence[Due], days: TrainingDays, entries: Sequence[datetime.date]
) -> Rescheduled:
    """Each session's date under the shift rule, given the log's entry dates in order."""
    held: list[Held] = []
    used = 0
    after = datetime.date.min  # the first day the next session may fall due
    for _ in sessions:
        due = when = days.first(after)
        passed: list[datetime.date] = []
        while used < len(entries) and entries[used] >= days.first(when + DAY):
            passed.append(when)
            when = days.first(when + DAY)
        if used < len(entries):
            held.append(Held(due, entries[used], used, tuple(passed)))
            after = entries[used] + DAY
            used += 1
        else:
            held.append(Held(due, when, None, tuple(passed)))
            after = when + DAY
    return Rescheduled(tuple(held), used)
