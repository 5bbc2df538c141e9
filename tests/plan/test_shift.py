"""The shift rule for missed sessions (`schedule.on_missed: shift`): a session the log
skips is not lost but done on the next training day, and the rest of the plan moves on.

Scenarios worked by hand (against the skip rule on the same log), the outputs of a plan
pushed past its last week, the log's checks and `liftplan log` under the rule, and the
re-planning properties of tests/plan/test_replan.py run under it.
"""

from __future__ import annotations

import datetime
import json
import random
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from jsonschema import Draft7Validator

from generator.build.build import build
from generator.build.config import Settings
from generator.files import log_path
from generator.log.check import check_log
from generator.log.values import LoggedExercise, LoggedSession, LoggedSet, TrainingLog
from generator.pipeline import plan_spec
from generator.plan.expand import expand
from generator.plan.shift import Due, TrainingDays, reschedule
from generator.plan.values import Plan, PlannedSession, SkippedDate
from generator.publish.calendar import plan_ics, previous_events
from generator.publish.data import plan_json
from generator.publish.text import show_plan
from generator.resources import schema
from generator.spec.loader import dump
from generator.spec.model import Program
from tests.support.commands import log_cli
from tests.support.plans import log_from, planned_values, program_of
from tests.support.spec_header import BARBELL_WITH_15S, spec_header
from tests.support.speed import examples
from tests.support.valid_specs import specs


def day(text: str) -> datetime.date:
    """A date in January 2027 by its day of the month: day("12") is Tue 12 Jan."""
    return datetime.date(2027, 1, int(text))


# Three weeks on Monday, Wednesday and Friday; A and B take the days in turn, so the
# projection is S1 A Mon 4, S2 B Wed 6, S3 A Fri 8, S4 B Mon 11, S5 A Wed 13, S6 B Fri 15,
# S7 A Mon 18, S8 B Wed 20, S9 A Fri 22. A's hip thrust climbs 8-12 by double progression.
SPEC: dict[str, Any] = {
    **spec_header(
        "Shift",
        spec_id="shifty",
        days=["mon", "wed", "fri"],
        equipment={"barbell": BARBELL_WITH_15S},
        on_missed="shift",
    ),
    "phases": [
        {
            "name": "Build",
            "weeks": 3,
            "goal": "hypertrophy",
            "sessions": {
                "A": [
                    {
                        "exercise": "hip_thrust",
                        "sets": 3,
                        "reps": "8-12",
                        "load": 100,
                        "warmup": "none",
                        "progress": [{"double": {"add": 5}}],
                    }
                ],
                "B": [
                    {"exercise": "back_squat", "sets": 3, "reps": 5, "load": 100, "warmup": "none"}
                ],
            },
        }
    ],
}

# Monday's A went to the top of the range; Wednesday passed with nothing; B was done on
# Friday; A on Tuesday 12, a rest day, at the load Monday earned; B on Wednesday 13.
LOG = """\
program: shifty
sessions:
  - date: "2027-01-04"
    done: {hip_thrust: 3x12@100}
  - date: "2027-01-08"
    session: B
    done: {back_squat: 3x5@100}
  - date: "2027-01-12"
    session: A
    done: {hip_thrust: 3x8@105}
  - date: "2027-01-13"
    session: B
    done: {back_squat: 3x5@100}
"""


def spec_with(**schedule: Any) -> dict[str, Any]:
    return {**SPEC, "schedule": {**SPEC["schedule"], **schedule}}


def write_spec(folder: Path, spec: dict[str, Any], log: str | None = None) -> Path:
    path = folder / "shifty.yaml"
    path.write_text(dump(spec), encoding="utf-8")
    if log is not None:
        log_path(path).write_text(log, encoding="utf-8")
    return path


def replanned(folder: Path, spec: dict[str, Any], log: str) -> Plan:
    """The plan re-planned from the log, which must pass its checks."""
    path = write_spec(folder, spec, log)
    planned = plan_spec(str(path))
    assert planned.log is not None
    assert not planned.log.diagnostics, planned.log.diagnostics
    return planned.plan


def hip_thrust(session: PlannedSession) -> tuple[int | None, Fraction | None]:
    (reps_load,) = {(s.reps, s.load) for s in session.exercises[0].sets if s.kind == "work"}
    return reps_load


def timeline(plan: Plan) -> list[tuple[int, str, datetime.date]]:
    return [(session.week, session.label, session.date) for session in plan.sessions]


# --- worked by hand ----------------------------------------------------------------------------


def test_a_missed_day_moves_the_rest_of_the_plan_on(tmp_path: Path) -> None:
    plan = replanned(tmp_path, SPEC, LOG)
    # S1 A is done on Mon 4. S2 B falls due on Wed 6; the next entry (Fri 8) is not before
    # the training day after Wed 6 (Fri 8 itself), so Wed 6 passed: S2 falls due on Fri 8,
    # and Fri 8's entry does it. S3 A falls due on the next training day, Mon 11; Tue 12's
    # entry is before the training day after it (Wed 13), so it does S3: late, on a rest
    # day, but nothing more moves. S4 B falls due on Wed 13 and is done then. From there
    # the plan is projected, each session a training day later than written: S5 on Fri 15
    # (written Wed 13) ... S9 on Mon 25, after week 3 (18 to 24 Jan) has ended.
    assert timeline(plan) == [
        (1, "A", day("04")),
        (1, "B", day("08")),
        (1, "A", day("12")),
        (2, "B", day("13")),
        (2, "A", day("15")),
        (2, "B", day("18")),
        (3, "A", day("20")),
        (3, "B", day("22")),
        (3, "A", datetime.date(2027, 1, 25)),
    ]
    # The hip thrust: S1 asked 3 x 8 @ 100 and every set made 12, the top of the range, so
    # S3 goes up to 105 x 8. S3 was made as asked (8s at 105): the climb resumes, 9, 10, 11.
    # Nothing is lost to the missed day: every A session is still held, in order.
    a_sessions = [session for session in plan.sessions if session.label == "A"]
    assert [hip_thrust(session) for session in a_sessions] == [
        (8, Fraction(100)),
        (8, Fraction(105)),
        (9, Fraction(105)),
        (10, Fraction(105)),
        (11, Fraction(105)),
    ]
    assert [session.logged is not None for session in plan.sessions] == [True] * 4 + [False] * 5
    assert not any(session.missed for session in plan.sessions)
    # The day that passed is listed in the week of the session that was due (B of week 1).
    weeks = plan.weeks
    assert weeks[0].skipped == (SkippedDate(day("06"), "session B was not logged", "shifted"),)
    assert weeks[1].skipped == weeks[2].skipped == ()
    # Week 1 keeps its start (its first session did not move) and runs to Tue 12, its last
    # session; weeks 2 and 3 start two days late, as their first sessions moved.
    assert [(week.start, week.end) for week in weeks] == [
        (day("04"), day("12")),
        (day("13"), day("19")),
        (day("20"), day("26")),
    ]


def test_the_same_log_under_the_skip_rule_loses_the_missed_session(tmp_path: Path) -> None:
    plan = replanned(tmp_path, spec_with(on_missed="skip"), LOG)
    # Every session keeps its written date. The entries name their sessions: Fri 8's B is
    # week 1's B (Wed 6), Tue 12's A is week 2's A (Wed 13), Wed 13's B is week 2's first B
    # (Mon 11). Week 1's second A (Fri 8) lies before the log's last entry with none:
    # missed, and not done later.
    assert timeline(plan) == timeline(expand(program_of(spec_with(on_missed="skip"))))
    assert [session.missed for session in plan.sessions] == [False, False, True] + [False] * 6
    # The hip thrust: S1's 12s lift S3 to 105 x 8, but S3 is missed, and progression runs
    # through it as planned, so S5 asks 105 x 9. It was logged with 8s, short of 9: S7
    # repeats 9, and S9 climbs to 10. Under the shift rule S9 asked for 11.
    a_sessions = [session for session in plan.sessions if session.label == "A"]
    assert [hip_thrust(session) for session in a_sessions] == [
        (8, Fraction(100)),
        (8, Fraction(105)),
        (9, Fraction(105)),
        (9, Fraction(105)),
        (10, Fraction(105)),
    ]
    assert a_sessions[2].logged is not None
    assert a_sessions[2].logged.date == day("12")
    assert all(week.skipped == () for week in plan.weeks)
    assert plan.weeks[-1].end == datetime.date(2027, 1, 24)


def test_with_no_log_both_rules_give_the_projection() -> None:
    shift, skip = program_of(SPEC), program_of(spec_with(on_missed="skip"))
    assert (shift.on_missed, skip.on_missed) == ("shift", "skip")
    assert program_of({**SPEC, "schedule": {"days": ["mon"]}}).on_missed == "skip"
    assert json.loads(plan_json(expand(shift))) == json.loads(plan_json(expand(skip)))


def test_the_text_plan_says_what_the_missed_day_did(tmp_path: Path) -> None:
    text = show_plan(replanned(tmp_path, SPEC, LOG), week=1)
    assert "Week 1: Build, 04 Jan to 12 Jan 2027\n" in text
    assert (
        "  Wed 06 Jan: missed (session B was not logged), the plan moved on one training day\n"
    ) in text
    assert "  Tue 12 Jan - session A\n" in text
    assert "MISSED" not in text


# --- past the end of the program ---------------------------------------------------------------

# S1 to S6 done on their days; Mon 18 and Wed 20 pass with nothing; S7 (A) on Fri 22.
LATE = """\
program: shifty
sessions:
""" + "".join(
    f'  - date: "2027-01-{d}"\n    done: {{{exercise}: 3x{reps}@100}}\n'
    for d, exercise, reps in [
        ("04", "hip_thrust", 8),
        ("06", "back_squat", 5),
        ("08", "hip_thrust", 9),
        ("11", "back_squat", 5),
        ("13", "hip_thrust", 10),
        ("15", "back_squat", 5),
        ("22", "hip_thrust", 11),
    ]
)


def test_missed_days_at_the_end_push_sessions_past_the_last_week(tmp_path: Path) -> None:
    plan = replanned(tmp_path, SPEC, LATE)
    # S7 A falls due on Mon 18; the next entry, Fri 22, is not before Wed 20 (Mon 18
    # passed) nor before Fri 22 (Wed 20 passed), but before the training day after Fri 22:
    # past the program, its last phase's days go on, so Mon 25. S7 is done Fri 22, S8 B
    # falls on Mon 25 and S9 A on Wed 27, both after week 3's last day (Sun 24).
    assert timeline(plan)[6:] == [
        (3, "A", day("22")),
        (3, "B", day("25")),
        (3, "A", day("27")),
    ]
    week = plan.weeks[2]
    # Both days passed with the same session due, S7 A.
    assert week.skipped == tuple(
        SkippedDate(date, "session A was not logged", "shifted") for date in (day("18"), day("20"))
    )
    # The week starts at the first day it lists as passed and ends at its last session.
    assert (week.start, week.end) == (day("18"), day("27"))
    assert hip_thrust(plan.sessions[8]) == (12, Fraction(100))

    write_spec(tmp_path, SPEC, LATE)
    build(Settings([str(tmp_path / "shifty.yaml")], tmp_path / "out", ["html", "json", "ics"]))
    folder = tmp_path / "out" / "shifty"
    page = (folder / "week-03.html").read_text(encoding="utf-8")
    assert page.index("Friday 22 January") < page.index("Monday 25 January")
    assert page.index("Monday 25 January") < page.index("Wednesday 27 January")
    assert "18 Jan to 27 Jan 2027" in page
    assert (
        '<p class="skipped">Mon 18 Jan: missed (session A was not logged), '
        "the plan moved on one training day</p>"
    ) in page
    overview = (folder / "index.html").read_text(encoding="utf-8")
    # The calendar's row for week 3 has a cell for each of its ten days, in order: the two
    # days that passed, then the sessions, each linked to its place on the week's page.
    row = overview[overview.index('data-href="week-03.html"') :]
    row = row[: row.index("</ol>")]
    cells = re.findall(
        r'<li class="day([^"]*)" data-date="2027-01-(\d\d)"(?: title="([^"]*)")?', row
    )
    assert [date for _, date, _ in cells] == [f"{d}" for d in range(18, 28)]
    marked = {date: (kind.strip(), title) for kind, date, title in cells if kind.strip()}
    assert marked["18"] == (
        "skipped",
        "Mon 18 Jan: missed (session A was not logged), the plan moved on one training day",
    )
    assert marked["20"][0] == "skipped"
    sessions = {date: kind for date, (kind, _) in marked.items() if kind.startswith("session")}
    assert sessions == {"22": "session done", "25": "session", "27": "session"}
    assert 'href="week-03.html#2027-01-25-B" title="Mon 25 Jan: session B"' in row
    assert 'href="week-03.html#2027-01-27-A" title="Wed 27 Jan: session A"' in row

    data = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    assert list(Draft7Validator(schema("plan")).iter_errors(data)) == []
    assert data["format"] == "liftplan-plan/3"
    assert data["program"]["end"] == "2027-01-27"
    week3 = data["weeks"][2]
    assert (week3["start"], week3["end"]) == ("2027-01-18", "2027-01-27")
    assert [s["date"] for s in week3["sessions"]] == ["2027-01-22", "2027-01-25", "2027-01-27"]
    assert week3["skipped"] == [
        {"date": "2027-01-18", "reason": "session A was not logged", "outcome": "shifted"},
        {"date": "2027-01-20", "reason": "session A was not logged", "outcome": "shifted"},
    ]
    assert not any(s["missed"] for w in data["weeks"] for s in w["sessions"])

    feed = Calendar.from_ical((folder / "plan.ics").read_bytes())
    events = {str(e["UID"]): e for e in feed.walk("VEVENT")}
    assert events["shifty.w3.B.1@liftplan"].decoded("DTSTART") == day("25")
    assert events["shifty.w3.A.2@liftplan"].decoded("DTSTART") == day("27")


def test_calendar_events_keep_their_uids_and_rise_in_sequence_when_shifted(
    tmp_path: Path,
) -> None:
    program = program_of(SPEC)
    projected = plan_ics(expand(program), {})
    shifted = plan_ics(replanned(tmp_path, SPEC, LATE), previous_events(projected.encode()))

    def events(feed: str) -> dict[str, tuple[datetime.date, int]]:
        found = Calendar.from_ical(feed).walk("VEVENT")
        return {str(e["UID"]): (e.decoded("DTSTART"), int(e["SEQUENCE"])) for e in found}

    before, after = events(projected), events(shifted)
    assert after.keys() == before.keys()
    # Every set was made as planned, so only the sessions that moved are updates, and they
    # are updates of the same events: SEQUENCE 1 for them, 0 for the rest.
    moved = {uid for uid in after if after[uid][0] != before[uid][0]}
    assert moved == {"shifty.w3.A.1@liftplan", "shifty.w3.B.1@liftplan", "shifty.w3.A.2@liftplan"}
    assert {uid for uid in after if after[uid][1] == 1} == moved
    assert {sequence for _, sequence in before.values()} == {0}


def test_the_same_spec_and_log_give_the_same_bytes(tmp_path: Path) -> None:
    first = plan_json(replanned(tmp_path, SPEC, LOG))
    second = plan_json(replanned(tmp_path, SPEC, LOG))
    assert first == second
    assert '"outcome": "shifted"' in first


# --- the log's checks --------------------------------------------------------------------------


def located(path: Path, text: str, line: int, needle: str) -> str:
    """`path:line:col` of the first `needle` on a line of `text` (1-based)."""
    return f"{path}:{line}:{text.splitlines()[line - 1].index(needle) + 1}"


def diagnostics(folder: Path, text: str) -> list[str]:
    path = write_spec(folder, SPEC, text)
    program = program_of(SPEC)
    checked = check_log(str(log_path(path)), program, expand(program))
    return [d.format() for d in checked.errors]


def test_an_entry_is_the_next_session_due_whatever_its_label_says(tmp_path: Path) -> None:
    text = LOG.replace("session: B", "session: A", 1)
    found = diagnostics(tmp_path, text)
    where = located(log_path(tmp_path / "shifty.yaml"), text, 6, "A")
    # After Monday's A, the next session due is week 1's B, on Wed 6 as the plan stood.
    assert found == [
        f"{where}: sessions[1].session: the next session due is B of week 1 "
        "(planned Wed 06 Jan 2027), not 'A': with on_missed: shift, sessions are done in order"
    ]


def test_an_exercise_not_in_the_session_due_is_warned_of_with_the_day_it_fell_due(
    tmp_path: Path,
) -> None:
    """Week 1's A was planned for Fri 8; the missed Wednesday moved it to Mon 11, and the
    warning says so, not the projection's Friday."""
    text = LOG.replace(
        "    done: {hip_thrust: 3x8@105}", "    done: {hip_thrust: 3x8@105, back_squat: 5@60}"
    )
    path = write_spec(tmp_path, SPEC, text)
    program = program_of(SPEC)
    checked = check_log(str(log_path(path)), program, expand(program))
    where = located(log_path(path), text, 10, "back_squat")
    assert [d.format() for d in checked.diagnostics] == [
        f"{where}: warning: sessions[2].done.back_squat: back_squat is not in session A as "
        "due on Mon 11 Jan 2027 (hip_thrust)"
    ]


def test_entries_beyond_the_last_session_and_before_the_start_are_errors(tmp_path: Path) -> None:
    nine = "".join(
        f'  - date: "2027-02-{d:02d}"\n    done: {{back_squat: 5@100}}\n' for d in range(1, 11)
    )
    text = "program: shifty\nsessions:\n" + nine
    log = log_path(tmp_path / "shifty.yaml")
    # Ten entries for nine sessions (on any days: under shift none needs a planned day).
    assert diagnostics(tmp_path, text) == [
        f"{log}:21:11: sessions[9].date: the plan's 9 sessions are all logged already "
        "(the last at line 19): this entry is one more than the plan has"
    ]
    early = 'program: shifty\nsessions:\n  - date: "2027-01-03"\n    done: {back_squat: 5@100}\n'
    assert diagnostics(tmp_path, early) == [
        f"{log}:3:11: sessions[0].date: 2027-01-03 is before the program starts (2027-01-04)"
    ]
    late = early.replace("2027-01-03", "2028-12-31")
    assert diagnostics(tmp_path, late) == [
        f"{log}:3:11: sessions[0].date: 2028-12-31 is more than 52 weeks after the program "
        "ends (2027-01-24)"
    ]


def test_the_skip_rule_still_refuses_a_day_with_no_session(tmp_path: Path) -> None:
    path = write_spec(tmp_path, spec_with(on_missed="skip"), LOG.replace("    session: A\n", ""))
    program = program_of(spec_with(on_missed="skip"))
    checked = check_log(str(log_path(path)), program, expand(program))
    assert [d.message for d in checked.errors] == [
        "no session is planned on Tue 12 Jan 2027 (week 2: it has B on Mon 11 Jan, A on Wed "
        "13 Jan, B on Fri 15 Jan); add session: to say which one this was"
    ]


def test_liftplan_log_takes_a_rest_day_and_refuses_the_wrong_session(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, SPEC, LOG)
    log = log_path(spec)
    # Sat 16: no session is planned, but S5 A is due (Fri 15): it is done that day.
    done = log_cli(str(spec), "--date", "2027-01-16", "hip_thrust 9@105 9@105 9@105")
    assert done.exit_code == 0, done.output
    assert done.stderr == f"logged 1 day, 3 sets: added to {log}\n"
    plan = plan_spec(str(spec)).plan
    assert plan.sessions[4].date == day("16")
    assert plan.sessions[4].logged is not None
    assert plan.sessions[5].date == day("18")

    before = log.read_bytes()
    lines = before.decode().count("\n")
    wrong = log_cli(str(spec), "--date", "2027-01-18", "--session", "A", "back_squat 5@100")
    assert wrong.exit_code == 1
    assert log.read_bytes() == before
    # The new entry's `session: A` would be on its second line.
    assert wrong.stderr.splitlines() == [
        f"{log}:{lines + 2}:14: sessions[5].session: the next session due is B of week 2 "
        "(planned Mon 18 Jan 2027), not 'A': with on_missed: shift, sessions are done in order",
        f"liftplan: nothing written to {log} (the new entries would have started at line "
        f"{lines + 1})",
    ]
    early = log_cli(str(spec), "--date", "2027-01-01", "back_squat 5@100")
    assert early.exit_code == 1
    assert "2027-01-01 is before the program starts (2027-01-04)" in early.stderr
    assert log.read_bytes() == before


def test_liftplan_log_refuses_an_entry_beyond_the_last_session(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, SPEC, LATE)
    log = log_path(spec)
    for date in ("2027-01-25", "2027-01-27"):
        assert log_cli(str(spec), "--date", date, "back_squat 5@100").exit_code == 0
    before = log.read_bytes()
    extra = log_cli(str(spec), "--date", "2027-01-29", "back_squat 5@100")
    assert extra.exit_code == 1
    assert "the plan's 9 sessions are all logged already" in extra.stderr
    assert log.read_bytes() == before


# --- the rule on its own -----------------------------------------------------------------------


def test_an_entry_before_the_day_due_does_the_session_early() -> None:
    days = TrainingDays.of([day("04"), day("06"), day("08")], ("mon", "wed", "fri"))
    sessions = [Due(1, label, date) for label, date in zip("ABA", days.planned, strict=True)]
    # Sun 3 does S1 early; S2 falls due on Mon 4, the first training day after it.
    held = reschedule(sessions, days, [datetime.date(2027, 1, 3)]).held
    assert [(h.date, h.entry, h.passed) for h in held] == [
        (datetime.date(2027, 1, 3), 0, ()),
        (day("04"), None, ()),
        (day("06"), None, ()),
    ]


def test_past_the_end_the_days_go_on_around_skipped_dates() -> None:
    days = TrainingDays.of([day("04")], ("mon",), skips={day("11")}, end=day("10"))
    assert days.first(day("05")) == day("18")


# --- properties ------------------------------------------------------------------------------


def shifted(spec: dict[str, Any]) -> dict[str, Any]:
    return {**spec, "schedule": {**spec["schedule"], "on_missed": "shift"}}


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs(), st.integers(0, 60), st.randoms(use_true_random=False))
def test_a_log_on_the_planned_days_never_changes_what_came_before_it(
    spec: dict[str, Any], cutoff: int, chance: random.Random
) -> None:
    """tests/plan/test_replan.py's property under the shift rule: a log of sessions on their
    planned days, whatever was lifted, changes no session on or before an entry's date."""
    program = program_of(shifted(spec))
    log = log_from(expand(program), cutoff, lambda s: chance.randint(0, 15))
    plan = expand(program, log)
    for entry in log.sessions:
        before = TrainingLog("t", tuple(e for e in log.sessions if e.date < entry.date))
        upto = [v for v in planned_values(plan) if v[0] <= entry.date]
        assert upto == [v for v in planned_values(expand(program, before)) if v[0] <= entry.date]


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs(), st.integers(0, 60))
def test_an_entry_for_every_session_on_its_day_meeting_its_target_leaves_the_projection(
    spec: dict[str, Any], cutoff: int
) -> None:
    program = program_of(shifted(spec))
    projected = expand(program)
    log = log_from(projected, cutoff, lambda s: s.reps if s.reps is not None else 10)
    plan = expand(program, log)
    assert planned_values(plan) == planned_values(projected)
    assert [week.start for week in plan.weeks] == [week.start for week in projected.weeks]
    assert [week.skipped for week in plan.weeks] == [week.skipped for week in projected.weeks]


def contents(session: PlannedSession) -> tuple[Any, ...]:
    return (session.week, session.label, tuple((e.exercise, e.sets) for e in session.exercises))


def log_on(program: Program, plan: Plan, gaps: list[int], chance: random.Random) -> TrainingLog:
    """Entries `gaps` days apart from the program's start (a gap of 0 is the next day), the
    k-th logging the k-th session's exercises (as projected) at random reps."""
    entries = []
    date = program.start - datetime.timedelta(days=1)
    for gap, session in zip(gaps, plan.sessions, strict=False):
        date += datetime.timedelta(days=gap + 1)
        done = {
            e.exercise: LoggedExercise(
                e.exercise, tuple(LoggedSet(chance.randint(0, 15), s.load) for s in e.sets)
            )
            for e in session.exercises
        }
        entries.append(LoggedSession(date, None, tuple(done.values())))
    return TrainingLog("t", tuple(entries))


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs(), st.lists(st.integers(0, 9), max_size=12), st.randoms(use_true_random=False))
def test_sessions_are_held_in_order_and_planned_only_from_the_entries_before_them(
    spec: dict[str, Any], gaps: list[int], chance: random.Random
) -> None:
    """Entries on any days: the k-th entry does the k-th session, dates only rise, nothing
    is missed, each passed day lies before the last entry, and the first k+1 sessions are
    planned the same from the first k entries as from the whole log."""
    program = program_of(shifted(spec))
    projected = expand(program)
    log = log_on(program, projected, gaps, chance)
    plan = expand(program, log)
    sessions = plan.sessions
    assert [contents(s)[:2] for s in sessions] == [contents(s)[:2] for s in projected.sessions]
    assert [s.logged for s in sessions[: len(log.sessions)]] == list(log.sessions)
    assert all(s.logged is None and not s.missed for s in sessions[len(log.sessions) :])
    dates = [s.date for s in sessions]
    assert dates == sorted(set(dates))
    last = log.last_date
    passed = [s.date for week in plan.weeks for s in week.skipped if s.outcome == "shifted"]
    assert not passed or (last is not None and max(passed) < last)
    assert all(week.start <= s.date <= week.end for week in plan.weeks for s in week.sessions)
    for k in range(len(log.sessions) + 1):
        partial = expand(program, TrainingLog("t", log.sessions[:k]))
        assert [contents(s) for s in partial.sessions[: k + 1]] == [
            contents(s) for s in sessions[: k + 1]
        ]
        assert [s.date for s in partial.sessions[:k]] == dates[:k]


def test_the_schema_documents_the_setting() -> None:
    setting = schema("program")["properties"]["schedule"]["properties"]["on_missed"]
    assert (setting["enum"], setting["default"]) == (["skip", "shift"], "skip")
    assert "skip: " in setting["description"]
    assert "shift: " in setting["description"]
