"""Adding entries to a training log without ever losing what the file held.

The new entries are added to the end of the file's text (comments and layout stay as
they were), the whole new text is checked (`generator.log.check`), and it replaces the
file atomically only if it is valid: a temporary file beside it, synced, then renamed,
and nothing written if the file changed since it was read. The folder the file is in is
locked from the read to the rename, so two appends at once take turns and neither loses
the other's entries; a log that is a symlink out of its spec's folder is refused.
"""

from __future__ import annotations

import dataclasses
import fcntl
import os
import re
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Any

from generator.errors import Diagnostic, LiftplanError
from generator.files import log_leaving
from generator.log.check import CheckedLog, check_log_bytes, read_capped
from generator.log.values import TrainingLog
from generator.plan.values import Plan
from generator.resources import data_dir
from generator.spec.loader import MAX_BYTES, Document, dump, load_bytes
from generator.spec.model import Program
from generator.spec.texts import only_control_characters


@dataclass(frozen=True)
class Appended:
    """What an append did: the log written, and the warnings about the new entries."""

    path: FilePath
    created: bool
    log: TrainingLog
    warnings: tuple[Diagnostic, ...]
    first_line: int


class AppendError(LiftplanError):
    """The entries were not added (the file is as it was); `first_line` is where they would
    have started in the file, so messages about them can be read against it."""

    def __init__(self, diagnostics: Sequence[Diagnostic], first_line: int, target: str) -> None:
        super().__init__(diagnostics)
        self.first_line = first_line
        self.target = target

    def lines(self) -> list[str]:
        return [
            *super().lines(),
            f"liftplan: nothing written to {self.target} "
            f"(the new entries would have started at line {self.first_line})",
        ]

    def __reduce__(self) -> Any:
        return (type(self), (self.diagnostics, self.first_line, self.target))


def modeline(log: FilePath) -> str:
    """The comment that points editors at the log schema shipped with liftplan."""
    schema_file = data_dir("schemas") / "log.schema.json"
    relative = FilePath(os.path.relpath(schema_file, log.resolve().parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}\n"


def entry_text(entries: Sequence[Mapping[str, Any]], prefix: str = "  - ") -> str:
    """Log entries as YAML list items, each starting with `prefix` (its `- ` included).

    >>> print(entry_text([{"date": "2027-01-04", "done": {"hip_thrust": "10@90 9@90"}}]), end="")
      - date: '2027-01-04'
        done:
          hip_thrust: 10@90 9@90
    """
    indent = " " * len(prefix)
    text = ""
    for entry in entries:
        lines = dump(dict(entry)).splitlines()
        text += prefix + lines[0] + "\n"
        text += "".join((indent + line if line else line) + "\n" for line in lines[1:])
    return text


def append_entries(
    log: FilePath,
    entries: Sequence[Mapping[str, Any]],
    program: Program,
    plan: Plan,
    *,
    waiting: Callable[[], None] | None = None,
) -> Appended:
    """Add entries to the end of a log's text (creating the log if it is missing), check the
    whole new text against the program, and only then replace the file atomically.

    The whole read-check-write holds the log's lock (`log_lock`): another append to the
    same log is waited for (`waiting` is told first), so its entries are read, not lost.
    Raises AppendError with every problem, leaving the file byte for byte as it was, and
    LiftplanError for a log that is a symlink out of its spec's folder (nothing written).
    """
    leaving = log_leaving(log)
    if leaving is not None:
        refused = dataclasses.replace(leaving, message=f"{leaving.message}; nothing written")
        raise LiftplanError([refused])
    with log_lock(log, waiting):
        return _append(log, entries, program, plan)


@contextmanager
def log_lock(log: FilePath, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the lock of a log (`flock` on the folder its file is in) until the block ends.

    Not on the file: the atomic rename puts a new file in its place, so a lock on the old
    one would guard nothing. The folder stays, the rename happens in it, and a folder's
    lock leaves no file behind; the kernel releases it however the holder ends, so a
    killed `log` never leaves it held. Appends to two logs in one folder take turns too,
    which costs only milliseconds; a build whose output folder sits beside the logs holds
    the same lock (`output_lock`), and an append waits for it.
    """
    handle = os.open(FilePath(os.path.realpath(log)).parent, os.O_RDONLY | os.O_DIRECTORY)
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


def _append(
    log: FilePath, entries: Sequence[Mapping[str, Any]], program: Program, plan: Plan
) -> Appended:
    """`append_entries` once the lock is held: read, add, check, write."""
    created = not log.exists()
    old = b"" if created else read_capped(log)
    before: Document | None = None
    if not _blank(old):
        try:
            before = load_bytes(old, str(log))
        except LiftplanError as error:  # the log is broken already: that is what to fix
            raise AppendError(error.diagnostics, old.count(b"\n") + 1, str(log)) from None
    new, first_line = _appended_bytes(old, before, log, entries, program)
    checked = check_log_bytes(new, str(log), program, plan)
    problems = _misplaced(new, before, checked, entries, program=program, first_line=first_line)
    problems = problems or list(checked.errors)
    if problems or checked.log is None:
        raise AppendError(problems, first_line, str(log))
    write_atomically(log, new, expected=None if created else old)
    warnings = tuple(d for d in checked.warnings if d.line >= first_line)
    return Appended(log, created, checked.log, warnings, first_line)


def _appended_bytes(
    old: bytes,
    before: Document | None,
    log: FilePath,
    entries: Sequence[Mapping[str, Any]],
    program: Program,
) -> tuple[bytes, int]:
    """The file's bytes with the entries added at the end, and the line they start on."""
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    if old and not old.endswith(b"\n"):
        old += newline
    if before is None:  # a new file, or one with only comments so far
        top = "" if old.strip() else modeline(log)
        prefix, heading = "  - ", top + dump({"program": program.id}) + "sessions:\n"
    else:
        prefix, heading = _item_prefix(old, before)
    added = (heading + entry_text(entries, prefix)).encode("utf-8")
    if newline == b"\r\n":
        added = added.replace(b"\n", b"\r\n")
    return old + added, old.count(b"\n") + 1 + heading.count("\n")


def _blank(raw: bytes) -> bool:
    """Whether a file holds nothing but blank lines and comments (a BOM aside)."""
    lines = raw.removeprefix(b"\xef\xbb\xbf").splitlines()
    return all(not line.strip() or line.lstrip().startswith(b"#") for line in lines)


def _item_prefix(old: bytes, before: Document) -> tuple[str, str]:
    """How the log's session items begin (`  - `), and a `sessions:` heading if it has none."""
    if "sessions" not in before.data:
        return "  - ", "sessions:\n"
    sessions = before.data["sessions"]
    if isinstance(sessions, list) and sessions:
        line, column = before.locate(("sessions", 0))
        text = old.decode("utf-8", errors="replace").removeprefix("\ufeff")
        prefix = text.split("\n")[line - 1][: column - 1]
        if re.fullmatch(r" *- +", prefix):
            return prefix, ""
    return "  - ", ""


def _misplaced(
    new: bytes,
    before: Document | None,
    checked: CheckedLog,
    entries: Sequence[Mapping[str, Any]],
    *,
    program: Program,
    first_line: int,
) -> list[Diagnostic]:
    """Refuse an append that would do anything but add the entries at the end of the
    sessions list: the list is written in flow style ([...]), or other keys follow it."""
    if checked.document is None and len(new) > MAX_BYTES:
        message = f"with this the log would be larger than {MAX_BYTES // 1024} KiB"
        return [Diagnostic(checked.file, first_line, 1, message)]
    if checked.document is None and only_control_characters(checked.errors):
        return []  # an entry's text holds a control character: the loader's errors say where
    old = before.data if before is not None else {"program": program.id}
    expected = dict(old)
    expected["sessions"] = [*(old.get("sessions") or []), *map(dict, entries)]
    after = checked.document.data if checked.document is not None else None
    if isinstance(after, dict) and after == expected and list(after) == list(expected):
        return []
    message = (
        "cannot add the entry at the end of this file: its sessions list must be the last "
        "thing in it, one '- date: ...' item per entry (not written as [...])"
    )
    return [Diagnostic(checked.file, first_line, 1, message)]


def write_atomically(path: FilePath, data: bytes, *, expected: bytes | None) -> None:
    """Replace `path` with `data` in one step: a temporary file beside it, synced, renamed.

    `expected` is what the file held when it was read (None: it did not exist); if it holds
    something else now, nothing is written. A symlink's target is replaced, not the link.
    """
    target = FilePath(os.path.realpath(path))
    current = read_capped(target) if target.exists() else None
    if current != expected:
        raise LiftplanError.at(
            str(path), 1, 1, "the file changed while liftplan was adding to it; nothing written"
        )
    mode = (target.stat().st_mode & 0o7777) if expected is not None else None
    temporary, handle = _create_beside(target)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def _create_beside(target: FilePath) -> tuple[FilePath, int]:
    """A new hidden file beside `target`, created with the usual permissions (0666 less the
    umask, unlike tempfile's 0600), and an open handle to it."""
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits taken already
            continue


def _sync_folder(folder: FilePath) -> None:
    """Make the rename itself durable, where the system allows syncing a folder."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a platform without directory handles
        return
    try:
        os.fsync(handle)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(handle)
