"""Benchmark: `liftplan validate` on generated 12-week specs against the import floor.

Issue 17's first target: validating 100 generated 12-week specs (three sessions a week of
five exercises) in at most 3x the time of `python -c "import yaml, jsonschema, click"`,
both as whole processes, medians of five runs, interleaved, the ratio taken within one
run. It also times `validate` of the example programs, the same ratio for a small folder.

Then it splits one process's time: the imports `validate` makes, and each stage's time a
spec, measured in this process over the same specs (the first spec untimed, since it pays
for compiling the schema and reading the catalogue):

- read: the file's bytes; load: decoding, the nesting check and composing;
- schema: the JSON Schema check (the compiled validator; the detailed one if it objects);
- semantic: the checks a schema cannot express and the warnings;
- size: the typed program and the plan-size bound.

Every command runs with Python's bytecode cache in a private folder (PYTHONPYCACHEPREFIX,
PYTHONDONTWRITEBYTECODE unset) after one untimed run, so liftplan's modules load compiled,
as they do from an installed wheel and as the libraries of the floor do. Without it, a
machine that sets PYTHONDONTWRITEBYTECODE (as these do) compiles liftplan's own modules in
every run (`--as-is` measures that).

`--compare DIR` (again for more) also times `python -m generator validate` run from another
source tree (a copy of the code before a change, say), in the same interleaved runs.

    python -m bench.validate [--runs 5] [--specs 100] [--compare DIR ...] [--as-is]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.scale_stages import liftplan_command, write_programs

FLOOR = "import yaml, jsonschema, click"
VALIDATE_IMPORTS = "import generator.cli, generator.cli.check, generator.pipeline"
ROOT = Path(__file__).resolve().parents[1]


def environment(cache: Path | None) -> dict[str, str]:
    """The children's environment: bytecode cached in `cache` (None: as it is)."""
    env = dict(os.environ)
    if cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def timed(argv: Sequence[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one whole process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} exited with {process.returncode}")
    return seconds, usage.ru_utime + usage.ru_stime


def interleaved(
    commands: dict[str, tuple[list[str], Path]], runs: int, env: dict[str, str]
) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each command, the commands taking turns run by run
    (one untimed run of each first, to fill the caches)."""
    for argv, cwd in commands.values():
        timed(argv, env, cwd)
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (argv, cwd) in commands.items():
            wall, cpu = timed(argv, env, cwd)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {
        name: (statistics.median(walls[name]), statistics.median(cpus[name])) for name in commands
    }


def stage_split(programs: Path) -> dict[str, float]:
    """Milliseconds a spec for each stage of `validate`, in this process, summed over every
    spec but the first (which is checked untimed first), each spec checked as `validate`
    checks it (the cycle collector waiting)."""
    from generator.pipeline import _collector_paused, _schema_errors, _size_diagnostics, find_specs
    from generator.spec.checks import semantic_diagnostics
    from generator.spec.loader import load_bytes

    files = find_specs([str(programs)])
    totals = dict.fromkeys(("read", "load", "schema", "semantic", "size"), 0.0)

    def clock(stage: str, work: Callable[..., Any], *args: Any) -> Any:
        started = time.process_time()
        result = work(*args)
        totals[stage] += time.process_time() - started
        return result

    for index, file in enumerate(files):
        if index == 1:
            totals = dict.fromkeys(totals, 0.0)
        with _collector_paused():
            raw = clock("read", Path(file).read_bytes)
            document = clock("load", load_bytes, raw, file)
            clock("schema", _schema_errors, document)
            clock("semantic", semantic_diagnostics, document)
            clock("size", _size_diagnostics, document)
    return {stage: 1000 * total / max(1, len(files) - 1) for stage, total in totals.items()}


def import_seconds(env: dict[str, str], runs: int) -> float:
    """Median seconds to import what `validate` imports, timed inside a child process."""
    probe = f"import time; s = time.perf_counter(); {VALIDATE_IMPORTS}; "
    probe += "print(time.perf_counter() - s)"
    found = [
        float(
            subprocess.run(
                [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, check=True
            ).stdout
        )
        for _ in range(runs + 1)
    ]
    return statistics.median(found[1:])


def commands(programs: Path, compare: Sequence[Path]) -> dict[str, tuple[list[str], Path]]:
    liftplan = liftplan_command()
    found = {
        "imports": ([sys.executable, "-c", FLOOR], ROOT),
        "validate": ([*liftplan, "validate", str(programs)], ROOT),
        "validate -j 1": ([*liftplan, "validate", "-j", "1", str(programs)], ROOT),
        "validate examples": ([*liftplan, "validate", str(ROOT / "programs")], ROOT),
    }
    for tree in compare:
        other = [sys.executable, "-m", "generator", "validate", str(programs)]
        found[f"validate ({tree})"] = (other, tree)
    return found


def report(
    figures: dict[str, tuple[float, float]], split: dict[str, float], imports: float, count: int
) -> None:
    floor_wall, floor_cpu = figures["imports"]
    print("| command | median s | cpu s | x imports (wall) | x imports (cpu) |")
    print("|---|--:|--:|--:|--:|")
    for name, (wall, cpu) in figures.items():
        ratios = f"{wall / floor_wall:.2f} | {cpu / floor_cpu:.2f}"
        print(f"| {name} | {wall:.3f} | {cpu:.3f} | {ratios} |")
    total = sum(split.values())
    print(f"\nwhere a `validate` process of {count} specs spends its time (in-process):")
    print(f"- imports of validate's modules: {1000 * imports:.0f} ms")
    for stage, ms in split.items():
        share = ms / total if total else 0.0
        print(f"- {stage}: {ms:.2f} ms a spec ({share:.0%} of the per-spec time)")
    print(f"- per spec in all: {total:.2f} ms; x {count}: {total * count / 1000:.2f} s")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--specs", type=int, default=100)
    parser.add_argument(
        "--compare", type=Path, action="append", default=[], help="a source tree timed alongside"
    )
    parser.add_argument("--as-is", action="store_true", help="leave the bytecode cache as set")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="liftplan-validate-") as scratch:
        cache = None if options.as_is else Path(scratch) / "pycache"
        env = environment(cache)
        programs = write_programs(Path(scratch), options.specs, (12, 3, 5), "p")
        print(f"python -m bench.validate {' '.join(argv or sys.argv[1:])}".rstrip())
        print(f"{options.specs} generated 12-week specs; medians of {options.runs} runs")
        print("bytecode: " + ("as the environment sets it" if cache is None else "cached"))
        figures = interleaved(commands(programs, options.compare), options.runs, env)
        split = stage_split(programs)
        report(figures, split, import_seconds(env, options.runs), options.specs)


if __name__ == "__main__":
    main()
