"""The writer: the only stage that touches the output folder.

A build is written whole into a temporary folder beside the output and swapped in
only when every file is there, so a failed or interrupted build leaves the previous
output as it was, and files of programs that were removed disappear. A marker file
names the folders liftplan made; a non-empty folder without it is never replaced.
"""

from __future__ import annotations

import fcntl
import filecmp
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from generator.errors import Failure
from generator.files import shared_copy

if TYPE_CHECKING:
    from generator.publish.formats import Content

MARKER = ".liftplan-output"
MARKER_TEXT = b"This folder is written by liftplan build, which replaces it whole on every build.\n"


class OutputError(Failure):
    """The output folder cannot be written as asked (it is someone else's, or unwritable)."""


@dataclass(frozen=True)
class Written:
    """What a write did: every file, and those whose bytes differ from the previous output."""

    files: int
    changed: int


def write_output(output: Path, files: Mapping[str, bytes]) -> Written:
    """Replace `output` with exactly `files` (relative POSIX paths -> bytes), or change nothing."""
    with Staging(output) as staging:
        changed = sum(staging.put(relative, data) for relative, data in files.items())
        staging.commit()
    return Written(len(files), changed)


# Left in the staging folder by the first program found bad; never committed.
FAILED = ".liftplan-failed"


class Staging:
    """The next output, written file by file into a temporary folder beside the old one.

    A build streams each program's files in as they are made (from worker processes
    too: a Staging pickles as its two paths), so memory does not grow with the number
    of programs; `commit` swaps the folder in whole. Used as a context manager, any
    failure before the commit removes the temporary folder and leaves the output as it was.
    """

    def __init__(self, output: Path, *, link: bool = False) -> None:
        check_output(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        self.output = output
        self.link = link  # files from the cache as links to its own (serve's private site)
        self.folder = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.new-"))

    def put(self, relative: str, data: Content) -> bool:
        """Write one file, its bytes or its chunks as they come; True if it differs from
        the previous output's."""
        target = self._target(relative)
        if self.link:  # never write through a name the cache's file shares
            target.unlink(missing_ok=True)
        try:
            if isinstance(data, bytes):
                target.write_bytes(data)
            else:
                with target.open("wb") as handle:
                    for chunk in data:
                        handle.write(chunk)
        except OSError as error:
            # A full disk fails the write itself, which names no file: name it.
            if error.filename is None:
                raise OSError(error.errno, error.strerror, str(target)) from error
            raise
        return _differs(target, self.output / relative)

    def copy(self, relative: str, source: Path) -> bool:
        """Copy one file in (from the cache); True if it differs from the previous output's."""
        target = self._target(relative)
        shared_copy(source, target, link=self.link)
        return _differs(target, self.output / relative)

    def path(self, relative: str) -> Path:
        """Where a file put in is, until the commit."""
        return self.folder / _safe(relative)

    def _target(self, relative: str) -> Path:
        target = self.path(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def mark_failed(self) -> None:
        """Say, to every process writing into this folder, that the build will fail:
        what is not yet rendered need only be checked."""
        (self.folder / FAILED).touch()

    @property
    def failed(self) -> bool:
        return (self.folder / FAILED).exists()

    def commit(self) -> None:
        """Mark the new folder as liftplan's and put it in place of the old output."""
        (self.folder / MARKER).write_bytes(MARKER_TEXT)
        check_output(self.output)
        _swap(self.folder, self.output)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None:
            self.discard()


@contextmanager
def output_lock(output: Path, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the output's lock for a whole build, so two builds into one folder take turns.

    Each build's staging folder is whole, but two at once would prune each other's cache
    entries and read each other's half-swapped output; the second waits (after `waiting`
    says so). The lock is `flock` on the folder that holds the output (where the staging
    folder is made), so it leaves no file behind and the kernel releases it however the
    holder ends: a killed build never leaves it held. Builds into two outputs in one
    folder take turns too, which costs only time.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(output.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting()
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def check_output(output: Path) -> None:
    """Refuse to replace a folder liftplan did not make, unless it is empty.

    A build checks this before it renders anything, and again just before it writes.
    """
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output} is a file, not a folder")
    if output.is_dir() and not (output / MARKER).is_file() and any(output.iterdir()):
        raise OutputError(
            f"refusing to replace {output}: it is not empty and liftplan did not make it "
            f"(there is no {MARKER} in it); choose another folder with -o"
        )


def _safe(relative: str) -> PurePosixPath:
    """A relative path inside the output folder (ids are checked; this is the backstop)."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts or path.name == MARKER:
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return path


def _differs(new: Path, previous: Path) -> bool:
    """Whether a staged file differs from the previous output's (or it had none), read
    a block at a time."""
    try:
        return not filecmp.cmp(new, previous, shallow=False)
    except OSError:
        return True


def _swap(staging: Path, output: Path) -> None:
    """Put the new folder in place of the old one, then remove the old one.

    Two renames: between them the output name is briefly absent, but never half
    written; the old folder is deleted only once the new one is in place.
    """
    if not output.exists():
        os.rename(staging, output)
        return
    retired = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.old-"))
    os.rename(output, retired / output.name)
    try:
        os.rename(staging, output)
    except BaseException:
        os.rename(retired / output.name, output)
        shutil.rmtree(retired, ignore_errors=True)
        raise
    shutil.rmtree(retired, ignore_errors=True)
