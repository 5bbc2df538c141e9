"""Faults during a build: a signal, a full disk, a read-only folder, a second build at once.
Whatever happens, the previous output stays whole, nothing temporary is left, and the
person is told what went wrong."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build.build import build
from generator.build.config import Settings
from generator.cli import main
from tests.support.files import snapshot
from tests.support.paths import copy_examples

PATIENCE = 60.0


def temporary(folder: Path) -> list[str]:
    """Staging and retired folders beside the output, and half-written cache entries."""
    found = [
        p.name for p in folder.parent.iterdir() if p.name.startswith((".out.new-", ".out.old-"))
    ]
    cache = folder.parent / ".out.cache"
    if cache.is_dir():
        found += [p.name for p in cache.iterdir() if p.name.startswith(".new-")]
    return found


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """A finished build of every example (pages and data), to be left alone."""
    output = tmp_path / "out"
    build(Settings([str(copy_examples(tmp_path / "programs"))], output, ("html", "json")))
    return output


def start_build(folder: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "programs", "-o", "out", *args],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def until_staging(folder: Path, process: subprocess.Popen[str]) -> Path:
    """The build's staging folder, once it holds files (the build is well under way)."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline and process.poll() is None:
        for staging in folder.glob(".out.new-*"):
            if any(staging.rglob("*.pdf")) or len(list(staging.rglob("*.html"))) > 20:
                return staging
        time.sleep(0.02)
    process.kill()
    raise AssertionError("the build never got under way")


# Each signal with each number of workers under CI; a quick run takes Ctrl+C with one
# worker and SIGTERM with two.
@pytest.mark.parametrize(
    ("sent", "status", "jobs"),
    [
        pytest.param(signal.SIGINT, 130, "1", id="2-130-1"),
        pytest.param(signal.SIGTERM, 143, "2", id="15-143-2"),
        pytest.param(signal.SIGINT, 130, "2", id="2-130-2", marks=pytest.mark.slow),
        pytest.param(signal.SIGTERM, 143, "1", id="15-143-1", marks=pytest.mark.slow),
    ],
)
def test_a_signal_mid_build_leaves_the_previous_output_and_nothing_temporary(
    previous: Path, jobs: str, sent: signal.Signals, status: int
) -> None:
    before = snapshot(previous)
    process = start_build(previous.parent, "-j", jobs)
    until_staging(previous.parent, process)
    process.send_signal(sent)
    _out, err = process.communicate(timeout=PATIENCE)
    # 128 + the signal's number, or (once seen under CI with SIGINT) death by the signal
    # itself, which Python chooses when it decides the interrupt went unhandled: either way
    # the caller's shell reports the interruption.
    assert process.returncode in (status, -sent), err
    assert err.endswith("liftplan: interrupted; out was left as it was\n"), err
    assert "Traceback" not in err
    assert snapshot(previous) == before
    assert temporary(previous) == []


@pytest.mark.slow
def test_a_second_build_into_the_same_output_waits_for_the_first(previous: Path) -> None:
    folder = previous.parent
    first = start_build(folder, "--no-cache", "-j", "1")
    until_staging(folder, first)
    second = start_build(folder, "--no-cache", "-j", "1", "--format", "json")
    stagings = set()
    while first.poll() is None:
        current = {path.name for path in folder.glob(".out.new-*")}
        assert len(current) <= 1, "two builds were writing at once"
        stagings |= current
        time.sleep(0.01)
    _out, err = second.communicate(timeout=PATIENCE)
    assert first.returncode == 0
    assert second.returncode == 0, err
    assert err.startswith("liftplan: waiting for another build into out to finish\n")
    # The second build's output, whole: only the JSON files it was asked for.
    names = {name.split("/")[-1] for name in snapshot(previous)}
    assert names == {"plan.json", ".liftplan-output"}
    assert temporary(previous) == []


@pytest.mark.slow
def test_a_full_disk_is_one_clear_error_and_the_output_stays(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(previous)
    real = Path.write_bytes
    written: list[Path] = []

    def full(self: Path, data: bytes) -> int:
        written.append(self)
        if len(written) == 5:
            raise OSError(28, "No space left on device")  # as write(2) fails: no file named
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    monkeypatch.chdir(previous.parent)
    result = CliRunner().invoke(main, ["build", "programs", "-o", "out", "--no-cache", "-j", "1"])
    monkeypatch.setattr(Path, "write_bytes", real)
    assert result.exit_code == 1
    assert result.stderr == (
        f"liftplan: error: {written[-1]}: No space left on device; out was left as it was\n"
    )
    assert snapshot(previous) == before
    assert temporary(previous) == []


READ_ONLY_BUILD = """
set -e
mount -t tmpfs tmpfs "$1"
cp -a "$2" "$1/out"
mount -o remount,ro "$1"
cd "$3"
set +e
"$4" -m generator build programs -o "$1/out" --no-cache -j 1
echo "status=$?"
diff -r "$2" "$1/out" && echo same
"""


def test_a_read_only_folder_is_one_clear_error_and_the_output_stays(previous: Path) -> None:
    """As root, permissions do not stop writes: a read-only file system is mounted then,
    in a mount namespace of the test's own."""
    before = snapshot(previous)
    if os.geteuid() != 0:
        previous.parent.chmod(0o555)
        try:
            result = subprocess.run(
                [sys.executable, "-m", "generator", "build", "programs", "-o", "out", "-j", "1"],
                cwd=previous.parent,
                capture_output=True,
                text=True,
                check=False,
            )
        finally:
            previous.parent.chmod(0o755)
        assert result.returncode == 1
        assert result.stderr.startswith(f"liftplan: error: {previous.parent}/.out.new-")
        assert result.stderr.endswith(": Permission denied; out was left as it was\n")
        assert snapshot(previous) == before
        return
    unshare = shutil.which("unshare")
    mountpoint = previous.parent / "ro"
    mountpoint.mkdir()
    if unshare is None:
        pytest.skip("running as root without unshare(1): no way to make a folder read-only")
    result = subprocess.run(
        [
            *(unshare, "-m", "sh", "-c", READ_ONLY_BUILD, "sh"),
            *(str(mountpoint), str(previous), str(previous.parent), sys.executable),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if "mount:" in result.stderr and "status=" not in result.stdout:
        pytest.skip(f"cannot mount a read-only file system here: {result.stderr.strip()}")
    assert result.stdout.splitlines() == ["status=1", "same"], result.stderr
    assert result.stderr.startswith(f"liftplan: error: {mountpoint}/.out.new-"), result.stderr
    assert result.stderr.endswith(f": Read-only file system; {mountpoint}/out was left as it was\n")


RUNAWAY = """\
id: runaway
title: Runaway
start: 2024-01-05
schedule: {days: [fri]}
equipment:
  barbell: {kind: barbell, bar: 20, plates: [20, 10, 5, 0.01]}
maxes:
  back_squat: {one_rm: 10000}
phases:
- name: Only
  weeks: 3
  sessions:
    A:
    - exercise: back_squat
      load: 9000
      progress:
      - load: {add: 500, every: session}
    B:
      exercises:
      - exercise: back_squat
        load: 9999% 1rm
"""


def _address_space(limit: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.slow
def test_a_load_carried_past_the_heaviest_is_a_located_error_in_bounded_memory(
    previous: Path,
) -> None:
    """Every value in the spec is within its schema limit, yet the plan would hold loads of
    a million kg, and a barbell's plates in steps of 0.01 made the rounding size a table by
    the load (hundreds of MiB here, far more for heavier). Planning stops at 10,000, the
    heaviest load a spec or log may give, with the prescription's file:line:col; under a
    1 GiB address space, so a table sized by the load cannot hide."""
    folder = previous.parent
    before = snapshot(previous)
    (folder / "programs" / "runaway.yaml").write_text(RUNAWAY)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "programs", "-o", "out", "-j", "1"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=lambda: _address_space(1 << 30),
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        "programs/runaway.yaml:20:9: phases[0].sessions.B.exercises[0]: back_squat's load "
        "reaches 999,900 kg in week 2 (session B), past the heaviest a plan may hold, "
        "10000 kg: check its load, its max and how it progresses",
    ]
    assert snapshot(previous) == before
    assert temporary(previous) == []


def test_show_says_where_a_load_runs_past_the_heaviest(tmp_path: Path) -> None:
    spec = tmp_path / "runaway.yaml"
    spec.write_text(RUNAWAY)
    result = CliRunner().invoke(main, ["show", str(spec)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{spec}:20:9: phases[0].sessions.B.exercises[0]: ")
    assert "reaches 999,900 kg in week 2 (session B)" in result.stderr
    assert result.stdout == ""


@pytest.mark.slow
def test_a_plan_too_long_to_print_is_a_located_error_not_hours_of_layout(tmp_path: Path) -> None:
    """Volumes bound a PDF's memory, not its time: a ten-year plan of six sessions of eight
    exercises a week would print on some 4,900 pages (over seven minutes of layout), so it
    is refused at the spec's phases before any layout; the site and data still build."""
    from bench.expand import generated_spec
    from generator.spec.loader import dump

    spec = generated_spec(4, 6, 8)
    block = spec["phases"][0]
    spec["phases"] = [{**block, "name": f"Year {year}", "weeks": 52} for year in range(1, 11)]
    spec["id"] = "ten-years"
    (tmp_path / "programs").mkdir()
    (tmp_path / "programs" / "ten-years.yaml").write_text(dump(spec), encoding="utf-8")
    command = [sys.executable, "-m", "generator", "build", "programs", "-o", "out", "-j", "1"]
    result = subprocess.run(
        [*command, "--format", "pdf"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
    )
    assert result.returncode == 1
    (message,) = result.stderr.splitlines()
    assert message.startswith("programs/ten-years.yaml:")
    assert ": phases: the plan would print on about " in message
    assert "more than a PDF may hold (100,000 rows): build it without pdf" in message
    assert not (tmp_path / "out").exists()
    site = subprocess.run(
        [*command, "--format", "json"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert site.returncode == 0, site.stderr
