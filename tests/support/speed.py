"""How much a test run does: everything (CI, `make test-all`), or the quick run a developer
makes between edits (`make test`, pytest's `--quick`).

A quick run leaves out the tests marked `slow` (fuzzing, scale, memory, the wheel, races
run many times over) and draws a tenth of each property test's examples: every property
is still tried, on fewer specs. CI runs everything, so nothing is left untried for long.
"""

from __future__ import annotations

import os

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
