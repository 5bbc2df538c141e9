"""JSON Schema validation, with each error said plainly at the node it is about.

jsonschema's own messages are written for schema authors ("'x' does not match
'^(?:...)$'"). A person editing a spec needs the value, what was expected, and
often a suggestion, at the line and column of the offending key or value.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from generator.errors import Diagnostic, Severity
from generator.resources import schema
from generator.spec.loader import Document, Path, number_too_large, resolve_plain

if TYPE_CHECKING:  # jsonschema is imported when a spec is refused, not by every run
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}
# The most digits a number written inside a text may have (a percentage, a duration...).
LONGEST_NUMBER = 5
# Past this many unknown keys in one mapping, the rest are counted, not listed one by one.
MAX_UNKNOWN_KEYS = 20
_YAML11_BOOLEANS = frozenset(
    word
    for base in ("yes", "no", "on", "off", "y", "n")
    for word in (base, base.capitalize(), base.upper())
)


def _bounded(keyword: str, cap: str) -> Any:
    """A keyword that skips its per-item work when the collection is already over its cap.

    The cap's own error says what is wrong; validating a million items first would
    only cost time (and report a million errors).
    """
    from jsonschema import Draft7Validator

    check = Draft7Validator.VALIDATORS[keyword]

    def bounded(validator: Validator, value: Any, instance: Any, subschema: Any) -> Any:
        limit = subschema.get(cap)
        if isinstance(instance, list | dict) and limit is not None and len(instance) > limit:
            return
        yield from check(validator, value, instance, subschema)

    return bounded


def _unique_items(validator: Validator, unique: Any, instance: Any, subschema: Any) -> Any:
    """uniqueItems in linear time (jsonschema compares mixed-type lists pair by pair)."""
    from jsonschema.exceptions import ValidationError

    if unique and isinstance(instance, list) and first_duplicate(instance) is not None:
        yield ValidationError("has non-unique elements")


def first_duplicate(items: list[Any]) -> tuple[Any] | None:
    """The first item seen twice (wrapped, since it may itself be None), in linear time.

    >>> first_duplicate(["mon", 1, "thu", True, 1.0]), first_duplicate([1, True])
    ((1.0,), None)
    """
    seen: set[Any] = set()
    for item in items:
        key = _freeze(item)
        if key in seen:
            return (item,)
        seen.add(key)
    return None


def _freeze(value: Any) -> Any:
    """A hashable stand-in with JSON's idea of equality (true is not 1; 1 is 1.0)."""
    if isinstance(value, dict):
        return ("map", frozenset((key, _freeze(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("list", tuple(_freeze(item) for item in value))
    if isinstance(value, bool) or value is None:
        return ("const", value)
    return ("number" if isinstance(value, int | float) else "text", value)


def _is_integer(checker: Any, instance: Any) -> bool:
    # Draft 7 counts 8.0 as an integer; a spec that says `weeks: 8.0` means something odd,
    # and code downstream rightly expects an int.
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def _spec_validator() -> type[Validator]:
    """Draft 7 with linear uniqueItems, capped item checks and integers that are ints.

    Built on first use: jsonschema's import is a third of a clean run's start-up, and a
    valid spec is never shown to it (see fast_schema).
    """
    from jsonschema import Draft7Validator, validators

    extend: Callable[..., type[Validator]] = validators.extend  # untyped in jsonschema
    return extend(
        Draft7Validator,
        validators={
            "items": _bounded("items", "maxItems"),
            "additionalProperties": _bounded("additionalProperties", "maxProperties"),
            "propertyNames": _bounded("propertyNames", "maxProperties"),
            "uniqueItems": _unique_items,
        },
        type_checker=Draft7Validator.TYPE_CHECKER.redefine("integer", _is_integer),
    )


@cache
def validator(name: str) -> Validator:
    """One validator per schema per process: building it is the expensive part."""
    from jsonschema import Draft7Validator

    return _spec_validator()(checked_schema(name), format_checker=Draft7Validator.FORMAT_CHECKER)


@cache
def checked_schema(name: str) -> dict[str, Any]:
    """The schema the validator checks against: Python's patterns, and every `$ref` to a
    definition that does not refer back to itself written out in place. Resolving a
    `$ref` (a lookup through the referencing library) was a quarter of validation, and a
    spec passes through a hundred of them."""
    schema = python_schema(name)
    definitions = schema.get("definitions", {})
    recursive = {key for key in definitions if key in _reached(definitions, key)}
    inlined: dict[str, Any] = _inline(schema, definitions, recursive)
    return inlined


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value.removeprefix("#/definitions/")
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _reached(definitions: dict[str, Any], start: str) -> set[str]:
    """Every definition `start` refers to, directly or through others."""
    seen: set[str] = set()
    todo = list(_refs(definitions[start]))
    while todo:
        key = todo.pop()
        if key not in seen and key in definitions:
            seen.add(key)
            todo.extend(_refs(definitions[key]))
    return seen


def _inline(node: Any, definitions: dict[str, Any], recursive: set[str]) -> Any:
    """The node with each `$ref` to a non-recursive definition replaced by the definition
    (Draft 7 ignores a `$ref`'s siblings, so they go too)."""
    if isinstance(node, list):
        return [_inline(item, definitions, recursive) for item in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/definitions/"):
        key = reference.removeprefix("#/definitions/")
        if key in definitions and key not in recursive:
            return _inline(definitions[key], definitions, recursive)
    return {key: _inline(value, definitions, recursive) for key, value in node.items()}


@cache
def python_schema(name: str) -> dict[str, Any]:
    """The schema with its patterns meaning in Python what they mean in JSON Schema.

    JSON Schema's regexes are ECMA 262's, where `$` is the end of the text; Python's
    `re.search` also lets `$` match before a final newline, so "60m\\n" would pass a
    pattern written for 60m and crash whatever parses it next. Each pattern's closing
    `$` becomes `\\Z`. The schema as shipped keeps `$`, for editors.
    """
    anchored: dict[str, Any] = _end_anchored(schema(name))
    return anchored


def _end_anchored(node: Any) -> Any:
    if isinstance(node, list):
        return [_end_anchored(item) for item in node]
    if not isinstance(node, dict):
        return node
    anchored: dict[str, Any] = {}
    for key, value in node.items():
        if key == "pattern" and isinstance(value, str):
            anchored[key] = _python_regex(value)
        elif key == "patternProperties" and isinstance(value, dict):
            anchored[key] = {_python_regex(k): _end_anchored(v) for k, v in value.items()}
        else:
            anchored[key] = _end_anchored(value)
    return anchored


def _python_regex(pattern: str) -> str:
    r"""The pattern with a closing `$` (not an escaped `\$`) written `\Z`.

    >>> _python_regex("^[0-9]+s$"), _python_regex(r"^a\$$"), _python_regex(r"^a\$")
    ('^[0-9]+s\\Z', '^a\\$\\Z', '^a\\$')
    """
    trailing_backslashes = len(pattern[:-1]) - len(pattern[:-1].rstrip("\\"))
    if pattern.endswith("$") and trailing_backslashes % 2 == 0:
        return pattern[:-1] + "\\Z"
    return pattern


def schema_diagnostics(document: Document, schema_name: str) -> list[Diagnostic]:
    """Every schema error in the document, each once, in plain words and located."""
    leaves = [
        leaf
        for error in validator(schema_name).iter_errors(document.data)
        for leaf in _leaves(error)
    ]
    # A value of the wrong type fails its enum and pattern too; the type is the real error.
    mistyped = {tuple(leaf.absolute_path) for leaf in leaves if leaf.validator == "type"}
    found: list[Diagnostic] = []
    for leaf in leaves:
        if leaf.validator != "type" and tuple(leaf.absolute_path) in mistyped:
            continue
        found.extend(_diagnose(document, leaf, checked_schema(schema_name)))
    return found


def _leaves(error: ValidationError) -> Iterator[ValidationError]:
    """Replace a failed anyOf/oneOf by the error of the branch that was meant."""
    from jsonschema.exceptions import best_match

    if error.validator in ("anyOf", "oneOf") and error.context:
        if all(sub.validator == "required" for sub in error.context):
            yield error  # reported as "needs one of" below
            return
        # A branch for another type of value was not the one meant (a number given where
        # a load or a mapping may go is a load gone wrong, not a mapping).
        meant = [sub for sub in error.context if sub.validator != "type" or sub.relative_path]
        meant = _fitting_branches(meant)
        chosen = best_match(meant or error.context)
        if chosen is not None:
            yield from _leaves(chosen)
            return
    yield error


def _fitting_branches(errors: list[ValidationError]) -> list[ValidationError]:
    """Of mappings offered in several shapes ({add: 15} or {test: 5rm, share: 85%}), the
    branches whose keys the mapping has: a wrong value inside the shape meant says more
    than "unknown key" from a shape that was not meant."""
    shape = ("additionalProperties", "required")
    misfits = {sub.relative_schema_path[0] for sub in errors if sub.validator in shape}
    misfits &= {sub.relative_schema_path[0] for sub in errors if not sub.relative_path}
    fitting = [sub for sub in errors if sub.relative_schema_path[0] not in misfits]
    return fitting or errors


def format_path(path: Path) -> str:
    """A path into the data as a person reads it.

    >>> format_path(("phases", 1, "sessions", "A", 0, "reps"))
    'phases[1].sessions.A[0].reps'
    >>> format_path(("equipment", "my bar"))
    'equipment["my bar"]'
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part.replace("_", "a").replace("-", "a").isalnum():
            text += f".{part}" if text else part
        else:
            text += f'["{part}"]'
    return text


def show(value: Any) -> str:
    """A value quoted for a message, shortened if long.

    >>> show("thr"), show(12), show("x" * 60)[-4:]
    ("'thr'", '12', "...'")
    """
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"'{text}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "nothing" if value is None else str(value)


def _diagnose(
    document: Document, error: ValidationError, root: dict[str, Any]
) -> Iterator[Diagnostic]:
    path: Path = tuple(error.absolute_path)
    keyword = str(error.validator)
    if "propertyNames" in error.absolute_schema_path:
        key_path = (*path, str(_instance(error)))
        yield _at(document, key_path, _value_message(error, keyword), key=True)
        return
    if keyword == "additionalProperties" and _expected(error) is False:
        allowed = sorted(_subschema(error).get("properties", {}))
        extras = [key for key in _instance(error) if key not in allowed]
        for extra in extras[:MAX_UNKNOWN_KEYS]:
            text = f"unknown key {show(extra)}{_suggest(extra, allowed, listing=True)}"
            yield _at(document, (*path, extra), text, key=True)
        if len(extras) > MAX_UNKNOWN_KEYS:
            rest = len(extras) - MAX_UNKNOWN_KEYS
            first_unreported = (*path, extras[MAX_UNKNOWN_KEYS])
            yield _at(document, first_unreported, f"and {rest} more unknown keys", key=True)
        return
    if keyword == "required":
        for missing in _expected(error):
            if missing not in _instance(error):
                text = f"missing required key {show(missing)}{_condition(error, root)}"
                yield _at(document, path, text)
        return
    if keyword in ("anyOf", "oneOf"):
        groups = [" and ".join(_expected(sub)) for sub in error.context]
        yield _at(document, path, "needs " + ", or ".join(groups))
        return
    yield _at(document, path, _value_message(error, keyword))


def _instance(error: ValidationError) -> Any:
    """The value that failed (jsonschema types it as possibly unset; here it never is)."""
    return error.instance


def _expected(error: ValidationError) -> Any:
    """The keyword's value in the schema, e.g. the minimum or the list of required keys."""
    return error.validator_value


def _subschema(error: ValidationError) -> dict[str, Any]:
    """The schema object holding the failed keyword."""
    return error.schema if isinstance(error.schema, dict) else {}


def _value_message(error: ValidationError, keyword: str) -> str:
    """What is wrong with a value, for the keywords that judge values."""
    value = _instance(error)
    expected = _expected(error)
    if keyword == "type":
        form = _subschema(error).get("patternErrorMessage")
        message = _type_message(value, expected)
        return f"{message}: {form}" if form and ":" not in message else message
    if keyword == "enum":
        options = [str(option) for option in expected]
        hint = _suggest(str(value), options, listing=False)
        return f"{show(value)} is not one of {', '.join(options)}{hint}"
    if keyword == "pattern":
        explanation = _subschema(error).get("patternErrorMessage", "not in the expected form")
        return f"{show(value)}{_text_hint(value)}: {explanation}"
    if keyword == "format":
        return f"{show(value)} is not a real date" if expected == "date" else error.message
    if keyword == "const":
        return f"must be {show(expected)}, not {show(value)}"
    return _limit_message(error, keyword)


def _limit_message(error: ValidationError, keyword: str) -> str:
    value = _instance(error)
    expected = _expected(error)
    shown = show(value)
    messages = {
        "minimum": f"{shown} is below the least allowed, {expected}",
        "maximum": f"{shown} is above the most allowed, {expected}",
        "exclusiveMinimum": f"{shown} must be more than {expected}",
        "exclusiveMaximum": f"{shown} must be less than {expected}",
        "multipleOf": f"{shown} must be a multiple of {expected}",
        "minLength": "must not be empty" if expected == 1 else f"must be at least {expected} long",
        "maxLength": f"is longer than {expected} characters",
        "minItems": f"needs at least {expected} item{'s' if expected != 1 else ''}",
        "maxItems": f"has more than {expected} items",
        "minProperties": f"needs at least {expected} key{'s' if expected != 1 else ''}",
        "not": f"{shown} is not allowed here",
    }
    if keyword == "maxProperties":
        if expected == 1:
            names = ", ".join(sorted(value))
            return f"give one method per list item, not several together ({names})"
        return f"has more than {expected} keys"
    if keyword == "uniqueItems":
        duplicate = first_duplicate(value)
        if duplicate is not None:
            return f"lists {show(duplicate[0])} more than once"
    if keyword == "False schema":
        return "is not allowed here"
    if keyword == "dependencies" and isinstance(value, dict) and isinstance(expected, dict):
        for key, needs in expected.items():
            missing = [name for name in needs if key in value and name not in value]
            if missing:
                return f"{show(key)} needs {show(missing[0])} beside it"
    return messages.get(keyword, error.message)


def _type_message(value: Any, expected: str | list[str]) -> str:
    kinds = [expected] if isinstance(expected, str) else list(expected)
    wanted = " or ".join(_TYPE_NAMES.get(kind, kind) for kind in kinds)
    message = f"expected {wanted}, not {show(value)}"
    if kinds == ["integer"] and isinstance(value, float):
        return f"expected a whole number, not {value}"
    if not isinstance(value, str):
        return message
    if value in _YAML11_BOOLEANS:
        return (
            f"{message}: liftplan reads {value} as text (YAML 1.1 made it a boolean); "
            "write true or false if that is what you mean"
        )
    numeric = {"integer", "number"} & set(kinds)
    if numeric and value.lstrip("+-").startswith("0") and value.lstrip("+-0").isdigit():
        return f"{message}: a leading zero is ambiguous in YAML (octal in 1.1); write {int(value)}"
    if numeric and ":" in value and value.replace(":", "").isdigit():
        return f"{message}: YAML 1.1 read this as minutes:seconds; write the number itself"
    if numeric and not isinstance(resolve_plain(value), str):
        return f"{message}: remove the quotes"
    return message + _text_hint(value)


def _text_hint(value: Any) -> str:
    """Why a text that looks like a number is not one, or holds one out of range."""
    if isinstance(value, str) and number_too_large(value):
        return " is too large a number"
    if isinstance(value, str) and re.search(f"[0-9]{{{LONGEST_NUMBER + 1}}}", value):
        return f" has a number longer than {LONGEST_NUMBER} digits"
    return ""


def _suggest(word: str, options: list[str], *, listing: bool) -> str:
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    foreign = [char for char in word if not char.isascii()]
    if close and foreign:
        char = foreign[0]
        why = f"it has {char!r}, U+{ord(char):04X}, not a plain letter"
        return f": did you mean {show(close[0])}? ({why})"
    if close:
        return f": did you mean {show(close[0])}?"
    if listing and options and len(options) <= 12:
        return f" (expected {', '.join(options)})"
    return ""


def _condition(error: ValidationError, root: dict[str, Any]) -> str:
    """For a key required by an if/then, say which condition asked for it."""
    schema_path = list(error.absolute_schema_path)
    if "then" not in schema_path:
        return ""
    cut = len(schema_path) - 1 - schema_path[::-1].index("then")
    node: Any = _schema_at(root, schema_path[:cut])
    condition = node.get("if", {}).get("properties", {}) if isinstance(node, dict) else {}
    for key, rule in condition.items():
        if "const" in rule:
            return f" (needed when {key} is {rule['const']})"
    return ""


def _schema_at(root: dict[str, Any], schema_path: list[Any]) -> Any:
    """Follow a jsonschema schema path through the root schema and its $refs."""
    node: Any = root
    for part in schema_path:
        while isinstance(node, dict) and "$ref" in node:
            node = _resolve(root, node["$ref"])
        node = node[part]
    return node


def _resolve(root: dict[str, Any], ref: str) -> Any:
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _at(document: Document, path: Path, message: str, *, key: bool = False) -> Diagnostic:
    line, column = document.locate(path, key=key)
    return Diagnostic(document.file, line, column, message, format_path(path))


class Locating:
    """A checker's way to report: every problem located in the document under check.

    A checker (a dataclass) holds `document` and the list `found` it adds to.
    """

    document: Document
    found: list[Diagnostic]

    def error(self, path: Path, message: str, *, key: bool = False) -> None:
        self._add(path, message, Severity.ERROR, key)

    def warn(self, path: Path, message: str, *, key: bool = False) -> None:
        self._add(path, message, Severity.WARNING, key)

    def _add(self, path: Path, message: str, severity: Severity, key: bool) -> None:
        line, column = self.document.locate(path, key=key)
        self.found.append(
            Diagnostic(self.document.file, line, column, message, format_path(path), severity)
        )
