"""Checks a JSON Schema cannot express: references, arithmetic and training sense.

They run on a spec that passed schema validation, so shapes and types can be
trusted; what is checked is whether the parts agree with each other (an exercise
that exists, a max for a percentage, plates that can make a step) and, as warnings,
whether the training is sensible. `semantic_diagnostics` runs them all: the checks of
the spec's parts here (calendar, equipment, exercises, maxes, phases, deloads, hard
sets), those of each exercise as prescribed in `prescription_checks`, and the warnings in
`training_sense`. Every default they apply is the schema's, and every max, step and
technique they judge is built by `building`, as the plan's are, so a check cannot read
a spec otherwise than the plan does.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

from generator.errors import Diagnostic
from generator.plan.maths import common_step
from generator.spec.catalogue import CATALOGUE
from generator.spec.checker import Checker, did_you_mean
from generator.spec.defaults import LATEST_WEEKS
from generator.spec.layout import (
    PhaseSpan,
    day_types,
    known_exercises,
    phase_sessions,
    phase_setting,
    phase_spans,
    phase_training_days,
    uses,
)
from generator.spec.loader import Document, Path
from generator.spec.notation import exact, parse_load, parse_percent
from generator.spec.prescription_checks import SpecFacts, check_ladder, check_use
from generator.spec.progression_checks import check_supersets, check_tracks
from generator.spec.schema import show
from generator.spec.training_sense import training_warnings

MAX_PROGRAM_WEEKS = 520


def semantic_diagnostics(document: Document) -> list[Diagnostic]:
    """Every semantic error and warning in a schema-valid program spec, in the order found
    (the pipeline sorts them by position)."""
    checker = Checker(document)
    spans = phase_spans(checker.program["phases"])
    _check_spans(checker, spans)
    if spans[-1].last > MAX_PROGRAM_WEEKS or any(span.last < span.first for span in spans):
        return checker.found  # the weeks cannot be laid out, so nothing that counts them is sound
    _check_schedule(checker)
    _check_equipment(checker)
    _check_exercises(checker)
    _check_maxes(checker)
    _check_phases(checker)
    _check_deloads(checker)
    _check_hard_sets(checker)
    _check_uses(checker)
    check_tracks(checker)
    check_supersets(checker)
    training_warnings(checker)
    return checker.found


def _check_uses(checker: Checker) -> None:
    """Each exercise as prescribed. A use is judged by its phase and what it says, never by
    where it is written (that only places the message), so once a use has been found
    clean, the same prescription again in the same phase (the lift written the same way
    in sessions A, B and C of a block) is clean too and is not judged again."""
    facts = SpecFacts(checker.program)
    clean: set[tuple[int, str]] = set()
    for use in uses(checker.program):
        said = (use.phase_index, repr(use.item))  # repr tells 1 from 1.0 and true
        if said in clean:
            continue
        found = len(checker.found)
        check_use(checker, use, facts)
        if len(checker.found) == found:
            clean.add(said)


# --- calendar -------------------------------------------------------------------------------


def _check_schedule(checker: Checker) -> None:
    schedule = checker.program["schedule"]
    start = checker.program["start"]
    latest = _latest_start(phase_spans(checker.program["phases"])[-1].last)
    if datetime.date.fromisoformat(start) > latest:
        checker.error(
            ("start",),
            f"{start} is too late to start: the plan, and a log up to {LATEST_WEEKS} weeks "
            f"past its end, must end by 9999-12-31; start by {latest.isoformat()}",
        )
    for index, skip in enumerate(schedule.get("skip", [])):
        path: Path = ("schedule", "skip", index)
        if isinstance(skip, Mapping) and "from" in skip and skip["from"] > skip["to"]:
            checker.error((*path, "to"), f"{show(skip['to'])} is before from, {show(skip['from'])}")
    zone = schedule.get("timezone")
    if zone is not None and not _known_zone(zone):
        checker.error(("schedule", "timezone"), f"{show(zone)} is not a known IANA time zone")


def _latest_start(weeks: int) -> datetime.date:
    """The last start date whose plan, log and calendar (an all-day event ends the next
    day) stay within the dates Python can hold."""
    return datetime.date.max - datetime.timedelta(weeks=weeks + LATEST_WEEKS + 1)


def _known_zone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only a spec with a time zone asks

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name no file can have
        try:  # a machine with no time zone database at all cannot judge
            ZoneInfo("UTC")
        except ZoneInfoNotFoundError:
            return True
        return False
    return True


# --- equipment and exercises -----------------------------------------------------------------


# Plate sizes must share a step at least this big: a barbell's loads are counted in that
# step, and sizes such as 20 and 1.0314227661826578 share a step of 2**-52, which would
# have the rounding count trillions of amounts (found by the fuzzer).
SMALLEST_PLATE_STEP = Fraction(1, 100)


def _check_equipment(checker: Checker) -> None:
    for name, item in checker.program.get("equipment", {}).items():
        lightest = item.get("min", item.get("step"))  # the stack starts at its step by default
        if item["kind"] == "machine" and "max" in item and item["max"] < lightest:
            checker.error(("equipment", name, "max"), "the heaviest setting is below the lightest")
        plates = item.get("plates") if item["kind"] == "barbell" else None
        if plates and _plate_step(plates) < SMALLEST_PLATE_STEP:
            checker.error(
                ("equipment", name, "plates"),
                "plate sizes must be whole multiples of a common step of at least 0.01 "
                "(write them with at most two decimals, e.g. 1.25)",
            )


def _plate_step(plates: Iterable[int | float]) -> Fraction:
    """The largest step every plate size is a whole multiple of (as maths counts them)."""
    return common_step(exact(size) for size in plates)


def _check_exercises(checker: Checker) -> None:
    program = checker.program
    known = known_exercises(program)
    for exercise_id, spec in program.get("exercises", {}).items():
        path: Path = ("exercises", exercise_id)
        if exercise_id not in CATALOGUE:
            for needed in ("name", "equipment"):
                if needed not in spec:
                    checker.error(
                        path,
                        f"a new exercise needs {needed} ({exercise_id} is not in the catalogue)",
                    )
        equipment = spec.get("equipment")
        if (
            equipment
            and equipment != "bodyweight"
            and equipment not in program.get("equipment", {})
        ):
            options = [*sorted(program.get("equipment", {})), "bodyweight"]
            checker.error(
                (*path, "equipment"),
                f"{show(equipment)} is not in equipment{did_you_mean(equipment, options)}",
            )
        ladder = spec.get("ladder")
        if ladder:
            check_ladder(checker, (*path, "ladder"), ladder, known)
            if exercise_id not in ladder:
                checker.error((*path, "ladder"), f"the ladder must include {exercise_id} itself")


# --- maxes -----------------------------------------------------------------------------------


def _check_maxes(checker: Checker) -> None:
    known = known_exercises(checker.program)
    for exercise_id, entry in checker.program.get("maxes", {}).items():
        path: Path = ("maxes", exercise_id)
        if exercise_id not in known:
            checker.error(
                path,
                f"unknown exercise {show(exercise_id)}{did_you_mean(exercise_id, known)}",
                key=True,
            )
        if "one_rm" in entry and "tested" in entry:
            checker.error(path, "give one_rm or tested, not both")
        training_max = entry.get("training_max")
        if isinstance(training_max, str) and "one_rm" not in entry and "tested" not in entry:
            checker.error((*path, "training_max"), f"{training_max} of what? add one_rm or tested")


# --- phases ----------------------------------------------------------------------------------


def _check_phases(checker: Checker) -> None:
    program = checker.program
    phases = program["phases"]
    if "sessions" not in phases[0]:
        checker.error(("phases", 0), "the first phase needs sessions")
    known_types = set(day_types(program))
    for index, phase in enumerate(phases):
        _check_phase_model(checker, index, phase, known_types)


def _check_spans(checker: Checker, spans: list[PhaseSpan]) -> None:
    phases = checker.program["phases"]
    for span, previous in zip(spans[1:], spans, strict=False):
        path: Path = ("phases", span.index, "weeks")
        name = phases[previous.index]["name"]
        if span.first <= previous.last:
            checker.error(
                path,
                f"weeks {span.first}-{span.last} overlap the phase before, {show(name)} "
                f"(weeks {previous.first}-{previous.last})",
            )
        elif span.first > previous.last + 1:
            gap = (
                f"{previous.last + 1}-{span.first - 1}"
                if span.first - previous.last > 2
                else str(previous.last + 1)
            )
            checker.error(
                path, f"week {gap} belongs to no phase: {show(name)} ends at week {previous.last}"
            )
    for span in spans:
        if span.last < span.first:
            path = ("phases", span.index, "weeks")
            checker.error(path, f"{span.first}-{span.last}: the first week is after the last")
    if spans[0].first != 1:
        checker.error(("phases", 0, "weeks"), "the first phase must start at week 1")
    if spans[-1].last > MAX_PROGRAM_WEEKS:
        checker.error(
            ("phases", spans[-1].index, "weeks"),
            f"the program would last {spans[-1].last} weeks; the most is {MAX_PROGRAM_WEEKS}",
        )


def _check_phase_model(
    checker: Checker, index: int, phase: Mapping[str, Any], known_types: set[str]
) -> None:
    program = checker.program
    path: Path = ("phases", index)
    model = phase_setting(phase, "model")
    for key, owner in (("linear", "linear"), ("day_types", "undulating")):
        if key in phase and model != owner:
            checker.error(
                (*path, key),
                f"{key} is only used with model: {owner} (this phase is {model})",
                key=True,
            )
    days = phase_training_days(program, phase)
    for weekday, day_type in phase.get("day_types", {}).items():
        if weekday not in days:
            checker.error(
                (*path, "day_types", weekday),
                f"{weekday} is not a training day of this phase ({', '.join(days)})",
                key=True,
            )
        if day_type not in known_types:
            checker.error(
                (*path, "day_types", weekday),
                f"unknown day type {show(day_type)}{did_you_mean(day_type, known_types)}",
            )
    if model == "undulating":
        for weekday in days:
            if weekday not in phase.get("day_types", {}):
                checker.error((*path, "day_types"), f"{weekday} is a training day with no day type")
    sessions = phase_sessions(program["phases"], index) or {}
    mapping = phase.get("days")
    if isinstance(mapping, Mapping):
        for weekday, label in mapping.items():
            if label not in sessions:
                checker.error(
                    (*path, "days", weekday),
                    f"no session {show(label)} in this phase{did_you_mean(label, sessions)}",
                )
    linear = phase.get("linear", {})
    if "load" in linear:
        kinds = {parse_load(value).kind for value in linear["load"]}
        if len(kinds) > 1 or kinds & {"effort", "bodyweight"}:
            checker.error(
                (*path, "linear", "load"),
                "the first and last loads must both be loads or both percentages",
            )


# --- deloads ---------------------------------------------------------------------------------


def _check_deloads(checker: Checker) -> None:
    program = checker.program
    spans = phase_spans(program["phases"])
    length = spans[-1].last if spans else 0
    rules: list[tuple[Path, Mapping[str, Any], int]] = []
    if "deload" in program:
        rules.append((("deload",), program["deload"], length))
    for span, phase in zip(spans, program["phases"], strict=True):
        if isinstance(phase.get("deload"), Mapping):
            rules.append((("phases", span.index, "deload"), phase["deload"], span.weeks))
    for path, rule, weeks in rules:
        _check_deload_rule(checker, path, rule, weeks)


def _check_deload_rule(checker: Checker, path: Path, rule: Mapping[str, Any], weeks: int) -> None:
    if "every" in rule and "weeks" in rule:
        checker.error(path, "give every or weeks, not both")
    if rule.get("every") == 1:
        checker.error(
            (*path, "every"), "a deload every week leaves no training weeks: use every: 2 or more"
        )
    listed = rule.get("weeks", [])
    for index, week in enumerate(listed):
        if week > weeks:
            checker.error((*path, "weeks", index), f"week {week} is past the end ({weeks} weeks)")
    if weeks > 1 and set(range(1, weeks + 1)) <= set(listed):
        checker.error((*path, "weeks"), "every week is a deload: leave some training weeks")


def _check_hard_sets(checker: Checker) -> None:
    """A threshold above the one-rep max would leave no loaded set hard: the volume chart
    would count only sets it cannot judge, which is not what anyone means."""
    intensity = checker.program.get("hard_sets", {}).get("intensity")
    if intensity is not None and parse_percent(intensity) > 1:
        checker.error(
            ("hard_sets", "intensity"),
            f"{intensity}: above the one-rep max, hardly a set would count; give at most 100%",
        )
