"""A plan too big to make is refused before planning, located at the spec's phases; the
bound worked out from the program holds every example and library program."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.limits import CASES, big_spec
from generator.pipeline import model, plan_spec
from generator.plan.size import MAX_PLAN_SETS, MAX_PLAN_TEXT, PlanSize, plan_size
from generator.spec.loader import load_bytes
from tests.support.paths import PROGRAMS


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("shape", "message"),
    [
        # 520 x 7 x 30 x 50: 5,460,000 sets from a 3 KB file.
        (
            (520, 7, 30, 50, 0),
            "big.yaml:9:1: phases: the plan would hold up to 5,460,000 sets, more than a plan "
            f"may hold ({MAX_PLAN_SETS:,}): plan fewer weeks, sessions, exercises or sets",
        ),
        # 520 x 3 sessions x 5 exercises x 4,000 characters of notes: 31,200,000, and the
        # catalogue's cues of the five lifts (231 characters a session): 31,560,360.
        (
            (520, 3, 5, 3, 4000),
            "big.yaml:9:1: phases: the plan would repeat up to 31,560,360 characters of notes "
            f"and cues, more than a plan may hold ({MAX_PLAN_TEXT:,}): shorten the notes of "
            "sessions and exercises, or plan fewer weeks",
        ),
    ],
)
def test_a_plan_too_big_to_make_is_a_located_error_before_planning(
    tmp_path: Path, shape: tuple[int, int, int, int, int], message: str
) -> None:
    (tmp_path / "big.yaml").write_text(big_spec(*shape), encoding="utf-8")
    checked = run("validate", "big.yaml", cwd=tmp_path)
    assert checked.returncode == 1
    assert message in checked.stderr.splitlines()
    built = run("build", "big.yaml", "-o", "out", "--format", "json", cwd=tmp_path)
    assert built.returncode == 1
    assert message in built.stderr.splitlines()
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.yaml"]


def test_a_plan_just_under_the_bound_is_planned(tmp_path: Path) -> None:
    """The bound is not off by a factor: 300,000 sets exactly is a plan, one more week
    (303,000) is not."""
    per_week = 6 * 5 * 10  # six days, five exercises, ten sets
    fitting = MAX_PLAN_SETS // per_week
    assert fitting * per_week == MAX_PLAN_SETS
    program = plan_size_of(tmp_path, big_spec(fitting, 6, 5, 10))
    assert program.sets == MAX_PLAN_SETS
    assert program.too_big() is None
    assert plan_size_of(tmp_path, big_spec(fitting + 1, 6, 5, 10)).too_big() is not None


def plan_size_of(folder: Path, text: str) -> PlanSize:
    return plan_size(model(load_bytes(text.encode(), str(folder / "big.yaml"))))


@pytest.mark.parametrize(
    "spec",
    sorted(PROGRAMS.glob("*.yaml")) + sorted((PROGRAMS / "library").glob("*.yaml")),
    ids=lambda path: path.stem,
)
def test_the_bound_holds_every_example_and_library_program(spec: Path) -> None:
    planned = plan_spec(str(spec))
    bound = plan_size(planned.program)
    sets = sum(len(e.sets) for s in planned.plan.sessions for e in s.exercises)
    assert sets <= bound.sets
    # Loose enough for real programs: no example comes near either bound.
    assert bound.sets < MAX_PLAN_SETS // 10
    assert bound.text < MAX_PLAN_TEXT // 10


def test_the_benchmarks_largest_plans_are_at_the_bounds() -> None:
    """bench/limits.py measures the largest plans accepted: they are within a hair of the
    bounds, and its spec past them is refused."""
    sizes = {name: plan_size_of(Path("."), big_spec(*shape)) for name, shape in CASES.items()}
    assert [size.too_big() is None for size in sizes.values()] == [True, True, False]
    assert sizes["300,000 sets"].sets == MAX_PLAN_SETS
    assert 0.99 * MAX_PLAN_TEXT < sizes["20 M characters of notes"].text <= MAX_PLAN_TEXT
