"""`liftplan show`: the plan as plain text a coach can check by eye in a terminal."""

from __future__ import annotations

from collections.abc import Iterator

from generator.log.values import set_text
from generator.plan.values import Plan, PlannedSession, PlannedWeek
from generator.wording import exercise_lines, skipped_text, week_summary


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
        yield f"  {skip.date:%a %d %b}: " + skipped_text(skip, "skipped")
    for session in week.sessions:
        yield from _session(session, units)
    yield "  Summary: " + week_summary(week.summary, units, zero_intensity=False)


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
