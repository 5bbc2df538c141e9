"""Expansion: from a program to every dated session it implies.

A pure function of the program: no I/O, no clock. It lays every week out on the
calendar (generator.plan.calendar), then walks the weeks in order and works out
every exercise's sets: from its prescription and its phase's model
(generator.plan.prescription, generator.plan.waves), moved by the progression so far
(generator.plan.progression, generator.plan.targets), written out as sets
(generator.plan.sets) and summed up for the week (generator.plan.summary).

A training log, when given, is read as the weeks are walked: what was done in a
session changes the state the following sessions are planned from (by the rules
the spec states), never the session itself. Without a log, or with one in which
every set met its target, the plan is the projection. Which entry did which session
is the rule of generator.plan.matching.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from types import MappingProxyType

from generator.log.values import EMPTY_LOG, LoggedExercise, LoggedSession, TrainingLog
from generator.plan import prescription
from generator.plan.calendar import Dates, Slot, skipped_dates, week_calendars, week_dates
from generator.plan.learning import learn_amrap, learn_double, learn_load
from generator.plan.matching import claim
from generator.plan.maxes import Maxes, logged_estimate
from generator.plan.progression import advance, flat_steps
from generator.plan.rounding import forget_equipment, load_limit
from generator.plan.sets import planned_sets, technique_due
from generator.plan.state import Context, Key, Progress, State, track_key
from generator.plan.summary import week_summary
from generator.plan.targets import Target, session_target
from generator.plan.values import (
    TARGET_KINDS,
    Plan,
    PlannedExercise,
    PlannedSession,
    PlannedSet,
    PlannedWeek,
)
from generator.plan.waves import wave_sets
from generator.spec.model import Phase, Prescription, Program, Technique


def expand(program: Program, log: TrainingLog = EMPTY_LOG) -> Plan:
    """Every week of the program, with every session's exercises and sets, re-planned
    from what the log says was done."""
    forget_equipment()
    dates = week_dates(program, week_calendars(program), log)
    state = State(Maxes.written(program))
    weeks = []
    for phase in program.phases:
        for number in range(phase.first_week, phase.last_week + 1):
            weeks.append(_week(program, phase, number, state, dates[number]))
        state.close_phase(program, phase)
    return Plan(program, tuple(weeks))


# --- one week --------------------------------------------------------------------------------


def _week(program: Program, phase: Phase, number: int, state: State, dates: Dates) -> PlannedWeek:
    """One week's sessions, planned in date order, and its summary."""
    slots = dates.calendar.slots
    deload = number in program.deloads
    training_week = state.training_weeks.get(phase.index, 0)
    templates = {template.label: template for template in phase.sessions}
    contents = _session_contents(phase, slots, training_week)
    sessions = []
    for place, (slot, keys, turn) in enumerate(zip(slots, contents, dates.turns, strict=True)):
        template = templates[slot.label]
        day_type = phase.day_types.get(slot.weekday)
        context = _context(program, phase, number, state, place)
        claimed: set[int] = set()
        exercises = []
        for key in keys:
            item = _item(phase, key)
            with load_limit(context, key, item):
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
        _remember_work_loads(state, slot.label, exercises)
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
        skipped=skipped_dates(dates),
        sessions=tuple(sessions),
        summary=week_summary(program, sessions),
    )


def _remember_work_loads(state: State, label: str, exercises: Sequence[PlannedExercise]) -> None:
    """The heaviest work load of each exercise in a session, for sessions whose loads are
    a share of this one's."""
    for exercise in exercises:
        loads = [s.load for s in exercise.sets if s.kind in TARGET_KINDS and s.load is not None]
        if loads:
            state.work_loads[(exercise.prescribed, label)] = max(loads)


def _context(program: Program, phase: Phase, number: int, state: State, place: int) -> Context:
    """What the session at `place` in week `number` is planned in: among it, every max
    as it stands, each lift's completed wave cycles counted."""
    for exercise in state.maxes.wave_of:
        state.maxes.settle(exercise, _cycles(program, phase, number, state, exercise), state.amraps)
    return Context(
        program,
        phase,
        number,
        week_in_phase=number - phase.first_week + 1,
        training_week=state.training_weeks.get(phase.index, 0),
        deload=number in program.deloads,
        rule=program.deloads.get(number),
        session=place,
        work_loads=MappingProxyType(dict(state.work_loads)),
        maxes=state.maxes.view(),
    )


def _cycles(program: Program, phase: Phase, number: int, state: State, exercise: str) -> int:
    """The wave cycles a lift has completed by week `number`: those of earlier phases, and
    in a wave phase that trains it, those of this one so far."""
    done = state.wave_cycles.get(exercise, 0)
    if phase.model != "wave":
        return done
    for template in phase.sessions:
        for item in template.items:
            wave = program.waves.get(item.wave or "")
            if item.exercise == exercise and wave is not None:
                return done + (number - phase.first_week) // len(wave.weeks)
    return done


def _item(phase: Phase, key: Key) -> Prescription:
    template = next(template for template in phase.sessions if template.label == key[1])
    return template.items[key[2]]


def _session_contents(phase: Phase, slots: Sequence[Slot], training_week: int) -> list[list[Key]]:
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
    for step in flat_steps(item.progress):
        if step.method == "frequency":
            added = step.count * (training_week // step.every.count)
            ceiling = (step.high or 1) - 1
            extra = max(extra, min(added, ceiling))
    return extra


# --- one exercise ----------------------------------------------------------------------------


def _exercise(
    context: Context,
    key: Key,
    item: Prescription,
    day_type: str | None,
    state: State,
    *,
    logged: tuple[LoggedSession | None, set[int]] | None = None,
) -> PlannedExercise:
    """One prescription as planned in a session, after its steps due have fired; what the
    log says was done of it (`logged`: the session's entry, and the indexes of its
    exercises already claimed) changes the progression that follows."""
    entry, claimed = logged if logged is not None else (None, set())
    program = context.program
    progress = state.progress.setdefault(track_key(key, item), Progress())
    base = program.exercises[item.exercise]
    technique = technique_due(context, item, state)
    if item.wave and context.phase.model == "wave":
        sets = wave_sets(context, item, base, state)
        rung_exercise = base
        done = claim(entry, claimed, item.exercise, base.id)
        if done is not None:
            learn_amrap(context, item, sets, done, state)
    else:
        target, sets = _prescribed(
            context, item, day_type, state, progress=progress, technique=technique
        )
        rung_exercise = target.exercise
        done = claim(entry, claimed, item.exercise, rung_exercise.id)
        if done is not None and not context.deload:
            learn_double(item, target.reps, sets, done, progress)
            learn_load(context, item, sets, done, progress, target=target, maxes=state.maxes)
    if done is not None:
        _learn_max(context, item, done, state)
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


def _prescribed(
    context: Context,
    item: Prescription,
    day_type: str | None,
    state: State,
    *,
    progress: Progress,
    technique: Technique | None,
) -> tuple[Target, tuple[PlannedSet, ...]]:
    """A prescription's target and sets this session, after its steps due have fired (a
    max step among them moves the max this session's load is taken from)."""
    base_load = prescription.base_load(context, item, day_type)
    if not context.deload:
        advance(context, item, day_type, progress, base_load, maxes=state.maxes)
        if any(step.method == "max" for step in flat_steps(item.progress)):
            context = replace(context, maxes=state.maxes.view())
            base_load = prescription.base_load(context, item, day_type)
    target = session_target(context, item, day_type, progress, base_load)
    return target, planned_sets(context, item, target, technique)


def _learn_max(context: Context, item: Prescription, done: LoggedExercise, state: State) -> None:
    """A logged test sets the lift's max, as does every logged session of a lift whose max
    is re-estimated from the log."""
    entry = context.program.maxes.get(item.exercise)
    if entry is None or not (item.test is not None or entry.from_log):
        return
    estimate = logged_estimate(done, entry.estimate)
    if estimate is not None:
        state.maxes.estimate(item.exercise, estimate)


def _bodyweight_delta(item: Prescription) -> Fraction | None:
    return item.load.value if item.load is not None and item.load.kind == "bodyweight" else None


def _band_tension(program: Program, band: str | None) -> Fraction | None:
    for equipment in program.equipment.values():
        if band is not None and band in equipment.bands:
            return equipment.bands[band]
    return None
