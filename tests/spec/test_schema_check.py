"""The validator's own guarantees: bounded work on oversized input, strict integers."""

from __future__ import annotations

from generator.errors import sort_diagnostics
from generator.spec.loader import load_bytes
from generator.spec.schema import schema_diagnostics

BASE = """\
id: t
title: T
start: "2027-01-04"
schedule: {days: DAYS}
phases:
  - {name: P, weeks: 4, sessions: {A: [{exercise: hip_thrust, sets: SETS}]}}
"""


def messages(days: str = "[mon]", sets: str = "3") -> list[str]:
    text = BASE.replace("DAYS", days).replace("SETS", sets)
    document = load_bytes(text.encode(), "t.yaml")
    return [d.format() for d in sort_diagnostics(schema_diagnostics(document, "program"))]


def test_an_oversized_list_gets_one_error_not_one_per_item() -> None:
    days = (
        "[" + ", ".join(f"x{index}" if index % 2 else str(index) for index in range(50_000)) + "]"
    )
    assert messages(days=days) == ["t.yaml:4:18: schedule.days: has more than 7 items"]


def test_a_repeat_in_a_mixed_list_is_named() -> None:
    assert messages(days="[mon, 1, thu, 1.0]") == [
        "t.yaml:4:18: schedule.days: lists 1.0 more than once",
        "t.yaml:4:24: schedule.days[1]: expected text, not 1",
        "t.yaml:4:32: schedule.days[3]: expected text, not 1.0",
    ]


def test_true_is_not_one_for_uniqueness() -> None:
    found = messages(days="[true, 1]")
    assert not any("more than once" in line for line in found)


def test_a_whole_number_written_as_a_float_is_not_an_integer() -> None:
    assert messages(sets="3.0") == [
        "t.yaml:6:69: phases[0].sessions.A[0].sets: expected a whole number, not 3.0"
    ]


def test_unknown_keys_are_listed_up_to_a_cap_then_counted() -> None:
    text = BASE.replace("DAYS", "[mon]").replace("SETS", "3")
    text += "".join(f"extra{index}: 1\n" for index in range(1000))
    document = load_bytes(text.encode(), "t.yaml")
    found = [d.format() for d in sort_diagnostics(schema_diagnostics(document, "program"))]
    assert len(found) == 21
    assert found[0] == "t.yaml:7:1: extra0: unknown key 'extra0'"
    assert found[-1] == "t.yaml:27:1: extra20: and 980 more unknown keys"
