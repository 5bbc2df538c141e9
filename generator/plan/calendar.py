"""The calendar: which sessions fall on which dates, week by week.

Each week is laid out first: its training days, the session labels taking them in
turn (a phase's turn carries on from week to week, unless the phase maps days to
labels), and its skipped dates moved to a free day of the week or dropped. This
depends on nothing the log changes, so every week is laid out before any session is
planned.

Which entry did which session, and on what date, is then settled from the layout by
the spec's rule for missed sessions (`on_missed`): skip matches entries to sessions by
the rule of generator.plan.matching, shift (see generator.plan.shift) holds the
sessions in order on the training days as they came.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from generator.log.values import LoggedSession, TrainingLog
from generator.plan.matching import match, week_entries
from generator.plan.shift import Due, reschedule, training_days
from generator.plan.values import SkippedDate
from generator.spec.model import WEEKDAYS, Phase, Program

# --- the layout ------------------------------------------------------------------------------


# What the plan says of a training day that passed with no entry under the shift rule.
SHIFTED_REASON = "session {label} was not logged"


@dataclass(frozen=True, slots=True)
class Slot:
    """One session's place in the week: its date, its label, the weekday it was laid
    out on, and the skipped date it was moved from."""

    date: datetime.date
    label: str
    weekday: str
    moved_from: datetime.date | None


@dataclass(frozen=True, slots=True)
class Calendar:
    """One week as the calendar lays it out: its sessions' slots, in date order, and what
    happened to its skipped dates."""

    slots: tuple[Slot, ...]
    skipped: tuple[SkippedDate, ...]


def week_calendars(program: Program) -> dict[int, Calendar]:
    """Every week's calendar by week number. Labels take the training days in turn, and a
    phase's turn carries on from week to week."""
    rotation: dict[int, int] = {}
    return {
        number: _calendar(program, phase, number, rotation)
        for phase in program.phases
        for number in range(phase.first_week, phase.last_week + 1)
    }


def _week_start(program: Program, number: int) -> datetime.date:
    return program.start + datetime.timedelta(weeks=number - 1)


def _calendar(program: Program, phase: Phase, number: int, rotation: dict[int, int]) -> Calendar:
    """The week's sessions: dates, labels and what happened to skipped dates."""
    start = _week_start(program, number)
    window = [start + datetime.timedelta(days=offset) for offset in range(7)]
    training = [day for day in window if WEEKDAYS[day.weekday()] in phase.days]
    labels = [template.label for template in phase.sessions]
    taken = set(training)
    slots: list[Slot] = []
    skipped: list[SkippedDate] = []
    for day in training:
        weekday = WEEKDAYS[day.weekday()]
        label = _label(phase, weekday, labels, rotation)
        if label is None:
            continue
        if day not in program.skips:
            slots.append(Slot(day, label, weekday, None))
            continue
        reason = program.skips[day].reason
        moved_to = _free_day(program, window, day, taken) if program.on_skip == "move" else None
        if moved_to is None:
            skipped.append(SkippedDate(day, reason, "dropped"))
            continue
        taken.add(moved_to)
        skipped.append(SkippedDate(day, reason, "moved"))
        slots.append(Slot(moved_to, label, weekday, day))
    slots.sort(key=lambda slot: slot.date)
    return Calendar(tuple(slots), tuple(skipped))


def _label(phase: Phase, weekday: str, labels: list[str], rotation: dict[int, int]) -> str | None:
    """Sessions take the training days in turn, unless the phase maps days to labels."""
    if phase.day_map is not None:
        return phase.day_map.get(weekday)
    if not labels:
        return None
    turn = rotation.get(phase.index, 0)
    rotation[phase.index] = turn + 1
    return labels[turn % len(labels)]


def _free_day(
    program: Program, window: list[datetime.date], day: datetime.date, taken: set[datetime.date]
) -> datetime.date | None:
    """The next day after `day` in the same week with no session and no skip."""
    for candidate in window:
        if candidate > day and candidate not in taken and candidate not in program.skips:
            return candidate
    return None


# --- the dates, once the log is read ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Turn:
    """How one slot's session is held: its date, the log's entry for it, whether it is
    missed (skip rule) and the training days that passed while it was due (shift rule)."""

    date: datetime.date
    entry: LoggedSession | None = None
    missed: bool = False
    passed: tuple[datetime.date, ...] = ()


@dataclass(frozen=True, slots=True)
class Dates:
    """A week's calendar once the log is read: where the week starts, and how each of its
    slots' sessions is held."""

    calendar: Calendar
    start: datetime.date
    turns: tuple[Turn, ...]


def week_dates(
    program: Program, calendars: dict[int, Calendar], log: TrainingLog
) -> dict[int, Dates]:
    """Every week's dates under the spec's rule for missed sessions."""
    if program.on_missed == "shift":
        return _shifted_dates(program, calendars, log)
    last = log.last_date
    dates = {}
    for number, calendar in calendars.items():
        start = _week_start(program, number)
        entries = match(calendar.slots, week_entries(log.sessions, start))
        turns = (
            Turn(slot.date, entry, entry is None and last is not None and slot.date < last)
            for slot, entry in zip(calendar.slots, entries, strict=True)
        )
        dates[number] = Dates(calendar, start, tuple(turns))
    return dates


def _shifted_dates(
    program: Program, calendars: dict[int, Calendar], log: TrainingLog
) -> dict[int, Dates]:
    """The shift rule. A week starts as many days later as its first session moved (a
    week with no session, as many as the session before it), or earlier, at the first
    training day it lists as passed, so that its heading never comes after what it shows.
    """
    turns = _shifted_turns(program, calendars, log)
    dates = {}
    moved = datetime.timedelta(0)
    for number, calendar in calendars.items():
        week = turns[number]
        if week:
            moved = week[0].date - calendar.slots[0].date
        passed = [day for turn in week for day in turn.passed]
        start = min([_week_start(program, number) + moved, *passed])
        dates[number] = Dates(calendar, start, tuple(week))
    return dates


def _shifted_turns(
    program: Program, calendars: dict[int, Calendar], log: TrainingLog
) -> dict[int, list[Turn]]:
    """Each week's turns under the shift rule: the sessions in program order, held on
    the training days as they came (see generator.plan.shift)."""
    due = [
        Due(number, slot.label, slot.date)
        for number, calendar in calendars.items()
        for slot in calendar.slots
    ]
    days = training_days(program, [session.date for session in due])
    rescheduled = reschedule(due, days, [entry.date for entry in log.sessions])
    turns: dict[int, list[Turn]] = {number: [] for number in calendars}
    for session, held in zip(due, rescheduled.held, strict=True):
        entry = log.sessions[held.entry] if held.entry is not None else None
        turns[session.week].append(Turn(held.date, entry, passed=held.passed))
    return turns


def skipped_dates(dates: Dates) -> tuple[SkippedDate, ...]:
    """The week's skipped dates, and the training days that passed with its sessions due,
    in date order."""
    passed = [
        SkippedDate(day, SHIFTED_REASON.format(label=slot.label), "shifted")
        for slot, turn in zip(dates.calendar.slots, dates.turns, strict=True)
        for day in turn.passed
    ]
    return tuple(sorted((*dates.calendar.skipped, *passed), key=lambda skip: skip.date))
