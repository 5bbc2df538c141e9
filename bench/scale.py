"""Benchmark: speed and scale of whole `liftplan` runs, from 1 program to 1000.

Run with `python -m bench.scale [--runs N] [--sizes examples,1,10,100,1000,year] [--quick]
[--markdown]`. It answers the issue "speed and scale": how long does a user wait, and how
much memory does liftplan take, as the number of programs grows? So every stage runs as
its own `liftplan` process (interpreter start and imports included), for these sets:

* `examples`: the commented examples in programs/;
* `N`: N generated programs of 12 weeks x 3 days x 5 exercises (bench/expand.py's
  generator, each program with its own id and title);
* `year`: one generated program of 52 weeks x 6 days x 8 exercises.

The stages: validate; the HTML site; everything but the PDF; the PDF (only up to 10
programs and for the year: about 0.05 s a page, and 12 weeks make ~46 pages); the full
build; a no-op rebuild; `-j 1` against `-j 2` on 10 programs; expansion alone
(in-process); MkDocs building as many pages as our HTML (bench/mkdocs_site.py); and, for
the year, our PDF stage against WeasyPrint alone (bench/pdf.py's functions, in-process).

Each command is spawned by bench/launcher.py, which times it and reads its CPU time and
peak memory from os.wait4 (see there why the benchmark does not spawn them itself).

The build's `-j/--jobs` and its cache (`--no-cache`) are used when `liftplan build --help`
shows them, and reported as n/a when it does not. Targets are printed beside the figures
as met or not met and never asserted: the machines are shared and noisy, and nothing fails
on a slow run. Within a set the runs are interleaved (every stage once, then the next
run), so noise falls on all stages alike, and medians are printed.
"""

from __future__ import annotations

import argparse
import datetime
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.scale_report import COLUMNS, cells, plain_line, report
from bench.scale_runs import Launcher
from bench.scale_stages import (
    Context,
    Features,
    Row,
    detect_features,
    examples_group,
    liftplan_command,
    measure_group,
    progress,
    synthetic_group,
)

RUNS = 3
SETS = ("examples", "1", "10", "100", "1000", "year")
QUICK_SETS = ("examples", "1", "10")


def parse_sets(text: str) -> list[str]:
    """`--sizes`: examples, year, or a number of generated programs, in the order given."""
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    for part in chosen:
        if part not in ("examples", "year") and not (part.isdigit() and int(part) > 0):
            raise argparse.ArgumentTypeError(f"{part!r}: give examples, year or a number")
    return chosen


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.scale",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each (default {RUNS})")
    parser.add_argument(
        "--sizes",
        type=parse_sets,
        default=list(SETS),
        help=f"sets to run, comma-separated (default {','.join(SETS)})",
    )
    parser.add_argument(
        "--quick", action="store_true", help=f"sets {','.join(QUICK_SETS)}, one run: a smoke test"
    )
    parser.add_argument(
        "--markdown", action="store_true", help="print it all to paste into bench/RESULTS.md"
    )
    options = parser.parse_args(argv)
    if options.quick:
        options.sizes, options.runs = list(QUICK_SETS), 1
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    return options


def header(options: argparse.Namespace, features: Features) -> Iterator[str]:
    """What the figures were measured on and with; they mean little without it."""
    from bench.pdf import machine

    runs = f"{options.runs} run{'s' if options.runs != 1 else ''}"
    lines = [
        machine(),
        f"liftplan build: -j {'yes' if features.jobs else 'no'}, "
        f"cache {'yes' if features.cache else 'no'}; medians of {runs}",
    ]
    if options.markdown:
        yield f"## Speed and scale (`python -m bench.scale`, {datetime.date.today()})"
        yield ""
        yield "```"
        yield from lines
        yield "```"
    else:
        yield from lines
    yield ""


def main(argv: list[str] | None = None) -> None:
    """Build every set asked for, measure its stages, then print the table and the targets."""
    options = arguments(argv)
    clock = time.perf_counter()
    liftplan = liftplan_command()
    features = detect_features(liftplan)
    for line in header(options, features):
        print(line, flush=True)
    if not options.markdown:
        print(plain_line(COLUMNS), flush=True)
    rows: list[Row] = []
    with Launcher() as launcher, tempfile.TemporaryDirectory(prefix="liftplan-scale-") as scratch:
        context = Context(launcher, liftplan, features, Path(scratch))
        for key in options.sizes:
            progress(clock, f"preparing set {key}")
            group = examples_group(context) if key == "examples" else synthetic_group(context, key)
            measured = measure_group(group, options.runs, clock)
            rows += measured
            if not options.markdown:
                for row in measured:
                    print(plain_line(cells(row)), flush=True)
        launcher_kib = launcher.own_peak_kib()
    print()
    report(rows, features, launcher_kib, options.markdown)
    print(f"\nwhole run: {time.perf_counter() - clock:.0f} s")


if __name__ == "__main__":
    main()
