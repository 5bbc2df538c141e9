"""Benchmark: how soon `liftplan serve` shows its first page, for the example programs.

Issue 17's third target: the first page of `liftplan serve` (the examples, as a person
starts it in the project folder) in under a second, from the command to the page. Each
run starts a whole `liftplan serve programs --port 0` process, reads the address it
prints, asks for the home page and, once it has it, stops the server; the time is from
the start of the process to the last byte of the page. Two ways: cold, with no cache
(`--no-cache`: the first serve ever), and warm, a restart over the cache serve keeps
between runs (nothing changed meanwhile). Medians of several interleaved runs, with
Python's bytecode cached (as from an installed wheel) after one untimed run of each.

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


def first_page(env: dict[str, str], cache: list[str]) -> tuple[float, float, int]:
    """Seconds to the address printed and to the home page read, and the page's bytes."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*liftplan_command(), "serve", "programs", "--port", "0", *cache],
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
        ways = {"cold (--no-cache)": ["--no-cache"], "warm (a restart)": ["--cache", scratch]}
        for cache in ways.values():
            first_page(env, cache)  # untimed: the bytecode, the disk and the warm cache
        runs: dict[str, list[tuple[float, float, int]]] = {way: [] for way in ways}
        for _ in range(options.runs):
            for way, cache in ways.items():
                runs[way].append(first_page(env, cache))
    specs = [p for p in (ROOT / "programs").rglob("*.yaml") if not p.name.endswith(".log.yaml")]
    print(f"python -m bench.serve {' '.join(argv or sys.argv[1:])}".rstrip())
    print(f"liftplan serve programs ({len(specs)} programs); medians of {options.runs} runs")
    print("| serve | to the address printed, s | to the home page read, s |")
    print("|---|--:|--:|")
    for way, found in runs.items():
        printed = statistics.median(run[0] for run in found)
        page = statistics.median(run[1] for run in found)
        print(f"| {way} | {printed:.2f} | {page:.2f} |")


if __name__ == "__main__":
    main()
