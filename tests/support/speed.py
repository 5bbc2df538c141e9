"""How much a test run does: everything (CI, `make test-all`), or the quick run a developer
makes between edits (`make test`, pytest's `--quick`).

A quick run leaves out the tests marked `slow` (fuzzing, scale, memory, the wheel, races
run many times over, and the second of two like settings of a browser or PDF check) and
draws a tenth of each property test's examples: every property is still tried, on fewer
specs, and every kind of check still runs once against the real browser, WeasyPrint and
the command line. CI runs everything, so nothing is left untried for long.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import pytest

# Set by tests/conftest.py when pytest is given --quick, before any test module is read,
# so a module's `@settings(max_examples=examples(...))` sees it (xdist's workers too).
QUICK = "LIFTPLAN_QUICK_TESTS"
SHARE = 10
FEWEST = 5


def quick() -> bool:
    return os.environ.get(QUICK, "") == "1"


def examples(full: int) -> int:
    """A property test's examples in this run: `full`, or in a quick run a tenth of it
    (never fewer than FEWEST, never more than `full`).

    >>> examples(300) if not quick() else 300
    300
    """
    return max(min(full, FEWEST), full // SHARE) if quick() else full


def crossed(sizes: Iterable[str], schemes: Iterable[str], *, every: bool = True) -> list[Any]:
    """Every size in every colour scheme, as pytest parameters `size-scheme`; a quick run
    takes the diagonal (the first size in the first scheme, the second in the second...),
    so each size and each scheme is still seen once, or with `every=False` the first pair
    alone (for an audit of every page, which takes seconds a setting).

    >>> [p.id for p in crossed(["phone", "desktop"], ["light", "dark"]) if not p.marks]
    ['phone-light', 'desktop-dark']
    """
    schemes = list(schemes)
    return [
        pytest.param(
            size,
            scheme,
            id=f"{size}-{scheme}",
            marks=() if row == column and (every or row == 0) else (pytest.mark.slow,),
        )
        for row, size in enumerate(sizes)
        for column, scheme in enumerate(schemes)
    ]


def sampled(values: Iterable[Any], every: int, name: Any = str) -> list[Any]:
    """The values as pytest parameters: every `every`-th in a quick run, all under CI.

    >>> [p.values[0] for p in sampled(range(7), 3) if not p.marks]
    [0, 3, 6]
    """
    return [
        pytest.param(value, id=name(value), marks=() if index % every == 0 else (pytest.mark.slow,))
        for index, value in enumerate(values)
    ]


def once(*values: str) -> list[Any]:
    """The values as pytest parameters, the first in a quick run and the rest under CI."""
    return [
        pytest.param(value, id=value, marks=() if index == 0 else (pytest.mark.slow,))
        for index, value in enumerate(values)
    ]
