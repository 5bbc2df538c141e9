"""A compiled JSON Schema check that answers one question fast: is this document valid?

Nearly every spec checked is valid, and for a valid spec the detailed validator in
`schema` (jsonschema, with located, plain-worded errors) does all its work to say
nothing: it was half the time of `liftplan validate`. jsonschema-rs, compiled once per
process, says valid or not in a fraction of a millisecond. So the pipeline asks it
first, and only a document it finds invalid goes through `schema.schema_diagnostics`,
which then says what is wrong in the same words as ever. A document it cannot judge
(jsonschema-rs not installed, a text Rust cannot hold) goes there too.

A "valid" from here must never pass a document the detailed validator refuses, so the
compiled schema is the shipped one with these differences, made to match liftplan's own
reading of it (being stricter is harmless: the detailed validator has the last word):

* an integer is a Python int: jsonschema-rs, like Draft 7, counts 8.0 as an integer,
  while liftplan's validator refuses it (`weeks: 8.0` means something odd), so each
  `"type": "integer"` gets a keyword that refuses a float;
* a pattern whose meaning could differ between Python's `re` and Rust's regex (a class
  escape such as `\\s`, which Python stretches to U+001C-U+001F and Rust does not, or an
  inline flag) is matched by Python's `re`, as the detailed validator matches it;
* `multipleOf` is worked out as jsonschema works it out (with floats, the quotient must be
  a whole float), as floating point can leave two careful readings a hair apart;
* `format: date` is checked by the same test jsonschema applies (YYYY-MM-DD of ASCII
  digits, a real date); a schema with any other format is left to the detailed validator.

tests/spec/test_fast_path.py holds the two validators to the same answer on the examples,
the hostile corpus, and documents generated from the schema and mutated.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from fractions import Fraction
from functools import cache
from typing import Any

from generator.resources import schema

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - the detailed validator alone still checks everything
    jsonschema_rs = None  # type: ignore[assignment]

_WHOLE = "liftplanWholeNumber"
_PYTHON_PATTERN = "liftplanPythonPattern"
_PYTHON_MULTIPLE = "liftplanPythonMultipleOf"
_FORMATS: dict[str, Callable[[str], bool]] = {}

# A backslash before a letter (a class such as \s or \D, \b, \p{..}) or an inline flag
# (?i): constructs whose meaning Python and Rust may not share. Everything else the
# schemas use (literals, [0-9] classes, groups, quantifiers, lookahead, ^ and $) means
# the same in both, $ being the end of the text (Python's patterns say \Z for it).
_UNPORTABLE = re.compile(r"\\[A-Za-z]|\(\?[A-Za-z]")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def valid(data: Any, name: str) -> bool | None:
    """Whether `data` satisfies the shipped schema `name`: True, False, or None when the
    compiled validator cannot tell and the detailed one must judge."""
    check = _compiled(name)
    if check is None:
        return None
    try:
        return bool(check(data))
    except Exception:  # e.g. a lone surrogate, which Rust text cannot hold
        return None


@cache
def _compiled(name: str) -> Callable[[Any], bool] | None:
    """The schema's compiled `is_valid`, once per process; None where it cannot be made."""
    if jsonschema_rs is None:
        return None
    try:
        validator = jsonschema_rs.Draft7Validator(
            _adapt(schema(name)),
            formats=_FORMATS,
            validate_formats=True,
            ignore_unknown_formats=False,
            keywords={
                _WHOLE: _WholeNumber,
                _PYTHON_PATTERN: _PythonPattern,
                _PYTHON_MULTIPLE: _PythonMultipleOf,
            },
        )
    except Exception:  # a schema it cannot take (or _Unsupported): the detailed path judges
        return None
    is_valid: Callable[[Any], bool] = validator.is_valid
    return is_valid


class _Unsupported(Exception):
    """The schema uses something this module cannot check as liftplan does."""


# Where Draft 7 keeps subschemas: a keyword's value is one (or, for items, a list of them),
# a list of them, or a map of names to them. Other values (enum, const, examples) are data.
_ONE = frozenset({"items", "additionalItems", "additionalProperties", "contains"})
_ONE |= frozenset({"propertyNames", "not", "if", "then", "else"})
_LIST = frozenset({"allOf", "anyOf", "oneOf"})
_MAP = frozenset({"properties", "patternProperties", "definitions", "dependencies"})


def _adapt(node: Any) -> Any:
    """The schema with liftplan's readings of integers, patterns and formats (see above)."""
    if not isinstance(node, dict):
        return node  # true, false, or a dependency's list of names
    adapted: dict[str, Any] = {}
    for key, value in node.items():
        if (key in _ONE and isinstance(value, list)) or key in _LIST:
            adapted[key] = [_adapt(item) for item in value]
        elif key in _ONE:
            adapted[key] = _adapt(value)
        elif key in _MAP and isinstance(value, dict):
            adapted[key] = {name: _adapt(item) for name, item in value.items()}
        else:
            adapted[key] = value
    kinds = node.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if isinstance(kinds, list) and "integer" in kinds and "number" not in kinds:
        adapted[_WHOLE] = True
    if isinstance(node.get("pattern"), str) and _UNPORTABLE.search(node["pattern"]):
        adapted[_PYTHON_PATTERN] = adapted.pop("pattern")
    if isinstance(node.get("multipleOf"), int | float):
        adapted[_PYTHON_MULTIPLE] = adapted.pop("multipleOf")
    patterns = node.get("patternProperties")
    if isinstance(patterns, dict) and any(_UNPORTABLE.search(key) for key in patterns):
        raise _Unsupported("patternProperties")
    if isinstance(node.get("format"), str) and node["format"] not in _FORMATS:
        raise _Unsupported(f"format {node['format']}")
    return adapted


def _is_date(text: str) -> bool:
    """jsonschema's own test of `format: date`."""
    try:
        return bool(_DATE.fullmatch(text) and datetime.date.fromisoformat(text))
    except ValueError:
        return False


_FORMATS["date"] = _is_date


class _WholeNumber:
    """Refuses a float where the schema says integer, as liftplan's validator does."""

    def __init__(self, parent: dict[str, Any], value: Any, path: list[str | int]) -> None:
        pass

    def validate(self, instance: Any) -> None:
        if isinstance(instance, float):
            raise ValueError("not a whole number")


class _PythonPattern:
    """A pattern matched as the detailed validator matches it: Python's `re.search`,
    with the closing `$` meaning the end of the text."""

    def __init__(self, parent: dict[str, Any], value: str, path: list[str | int]) -> None:
        from generator.spec.schema import _python_regex  # the detailed validator's rewriting

        self.regex = re.compile(_python_regex(value))

    def validate(self, instance: Any) -> None:
        if isinstance(instance, str) and not self.regex.search(instance):
            raise ValueError("does not match")


class _PythonMultipleOf:
    """`multipleOf` as jsonschema judges it."""

    def __init__(self, parent: dict[str, Any], value: float | int, path: list[str | int]) -> None:
        self.step = value

    def validate(self, instance: Any) -> None:
        if isinstance(instance, bool) or not isinstance(instance, int | float):
            return
        if isinstance(self.step, float):
            quotient = instance / self.step
            try:
                failed = int(quotient) != quotient
            except OverflowError:
                failed = (Fraction(instance) / Fraction(self.step)).denominator != 1
        else:
            failed = bool(instance % self.step)
        if failed:
            raise ValueError("not a multiple")
