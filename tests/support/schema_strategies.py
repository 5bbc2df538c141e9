"""Hypothesis strategies for the documents a JSON Schema accepts, derived at test time from
the shipped schemas.

What hypothesis-jsonschema 0.23.1 makes of `schemas/program.schema.json` (measured):

* `from_schema` on the whole schema fails at once: a progression `step` holds `rotate`,
  whose `steps` are `step`s again, and recursive references are not supported.
* With annotations stripped and that recursion unrolled it works, but at 5 to 25 seconds an
  example (8 s with every list capped at 3 items): each draw of an object canonicalises and
  merges its nested subschemas again, and a phase is some 20 kB of schema once inlined.
* It calls a Hypothesis internal (`many.more()`) that Hypothesis 6.170.10 removed, so the
  two are pinned together in pyproject.toml.
* Each definition on its own it handles well and fast: patterns with look-aheads,
  `format: date`, `not`, exclusive bounds, `multipleOf`, and the if/then tables of
  `equipment` and `technique`.

So `SchemaStrategies` walks the containers itself (objects, arrays, `if` on a type,
`allOf` with one branch, `anyOf` of `required`) and hands every other subschema, with
annotations stripped and references inlined, to `from_schema`. A keyword it does not know
sends the whole subschema to `from_schema`, so a schema change can make generation slower
but never wrong; and the tests check every generated document against the schema itself.

Hints are strategies for particular places (a definition's name, or a path such as
`phase/weeks`), mixed in with the schema's own strategy so that generated documents get past
the semantic checks more often (an exercise id the catalogue knows, a date near today).
A hinted value is filtered through its own subschema, so a hint can never make a document
invalid; a hint whose place the schema no longer has is an error, so hints follow the schema.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from jsonschema import Draft7Validator

Strategy = st.SearchStrategy[Any]
DataPath = tuple[str | int, ...]

# Keywords that only describe (or carry an editor's message) and never validate.
ANNOTATIONS = frozenset(
    {
        "$schema",
        "$comment",
        "$id",
        "title",
        "description",
        "examples",
        "default",
        "readOnly",
        "writeOnly",
        "patternErrorMessage",
    }
)
_SUBSCHEMA = frozenset({"items", "additionalItems", "additionalProperties", "propertyNames"})
_SUBSCHEMA |= frozenset({"contains", "not", "if", "then", "else"})
_SUBSCHEMA_MAPS = frozenset({"properties", "patternProperties"})
_SUBSCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf"})
_DATA = frozenset({"enum", "const"})

_OBJECT = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "propertyNames",
        "minProperties",
        "maxProperties",
        "dependencies",
    }
)
_ARRAY = frozenset({"type", "items", "minItems", "maxItems", "uniqueItems"})
_BY_TYPE = {
    "string": frozenset({"minLength", "maxLength", "pattern", "format"}),
    "number": frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}),
    "integer": frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}),
    "boolean": frozenset(),
    "null": frozenset(),
    "array": _ARRAY - {"type"},
    "object": _OBJECT - {"type"},
}
_BY_TYPE["number"] |= {"multipleOf"}
_BY_TYPE["integer"] |= {"multipleOf"}
_ANY_TYPE = frozenset({"enum", "const", "not"})
# A free text: a string held to its length at most.
_FREE = frozenset({"type", "minLength", "maxLength"})

# A few JSON values, where a schema allows anything.
JSON_SCALARS: Strategy = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
)


def definition_name(ref: str) -> str:
    """The definition a local reference names (only `#/definitions/NAME` is used)."""
    prefix = "#/definitions/"
    if not ref.startswith(prefix):
        raise NotImplementedError(f"only local references to definitions are handled: {ref}")
    return ref.removeprefix(prefix)


def inline(
    node: Any, definitions: Mapping[str, Any], recursion: int, stack: tuple[str, ...] = ()
) -> Any:
    """The subschema without annotations and with every reference replaced by its
    definition; a definition met inside itself `recursion` times becomes `false`."""
    if isinstance(node, bool):
        return node
    if "$ref" in node:
        name = definition_name(node["$ref"])
        if stack.count(name) >= recursion:
            return False
        return inline(definitions[name], definitions, recursion, (*stack, name))
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ANNOTATIONS or key == "definitions":
            continue
        if key in _DATA:
            out[key] = value
        elif key in _SUBSCHEMA_MAPS:
            out[key] = {n: inline(s, definitions, recursion, stack) for n, s in value.items()}
        elif key in _SUBSCHEMA_LISTS or (key == "items" and isinstance(value, list)):
            out[key] = [inline(s, definitions, recursion, stack) for s in value]
        elif key in _SUBSCHEMA:
            out[key] = inline(value, definitions, recursion, stack)
        else:
            out[key] = value
    return out


def validator(schema: Any) -> Draft7Validator:
    """A validator that checks formats too, as liftplan's own schema check does."""
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


@cache
def _from_schema(canonical: str) -> Strategy:
    return from_schema(json.loads(canonical))


def json_key(value: Any) -> str:
    """A key under which values JSON Schema calls equal are equal (1 and 1.0, not True)."""

    def norm(item: Any) -> Any:
        if isinstance(item, bool) or item is None or isinstance(item, str):
            return item
        if isinstance(item, int | float):
            return float(item) if math.isfinite(item) and abs(item) < 2**53 else item
        if isinstance(item, list):
            return [norm(x) for x in item]
        return {k: norm(v) for k, v in item.items()}

    return json.dumps(norm(value), sort_keys=True)


def _is_type(value: Any, kind: str) -> bool:
    return bool(Draft7Validator.TYPE_CHECKER.is_type(value, kind))


class SchemaStrategies:
    """Strategies for the documents a JSON Schema (draft-07, local references) accepts.

    `max_size` caps how many list items or extra mapping entries are drawn beyond a
    minimum, and `max_optional` how many optional properties one object gets, which keeps
    documents small enough to run through the whole pipeline many times a second.
    `excluded` names Unicode categories no string may hold (say "Cc", the controls): the
    schema allows them, a reader may not, and the documents are meant for the reader.
    """

    def __init__(
        self,
        schema: Mapping[str, Any],
        hints: Mapping[str, Strategy] | None = None,
        *,
        require: Mapping[str, Sequence[str]] | None = None,
        recursion: int = 2,
        max_size: int = 3,
        max_optional: int = 5,
        excluded: tuple[str, ...] = (),
    ) -> None:
        self.schema = schema
        self.definitions: Mapping[str, Any] = schema.get("definitions", {})
        self.hints = dict(hints or {})
        self.require = {place: tuple(names) for place, names in (require or {}).items()}
        self.recursion = recursion
        self.max_size = max_size
        self.max_optional = max_optional
        self.excluded = frozenset(excluded)
        self.places: set[str] = set()
        self._compiled: dict[tuple[int, str, tuple[str, ...]], Strategy | None] = {}
        self.delegated: set[str] = set()

    def document(self) -> Strategy:
        """Every document the schema accepts (within the size caps)."""
        strategy = self._compile(self.schema, "#", ())
        unknown = (set(self.hints) | set(self.require)) - self.places
        if unknown:
            raise LookupError(f"hints for places the schema does not have: {sorted(unknown)}")
        if strategy is None:
            raise ValueError("the schema accepts no document")
        return strategy

    def at(self, document: Any, path: Sequence[str | int]) -> Strategy | None:
        """Values the schema allows at `path` of `document`, given what the document holds
        around it (which branch of an `if` or `allOf` table applies); None if the walk
        cannot tell."""
        found = self._place(self.schema, "#", (), document, path)
        if found is None:
            return None
        node, where, stack = found
        key = (id(node), where, stack)
        if key not in self._compiled:
            self._compiled[key] = self._compile(node, where, stack)
        return self._compiled[key]

    def _place(
        self, node: Any, where: str, stack: tuple[str, ...], value: Any, path: Sequence[str | int]
    ) -> tuple[Any, str, tuple[str, ...]] | None:
        while True:
            if not isinstance(node, dict):
                return None
            if "$ref" in node:
                name = definition_name(node["$ref"])
                node, where, stack = self.definitions[name], name, (*stack, name)
            elif not path:
                return node, where, stack  # the whole value is replaced: every branch applies
            elif "if" in node:
                test = validator(inline(node["if"], self.definitions, self.recursion, stack))
                node = node.get("then" if test.is_valid(value) else "else", True)
            elif "allOf" in node:
                node = self._applying(node, value, stack)
            else:
                break
        part, rest = path[0], path[1:]
        if isinstance(part, str) and part in node.get("properties", {}):
            child, place = node["properties"][part], f"{where}/{part}"
        elif isinstance(part, str) and isinstance(node.get("additionalProperties"), dict):
            child, place = node["additionalProperties"], f"{where}/additionalProperties"
        elif isinstance(part, int) and isinstance(node.get("items"), dict):
            child, place = node["items"], f"{where}/items"
        else:
            return None
        return self._place(child, place, stack, value[part], rest)

    def _applying(self, node: Mapping[str, Any], value: Any, stack: tuple[str, ...]) -> Any:
        """An `allOf`'s branches that apply to `value`, merged into the rest of the node."""
        merged = {k: v for k, v in node.items() if k != "allOf" and k not in ANNOTATIONS}
        if not merged and len(node["allOf"]) == 1:
            return node["allOf"][0]
        for branch in node["allOf"]:
            part = branch
            if isinstance(part, dict) and set(part) <= {"if", "then"} and "if" in part:
                test = inline(part["if"], self.definitions, self.recursion, stack)
                if not validator(test).is_valid(value):
                    continue
                part = part["then"]
            if isinstance(part, dict) and "$ref" in part:
                part = self.definitions[definition_name(part["$ref"])]
            if not isinstance(part, dict):
                continue
            for key, sub in part.items():
                if key == "properties":
                    merged["properties"] = {**merged.get("properties", {}), **sub}
                elif key == "required":
                    merged["required"] = sorted({*merged.get("required", []), *sub})
                else:
                    merged[key] = sub
        return merged

    # -- the walk ------------------------------------------------------------------------------

    def _compile(self, node: Any, where: str, stack: tuple[str, ...]) -> Strategy | None:
        """A strategy for `node`, or None when nothing can satisfy it."""
        if node is False:
            return None
        if node is True:
            return JSON_SCALARS
        if "$ref" in node:
            name = definition_name(node["$ref"])
            if stack.count(name) >= self.recursion:
                return None
            return self._compile(self.definitions[name], name, (*stack, name))
        bare = {k: v for k, v in node.items() if k not in ANNOTATIONS and k != "definitions"}
        strategy = self._structure(bare, where, stack)
        self.places.add(where)
        hint = self.hints.get(where)
        if hint is None:
            return strategy
        valid = validator(inline(bare, self.definitions, self.recursion, stack)).is_valid
        hinted = hint.filter(valid)
        return hinted if strategy is None else st.one_of(hinted, strategy)

    def _structure(self, node: dict[str, Any], where: str, stack: tuple[str, ...]) -> Any:
        keys = set(node)
        if "if" in keys:
            return self._conditional(node, where, stack)
        if "allOf" in keys:
            return self._all_of(node, where, stack)
        if "anyOf" in keys:
            return self._any_of(node, where, stack)
        types = self._types(node)
        structured = [t for t in types if t in ("object", "array")]
        if not structured:
            return self._delegate(node, where, stack)
        if len(types) > 1:
            parts = [self._structure(self._only(node, t), where, stack) for t in types]
            return self._union(parts)
        kind = types[0]
        if kind == "object" and keys <= _OBJECT:
            return self._object(node, where, stack)
        if kind == "array" and keys <= _ARRAY and not isinstance(node.get("items"), list):
            return self._array(node, where, stack)
        return self._delegate(node, where, stack)

    @staticmethod
    def _types(node: Mapping[str, Any]) -> list[str]:
        given = node.get("type")
        if isinstance(given, str):
            return [given]
        if isinstance(given, list):
            return list(given)
        if set(node) & (_OBJECT - {"type"}):
            return ["object"]
        if set(node) & (_ARRAY - {"type"}):
            return ["array"]
        return ["any"]

    @staticmethod
    def _only(node: Mapping[str, Any], kind: str) -> dict[str, Any]:
        """The part of a many-typed subschema that applies to one type."""
        kept = {k: v for k, v in node.items() if k in _BY_TYPE[kind] or k in _ANY_TYPE}
        return {**kept, "type": kind}

    @staticmethod
    def _union(parts: list[Strategy | None]) -> Strategy | None:
        present = [part for part in parts if part is not None]
        return st.one_of(present) if present else None

    def _delegate(self, node: Mapping[str, Any], where: str, stack: tuple[str, ...]) -> Strategy:
        """hypothesis-jsonschema's strategy for a subschema the walk does not take apart."""
        if set(node) & (_OBJECT | _ARRAY) - {"type"}:
            self.delegated.add(where)
        if self.excluded and node.get("type") == "string" and set(node) <= _FREE:
            alphabet = st.characters(exclude_categories=("Cs", *sorted(self.excluded)))
            minimum, maximum = node.get("minLength", 0), node.get("maxLength")
            return st.text(alphabet, min_size=minimum, max_size=maximum)
        schema = inline(dict(node), self.definitions, self.recursion, stack)
        drawn = _from_schema(json.dumps(schema, sort_keys=True))
        return drawn.filter(self._allowed) if self.excluded else drawn

    def _allowed(self, value: Any) -> bool:
        """Whether a drawn value holds no string with an excluded character (a pattern
        such as `\\s*` allows the controls Python's `\\s` takes: \\x1c to \\x1f, \\x85)."""
        if isinstance(value, dict):
            return all(map(self._allowed, [*value, *value.values()]))
        if isinstance(value, list):
            return all(map(self._allowed, value))
        if not isinstance(value, str):
            return True
        return not any(unicodedata.category(char) in self.excluded for char in value)

    def _conditional(self, node: dict[str, Any], where: str, stack: tuple[str, ...]) -> Any:
        """`if: {type: T}` with `then` and `else`: a T from `then`, or a non-T from `else`."""
        test = inline(node["if"], self.definitions, self.recursion, stack)
        rest = {k: v for k, v in node.items() if k not in ("if", "then", "else")}
        if rest or set(test) != {"type"} or not isinstance(test["type"], str):
            return self._delegate(node, where, stack)
        kind: str = test["type"]
        then = node.get("then", True)
        if isinstance(then, dict) and "$ref" not in then and "type" not in then:
            then = {**then, "type": kind}
        yes = self._compile(then, where, stack)
        no = self._compile(node.get("else", True), where, stack)
        return self._union(
            [
                yes.filter(lambda v: _is_type(v, kind)) if yes is not None else None,
                no.filter(lambda v: not _is_type(v, kind)) if no is not None else None,
            ]
        )

    def _all_of(self, node: dict[str, Any], where: str, stack: tuple[str, ...]) -> Any:
        """`allOf: [one]` alone is that one; conditions that only require keys of an object
        filter the object built without them; a table of `if: {KEY: VALUE} then: ...` is
        one object per row; anything else is delegated."""
        branches = node["allOf"]
        rest = {k: v for k, v in node.items() if k != "allOf"}
        if len(branches) == 1 and not rest:
            return self._compile(branches[0], where, stack)
        whole = validator(inline(node, self.definitions, self.recursion, stack)).is_valid
        if rest and self._types(rest) == ["object"] and all(map(_only_requires, branches)):
            base = self._structure(rest, where, stack)
            return None if base is None else base.filter(whole)
        rows = self._rows(rest, branches, stack)
        if rows is None:
            return self._delegate(node, where, stack)
        built = [self._structure(row, where, stack) for row in rows]
        return None if self._union(built) is None else self._union(built).filter(whole)

    def _rows(
        self, rest: dict[str, Any], branches: list[Any], stack: tuple[str, ...]
    ) -> list[dict[str, Any]] | None:
        """An object schema whose `allOf` is `if: {properties: {KEY: const or enum},
        required: [KEY]}, then: {...}` rows (a discriminated union), as one object schema
        per row, KEY narrowed to the row's values and each row's keys added to the rest;
        None if it is not such a table."""
        keys: set[str] = set()
        rows = []
        for branch in branches:
            test = inline(branch.get("if", {}), self.definitions, self.recursion, stack)
            then = branch.get("then")
            if set(branch) != {"if", "then"} or not isinstance(then, dict) or "$ref" in then:
                return None
            props = test.get("properties", {})
            if set(test) != {"properties", "required"} or len(props) != 1:
                return None
            ((key, allowed),) = props.items()
            if test["required"] != [key] or not set(allowed) <= {"const", "enum"}:
                return None
            keys.add(key)
            values = allowed["enum"] if "enum" in allowed else [allowed["const"]]
            clash = (set(rest) & set(then)) - {"type", "required", "properties"}
            if clash or len(keys) > 1:
                return None
            row = {**rest, **then, "type": "object"}
            row["required"] = sorted({*rest.get("required", []), *then.get("required", [])})
            row["properties"] = {
                **rest.get("properties", {}),
                **then.get("properties", {}),
                key: {"enum": values},
            }
            rows.append(row)
        return rows

    def _any_of(self, node: dict[str, Any], where: str, stack: tuple[str, ...]) -> Any:
        """`anyOf` of `required` lists is one object per list; `anyOf` alone is a union."""
        branches = node["anyOf"]
        rest = {k: v for k, v in node.items() if k != "anyOf"}
        if not rest:
            return self._union([self._compile(b, where, stack) for b in branches])
        if all(isinstance(b, dict) and set(b) - ANNOTATIONS == {"required"} for b in branches):
            required = rest.get("required", [])
            return self._union(
                [
                    self._structure({**rest, "required": [*required, *b["required"]]}, where, stack)
                    for b in branches
                ]
            )
        return self._delegate(node, where, stack)

    def _array(self, node: Mapping[str, Any], where: str, stack: tuple[str, ...]) -> Any:
        least = node.get("minItems", 0)
        most = min(node.get("maxItems", least + self.max_size), least + self.max_size)
        if least > most:
            return None
        item = self._compile(node.get("items", True), f"{where}/items", stack)
        if item is None:
            return st.just([]) if least == 0 else None
        unique = json_key if node.get("uniqueItems") else None
        return st.lists(item, min_size=least, max_size=most, unique_by=unique)

    def _object(self, node: Mapping[str, Any], where: str, stack: tuple[str, ...]) -> Any:
        declared = node.get("properties", {})
        values = {n: self._compile(s, f"{where}/{n}", stack) for n, s in declared.items()}
        required: list[str] = list(node.get("required", []))
        required += [n for n in self.require.get(where, ()) if n in declared and n not in required]
        if any(name not in declared for name in required):
            return self._delegate(node, where, stack)
        if any(values[name] is None for name in required):
            return None
        optional = [n for n in declared if n not in required and values[n] is not None]
        least = node.get("minProperties", 0)
        most = node.get("maxProperties", math.inf)
        extra = node.get("additionalProperties", True)
        names: Strategy | None = None
        extra_values: Strategy | None = None
        if isinstance(extra, dict):
            extra_values = self._compile(extra, f"{where}/additionalProperties", stack)
            names = self._compile(
                node.get("propertyNames", {"type": "string"}), f"{where}/propertyNames", stack
            )
        open_ended = names is not None and extra_values is not None
        if len(required) > most or least > len(required) + len(optional) + (
            math.inf if open_ended else 0
        ):
            return None
        max_optional = self.max_optional
        max_size = self.max_size

        @st.composite
        def build(draw: st.DrawFn) -> dict[str, Any]:
            out = {name: draw(values[name]) for name in required}
            if optional:
                need = max(0, least - len(out))
                room = min(most - len(out), len(optional), max(max_optional, need))
                chosen = draw(
                    st.lists(
                        st.sampled_from(optional),
                        unique=True,
                        min_size=min(need, len(optional)),
                        max_size=room,
                    )
                )
                for name in chosen:
                    out[name] = draw(values[name])
            if open_ended:
                assert names is not None
                assert extra_values is not None
                need = max(0, least - len(out))
                room = min(most - len(out), need + max_size)
                fresh = names.filter(lambda key: key not in out and key not in declared)
                out.update(draw(st.dictionaries(fresh, extra_values, min_size=need, max_size=room)))
            # `dependencies` (names only): a name present brings the names it depends on.
            for name, needs in node.get("dependencies", {}).items():
                if name in out:
                    for other in needs:
                        if other not in out and values.get(other) is not None:
                            out[other] = draw(values[other])
            return out

        return build()


def _only_requires(branch: Any) -> bool:
    """Whether an `allOf` branch can only require keys (`required`, or if/then `required`)."""
    if not isinstance(branch, dict):
        return False
    if set(branch) == {"required"}:
        return True
    then = branch.get("then")
    return set(branch) <= {"if", "then"} and isinstance(then, dict) and set(then) == {"required"}
