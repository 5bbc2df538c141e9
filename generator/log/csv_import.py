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
(the row's line in the file, and the field's position in the row); a problem with the text
itself (its encoding, a NUL, a quote) is at its own line and character.

The file is read as RFC 4180 CSV, with the delimiter (comma, semicolon or tab) its header
uses, CRLF, LF or CR line ends, spaces before a quoted field skipped (`a, "b, c"`), a quote
inside an unquoted field kept as text (`6" box`) and a line break inside a quoted field read
as `\n`. Nothing is dropped or guessed: a quote never closed, text after a closing quote, a
quoted field running over a line that reads as a row, a column read that is named twice, a
row with fewer fields than the header names or with a value past its last column: each is
refused at its place, and nothing is written.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from generator.errors import Diagnostic, LiftplanError
from generator.files import read_regular
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
# A line break in any of the three conventions; CRLF is one break.
_BREAK = re.compile(r"\r\n|\r|\n")
# The delimiters a header may use, in the order a tie is settled, as a message names them.
_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}
_OTHER_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)
_QUOTE_HINT = 'a quote that is part of the text is written "" inside a quoted field'
# A quoted field, spaces around it skipped; possessive, so that a quote never closed fails
# at once instead of backtracking through the rest of the file.
_QUOTED = r' *"((?:[^"]++|"")*+)" *'


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
    text = _Text(path, _read(path))
    rows = text.records()
    header = next(rows)[1]  # the text is not empty, so it has a first row
    where = _columns(state, header, columns or {})
    if state.found:
        raise LiftplanError(state.found)
    days: dict[datetime.date, _Day] = {}
    try:
        for line, row in rows:
            if any(cell.strip() for cell in row) and _fits(state, row, line, header, text):
                _row(state, row, line, where, days)
    except LiftplanError as broken:  # the quoting: nothing after it can be read
        state.found.extend(broken.diagnostics)
    if state.found:
        raise LiftplanError(state.found)
    if not days:
        raise LiftplanError.at(path, 1, 1, "the file has a header but no sets")
    return [_entry(day, days[day]) for day in sorted(days)]


def _read(path: str) -> str:
    try:
        raw = read_regular(path, MAX_CSV_BYTES)
    except OSError as error:
        raise LiftplanError.at(path, 1, 1, f"cannot read the file: {error.strerror}") from None
    if len(raw) > MAX_CSV_BYTES:
        raise LiftplanError.at(path, 1, 1, f"the file is larger than {MAX_CSV_BYTES >> 20} MiB")
    for bom, encoding in _OTHER_BOMS:
        if raw.startswith(bom):
            raise LiftplanError.at(path, 1, 1, f"the file is {encoding} text; save it as UTF-8")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _end_of(raw[: error.start].decode("utf-8", errors="replace"))
        message = f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as UTF-8"
        raise LiftplanError.at(path, line, column, message) from None
    if "\0" in text:
        line, column = _end_of(text[: text.index("\0")])
        message = "the file contains a NUL character: it is binary or UTF-16; save it as UTF-8 CSV"
        raise LiftplanError.at(path, line, column, message)
    if not text.strip():
        raise LiftplanError.at(path, 1, 1, "the file is empty")
    return text


def _end_of(before: str) -> tuple[int, int]:
    """The line and column just after `before`, the text ahead of a problem."""
    lines = _BREAK.split(before)
    return len(lines), len(lines[-1]) + 1


class _Text:
    """The file's text read as rows of fields, each quoting problem located at its quote.

    Python's csv module cannot do this: it reads an unclosed quote to the end of the file
    (so the rows after it become one note, and fewer sets are logged without a word) and
    drops a quote that text follows; its strict mode refuses both but says neither line
    nor column. So the reading is done here, with the rules in the module's docstring.
    """

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        # Where each line starts, to turn an offset into a line and a column.
        self.starts = [0, *(match.end() for match in _BREAK.finditer(text))]
        header = re.sub(r'"[^"]*"', "", _BREAK.split(text, 1)[0])  # its names' own commas aside
        self.delimiter = max(_DELIMITERS, key=header.count)  # a comma when there is none
        self.name = _DELIMITERS[self.delimiter]
        # A line inside a quoted field with as many delimiters as the header (and at least
        # enough for the required columns) is a row swallowed by a quote left open.
        self.row_like = max(header.count(self.delimiter), len(REQUIRED) - 1)
        self.line_end = re.compile("[\r\n]")
        # A field: quoted (spaces around it skipped), or else anything up to the delimiter or
        # the line's end, a quote inside it being text. Neither matches a quote never closed.
        delimiter = re.escape(self.delimiter)
        self.field = re.compile(f'{_QUOTED}|((?! *")[^{delimiter}\r\n]*)')

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """Each row: the line it starts on, and its fields.

        Raises LiftplanError at the first quote that leaves the rest unreadable.
        """
        text, end, offset = self.text, len(self.text), 0
        while offset < end:
            line = bisect_right(self.starts, offset)
            stop = self.line_end.search(text, offset)
            finish = end if stop is None else stop.start()
            if text.find('"', offset, finish) < 0:  # no quote: the line is the row
                cells = text[offset:finish].split(self.delimiter)
            else:
                cells, finish = self._quoting(offset)
            brk = _BREAK.match(text, finish)
            offset = end if brk is None else brk.end()
            yield line, cells

    def _quoting(self, offset: int) -> tuple[list[str], int]:
        """The fields of a row with a quote in it, and where the row ends."""
        text, cells = self.text, []
        while True:
            match = self.field.match(text, offset)
            if match is None:  # a quote opens the field, and the quoted field never closes
                raise self._error(
                    text.index('"', offset),
                    "the quote that opens this field is never closed, so the rest of the "
                    f"file would be read into it; {_QUOTE_HINT}",
                )
            offset = match.end()
            cells.append(match.group(2) if match.group(1) is None else self._quoted(match))
            if offset >= len(text) or text[offset] != self.delimiter:
                return cells, offset
            offset += 1

    def _quoted(self, match: re.Match[str]) -> str:
        """A quoted field's text (`""` is one quote, a line break `\\n`). The closing quote
        must be followed by the delimiter or the end of the line, or else a row would be lost
        or a field misread."""
        opening, closing, after = match.start(1) - 1, match.end(1), match.end()
        if after < len(self.text) and self.text[after] not in (self.delimiter, "\r", "\n"):
            raise self._text_after(opening, closing)
        value = match.group(1).replace('""', '"')
        if "\n" in value or "\r" in value:
            self._swallowed(opening, value)
            value = _BREAK.sub("\n", value)
        return value

    def _text_after(self, opening: int, closing: int) -> LiftplanError:
        """Text after a closing quote: a stray quote in the field, or, when the field began
        on an earlier line, a quote left open there that this one happened to close."""
        line, column = self._at(closing)
        if line == self._at(opening)[0]:
            return self._error(
                closing, f"text follows the quote that closes this field; {_QUOTE_HINT}"
            )
        return self._error(
            opening,
            f"the quote that opens this field is closed only at line {line}, column {column}, "
            f"where text follows it; {_QUOTE_HINT}",
        )

    def _swallowed(self, opening: int, value: str) -> None:
        """Refuse a quoted field whose later lines read as rows: a quote left open, closed
        by chance (by an inch mark, `24"`) at the end of a field further on."""
        first = self._at(opening)[0]
        for line, piece in enumerate(_BREAK.split(value)[1:], first + 1):
            count = piece.count(self.delimiter)
            if count >= self.row_like:
                raise self._error(
                    opening,
                    f"the field this quote opens runs on over line {line}, which reads as a "
                    f"row of its own ({count} {self.name}s): is its closing quote missing?",
                )

    def _at(self, offset: int) -> tuple[int, int]:
        """The line and column of an offset, as a person counts them in an editor."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def _error(self, offset: int, message: str) -> LiftplanError:
        """The error at an offset: raised by the caller, since nothing after it can be read."""
        line, column = self._at(offset)
        return LiftplanError.at(self.path, line, column, message)


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
    _duplicates(state, header, where)
    return where


def _duplicates(state: _Import, header: list[str], where: dict[str, int]) -> None:
    """A column that is read must be named once: with two, which one the export meant
    cannot be told (and taking the first would read the other's values silently)."""
    folded = [cell.strip().casefold() for cell in header]
    for index in sorted(set(where.values())):
        if folded[index] in folded[index + 1 :]:
            again = folded.index(folded[index], index + 1)
            state.error(
                1,
                again + 1,
                f"two columns are named {show(header[again].strip())} (columns {index + 1} "
                f"and {again + 1}): rename or remove one, since which to read cannot be told",
            )


def _fits(state: _Import, row: list[str], line: int, header: list[str], text: _Text) -> bool:
    """Whether the row has a field for each column the header names, and none past its
    last column. A short row's values would be read under the wrong columns (a weight left
    out makes the reps the weight), and a long row is one a comma too many cut off: `92,5`
    kg read as 92 x 5, a note `great, felt strong` cut at `great`, even when what is past
    the header is empty. Columns the header leaves unnamed at its end may be left out."""
    if len(row) == len(header):
        return True
    named = max((index + 1 for index, name in enumerate(header) if name.strip()), default=0)
    fields = f"{len(row)} field" + ("s" if len(row) != 1 else "")
    if len(row) < named:
        state.error(
            line,
            len(row) + 1,
            f"this row has {fields} where the header names {named} columns: separate every "
            f"field with a {text.name}, even an empty one",
        )
        return False
    if len(row) > len(header):
        state.error(
            line,
            len(header) + 1,
            f"this row has {fields} where the header has {len(header)} columns: a value "
            f"with a {text.name} in it must be quoted",
        )
        return False
    return True


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
