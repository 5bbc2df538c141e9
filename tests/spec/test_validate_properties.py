"""Property: whatever a spec holds, validation answers with diagnostics, never a crash,
and a spec that validation accepts expands without one.

The example programs are mutated at random (a value replaced, a key removed, a list
emptied) into specs that are nearly right, which is where checks that trust earlier
checks too much break.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import Diagnostic, Severity
from generator.pipeline import check_document
from generator.plan.expand import expand
from generator.spec.loader import Document, load_file
from generator.spec.loader import Path as DataPath
from generator.spec.model import build_program
from tests.support.paths import example_programs
from tests.support.speed import examples
from tests.support.strategies import paths

PROGRAMS = example_programs()
DOCUMENTS = [load_file(str(path)) for path in PROGRAMS]

TOKENS = [
    "65%",
    "80% tm",
    "rpe 8",
    "rir 2",
    "bodyweight",
    "bodyweight+10",
    "8-12",
    "12-8",
    "5+",
    "amrap",
    "mon",
    "thr",
    "2027-02-30",
    "2027-01-04",
    "1-1000",
    "5-8",
    "3w",
    "session",
    "90s",
    "-15s",
    "3-0-1-2",
    "hip_thrust",
    "back_squat",
    "nope",
    "",
    "no",
    "1:30",
    "012",
    "barbell",
    "heavy",
    "linear",
    "wave",
    "drop_set",
    "75% x 5+",
    "bar x 10",
    "1e309",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-5, max_value=10**6)
    | st.sampled_from([0, 1, 2, 4, 7, 52, 520, 521, 10**9])
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from([1e-320, 1e308, 0.5, 2.5, 8.0])
    | st.sampled_from(TOKENS)
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["kind", "add", "every", "weeks", "max", "x"]), inner, max_size=3
        )
    ),
    max_leaves=6,
)


def mutate(data: Any, path: DataPath, action: str, replacement: Any) -> None:
    if not path:
        return
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "empty" and isinstance(parent[last], list | dict):
        parent[last] = type(parent[last])()
    else:
        parent[last] = replacement


mutation = st.tuples(
    st.integers(min_value=0), st.sampled_from(["replace", "replace", "delete", "empty"]), values
)


@settings(max_examples=examples(1000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(DOCUMENTS), st.lists(mutation, min_size=1, max_size=3))
def test_validation_never_raises(document: Document, mutations: list[tuple[int, str, Any]]) -> None:
    data = copy.deepcopy(document.data)
    for index, action, replacement in mutations:
        candidates = paths(data)
        mutate(data, candidates[index % len(candidates)], action, replacement)
    mutated = Document(document.file, data, document.values, document.keys)
    found = check_document(mutated)
    assert all(isinstance(d, Diagnostic) and d.line >= 1 and d.column >= 1 for d in found)
    if not any(d.severity is Severity.ERROR for d in found):
        # Past validation, the spec is trusted: expansion must not fail on it.
        plan = expand(build_program(mutated.data))
        assert len(plan.weeks) == plan.program.weeks
