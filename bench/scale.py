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
import gc
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.mkdocs_site import write_project

RUNS = 3
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "programs"
SETS = ("examples", "1", "10", "100", "1000", "year")
QUICK_SETS = ("examples", "1", "10")
SHAPE = (12, 3, 5)  # weeks, days a week, exercises a day
YEAR_SHAPE = (52, 6, 8)
PDF_UP_TO = 10  # programs: beyond this the PDF alone would take minutes a run
JOBS_SET = 10  # the set on which -j 1 and -j 2 are compared
NON_PDF = "html,ics,json,csv"
KIB_PER_MIB = 1024
KIB_PER_GIB = 1024 * 1024

# Stage names, which the targets look up.
IMPORTS = "import yaml, jsonschema, click"
VALIDATE = "validate"
HTML = "build html"
MKDOCS = "MkDocs build, same pages"
EVERYTHING_BUT_PDF = f"build {NON_PDF}"
PDF = "build pdf"
FULL = "build, all formats"
NOOP = "no-op rebuild"
JOBS_1 = "build, all formats, -j 1"
JOBS_2 = "build, all formats, -j 2"
EXPAND = "expand (in-process)"
PDF_OURS = "PDF stage (in-process)"
PDF_ALONE = "WeasyPrint alone (in-process)"

# Targets (reported, never asserted).
VALIDATE_OVER_IMPORTS = 2.0
NOOP_SHARE = 0.05
JOBS_SPEEDUP = 1.7
THOUSAND_SECONDS = 60.0
THOUSAND_PEAK_KIB = KIB_PER_GIB
GROWTH_LIMIT = 1.2  # peak at 1000 programs over the peak at 100: "not growing"
PDF_OVER_ALONE = 1.25  # bench/pdf.py's target


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
class Stage:
    """One row of the table: how to measure one run of it, or why it cannot run here.

    `unit` names what its pages are ("html" files or "pdf" pages) when a time per page
    means something; `note` is shown beside the figures.
    """

    name: str
    measure: Callable[[], Measurement] | None
    unit: str = ""
    note: str = ""


@dataclass(frozen=True)
class Group:
    """A set of programs and the stages measured on it."""

    key: str
    title: str
    stages: list[Stage]


@dataclass(frozen=True)
class Row:
    """A stage's measurements on one set, summarised for the table and the targets."""

    group: str
    title: str
    stage: Stage
    runs: list[Measurement]

    @property
    def good(self) -> list[Measurement]:
        return [run for run in self.runs if not run.failure]

    @property
    def seconds(self) -> float | None:
        """The median over the runs that succeeded."""
        good = self.good
        return statistics.median(run.seconds for run in good) if good else None

    @property
    def cpu(self) -> float | None:
        """The median CPU seconds (user + system, with the workers) over the good runs."""
        times = [run.cpu for run in self.good if run.cpu is not None]
        return statistics.median(times) if times else None

    @property
    def peak_kib(self) -> int | None:
        """The highest peak of all runs: memory is a limit, so the worst run counts."""
        peaks = [run.peak_kib for run in self.good if run.peak_kib is not None]
        return max(peaks) if peaks else None

    @property
    def pages(self) -> int | None:
        return next((run.pages for run in self.good if run.pages is not None), None)

    @property
    def note(self) -> str:
        """The stage's note, or the first failure and how many runs failed."""
        failed = [run.failure for run in self.runs if run.failure]
        if failed:
            return f"{failed[0]} ({len(failed)} of {len(self.runs)} runs)"
        remarks = dict.fromkeys(run.remark for run in self.runs if run.remark)
        return "; ".join(part for part in (self.stage.note, " / ".join(remarks)) if part)


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


@dataclass(frozen=True)
class Features:
    """Which of the build's newer options this liftplan has, and how many worker processes
    a build runs when not told (the cores it may use; 1 without -j)."""

    jobs: bool
    cache: bool
    workers: int


@dataclass(frozen=True)
class Context:
    """What every group needs: the launcher, the liftplan command and a scratch folder.

    Each set gets a folder in `scratch`, with its specs in <folder>/programs; its stages
    work in sub-folders of <folder>, found from the programs folder's parent.
    """

    launcher: Launcher
    liftplan: list[str]
    features: Features
    scratch: Path


def liftplan_command() -> list[str]:
    """The installed `liftplan` script beside this Python, as a user runs it."""
    script = Path(sys.executable).parent / "liftplan"
    return [str(script)] if script.exists() else [sys.executable, "-m", "generator"]


def detect_features(liftplan: Sequence[str]) -> Features:
    """Whether `build` has -j/--jobs and --no-cache yet (another change is adding them)."""
    shown = subprocess.run(
        [*liftplan, "build", "--help"], capture_output=True, text=True, check=True
    ).stdout
    jobs = "--jobs" in shown
    workers = len(os.sched_getaffinity(0)) if jobs else 1
    return Features(jobs, cache="--no-cache" in shown, workers=workers)


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


def build_argv(
    context: Context,
    programs: Path,
    formats: str | None,
    *,
    cached: bool = False,
    jobs: int | None = None,
) -> Callable[[Path], list[str]]:
    """`liftplan build` of `programs` into a given folder; --no-cache unless `cached`."""

    def argv(output: Path) -> list[str]:
        command = [*context.liftplan, "build", str(programs), "-o", str(output)]
        if formats is not None:
            command += ["--format", formats]
        if not cached and context.features.cache:
            command.append("--no-cache")
        if jobs is not None:
            command += ["--jobs", str(jobs)]
        return command

    return argv


def build_stage(
    context: Context,
    name: str,
    programs: Path,
    formats: str | None,
    unit: str = "",
    *,
    jobs: int | None = None,
) -> Stage:
    """A build of real work: a fresh output folder every run, and no cache.

    `unit` is what to count its pages in: "html" files, "pdf" pages, or "" for none.
    """
    folder = programs.parent / re.sub(r"\W+", "-", name)
    argv = build_argv(context, programs, formats, jobs=jobs)
    return Stage(name, Fresh(context.launcher, folder, argv, COUNTERS[unit]), unit)


def validate_stage(context: Context, programs: Path) -> Stage:
    folder = programs.parent / "validate"
    command = [*context.liftplan, "validate", str(programs)]
    return Stage(VALIDATE, Fresh(context.launcher, folder, lambda _output: command))


def noop_stage(context: Context, programs: Path, formats: str | None) -> Stage:
    """The second of two builds into one output, with the cache when there is one."""
    folder = programs.parent / "noop"
    argv = build_argv(context, programs, formats, cached=True)
    note = f"--format {formats}" if formats else ""
    if not context.features.cache:
        note = f"{note}; no cache in this liftplan".lstrip("; ")
    return Stage(NOOP, Rebuild(context.launcher, folder, argv), note=note)


def jobs_stages(context: Context, programs: Path) -> list[Stage]:
    if not context.features.jobs:
        return [Stage(name, None, note="n/a (needs -j)") for name in (JOBS_1, JOBS_2)]
    return [
        build_stage(context, JOBS_1, programs, None, jobs=1),
        build_stage(context, JOBS_2, programs, None, jobs=2),
    ]


def write_programs(folder: Path, count: int, shape: tuple[int, int, int], name: str) -> Path:
    """`count` generated specs with distinct ids and titles, as YAML files in folder/programs."""
    from bench.expand import generated_spec
    from generator.spec.loader import dump

    programs = folder / "programs"
    programs.mkdir(parents=True)
    spec = generated_spec(*shape)
    for index in range(count):
        spec["id"] = f"{name}-{index + 1:04d}"
        spec["title"] = f"{name.capitalize()} program {index + 1}"
        (programs / f"{spec['id']}.yaml").write_text(dump(spec), encoding="utf-8")
    return programs


def warm_up(context: Context, programs: Path) -> list[str] | None:
    """An untimed HTML build, so that no timed run pays for first reads from disk.

    Returns the .html pages it wrote, relative to the output, for the MkDocs project; None
    if it failed (the timed runs of the same build then report the failure).
    """
    work = programs.parent / "warm-up"
    output = work / "out"
    done = launch(context.launcher, work, build_argv(context, programs, "html")(output), no_pages)
    if done.failure:
        return None
    pages = sorted(page.relative_to(output).as_posix() for page in output.rglob("*.html"))
    shutil.rmtree(work)
    return pages


def mkdocs_stage(context: Context, programs: Path, pages: list[str] | None, rows: int) -> Stage:
    """MkDocs building a project with the same pages as our site (see bench/mkdocs_site.py)."""
    if importlib.util.find_spec("mkdocs") is None:
        return Stage(MKDOCS, None, note="n/a (pip install -e '.[bench]')")
    if pages is None:
        return Stage(MKDOCS, None, note="n/a (our HTML build failed)")
    project = programs.parent / "mkdocs"
    count = write_project(project, pages, rows)
    config = str(project / "mkdocs.yml")

    def argv(output: Path) -> list[str]:
        return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(output)]

    measure = Fresh(context.launcher, programs.parent / "mkdocs-runs", argv, lambda _o, _e: count)
    return Stage(MKDOCS, measure, "html")


def expand_stage(programs: Path) -> Stage:
    """Model building and expansion of every spec, in this process, parsed beforehand.

    The expansion's rounding cache is emptied before each run, as a new process finds it.
    """
    from generator.plan import expand as engine
    from generator.spec.loader import load_file
    from generator.spec.model import build_program

    documents = [load_file(str(path)).data for path in sorted(programs.glob("*.yaml"))]

    def measure() -> Measurement:
        engine._made.cache_clear()
        gc.collect()
        started = time.perf_counter()
        for data in documents:
            engine.expand(build_program(data))
        return Measurement(time.perf_counter() - started)

    return Stage(EXPAND, measure)


def pdf_stages(programs: Path) -> list[Stage]:
    """bench/pdf.py's `ours` against WeasyPrint `alone` on the same HTML, in this process."""
    from bench.expand import generated_spec
    from bench.pdf import PAGE_SIZE, Output, alone, ours, timed
    from generator.plan.expand import expand
    from generator.publish.pdf import pdf_html
    from generator.publish.templates import environment
    from generator.spec.loader import dump, load_bytes, load_file
    from generator.spec.model import build_program

    env = environment()
    (spec,) = sorted(programs.glob("*.yaml"))
    plan = expand(build_program(load_file(str(spec)).data))
    html = pdf_html(env, plan, PAGE_SIZE)
    # The first WeasyPrint call in a process loads fonts: pay for it on a small plan.
    small = load_bytes(dump(generated_spec(4, 1, 1)).encode(), "small.yaml")
    ours(env, expand(build_program(small.data)))

    def measured(work: Callable[[], Output]) -> Callable[[], Measurement]:
        def measure() -> Measurement:
            seconds, output = timed(work)
            return Measurement(seconds, pages=output.pages)

        return measure

    return [
        Stage(PDF_OURS, measured(lambda: ours(env, plan)), "pdf"),
        Stage(PDF_ALONE, measured(lambda: alone(html)), "pdf"),
    ]


def examples_group(context: Context) -> Group:
    """The examples: the targets for validation and for the no-op rebuild are about them."""
    folder = context.scratch / "examples"
    folder.mkdir()
    # Every set's specs are in <its folder>/programs, and its stages work beside them.
    programs = folder / "programs"
    programs.symlink_to(EXAMPLES, target_is_directory=True)
    command = [sys.executable, "-c", IMPORTS]
    imports = Fresh(context.launcher, folder / "imports", lambda _output: command)
    stages = [
        Stage(IMPORTS, imports, note="python -c"),
        validate_stage(context, programs),
        build_stage(context, FULL, programs, None, "pdf"),
        noop_stage(context, programs, None),
    ]
    count = len(list(EXAMPLES.glob("*.yaml")))
    return Group("examples", f"examples ({count})", stages)


def synthetic_group(context: Context, key: str) -> Group:
    """N generated programs, or the year; the PDF stages only where they finish in time."""
    year = key == "year"
    count = 1 if year else int(key)
    shape = YEAR_SHAPE if year else SHAPE
    folder = context.scratch / f"set-{key}"
    programs = write_programs(folder, count, shape, "year" if year else "synthetic")
    with_pdf = year or count <= PDF_UP_TO
    pages = warm_up(context, programs)
    stages = [
        validate_stage(context, programs),
        build_stage(context, HTML, programs, "html", "html"),
        mkdocs_stage(context, programs, pages, shape[1] * shape[2]),
        build_stage(context, EVERYTHING_BUT_PDF, programs, NON_PDF),
    ]
    if with_pdf:
        stages += [
            build_stage(context, PDF, programs, "pdf", "pdf"),
            build_stage(context, FULL, programs, None, "pdf"),
        ]
    stages.append(noop_stage(context, programs, None if with_pdf else NON_PDF))
    if count == JOBS_SET and not year:
        stages += jobs_stages(context, programs)
    stages.append(expand_stage(programs))
    if year:
        stages += pdf_stages(programs)
    weeks, days, exercises = shape
    return Group(key, f"{count} x {weeks}w {days}d {exercises}ex", stages)


def measure_group(group: Group, runs: int, clock: float) -> list[Row]:
    """Every stage once per run, run after run, so the runs of all stages interleave."""
    measured: dict[str, list[Measurement]] = {stage.name: [] for stage in group.stages}
    for run in range(runs):
        progress(clock, f"{group.title}: run {run + 1} of {runs}")
        for stage in group.stages:
            if stage.measure is not None:
                measured[stage.name].append(stage.measure())
    return [Row(group.key, group.title, stage, measured[stage.name]) for stage in group.stages]


def progress(clock: float, message: str) -> None:
    print(f"[{time.perf_counter() - clock:5.0f} s] {message}", file=sys.stderr, flush=True)


# The table.

COLUMNS = ("set", "stage", "median s", "cpu s", "peak MiB", "pages", "ms/page", "note")
WIDTHS = (18, 30, 8, 6, 8, 6, 7)


def cells(row: Row) -> list[str]:
    """A row's figures as text; `-` where there is none (in-process memory, say)."""
    seconds, cpu, peak, pages = row.seconds, row.cpu, row.peak_kib, row.pages
    per_page = ""
    if seconds is not None and pages and row.stage.unit:
        per_page = f"{1000 * seconds / pages:.1f}"
    return [
        row.title,
        row.stage.name,
        f"{seconds:.2f}" if seconds is not None else "-",
        f"{cpu:.2f}" if cpu is not None else "-",
        f"{peak / KIB_PER_MIB:.0f}" if peak is not None else "-",
        f"{pages} {row.stage.unit}".strip() if pages is not None else "",
        per_page,
        row.note,
    ]


def plain_line(values: Sequence[str]) -> str:
    """Names to the left, figures to the right, the note last and unpadded."""
    name, stage, *figures, note = values
    parts = [f"{name:<{WIDTHS[0]}}", f"{stage:<{WIDTHS[1]}}"]
    parts += [f"{value:>{width}}" for value, width in zip(figures, WIDTHS[2:], strict=True)]
    return "  ".join([*parts, note]).rstrip()


def markdown_line(values: Sequence[str]) -> str:
    return "| " + " | ".join(value.replace("|", "\\|") for value in values) + " |"


# The targets.


@dataclass(frozen=True)
class Verdict:
    """One target and whether it was met, with the figures that say so."""

    target: str
    outcome: str


@dataclass
class Results:
    """Every row, found by set and stage."""

    rows: list[Row] = field(default_factory=list)

    def seconds(self, group: str, stage: str) -> float | None:
        row = self.find(group, stage)
        return row.seconds if row is not None else None

    def find(self, group: str, stage: str) -> Row | None:
        return next((r for r in self.rows if r.group == group and r.stage.name == stage), None)

    def per_page(self, group: str, stage: str) -> float | None:
        row = self.find(group, stage)
        if row is None or row.seconds is None or not row.pages:
            return None
        return row.seconds / row.pages


def met(condition: bool, detail: str) -> str:
    return f"{'met' if condition else 'not met'} ({detail})"


def missing(group: str, results: Results, stage: str) -> str:
    """Why a target has no figures: the set was not run, or the stage could not be."""
    row = results.find(group, stage)
    if row is None:
        return f"n/a (set {group} not run)"
    return row.note or "n/a (no successful run)"


def validate_target(results: Results) -> Verdict:
    target = f"`liftplan validate programs/` under {VALIDATE_OVER_IMPORTS:g}x `{IMPORTS}`"
    ours, imports = results.seconds("examples", VALIDATE), results.seconds("examples", IMPORTS)
    if ours is None or imports is None:
        return Verdict(target, missing("examples", results, VALIDATE))
    ratio = ours / imports
    detail = f"{ours:.2f} s is {ratio:.2f}x {imports:.2f} s"
    return Verdict(target, met(ratio < VALIDATE_OVER_IMPORTS, detail))


def noop_target(results: Results) -> Verdict:
    target = f"no-op rebuild of programs/ under {NOOP_SHARE:.0%} of the full build"
    noop, full = results.seconds("examples", NOOP), results.seconds("examples", FULL)
    if noop is None or full is None:
        return Verdict(target, missing("examples", results, NOOP))
    detail = f"{noop:.2f} s is {noop / full:.1%} of {full:.2f} s"
    return Verdict(target, met(noop < NOOP_SHARE * full, detail))


def jobs_target(results: Results) -> Verdict:
    key = str(JOBS_SET)
    target = f"-j 2 at least {JOBS_SPEEDUP:g}x as fast as -j 1 on {key} programs with PDFs"
    one, two = results.seconds(key, JOBS_1), results.seconds(key, JOBS_2)
    if one is None or two is None:
        return Verdict(target, missing(key, results, JOBS_1))
    detail = f"{one:.1f} s / {two:.1f} s = {one / two:.2f}x"
    row = results.find(key, JOBS_2)
    if row is not None and row.cpu is not None:
        detail += f"; -j 2 kept {row.cpu / two:.2f} cores busy"
    return Verdict(target, met(one / two >= JOBS_SPEEDUP, detail))


def thousand_targets(results: Results, workers: int) -> list[Verdict]:
    """1000 programs without PDFs: time, memory, and memory against 100 programs."""
    row = results.find("1000", EVERYTHING_BUT_PDF)
    hundred = results.find("100", EVERYTHING_BUT_PDF)
    prefix = f"1000 programs, {NON_PDF}"
    targets = [
        f"{prefix}: under {THOUSAND_SECONDS:.0f} s",
        f"{prefix}: under 1 GiB peak memory",
        f"{prefix}: peak memory not growing (at most {GROWTH_LIMIT:g}x the peak at 100)",
    ]
    if row is None or row.seconds is None or row.peak_kib is None:
        return [Verdict(target, missing("1000", results, EVERYTHING_BUT_PDF)) for target in targets]
    verdicts = [
        Verdict(targets[0], met(row.seconds < THOUSAND_SECONDS, f"{row.seconds:.1f} s")),
        Verdict(targets[1], memory_outcome(row.peak_kib, workers)),
    ]
    if hundred is None or hundred.peak_kib is None:
        verdicts.append(Verdict(targets[2], missing("100", results, EVERYTHING_BUT_PDF)))
    else:
        growth = row.peak_kib / hundred.peak_kib
        detail = (
            f"{row.peak_kib / KIB_PER_MIB:.0f} MiB against "
            f"{hundred.peak_kib / KIB_PER_MIB:.0f} MiB: {growth:.2f}x"
        )
        verdicts.append(Verdict(targets[2], met(growth <= GROWTH_LIMIT, detail)))
    return verdicts


def memory_outcome(peak_kib: int, workers: int) -> str:
    """Whether the whole build stays under 1 GiB, from the largest process's peak.

    ru_maxrss is one process's peak, not the sum of the processes alive at once. With
    N workers at most N + 1 liftplan processes run at once (the workers and the main one),
    none above that peak, so N + 1 times it bounds the whole build from above.
    """
    peak = peak_kib / KIB_PER_MIB
    if workers <= 1:
        return met(peak_kib < THOUSAND_PEAK_KIB, f"{peak:.0f} MiB")
    bound = (workers + 1) * peak_kib
    detail = (
        f"{peak:.0f} MiB a process, at most {workers + 1} at once with -j {workers}: "
        f"at most {bound / KIB_PER_MIB:.0f} MiB in all"
    )
    if peak_kib < THOUSAND_PEAK_KIB <= bound:
        return f"undecided ({detail}; the processes' sum is not measured)"
    return met(bound < THOUSAND_PEAK_KIB, detail)


def html_targets(results: Results) -> list[Verdict]:
    """Per set: our HTML build faster per page than MkDocs building as many pages."""
    verdicts = []
    for key in dict.fromkeys(row.group for row in results.rows if row.stage.name == MKDOCS):
        title = next(row.title for row in results.rows if row.group == key)
        target = f"HTML faster per page than MkDocs, {title}"
        ours, theirs = results.per_page(key, HTML), results.per_page(key, MKDOCS)
        if ours is None or theirs is None:
            verdicts.append(Verdict(target, missing(key, results, MKDOCS)))
            continue
        detail = f"{1 / ours:.0f} pages/s against {1 / theirs:.0f} pages/s"
        verdicts.append(Verdict(target, met(ours < theirs, detail)))
    return verdicts


def pdf_target(results: Results) -> Verdict:
    target = f"PDF stage at most {PDF_OVER_ALONE:g}x WeasyPrint alone per page, year"
    ours, alone = results.per_page("year", PDF_OURS), results.per_page("year", PDF_ALONE)
    if ours is None or alone is None:
        return Verdict(target, "n/a (run with --sizes year, or `python -m bench.pdf`)")
    detail = f"{1000 * ours:.0f} ms/page against {1000 * alone:.0f}: {ours / alone:.2f}x"
    return Verdict(target, met(ours <= PDF_OVER_ALONE * alone, detail))


def verdicts(results: Results, features: Features) -> list[Verdict]:
    return [
        validate_target(results),
        noop_target(results),
        jobs_target(results),
        *thousand_targets(results, features.workers),
        *html_targets(results),
        pdf_target(results),
    ]


def notes(features: Features, launcher_kib: int) -> list[str]:
    """What the figures mean; printed under the table."""
    cache = "passed" if features.cache else "not passed: this liftplan has no cache yet"
    if features.jobs:
        jobs = f"{features.workers} worker processes (-j's default: the cores)"
    else:
        jobs = "one process (this liftplan has no -j yet)"
    return [
        "median s: wall-clock seconds of the whole process, spawn to exit, interpreter start "
        "and imports included (in-process rows: the work alone).",
        "cpu s: median user + system CPU seconds of the process and the workers it waited for "
        "(ru_utime + ru_stime from os.wait4); cpu s / median s is how many cores it kept "
        "busy. On a shared machine a parallel build can only be as fast as the cores it got.",
        "peak MiB: ru_maxrss from os.wait4, the highest of the runs. On Linux it is the largest "
        "resident set of the process itself or of any one descendant it waited for: workers "
        "alive at the same time are not added up. Commands are spawned by bench/launcher.py, "
        f"whose own peak ({launcher_kib / KIB_PER_MIB:.0f} MiB) Linux carries into every "
        "child's figure; no figure can be lower.",
        "pages: .html files written (MkDocs: Markdown pages, mirroring ours), or PDF pages as "
        "the build reports them; ms/page is the median seconds over them.",
        f"Stages and full builds run into a fresh folder every run, with --no-cache ({cache}). "
        "The no-op rebuild builds into one output twice, back to back, with the cache, and "
        "times the second; its note says how many programs came from the cache.",
        f"Builds without -j run {jobs}; MkDocs runs in one.",
        "MkDocs: the built-in mkdocs theme, plugins: [], use_directory_urls: false, a "
        "navigation of the home page alone; each week page a table of a row per exercise.",
    ]


def report(rows: list[Row], features: Features, launcher_kib: int, markdown: bool) -> None:
    """The table (unless printed already), the targets and the notes."""
    results = Results(rows)
    if markdown:
        print(markdown_line(COLUMNS))
        print("|---|---|--:|--:|--:|--:|--:|---|")
        for row in rows:
            print(markdown_line(cells(row)))
        print()
    print("Targets (reported, never asserted):")
    for verdict in verdicts(results, features):
        print(f"- {verdict.target}: {verdict.outcome}")
    print()
    print("Notes:")
    for note in notes(features, launcher_kib):
        print(f"- {note}")


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
