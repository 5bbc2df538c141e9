"""The sets bench/scale.py measures and the stages it measures on each: which commands,
on which programs, counting what.

A set's specs are in <its folder>/programs (generated ones are written there); its stages
work in sub-folders of that folder.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.mkdocs_site import write_project
from bench.scale_runs import COUNTERS, Fresh, Launcher, Measurement, Rebuild, launch, no_pages

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "programs"
SHAPE = (12, 3, 5)  # weeks, days a week, exercises a day
YEAR_SHAPE = (52, 6, 8)
PDF_UP_TO = 10  # programs: beyond this the PDF alone would take minutes a run
JOBS_SET = 10  # the set on which -j 1 and -j 2 are compared
NON_PDF = "html,ics,json,csv"

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
    from generator.pipeline import model
    from generator.plan import expand as engine
    from generator.plan import rounding
    from generator.spec.loader import load_file

    documents = [load_file(str(path)) for path in sorted(programs.glob("*.yaml"))]

    def measure() -> Measurement:
        rounding._made.cache_clear()
        gc.collect()
        started = time.perf_counter()
        for document in documents:
            engine.expand(model(document))
        return Measurement(time.perf_counter() - started)

    return Stage(EXPAND, measure)


def pdf_stages(programs: Path) -> list[Stage]:
    """bench/pdf.py's `ours` against WeasyPrint `alone` on the same HTML, in this process."""
    from bench.expand import generated_spec
    from bench.pdf import PAGE_SIZE, Output, alone, ours, timed
    from generator.pipeline import plan_spec, project
    from generator.publish.pdf import pdf_html
    from generator.publish.templates import environment
    from generator.spec.loader import dump, load_bytes

    env = environment()
    (spec,) = sorted(programs.glob("*.yaml"))
    plan = plan_spec(str(spec)).plan
    html = pdf_html(env, plan, PAGE_SIZE)
    # The first WeasyPrint call in a process loads fonts: pay for it on a small plan.
    small = load_bytes(dump(generated_spec(4, 1, 1)).encode(), "small.yaml")
    ours(env, project(small)[1])

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
