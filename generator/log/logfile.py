"""The training log file: its set notation, its validation, and safe appends to it.

A log (`<spec name>.log.yaml`, see `generator.log.values`) is read by the hardened loader,
checked by `schemas/log.schema.json`, then against the program and its plan: the id,
the exercises, and that every date falls on a planned session. Under the shift rule
for missed sessions (`on_missed: shift`) an entry is instead the next session due,
whatever its date: the entries must not outnumber the sessions, and an entry that names
its session must name that one. Every problem is a located diagnostic; a set written
wrong is pointed at inside its line.

Sets are written REPS@LOAD (`10@90`), REPS@LOAD@RPE (`10@60@8`), with `bw` for
bodyweight (`8@bw`) and a count in front to repeat a set (`3x10@90`), separated by
spaces, or as a list of such sets or of mappings (`{reps: 10, load: 12.5, note: ...}`).

Appending never loses what the file held: the new entries are added to the end of
the file's text (comments and layout stay as they were), the whole new text is
checked, and it replaces the file atomically only if it is valid.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
import secrets
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path as FilePath
from typing import Any, Literal

from generator.errors import Diagnostic, LiftplanError, Outcome, Severity, sort_diagnostics
from generator.log.values import (
    LoggedExercise,
    LoggedSession,
    LoggedSet,
    TrainingLog,
    log_path,
)
from generator.plan.expand import expand
from generator.plan.shift import Due, reschedule, training_days
from generator.plan.values import Plan, PlannedSession
from generator.resources import data_dir, schema
from generator.spec.defaults import LATEST_WEEKS
from generator.spec.loader import MAX_BYTES, Document, Path, decode, dump, load_bytes
from generator.spec.model import Program
from generator.spec.schema import Locating, format_path, schema_diagnostics, show

# The most sets one exercise may have in one session, counting `3x` repeats.
MAX_SETS = 100

# One set, with its parts named. The schema's pattern is this without the names
# (tests/test_log.py checks that they are the same language).
_LOAD_PATTERN = (
    r"(?P<bw>[bB][wW])|(?P<load>(?:[1-9][0-9]{0,3}|0)(?:\.[0-9]{1,3})?)(?P<unit>kg|lbs?)?"
)
SET_TOKEN = re.compile(
    r"(?:(?P<count>[1-9][0-9]?)[xX])?"
    r"(?P<reps>1000|[1-9][0-9]{0,2}|0)"
    rf"@(?:{_LOAD_PATTERN})"
    r"(?:@(?P<rpe>10(?:\.0)?|[1-9](?:\.[05])?))?"
)
_LOAD = re.compile(_LOAD_PATTERN)
_WORD = re.compile(r"\S+")

_SETS_SCHEMA = schema("log")["definitions"]["sets"]
_SET_SCHEMA = schema("log")["definitions"]["set"]
_DONE_KEYS = schema("log")["definitions"]["session"]["properties"]["done"]["propertyNames"]
# The schema's own words for a set written wrong; liftplan says more, at the set itself.
SETS_FORM: str = _SETS_SCHEMA["patternErrorMessage"]
SET_FORM: str = _SET_SCHEMA["patternErrorMessage"]
_EXERCISE_ID_FORM: str = _DONE_KEYS["patternErrorMessage"]
_SET_EXAMPLE = "a set is REPS@LOAD, e.g. 10@60"


# --- the set notation ------------------------------------------------------------------------


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
    (LoggedSet(reps=8, load=None, rpe=Fraction(15, 2), note=''),)
    """
    return [read_set(match.group(), match.start()) for match in _WORD.finditer(text)]


def read_set(token: str, offset: int = 0) -> WrittenSet:
    """One set written REPS@LOAD[@RPE], perhaps with a count (`3x`) in front."""
    match = SET_TOKEN.fullmatch(token)
    if match is None:
        return WrittenSet(offset, token, problem=f"{show(token)}: {_SET_EXAMPLE} ({_why(token)})")
    load = None if match["bw"] else Fraction(match["load"])
    rpe = Fraction(match["rpe"]) if match["rpe"] else None
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


# --- checking a log --------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedLog(Outcome):
    """One log's outcome: its values if it is valid, and everything found in it."""

    file: str
    log: TrainingLog | None
    diagnostics: tuple[Diagnostic, ...]
    document: Document | None = None


def load_log(path: str, program: Program, plan: Plan) -> TrainingLog:
    """The training log at `path`, checked against its program; LiftplanError with every error."""
    checked = check_log(path, program, plan)
    if checked.errors or checked.log is None:
        raise LiftplanError(checked.errors)
    return checked.log


def check_log(path: str, program: Program, plan: Plan) -> CheckedLog:
    """Read and check the log at `path`, turning every problem into a diagnostic."""
    try:
        raw = read_capped(path)
    except LiftplanError as error:
        return CheckedLog(path, None, error.diagnostics)
    return check_log_bytes(raw, path, program, plan)


def read_capped(path: str | os.PathLike[str], cap: int = MAX_BYTES) -> bytes:
    """A file's bytes, refusing to read more than `cap` (the loader reports the size)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(cap + 1)
    except OSError as error:
        raise LiftplanError.at(str(path), 1, 1, f"cannot read the file: {error.strerror}") from None


def check_log_bytes(raw: bytes, file: str, program: Program, plan: Plan) -> CheckedLog:
    """Check a log's text (as on disk) against its program and plan."""
    try:
        document = load_bytes(raw, file)
        text = decode(raw, file)
    except LiftplanError as error:
        return CheckedLog(file, None, error.diagnostics)
    checker = _LogChecker(document, text.split("\n"), program, plan)
    log = checker.run()
    return CheckedLog(file, log, tuple(sort_diagnostics(checker.found)), document)


@dataclass
class _LogChecker(Locating):
    """A log under check, the program it belongs to, and the problems found so far."""

    document: Document
    lines: list[str]
    program: Program
    plan: Plan
    found: list[Diagnostic] = field(default_factory=list)
    sets: dict[Path, list[WrittenSet]] = field(default_factory=dict)

    def run(self) -> TrainingLog | None:
        """Schema errors block the checks against the plan; set and exercise errors do not."""
        texts = dict(_set_texts(self.document.data))
        done_keys = {format_path(path) for path in _done_keys(self.document.data)}
        blocking = []
        for diagnostic in schema_diagnostics(self.document, "log"):
            if diagnostic.path in texts and diagnostic.message.endswith((SETS_FORM, SET_FORM)):
                continue  # said better, at the set itself, below
            if diagnostic.path in done_keys and diagnostic.message.endswith(_EXERCISE_ID_FORM):
                continue  # an unknown exercise, with a suggestion, below
            blocking.append(diagnostic)
        self.found.extend(blocking)
        for path in _done_keys(self.document.data):
            self._check_exercise(path)
        for path in _set_paths(self.document.data):
            self._read_sets(path)
        if blocking:
            return None
        labels = self._check_sessions()
        if any(d.severity is Severity.ERROR for d in self.found):
            return None
        return self._training_log(labels)

    # -- sets and exercises -------------------------------------------------------------------

    def _check_exercise(self, path: Path) -> None:
        exercise = str(path[-1])
        if exercise in self.program.exercises:
            return
        hint = exercise_suggestion(exercise, self.program)
        self.error(path, f"unknown exercise {show(exercise)}{hint}", key=True)

    def _read_sets(self, path: Path) -> None:
        value = _at(self.document.data, path)
        limit = _SET_SCHEMA["maxLength"] if isinstance(path[-1], int) else _SETS_SCHEMA["maxLength"]
        if not isinstance(value, str) or len(value) > limit:
            return
        written = read_sets(value)
        if not written:
            self.error(path, f"no sets given: {SETS_FORM}")
        if isinstance(path[-1], int) and len(written) > 1:
            if any(one.problem for one in written):
                where = self._inside(path, value, written[0].offset)
                message = f"{show(value)}: {_SET_EXAMPLE} (no spaces inside a set)"
            else:
                where = self._inside(path, value, written[1].offset)
                message = f"{show(value)}: one set per list item; {SET_FORM}"
            self._add_at(where, path, message)
            return
        self.sets[path] = written
        for one in written:
            if one.problem:
                message = one.problem
            elif one.unit is not None and one.unit != self.program.units:
                message = (
                    f"{show(one.text)}: the program's loads are in {self.program.units}, "
                    f"not {one.unit}"
                )
            else:
                continue
            self._add_at(self._inside(path, value, one.offset), path, message)

    def _inside(self, path: Path, value: str, offset: int) -> tuple[int, int]:
        """The line and column of a character of a scalar, when the scalar is on one line
        as written (plain or quoted without escapes); otherwise where the scalar starts."""
        line, column = self.document.locate(path)
        source = self.lines[line - 1] if line <= len(self.lines) else ""
        rest = source[column - 1 :]
        if rest.startswith(value):
            return line, column + offset
        if rest[:1] in ("'", '"') and rest[1:].startswith(value):
            return line, column + 1 + offset
        return line, column

    def _add_at(self, where: tuple[int, int], path: Path, message: str) -> None:
        self.found.append(Diagnostic(self.document.file, *where, message, format_path(path)))

    # -- the checks against the plan ----------------------------------------------------------

    def _check_sessions(self) -> list[str]:
        """Check the id, every date and label; return each entry's session label."""
        data = self.document.data
        if data["program"] != self.program.id:
            self.error(
                ("program",),
                f"the log is for {show(data['program'])}, but the spec's id is "
                f"{show(self.program.id)}",
            )
        first_line: dict[str, int] = {}
        for index, entry in enumerate(data["sessions"]):
            date_text = entry["date"]
            if date_text in first_line:
                self.error(
                    ("sessions", index, "date"),
                    f"{date_text} is already logged at line {first_line[date_text]}: "
                    "give each day one entry",
                )
            else:
                first_line[date_text] = self.document.locate(("sessions", index, "date"))[0]
        if self.program.on_missed == "shift":
            return self._check_in_order()
        labels = []
        for index, entry in enumerate(data["sessions"]):
            path: Path = ("sessions", index)
            day = datetime.date.fromisoformat(entry["date"])
            check = check_day(self.plan, day, entry.get("session"))
            if check.problem:
                self.error((*path, check.about), check.problem)
                labels.append("")
                continue
            labels.append(check.planned[0].label)
            planned = check.planned
            self._check_planned(path, entry, planned)
            for exercise in entry["done"]:
                self._check_count((*path, "done", exercise))
        return labels

    def _check_in_order(self) -> list[str]:
        """The shift rule: the entries, in date order, are the plan's sessions in order.
        Return each entry's session label."""
        data = self.document.data
        labels = [""] * len(data["sessions"])
        dated = self._dated_entries()
        sessions = self.plan.sessions
        due = [Due(session.week, session.label, session.date) for session in sessions]
        days = training_days(self.program, [session.date for session in sessions])
        rescheduled = reschedule(due, days, [day for _, day in dated])
        for session, held in zip(sessions, rescheduled.held, strict=True):
            if held.entry is None:
                break
            index = dated[held.entry][0]
            path: Path = ("sessions", index)
            named = data["sessions"][index].get("session")
            if named is not None and named != session.label:
                self.error(
                    (*path, "session"),
                    f"the next session due is {session.label} of week {session.week} "
                    f"(planned {_day(held.due)}), not {show(named)}: "
                    "with on_missed: shift, sessions are done in order",
                )
                continue
            labels[index] = session.label
            self._check_planned(path, data["sessions"][index], (session,), due=held.due)
        for index, _day_done in dated[rescheduled.used :]:
            self._one_too_many(index, dated[rescheduled.used - 1][0], len(sessions))
        for index, entry in enumerate(data["sessions"]):
            for exercise in entry["done"]:
                self._check_count(("sessions", index, "done", exercise))
        return labels

    def _dated_entries(self) -> list[tuple[int, datetime.date]]:
        """Each entry's index and date, in date order, leaving out (with an error) a date
        no session can be done on, and a date logged twice (reported already)."""
        dated: dict[datetime.date, int] = {}
        for index, entry in enumerate(self.document.data["sessions"]):
            day = datetime.date.fromisoformat(entry["date"])
            problem = shifted_day_problem(self.plan, day)
            if problem:
                self.error(("sessions", index, "date"), problem)
            elif day not in dated:
                dated[day] = index
        return sorted(((index, day) for day, index in dated.items()), key=lambda pair: pair[1])

    def _one_too_many(self, index: int, last: int, count: int) -> None:
        line = self.document.locate(("sessions", last, "date"))[0]
        self.error(
            ("sessions", index, "date"),
            f"the plan's {count} sessions are all logged already (the last at line {line}): "
            "this entry is one more than the plan has",
        )

    def _check_planned(
        self,
        path: Path,
        entry: Mapping[str, Any],
        planned: tuple[PlannedSession, ...],
        *,
        due: datetime.date | None = None,
    ) -> None:
        """Warn of an exercise the session does not hold; under the shift rule `due` is
        the day the session fell due once missed days moved it, not the projection's."""
        expected = {item.exercise for session in planned for item in session.exercises}
        session = planned[0]
        when = (
            f"as due on {_day(due)}" if due is not None else f"as planned for {_day(session.date)}"
        )
        for exercise in entry["done"]:
            if exercise in expected or exercise not in self.program.exercises:
                continue
            listed = ", ".join(dict.fromkeys(item.exercise for item in session.exercises))
            self.warn(
                (*path, "done", exercise),
                f"{exercise} is not in session {session.label} {when} ({listed or 'nothing'})",
                key=True,
            )

    def _check_count(self, path: Path) -> None:
        total = sum(len(one.sets) for one in self._written(path))
        value = _at(self.document.data, path)
        if isinstance(value, list):
            total += sum(1 for item in value if isinstance(item, dict))
        if total > MAX_SETS:
            self.error(path, f"{total} sets is more than {MAX_SETS} in one session")

    def _written(self, path: Path) -> Iterator[WrittenSet]:
        value = _at(self.document.data, path)
        if isinstance(value, str):
            yield from self.sets.get(path, [])
        elif isinstance(value, list):
            for index in range(len(value)):
                yield from self.sets.get((*path, index), [])

    # -- the values ---------------------------------------------------------------------------

    def _training_log(self, labels: list[str]) -> TrainingLog:
        sessions = []
        for index, entry in enumerate(self.document.data["sessions"]):
            path: Path = ("sessions", index, "done")
            exercises = tuple(
                LoggedExercise(exercise, tuple(self._sets((*path, exercise))))
                for exercise in entry["done"]
            )
            sessions.append(
                LoggedSession(
                    date=datetime.date.fromisoformat(entry["date"]),
                    label=labels[index],
                    exercises=exercises,
                    note=entry.get("note", ""),
                )
            )
        sessions.sort(key=lambda session: session.date)
        return TrainingLog(program=self.program.id, sessions=tuple(sessions))

    def _sets(self, path: Path) -> Iterator[LoggedSet]:
        value = _at(self.document.data, path)
        items = [value] if isinstance(value, str) else value
        for index, item in enumerate(items):
            if isinstance(item, dict):
                load = item["load"]
                yield LoggedSet(
                    reps=item["reps"],
                    load=None if isinstance(load, str) else _exact(load),
                    rpe=_exact(item["rpe"]) if "rpe" in item else None,
                    note=item.get("note", ""),
                )
            else:
                key = path if isinstance(value, str) else (*path, index)
                for written in self.sets[key]:
                    yield from written.sets


@dataclass(frozen=True)
class DayCheck:
    """Whether a day can be logged as a session: the problem ("" if none) and the entry's
    key it is about (date or session), or the planned sessions it was (the first is the one
    planned on the day itself, if any)."""

    problem: str = ""
    about: str = "date"
    planned: tuple[PlannedSession, ...] = ()


def check_day(
    plan: Plan,
    day: datetime.date,
    label: str | None,
    hint: str = "add session: to say which one this was",
) -> DayCheck:
    """Check training on `day` as session `label` (None: the session planned that day).

    A label must be planned in the day's week: a session moved to another day of the
    same week is fine. `hint` says how to name the session when none is planned that day.
    Under the shift rule any day the plan can reach is fine and `planned` is empty: which
    session an entry is depends on the entries before it, so the whole log settles it.
    """
    if plan.program.on_missed == "shift":
        return DayCheck(shifted_day_problem(plan, day))
    weeks = plan.weeks
    start, end = weeks[0].start, weeks[-1].end
    if day < start:
        return DayCheck(f"{day.isoformat()} is before the program starts ({start.isoformat()})")
    if day > end:
        return DayCheck(f"{day.isoformat()} is after the program ends ({end.isoformat()})")
    week = weeks[(day - start).days // 7]
    listed = ", ".join(f"{s.label} on {_day(s.date, year=False)}" for s in week.sessions)
    has = f"it has {listed}" if listed else "it has no sessions"
    if label is None:
        planned = tuple(session for session in week.sessions if session.date == day)
        if not planned:
            return DayCheck(
                f"no session is planned on {_day(day)} (week {week.number}: {has}); {hint}"
            )
        return DayCheck(planned=planned)
    same = [session for session in week.sessions if session.label == label]
    if not same:
        return DayCheck(
            f"session {show(label)} is not planned in week {week.number} ({has})", "session"
        )
    on_the_day = [session for session in same if session.date == day]
    return DayCheck(planned=tuple(on_the_day + [s for s in same if s.date != day]))


def shifted_day_problem(plan: Plan, day: datetime.date) -> str:
    """What is wrong with training on `day` under the shift rule ("" if nothing): it is
    before the program starts, or so long after the projection ends that no plan shifted
    by missed days should reach it (an entry years ahead is a typo, not a late session)."""
    start = plan.weeks[0].start
    if day < start:
        return f"{day.isoformat()} is before the program starts ({start.isoformat()})"
    end = plan.weeks[-1].end
    latest = end + datetime.timedelta(weeks=LATEST_WEEKS)
    if day > latest:
        return (
            f"{day.isoformat()} is more than {LATEST_WEEKS} weeks after the program ends "
            f"({end.isoformat()})"
        )
    return ""


def exercise_suggestion(word: str, program: Program) -> str:
    """A hint for an unknown exercise: the id of a display name, or the closest ids.

    Display names are matched case-insensitively, since people copy them from the plan.
    """
    by_name = {exercise.name.casefold(): key for key, exercise in program.exercises.items()}
    folded = " ".join(word.split()).casefold()
    if folded in by_name:
        return f": write its id, {show(by_name[folded])}"
    options = sorted(program.exercises)
    containing = sorted((o for o in options if word in o.split("_")), key=lambda o: (len(o), o))
    if len(containing) > 1:
        return f": did you mean one of {', '.join(containing[:5])}?"
    close = containing or difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        names = difflib.get_close_matches(folded, sorted(by_name), n=1, cutoff=0.6)
        close = [by_name[name] for name in names]
    return f": did you mean {show(close[0])}?" if close else ""


def _day(day: datetime.date, *, year: bool = True) -> str:
    return day.strftime("%a %d %b %Y" if year else "%a %d %b")


def _exact(value: int | float) -> Fraction:
    return Fraction(value) if isinstance(value, int) else Fraction(str(value))


def _at(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _entries(data: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    sessions = data.get("sessions") if isinstance(data, dict) else None
    if isinstance(sessions, list):
        for index, entry in enumerate(sessions):
            if isinstance(entry, dict):
                yield index, entry


def _done_keys(data: Any) -> Iterator[Path]:
    for index, entry in _entries(data):
        done = entry.get("done")
        if isinstance(done, dict):
            for exercise in done:
                if "\0duplicate@" not in exercise:
                    yield ("sessions", index, "done", exercise)


def _set_paths(data: Any) -> Iterator[Path]:
    """Every text of sets (a whole value, or one list item) wherever the shape allows."""
    for path in _done_keys(data):
        value = _at(data, path)
        if isinstance(value, str):
            yield path
        elif isinstance(value, list) and len(value) <= _SETS_SCHEMA["maxItems"]:
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield (*path, index)


def _set_texts(data: Any) -> Iterator[tuple[str, Path]]:
    for path in _set_paths(data):
        yield format_path(path), path


# --- appending -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Appended:
    """What an append did: the log written, and the warnings about the new entries."""

    path: FilePath
    created: bool
    log: TrainingLog
    warnings: tuple[Diagnostic, ...]
    first_line: int


class AppendError(LiftplanError):
    """The entries were not added (the file is as it was); `first_line` is where they would
    have started in the file, so messages about them can be read against it."""

    def __init__(self, diagnostics: Sequence[Diagnostic], first_line: int) -> None:
        super().__init__(diagnostics)
        self.first_line = first_line


def modeline(log: FilePath) -> str:
    """The comment that points editors at the log schema shipped with liftplan."""
    schema_file = data_dir("schemas") / "log.schema.json"
    relative = FilePath(os.path.relpath(schema_file, log.resolve().parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}\n"


def entry_text(entries: Sequence[Mapping[str, Any]], prefix: str = "  - ") -> str:
    """Log entries as YAML list items, each starting with `prefix` (its `- ` included).

    >>> print(entry_text([{"date": "2027-01-04", "done": {"hip_thrust": "10@90 9@90"}}]), end="")
      - date: '2027-01-04'
        done:
          hip_thrust: 10@90 9@90
    """
    indent = " " * len(prefix)
    text = ""
    for entry in entries:
        lines = dump(dict(entry)).splitlines()
        text += prefix + lines[0] + "\n"
        text += "".join((indent + line if line else line) + "\n" for line in lines[1:])
    return text


def append_entries(
    log: FilePath, entries: Sequence[Mapping[str, Any]], program: Program, plan: Plan
) -> Appended:
    """Add entries to the end of a log's text (creating the log if it is missing), check the
    whole new text against the program, and only then replace the file atomically.

    Raises AppendError with every problem, leaving the file byte for byte as it was.
    """
    created = not log.exists()
    old = b"" if created else read_capped(log)
    before: Document | None = None
    if not _blank(old):
        try:
            before = load_bytes(old, str(log))
        except LiftplanError as error:  # the log is broken already: that is what to fix
            raise AppendError(error.diagnostics, old.count(b"\n") + 1) from None
    new, first_line = _appended_bytes(old, before, log, entries, program)
    checked = check_log_bytes(new, str(log), program, plan)
    problems = _misplaced(new, before, checked, entries, program=program, first_line=first_line)
    problems = problems or list(checked.errors)
    if problems or checked.log is None:
        raise AppendError(problems, first_line)
    write_atomically(log, new, expected=None if created else old)
    warnings = tuple(d for d in checked.warnings if d.line >= first_line)
    return Appended(log, created, checked.log, warnings, first_line)


def _appended_bytes(
    old: bytes,
    before: Document | None,
    log: FilePath,
    entries: Sequence[Mapping[str, Any]],
    program: Program,
) -> tuple[bytes, int]:
    """The file's bytes with the entries added at the end, and the line they start on."""
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    if old and not old.endswith(b"\n"):
        old += newline
    if before is None:  # a new file, or one with only comments so far
        top = "" if old.strip() else modeline(log)
        prefix, heading = "  - ", top + dump({"program": program.id}) + "sessions:\n"
    else:
        prefix, heading = _item_prefix(old, before)
    added = (heading + entry_text(entries, prefix)).encode("utf-8")
    if newline == b"\r\n":
        added = added.replace(b"\n", b"\r\n")
    return old + added, old.count(b"\n") + 1 + heading.count("\n")


def _blank(raw: bytes) -> bool:
    """Whether a file holds nothing but blank lines and comments (a BOM aside)."""
    lines = raw.removeprefix(b"\xef\xbb\xbf").splitlines()
    return all(not line.strip() or line.lstrip().startswith(b"#") for line in lines)


def _item_prefix(old: bytes, before: Document) -> tuple[str, str]:
    """How the log's session items begin (`  - `), and a `sessions:` heading if it has none."""
    if "sessions" not in before.data:
        return "  - ", "sessions:\n"
    sessions = before.data["sessions"]
    if isinstance(sessions, list) and sessions:
        line, column = before.locate(("sessions", 0))
        text = old.decode("utf-8", errors="replace").removeprefix("\ufeff")
        prefix = text.split("\n")[line - 1][: column - 1]
        if re.fullmatch(r" *- +", prefix):
            return prefix, ""
    return "  - ", ""


def _misplaced(
    new: bytes,
    before: Document | None,
    checked: CheckedLog,
    entries: Sequence[Mapping[str, Any]],
    *,
    program: Program,
    first_line: int,
) -> list[Diagnostic]:
    """Refuse an append that would do anything but add the entries at the end of the
    sessions list: the list is written in flow style ([...]), or other keys follow it."""
    if checked.document is None and len(new) > MAX_BYTES:
        message = f"with this the log would be larger than {MAX_BYTES // 1024} KiB"
        return [Diagnostic(checked.file, first_line, 1, message)]
    old = before.data if before is not None else {"program": program.id}
    expected = dict(old)
    expected["sessions"] = [*(old.get("sessions") or []), *map(dict, entries)]
    after = checked.document.data if checked.document is not None else None
    if isinstance(after, dict) and after == expected and list(after) == list(expected):
        return []
    message = (
        "cannot add the entry at the end of this file: its sessions list must be the last "
        "thing in it, one '- date: ...' item per entry (not written as [...])"
    )
    return [Diagnostic(checked.file, first_line, 1, message)]


def write_atomically(path: FilePath, data: bytes, *, expected: bytes | None) -> None:
    """Replace `path` with `data` in one step: a temporary file beside it, synced, renamed.

    `expected` is what the file held when it was read (None: it did not exist); if it holds
    something else now, nothing is written. A symlink's target is replaced, not the link.
    """
    target = FilePath(os.path.realpath(path))
    current = read_capped(target) if target.exists() else None
    if current != expected:
        raise LiftplanError.at(
            str(path), 1, 1, "the file changed while liftplan was adding to it; nothing written"
        )
    mode = (target.stat().st_mode & 0o7777) if expected is not None else None
    temporary, handle = _create_beside(target)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _create_beside(target: FilePath) -> tuple[FilePath, int]:
    """A new hidden file beside `target`, created with the usual permissions (0666 less the
    umask, unlike tempfile's 0600), and an open handle to it."""
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits taken already
            continue


def _sync_folder(folder: FilePath) -> None:
    """Make the rename itself durable, where the system allows syncing a folder."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a platform without directory handles
        return
    try:
        os.fsync(handle)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(handle)


# --- entries from the command line -----------------------------------------------------------


def entry_from_arguments(
    program: Program,
    day: str,
    arguments: Sequence[str],
    *,
    label: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """One log entry from `liftplan log` arguments, each 'EXERCISE SETS...'.

    The exercise is its id or its display name (any case); its sets start at the first
    later word that starts with a digit, and are kept as written. An unknown exercise and
    bad sets are left for the log's own checks, which say what is wrong and where.
    Raises ValueError for an argument with no exercise or no sets, or an exercise twice.
    For example, "Barbell Hip Thrust 10@90  9@90" gives `hip_thrust: 10@90 9@90`.
    """
    names = {exercise.name.casefold(): key for key, exercise in program.exercises.items()}
    done: dict[str, str] = {}
    for given in arguments:
        words = given.split()
        first_set = next(
            (index for index, word in enumerate(words) if index and word[:1].isdigit()),
            len(words),
        )
        name, sets = " ".join(words[:first_set]), " ".join(words[first_set:])
        if not sets:
            raise ValueError(
                f"{given!r}: give an exercise and its sets, e.g. 'hip_thrust 10@90 10@90'"
            )
        exercise = name if name in program.exercises else names.get(name.casefold(), name)
        if exercise in done:
            raise ValueError(f"{exercise} is given twice: put all its sets in one argument")
        done[exercise] = sets
    entry: dict[str, Any] = {"date": day}
    if label is not None:
        entry["session"] = label
    if note is not None:
        entry["note"] = note
    entry["done"] = done
    return entry


def plan_with_log(
    spec: str, program: Program, raw: bytes | Literal["read"] | None = "read"
) -> tuple[Plan, CheckedLog | None]:
    """A program's plan, re-planned from the training log beside its spec if it has one.

    The log is checked against the projected plan; with errors in it, the projection
    is returned with the check, for the caller to report. `raw` is the log's bytes (None:
    there is none) when the caller has read them already, as the build does to key its
    cache by the very bytes it plans from.
    """
    projected = expand(program)
    path = log_path(spec)
    if raw == "read":
        if not path.is_file():
            return projected, None
        checked = check_log(str(path), program, projected)
    elif raw is None:
        return projected, None
    else:
        checked = check_log_bytes(raw, str(path), program, projected)
    if checked.log is None or checked.errors:
        return projected, checked
    return expand(program, checked.log), checked
