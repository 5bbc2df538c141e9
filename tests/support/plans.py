"""From a spec to its program and plan, and from a plan to a log that follows it.

The tests reach the engine through these few steps, so that the sequence (read, check,
build the typed program, expand) is written once for them as it is for the commands.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.log.values import LoggedExercise, LoggedSession, LoggedSet, TrainingLog
from generator.pipeline import check_document, load_program
from generator.plan.expand import expand
from generator.plan.values import Plan, PlannedSet
from generator.spec.loader import dump, load_bytes
from generator.spec.model import Program, build_program


def program_of(spec: dict[str, Any]) -> Program:
    """The typed program of a spec given as data, which must pass its checks without errors."""
    document = load_bytes(dump(spec).encode("utf-8"), "spec.yaml")
    problems = [d.format() for d in check_document(document) if d.severity == "error"]
    assert not problems, problems
    return build_program(document.data)


def program_from_file(path: Path | str) -> Program:
    """The typed program of a spec file, as the commands read it."""
    return build_program(load_program(str(path)).data)


def plan_from_file(path: Path | str) -> Plan:
    """The projected plan of a spec file (no log)."""
    return expand(program_from_file(path))


def planned_values(plan: Plan) -> list[tuple[Any, ...]]:
    """Each session's planned content, without what the log says of it."""
    return [
        (session.date, session.label, tuple((e.exercise, e.sets) for e in session.exercises))
        for session in plan.sessions
    ]


def log_from(plan: Plan, cutoff: int, reps_of: Callable[[PlannedSet], Any]) -> TrainingLog:
    """A log of the plan's first `cutoff` sessions, each work set done at its planned load
    for the reps `reps_of(planned)` gives (a timed set held for its planned time)."""
    entries = []
    for session in plan.sessions[:cutoff]:
        exercises = {}
        for exercise in session.exercises:
            sets = tuple(
                LoggedSet(0, s.load, seconds=s.seconds)
                if s.seconds is not None
                else LoggedSet(reps_of(s), s.load)
                for s in exercise.sets
                if s.kind in ("work", "amrap")
            )
            if sets and exercise.exercise not in exercises:
                exercises[exercise.exercise] = LoggedExercise(exercise.exercise, sets)
        entries.append(LoggedSession(session.date, session.label, tuple(exercises.values())))
    return TrainingLog("t", tuple(entries))
