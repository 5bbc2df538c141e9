"""Importing a training log from CSV: a spreadsheet's or a logging app's export.

One row per set, with a date, an exercise, a weight, reps and, optionally, an RPE, a
note and the session label. Which column is which is found by name (case-insensitive):
date; exercise or exercise name; weight or load, perhaps with a unit (`Weight (kg)`, which
must be the program's); reps; rpe; note or notes; session. `--columns date=Day,weight=Kilos`
names them when an export calls them otherwise.

An exercise is its id (`hip_thrust`) or its display name in the program
(`Barbell hip thrust`, any case). A date is YYYY-MM-DD, and a time after it
(`2027-01-04 18:30:00`) is ignored. A weight is in the program's units; an empty weight
(or `bw`) is bodyweight. Rows become one log entry per date, in date order, with each
exercise's sets in the order of the rows. Every problem is reported as `file:row:column`
(the row's line in the file, and the field's position in the row).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from generator.errors import Diagnostic, LiftplanError
from generator.log.check import check_day, exercise_suggestion
from generator.log.notation import SET_TOKEN
from generator.log.values import LoggedSet, set_text
from generator.plan.values import Plan
from generator.spec.model import Program
from generator.spec.schema import show
from generator.wording import number_text

# An export of a long program with many columns is larger than a spec; 10 MiB is plenty,
# and the log it becomes must still fit the loader's 1 MiB.
MAX_CSV_BYTES = 10 * 1024 * 1024

# Each field and the header names it is found by when --columns does not name it.
COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date",),
    "exercise": ("exercise", "exercise name"),
    "weight": ("weight", "load"),
    "reps": ("reps",),
    "rpe": ("rpe",),
    "note": ("note", "notes"),
    "session": ("session",),
}
REQUIRED = ("date", "exercise", "weight", "reps")
# `--columns load=...` is the same as `weight=...`.
_ALIASES = {"load": "weight", "notes": "note"}

MAX_NOTE = 500
# A weight column may name its unit: `Weight (kg)`.
_UNIT = re.compile(r"\((kg|lbs?)\)\s*$", re.IGNORECASE)
_DATE = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
)
# At most six decimals, so that every weight is written exactly.
_DECIMAL = re.compile(r"[0-9]+(?:[.,][0-9]{1,6})?")
_LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")


def parse_columns(option: str) -> dict[str, str]:
    """The `--columns` option: FIELD=HEADER pairs separated by commas.

    >>> parse_columns("date=Date, exercise=Exercise Name,weight=Weight (kg)")
    {'date': 'Date', 'exercise': 'Exercise Name', 'weight': 'Weight (kg)'}

    Raises ValueError, in words for the command line, for anything else.
    """
    chosen: dict[str, str] = {}
    for pair in option.split(","):
        if not pair.strip():
            continue
        name, equals, header = pair.partition("=")
        name = name.strip().lower()
        name = _ALIASES.get(name, name)
        if not equals or not header.strip():
            raise ValueError(f"{pair.strip()!r}: write FIELD=COLUMN, e.g. weight=Weight (kg)")
        if name not in COLUMNS:
            raise ValueError(f"{name!r} is not a field: the fields are {', '.join(COLUMNS)}")
        if name in chosen:
            raise ValueError(f"{name} is given twice")
        chosen[name] = header.strip()
    return chosen


@dataclass
class _Import:
    """A CSV file being read, and the problems found so far."""

    file: str
    program: Program
    plan: Plan
    found: list[Diagnostic] = field(default_factory=list)

    def error(self, line: int, column: int, message: str) -> None:
        self.found.append(Diagnostic(self.file, line, column, message))


@dataclass
class _Day:
    """The rows of one date: the label, the sets of each exercise, where the date was first."""

    line: int
    column: int
    label: str | None = None
    done: dict[str, list[LoggedSet]] = field(default_factory=dict)


def import_csv(
    path: str, program: Program, plan: Plan, columns: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Log entries (plain data, ready to append to a log) from a CSV export, one per date.

    Raises LiftplanError with every problem found, each at its row and column.
    """
    state = _Import(path, program, plan)
    text = _read(path)
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)  # a comma when there is none of them
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise LiftplanError.at(path, 1, 1, "the file has no rows")
        where = _columns(state, header, columns or {})
        if state.found:
            raise LiftplanError(state.found)
        days: dict[datetime.date, _Day] = {}
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                _row(state, row, line, where, days)
            line = reader.line_num + 1
    except csv.Error as error:
        state.error(reader.line_num or 1, 1, f"not readable as CSV: {error}")
    if state.found:
        raise LiftplanError(state.found)
    if not days:
        raise LiftplanError.at(path, 1, 1, "the file has a header but no sets")
    return [_entry(day, days[day]) for day in sorted(days)]


def _read(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_CSV_BYTES + 1)
    except OSError as error:
        raise LiftplanError.at(path, 1, 1, f"cannot read the file: {error.strerror}") from None
    if len(raw) > MAX_CSV_BYTES:
        raise LiftplanError.at(path, 1, 1, f"the file is larger than {MAX_CSV_BYTES >> 20} MiB")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        message = f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as UTF-8"
        raise LiftplanError.at(path, line, column, message) from None
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        raise LiftplanError.at(path, line, 1, "the file contains a NUL character: save it as CSV")
    if not text.strip():
        raise LiftplanError.at(path, 1, 1, "the file is empty")
    return text


def _columns(state: _Import, header: list[str], chosen: Mapping[str, str]) -> dict[str, int]:
    """The index of each field's column, found by the names given or the usual ones."""
    folded = [cell.strip().casefold() for cell in header]
    shown = ", ".join(cell.strip() for cell in header)
    where: dict[str, int] = {}
    for name, usual in COLUMNS.items():
        wanted = (chosen[name],) if name in chosen else usual
        for candidate in wanted:
            if candidate.strip().casefold() in folded:
                where[name] = folded.index(candidate.strip().casefold())
                break
            with_unit = [_UNIT.sub("", cell).strip() for cell in folded]
            if name == "weight" and name not in chosen and candidate in with_unit:
                where[name] = with_unit.index(candidate)
                break
        else:
            if name in chosen:
                state.error(1, 1, f"no column is named {show(chosen[name])} (the columns: {shown})")
            elif name in REQUIRED:
                state.error(
                    1,
                    1,
                    f"no {name} column: name it with --columns {name}=COLUMN "
                    f"(the columns: {shown})",
                )
    if "weight" in where:
        unit = _UNIT.search(header[where["weight"]])
        units = state.program.units
        if unit is not None and unit.group(1).casefold().rstrip("s") != units:
            state.error(
                1,
                where["weight"] + 1,
                f"the weights in {show(header[where['weight']].strip())} are in "
                f"{unit.group(1)}, but the program's loads are in {units}",
            )
    return where


def _row(
    state: _Import,
    row: list[str],
    line: int,
    where: dict[str, int],
    days: dict[datetime.date, _Day],
) -> None:
    """Read one row (one set) into its day, or record what is wrong with it."""

    def cell(name: str) -> tuple[str, int]:
        index = where.get(name)
        if index is None:
            return "", 0
        return (row[index].strip() if index < len(row) else ""), index + 1

    problems = len(state.found)
    date_text, date_column = cell("date")
    day = _date(state, date_text, line, date_column)
    exercise_text, exercise_column = cell("exercise")
    exercise = _exercise(state, exercise_text, line, exercise_column)
    reps_text, reps_column = cell("reps")
    reps = _reps(state, reps_text, line, reps_column)
    weight_text, weight_column = cell("weight")
    load = _load(state, weight_text, line, weight_column)
    rpe_text, rpe_column = cell("rpe")
    rpe = _rpe(state, rpe_text, line, rpe_column)
    note, note_column = cell("note")
    if len(note) > MAX_NOTE:
        state.error(line, note_column, f"the note is longer than {MAX_NOTE} characters")
    label_text, label_column = cell("session")
    label = label_text or None
    if label is not None and not _LABEL.fullmatch(label):
        state.error(line, label_column, f"{show(label)} is not a session label (e.g. A or lower_1)")
    if len(state.found) > problems or day is None or exercise is None or reps is None:
        return
    entry = days.get(day)
    if entry is None:
        check = check_day(state.plan, day, label, "give a session column to say which it was")
        if check.problem:
            state.error(
                line, label_column if check.about == "session" else date_column, check.problem
            )
            return
        entry = days[day] = _Day(line, date_column, label)
    elif label != entry.label:
        state.error(
            line,
            label_column,
            f"this row says session {show(label or '')}, but line {entry.line} says "
            f"{show(entry.label or '')} for the same date",
        )
        return
    entry.done.setdefault(exercise, []).append(LoggedSet(reps, load, rpe, note))


def _date(state: _Import, text: str, line: int, column: int) -> datetime.date | None:
    match = _DATE.fullmatch(text)
    if match is None:
        state.error(line, column, f"{show(text)} is not a date: write YYYY-MM-DD")
        return None
    try:
        return datetime.date.fromisoformat(match.group(1))
    except ValueError:
        state.error(line, column, f"{show(text)} is not a real date")
        return None


def _exercise(state: _Import, text: str, line: int, column: int) -> str | None:
    if text in state.program.exercises:
        return text
    folded = " ".join(text.split()).casefold()
    for key, exercise in state.program.exercises.items():
        if exercise.name.casefold() == folded or key == folded:
            return key
    if not text:
        state.error(line, column, "the exercise is missing")
        return None
    hint = exercise_suggestion(text, state.program)
    state.error(line, column, f"unknown exercise {show(text)}{hint}")
    return None


def _reps(state: _Import, text: str, line: int, column: int) -> int | None:
    if re.fullmatch(r"[0-9]+(?:\.0+)?", text) and int(Decimal(text)) <= 1000:
        return int(Decimal(text))
    what = "missing" if not text else f"{show(text)}: they are a whole number from 0 to 1000"
    state.error(line, column, f"the reps are {what}")
    return None


def _load(state: _Import, text: str, line: int, column: int) -> Fraction | None:
    if not text or text.casefold() in ("bw", "bodyweight"):
        return None
    if _DECIMAL.fullmatch(text):
        value = Fraction(Decimal(text.replace(",", ".")))
        if value < 10000:
            return value
        state.error(line, column, f"the weight {show(text)} is not less than 10000")
        return None
    state.error(
        line,
        column,
        f"the weight {show(text)} is not a number in {state.program.units} "
        "(at most 6 decimals); leave it empty for bodyweight",
    )
    return None


def _rpe(state: _Import, text: str, line: int, column: int) -> Fraction | None:
    if not text:
        return None
    if _DECIMAL.fullmatch(text):
        value = Fraction(Decimal(text.replace(",", ".")))
        if 1 <= value <= 10 and (value * 2).denominator == 1:
            return value
    state.error(line, column, f"the RPE {show(text)} is not 1 to 10 in halves")
    return None


def _entry(day: datetime.date, rows: _Day) -> dict[str, Any]:
    """One log entry as plain data: sets as text (`10@90 9@90`) or, where a set has a
    note or a load the notation cannot write exactly, as a list with mappings."""
    done: dict[str, Any] = {}
    for exercise, sets in rows.done.items():
        written = [set_text(one) for one in sets]
        plain = all(
            not one.note and SET_TOKEN.fullmatch(text)
            for one, text in zip(sets, written, strict=True)
        )
        if plain:
            done[exercise] = " ".join(written)
        else:
            done[exercise] = [
                text if not one.note and SET_TOKEN.fullmatch(text) else _mapping(one)
                for one, text in zip(sets, written, strict=True)
            ]
    entry: dict[str, Any] = {"date": day.isoformat()}
    if rows.label is not None:
        entry["session"] = rows.label
    entry["done"] = done
    return entry


def _mapping(one: LoggedSet) -> dict[str, Any]:
    load = "bw" if one.load is None else _plain(one.load)
    mapping: dict[str, Any] = {"reps": one.reps, "load": load}
    if one.rpe is not None:
        mapping["rpe"] = _plain(one.rpe)
    if one.note:
        mapping["note"] = one.note
    return mapping


def _plain(value: Fraction) -> int | float:
    """A number for YAML: an int when whole; otherwise the float of its decimal text, which
    the log reads back exactly (Fraction(str(float)))."""
    return value.numerator if value.denominator == 1 else float(number_text(value))
