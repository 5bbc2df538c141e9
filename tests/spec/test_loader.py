"""The hardened loader: what it reads, what it refuses, and that it never crashes."""

from __future__ import annotations

import string
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import Diagnostic, LiftplanError
from generator.spec.loader import MAX_DEPTH, Document, dump, load_bytes
from tests.support.speed import examples


def load(text: str | bytes) -> Document:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return load_bytes(raw, "spec.yaml")


def outcome(text: str | bytes) -> tuple[Diagnostic, ...] | None:
    """None when the input loads; otherwise our error's diagnostics, never another exception."""
    try:
        load(text)
    except LiftplanError as error:
        return error.diagnostics
    return None


def errors_of(text: str | bytes) -> list[str]:
    with pytest.raises(LiftplanError) as caught:
        load(text)
    return [d.format() for d in caught.value.diagnostics]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: no", "no"),
        ("a: on", "on"),
        ("a: off", "off"),
        ("a: yes", "yes"),
        ("a: 1:30", "1:30"),
        ("a: 012", "012"),
        ("a: 0x1F", "0x1F"),
        ("a: 2027-01-04", "2027-01-04"),
        ("a: 2027-01-04T10:00:00Z", "2027-01-04T10:00:00Z"),
        ("a: .inf", ".inf"),
        ("a: .nan", ".nan"),
        ("a: 1e400", "1e400"),
        ("a: '12'", "12"),
        ("a: 12", 12),
        ("a: -3", -3),
        ("a: 2.5", 2.5),
        ("a: 1e3", 1000.0),
        ("a: true", True),
        ("a: False", False),
        ("a: ~", None),
        ("a:", None),
        ("a: !!str 12", "12"),
        ("a: !!int '12'", 12),
        ("a: !!float 3", 3.0),
    ],
)
def test_scalars_resolve_without_yaml11_surprises(text: str, expected: Any) -> None:
    value = load(text).data["a"]
    assert value == expected
    assert type(value) is type(expected)


def test_positions_are_one_based_and_point_at_keys_and_values() -> None:
    document = load("title: x\nphases:\n  - name: A\n    weeks: 4\n")
    assert document.values[("title",)] == (1, 8)
    assert document.values[("phases", 0)] == (3, 5)
    assert document.values[("phases", 0, "weeks")] == (4, 12)
    assert document.keys[("phases", 0, "weeks")] == (4, 5)
    assert document.locate(("phases", 0, "weeks"), key=True) == (4, 5)
    assert document.locate(("phases", 0, "missing", 3)) == (3, 5)


def test_columns_count_characters_not_bytes() -> None:
    document = load("é: ü\nnote: ok\n")
    assert document.values[("é",)] == (1, 4)


def test_bom_is_accepted_and_does_not_shift_columns() -> None:
    document = load(b"\xef\xbb\xbfid: x\n")
    assert document.data == {"id": "x"}
    assert document.values[("id",)] == (1, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: &x 1\nb: *x\n",
            [
                "spec.yaml:1:4: anchors (&name) are not allowed: write the value out",
                "spec.yaml:2:4: aliases (*name) are not allowed: write the value out",
            ],
        ),
        ("a: 1\nb: 2\na: 3\n", ["spec.yaml:3:1: duplicate key 'a': first given at line 1"]),
        (
            "a: !!python/object/apply:os.system [ls]\n",
            [
                "spec.yaml:1:4: the tag !!python/object/apply:os.system is not allowed here "
                "(only !!map, !!seq)",
            ],
        ),
        (
            "a: !!binary aGVsbG8=\n",
            [
                "spec.yaml:1:4: the tag !!binary is not allowed here "
                "(only !!bool, !!float, !!int, !!null, !!str)",
            ],
        ),
        ("a: !!int twelve\n", ["spec.yaml:1:4: 'twelve' is not a valid !!int"]),
        ("- 1\n- 2\n", ["spec.yaml:1:1: the top level must be a mapping, not a list"]),
        ("just text\n", ["spec.yaml:1:1: the top level must be a mapping, not a single value"]),
        ("", ["spec.yaml:1:1: the file is empty"]),
        (
            "# only a comment\n",
            ["spec.yaml:1:1: the file has no content, only comments"],
        ),
        ("a: 1\n---\nb: 2\n", ["spec.yaml:2:1: only one YAML document is allowed per file"]),
        ("? [a, b]\n: 1\n", ["spec.yaml:1:3: a key must be a plain name, not a list or mapping"]),
        (
            "a: 'open\n",
            [
                "spec.yaml:1:4: invalid YAML: a quoted scalar that starts here is never closed",
            ],
        ),
        (b"a: 1\nb: caf\xe9\n", ["spec.yaml:2:7: the file is not UTF-8 text (byte 0xe9)"]),
    ],
)
def test_refusals_name_the_place(text: str | bytes, expected: list[str]) -> None:
    assert errors_of(text) == expected


def test_every_duplicate_is_reported_at_once() -> None:
    assert errors_of("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n") == [
        "spec.yaml:2:1: duplicate key 'a': first given at line 1",
        "spec.yaml:5:3: duplicate key 'c': first given at line 4",
    ]


def test_alias_bomb_is_refused_at_its_first_anchor() -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for index, letter in enumerate("bcdefghi"):
        previous = "abcdefghi"[index]
        lines.append(f"{letter}: &{letter} [{', '.join(['*' + previous] * 9)}]")
    messages = errors_of("\n".join(lines))
    assert messages[0] == "spec.yaml:1:4: anchors (&name) are not allowed: write the value out"
    assert len(messages) == 9 + 8 * 9  # nine anchors and every alias named, none expanded


def test_oversized_file_is_refused_before_parsing() -> None:
    assert errors_of(b"a: " + b"x" * (1024 * 1024)) == [
        "spec.yaml:1:1: the file is larger than 1024 KiB"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 100_000,
        "a: " + "{b: " * 5_000,
        "".join("  " * depth + f"k{depth}:\n" for depth in range(MAX_DEPTH + 2)),
        "".join("- " * 200 + "x\n"),
    ],
    ids=["flow-lists", "flow-maps", "block-maps", "compact-lists"],
)
def test_deep_nesting_is_refused(text: str) -> None:
    messages = errors_of(text)
    assert len(messages) == 1
    assert messages[0].endswith(f"the document nests deeper than {MAX_DEPTH} levels")


def test_nesting_up_to_the_cap_is_read() -> None:
    text = (
        "".join("  " * depth + f"k{depth}:\n" for depth in range(MAX_DEPTH - 1))
        + "  " * (MAX_DEPTH - 1)
        + "leaf: 1\n"
    )
    data: Any = load(text).data
    for depth in range(MAX_DEPTH - 1):
        data = data[f"k{depth}"]
    assert data == {"leaf": 1}


def test_brackets_inside_strings_and_block_scalars_do_not_count_as_nesting() -> None:
    text = f"a: '{'[' * 200}'\nnotes: |\n  {'[' * 200}\nc: \"{'{' * 200}\"\n"
    assert load(text).data["a"] == "[" * 200


# --- properties -----------------------------------------------------------------------------

keys = st.text(alphabet=string.ascii_letters + string.digits + "_- éü", min_size=1, max_size=12)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30)
)
# Only notes and descriptions may hold a tab or a line break (generator/spec/texts.py).
notes = st.text(
    st.characters(exclude_categories=("Cc", "Cs"), include_characters="\t\n"), max_size=30
).map(lambda text: {"notes": text})
trees = st.recursive(
    scalars | notes,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, trees, min_size=1, max_size=6))
def test_what_the_loader_accepts_round_trips(data: dict[str, Any]) -> None:
    """Any data written by `dump` loads back the same, and so does a second trip."""
    loaded = load(dump(data)).data
    assert loaded == data
    assert load(dump(loaded)).data == loaded


yamlish = st.text(
    alphabet=st.sampled_from([*"ab: -[]{},'\"&*!|>#%@`?\n\t 01.~\\", "\x00", "é", "\ufeff"]),
    max_size=80,
)


@settings(max_examples=examples(500))
@given(yamlish)
def test_any_text_gives_data_or_our_error(text: str) -> None:
    diagnostics = outcome(text)
    assert diagnostics is None or all(d.line >= 1 and d.column >= 1 for d in diagnostics)
    assert diagnostics != ()


@settings(max_examples=examples(300))
@given(st.binary(max_size=200))
def test_any_bytes_give_data_or_our_error(raw: bytes) -> None:
    diagnostics = outcome(raw)
    assert diagnostics is None or all(d.line >= 1 and d.column >= 1 for d in diagnostics)
    assert diagnostics != ()


def test_dump_writes_shared_values_out_instead_of_aliasing_them() -> None:
    shared = {"exercise": "hip_thrust", "sets": [3, 4]}
    text = dump({"A": [shared], "B": [shared]})
    assert "&" not in text
    assert "*" not in text
    assert load(text).data == {"A": [shared], "B": [shared]}
