"""Checking a training log against its program and plan.

A log (`<spec name>.log.yaml`, see `generator.log.values`) is read by the hardened loader,
checked by `schemas/log.schema.json`, then against the program and its plan: the id,
the exercises, and that every date falls on a planned session. Under the shift rule
for missed sessions (`on_missed: shift`) an entry is instead the next session due,
whatever its date: the entries must not outnumber the sessions, and an entry that names
its session must name that one. Every problem is a located diagnostic; a set written
wrong (see `generator.log.notation`) is pointed at inside its line.

Sets are written as a text of sets separated by spaces, or as a list of such sets or of
mappings (`{reps: 10, load: 12.5, note: ...}`).
"""

from __future__ import annotations

import datetime
import difflib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from generator.errors import Diagnostic, LiftplanError, Outcome, Severity, sort_diagnostics
from generator.files import read_regular
from generator.log.notation import SET_EXAMPLE, WrittenSet, read_sets
from generator.log.values import LoggedExercise, LoggedSession, LoggedSet, TrainingLog
from generator.plan.matching import candidates
from generator.plan.shift import Due, reschedule, training_days
from generator.plan.values import Plan, PlannedSession
from generator.resources import schema
from generator.spec.defaults import LATEST_WEEKS
from generator.spec.loader import MAX_BYTES, Document, Path, decode, load_bytes
from generator.spec.model import Program
from generator.spec.schema import Locating, format_path, schema_diagnostics, show

# The most sets one exercise may have in one session, counting `3x` repeats.
MAX_SETS = 100

_SETS_SCHEMA = schema("log")["definitions"]["sets"]
_SET_SCHEMA = schema("log")["definitions"]["set"]
_DONE_KEYS = schema("log")["definitions"]["session"]["properties"]["done"]["propertyNames"]
# The schema's own words for a set written wrong; liftplan says more, at the set itself.
SETS_FORM: str = _SETS_SCHEMA["patternErrorMessage"]
SET_FORM: str = _SET_SCHEMA["patternErrorMessage"]
_EXERCISE_ID_FORM: str = _DONE_KEYS["patternErrorMessage"]


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
        return read_regular(path, cap)
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
                message = f"{show(value)}: {SET_EXAMPLE} (no spaces inside a set)"
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
                    reps=item.get("reps", 0),
                    load=None if isinstance(load, str) else _exact(load),
                    rpe=_exact(item["rpe"]) if "rpe" in item else None,
                    note=item.get("note", ""),
                    seconds=item.get("seconds"),
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
    planned = candidates(week.sessions, day, label)
    if planned:
        return DayCheck(planned=planned)
    if label is None:
        return DayCheck(f"no session is planned on {_day(day)} (week {week.number}: {has}); {hint}")
    return DayCheck(
        f"session {show(label)} is not planned in week {week.number} ({has})", "session"
    )


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
