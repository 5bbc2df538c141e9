"""`validate -j N`: specs checked in forked workers give the very report one process gives,
and a worker that fails costs time, never a result."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator import forked
from tests.support.paths import PROGRAMS, ROOT
from tests.support.speed import quick

HOSTILE = ROOT / "tests" / "hostile"


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples and the hostile corpus in one folder: errors, warnings and clean specs."""
    folder = tmp_path_factory.mktemp("many")
    for source in (PROGRAMS, HOSTILE):
        for spec in sorted(source.glob("*.yaml")):
            if not spec.name.endswith(".log.yaml"):
                shutil.copy(spec, folder / f"{source.name}-{spec.name}")
    return folder


def validate(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(folder), *args],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.parametrize("output", ["text", "json"])
def test_the_report_is_the_same_whatever_the_number_of_workers(many: Path, output: str) -> None:
    one = validate(many, "-j", "1", "--format", output)
    assert one.returncode == 1  # the hostile corpus holds errors
    count = len(list(many.glob("*.yaml")))
    report = one.stdout if output == "json" else one.stderr
    assert f'"files": {count},' in report or f"{count} specs checked: 171 errors" in report
    for jobs in ("3",) if quick() else ("2", "3", "7"):
        other = validate(many, "-j", jobs, "--format", output)
        assert (other.returncode, other.stdout, other.stderr) == (
            one.returncode,
            one.stdout,
            one.stderr,
        )


def test_strict_counts_a_warning_a_worker_found(tmp_path: Path) -> None:
    """A warning found by a worker blocks under --strict as one found here does."""
    for index in range(11):
        shutil.copy(PROGRAMS / "hip-thrust-12wk.yaml", tmp_path / f"p{index:02}.yaml")
    # the last spec: in the second share at -j 2, the third at -j 3, so a worker's
    shutil.copy(HOSTILE / "tiny-load.yaml", tmp_path / "p11.yaml")
    for jobs in ("1", "2", "3"):
        loose = validate(tmp_path, "-j", jobs)
        strict = validate(tmp_path, "-j", jobs, "--strict")
        assert (loose.returncode, strict.returncode) == (0, 1)
        assert loose.stderr == strict.stderr
        assert "p11.yaml:23:21: warning: " in loose.stderr
        assert loose.stderr.endswith("12 specs checked: 0 errors, 1 warning\n")


def _square(number: int) -> int:
    return number * number


def test_results_come_back_in_the_order_of_the_items() -> None:
    items = list(range(50))
    parent = os.getpid()
    workers = forked.ordered_map(
        lambda n: (_square(n), os.getpid() == parent), items, 4, list, tuple
    )
    assert [square for square, _ in workers] == [n * n for n in items]
    # every fourth item (the first share) here, the rest in three other processes
    assert [here for _, here in workers] == [n % 4 == 0 for n in items]
    _no_children_left()


def test_a_worker_that_raises_has_its_share_done_again_here() -> None:
    parent = os.getpid()

    def fragile(number: int) -> int:
        if os.getpid() != parent and number == 13:
            raise RuntimeError("only in a worker")
        return _square(number)

    assert forked.ordered_map(fragile, list(range(30)), 3, int, int) == [n * n for n in range(30)]
    _no_children_left()


def test_a_worker_killed_has_its_share_done_again_here() -> None:
    parent = os.getpid()

    def mortal(number: int) -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return _square(number)

    assert forked.ordered_map(mortal, list(range(20)), 2, int, int) == [n * n for n in range(20)]
    _no_children_left()


def test_an_error_here_stops_every_worker_and_is_raised() -> None:
    parent = os.getpid()

    def failing_here(number: int) -> int:
        if os.getpid() == parent and number == 8:
            raise ValueError("in the parent's share")
        return _square(number)

    with pytest.raises(ValueError, match="parent's share"):
        forked.ordered_map(failing_here, list(range(40)), 4, int, int)
    _no_children_left()


def test_few_items_stay_in_this_process() -> None:
    parent = os.getpid()
    here = forked.ordered_map(lambda _: os.getpid() == parent, [1, 2, 3, 4, 5], 4, int, bool)
    assert here == [True] * 5  # under two shares of MIN_SHARE: not worth a fork


def _no_children_left() -> None:
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)
