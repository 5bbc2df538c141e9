"""Scenario tests of the program library: a spec, a training log written by hand, and
the sessions the plan must show after it, each written as compact text.

A session reads `2027-01-06 B: back_squat 3x5@102.5 | press 3x5@42.5`, its exercises in
order, each as its work sets grouped by equal reps and load: `3x5@102.5`, an AMRAP set
`1x5+@100`, a bodyweight set `3x8@bw`, a timed set `3x30s@bw`. Warm-ups are left out; where
sets differ they are listed apart, comma separated (`1x5@100, 1x3@110, 1x1+@120`).
"""

from __future__ import annotations

import shutil
from fractions import Fraction
from pathlib import Path

from generator.pipeline import plan_spec
from generator.plan.values import PlannedExercise, PlannedSession, PlannedSet
from tests.support.paths import PROGRAMS

LIBRARY = PROGRAMS / "library"


def number(value: Fraction) -> str:
    """A load as the scenario text writes it: 102.5, 100, 33.75."""
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return text


def _set_text(planned: PlannedSet) -> str:
    reps = "" if planned.reps is None else str(planned.reps)
    if planned.seconds is not None:
        reps = f"{planned.seconds}s"
    if planned.kind == "amrap":
        reps += "+"
    load = "bw" if planned.load is None else number(planned.load)
    return f"{reps}@{load}"


def exercise_text(exercise: PlannedExercise) -> str:
    """One exercise's work sets, grouped by runs of equal sets."""
    groups: list[tuple[str, int]] = []
    for planned in exercise.sets:
        if planned.kind == "warmup":
            continue
        text = _set_text(planned)
        if groups and groups[-1][0] == text:
            groups[-1] = (text, groups[-1][1] + 1)
        else:
            groups.append((text, 1))
    return f"{exercise.exercise} " + ", ".join(f"{count}x{text}" for text, count in groups)


def session_text(session: PlannedSession) -> str:
    exercises = " | ".join(exercise_text(exercise) for exercise in session.exercises)
    return f"{session.date.isoformat()} {session.label}: {exercises}"


def planned_after(spec_name: str, log_text: str | None, folder: Path) -> list[str]:
    """Every session of the library program `spec_name` (a file in programs/library/),
    re-planned from the training log `log_text` (None: the projection), as text."""
    spec = folder / f"{spec_name}.yaml"
    shutil.copy(LIBRARY / f"{spec_name}.yaml", spec)
    return _planned(spec, log_text)


def plan_text(spec_text: str, log_text: str | None, folder: Path) -> list[str]:
    """Every session of the spec `spec_text` (its id must be `t`), re-planned from the
    training log `log_text` (None: the projection), as text."""
    spec = folder / "t.yaml"
    spec.write_text(spec_text, encoding="utf-8")
    return _planned(spec, log_text)


def _planned(spec: Path, log_text: str | None) -> list[str]:
    log = spec.with_name(f"{spec.stem}.log.yaml")
    if log_text is not None:
        log.write_text(log_text, encoding="utf-8")
    elif log.exists():
        log.unlink()
    planned = plan_spec(str(spec))
    return [session_text(s) for week in planned.plan.weeks for s in week.sessions]
