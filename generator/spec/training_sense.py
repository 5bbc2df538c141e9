"""Warnings of training sense: what a spec may say, but probably should not.

A plan is still made from a spec with warnings (unless strict): a deload now and
then, loads that do not jump, advanced techniques used sparingly and at their usual
settings, maxes that agree with each other, sessions and skipped dates that take
effect. Each warning judges the values the plan is made from: maxes, steps and
techniques come from `building`, the functions that make the typed `Program`, and
weeks, deloads, ladders and sessions from `layout`, which `building` reads too. A max
given as a tested rep max is so the same one-rep max here as in the plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from generator.spec.building import max_from, step_from, technique_from
from generator.spec.checker import Checker
from generator.spec.defaults import DELOAD_WARNING_WEEKS, WEEKLY_LOAD_JUMP
from generator.spec.layout import (
    StepAt,
    Use,
    deload_weeks,
    known_exercises,
    ladder_of,
    phase_setting,
    phase_spans,
    sessions_per_week,
    steps_of,
    uses,
)
from generator.spec.loader import Path
from generator.spec.notation import parse_load
from generator.spec.schema import show
from generator.wording import rounded


def training_warnings(checker: Checker) -> None:
    """Add every warning of training sense about the spec under check."""
    program = checker.program
    _warn_skips(checker, program)
    _warn_maxes(checker, program)
    for index, phase in enumerate(program["phases"]):
        _warn_phase(checker, program, index, phase)
    _warn_long_stretches(checker, program)
    known = known_exercises(program)
    for use in uses(program):
        if use.item["exercise"] in known:  # an unknown one has its error, and nothing to judge
            _warn_use(checker, program, use)
    _warn_technique_frequency(checker, program)


def _warn_skips(checker: Checker, program: Mapping[str, Any]) -> None:
    """A skipped date before the start skips nothing."""
    start = program["start"]
    for index, skip in enumerate(program["schedule"].get("skip", [])):
        last = skip if isinstance(skip, str) else skip.get("to", skip.get("date", ""))
        if last < start:
            checker.warn(
                ("schedule", "skip", index), f"{show(last)} is before the program starts ({start})"
            )


def _warn_maxes(checker: Checker, program: Mapping[str, Any]) -> None:
    """A training max is a share of the one-rep max; an estimate from many reps is loose."""
    for exercise_id, entry in program.get("maxes", {}).items():
        path: Path = ("maxes", exercise_id)
        built = max_from(entry)
        written = entry.get("training_max")
        if (
            built.training_share is None  # given as a load: a percentage is a share by design
            and built.training_max is not None
            and built.one_rm is not None
            and built.training_max > built.one_rm
        ):
            one_rm = entry.get("one_rm")
            if one_rm is None:
                tested = entry["tested"]
                estimate = rounded(built.one_rm, 2)
                one_rm = f"{estimate}, estimated from {tested['load']} x {tested['reps']}"
            checker.warn(
                (*path, "training_max"),
                f"the training max {written} is above the one-rep max {one_rm}",
            )
        tested = entry.get("tested")
        if tested and tested["reps"] > 10:
            checker.warn(
                (*path, "tested", "reps"),
                f"estimates from {tested['reps']} reps are unreliable; test 10 or fewer",
            )


def _warn_phase(
    checker: Checker, program: Mapping[str, Any], index: int, phase: Mapping[str, Any]
) -> None:
    """A phase's own sessions should each fall on a day, and a wave phase should hold a wave."""
    path: Path = ("phases", index)
    if "sessions" not in phase:
        return  # inherited sessions were judged in the phase that wrote them
    mapping = phase.get("days")
    if isinstance(mapping, Mapping):
        for label in phase["sessions"]:
            if label not in mapping.values():
                checker.warn(
                    (*path, "sessions", label), f"session {label} is on none of the days", key=True
                )
    if phase_setting(phase, "model") == "wave" and not any(
        use.phase_index == index and "wave" in use.item for use in uses(program)
    ):
        checker.warn((*path, "model"), "a wave phase in which no exercise follows a wave")


def _warn_long_stretches(checker: Checker, program: Mapping[str, Any]) -> None:
    """More than DELOAD_WARNING_WEEKS weeks in a row without a deload is a long stretch."""
    length = phase_spans(program["phases"])[-1].last
    last_deload = 0
    for week in [*sorted(deload_weeks(program)), length + 1]:
        stretch = week - last_deload - 1
        if stretch > DELOAD_WARNING_WEEKS:
            first, last = last_deload + 1, week - 1
            where: Path = ("deload",) if "deload" in program else ("phases",)
            message = (
                f"weeks {first}-{last} ({stretch} weeks) have no deload; "
                "one every 4-8 weeks aids recovery"
            )
            checker.warn(where, message, key=True)
        last_deload = week


def _warn_use(checker: Checker, program: Mapping[str, Any], use: Use) -> None:
    """One exercise as prescribed: its load, the steps it follows and its technique."""
    phase = program["phases"][use.phase_index]
    if phase_setting(phase, "model") == "undulating" and "load" in use.item:
        checker.warn(
            (*use.path, "load"),
            "in an undulating phase the day type sets the load; this load overrides it",
        )
    for step in steps_of(program, use):
        if step.method == "load":
            _warn_load_jump(checker, program, use, step)
        if step.method == "variation":
            _warn_top_of_ladder(checker, program, use, step)
    _warn_technique(checker, use)


def _warn_load_jump(checker: Checker, program: Mapping[str, Any], use: Use, at: StepAt) -> None:
    """Warn when a planned rise in load exceeds WEEKLY_LOAD_JUMP in a week. (Double
    progression is not judged: it adds load only once the reps reach the top.)"""
    step = step_from({at.method: at.settings})
    labels = _track_labels(program, use)
    if labels[0] != use.label:
        return  # judged once for the lift's track, where it is first written
    if step.every.unit == "session":
        sessions = sum(sessions_per_week(program, use.phase_index, label) for label in labels)
        per_week = sessions / step.every.count
    else:
        per_week = Fraction(1, step.every.count)
    if step.amount is None:
        return  # a load step always adds an amount; this is for the type checker
    if step.amount.relative:
        weekly_share = step.amount.value * per_week
    else:
        start = _start_load(program, use.item)
        if not start:
            return
        weekly_share = step.amount.value * per_week / start
    if weekly_share > Fraction(WEEKLY_LOAD_JUMP):
        share = f"about {float(weekly_share):.1%}" if weekly_share < 10 else "more than 1000%"
        checker.warn(
            at.path,
            f"load rises {share} a week; more than {WEEKLY_LOAD_JUMP:.0%} is hard to sustain",
        )


def _track_labels(program: Mapping[str, Any], use: Use) -> list[str]:
    """The sessions of the phase that move the use's track (its lift's progression, shared
    by every session that trains the lift, unless it names a track of its own), in the
    order they are written."""

    def track(item: Mapping[str, Any]) -> tuple[str, str]:
        return item["exercise"], item.get("track", "")

    labels = [
        other.label
        for other in uses(program)
        if other.phase_index == use.phase_index
        and "progress" in other.item
        and track(other.item) == track(use.item)
    ]
    return list(dict.fromkeys(labels)) or [use.label]


def _start_load(program: Mapping[str, Any], item: Mapping[str, Any]) -> Fraction | None:
    """The load an exercise's own load starts it at, before rounding, as the plan takes it:
    a load, or a percentage of the max it names; None when that is not known from the
    item alone (an effort load, or none) or the max is missing."""
    if "load" not in item:
        return None
    load = parse_load(item["load"])
    if load.kind == "absolute":
        return load.value
    entry = program.get("maxes", {}).get(load.lift or item["exercise"])
    if load.kind != "percent" or entry is None:
        return None
    basis = max_from(entry).basis(load.of)
    return load.value * basis if basis is not None else None


def _warn_top_of_ladder(checker: Checker, program: Mapping[str, Any], use: Use, at: StepAt) -> None:
    """A variation step on the top rung has nowhere to go."""
    exercise_id = use.item["exercise"]
    ladder = list(at.settings.get("ladder") or ladder_of(program, exercise_id))
    if ladder and ladder[-1] == exercise_id:
        checker.warn(at.path, f"{exercise_id} is already the top of its ladder")


def _warn_technique(checker: Checker, use: Use) -> None:
    """An advanced technique's settings outside the usual range."""
    written = use.item.get("technique")
    if written is None:
        return
    path: Path = (*use.path, "technique")
    technique = technique_from(written)
    if technique.kind == "drop_set" and not Fraction(1, 5) <= technique.drop <= Fraction(3, 10):
        checker.warn((*path, "drop"), f"a drop of {written['drop']}: 20-30% is usual")
    if technique.kind == "rest_pause":
        if not 10 <= technique.rest <= 20:
            checker.warn((*path, "rest"), f"{written['rest']} between mini-sets: 10-20s is usual")
        if not 2 <= technique.mini_sets <= 3:
            checker.warn((*path, "mini_sets"), f"{technique.mini_sets} mini-sets: 2-3 is usual")


def _warn_technique_frequency(checker: Checker, program: Mapping[str, Any]) -> None:
    """An advanced technique more than once a week on one exercise is too often."""
    by_phase_exercise: dict[tuple[int, str], list[Use]] = {}
    for use in uses(program):
        if "technique" in use.item:
            by_phase_exercise.setdefault((use.phase_index, use.item["exercise"]), []).append(use)
    for (_, exercise_id), found in by_phase_exercise.items():
        if len({use.label for use in found}) > 1:
            for use in found[1:]:
                checker.warn(
                    (*use.path, "technique"),
                    f"{exercise_id} has an advanced technique in more than one session a week; "
                    "once every few weeks is plenty",
                )
