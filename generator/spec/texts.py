"""Which characters a text in a spec, a log or a site config may hold.

A raw control byte in a file is refused by the YAML reader, but a double-quoted string
can still carry one as an escape ("\\e", "\\x1b", "\\0", "\\x7f", "\\u009b"), and from
there it would reach every page, the calendar (RFC 5545 forbids controls in TEXT), the
JSON and the CSV: an ESC or an 8-bit CSI drives a terminal that shows them, a NUL cuts
a C string short. So every string and every key the loader reads is checked here,
whatever document it is in: C0 controls, DEL and the C1 controls are refused.

Tab and line feed are the exceptions, and only in the texts meant to span lines: a
spec's `description` and `notes`, a log's `note`. Everywhere else (a title, a name, a
key) a line break is a slip, often a stray `|` or `>`, and it would break the one line
the text is shown on (a calendar's summary, a table cell).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.errors import Diagnostic

# The keys whose text may span lines: the schemas' long free texts (4,000 characters in a
# spec, 1,000 and 500 in a log), and only those.
MULTILINE_KEYS = frozenset(("description", "notes", "note"))

# C0 controls but tab and line feed, DEL, and the C1 controls (U+0085 is NEL, U+009B CSI).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f]")

_NAMES = {"\t": "a tab", "\n": "a line break"}
_PREFIX = "control character U+"


def text_problem(text: str, *, multiline: bool) -> str | None:
    """Why `text` may not stand as a value, or None if it may.

    >>> text_problem("Squat\\x1b[2J day", multiline=False)
    'control character U+001B is not allowed in a text'
    >>> text_problem("Form first.\\n\\tThen load.", multiline=True) is None
    True
    >>> print(text_problem("Week 1\\nWeek 2", multiline=False)[:54])
    control character U+000A (a line break) is not allowed
    """
    found = (_CONTROL if multiline else _CONTROL_OR_BREAK).search(text)
    if found is None:
        return None
    char = found.group()
    if char in _NAMES:
        return (
            f"{_PREFIX}{ord(char):04X} ({_NAMES[char]}) is not allowed in this text: "
            "only a description, notes or a log's note may span lines"
        )
    return f"{_PREFIX}{ord(char):04X} is not allowed in a text"


def key_problem(key: str) -> str | None:
    """Why `key` may not stand as a mapping key (no key may hold a control, tab or break).

    >>> key_problem("ti\\x00tle")
    'control character U+0000 is not allowed in a key'
    >>> key_problem("hip_thrust") is None
    True
    """
    found = _CONTROL_OR_BREAK.search(key)
    if found is None:
        return None
    return f"{_PREFIX}{ord(found.group()):04X} is not allowed in a key"


def only_control_characters(diagnostics: Iterable[Diagnostic]) -> bool:
    """Whether every one of a loader's errors is a control character refused in a text or
    key: an entry `liftplan log` was given holds one, rather than the log being the wrong
    shape to add to (its errors then say which text, where)."""
    messages = [diagnostic.message for diagnostic in diagnostics]
    return bool(messages) and all(message.startswith(_PREFIX) for message in messages)
