"""The small notations a spec is written in, turned into values.

The schema checks each notation's form (so these parsers can trust it); what a
notation *means* lives here, once, for the semantic checks and the expansion alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any, Literal

# The parsers are pure and their values immutable, and a spec writes the same few numbers,
# percentages and durations over and over (a twelve-week spec: 80 numbers, 6 distinct).
# Making a Fraction from text was a tenth of `validate`; each parser remembers its last
# few hundred answers (bounded: a hostile spec of a million distinct numbers costs only
# time). A value that fails to parse raises afresh each time.
_remembered = lru_cache(maxsize=512, typed=True)

_DURATION = re.compile(r"([-+])?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?\Z")


@_remembered
def parse_duration(text: str) -> int:
    """Seconds in a duration such as 90s, 2m, 1m30s or -15s.

    >>> [parse_duration(t) for t in ("90s", "2m", "1m30s", "1h", "-15s", "+30s")]
    [90, 120, 90, 3600, -15, 30]
    """
    match = _DURATION.match(text)
    if not match or not any(match.groups()[1:]):
        raise ValueError(f"not a duration: {text!r}")
    sign, hours, minutes, seconds = match.groups()
    total = int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds or 0)
    return -total if sign == "-" else total


def format_duration(seconds: int) -> str:
    """The shortest way to write a duration, as a person would.

    >>> [format_duration(s) for s in (45, 60, 90, 150, 3600)]
    ['45s', '1m', '1m30s', '2m30s', '60m']
    """
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest}s"
    return f"{minutes}m{rest}s" if rest else f"{minutes}m"


@_remembered
def parse_percent(text: str) -> Fraction:
    """A percentage as an exact fraction, so 2.5% of a load has no float error.

    >>> parse_percent("65%"), parse_percent("2.5%")
    (Fraction(13, 20), Fraction(1, 40))
    """
    return Fraction(text.rstrip("%")) / 100


@_remembered
def exact(number: float | int) -> Fraction:
    """A number from YAML as the fraction it was written as (2.5 -> 5/2, not a binary float).

    >>> exact(2.5), exact(1.25), exact(20)
    (Fraction(5, 2), Fraction(5, 4), Fraction(20, 1))
    """
    return Fraction(str(number)) if isinstance(number, float) else Fraction(number)


@dataclass(frozen=True, slots=True)
class Reps:
    """Target reps: a fixed number, a range to climb through, or as many as possible."""

    low: int
    high: int
    amrap: bool = False

    @property
    def is_range(self) -> bool:
        return self.high > self.low


@_remembered
def parse_reps(value: int | str) -> Reps:
    """Reps as written: 8, "8-12", "5+" or "amrap" (at least one rep).

    >>> parse_reps(8), parse_reps("8-12"), parse_reps("5+"), parse_reps("amrap")
    (Reps(low=8, high=8, amrap=False), Reps(low=8, high=12, amrap=False), \
Reps(low=5, high=5, amrap=True), Reps(low=1, high=1, amrap=True))
    """
    if isinstance(value, int):
        return Reps(value, value)
    if value == "amrap":
        return Reps(1, 1, amrap=True)
    if value.endswith("+"):
        count = int(value[:-1])
        return Reps(count, count, amrap=True)
    low, _, high = value.partition("-")
    return Reps(int(low), int(high or low))


LoadKind = Literal["absolute", "percent", "effort", "bodyweight", "session"]


@dataclass(frozen=True, slots=True)
class LoadSpec:
    """A load as the spec states it, before any max or equipment is applied.

    `value` is the load for absolute, the fraction of the max for percent, the
    RPE for effort (RIR is turned into RPE: rir 2 is rpe 8), the added (or,
    negative, assisting) load for bodyweight, and for session the share of the work
    load the exercise had in the last session with a label in `session`, plus `offset`
    (`first` is the load while there has been no such session).
    """

    kind: LoadKind
    value: Fraction
    of: Literal["one_rm", "training_max"] = "one_rm"
    session: tuple[str, ...] = ()
    offset: Fraction = Fraction(0)
    first: Fraction | None = None
    made: bool = False  # of the load made in that session, as the log says
    lift: str | None = None  # a percentage of another lift's max ("60% tm of bench_press")


_PERCENT_LOAD = re.compile(r"(\d+(?:\.\d+)?)% ?(1rm|tm)?(?: of ([a-z][a-z0-9_]*))?\Z")
_EFFORT = re.compile(r"(rpe|rir) ?(\d+(?:\.5)?)\Z")
_BODYWEIGHT = re.compile(r"bodyweight(?: ?([-+]) ?(\d+(?:\.\d+)?))?\Z")


def parse_load(value: float | int | str | Mapping[str, Any]) -> LoadSpec:
    """A load as written: 60, "65%", "80% tm", "60% tm of bench_press" (of another
    lift's max), "rpe 8", "rir 2", "bodyweight+10", or
    {session: A, share: 80%, add: 5, first: 100}, relative to another session's load.

    >>> parse_load(60).value, parse_load("80% tm").of, parse_load("rir 2").value
    (Fraction(60, 1), 'training_max', Fraction(8, 1))
    >>> parse_load("bodyweight-20").value, parse_load({"session": "mon", "share": "90%"}).value
    (Fraction(-20, 1), Fraction(9, 10))
    """
    if isinstance(value, Mapping):
        return LoadSpec(
            "session",
            parse_percent(value.get("share", "100%")),
            session=_labels(value["session"]),
            offset=exact(value.get("add", 0)),
            first=exact(value["first"]) if "first" in value else None,
            made=value.get("from", "planned") == "made",
        )
    return _written_load(value)


@_remembered
def _written_load(value: float | int | str) -> LoadSpec:
    if not isinstance(value, str):
        return LoadSpec("absolute", exact(value))
    if match := _PERCENT_LOAD.match(value):
        of: Literal["one_rm", "training_max"] = "training_max" if match[2] == "tm" else "one_rm"
        return LoadSpec("percent", Fraction(match[1]) / 100, of, lift=match[3])
    if match := _EFFORT.match(value):
        number = Fraction(match[2])
        return LoadSpec("effort", number if match[1] == "rpe" else 10 - number)
    if match := _BODYWEIGHT.match(value):
        added = Fraction(match[2] or 0)
        return LoadSpec("bodyweight", -added if match[1] == "-" else added)
    raise ValueError(f"not a load: {value!r}")


def _labels(written: str | list[str]) -> tuple[str, ...]:
    """One session label, or several: the last of any of them counts."""
    return (written,) if isinstance(written, str) else tuple(written)


@dataclass(frozen=True, slots=True)
class Interval:
    """How often something happens: every `count` sessions or weeks."""

    count: int
    unit: Literal["session", "week"]


_INTERVAL = re.compile(r"(\d+)? ?(session|week|w)s?\Z")


@_remembered
def parse_interval(text: str) -> Interval:
    """An interval as written: session, week, 3w, 2 weeks, 2 sessions.

    >>> parse_interval("session"), parse_interval("3w"), parse_interval("2 sessions")
    (Interval(count=1, unit='session'), Interval(count=3, unit='week'), \
Interval(count=2, unit='session'))
    """
    match = _INTERVAL.match(text)
    if not match:
        raise ValueError(f"not an interval: {text!r}")
    unit: Literal["session", "week"] = "session" if match[2] == "session" else "week"
    return Interval(int(match[1] or 1), unit)


@dataclass(frozen=True, slots=True)
class WaveSet:
    """One line of a percentage wave: sets x percent x reps, AMRAP if marked +."""

    sets: int
    percent: Fraction
    reps: int
    amrap: bool


_WAVE_SET = re.compile(r"(?:(\d+) ?x ?)?(\d+(?:\.\d+)?)% ?x ?(\d+)(\+)?\Z")


@_remembered
def parse_wave_set(text: str) -> WaveSet:
    """A wave line as written: "75% x 5", "85% x 5+", "5 x 50% x 10".

    >>> parse_wave_set("85% x 5+")
    WaveSet(sets=1, percent=Fraction(17, 20), reps=5, amrap=True)
    >>> parse_wave_set("5 x 50% x 10").sets
    5
    """
    match = _WAVE_SET.match(text)
    if not match:
        raise ValueError(f"not a wave set: {text!r}")
    return WaveSet(int(match[1] or 1), Fraction(match[2]) / 100, int(match[3]), bool(match[4]))


@_remembered
def parse_week_range(value: int | str) -> tuple[int | None, int]:
    """A phase's weeks as written: a count (start unknown) or a range of program weeks.

    >>> parse_week_range(4), parse_week_range("5-8")
    ((None, 4), (5, 8))
    """
    if isinstance(value, int):
        return None, value
    first, _, last = value.partition("-")
    return int(first), int(last)


@_remembered
def parse_tempo(text: str) -> tuple[int | None, ...]:
    """Seconds of each part of a rep: lowering, bottom, lifting, top (None for X, explosive).

    >>> parse_tempo("3-0-1-2"), parse_tempo("2-0-X-0")
    ((3, 0, 1, 2), (2, 0, None, 0))
    """
    return tuple(None if part == "X" else int(part) for part in text.split("-"))
