"""plan.csv against its Table Schema (schemas/plan-csv.table.json): every column one type in
every row of every example, logged or not, rows ended with CRLF as RFC 4180 says, and the
schema itself printed by `liftplan schema --csv`.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from generator.build.build import build
from generator.build.config import Settings
from generator.resources import CSV_TABLE, data_dir
from tests.support.paths import LIFTPLAN, PROGRAMS

TABLE = json.loads((data_dir("schemas") / CSV_TABLE).read_text(encoding="utf-8"))
FIELDS = {field["name"]: field for field in TABLE["fields"]}

# How a Table Schema type is read: the value, or ValueError for a cell not of the type.
INTEGER = re.compile(r"-?(0|[1-9][0-9]*)")
NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")


def _integer(cell: str) -> int:
    if not INTEGER.fullmatch(cell):
        raise ValueError(cell)
    return int(cell)


def _number(cell: str) -> float:
    if not NUMBER.fullmatch(cell):
        raise ValueError(cell)
    return float(cell)


READERS: dict[str, Callable[[str], Any]] = {
    "integer": _integer,
    "number": _number,
    "date": datetime.date.fromisoformat,
    "string": str,
}

LOG = """program: hip-thrust-12wk
sessions:
  - date: '2027-01-04'
    done:
      hip_thrust: 12@90 12@90 12@90@9
      barbell_glute_bridge: 10@60 10@60@8
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """plan.csv of every example and library program, and of one with a training log."""
    folder = tmp_path_factory.mktemp("csv")
    specs = sorted([*PROGRAMS.glob("*.yaml"), *(PROGRAMS / "library").glob("*.yaml")])
    for spec in specs:
        shutil.copy(spec, folder / spec.name)
    (folder / "hip-thrust-12wk.log.yaml").write_text(LOG, encoding="utf-8")
    build(Settings([str(folder)], folder / "out", ["csv"]))
    found = {path.parent.name: path.read_bytes() for path in (folder / "out").glob("*/plan.csv")}
    assert len(found) == len(specs) > 10
    return found


def _check(row: dict[str, str], where: str) -> list[str]:
    """What in a row breaks the schema: a cell not of its column's type, a required one
    empty, a value outside its constraints."""
    problems = []
    for name, cell in row.items():
        field = FIELDS[name]
        constraints = field.get("constraints", {})
        if cell == "":
            if constraints.get("required"):
                problems.append(f"{where}: {name} is empty")
            continue
        try:
            value = READERS[field["type"]](cell)
        except ValueError:
            problems.append(f"{where}: {name} {cell!r} is not {field['type']}")
            continue
        if "enum" in constraints and value not in constraints["enum"]:
            problems.append(f"{where}: {name} {cell!r} not one of {constraints['enum']}")
        if "minimum" in constraints and value < constraints["minimum"]:
            problems.append(f"{where}: {name} {cell!r} below {constraints['minimum']}")
        if "maximum" in constraints and value > constraints["maximum"]:
            problems.append(f"{where}: {name} {cell!r} above {constraints['maximum']}")
    return problems


def test_every_cell_is_of_its_columns_one_type(built: dict[str, bytes]) -> None:
    problems = []
    rows = 0
    for program, data in built.items():
        reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
        assert reader.fieldnames == list(FIELDS), program
        for number, row in enumerate(reader, start=2):
            problems += _check(row, f"{program}/plan.csv:{number}")
            rows += 1
    assert rows > 10_000
    assert not problems, "\n".join(problems[:20])


def test_plates_are_text_in_every_row_and_say_bar_alone_apart_from_no_bar(
    built: dict[str, bytes],
) -> None:
    seen = set()
    for data in built.values():
        for row in csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")):
            if row["plates"] == "":
                continue
            plates = json.loads(row["plates"])
            assert isinstance(plates, list)
            assert all(isinstance(p, int | float) and p > 0 for p in plates)
            assert plates == sorted(plates, reverse=True)
            seen.add(len(plates))
    assert {0, 1, 2} <= seen  # the bar alone, a lone plate (as [20]), and several


def test_percent_says_of_which_max(built: dict[str, bytes]) -> None:
    rows = list(csv.DictReader(io.StringIO(built["five-three-one"].decode("utf-8"), newline="")))
    assert all((row["percent"] == "") == (row["percent_of"] == "") for row in rows)
    assert {row["percent_of"] for row in rows} == {"", "training_max"}


def test_rows_end_in_crlf_and_only_there(built: dict[str, bytes]) -> None:
    for program, data in built.items():
        lines = data.split(b"\r\n")
        assert lines[-1] == b"", program  # the last row ends with CRLF too
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        # No bare LF or CR ends a row: every row break is a CRLF.
        assert len(lines) - 1 == len(rows), program
        assert b"\n" not in data.replace(b"\r\n", b""), program


def test_the_logged_columns_are_typed_too(built: dict[str, bytes]) -> None:
    rows = list(csv.DictReader(io.StringIO(built["hip-thrust-12wk"].decode("utf-8"), newline="")))
    done = [row for row in rows if row["done_reps"]]
    assert [(r["done_reps"], r["done_load"], r["done_rpe"]) for r in done][:3] == [
        ("12", "90", ""),
        ("12", "90", ""),
        ("12", "90", "9"),
    ]


def test_liftplan_schema_csv_prints_the_table_schema() -> None:
    printed = subprocess.run(
        [str(LIFTPLAN), "schema", "--csv"], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(printed) == TABLE
    assert [field["type"] for field in TABLE["fields"]].count("string") >= 10
    assert all(set(field) >= {"name", "type", "title", "description"} for field in TABLE["fields"])


def test_the_readme_documents_every_column() -> None:
    readme = (PROGRAMS.parent / "README.md").read_text(encoding="utf-8")
    assert "schemas/plan-csv.table.json" in readme
    assert "CRLF" in readme
