"""The loader's fast path: the plain data of a document with nothing unusual in it.

Almost every spec and log is clean: one document, plain mappings, lists and scalars, no
tag, anchor, alias, duplicate key or control character. For such a document the careful
composer in `loader` spends most of its time recording where every key and value was
written, which only an error message ever reads. So `plain_data` composes the data alone,
straight from the C parser's events, in one tight loop, and gives up (returns None) at the
first thing that is not plain: a tag, an anchor or alias, a key that is not a text, a key
given twice, a control character, nesting past the cap, a second document, a syntax
error. The careful composer then reads the document again and reports it exactly as it
always has; and where a clean document needs a position (a semantic error, a warning),
`loader` finds the positions by running the careful composer then.

It reads what the careful composer reads, value for value: the same parser, the same
scalar resolution (`resolve_plain`) and the same text checks (`texts`). The nesting cap
is checked on the text before this runs, as before the careful composer.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from generator.spec.texts import MULTILINE_KEYS

try:  # the C parser is about 7x faster; its pure-Python twin parses the same language
    from yaml._yaml import CParser as EventParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as EventParser  # type: ignore[assignment]

__all__ = ["MAX_DEPTH", "EventParser", "number_too_large", "plain_data", "resolve_plain"]

MAX_DEPTH = 32

# Only a text starting with one of these can be a number; a null or a boolean never does.
_NUMBER_START = frozenset("0123456789+-.")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Decimal only, and no leading zeros: `012` is octal in YAML 1.1 and decimal in 1.2,
# so it is left as text and the schema says what it expected.
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,299})\Z")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]{0,299})(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]{1,4})?\Z"
)
_NUMBER_SHAPE = re.compile(r"[-+]?[1-9][0-9]*(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?\Z")
# What `texts` refuses: in any key or text, C0 controls, DEL and C1; tab and line feed are
# allowed only in the multi-line texts. A document with any of these goes the careful way.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f]")


def resolve_plain(text: str) -> Any:
    """Give a plain (unquoted) scalar its YAML 1.2 core-schema type, minus the surprises.

    >>> [resolve_plain(s) for s in ("12", "-3", "2.5", "1e3", "true", "~", "")]
    [12, -3, 2.5, 1000.0, True, None, None]
    >>> [resolve_plain(s) for s in ("no", "on", "012", "1:30", "2027-01-04", ".inf", "0x1f")]
    ['no', 'on', '012', '1:30', '2027-01-04', '.inf', '0x1f']
    """
    if text[:1] not in _NUMBER_START:
        return None if text in _NULLS else _BOOLS.get(text, text)
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        number = float(text)
        if math.isfinite(number):
            return number
    return text


def number_too_large(text: str) -> bool:
    """Whether a plain scalar is written as a number but left as text for its size.

    >>> [number_too_large(t) for t in ("1e309", "1" * 400, "2e99999", "12", "012", "abc")]
    [True, True, True, False, False, False]
    """
    looks_numeric = bool(_NUMBER_SHAPE.match(text) or _FLOAT.match(text))
    return looks_numeric and isinstance(resolve_plain(text), str)


_SCALAR = yaml.ScalarEvent
_MAPPING = yaml.MappingStartEvent
_SEQUENCE = yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_NO_KEY: Any = object()
# The plain scalars that are not text: those `resolve_plain` may turn into something else.
_NULLS_AND_BOOLS = _NULLS | frozenset(_BOOLS)


def plain_data(text: str) -> dict[str, Any] | None:
    """The data of a clean document whose top level is a mapping, or None (see above)."""
    parser = EventParser(text)
    try:
        return _compose(parser.get_event)
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()


def _compose(next_event: Any) -> dict[str, Any] | None:
    """One pass over the events with an explicit stack of the containers being filled
    (and whether each is a mapping); in a mapping, `key` is the key whose value comes
    next. Scalars, most of the events, take the shortest way through."""
    if type(next_event()) is not yaml.StreamStartEvent:
        return None
    if type(next_event()) is not yaml.DocumentStartEvent:
        return None  # an empty stream: the careful composer says so
    event = next_event()
    if type(event) is not _MAPPING or event.anchor is not None or event.tag is not None:
        return None
    scalar, mapping, sequence, ends = _SCALAR, _MAPPING, _SEQUENCE, _ENDS
    no_key, special, number_start = _NO_KEY, _NULLS_AND_BOOLS, _NUMBER_START
    control, control_or_break, multiline = _CONTROL.search, _CONTROL_OR_BREAK.search, MULTILINE_KEYS
    root: dict[str, Any] = {}
    stack: list[tuple[Any, bool]] = []
    container: Any = root
    in_mapping = True
    key: Any = no_key
    while True:
        event = next_event()
        kind = type(event)
        if kind is scalar:
            if event.anchor is not None or event.tag is not None:
                return None
            text = event.value
            if in_mapping and key is no_key:
                if text in container or control_or_break(text):
                    return None
                key = text
                continue
            value = text
            if event.implicit[0] and (text[:1] in number_start or text in special):
                value = resolve_plain(text)
            if type(value) is str and (control if key in multiline else control_or_break)(value):
                return None
        elif kind is mapping or kind is sequence:
            if event.anchor is not None or event.tag is not None or len(stack) + 1 >= MAX_DEPTH:
                return None
            if in_mapping and key is no_key:
                return None  # a list or mapping as a key
            value = {} if kind is mapping else []
        elif kind in ends:
            if not stack:
                return root if _ends_cleanly(next_event) else None
            container, in_mapping = stack.pop()
            continue
        else:
            return None  # an alias, or anything unforeseen
        if in_mapping:
            container[key] = value
            key = no_key
        else:
            container.append(value)
        if kind is not scalar:
            stack.append((container, in_mapping))
            container, in_mapping = value, kind is mapping


def _ends_cleanly(next_event: Any) -> bool:
    """After the top-level mapping: the end of the one document and of the stream."""
    return type(next_event()) is yaml.DocumentEndEvent and type(next_event()) is yaml.StreamEndEvent
