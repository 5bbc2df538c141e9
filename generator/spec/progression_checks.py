"""Checks of the rules that follow the lifter: load steps that react to the log, stages,
AMRAP tables, and the tracks that let sessions of one lift share a progression.

Each finds a combination the plan could not follow, or would follow in a way the author
cannot have meant, and says where it is written.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from typing import Any

from generator.spec.checker import Checker
from generator.spec.layout import StepAt, Use, phase_sessions, session_items, steps_of, uses
from generator.spec.loader import Path
from generator.spec.notation import parse_percent, parse_reps
from generator.spec.schema import show

# Checks a fixed amount of load against the equipment (prescription_checks' rule).
IncrementCheck = Callable[[Checker, Use, Path, float | int | str], None]


def check_reactive_step(
    checker: Checker, use: Use, step: StepAt, check_increment: IncrementCheck
) -> None:
    """A load step's success rule, AMRAP table and failure rule, or a stages step."""
    settings, here = step.settings, step.path
    if step.method == "max" and use.item["exercise"] not in checker.program.get("maxes", {}):
        exercise = use.item["exercise"]
        checker.error(here, f"a max step moves the max: add maxes.{exercise}")
    if step.method == "load" and _bodyweight_alone(use.item.get("load")):
        checker.warn(
            here,
            "a load step on bodyweight alone adds nothing: write the load it starts with, "
            "bodyweight+5 say, to add load to it",
        )
    if step.method in ("load", "max"):
        if "add" in settings and "by_amrap" in settings:
            checker.error(here, "give add or by_amrap, not both: the table gives the amounts")
        _check_success(checker, use, here, settings)
        # A max is not lifted as it stands, so its raises need not be the equipment's steps.
        increment = check_increment if step.method == "load" else _any_increment
        _check_table(checker, use, here, settings, increment)
        _check_drop(checker, here, settings.get("fail", {}))
        if "after_sessions" in settings:
            _check_after_sessions(checker, use, here, settings)
    elif step.method == "stages":
        check_increment(checker, use, (*here, "add"), settings["add"])
        _check_success(checker, use, here, settings)
        for key in ("sets", "reps"):
            if key in use.item:
                checker.error((*use.path, key), f"the stages give the {key}: leave {key} out here")
        others = [s.method for s in steps_of(checker.program, use) if s.method in _LOAD_METHODS]
        if len(others) > 1:
            checker.error(here, "stages move the load themselves: drop the other load steps")
        if "wave" in use.item:
            checker.error(here, "stages and a wave both set the sets and reps: use one")
        reset = settings["reset"]
        share, at = (reset, (*here, "reset")) if isinstance(reset, str) else (None, None)
        if isinstance(reset, Mapping) and "test" in reset:
            share, at = reset["share"], (*here, "reset", "share")
        if share is not None and at is not None and not 0 < parse_percent(share) < 1:
            checker.error(at, f"{share}: a reset is more than 0% and less than 100%")


_LOAD_METHODS = ("load", "double", "stages")


def _bodyweight_alone(load: Any) -> bool:
    """Bodyweight with nothing added (`bodyweight`, `bodyweight+0`): a load step has no
    added load to move there.

    >>> _bodyweight_alone("bodyweight+0"), _bodyweight_alone("bodyweight + 2.5")
    (True, False)
    """
    return isinstance(load, str) and _NOTHING_ADDED.fullmatch(load) is not None


_NOTHING_ADDED = re.compile(r"bodyweight(?: ?[-+] ?0+(?:\.0+)?)?")


def _check_after_sessions(
    checker: Checker, use: Use, here: Path, settings: Mapping[str, Any]
) -> None:
    """A max raised after named sessions: each must be a session of the phase that trains
    the lift on this track, or the max would never rise."""
    if "after_weeks" in settings or "every" in settings:
        checker.error(here, "give after_sessions, after_weeks or every, one of them")
    sessions = phase_sessions(checker.program["phases"], use.phase_index) or {}
    track = (use.item["exercise"], use.item.get("track"))
    for index, label in enumerate(settings["after_sessions"]):
        at = (*here, "after_sessions", index)
        if label not in sessions:
            known = ", ".join(sessions)
            checker.error(at, f"no session {label} in this phase (it has {known})")
        elif not any(
            (item["exercise"], item.get("track")) == track
            for item in session_items(sessions[label])
        ):
            checker.error(at, f"session {label} does not train {track[0]} on this track")


def _any_increment(checker: Checker, use: Use, path: Path, add: float | int | str) -> None:
    """Every amount will do (for a max, which is rounded only when a load is taken of it)."""


def _amrap_reps(use: Use) -> int | None:
    """The minimum reps of the exercise's AMRAP last set, if it has one."""
    if "reps" not in use.item:
        return None
    reps = parse_reps(use.item["reps"])
    return reps.low if reps.amrap else None


def _check_success(checker: Checker, use: Use, here: Path, settings: Mapping[str, Any]) -> None:
    """An AMRAP target needs a last set done for as many reps as possible."""
    success = settings.get("success", "all")
    if not success.endswith("+"):
        return
    if "schemes" in settings:
        amrap = all(text.endswith("+") for text in settings["schemes"])
    else:
        amrap = _amrap_reps(use) is not None
    if not amrap:
        checker.error(
            (*here, "success"),
            f"{success} counts the reps of an AMRAP last set: write the reps as 15+",
        )


def _check_table(
    checker: Checker,
    use: Use,
    here: Path,
    settings: Mapping[str, Any],
    check_increment: IncrementCheck,
) -> None:
    """Rows in order, none overlapping, each amount one the equipment can make."""
    table = settings.get("by_amrap")
    if table is None:
        return
    path: Path = (*here, "by_amrap")
    if _amrap_reps(use) is None:
        checker.error(path, "an AMRAP table needs an AMRAP last set: write the reps as 5+")
    spans = []
    for key, amount in table.items():
        low, _, high = key.rstrip("+").partition("-")
        top = None if key.endswith("+") else int(high or low)
        if top is not None and top < int(low):
            checker.error((*path, key), f"{key}: the low end is above the high end")
            continue
        spans.append((int(low), top, key))
        check_increment(checker, use, (*path, key), amount)
    # An open row sorts after a closed one from the same count ("5" before "5+"), which it
    # overlaps; a bare None against a number would not sort at all.
    spans.sort(key=lambda span: (span[0], span[1] is None, span[1] or 0, span[2]))
    for (_, first_top, first), (low, _, second) in itertools.pairwise(spans):
        if first_top is None or first_top >= low:
            checker.error((*path, second), f"{second} overlaps {first}: each count has one row")


def _check_drop(checker: Checker, here: Path, fail: Mapping[str, Any]) -> None:
    drop = fail.get("drop")
    if isinstance(drop, str) and not 0 < parse_percent(drop) < 1:
        checker.error((*here, "fail", "drop"), f"{drop}: a drop is more than 0% and less than 100%")


def check_tracks(checker: Checker) -> None:
    """Sessions of one lift share its progression in a phase, so they must state it
    alike; a separate track is named. A track on a fixed prescription moves nothing."""
    program = checker.program
    first: dict[tuple[int, str, str], tuple[Use, Any]] = {}
    for use in uses(program):
        progress = use.item.get("progress", program["phases"][use.phase_index].get("progress"))
        track = use.item.get("track")
        if not progress:
            if track is not None:
                checker.warn(
                    (*use.path, "track"), "a track without progress steps has nothing to share"
                )
            continue
        key = (use.phase_index, use.item["exercise"], track or "")
        if key not in first:
            first[key] = (use, progress)
            continue
        earlier, steps = first[key]
        if progress != steps:
            where = "progress" if "progress" in use.item else "exercise"
            checker.error(
                (*use.path, where),
                f"{use.item['exercise']} progresses otherwise in session {earlier.label}: "
                "sessions of a lift share one progression, so give them the same steps, "
                "or name a separate track here (track: light)",
            )


def check_relative_loads(checker: Checker, use: Use) -> None:
    """A load taken from another session names a session of the phase that trains the
    exercise; ramp sets rise to the work sets and back-off sets are no heavier."""
    load = use.item.get("load")
    if isinstance(load, Mapping):
        _check_session_load(checker, use, load)
    for key, word in (("ramp", "below"), ("backoff", "at most")):
        for index, entry in enumerate(use.item.get(key, ())):
            where: Path = (*use.path, key, index)
            written = entry if isinstance(entry, str) else entry["load"]
            if isinstance(written, Mapping):
                _check_session_load(checker, use, written, (*where, "load", "session"))
                continue
            share = parse_percent(written)
            heavy = share >= 1 if key == "ramp" else share > 1
            if heavy or share <= 0:
                checker.error(where, f"a {key} set is {word} 100% of the work load, above 0%")


def _check_session_load(
    checker: Checker, use: Use, load: Mapping[str, Any], path: Path | None = None
) -> None:
    written = load["session"]
    labels = [written] if isinstance(written, str) else list(written)
    sessions = phase_sessions(checker.program["phases"], use.phase_index) or {}
    base = path or (*use.path, "load", "session")
    for index, label in enumerate(labels):
        where = base if isinstance(written, str) else (*base, index)
        if label not in sessions:
            known = ", ".join(sessions)
            checker.error(where, f"no session {show(label)} in this phase (it has {known})")
            continue
        exercise = use.item["exercise"]
        if not any(item["exercise"] == exercise for item in session_items(sessions[label])):
            checker.error(where, f"session {label} has no {exercise} to take the load from")


def check_test(checker: Checker, use: Use) -> None:
    """A test gives its own sets and reps and sets the max: it needs a load to be done at
    (an AMRAP test) or a max to plan the rep max from, and no progression of its own."""
    test = use.item.get("test")
    if test is None:
        return
    item, path = use.item, (*use.path, "test")
    for key in ("reps", "wave", "progress", "ramp", "backoff"):
        if key in item:
            checker.error((*use.path, key), f"a test gives its own sets and reps: drop {key}")
    if test == "amrap" and "load" not in item:
        checker.error(path, "an AMRAP test is done at a load: give the load")
    if item["exercise"] in checker.program.get("maxes", {}):
        return
    if test != "amrap" and "load" not in item:
        checker.error(
            path,
            f"a {test} test plans its load from the max: add maxes.{item['exercise']} "
            "or give the load",
        )
    else:
        checker.warn(path, f"a test sets the max, but {item['exercise']} has none under maxes")


def check_timed(checker: Checker, use: Use) -> None:
    """A timed set lasts so long instead of a number of reps; a time step needs one."""
    item = use.item
    if "time" in item and "reps" in item:
        checker.error((*use.path, "time"), "a timed set has no reps: give time or reps, not both")
    for step in steps_of(checker.program, use):
        if step.method == "time" and "time" not in item:
            checker.error(step.path, "a time step lengthens a timed set: give the set its time")
        if step.method in ("reps", "double", "stages") and "time" in item:
            checker.error(step.path, f"a timed set has no reps for a {step.method} step to move")


def check_supersets(checker: Checker) -> None:
    """A superset is exercises side by side in a session: two or more, not scattered."""
    for phase_index, phase in enumerate(checker.program["phases"]):
        for label, session in phase.get("sessions", {}).items():
            items = session_items(session)
            base: Path = ("phases", phase_index, "sessions", label)
            if isinstance(session, Mapping):
                base = (*base, "exercises")
            _check_session_supersets(checker, base, items)


def _check_session_supersets(checker: Checker, base: Path, items: list[Mapping[str, Any]]) -> None:
    runs: list[tuple[str, int, int]] = []  # (name, first index, count)
    for index, item in enumerate(items):
        name = item.get("superset")
        if name is None:
            continue
        if runs and runs[-1][0] == name and runs[-1][1] + runs[-1][2] == index:
            runs[-1] = (name, runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((name, index, 1))
    seen: set[str] = set()
    for name, first, count in runs:
        path: Path = (*base, first, "superset")
        if name in seen:
            checker.error(path, f"superset {name} is split: put its exercises side by side")
        elif count == 1:
            checker.error(path, f"superset {name} has one exercise: a superset pairs two or more")
        seen.add(name)


def check_climb_at_top(checker: Checker, use: Use, step: StepAt) -> None:
    """A variation taken at the top of the range needs a range climbed: double progression."""
    if step.settings.get("when") != "top":
        return
    if not any(other.method == "double" for other in steps_of(checker.program, use)):
        checker.error(
            (*step.path, "when"),
            "a variation at the top of the range needs double progression to climb it "
            "(double: {add: ...} and reps such as 8-15)",
        )
