"""The log's set notation: how one set, or a line of sets, is written and read.

Sets are written REPS@LOAD (`10@90`), REPS@LOAD@RPE (`10@60@8`), with `bw` for
bodyweight (`8@bw`), a hold as the seconds it lasted (`40s@bw`), and a count in front to
repeat a set (`3x10@90`), separated by spaces. A set written wrong is read as a problem
that says, as plainly as possible, what is wrong with it, so that the log's check
(`generator.log.check`) can point at it inside its line and the CSV import can say the
same of a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from generator.log.values import LoggedSet
from generator.spec.schema import show

# One set, with its parts named. The schema's pattern is this without the names
# (tests/log/test_log.py checks that they are the same language).
_LOAD_PATTERN = (
    r"(?P<bw>[bB][wW])|(?P<load>(?:[1-9][0-9]{0,3}|0)(?:\.[0-9]{1,3})?)(?P<unit>kg|lbs?)?"
)
SET_TOKEN = re.compile(
    r"(?:(?P<count>[1-9][0-9]?)[xX])?"
    r"(?:(?P<seconds>[1-9][0-9]{0,3})s|(?P<reps>1000|[1-9][0-9]{0,2}|0))"
    rf"@(?:{_LOAD_PATTERN})"
    r"(?:@(?P<rpe>10(?:\.0)?|[1-9](?:\.[05])?))?"
)
_LOAD = re.compile(_LOAD_PATTERN)
_WORD = re.compile(r"\S+")
# The notation in brief, said in every message about a set written wrong.
SET_EXAMPLE = "a set is REPS@LOAD, e.g. 10@60"


@dataclass(frozen=True, slots=True)
class WrittenSet:
    """One set as written in text: where it starts, and its sets or what is wrong with it."""

    offset: int
    text: str
    sets: tuple[LoggedSet, ...] = ()
    unit: str | None = None
    problem: str = ""


def read_sets(text: str) -> list[WrittenSet]:
    """Every set in a text of sets separated by spaces, each with its offset in the text.

    >>> [(w.offset, len(w.sets), w.problem) for w in read_sets("3x10@90 10@")]
    [(0, 3, ''), (8, 0, "'10@': a set is REPS@LOAD, e.g. 10@60 (the load is missing)")]
    >>> read_sets("8@bw@7.5")[0].sets
    (LoggedSet(reps=8, load=None, rpe=Fraction(15, 2), note='', seconds=None),)
    >>> read_sets("2x40s@bw")[0].sets[0].seconds
    40
    """
    return [read_set(match.group(), match.start()) for match in _WORD.finditer(text)]


def read_set(token: str, offset: int = 0) -> WrittenSet:
    """One set written REPS@LOAD[@RPE], perhaps with a count (`3x`) in front."""
    match = SET_TOKEN.fullmatch(token)
    if match is None:
        return WrittenSet(offset, token, problem=f"{show(token)}: {SET_EXAMPLE} ({_why(token)})")
    load = None if match["bw"] else Fraction(match["load"])
    rpe = Fraction(match["rpe"]) if match["rpe"] else None
    if match["seconds"]:  # a hold: how long, not how many
        one = LoggedSet(reps=0, load=load, rpe=rpe, seconds=int(match["seconds"]))
    else:
        one = LoggedSet(reps=int(match["reps"]), load=load, rpe=rpe)
    unit = match["unit"]
    return WrittenSet(
        offset,
        token,
        sets=(one,) * int(match["count"] or 1),
        unit="lb" if unit == "lbs" else unit,
    )


_NUMBER = re.compile(r"(-?)([0-9]+)(?:\.([0-9]+))?([^0-9]*)")


def _why(token: str) -> str:
    """What is wrong with a set that does not match the notation, as plainly as possible."""
    if "," in token:
        pieces = [piece for piece in token.split(",") if piece]
        if re.search(r"[0-9],[0-9]", token) and not all("@" in piece for piece in pieces):
            return "write a decimal with a point, e.g. 62.5"
        return "separate sets with spaces, not commas"
    parts = token.split("@")
    if len(parts) == 1:
        if re.fullmatch(r"(?:[0-9]+[xX])?[0-9]+", token):
            return "the load is missing; write bw for bodyweight"
        return "not in the expected form"
    if len(parts) > 3:
        return "too many @: REPS@LOAD@RPE at most"
    head, load = parts[0], parts[1]
    count, times, reps = head.lower().rpartition("x")
    if times and not re.fullmatch(r"[1-9][0-9]?", count):
        return "the number of sets before x is 1 to 99"
    if not reps:
        return "the reps are missing"
    if not re.fullmatch(r"1000|[1-9][0-9]{0,2}|0", reps):
        return "the reps are a whole number from 0 to 1000"
    problem = _load_problem(load)
    if problem:
        return problem
    if len(parts) == 3:
        if not parts[2]:
            return "the RPE after the second @ is missing"
        return "the RPE is 1 to 10 in halves, e.g. 8 or 8.5"
    return "not in the expected form"  # pragma: no cover - every other case is named above


def _load_problem(load: str) -> str:
    """What is wrong with the load of a set ("" if nothing)."""
    if _LOAD.fullmatch(load):
        return ""
    if not load:
        return "the load is missing"
    number = _NUMBER.fullmatch(load)
    if number is None:
        return "the load is a number or bw"
    sign, whole, decimals, unit = number.groups()
    if sign:
        return "a load cannot be negative"
    if unit not in ("", "kg", "lb", "lbs"):
        return "the load is a number or bw, perhaps followed by the program's unit"
    if len(whole) > 1 and whole.startswith("0"):
        return "write the load without leading zeros"
    if int(whole) >= 10000:
        return "the load must be less than 10000"
    if decimals is not None and not 1 <= len(decimals) <= 3:
        return "give the load to at most 3 decimal places"
    return "the load is a number or bw"  # pragma: no cover - every other case is named above
