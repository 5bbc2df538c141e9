"""The one way liftplan reads a file it was given (a spec, a log, a config file, a CSV
export), and the symlinks it will not follow out of a folder.

Such a path may name anything, and only a regular file is safe to read. Opening a FIFO
blocks until another process writes to it (so `validate` or `build` would hang, a build
with its staging folder in place), and reading a device such as /dev/zero or /dev/urandom
never ends. So a path is checked before it is opened (opening some devices has effects of
its own), and checked again on the open file itself: the path may have been replaced in
between, and only the file descriptor says what was really opened. The open does not
block (O_NONBLOCK), so even a FIFO swapped in at the last moment is refused at once.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

from generator.errors import Diagnostic

LOG_SUFFIX = ".log.yaml"  # a spec's training log: <spec name>.log.yaml, beside it

# What a path that is not a regular file is, as a person would name it.
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class NotARegularFile(OSError):
    """A path that names a folder, a FIFO, a socket or a device, where a file was expected.

    It is an OSError, so every caller that reports "cannot read the file: <why>" already
    reports it, with `strerror` saying what the path is.
    """

    def __init__(self, path: str | os.PathLike[str], mode: int) -> None:
        kind = next((name for test, name in _KINDS if test(mode)), "something else")
        super().__init__(errno.EINVAL, f"it is {kind}, not a regular file", os.fspath(path))


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most `limit + 1` bytes of the regular file at `path` (one more than allowed, so
    the caller can tell a file over its size limit), never blocking on what it opens.

    Raises NotARegularFile for anything but a regular file (symlinks are followed), and
    OSError as `open` does (a missing file is FileNotFoundError).

    >>> try:
    ...     read_regular("/dev/null", 10)
    ... except NotARegularFile as error:
    ...     print(error.filename, error.strerror, sep=": ")
    /dev/null: it is a character device, not a regular file
    """
    _refuse_special(os.stat(path).st_mode, path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket (it cannot be opened) swapped in
            _refuse_special(os.stat(path).st_mode, path)
        raise
    with os.fdopen(descriptor, "rb") as handle:
        _refuse_special(os.fstat(descriptor).st_mode, path)
        return handle.read(limit + 1)


def _refuse_special(mode: int, path: str | os.PathLike[str]) -> None:
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path, mode)


def link_leaving(path: Path, folder: Path) -> str | None:
    """Where `path` leads if it is a symlink out of `folder` (its target there or not yet),
    else None.

    Specs and logs come from strangers, and a symlink among them could make liftplan read
    any file of the reader's, or write one where no log belongs; so a link is followed only
    while it stays in the folder it was found in.
    """
    if not path.is_symlink():
        return None
    target, inside = os.path.realpath(path), os.path.realpath(folder)
    return None if os.path.commonpath([target, inside]) == inside else target


def log_leaving(log: Path) -> Diagnostic | None:
    """A training log that is a symlink out of its spec's folder, as the error refusing it:
    neither reading (`build`, `show`) nor writing (`log`) goes through it."""
    target = link_leaving(log, log.parent)
    if target is None:
        return None
    message = (
        f"the training log is a symlink to {target}, outside its spec's folder: "
        "liftplan reads and writes a log only there"
    )
    return Diagnostic(str(log), 1, 1, message)


def log_path(spec: str | Path) -> Path:
    """Where a spec's log lives: beside it, named after it.

    >>> log_path("programs/hip-thrust-12wk.yaml").as_posix()
    'programs/hip-thrust-12wk.log.yaml'
    """
    path = Path(spec)
    return path.with_name(path.name.removesuffix(path.suffix) + LOG_SUFFIX)


def is_log(path: str | Path) -> bool:
    """Whether a file is a training log rather than a spec.

    >>> is_log("programs/a.log.yaml"), is_log("programs/a.yaml")
    (True, False)
    """
    return Path(path).name.endswith(LOG_SUFFIX)


def shared_copy(source: Path, target: Path, *, link: bool) -> None:
    """Copy a file, or with `link` make `target` a second name for it (a hard link), where
    the file system allows (else a copy). Making a file costs a millisecond on some disks,
    a link a hundredth of that; only files nothing ever changes in place may be shared."""
    if link:
        try:
            os.link(source, target)
            return
        except OSError:
            pass  # another file system, or links not allowed: copy
    shutil.copyfile(source, target)
