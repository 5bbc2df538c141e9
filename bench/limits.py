"""The largest plans liftplan accepts, built in every format but the PDF: time and peak memory.

A plan is bounded as a whole before planning (generator/plan/size.py): at most
MAX_PLAN_SETS sets and MAX_PLAN_TEXT characters of repeated notes and cues. This builds
a spec at each bound (and the 9 KB spec past it that the bound refuses) as whole
`liftplan build --format F --no-cache -j 1` processes, and reports the median wall time
and peak resident memory of several runs, and the output's size.

    python -m bench.limits [--runs 3] [--pdf]

With --pdf it also prints the longest plan a PDF may hold (in volumes), once: minutes.

The process that spawns the builds imports nothing of liftplan, so a child's ru_maxrss
(which starts from the parent's peak at fork) is the build's own.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
LIFTS = ["back_squat", "bench_press", "deadlift", "overhead_press", "barbell_row"]
FORMATS = ("html", "json", "csv", "ics")


def big_spec(weeks: int, days: int, exercises: int, sets: int, notes: int = 0) -> str:
    """A spec of one session repeated on `days` days a week, each of its exercises (a
    separate track from the sixth on) of `sets` sets with `notes` characters of notes, no
    warm-ups: its plan holds weeks x days x exercises x sets sets."""
    lines = [
        "id: big",
        "title: Big",
        "units: kg",
        'start: "2027-01-04"',
        f"schedule: {{days: [{', '.join(DAYS[:days])}]}}",
        "equipment:",
        "  barbell: {kind: barbell, bar: 20, plates: [20, 10, 5, 2.5, 1.25]}",
        "defaults: {warmup: none}",
        "phases:",
        "  - name: P",
        f"    weeks: {weeks}",
        "    sessions:",
        "      A:",
    ]
    for index in range(exercises):
        item = f"exercise: {LIFTS[index % len(LIFTS)]}, sets: {sets}, reps: 5, load: 40"
        if index >= len(LIFTS):
            item += f", track: t{index}"
        if notes:
            item += f", notes: {'x' * notes}"
        lines.append(f"        - {{{item}}}")
    return "\n".join(lines) + "\n"


# (name, shape): the most sets a plan may hold (500 weeks x 6 days x 5 exercises x 20
# sets = 300,000), the most repeated text (500 x 5 x 2 x 4,000 characters of notes and
# the catalogue's cues, just under 20,000,000), and the spec past the bound.
CASES = {
    "300,000 sets": (500, 6, 5, 20, 0),
    "20 M characters of notes": (500, 5, 2, 3, 3940),
    "5,460,000 sets (refused)": (520, 7, 30, 50, 0),
}
# The longest plan a PDF may print (MAX_PRINT_ROWS): 500 weeks x (2 + 6 x (2 + 5 x 6))
# = 97,000 rows of headings and sets, in volumes; built once, it takes minutes.
PRINTED = ("97,000 printed rows", (500, 6, 5, 5, 0))


def run(argv: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak KiB (ru_maxrss from wait4) and exit status of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss, process.returncode


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def measure(spec: Path, form: str, runs: int) -> tuple[float, float, int, int]:
    """Median seconds and MiB of `runs` builds, the exit status and the bytes written."""
    liftplan = str(Path(sys.executable).with_name("liftplan"))
    times, peaks, status, size = [], [], 0, 0
    for index in range(runs):
        out = spec.parent / f"out-{form}-{index}"
        argv = [liftplan, "build", str(spec), "-o", str(out), "--format", form]
        seconds, peak, status = run([*argv, "--no-cache", "-j", "1"])
        times.append(seconds)
        peaks.append(peak / 1024)
        size = folder_bytes(out) if out.exists() else 0
    return statistics.median(times), statistics.median(peaks), status, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="also print the longest PDF, once")
    given = parser.parse_args()
    runs, pdf = given.runs, given.pdf
    print(f"python -m bench.limits --runs {runs}{' --pdf' if pdf else ''}")
    print("| plan | format | median s | peak MiB | output MiB | exit |")
    print("|---|---|--:|--:|--:|--:|")
    with tempfile.TemporaryDirectory() as temporary:
        for name, shape in CASES.items():
            spec = Path(temporary) / name.replace(" ", "-").replace(",", "") / "big.yaml"
            spec.parent.mkdir()
            spec.write_text(big_spec(*shape), encoding="utf-8")
            for form in FORMATS if "refused" not in name else ("json",):
                report(name, form, measure(spec, form, runs))
        if pdf:
            name, shape = PRINTED
            spec = Path(temporary) / "printed" / "big.yaml"
            spec.parent.mkdir()
            spec.write_text(big_spec(*shape), encoding="utf-8")
            report(name, "pdf", measure(spec, "pdf", 1))


def report(name: str, form: str, measured: tuple[float, float, int, int]) -> None:
    seconds, peak, status, size = measured
    mib = size / 2**20
    print(f"| {name} | {form} | {seconds:.2f} | {peak:.0f} | {mib:.1f} | {status} |", flush=True)


if __name__ == "__main__":
    main()
