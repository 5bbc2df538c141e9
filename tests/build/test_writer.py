"""Atomic output: a build replaces the output folder whole, or leaves it exactly as it was."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build.build import build
from generator.build.config import Settings
from generator.build.writer import MARKER, OutputError, write_output
from generator.plan.values import Plan
from generator.publish import data as export
from tests.support.files import snapshot
from tests.support.paths import PROGRAMS, copy_examples

# Every format but the PDF, which tests/publish/test_pdf.py covers: these tests are about the writer.
FAST = ["html", "json", "csv", "ics"]


def leftovers(folder: Path) -> list[str]:
    """Temporary folders a build left beside the output."""
    return sorted(path.name for path in folder.parent.iterdir() if path.name.startswith("."))


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    return copy_examples(tmp_path / "programs")


@pytest.fixture
def built(tmp_path: Path, examples: Path) -> Path:
    output = tmp_path / "site" / "output"
    build(Settings([str(examples)], output, FAST))
    return output


def test_a_build_writes_every_program_and_the_marker(built: Path) -> None:
    files = snapshot(built)
    assert MARKER in files
    assert {name.split("/")[0] for name in files if name != MARKER} == {
        path.stem for path in PROGRAMS.glob("*.yaml")
    } | {"index.html", "assets"}
    assert leftovers(built) == []


def test_a_failed_render_leaves_the_previous_output_byte_identical(
    built: Path, examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built)
    calls = []

    def broken(plan: Plan) -> Iterator[bytes]:
        calls.append(plan.program.id)
        if len(calls) == 3:
            raise RuntimeError("template exploded")
        yield b"changed\n"

    monkeypatch.setattr(export, "plan_csv_chunks", broken)
    with pytest.raises(RuntimeError, match="template exploded"):
        build(Settings([str(examples)], built, FAST))
    assert snapshot(built) == before
    assert leftovers(built) == []


def test_a_write_that_fails_half_way_leaves_the_output_and_no_temporary_folder(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built)
    real_write = Path.write_bytes
    written: list[Path] = []

    def full_disk(self: Path, data: bytes) -> int:
        written.append(self)
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_output(built, {f"p{index}/plan.json": b"{}" for index in range(5)})
    monkeypatch.setattr(Path, "write_bytes", real_write)
    assert snapshot(built) == before
    assert leftovers(built) == []


def test_a_failed_swap_puts_the_old_output_back(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built)
    real_rename = os.rename
    renames = []

    def failing_rename(source: str | Path, target: str | Path) -> None:
        renames.append((source, target))
        if len(renames) == 2:  # the old folder is out of the way; the new one will not go in
            raise OSError(28, "No space left on device")
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", failing_rename)
    with pytest.raises(OSError, match="No space left"):
        write_output(built, {"x/plan.json": b"{}"})
    monkeypatch.setattr(os, "rename", real_rename)
    assert snapshot(built) == before
    assert leftovers(built) == []


def test_files_of_removed_programs_disappear(built: Path, tmp_path: Path) -> None:
    specs = copy_examples(tmp_path / "specs")
    (specs / "home-dumbbells.yaml").unlink()
    build(Settings([str(specs)], built, FAST))
    assert not (built / "home-dumbbells").exists()
    assert (built / "five-three-one" / "plan.json").is_file()


def test_a_foreign_non_empty_folder_is_refused(tmp_path: Path, examples: Path) -> None:
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(OutputError, match=r"refusing to replace .*photos: it is not empty"):
        build(Settings([str(examples)], foreign, FAST))
    assert snapshot(foreign) == {"holiday.jpg": b"\xff\xd8"}


def test_an_empty_folder_is_used(tmp_path: Path, examples: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = build(Settings([str(examples)], empty, ["json", "csv", "ics"]))
    assert result.files == 3 * len(list(PROGRAMS.glob("*.yaml")))
    assert (empty / MARKER).is_file()


def test_a_file_where_the_folder_should_be_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "output"
    target.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        write_output(target, {"a/plan.json": b"{}"})


@pytest.mark.parametrize("name", ["../escape.json", "/etc/passwd", "", MARKER])
def test_paths_outside_the_output_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="refusing to write outside"):
        write_output(tmp_path / "out", {name: b"x"})
    assert not (tmp_path / "out").exists()
    assert leftovers(tmp_path / "out") == []


def test_a_rebuild_counts_only_changed_files(built: Path, examples: Path) -> None:
    again = build(Settings([str(examples)], built, FAST))
    assert again.changed == 0
    assert again.files == len(snapshot(built)) - 1  # all but the marker


def test_the_command_refuses_a_foreign_folder_with_one_line_and_exit_1(tmp_path: Path) -> None:
    import subprocess
    import sys

    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "index.md").write_text("mine\n", encoding="utf-8")
    liftplan = Path(sys.executable).with_name("liftplan")
    result = subprocess.run(
        [str(liftplan), "build", str(PROGRAMS), "-o", str(foreign)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"liftplan: error: refusing to replace {foreign}: it is not empty and liftplan did not "
        f"make it (there is no {MARKER} in it); choose another folder with -o\n"
    )
    assert snapshot(foreign) == {"index.md": b"mine\n"}
