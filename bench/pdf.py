"""Benchmark: the PDF stage, against WeasyPrint alone and against a table layout.

Run with `python -m bench.pdf [--runs N]`. It answers two questions about
generator/publish/pdf.py and templates/pdf.html:

* does liftplan's wrapping of WeasyPrint (Jinja rendering, the restricted URL
  fetcher, collecting logged errors) cost much over WeasyPrint alone on the same
  HTML? The target is ours <= 1.25x alone;
* does laying out weeks as blocks rather than tables pay off, as generator/publish/pdf.py
  claims? The same content as one table per week (bench/table_layout/pdf.html)
  should be slower than ours.

The machines are shared and noisy, so runs are interleaved (ours, alone, table for
one program, then the next run) and medians are printed; nothing is compared
against a fixed limit, and nothing fails on a slow run.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import platform
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from bench.expand import generated_spec
from generator.pipeline import check_document, plan_spec, project
from generator.plan.values import Plan
from generator.publish.pdf import pdf_html, pdf_view, render_pdf
from generator.publish.templates import environment
from generator.resources import data_dir
from generator.spec.loader import dump, load_bytes

RUNS = 3
PAGE_SIZE = "a4"
ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "programs"
TABLE_LAYOUT = Path(__file__).resolve().parent / "table_layout"
# The synthetic program: bench/expand.py's generator at a size that keeps the whole
# benchmark near three minutes on two cores (12 weeks x 3 days x 4 exercises).
SYNTHETIC = (12, 3, 4)


@dataclass(frozen=True)
class Case:
    """One program to print, by the name the table shows."""

    name: str
    plan: Plan


@dataclass(frozen=True)
class Output:
    """A PDF one variant made, kept from the first run to check the content."""

    data: bytes
    pages: int


@dataclass
class Timings:
    """Seconds of every run of the three variants for one program, and their pages."""

    ours: list[float]
    alone: list[float]
    table: list[float]
    ours_pages: int = 0
    table_pages: int = 0


def cases() -> Iterator[Case]:
    """The example programs, then the synthetic one, each expanded as `liftplan build` does."""
    for path in sorted(PROGRAMS.glob("*.yaml")):
        yield Case(path.stem, plan_spec(str(path)).plan)
    weeks, days, exercises = SYNTHETIC
    document = load_bytes(dump(generated_spec(weeks, days, exercises)).encode(), "bench.yaml")
    errors = [d.format() for d in check_document(document) if d.severity == "error"]
    assert not errors, errors
    yield Case(f"synthetic {weeks}w x {days}d x {exercises}", project(document)[1])


def ours(env: jinja2.Environment, plan: Plan) -> Output:
    """The whole PDF stage as `liftplan build` runs it: Jinja, then the guarded WeasyPrint."""
    pdf = render_pdf(pdf_html(env, plan, PAGE_SIZE), [data_dir("templates")])
    return Output(pdf.data, pdf.pages)


def alone(html: str) -> Output:
    """WeasyPrint with its defaults (its own URL fetcher, no log handler) on the same HTML."""
    import weasyprint

    base = data_dir("templates").resolve().as_uri() + "/"
    document = weasyprint.HTML(string=html, base_url=base).render()
    data = document.write_pdf()
    assert isinstance(data, bytes)
    return Output(data, len(document.pages))


def table(env: jinja2.Environment, plan: Plan) -> Output:
    """The same pipeline as `ours`, with bench/table_layout/pdf.html in place of the built-in."""
    pdf = render_pdf(pdf_html(env, plan, PAGE_SIZE), [TABLE_LAYOUT, data_dir("templates")])
    return Output(pdf.data, pdf.pages)


def timed(work: Callable[[], Output]) -> tuple[float, Output]:
    """Seconds `work` takes, after collecting the previous variant's garbage untimed.

    A WeasyPrint document is a large graph of boxes with reference cycles; without the
    collection, the cyclic garbage of one variant would be collected while the next runs.
    """
    gc.collect()
    started = time.perf_counter()
    output = work()
    return time.perf_counter() - started, output


def planned_targets(plan: Plan) -> Counter[str]:
    """Every planned target the log rows print ("5 @ 100 kg, RPE 8"), with how often."""
    return Counter(
        row["target"]
        for week in pdf_view(plan, PAGE_SIZE)["week_pages"]
        for session in week["sessions"]
        for exercise in session["exercises"]
        for row in exercise["log_rows"]
    )


def pdf_text(data: bytes) -> str:
    """The PDF's text with runs of white space made single spaces, for substring checks."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def missing_targets(targets: Counter[str], data: bytes) -> list[str]:
    """Targets that the PDF's text holds fewer times than the plan has them.

    Counting substrings can only over-count ("5 @ 40 kg" inside "15 @ 40 kg"), so an
    empty list is a lenient check; a layout that leaves rows out still fails it.
    """
    text = pdf_text(data)
    return [
        target
        for target, count in targets.items()
        if text.count(re.sub(r"\s+", " ", target)) < count
    ]


def measure(case: Case, runs: int, envs: dict[str, jinja2.Environment]) -> Timings:
    """Run the three variants `runs` times, interleaved, and check the first run's content.

    The HTML for `alone` is rendered outside the timing: it is the input ours also starts
    from, so alone is WeasyPrint's share of ours and ours/alone is what liftplan adds.
    """
    html = pdf_html(envs["ours"], case.plan, PAGE_SIZE)
    timings = Timings([], [], [])
    for run in range(runs):
        seconds, mine = timed(lambda: ours(envs["ours"], case.plan))
        timings.ours.append(seconds)
        seconds, plain = timed(lambda: alone(html))
        timings.alone.append(seconds)
        seconds, tabled = timed(lambda: table(envs["table"], case.plan))
        timings.table.append(seconds)
        if run == 0:
            timings.ours_pages, timings.table_pages = mine.pages, tabled.pages
            assert plain.pages == mine.pages, (plain.pages, mine.pages)
            targets = planned_targets(case.plan)
            for name, output in (("ours", mine), ("table", tabled)):
                lost = missing_targets(targets, output.data)
                assert not lost, f"{case.name}: {name} PDF lacks planned targets {lost[:5]}"
    return timings


def machine() -> str:
    """What the numbers were measured on: they mean little without it."""
    import weasyprint

    return (
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}"
    )


COLUMNS = (
    "program",
    "pages",
    "ours s",
    "alone s",
    "ours/alone",
    "ours ms/pg",
    "table pages",
    "table s",
    "table ms/pg",
    "table/ours",
)
FIRST_WIDTH = 26


def row(cells: Sequence[object]) -> str:
    """Cells under COLUMNS: the program's name to the left, the numbers to the right."""
    name, *numbers = (str(cell) for cell in cells)
    widths = [len(column) for column in COLUMNS[1:]]
    return "  ".join(
        [f"{name:<{FIRST_WIDTH}}"]
        + [f"{cell:>{width}}" for cell, width in zip(numbers, widths, strict=True)]
    )


def report(name: str, timings: Timings) -> str:
    """One line of the table: medians in seconds, per page in milliseconds, and the ratios.

    ours/alone: what liftplan's own part (Jinja rendering, the URL fetcher, the log
    handler) costs on top of WeasyPrint for the same HTML and pages (1.00 = nothing;
    the target is at most 1.25). Same pages, so it is also the ratio per page.
    table/ours: how many times longer the table layout takes for the same content
    (above 1 = the block layout is faster, as generator/publish/pdf.py claims). It compares
    whole documents, not pages: the two layouts fill a different number of pages.
    """
    mine = statistics.median(timings.ours)
    plain = statistics.median(timings.alone)
    tabled = statistics.median(timings.table)
    return row(
        [
            name,
            timings.ours_pages,
            f"{mine:.2f}",
            f"{plain:.2f}",
            f"{mine / plain:.2f}x",
            f"{1000 * mine / timings.ours_pages:.0f}",
            timings.table_pages,
            f"{tabled:.2f}",
            f"{1000 * tabled / timings.table_pages:.0f}",
            f"{tabled / mine:.2f}x",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    """Time the PDF stage of every example program and of a synthetic one, and print a table.

    Columns: pages of our PDF; `ours s`, the median seconds of pdf_html + render_pdf;
    `alone s`, WeasyPrint's HTML().render().write_pdf() on the same HTML; `ours/alone`;
    `ours ms/pg`; then the table layout's pages, seconds and ms per page, and
    `table/ours`, its time over ours for the whole document (see `report`).
    """
    parser = argparse.ArgumentParser(
        prog="python -m bench.pdf",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each (default {RUNS})")
    runs = parser.parse_args(argv).runs
    if runs < 1:
        parser.error("--runs must be at least 1")
    envs = {"ours": environment(), "table": environment(TABLE_LAYOUT)}
    loaded = list(cases())
    print(machine())
    # The first WeasyPrint call in a process loads fonts and the user-agent style sheet.
    ours(envs["ours"], min(loaded, key=lambda case: len(case.plan.sessions)).plan)
    print(f"medians of {runs} runs; page size {PAGE_SIZE}; ms/pg is milliseconds per page")
    print(row(COLUMNS))
    total = time.perf_counter()
    for case in loaded:
        print(report(case.name, measure(case, runs, envs)), flush=True)
    print(f"whole run: {time.perf_counter() - total:.0f} s")


if __name__ == "__main__":
    main()
