"""The schema files as published: the editor's schemas, with the catalogue's exercise ids
offered as completions, and beside them in `schemas/strict/` a copy of each for tools.

The schemas in `schemas/` are the ones a spec's modeline points at and the ones liftplan
checks with. They carry keywords that only editors read (yaml-language-server's
`patternErrorMessage`, the message shown when a pattern fails, and `defaultSnippets`,
its completions); liftplan's own messages read `patternErrorMessage` too. Those keywords
are not JSON Schema, and a validator in strict mode refuses them: ajv 8 with its default
options stops at `unknown keyword: "patternErrorMessage"`. Its full strict mode also
refuses union types (`"type": ["number", "string"]`) and a `required` name that the same
schema object does not define.

So each schema is published twice. `schemas/strict/NAME.schema.json` is the same schema
without the editor's keywords and in the shapes strict mode takes: a union of types
becomes an `anyOf` of one type each, and a required name gets a `true` schema beside it.
Both forms accept and refuse exactly the same documents. The strict files and the
catalogue's snippets are generated, never edited by hand:

    python -m generator.spec.schema_files

and a test fails when a shipped file differs from what this module writes.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from generator.spec.catalogue import CATALOGUE

SCHEMAS = ("program", "log", "site", "plan")
STRICT_FOLDER = "strict"

# Keywords yaml-language-server (and VS Code's JSON support) read; no validator does.
EDITOR_KEYWORDS = frozenset(
    {
        "patternErrorMessage",
        "errorMessage",
        "markdownDescription",
        "enumDescriptions",
        "markdownEnumDescriptions",
        "deprecationMessage",
        "doNotSuggest",
        "defaultSnippets",
        "suggestSortText",
    }
)
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "default", "examples"}
    | {"readOnly", "writeOnly"}
)
# Draft 7's keywords by the type of value they constrain (integer shares number's).
_BY_TYPE: dict[str, frozenset[str]] = {
    "number": frozenset(
        {"multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum"}
    ),
    "string": frozenset(
        {"maxLength", "minLength", "pattern", "format", "contentMediaType", "contentEncoding"}
    ),
    "array": frozenset(
        {"items", "additionalItems", "maxItems", "minItems", "uniqueItems", "contains"}
    ),
    "object": frozenset(
        {"maxProperties", "minProperties", "required", "properties", "patternProperties"}
        | {"additionalProperties", "dependencies", "propertyNames"}
    ),
}
_ANY_TYPE = frozenset({"$ref", "definitions", "type", "enum", "const"})
_ANY_TYPE |= frozenset({"allOf", "anyOf", "oneOf", "not", "if", "then", "else"})
DRAFT_07 = _ANNOTATIONS | _ANY_TYPE | frozenset().union(*_BY_TYPE.values())

# Where a keyword's value holds subschemas: one, a list of them, or a map of names to them.
_ONE = frozenset({"additionalItems", "additionalProperties", "contains", "propertyNames"})
_ONE |= frozenset({"not", "if", "then", "else"})
_LIST = frozenset({"allOf", "anyOf", "oneOf"})
_MAP = frozenset({"properties", "patternProperties", "definitions"})

GENERATED = (
    "Generated from ../{name}.schema.json by `python -m generator.spec.schema_files`; do not "
    "edit. The same rules without the editor's keywords (patternErrorMessage, "
    "defaultSnippets), in the shapes a validator's strict mode takes (ajv 8: new "
    "Ajv({{strict: true}}) with ajv-formats). Editors should use ../{name}.schema.json, "
    "which has the messages and completions."
)


class SchemaShapeError(ValueError):
    """A schema uses a keyword or a shape the strict copy cannot be written for."""


# --- the editor's schema: the catalogue's ids as completions ---------------------------------


def catalogue_snippets() -> list[dict[str, str]]:
    """One completion per catalogue exercise, by id, with its name and equipment beside it.

    A snippet rather than an `enum` or `examples`: a spec may name exercises of its own,
    which an enum would refuse, and examples would fill every hover with 54 ids.
    """
    return [
        {"label": key, "description": f"{entry.name} ({entry.equipment})", "body": key}
        for key, entry in sorted(CATALOGUE.items())
    ]


def with_catalogue(program: dict[str, Any]) -> dict[str, Any]:
    """The program schema with the exercise id's completions taken from the catalogue."""
    updated = copy.deepcopy(program)
    updated["definitions"]["exercise_id"]["defaultSnippets"] = catalogue_snippets()
    return updated


# --- the strict copy ---------------------------------------------------------------------------


def strict(schema: dict[str, Any], name: str) -> dict[str, Any]:
    """The schema as strict validators take it; it validates exactly as `schema` does."""
    converted: dict[str, Any] = _strict(schema, "#")
    head: dict[str, Any] = {
        key: converted.pop(key) for key in ("$schema", "$id") if key in converted
    }
    return {**head, "$comment": GENERATED.format(name=name), **converted}


def _strict(node: Any, pointer: str) -> Any:
    if isinstance(node, bool):
        return node
    if not isinstance(node, dict):
        raise SchemaShapeError(f"{pointer}: a schema must be an object or a boolean")
    unknown = sorted(set(node) - DRAFT_07 - EDITOR_KEYWORDS)
    if unknown:
        raise SchemaShapeError(f"{pointer}: {', '.join(unknown)} is not a draft-07 keyword")
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in EDITOR_KEYWORDS:
            continue
        out[key] = _subschemas(key, value, f"{pointer}/{key}")
    _define_required(out, pointer)
    return _split_union(out, pointer)


def _subschemas(key: str, value: Any, pointer: str) -> Any:
    """A keyword's value with the subschemas in it made strict (data is left as it is)."""
    if key in _ONE or (key == "items" and not isinstance(value, list)):
        return _strict(value, pointer)
    if key in _LIST or key == "items":
        return [_strict(item, f"{pointer}/{index}") for index, item in enumerate(value)]
    if key in _MAP:
        return {name: _strict(item, f"{pointer}/{name}") for name, item in value.items()}
    if key == "dependencies":
        return {
            name: item if isinstance(item, list) else _strict(item, f"{pointer}/{name}")
            for name, item in value.items()
        }
    return value


def _define_required(node: dict[str, Any], pointer: str) -> None:
    """Give each required name a `true` schema in the same object, as strict mode asks
    (`true` adds no rule: the name's real schema stays where it is)."""
    defined = node.get("properties", {})
    missing = [key for key in node.get("required", []) if key not in defined]
    if not missing:
        return
    if "additionalProperties" in node or "patternProperties" in node:
        # Defining a name here would change which keys the object allows.
        raise SchemaShapeError(f"{pointer}: requires {missing} without defining them")
    node["properties"] = {**defined, **dict.fromkeys(missing, True)}


def _split_union(node: dict[str, Any], pointer: str) -> dict[str, Any]:
    """`"type": [A, B]` with the keywords of each as `anyOf` of `{"type": A, ...}` and
    `{"type": B, ...}`. A type with null stays: strict mode takes it."""
    types = node.get("type")
    if not isinstance(types, list) or len([kind for kind in types if kind != "null"]) < 2:
        return node
    kept: dict[str, Any] = {}
    branches: list[dict[str, Any]] = [{"type": kind} for kind in types]
    for key, value in node.items():
        if key == "type":
            continue
        if key in _ANNOTATIONS or key == "definitions":
            kept[key] = value
            continue
        fits = [b for b in branches if _applies(key, value, b["type"])]
        if not fits:
            raise SchemaShapeError(f"{pointer}: cannot place {key} in a branch of {types}")
        for branch in fits:
            branch[key] = value
    return {**kept, "anyOf": branches}


def _applies(key: str, value: Any, kind: str) -> bool:
    """Whether a keyword constrains values of `kind` (and so belongs in its branch)."""
    family = "number" if kind == "integer" else kind
    if key in _BY_TYPE.get(family, frozenset()):
        return True
    if key in _LIST and all(_object_only(branch) for branch in value):
        return kind == "object"  # only keys are required: every other type passes
    # Any other keyword applies to every type alike: in each branch it means what it did.
    return key in _ANY_TYPE and key not in _LIST


def _object_only(branch: Any) -> bool:
    return isinstance(branch, dict) and set(branch) - _ANNOTATIONS <= _BY_TYPE["object"]


# --- the files -----------------------------------------------------------------------------


def render(schema: dict[str, Any]) -> str:
    """A schema as its file holds it (the layout tests/spec/test_schema.py asks for)."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def published(read: Callable[[str], str]) -> dict[str, str]:
    """Every generated file's path under `schemas/` and text, from the source schemas that
    `read(name)` returns; pure, so a test can compare it with the files shipped."""
    files: dict[str, str] = {}
    for name in SCHEMAS:
        source = json.loads(read(name))
        if name == "program":
            source = with_catalogue(source)
            files[f"{name}.schema.json"] = render(source)
        files[f"{STRICT_FOLDER}/{name}.schema.json"] = render(strict(source, name))
    return files


def write(folder: Path, files: Iterable[tuple[str, str]]) -> list[str]:
    """Write each file that differs from what is there; the names of those written."""
    written = []
    for relative, text in files:
        path = folder / relative
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(relative)
    return written


def main() -> int:
    """Regenerate the files in the checkout's `schemas/` (never an installed copy)."""
    root = Path(__file__).resolve().parents[2]
    folder = root / "schemas"
    if not (root / "pyproject.toml").is_file() or not folder.is_dir():
        print("run this in a liftplan checkout: no schemas/ beside pyproject.toml")
        return 2

    def read(name: str) -> str:
        return (folder / f"{name}.schema.json").read_text(encoding="utf-8")

    written = write(folder, sorted(published(read).items()))
    print("\n".join(f"wrote schemas/{name}" for name in written) or "schemas/ is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
