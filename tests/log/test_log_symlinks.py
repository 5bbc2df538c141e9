"""Symlinks in a stranger's programs folder lead nowhere outside it (issue 15, item 6).

A training log that is a symlink out of its spec's folder (to a file there or to one not
yet written) was written through by `liftplan log` and read by `build` and `show`; a spec
that is a symlink out of a programs folder was read as a spec, and a symlinked folder out
of it skipped in silence. Each is now refused by name, exit 1, nothing written; a symlink
that stays inside still works. All with real symlinks on disk.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main
from generator.files import log_path
from generator.pipeline import find_specs
from tests.support.paths import PROGRAMS

EXAMPLE = PROGRAMS / "hip-thrust-12wk.yaml"
ENTRY = ("--date", "2027-01-11", "hip_thrust 10@90")
# A log the example program accepts, so that without the refusal every command succeeds.
A_LOG = """\
program: hip-thrust-12wk
sessions:
  - date: '2027-01-04'
    done:
      hip_thrust: 10@80
"""
LOG_OUT = "the training log is a symlink to {target}, outside its spec's folder"


def liftplan(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def snapshot(*folders: Path) -> dict[str, bytes | str]:
    """Every path under the folders: a file's bytes, a symlink's target, a folder's name."""
    found: dict[str, bytes | str] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                found[str(path)] = "-> " + os.readlink(path)
            elif path.is_file():
                found[str(path)] = path.read_bytes()
            else:
                found[str(path)] = "folder"
    return found


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A programs folder holding the example spec, and a folder outside it."""
    programs, outside = tmp_path / "programs", tmp_path / "outside"
    programs.mkdir()
    outside.mkdir()
    shutil.copyfile(EXAMPLE, programs / EXAMPLE.name)
    return programs, outside


# --- liftplan log ----------------------------------------------------------------------------


def _link_out(programs: Path, outside: Path, kind: str) -> Path:
    """Make the example's log a symlink out of its folder; return the real target."""
    log = log_path(programs / EXAMPLE.name)
    if kind == "dangling":
        log.symlink_to(outside / "planted.log.yaml")
    elif kind == "existing":
        (outside / "theirs.log.yaml").write_text(A_LOG, encoding="utf-8")
        log.symlink_to(outside / "theirs.log.yaml")
    elif kind == "relative":
        log.symlink_to(Path("..") / outside.name / "planted.log.yaml")
    else:  # a chain: to a link inside the folder, which leads out
        (programs / "hop.log.yaml").symlink_to(outside / "planted.log.yaml")
        log.symlink_to("hop.log.yaml")
    return Path(os.path.realpath(log))


@pytest.mark.parametrize("kind", ["dangling", "existing", "relative", "chain"])
def test_log_refuses_a_log_that_is_a_symlink_out_of_the_spec_folder(
    folders: tuple[Path, Path], kind: str
) -> None:
    programs, outside = folders
    target = _link_out(programs, outside, kind)
    before = snapshot(programs, outside)
    result = liftplan("log", str(programs / EXAMPLE.name), *ENTRY)
    assert result.exit_code == 1, result.output
    log = log_path(programs / EXAMPLE.name)
    why = LOG_OUT.format(target=target)
    assert result.stderr == (
        f"{log}:1:1: {why}: liftplan reads and writes a log only there; nothing written\n"
    )
    assert snapshot(programs, outside) == before


def test_log_writes_through_a_symlink_that_stays_in_the_folder(
    folders: tuple[Path, Path],
) -> None:
    """A log kept in a subfolder, linked beside its spec, is still a log."""
    programs, _ = folders
    (programs / "logs").mkdir()
    kept = programs / "logs" / "hip.log.yaml"
    kept.write_text(A_LOG, encoding="utf-8")
    log = log_path(programs / EXAMPLE.name)
    log.symlink_to(Path("logs") / kept.name)
    result = liftplan("log", str(programs / EXAMPLE.name), *ENTRY)
    assert result.exit_code == 0, result.output
    assert log.is_symlink()
    assert kept.read_text(encoding="utf-8").startswith(A_LOG)
    assert "2027-01-11" in kept.read_text(encoding="utf-8")


# --- show and build --------------------------------------------------------------------------


def test_show_and_build_refuse_to_read_a_log_symlinked_out(
    folders: tuple[Path, Path], tmp_path: Path
) -> None:
    programs, outside = folders
    target = _link_out(programs, outside, "existing")
    log = log_path(programs / EXAMPLE.name)
    expected = (
        f"{log}:1:1: {LOG_OUT.format(target=target)}: liftplan reads and writes a log only there"
    )
    shown = liftplan("show", str(programs / EXAMPLE.name), "--week", "1")
    assert shown.exit_code == 1, shown.output
    assert shown.stderr == expected + "\n"
    site = tmp_path / "site"
    args = ("build", str(programs), "-o", str(site), "--format", "json", "--no-cache", "-j", "1")
    built = liftplan(*args)
    assert built.exit_code == 1, built.output
    assert expected in built.stderr.splitlines()
    assert not site.exists()


# --- a programs folder -----------------------------------------------------------------------


def test_a_spec_symlinked_out_of_a_programs_folder_is_refused(
    folders: tuple[Path, Path],
) -> None:
    """A stranger's `notes.yaml` linking to one of the reader's files is not read."""
    programs, outside = folders
    secret = outside / "mine.yaml"
    shutil.copyfile(EXAMPLE, secret)
    (programs / "notes.yaml").symlink_to(secret)
    result = liftplan("validate", str(programs))
    assert result.exit_code == 1, result.output
    assert result.stderr == (
        f"{programs / 'notes.yaml'}:1:1: a symlink to {secret}, outside {programs}: "
        "not followed (name it on the command line to read it)\n"
    )


def test_a_folder_symlinked_out_of_a_programs_folder_is_refused_not_skipped(
    folders: tuple[Path, Path], tmp_path: Path
) -> None:
    """Named, so a build does not quietly miss what a user thought was in it."""
    programs, outside = folders
    shutil.copyfile(EXAMPLE, outside / "other.yaml")
    (programs / "shared").symlink_to(outside, target_is_directory=True)
    message = (
        f"{programs / 'shared'}:1:1: a symlink to {outside}, outside {programs}: "
        "not followed (name it on the command line to read it)"
    )
    result = liftplan("validate", str(programs))
    assert result.exit_code == 1, result.output
    assert result.stderr == message + "\n"
    site = tmp_path / "site"
    built = liftplan("build", str(programs), "-o", str(site), "--format", "json", "--no-cache")
    assert built.exit_code == 1, built.output
    assert built.stderr == message + "\n"
    assert not site.exists()
    # Named on the command line, it is the user's choice, and is read.
    assert find_specs([str(programs / "shared")]) == [str(programs / "shared" / "other.yaml")]


def test_symlinks_that_stay_inside_a_programs_folder_are_followed_once(
    folders: tuple[Path, Path],
) -> None:
    """A spec linked within the folder is read; a folder linked within it holds nothing
    the walk does not reach anyway, so its specs are listed once, by their own path."""
    programs, _ = folders
    (programs / "block").mkdir()
    shutil.copyfile(EXAMPLE, programs / "block" / "next.yaml")
    (programs / "current").symlink_to("block", target_is_directory=True)
    (programs / "alias.yaml").symlink_to(Path("block") / "next.yaml")
    (programs / "loop").symlink_to(".", target_is_directory=True)
    assert find_specs([str(programs)]) == [
        str(programs / "alias.yaml"),
        str(programs / "block" / "next.yaml"),
        str(programs / EXAMPLE.name),
    ]
    assert liftplan("validate", str(programs)).exit_code == 0
