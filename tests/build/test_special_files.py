"""Paths that are not regular files: a FIFO, a socket, a device or a folder where a spec, a
log, a config file or a CSV export is expected (issue 15, item 5).

Opening a FIFO for reading blocks until someone writes to it, so before the safe reader
`validate`, `build`, `show` and `log` hung on one (a build with its staging folder in
place). Each command here runs as a user runs it, in a subprocess with a timeout, so a
regression fails the test instead of hanging the suite: it must exit 1 at once, say which
path is not a regular file and what it is, and write nothing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import stat
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.files import NotARegularFile, read_regular
from tests.support.paths import LIFTPLAN, PROGRAMS

EXAMPLE = PROGRAMS / "hip-thrust-12wk.yaml"
# Far longer than any of these commands takes, far shorter than a hang.
TIMEOUT = 60
FIFO = "cannot read the file: it is a named pipe (FIFO), not a regular file"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")


def liftplan(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command, killed (and the test failed) if it outlives TIMEOUT."""
    return subprocess.run(
        [str(LIFTPLAN), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A programs folder holding one valid spec, hip-thrust-12wk.yaml."""
    programs = tmp_path / "programs"
    programs.mkdir()
    shutil.copyfile(EXAMPLE, programs / EXAMPLE.name)
    return programs


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def refused(result: subprocess.CompletedProcess[str], path: Path, why: str = FIFO) -> None:
    """Exit 1, the path named with what it is, and no traceback."""
    assert result.returncode == 1, result.stderr
    assert f"{path}:1:1: {why}" in result.stderr.splitlines(), result.stderr
    assert "Traceback" not in result.stderr


def leftovers(parent: Path) -> list[str]:
    """A staging folder (.NAME.new-*) left beside an output."""
    return sorted(child.name for child in parent.iterdir() if ".new-" in child.name)


# --- validate --------------------------------------------------------------------------------


def test_validate_refuses_a_fifo_spec(tmp_path: Path) -> None:
    spec = fifo(tmp_path / "spec.yaml")
    refused(liftplan("validate", str(spec), cwd=tmp_path), spec)


def test_validate_reports_a_fifo_found_in_a_folder(folder: Path) -> None:
    """Not skipped in silence: a .yaml that is not a regular file is named."""
    spec = fifo(folder / "x.yaml")
    result = liftplan("validate", str(folder), cwd=folder.parent)
    refused(result, spec)
    assert result.stderr.splitlines()[-1] == "2 specs checked: 1 error, 0 warnings"


def test_validate_names_a_device_and_a_socket(tmp_path: Path) -> None:
    result = liftplan("validate", "/dev/zero", cwd=tmp_path)
    refused(result, Path("/dev/zero"), FIFO.replace("a named pipe (FIFO)", "a character device"))
    with socket.socket(socket.AF_UNIX) as server:
        path = tmp_path / "s.yaml"
        server.bind(str(path))
        why = FIFO.replace("a named pipe (FIFO)", "a socket")
        refused(liftplan("validate", str(path), cwd=tmp_path), path, why)


def test_a_dangling_symlink_in_a_folder_is_still_skipped(folder: Path) -> None:
    """An editor's lock file (.#spec.yaml, a dangling symlink) is not a spec."""
    (folder / ".#hip-thrust-12wk.yaml").symlink_to("user@host.1234:1700000000")
    result = liftplan("validate", str(folder), cwd=folder.parent)
    assert result.returncode == 0, result.stderr


# --- build -----------------------------------------------------------------------------------


def build(folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    site = folder.parent / "site"
    return liftplan(
        "build", str(folder), "-o", str(site), "--format", "json", "--no-cache", "-j", "1",
        *extra, cwd=folder.parent,
    )  # fmt: skip


def test_build_refuses_a_fifo_spec_and_writes_nothing(folder: Path) -> None:
    spec = fifo(folder / "x.yaml")
    refused(build(folder), spec)
    assert not (folder.parent / "site").exists()
    assert leftovers(folder.parent) == []


def test_build_over_an_output_refuses_a_fifo_log_and_keeps_the_output(folder: Path) -> None:
    assert build(folder).returncode == 0
    site = folder.parent / "site"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    log = fifo(folder / "hip-thrust-12wk.log.yaml")
    refused(build(folder), log)
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert leftovers(folder.parent) == []


def test_build_refuses_a_fifo_config_file(folder: Path) -> None:
    config = fifo(folder.parent / "site.yaml")
    refused(liftplan("build", "--config", str(config), cwd=folder.parent), config)
    assert leftovers(folder.parent) == []


def test_a_folder_where_the_log_belongs_is_named(folder: Path) -> None:
    log = folder / "hip-thrust-12wk.log.yaml"
    log.mkdir()
    why = FIFO.replace("a named pipe (FIFO)", "a folder")
    refused(liftplan("show", str(folder / EXAMPLE.name), cwd=folder.parent), log, why)


# --- show and log ----------------------------------------------------------------------------


def test_show_refuses_a_fifo_spec_and_a_fifo_log(folder: Path) -> None:
    spec = fifo(folder / "x.yaml")
    refused(liftplan("show", str(spec), cwd=folder.parent), spec)
    log = fifo(folder / "hip-thrust-12wk.log.yaml")
    refused(liftplan("show", str(folder / EXAMPLE.name), cwd=folder.parent), log)


def test_log_refuses_a_fifo_log_and_leaves_it_a_fifo(folder: Path) -> None:
    log = fifo(folder / "hip-thrust-12wk.log.yaml")
    spec = str(folder / EXAMPLE.name)
    result = liftplan("log", spec, "--date", "2027-01-04", "hip_thrust 10@90", cwd=folder.parent)
    refused(result, log)
    assert stat.S_ISFIFO(log.lstat().st_mode)
    assert sorted(p.name for p in folder.iterdir()) == sorted([EXAMPLE.name, log.name])


def test_log_refuses_a_fifo_spec_and_a_fifo_csv(folder: Path) -> None:
    spec = fifo(folder / "x.yaml")
    result = liftplan("log", str(spec), "--date", "2027-01-04", "hip_thrust 10@90", cwd=folder)
    refused(result, spec)
    export = fifo(folder / "export.csv")
    result = liftplan("log", str(folder / EXAMPLE.name), "--import", str(export), cwd=folder)
    refused(result, export)
    assert not (folder / "hip-thrust-12wk.log.yaml").exists()


# --- the reader itself -----------------------------------------------------------------------


@pytest.fixture
def unblocked(tmp_path: Path) -> Iterator[Path]:
    """A FIFO that no one writes to; afterwards a reader stuck on it is let go, so that a
    regression fails its test rather than leaving a thread blocked for good."""
    path = fifo(tmp_path / "late.yaml")
    yield path
    with contextlib.suppress(OSError):  # no reader is waiting: nothing to let go
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def test_a_fifo_swapped_in_after_the_check_is_refused_without_blocking(
    unblocked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path is checked, then replaced by a FIFO before it is opened: the open must
    not block, and the open file's own type must refuse it."""
    regular = os.stat(__file__)
    real_stat = os.stat
    monkeypatch.setattr(
        os, "stat", lambda p, *a, **k: regular if p == unblocked else real_stat(p, *a, **k)
    )
    outcome: list[BaseException | bytes] = []

    def read() -> None:
        try:
            outcome.append(read_regular(unblocked, 10))
        except OSError as error:
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(TIMEOUT)
    assert not reader.is_alive(), "read_regular blocked on a FIFO"
    assert len(outcome) == 1
    assert isinstance(outcome[0], NotARegularFile), outcome
    assert outcome[0].strerror == "it is a named pipe (FIFO), not a regular file"
    assert outcome[0].filename == str(unblocked)


def test_a_regular_file_is_read_up_to_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 100)
    assert read_regular(path, 10) == b"x" * 11
    assert read_regular(path, 1000) == b"x" * 100
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "missing.yaml", 10)
