"""Which planned session a log entry is: the rule itself, and the planner following it."""

from __future__ import annotations

import datetime
from typing import Any

from generator.log.values import LoggedExercise, LoggedSession, LoggedSet, TrainingLog
from generator.pipeline import check_document
from generator.plan.calendar import Slot
from generator.plan.expand import expand
from generator.plan.matching import candidates, match, week_entries
from generator.spec.loader import dump, load_bytes
from generator.spec.model import Program, build_program

MONDAY = datetime.date(2027, 1, 4)
TUESDAY, WEDNESDAY, FRIDAY = (MONDAY + datetime.timedelta(days=d) for d in (1, 2, 4))

# Three days a week, two sessions taking them in turn: week 1 is A on Monday, B on
# Wednesday and A again on Friday.
A_B_A: dict[str, Any] = {
    "id": "t",
    "title": "A, B, A",
    "start": MONDAY.isoformat(),
    "schedule": {"days": ["mon", "wed", "fri"]},
    "phases": [
        {
            "name": "Build",
            "weeks": 2,
            "goal": "hypertrophy",
            "sessions": {
                "A": [{"exercise": "push_up", "sets": 3, "reps": "8-12"}],
                "B": [{"exercise": "inverted_row", "sets": 3, "reps": "8-12"}],
            },
        }
    ],
}

WEEK = [
    Slot(MONDAY, "A", "mon", None),
    Slot(WEDNESDAY, "B", "wed", None),
    Slot(FRIDAY, "A", "fri", None),
]


def program() -> Program:
    document = load_bytes(dump(A_B_A).encode("utf-8"), "spec.yaml")
    problems = [d.format() for d in check_document(document) if d.severity == "error"]
    assert not problems, problems
    return build_program(document.data)


def entry(day: datetime.date, label: str | None) -> LoggedSession:
    return LoggedSession(day, label, (LoggedExercise("push_up", (LoggedSet(10, None),) * 3),))


def test_a_labelled_entry_prefers_its_label_on_its_own_date_then_week_order() -> None:
    assert [slot.date for slot in candidates(WEEK, FRIDAY, "A")] == [FRIDAY, MONDAY]
    assert [slot.date for slot in candidates(WEEK, TUESDAY, "A")] == [MONDAY, FRIDAY]
    assert candidates(WEEK, FRIDAY, "C") == ()


def test_an_unlabelled_entry_is_the_session_planned_on_its_day() -> None:
    assert candidates(WEEK, WEDNESDAY, None) == (WEEK[1],)
    assert candidates(WEEK, TUESDAY, None) == ()


def test_a_week_is_matched_by_the_same_preferences() -> None:
    friday, tuesday = entry(FRIDAY, "A"), entry(TUESDAY, "A")
    assert match(WEEK, [friday]) == [None, None, friday]
    # Done on its own date, an entry keeps its session; the other takes the next free.
    assert match(WEEK, [tuesday, friday]) == [tuesday, None, friday]
    third = entry(WEDNESDAY, "A")
    assert match(WEEK, [tuesday, third, friday]) == [tuesday, None, friday]
    wednesday = entry(WEDNESDAY, None)
    assert match(WEEK, [wednesday]) == [None, wednesday, None]


def test_each_entry_alone_is_matched_to_its_first_candidate() -> None:
    for day in (MONDAY + datetime.timedelta(days=d) for d in range(7)):
        for label in (None, "A", "B", "C"):
            alone = entry(day, label)
            first = candidates(WEEK, day, label)[:1]
            assert [WEEK[i] for i, got in enumerate(match(WEEK, [alone])) if got] == list(first)


def test_only_the_weeks_entries_are_matched() -> None:
    entries = [entry(MONDAY - datetime.timedelta(days=1), None), entry(FRIDAY, None)]
    assert week_entries(entries, MONDAY) == entries[1:]


def test_fridays_entry_labelled_a_is_fridays_a_not_mondays() -> None:
    friday = entry(FRIDAY, "A")
    plan = expand(program(), TrainingLog("t", (friday,)))
    monday, wednesday, friday_a = plan.sessions[:3]
    assert (monday.label, wednesday.label, friday_a.label) == ("A", "B", "A")
    assert friday_a.logged == friday
    assert [monday.logged, wednesday.logged] == [None, None]
    assert monday.missed
    assert wednesday.missed


def test_an_a_done_on_tuesday_is_mondays_a() -> None:
    tuesday = entry(TUESDAY, "A")
    plan = expand(program(), TrainingLog("t", (tuesday,)))
    assert [session.logged for session in plan.sessions[:3]] == [tuesday, None, None]
    assert not plan.sessions[0].missed
