"""Benchmark: the HTML site of 100 programs against MkDocs building the same pages, at -j 1.

Issue 17's second target: `liftplan build --format html -j 1 --no-cache` of 100 generated
12-week programs (three sessions a week of five exercises; 1,305 pages) at least 3x
faster than MkDocs building a project of as many pages (bench/mkdocs_site.py: one
Markdown page for every page of ours, at the same path, a week page a table of a row per
exercise). Whole processes, interpreter start and imports included, medians of several
interleaved runs (each run: ours, then MkDocs), the ratio taken within the one run. Every
build writes into a fresh folder; one untimed build of each comes first, so no timed run
pays for first reads from disk. Python's bytecode is cached for both (as from installed
wheels).

    python -m bench.html [--runs 5] [--programs 100]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.mkdocs_site import write_project
from bench.scale_stages import liftplan_command, write_programs
from bench.validate import ROOT, environment, timed

SHAPE = (12, 3, 5)  # weeks, sessions a week, exercises a session


def ours(programs: Path, output: Path) -> list[str]:
    return [
        *liftplan_command(),
        "build",
        str(programs),
        "-o",
        str(output),
        "--format",
        "html",
        "-j",
        "1",
        "--no-cache",
    ]


def mkdocs(config: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(output)]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--programs", type=int, default=100)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="liftplan-html-") as scratch_name:
        scratch = Path(scratch_name)
        env = environment(scratch / "pycache")
        programs = write_programs(scratch, options.programs, SHAPE, "p")
        site = scratch / "site"
        timed(ours(programs, site), env, ROOT)  # untimed: warms the disk and the bytecode
        pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        count = write_project(scratch / "mkdocs", pages, SHAPE[1] * SHAPE[2])
        config = scratch / "mkdocs" / "mkdocs.yml"
        timed(mkdocs(config, scratch / "mkdocs-site"), env, ROOT)
        walls: dict[str, list[float]] = {"liftplan": [], "mkdocs": []}
        cpus: dict[str, list[float]] = {"liftplan": [], "mkdocs": []}
        for run in range(options.runs):
            for name in ("liftplan", "mkdocs"):
                output = scratch / f"{name}-{run}"
                argv_now = ours(programs, output) if name == "liftplan" else mkdocs(config, output)
                wall, cpu = timed(argv_now, env, ROOT)
                walls[name].append(wall)
                cpus[name].append(cpu)
                shutil.rmtree(output, ignore_errors=True)
        print(f"python -m bench.html {' '.join(argv or sys.argv[1:])}".rstrip())
        print(
            f"{options.programs} generated programs of {SHAPE[0]} weeks x {SHAPE[1]} days x "
            f"{SHAPE[2]} exercises: {len(pages)} pages (MkDocs: {count} Markdown pages); "
            f"medians of {options.runs} interleaved runs"
        )
        print("| build | median s | cpu s | ms a page | MkDocs / this |")
        print("|---|--:|--:|--:|--:|")
        theirs = statistics.median(walls["mkdocs"])
        for name in ("liftplan", "mkdocs"):
            wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
            label = (
                "liftplan build --format html -j 1 --no-cache"
                if name == "liftplan"
                else ("mkdocs build (same pages)")
            )
            print(
                f"| {label} | {wall:.2f} | {cpu:.2f} | {1000 * wall / len(pages):.2f} | "
                f"{theirs / wall:.2f} |"
            )


if __name__ == "__main__":
    main()
