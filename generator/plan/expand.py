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
from generator.plan.learning import (
    assume_test,
    learn_amrap,
    learn_double,
    learn_load,
    learn_time,
)
from generator.plan.matching import claim
from generator.plan.maxes import Maxes, logged_estimate
from generator.plan.progression import advance, raise_after_weeks, raise_maxes
from generator.plan.rounding import forget_equipment, load_limit
from generator.plan.sets import planned_sets, technique_due
from generator.plan.state import Context, Key, Planned, Progress, State, track_key
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
from generator.wording import percent_text


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
        items = [templates[key[1]].items[key[2]] for key in keys]
        day = day_type.name if day_type else None
        exercises = _planned(context, keys, items, day, state, entry=turn.entry)
        _learn_session(state, slot.label)
        exercises = supersets(exercises, items)
        if turn.missed:
            state.missed.add((number, place))
        _remember_work_loads(state, (number, place), slot.label, exercises)
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


def _planned(
    context: Context,
    keys: Sequence[Key],
    items: Sequence[Prescription],
    day_type: str | None,
    state: State,
    *,
    entry: LoggedSession | None,
) -> list[PlannedExercise]:
    """A session's exercises in order, each from the maxes as the ones before left them,
    and each claiming its sets of the session's logged entry, if any."""
    claimed: dict[int, int] = {}
    exercises = []
    for key, item, shares in zip(keys, items, _shared(items), strict=True):
        maxes = state.maxes.view()  # moved by earlier ones, maybe
        if maxes is not context.maxes:
            context = replace(context, maxes=maxes)
        with load_limit(context, key, item):
            logged = (entry, claimed, shares)
            exercises.append(_exercise(context, key, item, day_type, state, logged=logged))
    return exercises


def supersets(
    exercises: Sequence[PlannedExercise], items: Sequence[Prescription]
) -> list[PlannedExercise]:
    """Exercises side by side with one superset name, as a group: A1, A2 for the session's
    first group, B1, B2 for its next; within a round each set but the last exercise's is
    followed straight by the next exercise, and the last's rest ends the round."""
    found = list(exercises)
    groups = 0
    index = 0
    while index < len(found):
        name = items[index].superset
        end = index + 1
        while name is not None and end < len(found) and items[end].superset == name:
            end += 1
        if name is not None and end - index > 1:
            letter = chr(ord("A") + groups)
            groups += 1
            for place in range(index, end):
                exercise = found[place]
                if place < end - 1:
                    exercise = replace(exercise, sets=_straight_on(exercise.sets))
                found[place] = replace(exercise, superset=f"{letter}{place - index + 1}")
        index = end
    return found


def _straight_on(sets: Sequence[PlannedSet]) -> tuple[PlannedSet, ...]:
    """No rest after a set but a warm-up: the next exercise of the round follows it."""
    return tuple(s if s.kind == "warmup" else replace(s, rest=0) for s in sets)


def _shared(items: Sequence[Prescription]) -> list[bool]:
    """For each prescription of a session, whether a later one trains the same exercise,
    so that the sets logged for it are shared between them in order."""
    later: set[str] = set()
    found = []
    for item in reversed(items):
        found.append(item.exercise in later)
        later.add(item.exercise)
    return found[::-1]


def _share(sets: Sequence[PlannedSet], shared: bool) -> int | None:
    """How many logged sets a prescription takes: its planned sets, when it shares the
    exercise's entry with a later prescription; else all that are left."""
    return sum(1 for s in sets if s.kind != "warmup") if shared else None


def _remember_work_loads(
    state: State, when: tuple[int, int], label: str, exercises: Sequence[PlannedExercise]
) -> None:
    """The heaviest work load of each exercise in a session (`when`: its week and place),
    planned and made, for the sessions whose loads are a share of this one's. The top load
    is made when the log shows every set planned at it done for its reps; a session not
    yet logged is taken as made, and a missed one, or one short of its target, leaves the
    last load made as it was."""
    for exercise in exercises:
        targets = [s for s in exercise.sets if s.kind in TARGET_KINDS and s.load is not None]
        if not targets:
            continue
        top = max(targets, key=lambda s: s.load or 0)
        assert top.load is not None
        state.work_loads[(exercise.prescribed, label, "planned")] = (when, top.load)
        if exercise.done is None and when in state.missed:
            continue
        if exercise.done is not None:
            at_top = sum(1 for s in targets if s.load == top.load)
            made = sum(
                1
                for logged in exercise.done.sets
                if logged.load is not None
                and logged.load >= top.load
                and logged.reps >= (top.reps or 0)
            )
            if made < at_top:
                continue
        state.work_loads[(exercise.prescribed, label, "made")] = (when, top.load)


def _context(program: Program, phase: Phase, number: int, state: State, place: int) -> Context:
    """What the session at `place` in week `number` is planned in: among it, every max
    as it stands, each lift's completed wave cycles counted."""
    for exercise in state.maxes.wave_of:
        state.maxes.settle(exercise, _cycles(program, phase, number, state, exercise), state.amraps)
    raise_after_weeks(phase, number - phase.first_week + 1, state.maxes, state.raised_after)
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
    for step in item.all_steps:
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
    logged: tuple[LoggedSession | None, dict[int, int], bool] | None = None,
) -> PlannedExercise:
    """One prescription as planned in a session, after its steps due have fired; what the
    log says was done of it (`logged`: the session's entry, and the indexes of its
    exercises already claimed) changes the progression that follows."""
    entry, claimed, shared = logged if logged is not None else (None, {}, False)
    program = context.program
    progress = state.progress.setdefault(track_key(key, item), Progress())
    base = program.exercises[item.exercise]
    technique = technique_due(context, item, state)
    if item.wave and context.phase.model == "wave":
        if not context.deload:  # the wave sets the sets; its max steps' clocks still run
            advance(context, item, day_type, progress, None)
        sets = wave_sets(context, item, base, state)
        rung_exercise = base
        done = claim(entry, claimed, (item.exercise, base.id), _share(sets, shared))
        if done is not None:
            learn_amrap(context, item, sets, done, state)
        target = None
    else:
        target, sets = _prescribed(
            context, item, day_type, state, progress=progress, technique=technique
        )
        rung_exercise = target.exercise
        wanted = (item.exercise, rung_exercise.id)
        done = claim(entry, claimed, wanted, _share(sets, shared))
    status = _status(item, progress, testing=target is not None and progress.testing)
    if not context.deload:
        state.learning.append(Planned(context, item, sets, done, target, progress))
    return PlannedExercise(
        exercise=rung_exercise.id,
        name=rung_exercise.name,
        prescribed=item.exercise,
        equipment=rung_exercise.equipment.name if rung_exercise.equipment else None,
        unilateral=rung_exercise.unilateral,
        bodyweight=_bodyweight_delta(item, target),
        band=item.band,
        band_tension=_band_tension(program, item.band),
        technique=technique.kind if technique is not None else None,
        notes=item.notes or rung_exercise.notes,
        status=status,
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
    """A prescription's target and sets this session, after its steps due have fired."""
    base_load = prescription.base_load(context, item, day_type)
    if not context.deload:
        advance(context, item, day_type, progress, base_load)
    target = session_target(context, item, day_type, progress, base_load)
    return target, planned_sets(context, item, target, technique)


def _learn_session(state: State, label: str) -> None:
    """What the session just planned teaches, once it is planned whole: each track learns
    once, from the sets of all its prescriptions in the session and all the logged sets
    they claimed, so a lift prescribed twice is judged on both, and neither is planned
    from the other's log (a session never moves itself). Then the max steps due move the
    maxes, after session `label`."""
    tracks: dict[int, list[Planned]] = {}
    for planned in state.learning:
        tracks.setdefault(id(planned.progress), []).append(planned)
    state.learning.clear()
    for group in tracks.values():
        first = group[0]
        sets = tuple(one for planned in group for one in planned.sets)
        claimed = [planned.done for planned in group if planned.done is not None]
        done = (
            LoggedExercise(claimed[0].exercise, tuple(s for d in claimed for s in d.sets))
            if claimed
            else None
        )
        if done is not None and first.target is not None:
            learn_double(first.item, first.target.reps, sets, done, first.progress)
            learn_time(first.item, sets, done, first.progress)
        _after_session(first, sets, done, state)
    for raised in state.raises:
        raise_maxes(*raised, state.maxes, label=label)
    state.raises.clear()


def _after_session(
    first: Planned, sets: tuple[PlannedSet, ...], done: LoggedExercise | None, state: State
) -> None:
    """What a session of the lift changes for the sessions after it (`first` its first
    prescription, `sets` and `done` those of all of them): its load, stage or max step
    learns from the log, a logged test (or any logged session of a lift whose max is
    re-estimated from the log) sets the max, and the max steps due move the max."""
    context, item, target, progress = first.context, first.item, first.target, first.progress
    if done is None and progress.testing and target is not None:
        assume_test(context, item, sets, progress, target)
    if done is not None:
        steps = item.all_steps
        if target is not None or any(step.method == "max" for step in steps):
            learn_load(context, item, sets, done, progress, target=target, maxes=state.maxes)
        entry = context.program.maxes.get(item.exercise)
        if entry is not None and (item.test is not None or entry.from_log):
            estimate = logged_estimate(done, entry.estimate)
            if estimate is not None:
                state.maxes.estimate(item.exercise, estimate)
    state.raises.append((context, item, progress))  # after the session, for what follows it


def _status(item: Prescription, progress: Progress, *, testing: bool) -> str:
    """What a lifter must know of a rule the sets do not show: a test sets the max, and
    which of its stages a lift is on (or the test a stage reset starts from), as the
    session is planned, before what the log says of it moves them."""
    said = []
    if item.test == "amrap":
        said.append("Test: as many reps as you can; the result sets the max from here on.")
    elif item.test is not None:
        said.append(
            f"Test: work up to your {item.test}-rep max; the best set sets the max from here on."
        )
    stages = next((step for step in item.all_steps if step.method == "stages"), None)
    if stages is not None and testing:
        first = stages.schemes[0]
        said.append(
            f"Test: work up to your {stages.reset.test}-rep max; "
            f"{first.sets}x{first.reps}{'+' if first.amrap else ''} starts again "
            f"at {percent_text(stages.reset.share or Fraction(1))} of it."
        )
    elif stages is not None:
        schemes = stages.schemes
        stage = min(progress.stage, len(schemes) - 1)
        names = ", ".join(f"{s.sets}x{s.reps}{'+' if s.amrap else ''}" for s in schemes)
        said.append(f"Stage {stage + 1} of {len(schemes)} ({names}).")
    return " ".join(said)


def _bodyweight_delta(item: Prescription, target: Target | None) -> Fraction | None:
    """The load added to (or, negative, taken off) bodyweight, as progressed so far."""
    if item.load is None or item.load.kind != "bodyweight":
        return None
    if target is not None and target.load is not None:
        return target.load
    return item.load.value


def _band_tension(program: Program, band: str | None) -> Fraction | None:
    for equipment in program.equipment.values():
        if band is not None and band in equipment.bands:
            return equipment.bands[band]
    return None
