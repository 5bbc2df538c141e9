"""The liftplan command as people use it: exit codes, output streams, files written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.resources import data_dir
from generator.spec.loader import load_file
from tests.support.commands import run
from tests.support.paths import PROGRAMS

LIBRARY = PROGRAMS / "library"

STARTER_ARGS = ["--start", "2027-01-04"]

BROKEN = """\
id: broken
title: Broken
start: "2027-01-04"
schedule: {days: [mon, thr]}
phases:
  - name: A
    weeks: 4
    sessions:
      A: [{exercise: hip_thrust, reps: 10, sets: 0}]
"""


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    result = CliRunner().invoke(main, ["new", "my-plan", "-d", str(tmp_path), *STARTER_ARGS])
    assert result.exit_code == 0, result.output
    return tmp_path / "my-plan.yaml"


def test_new_writes_a_valid_commented_spec_with_the_modeline(starter: Path) -> None:
    text = starter.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema_path = (starter.parent / first.split("=", 1)[1]).resolve()
    assert schema_path == (data_dir("schemas") / "program.schema.json").resolve()
    assert load_file(str(starter)).data["start"] == "2027-01-04"
    result = run("validate", "--strict", str(starter))
    assert (result.returncode, result.stderr) == (0, "1 spec checked: 0 errors, 0 warnings\n")


def test_new_never_overwrites(starter: Path) -> None:
    before = starter.read_bytes()
    result = CliRunner().invoke(main, ["new", "my-plan", "-d", str(starter.parent)])
    assert result.exit_code == 2
    assert "already exists; liftplan new never overwrites" in result.output
    assert starter.read_bytes() == before


@pytest.mark.parametrize("name", ["../escape", "Has Caps", "a--b", "x" * 65, ""])
def test_new_refuses_names_that_are_not_ids(tmp_path: Path, name: str) -> None:
    result = CliRunner().invoke(main, ["new", name, "-d", str(tmp_path)])
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_new_defaults_to_a_monday(tmp_path: Path) -> None:
    import datetime

    CliRunner().invoke(main, ["new", "plan", "-d", str(tmp_path)])
    start = load_file(str(tmp_path / "plan.yaml")).data["start"]
    assert datetime.date.fromisoformat(start).weekday() == 0


@pytest.mark.parametrize("source", sorted(path.stem for path in LIBRARY.glob("*.yaml")))
def test_new_from_a_library_program_keeps_its_rules_under_a_new_id_and_date(
    tmp_path: Path, source: str
) -> None:
    result = CliRunner().invoke(
        main, ["new", "mine", "--from", source, "-d", str(tmp_path), "--start", "2027-06-07"]
    )
    assert result.exit_code == 0, result.output
    written = load_file(str(tmp_path / "mine.yaml")).data
    original = load_file(str(LIBRARY / f"{source}.yaml")).data
    assert (written["id"], written["start"]) == ("mine", "2027-06-07")
    assert {k: v for k, v in written.items() if k not in ("id", "start")} == {
        k: v for k, v in original.items() if k not in ("id", "start")
    }
    first = (tmp_path / "mine.yaml").read_text(encoding="utf-8").splitlines()[0]
    schema_path = (tmp_path / first.split("=", 1)[1]).resolve()
    assert schema_path == (data_dir("schemas") / "program.schema.json").resolve()
    assert run("validate", str(tmp_path / "mine.yaml")).returncode == 0


def test_new_from_an_unknown_program_names_the_library(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["new", "mine", "--from", "gzcl", "-d", str(tmp_path)])
    assert result.exit_code == 2
    assert "no program 'gzcl' in the library (it has 531-boring-but-big, " in result.output
    assert list(tmp_path.iterdir()) == []


def test_library_lists_every_program_with_its_title() -> None:
    result = CliRunner().invoke(main, ["library"])
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines() if not line.startswith(" ")]
    assert names == sorted(path.stem for path in LIBRARY.glob("*.yaml"))
    assert "gzclp                   GZCLP, four days a week\n" in result.output


def test_validate_reports_every_error_on_stderr_and_exits_1(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text(BROKEN, encoding="utf-8")
    result = run("validate", str(spec))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{spec}:4:24: schedule.days[1]: 'thr' is not one of mon, tue, wed, thu, fri, sat, sun: "
        "did you mean 'thu'?",
        f"{spec}:9:50: phases[0].sessions.A[0].sets: 0 is below the least allowed, 1",
        "1 spec checked: 2 errors, 0 warnings",
    ]


def test_validate_json_report(tmp_path: Path, starter: Path) -> None:
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    result = run("validate", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["files"] == 2
    assert report["valid"] is False
    assert report["diagnostics"][0] == {
        "file": str(tmp_path / "broken.yaml"),
        "line": 4,
        "column": 24,
        "severity": "error",
        "path": "schedule.days[1]",
        "message": "'thr' is not one of mon, tue, wed, thu, fri, sat, sun: did you mean 'thu'?",
    }


def test_strict_turns_warnings_into_failure(tmp_path: Path, starter: Path) -> None:
    text = starter.read_text(encoding="utf-8").replace(
        "deload: {every: 4, sets: 60%, load: 90%}", ""
    )
    text = text.replace("weeks: 8", "weeks: 12")
    starter.write_text(text, encoding="utf-8")
    relaxed = run("validate", str(starter))
    strict = run("validate", "--strict", str(starter))
    assert relaxed.returncode == 0
    assert strict.returncode == 1
    assert "warning: phases: weeks 1-12 (12 weeks) have no deload" in strict.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("validate", str(tmp_path / "missing.yaml")).returncode == 2
    assert run("validate", "--format", "xml", str(tmp_path)).returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("validate", cwd=tmp_path).returncode == 2  # no ./programs to default to
    assert run("validate", str(tmp_path)).returncode == 2  # a folder with no specs
    for command in ("build", "serve"):
        both = run(command, "--cache", str(tmp_path / "c"), "--no-cache", cwd=tmp_path)
        assert both.returncode == 2
        assert "--cache and --no-cache contradict each other" in both.stderr
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize(
    ("option", "name"),
    [(None, "program"), ("--plan", "plan"), ("--log", "log"), ("--site", "site")],
)
def test_schema_prints_the_shipped_schema(option: str | None, name: str) -> None:
    result = run("schema", *([option] if option else []))
    assert result.returncode == 0
    shipped = (data_dir("schemas") / f"{name}.schema.json").read_text(encoding="utf-8")
    assert result.stdout == shipped


def test_exercises_lists_the_catalogue_by_family() -> None:
    result = run("exercises", "--family", "hip_thrust")
    assert result.returncode == 0
    ids = [line.split()[0] for line in result.stdout.splitlines()]
    assert "single_leg_hip_thrust" in ids
    assert "back_squat" not in ids
    assert run("exercises", "--family", "curls").returncode == 2


def test_help_shows_examples_and_version_is_the_package_version() -> None:
    from importlib.metadata import version

    assert "liftplan validate programs/" in run("--help").stdout
    assert run("--version").stdout == f"liftplan, version {version('liftplan')}\n"


@pytest.mark.parametrize(
    "command", [["--help"], ["validate", "{spec}"], ["new", "x", "-d", "{dir}"]]
)
def test_light_commands_do_not_import_weasyprint(
    tmp_path: Path, starter: Path, command: list[str]
) -> None:
    args = [part.format(spec=starter, dir=tmp_path / "fresh") for part in command]
    code = (
        "import sys\nfrom generator.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('weasyprint', 'pydyf', 'cffi') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
