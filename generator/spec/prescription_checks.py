"""Checks of each exercise as prescribed in a session: an exercise that exists, reps
whose ends are in order, a load that can be worked out, a wave and a band that exist,
and progression steps the plan can follow.

They report errors only; `training_sense` judges the same uses for the warnings.

A spec prescribes the same few exercises, equipment and maxes over and over, so what
each use would work out again (the exercises a spec may name, which equipment an exercise
uses, the step that equipment loads in, a max as built) is worked out once per spec, in
its `SpecFacts`, the first time a use asks.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from generator.plan.maths import RPE_TABLE_MIN, RPE_TABLE_REPS
from generator.spec.building import max_from
from generator.spec.checker import Checker, did_you_mean
from generator.spec.defaults import GOAL_REPS, schema_default
from generator.spec.exercises import equipment_from
from generator.spec.layout import (
    StepAt,
    Use,
    day_types,
    equipment_of,
    known_exercises,
    ladder_of,
    phase_setting,
    phase_training_days,
    steps_of,
)
from generator.spec.loader import Path
from generator.spec.model import Max
from generator.spec.notation import (
    Reps,
    exact,
    parse_duration,
    parse_interval,
    parse_load,
    parse_percent,
    parse_reps,
)
from generator.spec.progression_checks import (
    check_climb_at_top,
    check_reactive_step,
    check_relative_loads,
    check_test,
    check_timed,
)
from generator.spec.schema import show
from generator.wording import float_text


class SpecFacts:
    """What the uses of one spec keep asking, each worked out once, when first asked."""

    def __init__(self, program: Mapping[str, Any]) -> None:
        self.program = program
        self.known: frozenset[str] = frozenset(known_exercises(program))
        self._equipment: dict[str, tuple[str | None, str]] = {}
        self._steps: dict[str, Fraction | None] = {}
        self._maxes: dict[str, Max] = {}

    def equipment_of(self, exercise_id: str) -> tuple[str | None, str]:
        """`layout.equipment_of` for this spec."""
        if exercise_id not in self._equipment:
            self._equipment[exercise_id] = equipment_of(self.program, exercise_id)
        return self._equipment[exercise_id]

    def load_step(self, name: str) -> Fraction | None:
        """The finest change in load the spec's equipment `name` makes."""
        if name not in self._steps:
            self._steps[name] = equipment_from(name, self.program["equipment"][name]).finest
        return self._steps[name]

    def max_of(self, exercise_id: str, entry: Mapping[str, Any]) -> Max:
        """The exercise's max as built from its (given) maxes entry."""
        if exercise_id not in self._maxes:
            self._maxes[exercise_id] = max_from(entry)
        return self._maxes[exercise_id]

    def check_increment(
        self, checker: Checker, use: Use, path: Path, add: float | int | str
    ) -> None:
        """A fixed load step must be one the equipment can make, or the plan cannot
        follow it; a step finer than the equipment's accumulates (the load moves when the
        sum reaches one of its steps), but a coarser one that is not a whole number of
        them cannot."""
        if isinstance(add, str):
            return
        name, _ = self.equipment_of(use.item["exercise"])
        if name is None:
            return
        step = self.load_step(name)
        amount = exact(add)
        if step and amount > step and amount % step:
            item = self.program["equipment"][name]
            units = self.program.get("units", schema_default("properties", "units"))
            checker.error(
                path,
                f"the {name} cannot add {add} {units}: "
                f"loads move in steps of {float_text(step)} {units}{_step_reason(item)}",
            )


def check_use(checker: Checker, use: Use, facts: SpecFacts) -> None:
    """An exercise as prescribed: known, with reps, a load, a wave and steps it can follow."""
    program = checker.program
    item = use.item
    exercise_id = item["exercise"]
    known = facts.known
    if exercise_id not in known:
        checker.error(
            (*use.path, "exercise"),
            f"unknown exercise {show(exercise_id)}{did_you_mean(exercise_id, known)}",
        )
        return
    phase = program["phases"][use.phase_index]
    reps = parse_reps(item.get("reps", GOAL_REPS[phase_setting(phase, "goal")]))
    if "reps" in item and reps.low > reps.high:
        checker.error((*use.path, "reps"), f"{item['reps']}: the low end is above the high end")
    _check_loads(checker, use, exercise_id, reps, facts)
    check_relative_loads(checker, use)
    check_test(checker, use)
    check_timed(checker, use)
    _check_pause_has_tempo(checker, use)
    _check_wave(checker, use, phase, facts)
    _check_band(checker, use)
    for step in steps_of(program, use):
        _check_step(checker, use, step, reps.is_range, facts)


def _check_loads(
    checker: Checker, use: Use, exercise_id: str, reps: Reps, facts: SpecFacts
) -> None:
    """Check the exercise's own load, or the loads its phase's model hands it."""
    if "load" in use.item:
        path: Path = (*use.path, "load")
        _check_load(facts, checker, exercise_id, use.item["load"], path, origin="", reps=reps)
        return
    if facts.equipment_of(exercise_id) == (None, ""):
        return  # a bodyweight exercise takes the phase's sets and reps, not its loads
    phase = checker.program["phases"][use.phase_index]
    model = phase_setting(phase, "model")
    where: Path = (*use.path, "exercise")
    if model == "linear":
        for value in phase["linear"].get("load", []):
            _check_load(facts, checker, exercise_id, value, where, origin="the linear load ")
    if model == "undulating":
        types = day_types(checker.program)
        for name in sorted(set(phase["day_types"].values()) & set(types)):
            value = types[name].get("load")
            if value is not None:
                origin = f"the {name} day's load "
                _check_load(facts, checker, exercise_id, value, where, origin=origin)


def _check_load(
    facts: SpecFacts,
    checker: Checker,
    exercise_id: str,
    load_text: Any,
    path: Path,
    *,
    origin: str,
    reps: Reps | None = None,
) -> None:
    load = parse_load(load_text)
    if load.kind == "effort":
        _check_effort(checker, path, load.value, reps)
    if load.lift is not None and load.lift not in facts.known:
        known = facts.known
        checker.error(path, f"unknown exercise {show(load.lift)}{did_you_mean(load.lift, known)}")
        return
    if load.kind in ("percent", "effort"):
        lift = load.lift or exercise_id
        problem = _max_problem(facts, lift, f"{origin}{load_text}", load.of)
        if problem:
            checker.error(path, problem)
    if load.kind != "bodyweight":
        name, problem = facts.equipment_of(exercise_id)
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


def _check_effort(checker: Checker, path: Path, rpe: Fraction, reps: Reps | None) -> None:
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


def _check_pause_has_tempo(checker: Checker, use: Use) -> None:
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


def _check_wave(checker: Checker, use: Use, phase: Mapping[str, Any], facts: SpecFacts) -> None:
    wave = use.item.get("wave")
    if wave is None:
        return
    path: Path = (*use.path, "wave")
    waves = checker.program.get("waves", {})
    if wave not in waves:
        checker.error(path, f"unknown wave {show(wave)}{did_you_mean(wave, waves)}")
        return
    if phase_setting(phase, "model") != "wave":
        checker.error(path, "wave is only used in a phase with model: wave")
    of = waves[wave].get("of", schema_default("definitions", "wave", "properties", "of"))
    problem = _max_problem(facts, use.item["exercise"], "the wave", of)
    if problem:
        checker.error(path, problem)


def _check_band(checker: Checker, use: Use) -> None:
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
            (*use.path, "band"), f"no band {show(band)} in equipment{did_you_mean(band, bands)}"
        )


def _check_step(
    checker: Checker, use: Use, step: StepAt, has_range: bool, facts: SpecFacts
) -> None:
    """A step the plan can follow: one the equipment can make, with its limits given."""
    method, settings, here = step.method, step.settings, step.path
    if method in ("load", "double") and "add" in settings:
        facts.check_increment(checker, use, (*here, "add"), settings["add"])
    if method in ("load", "stages", "max"):
        check_reactive_step(checker, use, step, facts.check_increment)
    if method == "double":
        _check_double(checker, use, step, has_range)
    if method in ("sets", "reps"):
        add = settings.get("add", _step_default(method, "add"))
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
    if method == "frequency":
        _check_frequency(checker, use, step)
    if method == "variation":
        _check_variation(checker, use, here, settings, facts)
        check_climb_at_top(checker, use, step)
    if method == "rotate" and step.nested:
        checker.error(here, "a rotation cannot hold another rotation")


def _step_default(method: str, key: str) -> Any:
    return schema_default("definitions", "step", "properties", method, "properties", key)


def _check_double(checker: Checker, use: Use, step: StepAt, has_range: bool) -> None:
    """Double progression climbs a rep range, and backs off by a share of the load."""
    settings, here = step.settings, step.path
    if "back_off" in settings:
        share = parse_percent(settings["back_off"])
        if not 0 < share < 1:
            checker.error(
                (*here, "back_off"),
                f"{settings['back_off']}: a back-off is more than 0% and less than 100%",
            )
    if not has_range:
        checker.error(
            here,
            f"double progression needs a rep range such as 8-12 (reps is {use.item.get('reps')})",
        )


def _check_frequency(checker: Checker, use: Use, step: StepAt) -> None:
    """Sessions are added week by week, up to the days the phase trains on."""
    settings, here = step.settings, step.path
    every = settings.get("every", _step_default(step.method, "every"))
    if parse_interval(every).unit == "session":
        checker.error((*here, "every"), "frequency changes week by week: give every in weeks (4w)")
    days = phase_training_days(checker.program, checker.program["phases"][use.phase_index])
    if settings["max"] > len(days):
        checker.error(
            (*here, "max"),
            f"{settings['max']} sessions a week, but the phase trains on {len(days)} days",
        )


def _check_variation(
    checker: Checker, use: Use, path: Path, settings: Mapping[str, Any], facts: SpecFacts
) -> None:
    program = checker.program
    exercise_id = use.item["exercise"]
    ladder = list(settings.get("ladder") or ladder_of(program, exercise_id))
    if "ladder" in settings:
        check_ladder(checker, (*path, "ladder"), ladder, facts.known)
    if not ladder:
        checker.error(
            path,
            f"{exercise_id} has no ladder: give one here or under exercises.{exercise_id}.ladder",
        )
    elif exercise_id not in ladder:
        checker.error(path, f"{exercise_id} is not on the ladder ({', '.join(ladder)})")


def _step_reason(item: Mapping[str, Any]) -> str:
    if item["kind"] == "barbell":
        smallest = min(exact(plate) for plate in item["plates"])
        return f" (a pair of the smallest plates, {float_text(smallest)})"
    return ""


def _max_problem(facts: SpecFacts, exercise_id: str, what: str, of: str) -> str:
    """Why `what` (a load taken from a max) cannot be worked out, or "" if it can.

    A maxes entry that is there but incomplete has its own error, so it is not
    reported again at every load that uses it.
    """
    entry = facts.program.get("maxes", {}).get(exercise_id)
    if entry is None:
        kind = "a training max" if of == "training_max" else "a max"
        return f"{what} needs {kind} for {exercise_id}: add it under maxes"
    built = facts.max_of(exercise_id, entry)
    if of == "one_rm" and built.one_rm is None and built.training_max is not None:
        return (
            f"{what} is taken from the one-rep max, and {exercise_id} has only a training "
            "max: use a tm percentage (80% tm), or add one_rm"
        )
    return ""


def check_ladder(
    checker: Checker, path: Path, ladder: list[str], known: set[str] | frozenset[str]
) -> None:
    """Every rung of a ladder is an exercise the spec may name."""
    for index, rung in enumerate(ladder):
        if rung not in known:
            checker.error(
                (*path, index), f"unknown exercise {show(rung)}{did_you_mean(rung, known)}"
            )
