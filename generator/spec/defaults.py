"""Every default liftplan applies, in one place.

Defaults a single key has live in the program schema (`default`), where editors
show them; `schema_default` reads them from there. Defaults that are tables (rep
ranges by goal, the built-in day types) live here, and the schema's descriptions
quote them (a test keeps the two in step).
"""

from __future__ import annotations

import copy
import functools
from types import MappingProxyType
from typing import Any

from generator.resources import schema

GOAL_REPS: MappingProxyType[str, str] = MappingProxyType(
    {
        "hypertrophy": "8-12",
        "strength": "3-6",
        "power": "1-3",
        "endurance": "12-20",
        "general": "6-10",
    }
)

DAY_TYPES: MappingProxyType[str, MappingProxyType[str, Any]] = MappingProxyType(
    {
        "heavy": MappingProxyType({"sets": 5, "reps": "3-5", "load": "85%"}),
        "moderate": MappingProxyType({"sets": 4, "reps": "6-8", "load": "75%"}),
        "light": MappingProxyType({"sets": 3, "reps": "10-12", "load": "65%"}),
    }
)

# A deload every N weeks is due when there has been none for this many weeks.
DELOAD_WARNING_WEEKS = 8
# A planned rise in load of more than this share in a week is questionable.
WEEKLY_LOAD_JUMP = 0.10
# How far past its last week a log may take a shifted plan (the log check refuses later
# entries): missed days may push the plan on, but not without end.
LATEST_WEEKS = 52
# The heaviest load a spec or a log may give (the schemas' maximum), and so the heaviest
# a plan may reach: past it progression has run away, and rounding to plates would need
# tables sized by the load.
HEAVIEST_LOAD = 10_000


def schema_default(*pointer: str) -> Any:
    """The `default` the program schema gives at a path of keys under its root; a list
    or mapping default comes as a fresh copy, so a caller may change it.

    >>> schema_default("definitions", "deload", "properties", "load")
    '90%'
    """
    found = _schema_default(pointer)
    return copy.deepcopy(found) if isinstance(found, list | dict) else found


@functools.cache
def _schema_default(pointer: tuple[str, ...]) -> Any:
    """Found once per path (building a program asks a couple of hundred times). The path
    may pass through lists (by index) and through a `$ref` to a definition with the default.

    >>> schema_default("definitions", "step", "properties", "sets", "properties", "every")
    '2w'
    """
    root: Any = schema("program")
    node: Any = root
    for key in pointer:
        node = node[int(key)] if isinstance(node, list) else node[key]
    while "default" not in node and ("$ref" in node or "allOf" in node):
        reference = node["$ref"] if "$ref" in node else node["allOf"][0].get("$ref", "")
        if not reference:
            break
        node = root
        for key in reference.removeprefix("#/").split("/"):
            node = node[key]
    if "default" not in node:
        raise KeyError("/".join(pointer) + " has no default in the program schema")
    return node["default"]
