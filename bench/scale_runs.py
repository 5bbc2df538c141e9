"""Running one measured command of bench/scale.py: through bench/launcher.py, into a fresh
folder every run or twice into one output, and what one run measured.

Each command is spawned by bench/launcher.py, which times it and reads its CPU time and
peak memory from os.wait4 (see there why the benchmark does not spawn them itself).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Measurement:
    """One run of one stage: seconds, peak KiB (None in-process), pages made, any failure,
    and a remark for the table (how many programs a rebuild took from the cache)."""

    seconds: float
    peak_kib: int | None = None
    pages: int | None = None
    failure: str = ""
    remark: str = ""
    cpu: float | None = None


@dataclass(frozen=True)
class Launched:
    """What bench/launcher.py reports of one command."""

    seconds: float
    cpu: float
    peak_kib: int
    status: int
    stderr: str


class Launcher:
    """The benchmark's side of bench/launcher.py, which spawns every measured command.

    See bench/launcher.py for why: a command spawned from this process would report this
    process's peak memory as part of its own.
    """

    def __init__(self) -> None:
        script = Path(__file__).with_name("launcher.py")
        self._process = subprocess.Popen(
            [sys.executable, "-I", str(script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def __enter__(self) -> Launcher:
        return self

    def __exit__(self, *_: object) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait()

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._process.stdin.write(json.dumps(request) + "\n")
        self._process.stdin.flush()
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError("bench/launcher.py stopped answering")
        reply: dict[str, Any] = json.loads(line)
        return reply

    def run(self, argv: Sequence[str], stderr: Path) -> Launched:
        """Run a command to its end, and read back its stderr."""
        reply = self._ask({"argv": list(argv), "stderr": str(stderr)})
        text = stderr.read_text(encoding="utf-8", errors="replace")
        return Launched(reply["seconds"], reply["cpu"], reply["peak_kib"], reply["status"], text)

    def own_peak_kib(self) -> int:
        """The launcher's own peak: no process it spawns can report less."""
        peak: int = self._ask({"self": True})["peak_kib"]
        return peak


Pages = Callable[[Path, str], int | None]


def no_pages(_output: Path, _stderr: str) -> int | None:
    return None


def html_pages(output: Path, _stderr: str) -> int | None:
    """The .html files the build wrote."""
    return sum(1 for _ in output.rglob("*.html"))


def pdf_pages(_output: Path, stderr: str) -> int | None:
    """The PDF pages the build reports on its last line ("built 10 programs: 460 PDF pages")."""
    found = re.search(r"(\d+) PDF pages", stderr)
    return int(found.group(1)) if found else None


# What a stage's pages are, and how to count them.
COUNTERS: dict[str, Pages] = {"html": html_pages, "pdf": pdf_pages, "": no_pages}


def cache_remark(stderr: str) -> str:
    """How many programs the build took from its cache, from its last line.

    A rebuild that finds fewer than all is no no-op: the cache is keyed by liftplan's own
    code too, so editing liftplan between the two builds empties it.
    """
    built = re.search(r"built (\d+) programs?", stderr)
    cached = re.search(r"(\d+) from the cache", stderr)
    if built is None:
        return ""
    return f"{cached.group(1) if cached else 0} of {built.group(1)} from the cache"


def launch(
    launcher: Launcher,
    work: Path,
    argv: Sequence[str],
    pages: Pages,
    remark: Callable[[str], str] = lambda _stderr: "",
) -> Measurement:
    """Run one command with its output folder work/out; a failure is reported, not raised."""
    work.mkdir(parents=True, exist_ok=True)
    done = launcher.run(argv, work / "stderr.txt")
    if done.status != 0:
        tail = "\n".join(done.stderr.splitlines()[-5:])
        print(f"failed ({done.status}): {' '.join(argv)}\n{tail}", file=sys.stderr)
        return Measurement(done.seconds, done.peak_kib, failure=f"failed: exit {done.status}")
    found = pages(work / "out", done.stderr)
    return Measurement(done.seconds, done.peak_kib, found, remark=remark(done.stderr), cpu=done.cpu)


@dataclass
class Fresh:
    """A command run in a new folder every run, so that every run does all the work.

    The output goes to <folder>/run-N/out, and a cache kept beside it to <folder>/run-N,
    which is removed after the run: disk use stays at one run's output.
    """

    launcher: Launcher
    folder: Path
    argv: Callable[[Path], list[str]]
    pages: Pages = no_pages
    done: int = 0

    def __call__(self) -> Measurement:
        work = self.folder / f"run-{self.done}"
        self.done += 1
        try:
            return launch(self.launcher, work, self.argv(work / "out"), self.pages)
        finally:
            shutil.rmtree(work, ignore_errors=True)


@dataclass
class Rebuild:
    """The same build twice into one output, the second timed: a build with nothing to do.

    Both builds run every time, back to back, rather than one untimed build for all runs:
    the cache is keyed by liftplan's code too, so an edit to liftplan while the benchmark
    runs would otherwise turn the later "no-op" rebuilds into real ones. The untimed build
    is itself nearly a no-op from the second run on.
    """

    launcher: Launcher
    folder: Path
    argv: Callable[[Path], list[str]]

    def __call__(self) -> Measurement:
        command = self.argv(self.folder / "out")
        first = launch(self.launcher, self.folder, command, no_pages)
        if first.failure:
            return first
        return launch(self.launcher, self.folder, command, no_pages, cache_remark)
