"""The report of bench/scale.py: the table of figures, the targets beside them (met or not,
never asserted) and the notes on what the figures mean.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.scale_stages import (
    EVERYTHING_BUT_PDF,
    FULL,
    HTML,
    IMPORTS,
    JOBS_1,
    JOBS_2,
    JOBS_SET,
    MKDOCS,
    NON_PDF,
    NOOP,
    PDF_ALONE,
    PDF_OURS,
    VALIDATE,
    Features,
    Row,
)

KIB_PER_MIB = 1024
KIB_PER_GIB = 1024 * 1024

# Targets (reported, never asserted).
VALIDATE_OVER_IMPORTS = 2.0
NOOP_SHARE = 0.05
JOBS_SPEEDUP = 1.7
THOUSAND_SECONDS = 60.0
THOUSAND_PEAK_KIB = KIB_PER_GIB
GROWTH_LIMIT = 1.2  # peak at 1000 programs over the peak at 100: "not growing"
PDF_OVER_ALONE = 1.25  # bench/pdf.py's target


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
