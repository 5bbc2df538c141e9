"""Where liftplan's own schemas and templates live, installed or not.

An installed wheel carries them inside the package (`generator/_data/`); a source
checkout keeps them at the top level beside `generator/`, where people edit them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder `name` (schemas or templates) of this installation."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent / name
    if checkout.is_dir() and (_PACKAGE.parent / "pyproject.toml").is_file():
        return checkout
    raise FileNotFoundError(f"liftplan is incomplete: its {name} folder is missing")


@cache
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped with liftplan, parsed once per process."""
    with open(data_dir("schemas") / f"{name}.schema.json", encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


def schema_text(name: str) -> str:
    """A shipped schema exactly as published, for `liftplan schema`."""
    return (data_dir("schemas") / f"{name}.schema.json").read_text(encoding="utf-8")


CSV_TABLE = "plan-csv.table.json"


@cache
def csv_table() -> dict[str, Any]:
    """plan.csv's columns and their types, as a Frictionless Table Schema: the one place
    they are written down, for people and for the code that writes the file."""
    with open(data_dir("schemas") / CSV_TABLE, encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded
