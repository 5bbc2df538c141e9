"""Benchmark: how soon `liftplan serve` shows its first page, for the example programs.

Issue 17's third target: the first page of `liftplan serve` (the examples, as a person
starts it in the project folder) in under a second, from the command to the page. Each
run starts a whole `liftplan serve programs --port 0` process, reads the address it
prints, asks for the home page and, once it has it, stops the server; the time is from
the start of the process to the last byte of the page. Medians of several runs, with
Python's bytecode cached (as from an installed wheel) after one untimed run.

    python -m bench.serve [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from bench.scale_stages import liftplan_command
from bench.validate import ROOT, environment

ADDRESS = re.compile(r"serving (http://\S+)")


def first_page(env: dict[str, str]) -> tuple[float, float, int]:
    """Seconds to the address printed and to the home page read, and the page's bytes."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*liftplan_command(), "serve", "programs", "--port", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        for line in process.stderr:
            found = ADDRESS.search(line)
            if found:
                break
        else:
            raise RuntimeError("liftplan serve ended without serving")
        printed = time.perf_counter() - started
        with urllib.request.urlopen(found[1], timeout=30) as response:
            body = response.read()
        return printed, time.perf_counter() - started, len(body)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="liftplan-serve-bench-") as scratch:
        env = environment(Path(scratch) / "pycache")
        first_page(env)  # untimed: writes the bytecode cache, warms the disk
        runs = [first_page(env) for _ in range(options.runs)]
    printed = statistics.median(run[0] for run in runs)
    page = statistics.median(run[1] for run in runs)
    size = runs[0][2]
    print(f"python -m bench.serve {' '.join(argv or sys.argv[1:])}".rstrip())
    print(
        f"liftplan serve programs ({len(list((ROOT / 'programs').glob('*.yaml')))} files); "
        f"medians of {options.runs} runs"
    )
    print("| from the command to | median s |")
    print("|---|--:|")
    print(f"| the address printed | {printed:.2f} |")
    print(f"| the home page read ({size} bytes) | {page:.2f} |")


if __name__ == "__main__":
    main()
