"""`liftplan show`: the plan as plain text a coach can check by eye in a terminal."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction

from generator.log.values import set_text
from generator.plan.values import (
    Plan,
    PlannedExercise,
    PlannedSession,
    PlannedSet,
    PlannedWeek,
    SkippedDate,
)
from generator.publish.data import number
from generator.spec.notation import format_duration

# What a training day that passed with no entry did to the plan under the shift rule.
SHIFTED = "the plan moved on one training day"


def show_plan(plan: Plan, week: int | None = None) -> str:
    """The whole plan, or one week of it, as text."""
    weeks = [w for w in plan.weeks if week is None or w.number == week]
    program = plan.program
    lines = [f"{program.title} ({program.id})"]
    if program.athlete:
        lines.append(f"Athlete: {program.athlete}")
    lines.append(
        f"{len(plan.weeks)} weeks from {program.start:%a %d %b %Y}, loads in {program.units}"
    )
    for planned in weeks:
        lines.append("")
        lines.extend(_week(planned, program.units))
    return "\n".join(lines) + "\n"


def _week(week: PlannedWeek, units: str) -> Iterator[str]:
    deload = "  DELOAD" if week.deload else ""
    yield f"Week {week.number}: {week.phase}, {week.start:%d %b} to {week.end:%d %b %Y}{deload}"
    for skip in week.skipped:
        yield f"  {skip.date:%a %d %b}: " + _skipped(skip)
    for session in week.sessions:
        yield from _session(session, units)
    summary = week.summary
    intensity = (
        f", mean intensity {number(summary.mean_intensity * 100, 1)}%"
        if summary.mean_intensity
        else ""
    )
    yield (
        f"  Summary: {summary.hard_sets} hard sets, tonnage {number(summary.tonnage, 1)} {units}"
        f"{intensity}"
    )


def _skipped(skip: SkippedDate) -> str:
    if skip.outcome == "shifted":
        return shifted_text(skip)
    reason = f" ({skip.reason})" if skip.reason else ""
    return f"skipped{reason}, session {skip.outcome}"


def shifted_text(skip: SkippedDate) -> str:
    """A training day that passed with the session due not logged, after its date."""
    return f"missed ({skip.reason}), {SHIFTED}"


def _session(session: PlannedSession, units: str) -> Iterator[str]:
    parts = [f"  {session.date:%a %d %b}", f"session {session.label}"]
    if session.title:
        parts.append(session.title)
    if session.day_type:
        parts.append(f"{session.day_type} day")
    if session.moved_from:
        parts.append(f"moved from {session.moved_from:%a %d %b}")
    if session.missed:
        parts.append("MISSED (not in the log)")
    yield " - ".join(parts)
    if session.logged is not None and session.logged.note:
        yield f"    logged: {session.logged.note}"
    for exercise in session.exercises:
        yield from exercise_lines(exercise, units)
        if exercise.done is not None:
            yield "      done: " + " ".join(set_text(s) for s in exercise.done.sets)


def exercise_lines(exercise: PlannedExercise, units: str) -> Iterator[str]:
    """An exercise as indented lines: name, warm-up, grouped sets, band and technique."""
    side = " (each side)" if exercise.unilateral else ""
    name = exercise.name + side
    if exercise.exercise != exercise.prescribed:
        name += f" [ladder from {exercise.prescribed}]"
    yield f"    {name}"
    warmups = [s for s in exercise.sets if s.kind == "warmup"]
    if warmups:
        ramp = ", ".join(f"{load_label(s.load, units, exercise)} x {s.reps}" for s in warmups)
        yield f"      warm-up: {ramp}"
    for group in group_sets([s for s in exercise.sets if s.kind != "warmup"]):
        yield "      " + describe_sets(group, units, exercise)
    extras = []
    if exercise.band:
        tension = (
            f" (+{number(exercise.band_tension)} {units} at the top)"
            if exercise.band_tension
            else ""
        )
        extras.append(f"band {exercise.band}{tension}")
    if exercise.technique:
        extras.append(exercise.technique.replace("_", " "))
    if extras:
        yield "      with " + ", ".join(extras)


def group_sets(sets: Sequence[PlannedSet]) -> Iterator[list[PlannedSet]]:
    """Runs of identical sets, so 3 x 8 reads as one line."""
    group: list[PlannedSet] = []
    for planned in sets:
        if group and planned != group[0]:
            yield group
            group = []
        group.append(planned)
    if group:
        yield group


def describe_sets(group: list[PlannedSet], units: str, exercise: PlannedExercise) -> str:
    first = group[0]
    if first.reps is None:
        reps = "max reps"
    elif first.kind == "amrap":
        reps = f"{first.reps}+"
    elif first.reps_max is not None:
        reps = f"{first.reps} (range to {first.reps_max})"
    else:
        reps = str(first.reps)
    kinds = {
        "work": "",
        "amrap": "",
        "drop": "drop set ",
        "rest_pause": "rest-pause ",
        "partials": "partials ",
    }
    text = f"{kinds[first.kind]}{len(group)} x {reps} @ {load_label(first.load, units, exercise)}"
    if first.percent is not None:
        text += f" ({number(first.percent * 100, 1)}%)"
    if first.plates:
        text += f" [per side: {' + '.join(str(number(p)) for p in first.plates)}]"
    details = []
    if first.rpe is not None:
        details.append(f"RPE {number(first.rpe)}")
    if first.rir is not None:
        details.append(f"RIR {first.rir}")
    if first.tempo:
        details.append(f"tempo {first.tempo}")
    if first.rest:
        details.append(f"rest {format_duration(first.rest)}")
    return text + ("  " + ", ".join(details) if details else "")


def load_label(load: Fraction | None, units: str, exercise: PlannedExercise) -> str:
    if load is not None:
        return f"{number(load)} {units}"
    if exercise.bodyweight:
        sign = "+" if exercise.bodyweight > 0 else "-"
        return f"bodyweight {sign} {number(abs(exercise.bodyweight))} {units}"
    return "bodyweight" if exercise.equipment is None else "no load given"
