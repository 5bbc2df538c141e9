"""Hypothesis strategies for the fuzz tests: program and log documents the shipped schemas
accept, and near-valid ones (a valid document with a few mutations).

The documents come from the walker in tests/support/schema_strategies.py, with hints that
make a generated document get past the semantic checks more often.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from hypothesis import strategies as st

from generator.plan.values import Plan
from generator.spec.catalogue import CATALOGUE
from tests.support.schema_strategies import DataPath, SchemaStrategies, Strategy

# --- the program and log documents --------------------------------------------------------------

_DATES = st.dates(datetime.date(2024, 1, 1), datetime.date(2030, 12, 31)).map(
    datetime.date.isoformat
)
# Names that are at once equipment, day types, bands and waves of the example programs.
_NAMES = ("barbell", "dumbbells", "kettlebells", "machine", "bands", "heavy", "light", "moderate")


def program_hints() -> dict[str, Strategy]:
    """Values that make schema-valid programs more often semantically valid too."""
    return {
        "exercise_id": st.sampled_from(sorted(CATALOGUE)),
        "name_id": st.sampled_from(_NAMES),
        "session_label": st.sampled_from(("A", "B", "C")),
        "date": _DATES,
        "phase/weeks": st.integers(min_value=1, max_value=8),
    }


# Without sessions a first phase is an error, and most generated phases would lack them.
PROGRAM_REQUIRE = {"phase": ("sessions",)}
# The loader refuses control characters in every text (generator/spec/texts.py), so none
# is drawn and a schema-valid document is one it reads. The hostile corpora hold those.
REFUSED = ("Cc",)


def program_walker(schema: Mapping[str, Any]) -> SchemaStrategies:
    """The program schema's walker, with the hints."""
    return SchemaStrategies(
        schema, program_hints(), require=PROGRAM_REQUIRE, max_optional=3, excluded=REFUSED
    )


def program_documents(schema: Mapping[str, Any]) -> Strategy:
    """Programs the program schema accepts, as plain data."""
    return program_walker(schema).document()


def replaced(data: Any, path: DataPath, value: Any) -> Any:
    """A deep copy of `data` with the value at `path` replaced."""
    copied = copy.deepcopy(data)
    parent = copied
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return copied


@st.composite
def grafted(draw: st.DrawFn, walker: SchemaStrategies, documents: Mapping[str, Any]) -> Any:
    """A valid document with one of its parts replaced by a value the schema allows there."""
    data = documents[draw(st.sampled_from(sorted(documents)))]
    path = draw(st.sampled_from(paths(data)[1:]))
    strategy = walker.at(data, path)
    if strategy is None:
        raise LookupError(f"the walk cannot tell what the schema allows at {path}")
    return replaced(data, path, draw(strategy))


def log_hints(plan: Plan) -> dict[str, Strategy]:
    """Values that tie a generated log to one program and its plan."""
    sessions = plan.sessions
    dates = sorted({s.date.isoformat() for s in sessions}) or ["2027-01-04"]
    labels = sorted({s.label for s in sessions}) or ["A"]
    exercises = sorted({e.exercise for s in sessions for e in s.exercises}) or ["hip_thrust"]
    return {
        "#/program": st.just(plan.program.id),
        "session/date": st.sampled_from(dates),
        "session/session": st.sampled_from(labels),
        "session/done/propertyNames": st.sampled_from(exercises),
    }


def log_documents(schema: Mapping[str, Any], plan: Plan) -> Strategy:
    """Training logs the log schema accepts, as plain data, mostly about `plan`."""
    return SchemaStrategies(schema, log_hints(plan), max_size=6, excluded=REFUSED).document()


# --- near-valid documents: a valid one with a few mutations --------------------------------------


def schema_tokens(schema: Any) -> list[Any]:
    """Every example, enum value and const of a schema: values that fit somewhere."""
    found: list[Any] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "examples":
                    found.extend(v for v in value if not isinstance(v, dict | list))
                elif key == "enum":
                    found.extend(value)
                elif key == "const":
                    found.append(value)
                else:
                    visit(value)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    visit(schema)
    return sorted(set(found), key=repr)


# Values that break assumptions: boundaries, huge and tiny numbers, YAML 1.1 lookalikes,
# impossible dates, reversed ranges, text that is markup or a terminal escape.
EDGE_VALUES: tuple[Any, ...] = (
    0,
    -1,
    1,
    7,
    52,
    53,
    100,
    520,
    521,
    5200,
    10**9,
    2**63,
    -(2**63),
    10**300,
    1e308,
    -1e308,
    1e-308,
    5e-324,
    0.1,
    2.5,
    -0.0,
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "012",
    "no",
    "on",
    "1:30",
    "~",
    "null",
    "2027-02-29",
    "2028-02-29",
    "9999-12-25",
    "9999-12-31",
    "0001-01-01",
    "12-8",
    "1-1000",
    "0%",
    "1e308%",
    "1000000000%",
    "99999999999999999999%",
    "0w",
    "0s",
    "99999999h",
    "9" * 4301 + "s",
    "9" * 4301 + "%",
    "2000000000000m",
    "-99999999m",
    "99-99-99-99",
    "rpe 10.5",
    "bodyweight-1000",
    "100% x 0",
    "0 x 0% x 1",
    "<script>alert(1)</script>",
    "\x1b[2J",
    "a\nb",
    "\u202e",
    "\ud800",
    "\x00",
    "\ufeff",
)


def json_values(tokens: list[Any]) -> Strategy:
    """Small JSON values built from the schema's own words and the edge values."""
    scalars = (
        st.sampled_from(tokens)
        | st.sampled_from(EDGE_VALUES)
        | st.none()
        | st.booleans()
        | st.integers(min_value=-(10**6), max_value=10**6)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=20)
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from([t for t in tokens if isinstance(t, str)]) | st.text(max_size=8),
                inner,
                max_size=3,
            )
        ),
        max_leaves=6,
    )


def paths(node: Any, prefix: DataPath = ()) -> list[DataPath]:
    """Every place in a document, the root first."""
    found: list[DataPath] = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            found.extend(paths(child, (*prefix, key)))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found.extend(paths(child, (*prefix, index)))
    return found


def _swap_type(value: Any) -> Any:
    """The same value as another type: text for a number, a list for a scalar, and so on."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return value[0] if value else {}
    if isinstance(value, dict):
        return list(value.values())
    return 0


def _nest(value: Any, depth: int) -> Any:
    for _ in range(depth):
        value = [value]
    return value


ACTIONS = (
    "replace",
    "replace",
    "delete",
    "empty",
    "swap",
    "duplicate",
    "nest",
    "rename",
    "add_key",
    "long_text",
    "newline",
)


@st.composite
def mutation(draw: st.DrawFn, tokens: list[Any]) -> Callable[[Any], None]:
    """One change to a document, applied in place at a place drawn when it is applied."""
    index = draw(st.integers(min_value=0))
    action = draw(st.sampled_from(ACTIONS))
    replacement = draw(json_values(tokens))
    depth = draw(st.integers(min_value=1, max_value=40))
    length = draw(st.sampled_from([200, 5000, 70_000, 1024 * 1024]))
    key = draw(st.sampled_from([t for t in tokens if isinstance(t, str)]) | st.text(max_size=10))

    def apply(data: Any) -> None:
        candidates = paths(data)
        path = candidates[index % len(candidates)]
        if not path:
            return
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        last: Any = path[-1]
        old = parent[last]
        if action == "delete":
            del parent[last]
        elif action == "empty":
            parent[last] = type(old)() if isinstance(old, list | dict) else None
        elif action == "swap":
            parent[last] = _swap_type(old)
        elif action == "duplicate" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(old))
        elif action == "nest":
            parent[last] = _nest(old, depth)
        elif action == "rename" and isinstance(parent, dict) and key not in parent:
            parent[key] = parent.pop(last)
        elif action == "add_key" and isinstance(old, dict):
            old[key] = replacement
        elif action == "long_text":
            parent[last] = "x" * length
        elif action == "newline":
            parent[last] = f"{old}\n"  # `$` in a Python regex matches before it
        else:
            parent[last] = replacement

    return apply


def mutated(data: Any, changes: list[Callable[[Any], None]]) -> Any:
    """A deep copy of `data` with the changes applied in order."""
    copied = copy.deepcopy(data)
    for change in changes:
        change(copied)
    return copied


def walk_strings(node: Any) -> Iterator[str]:
    """Every string in a document, keys included."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from walk_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk_strings(item)
