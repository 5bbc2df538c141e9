"""Benchmark: the printed plan's pages, how full they are, and the PDF stage's time,
against WeasyPrint alone and against the layout before the compact printed week.

Run with `python -m bench.pdf [--runs N] [--programs NAME,NAME] [--sizes a4,letter]`.
For every example program (programs/*.yaml and programs/library/*.yaml, named by file
stem) and page size it prints a row of a markdown table:

* pages of the PDF; cover pages (a page whose text names no week, "Week N:", in its
  heading or running header; counted, not assumed to be one); printed weeks (weeks with
  a session: a week without one gets no page); pages per week, (pages - cover) / weeks;
* fill: how much of a week page's two columns holds content, the mean over the week
  pages, and the lowest page's (a sliver after a full page shows as a low minimum).
  A column's fill is (bottom of its lowest box - top of the columns) / (bottom of the
  page's content area - top of the columns), a page's the mean of its two columns. It is
  read from the boxes WeasyPrint laid out (`document.pages[i]._page_box`): the
  `div.columns` box holds the two column boxes (floats side by side), so each column's
  boxes and the top of the columns are known exactly, in CSS units, with no threshold of
  ink to pick and no margin to hard-code; a column left empty is 0. (A 50 dpi raster from pdftoppm
  gave the same bottoms to within a pixel, but cannot tell where the columns start under
  the week's heading, nor the heading's ink from a column's.) The boxes are those of the
  `alone` run below on the same HTML, in the first run, outside the timings;
* `ours s`, the median seconds of the whole PDF stage as `liftplan build` runs it
  (pdf_html + render_pdf: Jinja, the restricted URL fetcher, the logged errors), and
  `alone s`, WeasyPrint's defaults on the same HTML, writing the same tagged PDF
  (HTML().render().write_pdf(pdf_tags=True)).
  Target: ours/alone at most 1.25;
* the old layout (bench/old_layout: templates/pdf.html and assets/pdf.css of commit
  43c8a32, a week a page or more with a "log row" a set) through the same stage as
  ours: its pages and seconds, and new/old for both. It is fed the views of the code it
  runs with, so what the site's views print (a set's line, say) changes its pages too.

Targets of the compact printed week: the 5/3/1 example (`five-three-one`) on at most
18 pages on A4 (the old layout: 49), and its PDF stage at most 0.4x the old layout's
time; the lines under the table say whether they are met, when it was measured, with
the same ratio in CPU seconds (the process's own, steadier on a shared machine).

The first run also checks the new PDF's content: every session's date ("Monday 04
January") is in its text, and each week is on as many pages as generator/publish/pdf.py
planned (`len(_printed_week(plan, week, size)["sheets"])`), counted by the running header
(the last "Week N:" in a page's text, printed in the page's margin) so that a page
WeasyPrint had to add is caught. A mismatch fails, naming the program and the week.

The machines are shared and noisy, so runs are interleaved (ours, alone, old for one
program and size, then the next run) and medians are printed; no time fails the run.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import jinja2

from generator.pipeline import plan_spec
from generator.plan.values import Plan
from generator.publish.paper import PAGE_SIZES
from generator.publish.pdf import TEMPLATE, _printed_week, pdf_html, pdf_view, render_pdf
from generator.publish.templates import environment, render
from generator.resources import data_dir

RUNS = 3
PAGE_SIZE = "a4"  # bench/scale_stages.py times `ours` at this size
ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "programs"
OLD_LAYOUT = Path(__file__).resolve().parent / "old_layout"
# A page names its week in the heading and in the running header, printed in the margin
# after the page's content: the last match is the running header.
WEEK_NAMED = re.compile(r"Week (\d+):")
# The targets the docstring states, checked under the table: (program, page size).
TARGET_CASE = ("five-three-one", "a4")
TARGET_PAGES = 18
TARGET_OVER_OLD = 0.4

T = TypeVar("T")


@dataclass(frozen=True)
class Case:
    """One example program: its file stem (what --programs names) and its plan."""

    stem: str
    name: str  # as the table shows it: library programs as library/<stem>
    plan: Plan


@dataclass(frozen=True)
class Output:
    """A PDF one variant made, kept from the first run to check the content."""

    data: bytes
    pages: int


@dataclass
class Result:
    """Everything measured of one program at one page size."""

    case: Case
    size: str
    ours: list[float] = field(default_factory=list)
    alone: list[float] = field(default_factory=list)
    old: list[float] = field(default_factory=list)
    ours_cpu: list[float] = field(default_factory=list)
    old_cpu: list[float] = field(default_factory=list)
    pages: int = 0
    cover: int = 0
    weeks: int = 0
    fills: list[float] = field(default_factory=list)  # one a week page
    old_pages: int = 0


def cases(names: Iterable[str] | None = None) -> list[Case]:
    """The example programs, all or those named by stem, planned as `liftplan build` does."""
    paths = sorted(PROGRAMS.glob("*.yaml")) + sorted((PROGRAMS / "library").glob("*.yaml"))
    wanted = set(names) if names is not None else None
    return [
        Case(path.stem, str(path.relative_to(PROGRAMS).with_suffix("")), plan_spec(str(path)).plan)
        for path in paths
        if wanted is None or path.stem in wanted
    ]


def program_stems() -> list[str]:
    """The stems --programs may name, without planning anything."""
    return sorted(path.stem for path in PROGRAMS.glob("**/*.yaml"))


def ours(env: jinja2.Environment, plan: Plan, page_size: str = PAGE_SIZE) -> Output:
    """The whole PDF stage as `liftplan build` runs it: Jinja, then the guarded WeasyPrint."""
    pdf = render_pdf(pdf_html(env, plan, page_size), [data_dir("templates")])
    return Output(pdf.data, pdf.pages)


def old(env: jinja2.Environment, plan: Plan, page_size: str) -> Output:
    """The same stage as `ours` with bench/old_layout in front of the built-in templates,
    so its pdf.html and assets/pdf.css (the layout of commit 43c8a32) are the ones used.

    The old template captions the chart with its tallest week's hard sets,
    `chart.most_sets`, which the chart's view no longer gives (it labels each bar): it is
    given here, from those labels, so that the old layout prints as it did."""
    view = pdf_view(plan, page_size)
    chart = view["chart"]
    if "most_sets" not in chart:
        labels = [value["label"] for value in chart.get("bar_values", [])]
        most = max((int(label) for label in labels if label.isdigit()), default=0)
        view["chart"] = {**chart, "most_sets": most}
    html = render(env, TEMPLATE, view)
    pdf = render_pdf(html, [OLD_LAYOUT, data_dir("templates")])
    return Output(pdf.data, pdf.pages)


def alone_document(html: str) -> tuple[Output, Any]:
    """WeasyPrint with its defaults (its own URL fetcher, no log handler) on the same HTML,
    writing the same tagged PDF as render_pdf (so ours/alone is liftplan's wrapping, not
    the tags), and the laid-out document, whose boxes the fill is read from."""
    import weasyprint

    base = data_dir("templates").resolve().as_uri() + "/"
    document = weasyprint.HTML(string=html, base_url=base).render()
    data = document.write_pdf(pdf_tags=True)
    assert isinstance(data, bytes)
    return Output(data, len(document.pages)), document


def alone(html: str) -> Output:
    """WeasyPrint alone, as bench/scale_stages.py times it: the PDF without the document."""
    return alone_document(html)[0]


def timed(work: Callable[[], T]) -> tuple[float, T]:
    """Seconds `work` takes, after collecting the previous variant's garbage untimed."""
    seconds, _cpu, output = clocked(work)
    return seconds, output


def clocked(work: Callable[[], T]) -> tuple[float, float, T]:
    """Seconds `work` takes and the CPU seconds the process spent in them, after
    collecting the previous variant's garbage untimed.

    A WeasyPrint document is a large graph of boxes with reference cycles; without the
    collection, the cyclic garbage of one variant would be collected while the next runs.
    The CPU seconds are the steadier figure on a shared machine: a process that waits for
    a core adds to the seconds but not to them (the stage runs in one thread, so on an
    idle machine the two agree).
    """
    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    output = work()
    return time.perf_counter() - started, time.process_time() - cpu, output


# --- content ---------------------------------------------------------------------------


def page_texts(data: bytes) -> list[str]:
    """Each page's text with runs of white space made single spaces, for substring checks."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


def page_weeks(texts: Sequence[str]) -> list[int | None]:
    """The week each page's running header names (its last "Week N:"); None for a page
    that names none, which is the cover's."""
    weeks: list[int | None] = []
    for text in texts:
        named = WEEK_NAMED.findall(text)
        weeks.append(int(named[-1]) if named else None)
    return weeks


def cover_pages(case: Case, weeks: Sequence[int | None]) -> int:
    """How many pages the cover takes: those before the first week's; a page after them
    that names no week would be a hole in the weeks, so it fails."""
    cover = next((at for at, week in enumerate(weeks) if week is not None), len(weeks))
    assert None not in weeks[cover:], f"{case.name}: a page after the cover names no week"
    return cover


def check_content(case: Case, size: str, texts: Sequence[str], weeks: Sequence[int | None]) -> None:
    """Fail unless every session's date is printed and each week is on the pages planned
    for it: the layout may not drop a session, nor spill a week onto a page unplanned."""
    text = " ".join(texts)
    dates = (f"{session.date:%A %d %B}" for session in case.plan.sessions)
    missing = [date for date in dates if date not in text]
    assert not missing, f"{case.name} ({size}): the PDF lacks sessions of {missing[:5]}"
    actual = Counter(week for week in weeks if week is not None)
    planned = {
        week.number: len(_printed_week(case.plan, week, size)["sheets"])
        for week in case.plan.weeks
        if week.sessions
    }
    for number in sorted(set(planned) | set(actual)):
        assert planned.get(number, 0) == actual[number], (
            f"{case.name} ({size}): week {number} planned on {planned.get(number, 0)} "
            f"pages, printed on {actual[number]}"
        )


# --- fill ------------------------------------------------------------------------------


def descendants(box: Any) -> Iterable[Any]:
    """Every box inside `box`, depth first."""
    for child in getattr(box, "children", ()):
        yield child
        yield from descendants(child)


def page_fill(page: Any) -> float:
    """The mean share of a week page's two columns that holds content (see the module's
    docstring); 0 for a page without columns."""
    page_box = page._page_box
    bottom = page_box.content_box_y() + page_box.height
    columns = next(
        (
            box
            for box in descendants(page_box)
            if box.element_tag == "div" and "columns" in (box.element.get("class") or "").split()
        ),
        None,
    )
    if columns is None:
        return 0.0
    laid = list(columns.children)
    assert len(laid) <= 2, f"{len(laid)} column boxes: has WeasyPrint's column layout changed?"
    fills = [column_fill(column, bottom) for column in laid]
    return sum(fills) / 2  # a column not laid out is empty


def column_fill(column: Any, bottom: float) -> float:
    """How far down the space from the column's top to the page's bottom its lowest box
    reaches (border boxes: a margin below the last session is not content)."""
    top = column.content_box_y()
    lowest = max(
        (box.border_box_y() + box.border_height() for box in descendants(column)), default=top
    )
    return float((lowest - top) / (bottom - top))


# --- measuring -------------------------------------------------------------------------


def measure(case: Case, size: str, runs: int, envs: dict[str, jinja2.Environment]) -> Result:
    """Run the three variants `runs` times, interleaved; in the first run check the new
    PDF's content and read its fill.

    The HTML for `alone` is rendered outside the timing: it is the input ours also starts
    from, so alone is WeasyPrint's share of ours and ours/alone is what liftplan adds.
    """
    html = pdf_html(envs["new"], case.plan, size)
    result = Result(case, size)
    for run in range(runs):
        seconds, cpu, mine = clocked(lambda: ours(envs["new"], case.plan, size))
        result.ours.append(seconds)
        result.ours_cpu.append(cpu)
        seconds, (plain, document) = timed(lambda: alone_document(html))
        result.alone.append(seconds)
        if run == 0:
            assert plain.pages == mine.pages, (case.name, size, plain.pages, mine.pages)
            first_run(result, mine, document)
        del document  # freed by the next variant's untimed collection
        seconds, cpu, before = clocked(lambda: old(envs["old"], case.plan, size))
        result.old.append(seconds)
        result.old_cpu.append(cpu)
        result.old_pages = before.pages
    return result


def first_run(result: Result, mine: Output, document: Any) -> None:
    """Check the new PDF's content and record its pages, cover, weeks and fill."""
    texts = page_texts(mine.data)
    weeks = page_weeks(texts)
    result.cover = cover_pages(result.case, weeks)
    check_content(result.case, result.size, texts, weeks)
    result.pages = mine.pages
    result.weeks = sum(1 for week in result.case.plan.weeks if week.sessions)
    result.fills = [page_fill(page) for page in document.pages[result.cover :]]


def machine() -> str:
    """What the numbers were measured on: they mean little without it."""
    import weasyprint

    return (
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}"
    )


# --- the table -------------------------------------------------------------------------

COLUMNS = (
    "program",
    "size",
    "pages",
    "cover",
    "weeks",
    "pg/week",
    "fill",
    "min fill",
    "ours s",
    "alone s",
    "ours/alone",
    "old pages",
    "old s",
    "new/old s",
    "new/old pages",
)


def row(cells: Sequence[object]) -> str:
    """A markdown table row."""
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def report(result: Result) -> str:
    """One program at one size: medians in seconds, fills in percent, ratios as 0.00x.

    ours/alone is what liftplan's own part (Jinja, the URL fetcher, the log handler) costs
    on top of WeasyPrint for the same HTML and pages (1.00x = nothing); new/old compares
    whole documents of the same content, so fewer pages show in both of its ratios.
    """
    mine = statistics.median(result.ours)
    plain = statistics.median(result.alone)
    before = statistics.median(result.old)
    week_pages = result.pages - result.cover
    fills = result.fills or [0.0]
    return row(
        [
            result.case.name,
            result.size,
            result.pages,
            result.cover,
            result.weeks,
            f"{week_pages / result.weeks:.2f}" if result.weeks else "-",
            f"{100 * statistics.mean(fills):.0f}%",
            f"{100 * min(fills):.0f}%",
            f"{mine:.2f}",
            f"{plain:.2f}",
            f"{mine / plain:.2f}x",
            result.old_pages,
            f"{before:.2f}",
            f"{mine / before:.2f}x",
            f"{result.pages / result.old_pages:.2f}x",
        ]
    )


def verdicts(results: Iterable[Result]) -> list[str]:
    """Whether the targets the docstring states are met, for the case they are about."""
    lines = []
    for result in results:
        if (result.case.stem, result.size) != TARGET_CASE:
            continue
        over_old = statistics.median(result.ours) / statistics.median(result.old)
        cpu = statistics.median(result.ours_cpu) / statistics.median(result.old_cpu)
        pages_met = "met" if result.pages <= TARGET_PAGES else "NOT met"
        time_met = "met" if over_old <= TARGET_OVER_OLD else "NOT met"
        lines += [
            f"target: {result.case.name} on {result.size} at most {TARGET_PAGES} pages: "
            f"{result.pages} ({pages_met})",
            f"target: {result.case.name} on {result.size} at most {TARGET_OVER_OLD}x the old "
            f"layout's time: {over_old:.2f}x ({time_met}; in CPU time {cpu:.2f}x)",
        ]
    return lines


def listed(text: str, known: Sequence[str], what: str) -> list[str]:
    """A comma-separated option's names, each of them checked against `known`."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown {what} {unknown}; choose from {list(known)}")
    return names


def options(argv: list[str] | None) -> argparse.Namespace:
    """The command line: runs, and the programs and page sizes to limit the run to."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.pdf",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each (default {RUNS})")
    parser.add_argument(
        "--programs",
        type=lambda text: listed(text, program_stems(), "programs"),
        help="programs by file stem, comma-separated (default: every example)",
    )
    parser.add_argument(
        "--sizes",
        type=lambda text: listed(text, list(PAGE_SIZES), "page sizes"),
        default=list(PAGE_SIZES),
        help="page sizes, comma-separated (default: a4,letter)",
    )
    given = parser.parse_args(argv)
    if given.runs < 1:
        parser.error("--runs must be at least 1")
    return given


def main(argv: list[str] | None = None) -> None:
    """Measure every chosen program at every chosen page size and print the table."""
    given = options(argv)
    envs = {"new": environment(), "old": environment(OLD_LAYOUT)}
    loaded = cases(given.programs)
    command = " ".join(["python -m bench.pdf", *(sys.argv[1:] if argv is None else argv)])
    runs = f"medians of {given.runs} run{'s' if given.runs != 1 else ''}"
    print(f"`{command}`; {runs}; {machine()}")
    print()
    # The first WeasyPrint call in a process loads fonts and the user-agent style sheet.
    ours(envs["new"], min(loaded, key=lambda case: len(case.plan.sessions)).plan)
    print(row(COLUMNS))
    print(row(["---", "---", *["--:"] * (len(COLUMNS) - 2)]))
    total = time.perf_counter()
    results = []
    for case in loaded:
        for size in given.sizes:
            results.append(measure(case, size, given.runs, envs))
            print(report(results[-1]), flush=True)
    print()
    for line in verdicts(results):
        print(line)
    print(f"whole run: {time.perf_counter() - total:.0f} s")


if __name__ == "__main__":
    main()
