"""A Hypothesis strategy for program specs that pass validation, with no errors.

`specs()` builds small but varied valid programs: start dates from 2020 to 2035 (with
year ends and leap days made likely), one to seven training weekdays, skipped dates
moved or dropped, one to three phases of the fixed, linear and undulating models,
a barbell, a dumbbell rack and sometimes a machine, maxes, prescriptions from a pool
of catalogue exercises with load (reacting to the log), double, stages, max, sets, reps,
rest, tempo and time progressions, timed sets, ramps, back-off sets, supersets, separate
tracks, deloads and advanced techniques. A spec the validator rejects is a bug in the
strategy: the properties over it fail loudly with the errors rather than filter it out.
"""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import strategies as st

from generator.spec.model import WEEKDAYS
from tests.support.spec_header import BARBELL

# Catalogue exercises and the equipment kind the catalogue gives them.
POOL: dict[str, str] = {
    "hip_thrust": "barbell",
    "back_squat": "barbell",
    "bench_press": "barbell",
    "deadlift": "barbell",
    "dumbbell_row": "dumbbells",
    "goblet_squat": "dumbbells",
    "push_up": "bodyweight",
    "pull_up": "bodyweight",
}
MACHINE: dict[str, Any] = {"kind": "machine", "step": 5, "min": 5, "max": 100}
DAY_TYPE_NAMES = ("heavy", "moderate", "light")
GOALS = ("hypertrophy", "strength", "power", "endurance", "general")
ESTIMATORS = ("epley", "brzycki", "lombardi", "oconner", "wathan", "mayhew")
TEMPOS = ("2-0-1-0", "3-0-1-0", "3-0-1-2", "2-0-X-0", "4-1-1-0")

_LEAP_WEEKS = [
    datetime.date(year, 2, 22) + datetime.timedelta(days=offset)
    for year in (2020, 2024, 2028, 2032)
    for offset in range(9)  # 22 February to 1 March, 29 February included
]
_YEAR_ENDS = [
    datetime.date(year, 12, 24) + datetime.timedelta(days=offset)
    for year in range(2020, 2035)
    for offset in range(11)  # 24 December to 3 January
]
start_dates = st.one_of(
    st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2035, 12, 31)),
    st.sampled_from(_LEAP_WEEKS),
    st.sampled_from(_YEAR_ENDS),
)
weekday_lists = st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True)
halves = st.integers(min_value=40, max_value=400).map(lambda n: n / 2)  # 20 to 200 by 0.5


def _number(value: float) -> float | int:
    """Whole numbers as ints, so the YAML reads 60 rather than 60.0."""
    return int(value) if value == int(value) else value


def _rep_range(draw: st.DrawFn) -> str:
    low = draw(st.integers(min_value=3, max_value=12))
    return f"{low}-{low + draw(st.integers(min_value=1, max_value=6))}"


def _reps(draw: st.DrawFn) -> int | str:
    if draw(st.booleans()):
        return draw(st.integers(min_value=1, max_value=15))
    return _rep_range(draw)


def _load(draw: st.DrawFn, kind: str) -> float | int | str:
    if kind == "dumbbells":
        return _number(draw(st.integers(min_value=4, max_value=100)) / 2)
    if kind == "bodyweight":
        return draw(
            st.sampled_from(["bodyweight", "bodyweight+5", "bodyweight+10", "bodyweight-10"])
        )
    if draw(st.booleans()):
        return _number(draw(halves))
    percent = draw(st.integers(min_value=40, max_value=95))
    return draw(st.sampled_from([f"{percent}%", f"{percent}% tm"]))


def _step(draw: st.DrawFn, method: str) -> dict[str, Any]:
    values: dict[str, Any]
    if method == "load":
        values = {
            "add": draw(st.sampled_from([2.5, 5])),
            "every": draw(st.sampled_from(["session", "week", "2w"])),
        }
        if draw(st.booleans()):
            values["max"] = _number(draw(halves))
        if draw(st.integers(0, 3)) == 0:
            values["fail"] = {"after": draw(st.integers(1, 3)), "drop": "10%"}
        if draw(st.integers(0, 3)) == 0:
            values["success"] = "last"
    elif method == "stages":
        values = {
            "schemes": draw(st.sampled_from([["5x3+", "6x2+", "10x1+"], ["3x10", "3x8", "3x6"]])),
            "add": 5,
            "reset": draw(st.sampled_from(["85%", {"add": 5}])),
        }
    elif method == "max":
        values = {
            "add": draw(st.sampled_from([2.5, 5, "2.5%"])),
            "every": draw(st.sampled_from(["session", "week", "2w"])),
        }
    elif method == "time":
        values = {"add": "5s", "every": draw(st.sampled_from(["week", "2w"])), "max": "60s"}
    elif method == "double":
        values = {"add": 5}
        if draw(st.booleans()):
            values["step"] = draw(st.sampled_from([1, 2]))
        if draw(st.booleans()):
            values["every"] = draw(st.sampled_from(["session", "week"]))
    elif method == "sets":
        values = {"add": 1, "every": "2w", "max": 5}
    elif method == "reps":
        values = {"add": 1, "max": 12}
    elif method == "rest":
        values = {"step": "-15s", "floor": "60s"}
    else:
        sequence = draw(st.lists(st.sampled_from(TEMPOS), min_size=2, max_size=3, unique=True))
        values = {"sequence": sequence}
        if draw(st.booleans()):
            values["every"] = draw(st.sampled_from(["week", "2w"]))
    return {method: values}


def _prescription(draw: st.DrawFn, exercise: str, model: str) -> dict[str, Any]:
    """One exercise of a session, with what fits its equipment and its phase's model."""
    kind = POOL[exercise]
    loaded = kind != "bodyweight"
    methods = ["sets", "reps", "rest", "tempo"]
    methods += ["load", "double", "stages"] if loaded else ["time"]
    methods += ["max"] if kind == "barbell" else []
    chosen = draw(st.lists(st.sampled_from(methods), max_size=3, unique=True))
    if "stages" in chosen:  # stages give the sets and reps, and move the load themselves
        chosen = [m for m in chosen if m not in ("load", "double", "sets", "reps")]
    item: dict[str, Any] = {"exercise": exercise}
    # A fixed phase has nothing else to take sets and reps from, so it usually gives them.
    given_odds = 3 if model == "fixed" else 2
    if draw(st.integers(0, 3)) < given_odds:
        item["sets"] = draw(st.integers(min_value=1, max_value=6))
    if "double" in chosen and (model != "undulating" or draw(st.booleans())):
        # Double progression climbs a rep range: the item's own, or in an undulating
        # phase sometimes none of its own, leaving the day type's (and the goal's) range.
        item["reps"] = _rep_range(draw)
    elif "double" not in chosen and draw(st.integers(0, 3)) < given_odds:
        item["reps"] = _reps(draw)
    # Dumbbells always carry their own load: a percentage from a linear or undulating
    # phase would need a max, and the pool's maxes are for the barbell lifts.
    wants_load = {"fixed": 6, "linear": 2, "undulating": 1}[model]
    if kind == "dumbbells" or draw(st.integers(0, 7)) < wants_load:
        item["load"] = _load(draw, kind)
    if "stages" in chosen:
        item.pop("sets", None)
        item.pop("reps", None)
    if "time" in chosen or (not loaded and draw(st.integers(0, 5)) == 0):
        item.pop("reps", None)
        item["time"] = draw(st.sampled_from(["20s", "30s", "45s"]))
        chosen = [m for m in chosen if m not in ("reps", "double")]  # no reps to move
    if loaded and "load" in item and draw(st.integers(0, 4)) == 0:
        item["ramp"] = draw(st.sampled_from([["50%", "75%"], ["60%"]]))
    if loaded and "load" in item and draw(st.integers(0, 4)) == 0:
        item["backoff"] = [{"sets": 2, "reps": 5, "load": "90%"}]
    if chosen:
        item["progress"] = [_step(draw, method) for method in chosen]
    if draw(st.integers(0, 3)) == 0:
        item["technique"] = {
            "kind": draw(st.sampled_from(["drop_set", "rest_pause", "partials"])),
            "every": draw(st.sampled_from(["week", "2w", "3w"])),
        }
    if draw(st.booleans()):
        item["tempo"] = draw(st.sampled_from(TEMPOS))
    if draw(st.booleans()):
        item["rest"] = draw(st.sampled_from(["45s", "60s", "90s", "2m", "3m"]))
    if draw(st.integers(0, 3)) == 0:
        item["warmup"] = draw(st.sampled_from(["auto", "none", ["bar x 10", "50% x 5"]]))
    return item


def _linear(draw: st.DrawFn) -> dict[str, Any]:
    keys = draw(st.lists(st.sampled_from(["load", "reps", "sets"]), min_size=1, unique=True))
    block: dict[str, Any] = {}
    if "load" in keys:
        if draw(st.booleans()):
            ends = draw(st.lists(st.integers(min_value=50, max_value=95), min_size=2, max_size=2))
            block["load"] = [f"{end}%" for end in ends]
        else:
            block["load"] = [_number(draw(halves)), _number(draw(halves))]
    if "reps" in keys:
        block["reps"] = draw(
            st.lists(st.integers(min_value=1, max_value=15), min_size=2, max_size=2)
        )
    if "sets" in keys:
        block["sets"] = draw(
            st.lists(st.integers(min_value=1, max_value=6), min_size=2, max_size=2)
        )
    return block


def _phase(draw: st.DrawFn, index: int, first_week: int, days: list[str]) -> dict[str, Any]:
    weeks = draw(st.integers(min_value=1, max_value=8))
    phase: dict[str, Any] = {"name": f"Phase {index + 1}"}
    phase["weeks"] = (
        f"{first_week}-{first_week + weeks - 1}" if index and draw(st.booleans()) else weeks
    )
    if draw(st.booleans()):
        phase["goal"] = draw(st.sampled_from(GOALS))
    model = draw(st.sampled_from(["fixed", "linear", "undulating"]))
    if model != "fixed" or draw(st.booleans()):
        phase["model"] = model
    if draw(st.integers(0, 4)) == 0:
        days = draw(weekday_lists)
        phase["days"] = days
    if model == "linear":
        phase["linear"] = _linear(draw)
    if model == "undulating":
        phase["day_types"] = {day: draw(st.sampled_from(DAY_TYPE_NAMES)) for day in days}
    if weeks > 1 and draw(st.integers(0, 5)) == 0:
        phase["deload"] = draw(
            st.one_of(
                st.just(False),
                st.integers(min_value=1, max_value=weeks).map(lambda week: {"weeks": [week]}),
            )
        )
    sessions: dict[str, Any] = {}
    for label in "ABC"[: draw(st.integers(min_value=1, max_value=3))]:
        exercises = draw(
            st.lists(st.sampled_from(sorted(POOL)), min_size=1, max_size=4, unique=True)
        )
        items = [_prescription(draw, exercise, model) for exercise in exercises]
        if len(items) > 1 and draw(st.integers(0, 3)) == 0:  # the first two as a superset
            items[0]["superset"] = items[1]["superset"] = "pair"
        if draw(st.integers(0, 4)) == 0:
            sessions[label] = {"title": f"Session {label}", "exercises": items}
        else:
            sessions[label] = items
    _one_progression_per_lift(draw, sessions)
    phase["sessions"] = sessions
    return phase


def _one_progression_per_lift(draw: st.DrawFn, sessions: dict[str, Any]) -> None:
    """Sessions of one lift share its progression, so a later prescription of a lift
    either states the same steps (where its reps allow them) or names its own track."""
    first: dict[str, dict[str, Any]] = {}
    tracks = 0
    for session in sessions.values():
        items = session["exercises"] if isinstance(session, dict) else session
        for item in items:
            if "progress" not in item:
                continue
            earlier = first.setdefault(item["exercise"], item)
            if earlier is item or earlier["progress"] == item["progress"]:
                continue
            alike = all(item.get(key) == earlier.get(key) for key in ("sets", "reps", "time"))
            if alike and draw(st.booleans()):
                item["progress"] = earlier["progress"]
            else:
                tracks += 1
                item["track"] = f"track_{tracks}"


def _skips(draw: st.DrawFn, start: datetime.date, weeks: int) -> list[Any]:
    """Skipped dates and ranges inside the program's span."""
    last = start + datetime.timedelta(days=7 * weeks - 1)
    offsets = st.integers(min_value=0, max_value=7 * weeks - 1)
    skips: list[Any] = []
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        first = start + datetime.timedelta(days=draw(offsets))
        shape = draw(st.sampled_from(["plain", "plain", "date", "range"]))
        if shape == "plain":
            skips.append(first.isoformat())
        elif shape == "date":
            skips.append({"date": first.isoformat(), "reason": "Holiday"})
        else:
            to = min(last, first + datetime.timedelta(days=draw(st.integers(0, 3))))
            skips.append({"from": first.isoformat(), "to": to.isoformat()})
    return skips


def _deload(draw: st.DrawFn, weeks: int) -> dict[str, Any]:
    rule: dict[str, Any]
    if weeks == 1 or draw(st.booleans()):
        rule = {"every": draw(st.integers(min_value=2, max_value=5))}
    else:
        listed = draw(
            st.lists(
                st.integers(min_value=1, max_value=weeks),
                min_size=1,
                max_size=weeks - 1,
                unique=True,
            )
        )
        rule = {"weeks": sorted(listed)}
    for key, shares in (
        ("sets", ["50%", "60%", "75%", "100%"]),
        ("reps", ["80%", "100%"]),
        ("load", ["80%", "90%", "100%"]),
    ):
        if draw(st.booleans()):
            rule[key] = draw(st.sampled_from(shares))
    return rule


def _maxes(draw: st.DrawFn, exercises: set[str]) -> dict[str, Any]:
    maxes: dict[str, Any] = {}
    for exercise in sorted(exercises):
        if POOL[exercise] != "barbell":
            continue
        if draw(st.booleans()):
            maxes[exercise] = {
                "one_rm": _number(draw(st.integers(min_value=120, max_value=500)) / 2)
            }
        else:
            tested = {
                "load": _number(draw(halves)),
                "reps": draw(st.integers(min_value=1, max_value=10)),
            }
            maxes[exercise] = {"tested": tested}
            if draw(st.booleans()):
                maxes[exercise]["estimate"] = draw(st.sampled_from(ESTIMATORS))
    return maxes


def _dumbbells(draw: st.DrawFn) -> dict[str, Any]:
    """A rack in 2.5 steps, perhaps with gaps, that can always move by 2.5 somewhere."""
    low = draw(st.integers(min_value=1, max_value=4))
    high = draw(st.integers(min_value=low + 2, max_value=20))
    middle = list(range(low + 2, high))
    kept = draw(st.lists(st.sampled_from(middle), unique=True)) if middle else []
    loads = sorted({low, low + 1, *kept, high})
    rack: dict[str, Any] = {"kind": "dumbbells", "loads": [_number(n * 2.5) for n in loads]}
    if draw(st.booleans()):
        rack["rounding"] = draw(st.sampled_from(["nearest", "down"]))
    return rack


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    """A small, varied program spec that validates without errors."""
    start = draw(start_dates)
    days = draw(weekday_lists)
    phases: list[dict[str, Any]] = []
    first_week = 1
    for index in range(draw(st.integers(min_value=1, max_value=3))):
        phase = _phase(draw, index, first_week, days)
        phases.append(phase)
        weeks = phase["weeks"]
        first_week = int(weeks.split("-")[1]) + 1 if isinstance(weeks, str) else first_week + weeks
    total = first_week - 1
    schedule: dict[str, Any] = {"days": days}
    if draw(st.booleans()):
        schedule["skip"] = _skips(draw, start, total)
    if draw(st.booleans()):
        schedule["on_skip"] = draw(st.sampled_from(["move", "drop"]))
    equipment: dict[str, Any] = {"barbell": dict(BARBELL), "dumbbells": _dumbbells(draw)}
    if draw(st.booleans()):
        equipment["machine"] = dict(MACHINE)
    used = {
        item["exercise"]
        for phase in phases
        for session in phase["sessions"].values()
        for item in (session if isinstance(session, list) else session["exercises"])
    }
    spec: dict[str, Any] = {
        "id": "gen",
        "title": "Generated",
        "start": start.isoformat(),
        "schedule": schedule,
        "equipment": equipment,
    }
    maxes = _maxes(draw, used)
    if maxes:
        spec["maxes"] = maxes
    if draw(st.booleans()):
        spec["defaults"] = {"sets": draw(st.integers(min_value=1, max_value=5)), "warmup": "auto"}
    if draw(st.booleans()):
        spec["deload"] = _deload(draw, total)
    spec["phases"] = phases
    return spec
