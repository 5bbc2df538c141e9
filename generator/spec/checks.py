"""Checks a JSON Schema cannot express: references, arithmetic and training sense.

They run on a spec that passed schema validation, so shapes and types can be
trusted; what is checked here is whether the parts agree with each other (an
exercise that exists, a max for a percentage, plates that can make a step) and,
as warnings, whether the training is sensible (a deload now and then, loads that
do not jump, advanced techniques used sparingly).
"""

from __future__ import annotations

import datetime
import difflib
import itertools
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.errors import Diagnostic
from generator.plan.maths import RPE_TABLE_MIN, RPE_TABLE_REPS
from generator.spec.catalogue import CATALOGUE
from generator.spec.defaults import (
    DELOAD_WARNING_WEEKS,
    GOAL_REPS,
    LATEST_WEEKS,
    WEEKLY_LOAD_JUMP,
    schema_default,
)
from generator.spec.layout import (
    PhaseSpan,
    day_types,
    deload_weeks,
    equipment_of,
    ladder_of,
    phase_sessions,
    phase_spans,
    phase_training_days,
    sessions_per_week,
)
from generator.spec.loader import Document, Path
from generator.spec.notation import (
    Reps,
    exact,
    parse_duration,
    parse_interval,
    parse_load,
    parse_percent,
    parse_reps,
)
from generator.spec.schema import Locating, show
from generator.wording import float_text

MAX_PROGRAM_WEEKS = 520


@dataclass
class _Checker(Locating):
    """The document under check and the problems found so far."""

    document: Document
    found: list[Diagnostic] = field(default_factory=list)

    @property
    def program(self) -> dict[str, Any]:
        data: dict[str, Any] = self.document.data
        return data


@dataclass(frozen=True, slots=True)
class _Use:
    """One exercise as prescribed in one session of one phase."""

    path: Path
    phase_index: int
    label: str
    item: Mapping[str, Any]


def semantic_diagnostics(document: Document) -> list[Diagnostic]:
    """Every semantic error and warning in a schema-valid program spec."""
    checker = _Checker(document)
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
    for use in _uses(checker.program):
        _check_use(checker, use)
    _check_technique_frequency(checker)
    return checker.found


# --- calendar -------------------------------------------------------------------------------


def _check_schedule(checker: _Checker) -> None:
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
        last = skip if isinstance(skip, str) else skip.get("to", skip.get("date", ""))
        if last < start:
            checker.warn(path, f"{show(last)} is before the program starts ({start})")
    zone = schedule.get("timezone")
    if zone is not None and not _known_zone(zone):
        checker.error(("schedule", "timezone"), f"{show(zone)} is not a known IANA time zone")


def _latest_start(weeks: int) -> datetime.date:
    """The last start date whose plan, log and calendar (an all-day event ends the next
    day) stay within the dates Python can hold."""
    return datetime.date.max - datetime.timedelta(weeks=weeks + LATEST_WEEKS + 1)


def _known_zone(name: str) -> bool:
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


def _check_equipment(checker: _Checker) -> None:
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
    sizes = [exact(size) for size in plates]
    denominator = math.lcm(*(size.denominator for size in sizes))
    return Fraction(math.gcd(*(int(size * denominator) for size in sizes)), denominator)


def _known_exercises(program: Mapping[str, Any]) -> set[str]:
    return set(CATALOGUE) | set(program.get("exercises", {}))


def _check_exercises(checker: _Checker) -> None:
    program = checker.program
    known = _known_exercises(program)
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
                f"{show(equipment)} is not in equipment{_did_you_mean(equipment, options)}",
            )
        ladder = spec.get("ladder")
        if ladder:
            _check_ladder(checker, (*path, "ladder"), ladder, known)
            if exercise_id not in ladder:
                checker.error((*path, "ladder"), f"the ladder must include {exercise_id} itself")


def _check_ladder(checker: _Checker, path: Path, ladder: list[str], known: set[str]) -> None:
    for index, rung in enumerate(ladder):
        if rung not in known:
            checker.error(
                (*path, index), f"unknown exercise {show(rung)}{_did_you_mean(rung, known)}"
            )


# --- maxes -----------------------------------------------------------------------------------


def _check_maxes(checker: _Checker) -> None:
    known = _known_exercises(checker.program)
    for exercise_id, entry in checker.program.get("maxes", {}).items():
        path: Path = ("maxes", exercise_id)
        if exercise_id not in known:
            checker.error(
                path,
                f"unknown exercise {show(exercise_id)}{_did_you_mean(exercise_id, known)}",
                key=True,
            )
        if "one_rm" in entry and "tested" in entry:
            checker.error(path, "give one_rm or tested, not both")
        training_max = entry.get("training_max")
        if isinstance(training_max, str) and "one_rm" not in entry and "tested" not in entry:
            checker.error((*path, "training_max"), f"{training_max} of what? add one_rm or tested")
        one_rm = entry.get("one_rm")
        if isinstance(training_max, int | float) and one_rm and training_max > one_rm:
            checker.warn(
                (*path, "training_max"),
                f"the training max {training_max} is above the one-rep max {one_rm}",
            )
        tested = entry.get("tested")
        if tested and tested["reps"] > 10:
            checker.warn(
                (*path, "tested", "reps"),
                f"estimates from {tested['reps']} reps are unreliable; test 10 or fewer",
            )


def _max_problem(program: Mapping[str, Any], exercise_id: str, what: str, of: str) -> str:
    """Why `what` (a load taken from a max) cannot be worked out, or "" if it can.

    A maxes entry that is there but incomplete has its own error, so it is not
    reported again at every load that uses it.
    """
    entry = program.get("maxes", {}).get(exercise_id)
    if entry is None:
        kind = "a training max" if of == "training_max" else "a max"
        return f"{what} needs {kind} for {exercise_id}: add it under maxes"
    only_training_max = "one_rm" not in entry and "tested" not in entry
    if of == "one_rm" and only_training_max and isinstance(entry.get("training_max"), int | float):
        return (
            f"{what} is taken from the one-rep max, and {exercise_id} has only a training "
            "max: use a tm percentage (80% tm), or add one_rm"
        )
    return ""


# --- phases ----------------------------------------------------------------------------------


def _check_phases(checker: _Checker) -> None:
    program = checker.program
    phases = program["phases"]
    if "sessions" not in phases[0]:
        checker.error(("phases", 0), "the first phase needs sessions")
    known_types = set(day_types(program))
    for index, phase in enumerate(phases):
        _check_phase_model(checker, index, phase, known_types)


def _check_spans(checker: _Checker, spans: list[PhaseSpan]) -> None:
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
    checker: _Checker, index: int, phase: Mapping[str, Any], known_types: set[str]
) -> None:
    program = checker.program
    path: Path = ("phases", index)
    model = phase.get("model", "fixed")
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
                f"unknown day type {show(day_type)}{_did_you_mean(day_type, known_types)}",
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
                    f"no session {show(label)} in this phase{_did_you_mean(label, sessions)}",
                )
        for label in sessions:
            if label not in mapping.values() and "sessions" in phase:
                checker.warn(
                    (*path, "sessions", label), f"session {label} is on none of the days", key=True
                )
    linear = phase.get("linear", {})
    if "load" in linear:
        kinds = {parse_load(value).kind for value in linear["load"]}
        if len(kinds) > 1 or kinds & {"effort", "bodyweight"}:
            checker.error(
                (*path, "linear", "load"),
                "the first and last loads must both be loads or both percentages",
            )
    if model == "wave":
        uses = [use for use in _uses(program) if use.phase_index == index and "wave" in use.item]
        if not uses and "sessions" in phase:
            checker.warn((*path, "model"), "a wave phase in which no exercise follows a wave")


# --- deloads ---------------------------------------------------------------------------------


def _check_deloads(checker: _Checker) -> None:
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
    _warn_long_stretches(checker, deload_weeks(program), length)


def _check_deload_rule(checker: _Checker, path: Path, rule: Mapping[str, Any], weeks: int) -> None:
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


def _warn_long_stretches(checker: _Checker, deloads: set[int], length: int) -> None:
    last_deload = 0
    for week in [*sorted(deloads), length + 1]:
        stretch = week - last_deload - 1
        if stretch > DELOAD_WARNING_WEEKS:
            first, last = last_deload + 1, week - 1
            where: Path = ("deload",) if "deload" in checker.program else ("phases",)
            message = (
                f"weeks {first}-{last} ({stretch} weeks) have no deload; "
                "one every 4-8 weeks aids recovery"
            )
            checker.warn(where, message, key=True)
        last_deload = week


# --- exercises as prescribed ---------------------------------------------------------------


def _uses(program: Mapping[str, Any]) -> Iterator[_Use]:
    for phase_index, phase in enumerate(program["phases"]):
        for label, session in phase.get("sessions", {}).items():
            base: Path = ("phases", phase_index, "sessions", label)
            items = session
            if isinstance(session, Mapping):
                items, base = session["exercises"], (*base, "exercises")
            for index, item in enumerate(items):
                yield _Use((*base, index), phase_index, label, item)


def _check_use(checker: _Checker, use: _Use) -> None:
    program = checker.program
    item = use.item
    exercise_id = item["exercise"]
    known = _known_exercises(program)
    if exercise_id not in known:
        checker.error(
            (*use.path, "exercise"),
            f"unknown exercise {show(exercise_id)}{_did_you_mean(exercise_id, known)}",
        )
        return
    phase = program["phases"][use.phase_index]
    reps = parse_reps(item.get("reps", GOAL_REPS[phase.get("goal", "general")]))
    if "reps" in item and reps.low > reps.high:
        checker.error((*use.path, "reps"), f"{item['reps']}: the low end is above the high end")
    _check_loads(checker, use, exercise_id, reps)
    _check_pause_has_tempo(checker, use)
    _check_wave(checker, use, phase)
    _check_band(checker, use)
    if phase.get("model") == "undulating" and "load" in item:
        checker.warn(
            (*use.path, "load"),
            "in an undulating phase the day type sets the load; this load overrides it",
        )
    steps = item.get("progress", phase.get("progress", []))
    steps_path: Path = (
        (*use.path, "progress") if "progress" in item else ("phases", use.phase_index, "progress")
    )
    for index, step in enumerate(steps):
        _check_step(checker, use, (*steps_path, index), step, reps.is_range, nested=False)
    _check_technique(checker, use)


def _check_loads(checker: _Checker, use: _Use, exercise_id: str, reps: Reps) -> None:
    """Check the exercise's own load, or the loads its phase's model hands it."""
    if "load" in use.item:
        path: Path = (*use.path, "load")
        _check_load(checker, exercise_id, use.item["load"], path, origin="", reps=reps)
        return
    if equipment_of(checker.program, exercise_id) == (None, ""):
        return  # a bodyweight exercise takes the phase's sets and reps, not its loads
    phase = checker.program["phases"][use.phase_index]
    model = phase.get("model", "fixed")
    where: Path = (*use.path, "exercise")
    if model == "linear":
        for value in phase["linear"].get("load", []):
            _check_load(checker, exercise_id, value, where, origin="the linear load ")
    if model == "undulating":
        types = day_types(checker.program)
        for name in sorted(set(phase["day_types"].values()) & set(types)):
            value = types[name].get("load")
            if value is not None:
                _check_load(checker, exercise_id, value, where, origin=f"the {name} day's load ")


def _check_load(
    checker: _Checker,
    exercise_id: str,
    load_text: Any,
    path: Path,
    *,
    origin: str,
    reps: Reps | None = None,
) -> None:
    program = checker.program
    load = parse_load(load_text)
    if load.kind == "effort":
        _check_effort(checker, path, load.value, reps)
    if load.kind in ("percent", "effort"):
        problem = _max_problem(program, exercise_id, f"{origin}{load_text}", load.of)
        if problem:
            checker.error(path, problem)
    if load.kind != "bodyweight":
        name, problem = equipment_of(program, exercise_id)
        if problem:
            checker.error(path, problem)
        elif name is None:
            checker.error(
                path,
                f"{exercise_id} is a bodyweight exercise: "
                f"write bodyweight+{load_text} for added load"
                if load.kind == "absolute"
                else f"{exercise_id} is a bodyweight exercise: give its load as bodyweight",
            )


def _check_effort(checker: _Checker, path: Path, rpe: Fraction, reps: Reps | None) -> None:
    """An effort load is read off the reps x RPE table, which covers 1-12 reps at RPE 6-10."""
    if rpe < RPE_TABLE_MIN:
        checker.error(
            path, f"the reps x RPE table starts at RPE {RPE_TABLE_MIN}: give a load instead"
        )
    if reps is not None and reps.high not in RPE_TABLE_REPS:
        checker.error(
            path,
            f"the reps x RPE table covers 1-{RPE_TABLE_REPS[-1]} reps, not {reps.high}: "
            "give a load",
        )


def _check_pause_has_tempo(checker: _Checker, use: _Use) -> None:
    """A pause step lengthens a hold in the tempo, so there must be a tempo to lengthen."""
    steps = list(use.item.get("progress", []))
    methods = {method for step in steps for method in step} | {
        method
        for step in steps
        for inner in step.get("rotate", {}).get("steps", [])
        for method in inner
    }
    has_tempo = "tempo" in use.item or "tempo" in checker.program.get("defaults", {})
    if "pause" in methods and not has_tempo and "tempo" not in methods:
        checker.error(
            (*use.path, "progress"), "a pause step lengthens a hold in the tempo: give a tempo"
        )


def _check_wave(checker: _Checker, use: _Use, phase: Mapping[str, Any]) -> None:
    wave = use.item.get("wave")
    if wave is None:
        return
    path: Path = (*use.path, "wave")
    waves = checker.program.get("waves", {})
    if wave not in waves:
        checker.error(path, f"unknown wave {show(wave)}{_did_you_mean(wave, waves)}")
        return
    if phase.get("model") != "wave":
        checker.error(path, "wave is only used in a phase with model: wave")
    of = waves[wave].get("of", "training_max")
    problem = _max_problem(checker.program, use.item["exercise"], "the wave", of)
    if problem:
        checker.error(path, problem)


def _check_band(checker: _Checker, use: _Use) -> None:
    band = use.item.get("band")
    if band is None:
        return
    bands = {
        name
        for item in checker.program.get("equipment", {}).values()
        if item["kind"] == "bands"
        for name in item["bands"]
    }
    if band not in bands:
        checker.error(
            (*use.path, "band"), f"no band {show(band)} in equipment{_did_you_mean(band, bands)}"
        )


def _check_step(
    checker: _Checker,
    use: _Use,
    path: Path,
    step: Mapping[str, Any],
    has_range: bool,
    *,
    nested: bool,
) -> None:
    ((method, settings),) = step.items()
    here: Path = (*path, method)
    if method in ("load", "double"):
        _check_increment(checker, use, (*here, "add"), settings["add"])
    if method == "double" and "back_off" in settings:
        share = parse_percent(settings["back_off"])
        if not 0 < share < 1:
            checker.error(
                (*here, "back_off"),
                f"{settings['back_off']}: a back-off is more than 0% and less than 100%",
            )
    if method == "double" and not has_range:
        checker.error(
            here,
            f"double progression needs a rep range such as 8-12 (reps is {use.item.get('reps')})",
        )
    if method in ("sets", "reps"):
        add = settings.get("add", 1)
        if add > 0 and "max" not in settings:
            checker.error(here, f"adding {method} needs max, where it stops")
        if add < 0 and "min" not in settings:
            checker.error(here, f"removing {method} needs min, where it stops")
    if method == "rest":
        change = parse_duration(settings["step"])
        if change < 0 and "floor" not in settings:
            checker.error(here, "shortening rest needs floor, the shortest rest")
        if change > 0 and "ceiling" not in settings:
            checker.error(here, "lengthening rest needs ceiling, the longest rest")
    if (
        method == "frequency"
        and parse_interval(
            settings.get(
                "every",
                schema_default("definitions", "step", "properties", method, "properties", "every"),
            )
        ).unit
        == "session"
    ):
        checker.error((*here, "every"), "frequency changes week by week: give every in weeks (4w)")
    if method == "frequency":
        days = phase_training_days(checker.program, checker.program["phases"][use.phase_index])
        if settings["max"] > len(days):
            checker.error(
                (*here, "max"),
                f"{settings['max']} sessions a week, but the phase trains on {len(days)} days",
            )
    if method == "variation":
        _check_variation(checker, use, here, settings)
    if method == "rotate":
        if nested:
            checker.error(here, "a rotation cannot hold another rotation")
        for index, inner in enumerate(settings["steps"]):
            _check_step(checker, use, (*here, "steps", index), inner, has_range, nested=True)
    if method in ("load", "double"):
        _warn_load_jump(checker, use, here, settings)


def _check_variation(checker: _Checker, use: _Use, path: Path, settings: Mapping[str, Any]) -> None:
    program = checker.program
    exercise_id = use.item["exercise"]
    ladder = list(settings.get("ladder") or ladder_of(program, exercise_id))
    if "ladder" in settings:
        _check_ladder(checker, (*path, "ladder"), ladder, _known_exercises(program))
    if not ladder:
        checker.error(
            path,
            f"{exercise_id} has no ladder: give one here or under exercises.{exercise_id}.ladder",
        )
    elif exercise_id not in ladder:
        checker.error(path, f"{exercise_id} is not on the ladder ({', '.join(ladder)})")
    elif ladder[-1] == exercise_id:
        checker.warn(path, f"{exercise_id} is already the top of its ladder")


def _check_increment(checker: _Checker, use: _Use, path: Path, add: float | int | str) -> None:
    """A fixed load step must be one the equipment can make, or the plan cannot follow it."""
    if isinstance(add, str):
        return
    name, _ = equipment_of(checker.program, use.item["exercise"])
    if name is None:
        return
    item = checker.program["equipment"][name]
    step = _smallest_step(item)
    if step and exact(add) % step:
        units = checker.program.get("units", "kg")
        checker.error(
            path,
            f"the {name} cannot add {add} {units}: "
            f"loads move in steps of {float_text(step)} {units}{_step_reason(item)}",
        )


def _smallest_step(item: Mapping[str, Any]) -> Fraction | None:
    """The finest change in load the equipment allows (the gcd of its increments)."""
    if item["kind"] == "barbell":
        increments = [2 * exact(plate) for plate in item["plates"]]
    elif item["kind"] == "machine":
        increments = [exact(item["step"])]
    elif item["kind"] in ("dumbbells", "kettlebells"):
        loads = sorted(exact(load) for load in item["loads"])
        increments = [b - a for a, b in itertools.pairwise(loads)]
    else:
        return None
    return _gcd(increments) if increments else None


def _gcd(values: list[Fraction]) -> Fraction:
    denominator = math.lcm(*(value.denominator for value in values))
    return Fraction(math.gcd(*(int(value * denominator) for value in values)), denominator)


def _step_reason(item: Mapping[str, Any]) -> str:
    if item["kind"] == "barbell":
        smallest = min(exact(plate) for plate in item["plates"])
        return f" (a pair of the smallest plates, {float_text(smallest)})"
    return ""


def _warn_load_jump(checker: _Checker, use: _Use, path: Path, settings: Mapping[str, Any]) -> None:
    """Warn when a planned rise in load exceeds WEEKLY_LOAD_JUMP in a week."""
    interval = parse_interval(settings.get("every", "session"))
    if interval.unit == "session":
        sessions = sessions_per_week(checker.program, use.phase_index, use.label)
        per_week = sessions / interval.count
    else:
        per_week = Fraction(1, interval.count)
    add = settings["add"]
    if isinstance(add, str):
        weekly_share = parse_percent(add) * per_week
    else:
        start = _absolute_load(checker.program, use.item)
        if not start:
            return
        weekly_share = exact(add) * per_week / start
    if path[-1] == "double":
        return  # double progression adds load only once the reps reach the top
    if weekly_share > Fraction(WEEKLY_LOAD_JUMP):
        share = f"about {float(weekly_share):.1%}" if weekly_share < 10 else "more than 1000%"
        checker.warn(
            path,
            f"load rises {share} a week; more than {WEEKLY_LOAD_JUMP:.0%} is hard to sustain",
        )


def _absolute_load(program: Mapping[str, Any], item: Mapping[str, Any]) -> Fraction | None:
    if "load" not in item:
        return None
    load = parse_load(item["load"])
    if load.kind == "absolute":
        return load.value
    entry = program.get("maxes", {}).get(item["exercise"], {})
    if load.kind == "percent" and "one_rm" in entry and load.of == "one_rm":
        return load.value * exact(entry["one_rm"])
    return None


# --- advanced techniques -------------------------------------------------------------------


def _check_technique(checker: _Checker, use: _Use) -> None:
    technique = use.item.get("technique")
    if technique is None:
        return
    path: Path = (*use.path, "technique")
    kind = technique["kind"]
    if kind == "drop_set":
        drop = parse_percent(technique.get("drop", "25%"))
        if not Fraction(1, 5) <= drop <= Fraction(3, 10):
            checker.warn((*path, "drop"), f"a drop of {technique['drop']}: 20-30% is usual")
    if kind == "rest_pause":
        rest = parse_duration(technique.get("rest", "15s"))
        if not 10 <= rest <= 20:
            checker.warn((*path, "rest"), f"{technique['rest']} between mini-sets: 10-20s is usual")
        mini_sets = technique.get("mini_sets", 2)
        if not 2 <= mini_sets <= 3:
            checker.warn((*path, "mini_sets"), f"{mini_sets} mini-sets: 2-3 is usual")


def _check_technique_frequency(checker: _Checker) -> None:
    """An advanced technique more than once a week on one exercise is too often."""
    by_phase_exercise: dict[tuple[int, str], list[_Use]] = {}
    for use in _uses(checker.program):
        if "technique" in use.item:
            by_phase_exercise.setdefault((use.phase_index, use.item["exercise"]), []).append(use)
    for (_, exercise_id), uses in by_phase_exercise.items():
        if len({use.label for use in uses}) > 1:
            for use in uses[1:]:
                checker.warn(
                    (*use.path, "technique"),
                    f"{exercise_id} has an advanced technique in more than one session a week; "
                    "once every few weeks is plenty",
                )


def _did_you_mean(word: str, options: Any) -> str:
    """Suggest the ids that contain the word as a part (squat: back_squat ...), else the closest.

    With many such ids the shortest come first: they are the plainest variants.
    """
    containing = sorted(
        (option for option in options if word in option.split("_")), key=lambda o: (len(o), o)
    )
    if len(containing) > 1:
        return f": did you mean one of {', '.join(containing[:5])}?"
    close = containing or difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f": did you mean {show(close[0])}?" if close else ""
