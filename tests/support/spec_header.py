"""The head a hand-written test spec starts with: an id, a title, a Monday start, the
training days and a barbell.

Most tests care about what follows (the phases, a max, a rule), so they take the head
from here and give only what they mean to vary; a reader sees at once what the spec is
about.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterable
from typing import Any

MONDAY = datetime.date(2027, 1, 4)
BARBELL: dict[str, Any] = {"kind": "barbell", "bar": 20, "plates": [20, 10, 5, 2.5, 1.25]}
# With a pair of 15s, which makes the 5 kg steps of a double progression from 100 exactly.
BARBELL_WITH_15S: dict[str, Any] = {
    "kind": "barbell",
    "bar": 20,
    "plates": [20, 15, 10, 5, 2.5, 1.25],
}

# The same head as YAML text, for tests that build a spec from text and quote diagnostics
# by line: it is lines 1 to 6, and whatever a test adds starts on line 7.
HEADER_YAML = """\
id: t
title: T
start: "2027-01-04"
schedule: {days: [mon, thu]}
equipment:
  barbell: {kind: barbell, bar: 20, plates: [20, 10, 5, 2.5, 1.25]}
"""


def spec_header(
    title: str = "T",
    *,
    spec_id: str = "t",
    days: Iterable[str] = ("mon", "thu"),
    equipment: dict[str, Any] | None = None,
    **schedule: Any,
) -> dict[str, Any]:
    """The head of a spec as data, in the order the keys are written: `schedule` takes the
    training days and any other schedule setting given (`on_missed="shift"`, say).

    A fresh copy each time, so a test that changes its spec changes no other test's."""
    return copy.deepcopy(
        {
            "id": spec_id,
            "title": title,
            "start": MONDAY.isoformat(),
            "schedule": {"days": list(days), **schedule},
            "equipment": {"barbell": BARBELL} if equipment is None else equipment,
        }
    )
