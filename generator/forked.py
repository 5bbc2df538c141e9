"""An ordered map over forked copies of this process, for quick work on many files.

`validate` checks a spec in a few milliseconds. A process pool (concurrent.futures) takes
longer to import than checking a dozen specs, and pickles every call; `fork` alone gives
each worker everything this process has loaded, for free. Each worker takes every n-th
item, so the shares are alike when the items are, and sends back its results in one
`marshal` blob (plain tuples of text and numbers: nothing to import, nothing executable
to unpickle). This process works through its own share meanwhile.

A worker that fails for any reason (an exception, a signal, an unreadable reply) costs
nothing but time: its share is done again here, where the exception, if any, is raised
as it would have been without workers. Results come back in the order of the items, so
the output is the same whatever the number of workers.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Forking and gathering cost about as much as checking this many specs: fewer a worker,
# and the work stays in this process.
MIN_SHARE = 4


def default_jobs() -> int:
    """As many workers as this process may use cores."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Forking is safe where the platform has it and no other thread is running."""
    import threading

    return hasattr(os, "fork") and threading.active_count() == 1


def ordered_map(
    work: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int,
    encode: Callable[[Result], Any],
    decode: Callable[[Any], Result],
) -> list[Result]:
    """`[work(item) for item in items]`, shared among up to `jobs` processes.

    `encode` turns a result into what marshal can write (tuples, lists, text, numbers)
    and `decode` turns it back; results made here are never encoded.
    """
    workers = min(jobs, len(items) // MIN_SHARE)
    if workers <= 1 or not can_fork():
        return [work(item) for item in items]
    sys.stdout.flush()
    sys.stderr.flush()
    pending: dict[int, int] = {}  # pid: read end, of the workers not yet gathered
    try:
        started = [_fork(work, items[k::workers], encode, pending) for k in range(1, workers)]
        shares = [[work(item) for item in items[0::workers]]]
        for worker, pid in enumerate(started, start=1):
            share = items[worker::workers]
            gathered = _gathered(pid, pending, len(share), decode)
            shares.append(gathered if gathered is not None else [work(i) for i in share])
    finally:
        _stop(pending)
    return [shares[index % workers][index // workers] for index in range(len(items))]


def _fork(
    work: Callable[[Item], Result],
    share: Sequence[Item],
    encode: Callable[[Result], Any],
    pending: dict[int, int],
) -> int:
    """Start a worker on `share`, noted in `pending` with the pipe its results come by."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        pending[pid] = reader
        return pid
    os.close(reader)
    status = 1
    try:  # a worker never returns into the caller's code: it writes and leaves
        blob = marshal.dumps([encode(work(item)) for item in share])
        with os.fdopen(writer, "wb") as out:
            out.write(blob)
        status = 0
    except BaseException:  # the parent does this share again itself
        pass
    finally:
        os._exit(status)


def _gathered(
    pid: int, pending: dict[int, int], expected: int, decode: Callable[[Any], Result]
) -> list[Result] | None:
    """A worker's results, or None if it did not finish cleanly."""
    chunks = []
    while chunk := os.read(pending[pid], 1 << 16):
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    os.close(pending.pop(pid))
    if status != 0:
        return None
    try:
        encoded = marshal.loads(b"".join(chunks))
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(encoded, list) or len(encoded) != expected:
        return None
    return [decode(result) for result in encoded]


def _stop(pending: dict[int, int]) -> None:
    """No worker outlives the map: any not gathered (after an interruption or an error
    here) is stopped and waited for, and its pipe closed."""
    import signal

    for pid, reader in pending.items():
        os.close(reader)
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass  # it had just been waited for
