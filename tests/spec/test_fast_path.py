"""The fast path of `validate` says what the careful path says.

Three shortcuts make a valid spec cheap to check, and each must agree with the path it
stands in for on every input, since only the careful paths explain a problem:

* `fast_schema.valid` (jsonschema-rs) against `schema.schema_diagnostics` (jsonschema):
  valid exactly when there are no schema errors, or None (then the detailed path judges);
* `fast_loader.plain_data` against the careful composer: the same data, or None (then the
  careful composer reads the document and reports it), and the same positions, found when
  a diagnostic first asks;
* `loader._nesting_bound` against the line-by-line scan: never below it, so a text within
  the cap could not have been flagged.

They are tried on the examples, the library, the hostile corpus, generated specs, and
documents generated from the schema and mutated (tests/support/strategies.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.expand import generated_spec
from generator.errors import Diagnostic, LiftplanError
from generator.pipeline import check_document
from generator.spec import fast_schema, loader
from generator.spec.fast_loader import plain_data
from generator.spec.loader import MAX_DEPTH, Document, decode, dump, load_bytes
from generator.spec.schema import python_schema, schema_diagnostics
from tests.support import strategies as fs
from tests.support.paths import ROOT, example_programs, hostile_specs
from tests.support.speed import examples

LIBRARY = sorted((ROOT / "programs" / "library").glob("*.yaml"))
FILES = [*example_programs(), *LIBRARY, *hostile_specs()]
SCHEMA = python_schema("program")
WALKER = fs.program_walker(SCHEMA)
TOKENS = fs.schema_tokens(SCHEMA)
HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


def careful(raw: bytes, file: str = "x.yaml") -> Document:
    """The document as the loader read it before the fast path: the text checked line by
    line for nesting, then the careful composer alone, positions and all."""
    text = decode(raw, file)
    if loader._may_nest_too_deep(text):
        loader._check_depth_exactly(text, file)
    return loader._Composer(text, file).compose()


def assert_validators_agree(document: Document) -> None:
    detailed = not schema_diagnostics(document, "program")
    fast = fast_schema.valid(document.data, "program")
    assert fast in (detailed, None)


def assert_loaders_agree(raw: bytes) -> None:
    """Both composers give the same data and positions, or the same errors."""
    slow = outcome(lambda: careful(raw))
    fast = outcome(lambda: load_bytes(raw, "x.yaml"))
    if not isinstance(slow, Document) or not isinstance(fast, Document):
        assert fast == slow
        return
    assert fast.data == slow.data
    assert type(fast.data) is type(slow.data)
    assert dict(fast.values) == dict(slow.values)
    assert dict(fast.keys) == dict(slow.keys)


def outcome(load: Callable[[], Document]) -> Document | tuple[Diagnostic, ...]:
    """The document, or the diagnostics it was refused with."""
    try:
        return load()
    except LiftplanError as error:
        return error.diagnostics


def loaded(path: Path) -> Document | None:
    try:
        return load_bytes(path.read_bytes(), str(path))
    except LiftplanError:
        return None


# --- the compiled validator ---------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_the_validators_agree_on_every_file(path: Path) -> None:
    document = loaded(path)
    if document is not None:
        assert_validators_agree(document)


def test_the_compiled_validator_is_used_on_every_valid_example() -> None:
    """Installed with liftplan, it answers for every example (None would mean the detailed
    validator did all the work again)."""
    for path in [*example_programs(), *LIBRARY]:
        document = loaded(path)
        assert document is not None
        assert fast_schema.valid(document.data, "program") is True, path.name


def example(name: str = "hip-thrust-12wk.yaml") -> dict[str, Any]:
    document = loaded(ROOT / "programs" / name)
    assert document is not None
    data: dict[str, Any] = document.data
    return data


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("phases", 0, "weeks"), 4.0),  # a whole number written as a float is not an integer
        (("deload", "every"), 4.0),
        (("start",), "0000-01-01"),  # no year 0 in Python's dates
        (("start",), "2027-02-29"),
        (("start",), "2028-02-29"),
        (("start",), "2027-01-04\n"),  # `$` is the end of the text
        (("start",), "\uff12\uff10\uff12\uff17-01-04"),  # full-width digits
        (("id",), "hip-thrust\n"),
        (("links",), [{"title": "x", "url": "https://a\x1cb"}]),  # Python's \s has U+001C
        (("links",), [{"title": "x", "url": "https://a\u2028b"}]),
        (("links",), [{"title": "x", "url": "https://a\ufeffb"}]),
        (("links",), [{"title": "x", "url": "https://ab"}]),
        (("title",), "x" * 200),
        (("title",), "\U0001f600" * 80),
        (("equipment", "barbell", "plates"), [1, 1.0]),  # not unique
        (("equipment", "barbell", "plates"), [1, True]),
        (("schedule", "days"), ["mon", "mon"]),
        (("phases", 0, "weeks"), 10**300),
        (("phases", 0, "weeks"), -(10**300)),
        (("phases", 0, "weeks"), True),
    ],
)
def test_the_validators_agree_where_python_and_rust_differ(
    where: tuple[str | int, ...], value: Any
) -> None:
    """Integers, dates, patterns, uniqueness, lengths and huge numbers: places where a
    compiled validator's reading could differ from liftplan's."""
    data = example()
    parent: Any = data
    for part in where[:-1]:
        parent = parent.setdefault(part, {}) if isinstance(part, str) else parent[part]
    parent[where[-1]] = value
    document = Document("x.yaml", data, {}, {})
    assert_validators_agree(document)


def test_a_text_rust_cannot_hold_is_left_to_the_detailed_validator() -> None:
    data = example()
    data["title"] = "a\ud800"
    assert fast_schema.valid(data, "program") in (None, True)
    assert_validators_agree(Document("x.yaml", data, {}, {}))


@settings(max_examples=examples(30), deadline=None, suppress_health_check=HEALTH)
@given(WALKER.document())
def test_the_validators_agree_on_documents_the_schema_accepts(data: dict[str, Any]) -> None:
    assert fast_schema.valid(data, "program") is True
    assert_validators_agree(Document("x.yaml", data, {}, {}))


EXAMPLES = {path.name: example(path.name) for path in example_programs()}


@settings(max_examples=examples(300), deadline=None, suppress_health_check=HEALTH)
@given(st.sampled_from(sorted(EXAMPLES)), st.lists(fs.mutation(TOKENS), min_size=1, max_size=3))
def test_the_validators_agree_on_examples_with_changes(name: str, changes: list[Any]) -> None:
    data = fs.mutated(EXAMPLES[name], changes)
    assert_validators_agree(Document("x.yaml", data, {}, {}))


def test_without_the_compiled_validator_the_diagnostics_are_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    documents = [d for d in (loaded(path) for path in FILES) if d is not None]
    with_it = [check_document(document) for document in documents]
    monkeypatch.setattr(fast_schema, "jsonschema_rs", None)
    monkeypatch.setattr(fast_schema, "_compiled", fast_schema._compiled.__wrapped__)
    assert fast_schema.valid(documents[0].data, "program") is None
    assert [check_document(document) for document in documents] == with_it


# --- the loader's fast path ------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_the_composers_agree_on_every_file(path: Path) -> None:
    assert_loaders_agree(path.read_bytes())


def test_a_clean_document_takes_the_fast_path_and_finds_its_positions_when_asked() -> None:
    raw = (ROOT / "programs" / "hip-thrust-12wk.yaml").read_bytes()
    assert plain_data(decode(raw, "x.yaml")) is not None
    document = load_bytes(raw, "x.yaml")
    slow = careful(raw)
    assert document.locate(("phases", 0, "sessions")) == slow.locate(("phases", 0, "sessions"))
    assert document.locate(("nowhere", 3), key=True) == slow.locate(("nowhere", 3), key=True)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # a duplicate key
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: ! 1\n",
        "!!map\na: 1\n",
        "? [a]\n: 1\n",
        "a: 1\n---\nb: 2\n",
        "- a\n",
        "a\n",
        "# only a comment\n",
        'a: "\\e"\n',
        'notes: "\\t\\n"\n',
        'title: "a\\nb"\n',
        "a: [1, 2\n",
        "a:\n  b: |\n    x\n    y\n",
        "description: |\n  x\n  y\n",
        "a: " + "[" * 31 + "]" * 31 + "\n",
        "a: " + "[" * 32 + "]" * 32 + "\n",
        "a: 012\nb: 1:30\nc: no\nd: 1e3\ne: .inf\nf: ~\ng: ''\nh: 0x1f\n",
        "'a': 1\n\"b\": 2\n? c\n: 3\n",
        "a: {b: {c: [1, {d: e}]}}\n",
    ],
)
def test_the_composers_agree_on_what_the_fast_path_gives_up(text: str) -> None:
    assert_loaders_agree(text.encode("utf-8"))


@settings(max_examples=examples(200), deadline=None, suppress_health_check=HEALTH)
@given(st.sampled_from(sorted(EXAMPLES)), st.lists(fs.mutation(TOKENS), min_size=1, max_size=3))
def test_the_composers_agree_on_examples_with_changes(name: str, changes: list[Any]) -> None:
    data = fs.mutated(EXAMPLES[name], changes)
    assert_loaders_agree(dump(data).encode("utf-8", errors="surrogatepass"))


FRAGMENTS = ["a: ", "- ", "? ", ": ", "[", "]", "{", "}", ", ", "\n", "  ", "'", '"', "#"]
FRAGMENTS += ["&x ", "*x", "!!str ", "|\n", ">-\n", "\\n", "\t", "1", "no", "~", "x"]


@settings(max_examples=examples(500), deadline=None, suppress_health_check=HEALTH)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join))
def test_the_composers_agree_on_yaml_like_text(text: str) -> None:
    if text.strip():
        assert_loaders_agree(text.encode("utf-8"))


# --- the nesting bound -----------------------------------------------------------------------


def within_bound_means_not_flagged(text: str) -> None:
    if loader._nesting_bound(text) <= MAX_DEPTH:
        assert not loader._may_nest_too_deep(text)


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_the_nesting_bound_is_never_below_the_scan(path: Path) -> None:
    try:
        text = decode(path.read_bytes(), str(path))
    except LiftplanError:
        return
    within_bound_means_not_flagged(text)


@settings(max_examples=examples(500), deadline=None, suppress_health_check=HEALTH)
@given(st.lists(st.sampled_from([*FRAGMENTS, "- - ", "? - ", ": - "]), max_size=80).map("".join))
def test_the_nesting_bound_is_never_below_the_scan_on_yaml_like_text(text: str) -> None:
    within_bound_means_not_flagged(text)


def test_a_generated_spec_needs_no_scan() -> None:
    """The benchmark's specs (block YAML, as `dump` writes it) are cleared by the bound."""
    text = dump(generated_spec(12, 3, 5))
    assert loader._nesting_bound(text) <= MAX_DEPTH
    assert plain_data(text) is not None
