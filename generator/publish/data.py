"""The plan as data: JSON (documented by schemas/plan.schema.json) and CSV.

These are the stable surface other tools read, so numbers are plain (loads in the
program's units, percentages as 65 not 0.65, rest in seconds: the JSON numbers of
generator.wording, whose text the CSV cells are), every key is always present (null
when it does not apply), and the text is the same byte for byte for the same plan.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterator
from typing import Any

from generator.log.values import LoggedSet
from generator.plan.values import Plan, PlannedExercise, PlannedSession, PlannedSet, PlannedWeek
from generator.resources import csv_table
from generator.wording import json_number, json_percent

PLAN_FORMAT = "liftplan-plan/3"


def plan_data(plan: Plan, *, weeks: bool = True) -> dict[str, Any]:
    """The whole plan as plain data, in the shape plan.schema.json describes (without
    its weeks when `weeks` is false: plan_json writes them one at a time)."""
    program = plan.program
    data = {
        "format": PLAN_FORMAT,
        "program": {
            "id": program.id,
            "title": program.title,
            "athlete": program.athlete,
            "coach": program.coach,
            "description": program.description,
            "notes": program.notes,
            "links": [{"title": title, "url": url} for title, url in program.links],
            "units": program.units,
            "start": program.start.isoformat(),
            "end": plan.weeks[-1].end.isoformat(),
            "weeks": len(plan.weeks),
            "time": program.time,
            "timezone": program.timezone,
            "session_seconds": program.duration,
        },
        "phases": [
            {
                "name": phase.name,
                "first_week": phase.first_week,
                "last_week": phase.last_week,
                "goal": phase.goal,
                "model": phase.model,
                "notes": phase.notes,
            }
            for phase in program.phases
        ],
        "maxes": {
            name: {
                "one_rm": json_number(entry.one_rm, 2),
                "training_max": json_number(entry.training_max, 2),
            }
            for name, entry in sorted(program.maxes.items())
        },
    }
    if weeks:
        data["weeks"] = [_week(week) for week in plan.weeks]
    return data


def _week(week: PlannedWeek) -> dict[str, Any]:
    summary = week.summary
    return {
        "number": week.number,
        "phase": week.phase,
        "start": week.start.isoformat(),
        "end": week.end.isoformat(),
        "deload": week.deload,
        "skipped": [
            {"date": skip.date.isoformat(), "reason": skip.reason, "outcome": skip.outcome}
            for skip in week.skipped
        ],
        "summary": {
            "hard_sets": summary.hard_sets,
            "tonnage": json_number(summary.tonnage, 1),
            "mean_intensity": json_percent(summary.mean_intensity),
            "exercises": [
                {
                    "exercise": item.exercise,
                    "hard_sets": item.hard_sets,
                    "tonnage": json_number(item.tonnage, 1),
                    "mean_intensity": json_percent(item.mean_intensity),
                }
                for item in summary.exercises
            ],
        },
        "sessions": [_session(session) for session in week.sessions],
    }


def _session(session: PlannedSession) -> dict[str, Any]:
    return {
        "date": session.date.isoformat(),
        "weekday": session.weekday,
        "label": session.label,
        "title": session.title,
        "day_type": session.day_type,
        "moved_from": session.moved_from.isoformat() if session.moved_from else None,
        "notes": session.notes,
        "exercises": [_exercise(exercise) for exercise in session.exercises],
        "logged": {"note": session.logged.note} if session.logged is not None else None,
        "missed": session.missed,
    }


def _exercise(exercise: PlannedExercise) -> dict[str, Any]:
    return {
        "exercise": exercise.exercise,
        "name": exercise.name,
        "superset": exercise.superset,
        "prescribed": exercise.prescribed,
        "equipment": exercise.equipment,
        "unilateral": exercise.unilateral,
        "bodyweight": json_number(exercise.bodyweight),
        "band": exercise.band,
        "band_tension": json_number(exercise.band_tension),
        "technique": exercise.technique,
        "notes": exercise.notes,
        "status": exercise.status,
        "cues": list(exercise.cues),
        "sets": [_set(planned) for planned in exercise.sets],
        "done": [_done(logged) for logged in exercise.done.sets]
        if exercise.done is not None
        else None,
    }


def _done(logged: LoggedSet) -> dict[str, Any]:
    return {
        "reps": logged.reps,
        "seconds": logged.seconds,
        "load": json_number(logged.load),
        "rpe": json_number(logged.rpe),
        "note": logged.note,
    }


def _set(planned: PlannedSet) -> dict[str, Any]:
    return {
        "kind": planned.kind,
        "reps": planned.reps,
        "reps_max": planned.reps_max,
        "seconds": planned.seconds,
        "load": json_number(planned.load),
        "percent": json_percent(planned.percent),
        "percent_of": planned.percent_of,
        "rpe": json_number(planned.rpe),
        "rir": planned.rir,
        "tempo": planned.tempo,
        "rest": planned.rest,
        "plates": [json_number(plate) for plate in planned.plates]
        if planned.plates is not None
        else None,
    }


def plan_json(plan: Plan) -> str:
    """The plan as JSON text, deterministic to the byte."""
    return b"".join(plan_json_chunks(plan)).decode("utf-8")


def plan_json_chunks(plan: Plan) -> Iterator[bytes]:
    """The plan as UTF-8 JSON, a week at a time: the plan as plain data never exists whole
    and each week's text is written as soon as it is made, so the JSON's memory does not
    grow with the plan (a 520-week plan's data and text took five times its bytes). The
    bytes are those of json.dumps(plan_data(plan), indent=2, ensure_ascii=False) and a
    newline."""
    out: list[str] = []
    _indented(plan_data(plan, weeks=False), "", out)
    head = "".join(out)
    yield head[: -len("\n}")].encode("utf-8") + b',\n  "weeks": '
    opening = "[\n    "
    for week in plan.weeks:
        out = [opening]
        _indented(_week(week), "    ", out)
        yield "".join(out).encode("utf-8")
        opening = ",\n    "
    yield b"\n  ]\n}\n" if plan.weeks else b"[]\n}\n"


def _indented(value: Any, indent: str, out: list[str]) -> None:
    """Append `value` as `json.dumps(value, indent=2, ensure_ascii=False)` writes it.

    With an indent, json.dumps leaves its C encoder for a pure-Python one that runs a
    generator per container: 26 ms for a 12-week plan, a third of a build without PDF.
    This writes the same bytes (a test holds it to json.dumps) in a third of the time;
    scalars are written in the loops, not by a call each, as most values are scalars.

    >>> out = []; _indented({"a": [1, 2.5, None, True], "b": {}, "c": "é"}, "", out)
    >>> "".join(out) == json.dumps({"a": [1, 2.5, None, True], "b": {}, "c": "é"},
    ...                            indent=2, ensure_ascii=False)
    True
    """
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        opening = "{\n"
        for key, item in value.items():
            kind = type(item)
            if kind is str:
                out.append(f"{opening}{inner}{_string(key)}: {_string(item)}")
            elif kind is int:
                out.append(f"{opening}{inner}{_string(key)}: {int.__repr__(item)}")
            else:
                out.append(f"{opening}{inner}{_string(key)}: ")
                _indented(item, inner, out)
            opening = ",\n"
        out.append("\n" + indent + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        opening = "[\n"
        for item in value:
            out.append(opening + inner)
            _indented(item, inner, out)
            opening = ",\n"
        out.append("\n" + indent + "]")
    else:
        out.append(_scalar(value))


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    if value is None or value is True or value is False:
        return _LITERALS[value]
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


# Written as json writes them; strings by json's own (C) function.
_LITERALS = {None: "null", True: "true", False: "false"}
_string = json.encoder.encode_basestring


# The columns, in order, and those that hold numbers, from plan.csv's Table Schema
# (schemas/plan-csv.table.json), where each column's one type is written down. Numbers are
# written as they are: a spreadsheet must read -2.5 as a number, not as the text '-2.5.
# Every other column is text and goes through spreadsheet_text, so a column added later
# is guarded unless the schema makes it a number.
CSV_COLUMNS = tuple(field["name"] for field in csv_table()["fields"])
CSV_NUMBERS = frozenset(
    field["name"] for field in csv_table()["fields"] if field["type"] in ("integer", "number")
)
_CSV_TEXT = tuple(column not in CSV_NUMBERS for column in CSV_COLUMNS)

# What makes a spreadsheet take a cell for a formula (OWASP, CSV injection): = + - @, and
# tab, CR, LF or NUL, which some strip before looking; also the full-width = + - @ that
# some spreadsheets fold to the ASCII ones.
FORMULA_STARTS = tuple("=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20")


def spreadsheet_text(text: str) -> str:
    """A text cell a spreadsheet shows as text: one that would start a formula gets a
    leading single quote, which spreadsheets take as "this is text". For text columns
    only (see CSV_NUMBERS): a number such as -2.5 must stay a number.

    A spec is untrusted and its names reach plan.csv, which a coach opens in a
    spreadsheet, so `=HYPERLINK(...)` or `=cmd|...` there would run on their machine.

    >>> spreadsheet_text("=1+2"), spreadsheet_text("-2+3"), spreadsheet_text("\uff1dA1")
    ("'=1+2", "'-2+3", "'\uff1dA1")
    >>> spreadsheet_text("Hip thrust"), spreadsheet_text("")
    ('Hip thrust', '')
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def plan_csv(plan: Plan) -> str:
    """One row per set, for spreadsheets: the columns of CSV_COLUMNS. A logged session's
    sets after the warm-up carry what was done, set by set in order."""
    return b"".join(plan_csv_chunks(plan)).decode("utf-8")


def plan_csv_chunks(plan: Plan) -> Iterator[bytes]:
    """plan.csv as UTF-8, the header and then a week at a time, so it is written as it is
    made and its memory does not grow with the plan."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(CSV_COLUMNS)
    for week in plan.weeks:
        _week_rows(writer, week, plan.program.units)
        yield out.getvalue().encode("utf-8")
        out.seek(0)
        out.truncate()
    if not plan.weeks:
        yield out.getvalue().encode("utf-8")


def _week_rows(writer: Any, week: PlannedWeek, units: str) -> None:
    """A week's rows of plan.csv, a set a row."""
    for session in week.sessions:
        for exercise in session.exercises:
            done = iter(exercise.done.sets if exercise.done is not None else ())
            for index, planned in enumerate(exercise.sets, start=1):
                row = _set(planned)
                logged = next(done, None) if planned.kind != "warmup" else None
                _write(
                    writer,
                    [
                        session.date.isoformat(),
                        week.number,
                        week.phase,
                        session.label,
                        session.day_type or "",
                        exercise.exercise,
                        exercise.name,
                        exercise.superset or "",
                        index,
                        planned.kind,
                        _cell(row["reps"]),
                        _cell(row["reps_max"]),
                        _cell(row["seconds"]),
                        _cell(row["load"]),
                        units,
                        _cell(row["percent"]),
                        row["percent_of"] or "",
                        _cell(row["rpe"]),
                        _cell(row["rir"]),
                        planned.tempo or "",
                        _cell(row["rest"]),
                        _plates(row["plates"]),
                        logged.reps if logged is not None else "",
                        _cell(logged.seconds) if logged is not None else "",
                        _cell(json_number(logged.load)) if logged is not None else "",
                        _cell(json_number(logged.rpe)) if logged is not None else "",
                    ],
                )


def _write(writer: Any, row: list[Any]) -> None:
    """Write a row of CSV_COLUMNS with its text cells made safe for spreadsheets
    (spreadsheet_text) and every line break in its texts as \\n.

    A field holding a line break is quoted (the writer quotes any field with a character
    of its CRLF row ending); a lone \\r becomes \\n all the same, as readers that split
    lines before parsing take it for the end of the row. Guarding comes first, so a text
    that starts with \\r is guarded before the \\r becomes \\n.
    """
    writer.writerow(
        [
            _text_cell(cell) if text and isinstance(cell, str) else cell
            for cell, text in zip(row, _CSV_TEXT, strict=True)
        ]
    )


def _text_cell(cell: str) -> str:
    return spreadsheet_text(cell).replace("\r\n", "\n").replace("\r", "\n")


def _plates(plates: list[int | float] | None) -> str:
    """The plates per side as a JSON array, so the column is text in every row (a lone
    plate, 20, would read as a number) and the bar alone ([]) differs from no bar ("").

    >>> _plates([25, 10]), _plates([20]), _plates([]), _plates(None)
    ('[25, 10]', '[20]', '[]', '')
    """
    return "" if plates is None else "[" + ", ".join(map(str, plates)) + "]"


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
