"""A log entry from the words of `liftplan log`'s command line.

The words are only sorted into exercises and their sets here; whether the exercise is
known and the sets are well written is left to the log's own check, which says what is
wrong and where, as it does for an entry written by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.spec.model import Program


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
