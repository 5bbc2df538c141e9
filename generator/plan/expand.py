"""Expansion: from a program to every dated session it implies.

A pure function of the program: no I/O, no clock. It walks the weeks in order,
lays each one out on the calendar (training days, skipped dates moved or
dropped, session labels in turn), and works out every exercise's sets from its
prescription, its phase's model and the progression so far.

Progression is a small state per prescription, advanced by clocks that count the
prescription's own sessions and weeks outside deloads; so a deload pauses it,
and a dropped session does not count as done.

A training log, when given, is read as the weeks are walked: what was done in a
session changes the state the following sessions are planned from (by the rules
the spec states), never the session itself. Without a log, or with one in which
every set met its target, the plan is the projection.

The calendar is laid out for every week before any session is planned, because it
depends on nothing the log changes; which entry did which session, and on what date,
is then settled from it by the spec's rule for missed sessions (`on_missed`): skip
matches entries to sessions by date, shift (see generator.plan.shift) holds the sessions
in order on the training days as they came.
"""

from __future__ import annotations

import datetime
import functools
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from generator.errors import PlanLimitError
from generator.log.values import EMPTY_LOG, LoggedExercise, LoggedSession, TrainingLog
from generator.plan.maths import (
    Rounding,
    estimate_one_rm,
    round_barbell,
    round_choices,
    round_stack,
    rpe_percent,
    warmup_ramp,
)
from generator.plan.shift import Due, reschedule, training_days
from generator.plan.values import (
    HARD_KINDS,
    ExerciseSummary,
    Plan,
    PlannedExercise,
    PlannedSession,
    PlannedSet,
    PlannedWeek,
    SkippedDate,
    WeekSummary,
)
from generator.spec.defaults import HEAVIEST_LOAD
from generator.spec.model import (
    WEEKDAYS,
    Amount,
    DayType,
    DeloadRule,
    Equipment,
    Exercise,
    Linear,
    Max,
    Phase,
    Prescription,
    Program,
    Step,
    Technique,
    Warmup,
    max_of,
)
from generator.spec.notation import LoadSpec, Reps, parse_tempo

Key = tuple[int, str, int]  # phase index, session label, position in the session

# What the plan says of a training day that passed with no entry under the shift rule.
SHIFTED_REASON = "session {label} was not logged"


def expand(program: Program, log: TrainingLog = EMPTY_LOG) -> Plan:
    """Every week of the program, with every session's exercises and sets, re-planned
    from what the log says was done."""
    _ROUNDED.clear()
    dates = _dates(program, _calendars(program), log)
    state = _State()
    weeks = []
    for phase in program.phases:
        for number in range(phase.first_week, phase.last_week + 1):
            weeks.append(_week(program, phase, number, state, dates[number]))
        state.close_phase(program, phase)
    return Plan(program, tuple(weeks))


# --- state carried from week to week ---------------------------------------------------------


@dataclass
class _Clock:
    """Counts a step's time: occurrences and weeks, outside deloads."""

    occurrences: int = 0
    weeks: int = 0
    week: int | None = None
    fired: int = 0


@dataclass
class _Progress:
    """How far one prescription has progressed."""

    clocks: dict[tuple[int, ...], _Clock] = field(default_factory=dict)
    load_add: Fraction = Fraction(0)
    load_factor: Fraction = Fraction(1)
    base_override: Fraction | None = None
    double_reps: int = 0
    sets_add: int = 0
    reps_add: int = 0
    tempo_index: int = 0
    pause_add: int = 0
    rest_add: int = 0
    rung: int = 0
    # From the log: hold the next double progression step (the target was not met),
    # and how many sessions in a row had a set below the bottom of the range.
    hold: bool = False
    misses: int = 0

    def clock(self, path: tuple[int, ...]) -> _Clock:
        return self.clocks.setdefault(path, _Clock())


@dataclass
class _State:
    """Everything expansion remembers between weeks."""

    progress: dict[Key, _Progress] = field(default_factory=dict)
    training_weeks: dict[int, int] = field(default_factory=dict)
    wave_cycles: dict[str, int] = field(default_factory=dict)
    technique_weeks: dict[str, int] = field(default_factory=dict)
    # Logged AMRAP sets by exercise and wave cycle: (every one met its reps, best estimate).
    amraps: dict[tuple[str, int], tuple[bool, Fraction | None]] = field(default_factory=dict)

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


# --- the calendar ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Slot:
    date: datetime.date
    label: str
    weekday: str
    moved_from: datetime.date | None


@dataclass(frozen=True, slots=True)
class _Calendar:
    """One week as the calendar lays it out: its sessions' slots, in date order, and what
    happened to its skipped dates."""

    slots: tuple[_Slot, ...]
    skipped: tuple[SkippedDate, ...]


def _calendars(program: Program) -> dict[int, _Calendar]:
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


def _calendar(program: Program, phase: Phase, number: int, rotation: dict[int, int]) -> _Calendar:
    """The week's sessions: dates, labels and what happened to skipped dates."""
    start = _week_start(program, number)
    window = [start + datetime.timedelta(days=offset) for offset in range(7)]
    training = [day for day in window if WEEKDAYS[day.weekday()] in phase.days]
    labels = [template.label for template in phase.sessions]
    taken = set(training)
    slots: list[_Slot] = []
    skipped: list[SkippedDate] = []
    for day in training:
        weekday = WEEKDAYS[day.weekday()]
        label = _label(phase, weekday, labels, rotation)
        if label is None:
            continue
        if day not in program.skips:
            slots.append(_Slot(day, label, weekday, None))
            continue
        reason = program.skips[day].reason
        moved_to = _free_day(program, window, day, taken) if program.on_skip == "move" else None
        if moved_to is None:
            skipped.append(SkippedDate(day, reason, "dropped"))
            continue
        taken.add(moved_to)
        skipped.append(SkippedDate(day, reason, "moved"))
        slots.append(_Slot(moved_to, label, weekday, day))
    slots.sort(key=lambda slot: slot.date)
    return _Calendar(tuple(slots), tuple(skipped))


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
class _Turn:
    """How one slot's session is held: its date, the log's entry for it, whether it is
    missed (skip rule) and the training days that passed while it was due (shift rule)."""

    date: datetime.date
    entry: LoggedSession | None = None
    missed: bool = False
    passed: tuple[datetime.date, ...] = ()


@dataclass(frozen=True, slots=True)
class _Dates:
    """A week's calendar once the log is read: where the week starts, and how each of its
    slots' sessions is held."""

    calendar: _Calendar
    start: datetime.date
    turns: tuple[_Turn, ...]


def _dates(
    program: Program, calendars: dict[int, _Calendar], log: TrainingLog
) -> dict[int, _Dates]:
    """Every week's dates under the spec's rule for missed sessions."""
    if program.on_missed == "shift":
        return _shifted_dates(program, calendars, log)
    last = log.last_date
    dates = {}
    for number, calendar in calendars.items():
        start = _week_start(program, number)
        entries = _logged(calendar.slots, start, log)
        turns = (
            _Turn(slot.date, entry, entry is None and last is not None and slot.date < last)
            for slot, entry in zip(calendar.slots, entries, strict=True)
        )
        dates[number] = _Dates(calendar, start, tuple(turns))
    return dates


def _shifted_dates(
    program: Program, calendars: dict[int, _Calendar], log: TrainingLog
) -> dict[int, _Dates]:
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
        dates[number] = _Dates(calendar, start, tuple(week))
    return dates


def _shifted_turns(
    program: Program, calendars: dict[int, _Calendar], log: TrainingLog
) -> dict[int, list[_Turn]]:
    """Each week's turns under the shift rule: the sessions in program order, held on
    the training days as they came (see generator.plan.shift)."""
    due = [
        Due(number, slot.label, slot.date)
        for number, calendar in calendars.items()
        for slot in calendar.slots
    ]
    days = training_days(program, [session.date for session in due])
    rescheduled = reschedule(due, days, [entry.date for entry in log.sessions])
    turns: dict[int, list[_Turn]] = {number: [] for number in calendars}
    for session, held in zip(due, rescheduled.held, strict=True):
        entry = log.sessions[held.entry] if held.entry is not None else None
        turns[session.week].append(_Turn(held.date, entry, passed=held.passed))
    return turns


def _skipped(dates: _Dates) -> tuple[SkippedDate, ...]:
    """The week's skipped dates, and the training days that passed with its sessions due,
    in date order."""
    passed = [
        SkippedDate(day, SHIFTED_REASON.format(label=slot.label), "shifted")
        for slot, turn in zip(dates.calendar.slots, dates.turns, strict=True)
        for day in turn.passed
    ]
    return tuple(sorted((*dates.calendar.skipped, *passed), key=lambda skip: skip.date))


# --- one week --------------------------------------------------------------------------------


def _week(program: Program, phase: Phase, number: int, state: _State, dates: _Dates) -> PlannedWeek:
    slots = dates.calendar.slots
    deload = number in program.deloads
    rule = program.deloads.get(number)
    week_in_phase = number - phase.first_week + 1
    training_week = state.training_weeks.get(phase.index, 0)
    templates = {template.label: template for template in phase.sessions}
    contents = _session_contents(phase, slots, training_week)
    sessions = []
    for slot, keys, turn in zip(slots, contents, dates.turns, strict=True):
        template = templates[slot.label]
        day_type = phase.day_types.get(slot.weekday)
        context = _Context(program, phase, number, week_in_phase, training_week, deload, rule)
        claimed: set[int] = set()
        exercises = []
        for key in keys:
            item = _item(phase, key)
            with _load_limit(context, key, item):
                exercises.append(
                    _exercise(
                        context,
                        key,
                        item,
                        day_type.name if day_type else None,
                        state,
                        logged=(turn.entry, claimed),
                    )
                )
        sessions.append(
            PlannedSession(
                date=turn.date,
                week=number,
                label=slot.label,
                title=template.title,
                day_type=day_type.name if day_type else None,
                moved_from=slot.moved_from,
                notes=template.notes,
                exercises=tuple(exercises),
                logged=turn.entry,
                missed=turn.missed,
            )
        )
    if not deload:
        state.training_weeks[phase.index] = training_week + 1
    return PlannedWeek(
        number=number,
        phase=phase.name,
        phase_index=phase.index,
        start=dates.start,
        deload=deload,
        skipped=_skipped(dates),
        sessions=tuple(sessions),
        summary=_summary(program, sessions),
    )


def _logged(
    slots: Sequence[_Slot], start: datetime.date, log: TrainingLog
) -> list[LoggedSession | None]:
    """The log's entry for each of the week's sessions: the one that names the session's
    label that week, else the one on its date that names no label."""
    end = start + datetime.timedelta(days=6)
    week = [entry for entry in log.sessions if start <= entry.date <= end]
    found: list[LoggedSession | None] = [None] * len(slots)
    if not week:
        return found
    taken: set[int] = set()
    for by_label in (True, False):
        for index, slot in enumerate(slots):
            if found[index] is not None:
                continue
            for position, entry in enumerate(week):
                fits = (
                    entry.label == slot.label
                    if by_label
                    else entry.label is None and entry.date == slot.date
                )
                if position not in taken and fits:
                    found[index] = entry
                    taken.add(position)
                    break
    return found


def _claim(
    entry: LoggedSession | None, claimed: set[int], prescribed: str, done_as: str
) -> LoggedExercise | None:
    """What the log says was done of a prescription in a session: logged under the
    exercise it prescribes or the rung of its ladder planned that day, and not already
    taken by an earlier prescription of the session."""
    if entry is None:
        return None
    for wanted in (prescribed, done_as):
        for index, done in enumerate(entry.exercises):
            if index not in claimed and done.exercise == wanted:
                claimed.add(index)
                return done
    return None


def _item(phase: Phase, key: Key) -> Prescription:
    template = next(template for template in phase.sessions if template.label == key[1])
    return template.items[key[2]]


def _session_contents(phase: Phase, slots: Sequence[_Slot], training_week: int) -> list[list[Key]]:
    """Which prescriptions each session holds, after frequency steps add extra sessions."""
    sizes = {template.label: len(template.items) for template in phase.sessions}
    contents: list[list[Key]] = [
        [(phase.index, slot.label, index) for index in range(sizes[slot.label])] for slot in slots
    ]
    for template in phase.sessions:
        for index, item in enumerate(template.items):
            extra = _extra_sessions(item, training_week)
            if not extra:
                continue
            key = (phase.index, template.label, index)
            holders = [position for position, keys in enumerate(contents) if key in keys]
            if not holders:
                continue
            others = [p for p in range(len(contents)) if p not in holders and p > holders[0]]
            others += [p for p in range(len(contents)) if p not in holders and p < holders[0]]
            for position in others[:extra]:
                contents[position].append(key)
    return contents


def _extra_sessions(item: Prescription, training_week: int) -> int:
    """Extra sessions a week from frequency steps, counted in training weeks of the phase."""
    extra = 0
    for step in _flat_steps(item.progress):
        if step.method == "frequency":
            added = step.count * (training_week // step.every.count)
            ceiling = (step.high or 1) - 1
            extra = max(extra, min(added, ceiling))
    return extra


def _flat_steps(steps: Sequence[Step]) -> Iterator[Step]:
    for step in steps:
        yield step
        yield from _flat_steps(step.steps)


# --- one exercise ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    program: Program
    phase: Phase
    week: int
    week_in_phase: int
    training_week: int
    deload: bool
    rule: DeloadRule | None


@dataclass(frozen=True, slots=True)
class _Target:
    """An exercise's values for one session, before sets are written out."""

    exercise: Exercise
    sets: int
    reps: Reps
    reps_target: int | None
    load: Fraction | None
    basis: Fraction | None
    percent_of: Literal["one_rm", "training_max"] | None
    rpe: Fraction | None
    tempo: str | None
    rest: int


class _TooHeavy(Exception):
    """A load past HEAVIEST_LOAD, caught where the prescription it belongs to is known."""

    def __init__(self, load: Fraction) -> None:
        super().__init__(str(load))
        self.load = load


@contextmanager
def _load_limit(context: _Context, key: Key, item: Prescription) -> Iterator[None]:
    """Turn a load past HEAVIEST_LOAD, found deep in rounding, into PlanLimitError naming
    the prescription, the week and the session."""
    try:
        yield
    except _TooHeavy as heavy:
        units = context.program.units
        raise PlanLimitError(
            key,
            f"{item.exercise}'s load reaches {_rough(heavy.load)} {units} in week "
            f"{context.week} (session {key[1]}), past the heaviest a plan may hold, "
            f"{HEAVIEST_LOAD} {units}: check its load, its max and how it progresses",
        ) from None


def _rough(load: Fraction) -> str:
    """A load past the limit, short enough to read (12,345.5), however far past it is."""
    if load < 10**15:
        return f"{float(load):,.1f}".removesuffix(".0")
    return f"about 10^{round(int(load).bit_length() * math.log10(2))}"


def _exercise(
    context: _Context,
    key: Key,
    item: Prescription,
    day_type: str | None,
    state: _State,
    *,
    logged: tuple[LoggedSession | None, set[int]] | None = None,
) -> PlannedExercise:
    entry, claimed = logged if logged is not None else (None, set())
    program = context.program
    progress = state.progress.setdefault(key, _Progress())
    base = program.exercises[item.exercise]
    technique = _technique_due(context, item, state)
    if item.wave and context.phase.model == "wave":
        sets = _wave_sets(context, item, base, state)
        rung_exercise = base
        done = _claim(entry, claimed, item.exercise, base.id)
        if done is not None:
            _learn_amrap(context, item, sets, done, state)
    else:
        base_load = _base_load(context, item, day_type)
        if not context.deload:
            _advance(context, item, day_type, progress, base_load)
        target = _target(context, item, day_type, progress, base_load)
        rung_exercise = target.exercise
        sets = _sets(context, item, target, technique)
        done = _claim(entry, claimed, item.exercise, rung_exercise.id)
        if done is not None and not context.deload:
            _learn_double(item, target.reps, sets, done, progress)
    return PlannedExercise(
        exercise=rung_exercise.id,
        name=rung_exercise.name,
        prescribed=item.exercise,
        equipment=rung_exercise.equipment.name if rung_exercise.equipment else None,
        unilateral=rung_exercise.unilateral,
        bodyweight=_bodyweight_delta(item),
        band=item.band,
        band_tension=_band_tension(program, item.band),
        technique=technique.kind if technique is not None else None,
        notes=item.notes or rung_exercise.notes,
        cues=item.cues or rung_exercise.cues,
        sets=sets,
        done=done,
    )


def _bodyweight_delta(item: Prescription) -> Fraction | None:
    return item.load.value if item.load is not None and item.load.kind == "bodyweight" else None


def _band_tension(program: Program, band: str | None) -> Fraction | None:
    for equipment in program.equipment.values():
        if band is not None and band in equipment.bands:
            return equipment.bands[band]
    return None


# --- loads -----------------------------------------------------------------------------------


def _load_spec(context: _Context, item: Prescription, day_type: str | None) -> LoadSpec | None:
    """The load as the prescription, the day type or the linear phase states it."""
    if item.load is not None:
        return item.load
    weekday_type = _day_type(context.phase, day_type)
    if weekday_type is not None and weekday_type.load is not None:
        return weekday_type.load
    linear = _linear(context)
    if linear is not None and linear.load is not None:
        first, last = linear.load
        share = _line_share(context)
        return LoadSpec(first.kind, first.value + (last.value - first.value) * share, first.of)
    return None


def _linear(context: _Context) -> Linear | None:
    return context.phase.linear if context.phase.model == "linear" else None


def _model_count(
    context: _Context, day_type: str | None, name: Literal["sets", "reps"]
) -> int | None:
    """Sets or reps as the day type or the linear line gives them, when the exercise does not."""
    weekday_type = _day_type(context.phase, day_type)
    if weekday_type is not None and name == "sets" and weekday_type.sets is not None:
        return weekday_type.sets
    linear = _linear(context)
    ends = (linear.sets if name == "sets" else linear.reps) if linear is not None else None
    return _interpolate(ends, _line_share(context)) if ends is not None else None


def _day_type(phase: Phase, name: str | None) -> DayType | None:
    for day_type in phase.day_types.values():
        if day_type.name == name:
            return day_type
    return None


def _line_share(context: _Context) -> Fraction:
    """How far through a linear phase this week is, 0 at the first training week, 1 at the last."""
    phase = context.phase
    training_weeks = sum(
        1
        for week in range(phase.first_week, phase.last_week + 1)
        if week not in context.program.deloads
    )
    if training_weeks <= 1:
        return Fraction(0)
    # A deload holds the point of the training week before it: progression pauses.
    done = context.training_week - 1 if context.deload else context.training_week
    return Fraction(min(max(done, 0), training_weeks - 1), training_weeks - 1)


def _base_load(context: _Context, item: Prescription, day_type: str | None) -> Fraction | None:
    """The load before progression, unrounded; None for bodyweight or no load."""
    spec = _load_spec(context, item, day_type)
    if spec is None or spec.kind == "bodyweight":
        return None
    if spec.kind == "absolute":
        return spec.value
    if spec.kind == "percent":
        basis = max_of(context.program, item.exercise, spec.of)
        return spec.value * basis if basis is not None else None
    one_rm = max_of(context.program, item.exercise, "one_rm")
    reps = _base_reps(context, item, day_type)
    return rpe_percent(reps.high, spec.value) * one_rm if one_rm is not None else None


def _base_reps(context: _Context, item: Prescription, day_type: str | None) -> Reps:
    """The exercise's own reps, else its day type's or the linear line's, else the goal's range."""
    if item.reps is not None:
        return item.reps
    weekday_type = _day_type(context.phase, day_type)
    if weekday_type is not None and weekday_type.reps is not None:
        return weekday_type.reps
    reps = _model_count(context, day_type, "reps")
    return Reps(reps, reps) if reps is not None else context.phase.goal_reps


def _base_sets(context: _Context, item: Prescription, day_type: str | None) -> int:
    """The exercise's own sets, else its day type's or the linear line's, else the defaults."""
    if item.sets is not None:
        return item.sets
    sets = _model_count(context, day_type, "sets")
    return sets if sets is not None else item.default_sets


def _interpolate(ends: tuple[int, int], share: Fraction) -> int:
    """A whole number on the straight line between two, rounded half up."""
    value = ends[0] + (ends[1] - ends[0]) * share
    return int(value + Fraction(1, 2)) if value >= 0 else round(value)


def _round(
    equipment: Equipment | None, load: Fraction
) -> tuple[Fraction, tuple[Fraction, ...] | None]:
    """The load the equipment makes, and the plates per side for a barbell.

    Every planned load comes through here, so here is where a runaway one is stopped,
    before a barbell's plate table is sized by it.
    """
    if load > HEAVIEST_LOAD:
        raise _TooHeavy(load)
    if equipment is None:
        return load, None
    memo = _memo(equipment).loads
    made = memo.get(load)
    if made is None:
        made = memo[load] = _made(
            load,
            kind=equipment.kind,
            bar=equipment.bar,
            plates=equipment.plates,
            loads=equipment.loads,
            step=equipment.step,
            minimum=equipment.minimum,
            maximum=equipment.maximum,
            rounding=equipment.rounding,
        )
    return made


@dataclass(frozen=True, slots=True)
class _Memo:
    """What one piece of equipment has made so far: loads as rounded, with their plates,
    and warm-up sets by (first work load, warm-up rule)."""

    equipment: Equipment
    loads: dict[Fraction, tuple[Fraction, tuple[Fraction, ...] | None]] = field(
        default_factory=dict
    )
    warmups: dict[tuple[Fraction, Warmup], tuple[PlannedSet, ...]] = field(default_factory=dict)


# By the equipment's identity: looking a load up in _made's cache hashes the whole
# equipment (a dozen Fractions) every time, which was half of expansion. Cleared by each
# expansion, so it holds one program's equipment; the identity check keeps a reused id
# from answering for other equipment.
_ROUNDED: dict[int, _Memo] = {}


def _memo(equipment: Equipment) -> _Memo:
    memo = _ROUNDED.get(id(equipment))
    if memo is None or memo.equipment is not equipment:
        memo = _ROUNDED[id(equipment)] = _Memo(equipment)
    return memo


@functools.lru_cache(maxsize=8192)
def _made(
    load: Fraction,
    *,
    kind: str,
    bar: Fraction | None,
    plates: tuple[Fraction, ...],
    loads: tuple[Fraction, ...],
    step: Fraction | None,
    minimum: Fraction | None,
    maximum: Fraction | None,
    rounding: Rounding,
) -> tuple[Fraction, tuple[Fraction, ...] | None]:
    # Cached: a plan asks for the same few loads thousands of times, and finding the
    # fewest plates is the costliest step of expansion.
    if kind == "barbell" and bar is not None:
        made = round_barbell(load, bar, plates, rounding)
        return made.total, made.per_side
    if kind in ("dumbbells", "kettlebells"):
        return round_choices(load, loads, rounding), None
    if kind == "machine" and step is not None:
        lowest = minimum if minimum is not None else step
        return round_stack(load, step, lowest, maximum, rounding), None
    return load, None


# --- progression -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Moment:
    """When steps fire: the week, and the reps range and unprogressed load of the session."""

    week: int
    reps: Reps
    base_load: Fraction | None
    equipment: Equipment | None


def _advance(
    context: _Context,
    item: Prescription,
    day_type: str | None,
    progress: _Progress,
    base_load: Fraction | None,
) -> None:
    """Fire every step whose time has come, before this session's values are taken."""
    exercise = _rung(context.program, item, progress, list(_flat_steps(item.progress)))
    reps = _base_reps(context, item, day_type)
    moment = _Moment(context.week, reps, base_load, exercise.equipment)
    _advance_steps(item.progress, (), progress, moment, active=True)


def _advance_steps(
    steps: Sequence[Step],
    path: tuple[int, ...],
    progress: _Progress,
    moment: _Moment,
    *,
    active: bool,
) -> None:
    """Tick each step's clock; a rotation lets only its current step's clock run."""
    for index, step in enumerate(steps):
        clock = progress.clock((*path, index))
        if not active:
            continue
        if clock.week is not None and clock.week != moment.week:
            clock.weeks += 1
        clock.week = moment.week
        elapsed = clock.occurrences if step.every.unit == "session" else clock.weeks
        ticks = elapsed // step.every.count
        if step.method == "rotate":
            chosen = ticks % len(step.steps)
            for inner_index, inner in enumerate(step.steps):
                inner_path = (*path, index, inner_index)
                _advance_steps((inner,), inner_path, progress, moment, active=inner_index == chosen)
        else:
            while clock.fired < ticks:
                _apply(step, progress, moment)
                clock.fired += 1
        clock.occurrences += 1


def _apply(step: Step, progress: _Progress, moment: _Moment) -> None:
    method = step.method
    if method == "load" and step.amount is not None:
        if step.amount.relative:
            progress.load_factor *= 1 + step.amount.value
        else:
            progress.load_add += step.amount.value
    elif method == "double" and step.amount is not None:
        span = moment.reps.high - moment.reps.low
        if progress.hold:
            progress.hold = False  # the log says the target was not met: repeat it
        elif progress.double_reps < span:
            progress.double_reps = min(progress.double_reps + step.count, span)
        elif _heavier_exists(progress, moment, step.amount):
            progress.double_reps = 0
            if step.amount.relative:
                progress.load_factor *= 1 + step.amount.value
            else:
                progress.load_add += step.amount.value
    elif method == "sets":
        progress.sets_add += step.count
    elif method == "reps":
        progress.reps_add += step.count
    elif method == "tempo":
        progress.tempo_index += 1
    elif method == "pause":
        progress.pause_add += step.seconds
    elif method == "rest":
        progress.rest_add += step.seconds
    elif method == "variation" and step.amount is not None:
        current = _progressed_load(progress, moment.base_load)
        progress.rung += 1
        if current is not None:
            reset = step.amount
            progress.base_override = current * reset.value if reset.relative else reset.value
            progress.load_add, progress.load_factor = Fraction(0), Fraction(1)


def _heavier_exists(progress: _Progress, moment: _Moment, amount: Amount) -> bool:
    """Whether adding `amount` gives a load the equipment makes heavier than today's.

    At the top of a dumbbell rack, or in a gap in it, reps stay at the top of the
    range rather than falling back for the same load.
    """
    current = _progressed_load(progress, moment.base_load)
    if current is None or moment.equipment is None:
        return True
    return _round(moment.equipment, amount.apply(current))[0] > _round(moment.equipment, current)[0]


def _progressed_load(progress: _Progress, base_load: Fraction | None) -> Fraction | None:
    base = progress.base_override if progress.base_override is not None else base_load
    if base is None:
        return None
    return base * progress.load_factor + progress.load_add


def _target(
    context: _Context,
    item: Prescription,
    day_type: str | None,
    progress: _Progress,
    base_load: Fraction | None,
) -> _Target:
    steps = list(_flat_steps(item.progress))
    exercise = _rung(context.program, item, progress, steps)
    sets = max(1, _limited(_base_sets(context, item, day_type), progress.sets_add, steps, "sets"))
    reps = _progressed_reps(_base_reps(context, item, day_type), progress, steps)
    climbed = min(progress.double_reps, reps.high - reps.low)
    reps_target: int | None = reps.low + climbed if _has(steps, "double") else None
    load = _progressed_load(progress, base_load)
    for step in steps:
        if step.method == "load" and step.cap is not None and load is not None:
            load = min(load, step.cap)
    spec = _load_spec(context, item, day_type)
    percent_of: Literal["one_rm", "training_max"] | None = None
    if spec is not None and spec.kind in ("percent", "effort") and exercise.id == item.exercise:
        percent_of = spec.of  # on another rung of a ladder, this exercise's max does not apply
    basis = max_of(context.program, item.exercise, percent_of) if percent_of else None
    rpe = spec.value if spec is not None and spec.kind == "effort" else item.rpe
    rest = _limited(item.rest, progress.rest_add, steps, "rest")
    return _Target(
        exercise=exercise,
        sets=sets,
        reps=reps,
        reps_target=reps_target,
        load=load,
        basis=basis,
        percent_of=percent_of if basis else None,
        rpe=rpe,
        tempo=_tempo(item, progress, steps),
        rest=rest,
    )


def _has(steps: Sequence[Step], method: str) -> bool:
    return any(step.method == method for step in steps)


def _limited(base: int, change: int, steps: Sequence[Step], method: str) -> int:
    """`base` moved by `change`, stopped at the steps' limits.

    A limit stops the step's own change; it never moves the written value the wrong
    way (reps written as 15 under a step that adds reps up to 12 stay 15).
    """
    value = base + change
    for step in steps:
        if step.method != method:
            continue
        if change > 0 and step.high is not None:
            value = max(base, min(value, step.high))
        if change < 0 and step.low is not None:
            value = min(base, max(value, step.low))
    return value


def _progressed_reps(reps: Reps, progress: _Progress, steps: Sequence[Step]) -> Reps:
    if not progress.reps_add:
        return reps
    low = max(1, _limited(reps.low, progress.reps_add, steps, "reps"))
    high = max(1, _limited(reps.high, progress.reps_add, steps, "reps"))
    return Reps(min(low, high), high, reps.amrap)


def _rung(
    program: Program, item: Prescription, progress: _Progress, steps: Sequence[Step]
) -> Exercise:
    """The exercise on the ladder the variation steps have climbed to."""
    base = program.exercises[item.exercise]
    if not progress.rung:
        return base
    variation = next(step for step in steps if step.method == "variation")
    ladder = variation.sequence or base.ladder
    start = ladder.index(item.exercise)
    return program.exercises[ladder[min(start + progress.rung, len(ladder) - 1)]]


def _tempo(item: Prescription, progress: _Progress, steps: Sequence[Step]) -> str | None:
    tempo = item.tempo
    for step in steps:
        if step.method == "tempo":
            tempo = step.sequence[min(progress.tempo_index, len(step.sequence) - 1)]
    pause = next((step for step in steps if step.method == "pause"), None)
    if tempo is None or pause is None or not progress.pause_add:
        return tempo
    parts = list(parse_tempo(tempo))
    position = 3 if pause.at == "top" else 1
    held = (parts[position] or 0) + progress.pause_add
    parts[position] = min(held, pause.high) if pause.high is not None else held
    return "-".join("X" if part is None else str(part) for part in parts)


# --- sets ------------------------------------------------------------------------------------


def _sets(
    context: _Context, item: Prescription, target: _Target, technique: Technique | None
) -> tuple[PlannedSet, ...]:
    equipment = target.exercise.equipment
    sets, reps, load = target.sets, target.reps, target.load
    reps_target = target.reps_target
    if context.deload and context.rule is not None:
        sets = max(1, _half_up(sets * context.rule.sets))
        reps = Reps(
            max(1, _half_up(reps.low * context.rule.reps)),
            max(1, _half_up(reps.high * context.rule.reps)),
            reps.amrap,
        )
        if reps_target is not None:
            reps_target = max(1, _half_up(reps_target * context.rule.reps))
        load = load * context.rule.load if load is not None else None
    if equipment is None:
        load = None
    percent = load / target.basis if load is not None and target.basis else None
    plates: tuple[Fraction, ...] | None = None
    if load is not None:
        load, plates = _round(equipment, load)
    shown_reps = reps_target if reps_target is not None else reps.low
    reps_max = reps.high if reps.high != shown_reps else None
    work = [
        PlannedSet(
            kind="amrap" if reps.amrap and index == sets - 1 else "work",
            reps=shown_reps,
            reps_max=reps_max,
            load=load,
            percent=percent,
            percent_of=target.percent_of if percent is not None else None,
            rpe=target.rpe,
            rir=item.rir,
            tempo=target.tempo,
            rest=target.rest,
            plates=plates,
        )
        for index in range(sets)
    ]
    warmups = _warmups(item, equipment, load)
    return tuple(warmups + work + _technique_sets(technique, target, load))


def _half_up(value: Fraction) -> int:
    return int(value + Fraction(1, 2))


def _warmups(
    item: Prescription, equipment: Equipment | None, work: Fraction | None
) -> list[PlannedSet]:
    """Lighter sets up to the first work set; none for bodyweight or unloaded work."""
    if work is None or equipment is None or item.warmup.mode == "none":
        return []
    memo = _memo(equipment).warmups
    key = (work, item.warmup)
    if key not in memo:
        memo[key] = tuple(_ramp(item, equipment, work))
    return list(memo[key])


def _ramp(item: Prescription, equipment: Equipment, work: Fraction) -> list[PlannedSet]:
    start = equipment.bar if equipment.kind == "barbell" and equipment.bar else _lightest(equipment)

    def made(load: Fraction) -> Fraction:
        return _round(equipment, load)[0]

    if item.warmup.mode == "auto":
        ramp = warmup_ramp(work, made, start)
    else:
        ramp = _listed_warmups(item, work, made, start)
    return [
        PlannedSet(
            kind="warmup",
            reps=reps,
            reps_max=None,
            load=load,
            percent=None,
            percent_of=None,
            rpe=None,
            rir=None,
            tempo=None,
            rest=None,
            plates=_round(equipment, load)[1],
        )
        for load, reps in ramp
    ]


def _listed_warmups(
    item: Prescription, work: Fraction, made: Callable[[Fraction], Fraction], start: Fraction
) -> tuple[tuple[Fraction, int], ...]:
    """A written warm-up, rounded, keeping only sets that rise and stay below the work set."""
    kept: list[tuple[Fraction, int]] = []
    for share, reps in item.warmup.sets:
        load = start if share is None else made(share * work)
        if load < work and (not kept or load > kept[-1][0]):
            kept.append((load, reps))
    return tuple(kept)


def _lightest(equipment: Equipment) -> Fraction:
    if equipment.loads:
        return equipment.loads[0]
    if equipment.minimum is not None:
        return equipment.minimum
    return Fraction(0)


def _technique_due(context: _Context, item: Prescription, state: _State) -> Technique | None:
    """Due in phase weeks N, 2N ...: at most once in N weeks per exercise, never in a deload."""
    technique = item.technique
    if technique is None or context.deload or context.week_in_phase % technique.every_weeks:
        return None
    last = state.technique_weeks.get(item.exercise)
    if last is not None and context.week - last < technique.every_weeks:
        return None
    state.technique_weeks[item.exercise] = context.week
    return technique


def _technique_sets(
    technique: Technique | None, target: _Target, load: Fraction | None
) -> list[PlannedSet]:
    if technique is None:
        return []
    equipment = target.exercise.equipment

    def extra(kind: str, reps: int | None, at: Fraction | None, rest: int | None) -> PlannedSet:
        plates = _round(equipment, at)[1] if at is not None else None
        return PlannedSet(
            kind=kind,  # type: ignore[arg-type]
            reps=reps,
            reps_max=None,
            load=at,
            percent=None,
            percent_of=None,
            rpe=None,
            rir=None,
            tempo=target.tempo,
            rest=rest,
            plates=plates,
        )

    if technique.kind == "drop_set":
        sets = []
        current = load
        for _ in range(technique.drops):
            if current is not None:
                current = _round(equipment, current * (1 - technique.drop))[0]
            sets.append(extra("drop", None, current, 0))
        return sets
    if technique.kind == "rest_pause":
        return [extra("rest_pause", None, load, technique.rest) for _ in range(technique.mini_sets)]
    return [extra("partials", technique.reps, load, None)]


# --- waves -----------------------------------------------------------------------------------


def _wave_sets(
    context: _Context, item: Prescription, exercise: Exercise, state: _State
) -> tuple[PlannedSet, ...]:
    """A wave week's sets, from the training max as it stands this cycle."""
    program = context.program
    wave = program.waves[item.wave or ""]
    offset = context.week_in_phase - 1
    week = wave.weeks[offset % len(wave.weeks)]
    basis = _cycle_max(program, item.exercise, wave.of, _wave_cycle(context, item, state), state)
    sets: list[PlannedSet] = []
    for line in week.sets:
        load: Fraction | None = None
        plates: tuple[Fraction, ...] | None = None
        if basis is not None:
            load, plates = _round(exercise.equipment, line.percent * basis)
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
    return tuple(_warmups(item, exercise.equipment, first) + sets)


def _cycle_max(
    program: Program, exercise_id: str, of: str, cycle: int, state: _State
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


def _wave_cycle(context: _Context, item: Prescription, state: _State) -> int:
    """Which cycle of its wave an exercise is in this week, counted across phases."""
    wave = context.program.waves[item.wave or ""]
    offset = context.week_in_phase - 1
    return state.wave_cycles.get(item.exercise, 0) + offset // len(wave.weeks)


# --- what the log teaches --------------------------------------------------------------------


def _work_done(planned: Sequence[PlannedSet], done: LoggedExercise) -> list[int]:
    """The reps of each logged set at the planned load or heavier (bodyweight: every set)."""
    load = planned[0].load
    return [
        logged.reps
        for logged in done.sets
        if load is None or (logged.load is not None and logged.load >= load)
    ]


def _learn_double(
    item: Prescription,
    reps: Reps,
    sets: Sequence[PlannedSet],
    done: LoggedExercise,
    progress: _Progress,
) -> None:
    """Double progression from a logged session: every set at the top of the range moves
    the load up next; a set below the bottom (or a set short) repeats the load, and a
    second such session in a row backs off by the step's share; anything else short of
    the target repeats it. A session that met its target leaves the projection alone."""
    step = next((s for s in _flat_steps(item.progress) if s.method == "double"), None)
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


def _learn_amrap(
    context: _Context,
    item: Prescription,
    sets: Sequence[PlannedSet],
    done: LoggedExercise,
    state: _State,
) -> None:
    """A wave session's AMRAP sets: whether each reached its reps, and the best one-rep
    max they imply by the spec's estimator, kept for the next cycle's training max."""
    entry = context.program.maxes.get(item.exercise)
    amraps = [(s.load, s.reps) for s in sets if s.kind == "amrap" and s.load is not None and s.reps]
    if entry is None or not amraps:
        return
    key = (item.exercise, _wave_cycle(context, item, state))
    met, best = state.amraps.get(key, (True, None))
    for load, reps in amraps:
        made = [s for s in done.sets if s.load is not None and s.load >= load]
        top = max(made, key=lambda s: (s.reps, s.load or 0), default=None)
        met = met and top is not None and top.reps >= reps
        if top is not None and top.load is not None and top.reps > 0:
            estimate = estimate_one_rm(top.load, top.reps, entry.estimate)
            best = estimate if best is None else max(best, estimate)
    state.amraps[key] = (met, best)


# --- summaries -------------------------------------------------------------------------------

# Drop and rest-pause sets go to failure, so their reps (and tonnage) are not known in advance.
_COUNTED = ("work", "amrap", "partials")


def _summary(program: Program, sessions: Sequence[PlannedSession]) -> WeekSummary:
    """Hard sets, tonnage (reps x load, both sides for one-sided work) and mean intensity.

    Sums are exact, but taken as whole numbers over a common denominator: adding
    Fractions one at a time (a gcd each) was a quarter of expansion.
    """
    hard_sets: dict[str, int] = {}
    tonnage: dict[str, list[tuple[int, Fraction]]] = {}
    hard_loads: dict[str, list[tuple[int, Fraction]]] = {}
    maxes: dict[str, Fraction | None] = {}
    for session in sessions:
        for exercise in session.exercises:
            name = exercise.exercise
            hard_sets.setdefault(name, 0)
            moved = tonnage.setdefault(name, [])
            if name not in maxes:
                maxes[name] = max_of(program, name, "one_rm")
            sides = 2 if exercise.unilateral else 1
            for planned in exercise.sets:
                if planned.kind in HARD_KINDS:
                    hard_sets[name] += 1
                    if planned.load is not None and maxes[name]:
                        hard_loads.setdefault(name, []).append((1, planned.load))
                load = _tonnage_load(program, exercise, planned)
                if planned.kind in _COUNTED and planned.reps and load is not None:
                    moved.append((planned.reps * sides, load))
    intensity_sums: dict[str, Fraction] = {}
    for name, loads in hard_loads.items():
        one_rm = maxes[name]
        assert one_rm is not None
        intensity_sums[name] = _weighted_sum(loads) / one_rm
    summaries = tuple(
        ExerciseSummary(
            exercise=name,
            hard_sets=hard_sets[name],
            tonnage=_weighted_sum(tonnage[name]),
            mean_intensity=(
                intensity_sums[name] / len(hard_loads[name]) if name in intensity_sums else None
            ),
        )
        for name in hard_sets
    )
    counted = sum(len(loads) for loads in hard_loads.values())
    return WeekSummary(
        hard_sets=sum(summary.hard_sets for summary in summaries),
        tonnage=_weighted_sum([(1, summary.tonnage) for summary in summaries]),
        mean_intensity=(
            _weighted_sum([(1, value) for value in intensity_sums.values()]) / counted
            if counted
            else None
        ),
        exercises=summaries,
    )


def _weighted_sum(terms: Sequence[tuple[int, Fraction]]) -> Fraction:
    """The exact sum of count x value, over the values' least common denominator.

    >>> _weighted_sum([(2, Fraction(5, 2)), (3, Fraction(1, 3)), (1, Fraction(0))])
    Fraction(6, 1)
    """
    common = math.lcm(*(value.denominator for _, value in terms)) if terms else 1
    whole = sum(count * value.numerator * (common // value.denominator) for count, value in terms)
    return Fraction(whole, common)


def _tonnage_load(
    program: Program, exercise: PlannedExercise, planned: PlannedSet
) -> Fraction | None:
    """The load a set moves: its load, or for bodyweight work the athlete's bodyweight."""
    if planned.load is not None:
        return planned.load
    if exercise.equipment is None and program.bodyweight:
        return program.bodyweight + (exercise.bodyweight or 0)
    return None
