"""`liftplan build`, as one function that reads top to bottom, stage by stage.

Programs are built one at a time, or in worker processes with `jobs`, each from its
own files to its own files: read the spec and its training log, and if the cache holds
every format asked for under the content of those inputs, copy them; otherwise load
and validate the spec, expand it (re-planned from the log once the log is checked
too), render what the cache lacks and store it. Each program's files stream into the
staging folder as they are made, so memory does not grow with the number of programs.
The site index is made last, from each program's listing. Nothing replaces the output
unless every spec and log was valid and every file rendered.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any, Protocol

import jinja2

from generator.build.cache import Cache, Entry, Inputs, Recipe, digest, format_keys
from generator.build.writer import Staging, check_output, output_lock
from generator.errors import Diagnostic, LiftplanError, Severity
from generator.log.values import log_path
from generator.pipeline import check_document, find_specs, planning
from generator.plan.values import Plan
from generator.publish.site import program_pages, site_pages
from generator.publish.templates import environment, template_location
from generator.publish.views import MAX_PRINT_ROWS, ROWS_PER_PAGE, Listing, listing, print_rows
from generator.resources import data_dir
from generator.spec.loader import MAX_BYTES, Document, load_bytes

FORMATS = ("html", "pdf", "ics", "json", "csv")
PAGE_SIZES = ("a4", "letter")
# Each data format's file name in the program's folder.
FILES = {"pdf": "plan.pdf", "ics": "plan.ics", "json": "plan.json", "csv": "plan.csv"}

# Called after each program with (programs done, programs in all, the program's id).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class BuildResult:
    """What a build did, for the summary line."""

    programs: int
    pages: int
    files: int
    changed: int
    warnings: tuple[Diagnostic, ...]
    # What was made afresh, as (program id, format); the rest came from the cache.
    rendered: tuple[tuple[str, str], ...] = ()
    cached: int = 0


@dataclass(frozen=True)
class Job:
    """What every program's build is told; it pickles, for worker processes."""

    recipe: Recipe
    strict: bool
    output: Path
    staging: Staging
    cache: Path | None


@dataclass(frozen=True)
class ProgramBuild:
    """One program's outcome: what the summary, the index and the checks across
    programs need, never the files themselves (those are already staged)."""

    spec: str
    blocking: tuple[Diagnostic, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    listing: Listing | None = None
    id_at: tuple[int, int] = (1, 1)
    files: tuple[str, ...] = ()
    changed: int = 0
    pages: int = 0
    rendered: tuple[str, ...] = ()
    keys: tuple[str, ...] = field(default=(), repr=False)


def build(
    paths: Iterable[str],
    output: Path,
    formats: Sequence[str] = FORMATS,
    *,
    strict: bool = False,
    templates: Path | None = None,
    base_url: str | None = None,
    page_size: str = "a4",
    progress: Progress | None = None,
    jobs: int = 1,
    cache: Path | None = None,
    waiting: Callable[[], None] | None = None,
) -> BuildResult:
    """Build every spec under `paths` into `output`, or raise and write nothing.

    Bad specs, logs and templates raise LiftplanError (a template's error located in
    the template); a PDF WeasyPrint cannot make raises PdfError; an unwritable output,
    OutputError. `jobs` above 1 builds programs in that many worker processes, with
    byte-identical output; `cache` is a folder that keeps rendered formats by content.
    Another build into the same output is waited for (`waiting` is told first).
    """
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size {page_size!r}: choose from {', '.join(PAGE_SIZES)}")
    specs = find_specs(paths)
    recipe = Recipe.of(formats, templates, base_url, page_size)
    check_output(output)
    with output_lock(output, waiting):
        return _build(
            specs,
            output=output,
            recipe=recipe,
            strict=strict,
            progress=progress,
            jobs=jobs,
            cache=cache,
        )


def _build(
    specs: Sequence[str],
    *,
    output: Path,
    recipe: Recipe,
    strict: bool,
    progress: Progress | None,
    jobs: int,
    cache: Path | None,
) -> BuildResult:
    """The build itself, with the output's lock held."""
    formats, templates, base_url = recipe.formats, recipe.templates, recipe.base_url
    with Staging(output) as staging:
        job = Job(recipe, strict, output, staging, cache)
        results = []
        for done, result in enumerate(_each_program(specs, job, jobs), start=1):
            results.append(result)
            if progress is not None:
                progress(done, len(specs), result.listing.id if result.listing else result.spec)
        blocking = [d for result in results for d in result.blocking]
        blocking += _duplicate_ids(results)
        if blocking:
            raise LiftplanError(blocking)
        listings = [result.listing for result in results if result.listing is not None]
        written = [name for result in results for name in result.files]
        changed = sum(result.changed for result in results)
        if "html" in formats:
            pages = sorted(name for name in written if name.endswith(".html"))
            env = _environment(templates)
            for relative, data in site_pages(env, listings, pages, base_url).items():
                changed += staging.put(relative, data)
                written.append(relative)
        staging.commit()
    if cache is not None:
        Cache(cache).keep_only(key for result in results for key in result.keys)
    return BuildResult(
        programs=len(specs),
        pages=sum(result.pages for result in results),
        files=len(written),
        changed=changed,
        warnings=tuple(d for result in results for d in result.warnings),
        rendered=tuple(
            (result.listing.id, name)
            for result in results
            if result.listing is not None
            for name in result.rendered
        ),
        cached=sum(1 for result in results if result.files and not result.rendered),
    )


def _each_program(specs: Sequence[str], job: Job, jobs: int) -> Iterator[ProgramBuild]:
    """Each program's build, in the order of `specs`, in worker processes if asked.

    Once a program is found bad, the ones not yet started are only checked, not
    rendered: the build will fail, and every error is reported, but no time is spent on
    files that will not be written.
    """
    if jobs <= 1 or len(specs) <= 1:
        _share_failure(threading.Event())
        yield from map(build_one, specs, repeat(job))
        return
    # fork shares what this process has imported; elsewhere the platform's default is safe.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    failed = context.Event()
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(specs)),
        mp_context=context,
        initializer=_share_failure,
        initargs=(failed,),
    )
    try:
        yield from pool.map(build_one, specs, repeat(job))
    except BaseException:
        # Interrupted, or a program failed: stop the workers now, before the staging
        # folder they write into is removed, rather than wait for what they are laying out.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


class _Flag(Protocol):
    def is_set(self) -> bool: ...
    def set(self) -> None: ...


_failed: _Flag = threading.Event()


def _share_failure(flag: _Flag) -> None:
    """Give this process the build's flag that some program was found bad.

    In a worker, also leave Ctrl+C to the main process: it stops the workers itself and
    removes the staging folder once they are gone.
    """
    global _failed  # noqa: PLW0603 - one flag per process, set up once per build
    _failed = flag
    if multiprocessing.parent_process() is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def build_one(spec: str, job: Job) -> ProgramBuild:
    """Build one program into the staging folder, from the cache where it can."""
    inputs = _read_inputs(spec)
    if isinstance(inputs, Diagnostic):
        return ProgramBuild(spec, blocking=(inputs,))
    keys = format_keys(inputs, job.recipe)
    store = Cache(job.cache) if job.cache is not None else None
    found = {name: _cached(store, name, key, job) for name, key in keys.items()}
    entries = [entry for entry in found.values() if entry is not None]
    if store is not None and len(entries) == len(keys) and entries:
        return _from_cache(spec, entries, job)
    try:
        result = _render(spec, inputs, keys=keys, found=found, store=store, job=job)
    except jinja2.TemplateError as error:
        _failed.set()
        where, line = template_location(error)
        raise LiftplanError.at(where, line, 1, f"template error: {error.message}") from None
    if result.blocking:
        _failed.set()
    return result


def _read_inputs(spec: str) -> Inputs | Diagnostic:
    """The spec's bytes and its log's, read once: the cache key and the build use the same."""
    try:
        with open(spec, "rb") as handle:
            spec_bytes = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return Diagnostic(spec, 1, 1, f"cannot read the file: {error.strerror}")
    log = log_path(spec)
    try:
        with open(log, "rb") as handle:
            log_bytes: bytes | None = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        log_bytes = None
    except OSError as error:
        return Diagnostic(str(log), 1, 1, f"cannot read the file: {error.strerror}")
    return Inputs(spec, spec_bytes, log_bytes)


def _cached(store: Cache | None, name: str, key: str, job: Job) -> Entry | None:
    """A format's stored entry, if it can stand for what would be rendered now."""
    if store is None:
        return None
    entry = store.get(key)
    if entry is None or name != "ics":
        return entry
    # A feed is rendered over the previous one: the entry holds if that is unchanged.
    previous = _previous(job.output, entry.files[0]) if entry.files else None
    made = entry.meta.get("made_from")
    if previous is None:
        return entry if made is None else None
    made_now = digest(entry.path(entry.files[0]).read_bytes())
    return entry if digest(previous) in (made, made_now) else None


def _from_cache(spec: str, entries: Sequence[Entry], job: Job) -> ProgramBuild:
    """A program none of whose inputs changed: its stored files, copied into the staging."""
    files: list[str] = []
    changed = 0
    pages = 0
    for entry in entries:
        for relative in entry.files:
            changed += job.staging.copy(relative, entry.path(relative))
            files.append(relative)
        pages += int(entry.meta.get("pages", 0))
    meta = entries[0].meta
    warnings = tuple(_diagnostic(item) for item in meta["warnings"])
    return ProgramBuild(
        spec,
        blocking=warnings if job.strict else (),
        warnings=() if job.strict else warnings,
        listing=Listing(**meta["listing"]),
        id_at=(meta["id_at"][0], meta["id_at"][1]),
        files=tuple(files),
        changed=changed,
        pages=pages,
        keys=tuple(entry.key for entry in entries),
    )


def _render(
    spec: str,
    inputs: Inputs,
    *,
    keys: Mapping[str, str],
    found: Mapping[str, Entry | None],
    store: Cache | None,
    job: Job,
) -> ProgramBuild:
    """Validate, expand and render a program whose inputs changed (or that has no cache)."""
    from generator.log.logfile import plan_with_log
    from generator.spec.model import build_program

    try:
        document = load_bytes(inputs.spec_bytes, spec)
    except LiftplanError as error:
        return ProgramBuild(spec, blocking=error.diagnostics)
    checked = check_document(document)
    errors = tuple(d for d in checked if d.severity is Severity.ERROR)
    warnings = tuple(d for d in checked if d.severity is Severity.WARNING)
    if errors or (job.strict and warnings):
        return ProgramBuild(spec, blocking=errors + (warnings if job.strict else ()))
    try:
        with planning(document):
            plan, log = plan_with_log(spec, build_program(document.data), inputs.log_bytes)
    except LiftplanError as error:
        return ProgramBuild(spec, blocking=error.diagnostics)
    if log is not None:
        warnings += log.warnings
        if log.errors or (job.strict and log.warnings):
            return ProgramBuild(spec, blocking=log.errors + (log.warnings if job.strict else ()))
    if "pdf" in keys:
        too_long = _too_long_to_print(document, plan)
        if too_long is not None:
            return ProgramBuild(spec, blocking=(too_long,))
    if _failed.is_set():
        # Another program is bad, so nothing will be written: checking this one was enough.
        return ProgramBuild(spec, warnings=warnings)
    meta: dict[str, Any] = {
        "listing": asdict(listing(plan)),
        "id_at": list(document.values[("id",)]),
        "warnings": [_record(d) for d in warnings],
    }
    files: list[str] = []
    changed = 0
    pages = 0
    rendered = []
    for name, key in keys.items():
        entry = found.get(name)
        if entry is not None:
            made = {relative: entry.path(relative).read_bytes() for relative in entry.files}
            pages += int(entry.meta.get("pages", 0))
        else:
            made, extra = _format(name, plan, job)
            pages += int(extra.get("pages", 0))
            rendered.append(name)
            if store is not None:
                store.put(key, made, {**meta, **extra})
        for relative, data in made.items():
            changed += job.staging.put(relative, data)
            files.append(relative)
    return ProgramBuild(
        spec,
        warnings=warnings,
        listing=listing(plan),
        id_at=meta["id_at"],
        files=tuple(files),
        changed=changed,
        pages=pages,
        rendered=tuple(rendered),
        keys=tuple(keys.values()),
    )


def _too_long_to_print(document: Document, plan: Plan) -> Diagnostic | None:
    """An error at the spec's phases if the plan would print on more pages than a PDF
    may hold. Volumes bound the memory a PDF takes, not its time (about 2.3 ms a row), so
    the rows are capped: a ten-year plan of three sessions a week prints, one of six
    sessions of eight exercises (4,900 pages, over seven minutes) does not."""
    rows = sum(print_rows(week) for week in plan.weeks)
    if rows <= MAX_PRINT_ROWS:
        return None
    line, column = document.locate(("phases",), key=True)
    return Diagnostic(
        document.file,
        line,
        column,
        f"the plan would print on about {rows // ROWS_PER_PAGE:,} pages ({rows:,} rows of "
        f"sets and headings), more than a PDF may hold ({MAX_PRINT_ROWS:,} rows): build it "
        "without pdf, or print fewer weeks",
        "phases",
    )


def _format(name: str, plan: Plan, job: Job) -> tuple[dict[str, bytes], dict[str, Any]]:
    """One format of one program: its files, and what the cache keeps beside them."""
    recipe = job.recipe
    folder = plan.program.id
    if name == "html":
        env = _environment(recipe.templates)
        pages = program_pages(env, plan, recipe.base_url, recipe.formats)
        return {relative: page.encode("utf-8") for relative, page in pages.items()}, {}
    relative = f"{folder}/{FILES[name]}"
    if name == "pdf":
        from generator.publish.pdf import PdfError, render_volumes

        env = _environment(recipe.templates)
        user = [recipe.templates] if recipe.templates else []
        try:
            pdfs = render_volumes(env, plan, recipe.page_size, [*user, data_dir("templates")])
        except PdfError as error:
            raise PdfError(f"{relative}: {error}") from None
        files = {f"{folder}/{href}": pdf.data for href, pdf in pdfs.items()}
        return files, {"pages": sum(pdf.pages for pdf in pdfs.values())}
    if name == "ics":
        from generator.publish.calendar import plan_ics, previous_events

        previous = _previous(job.output, relative)
        text = plan_ics(plan, previous_events(previous))
        made = digest(previous) if previous is not None else None
        return {relative: text.encode("utf-8")}, {"made_from": made}
    from generator.publish.data import plan_csv, plan_json

    text = plan_json(plan) if name == "json" else plan_csv(plan)
    return {relative: text.encode("utf-8")}, {}


@cache
def _environment(templates: Path | None) -> jinja2.Environment:
    """One template environment per process and templates folder."""
    return environment(templates)


def _previous(output: Path, relative: str) -> bytes | None:
    """A file of the previous build, if there was one."""
    try:
        return (output / relative).read_bytes()
    except OSError:
        return None


def _record(diagnostic: Diagnostic) -> dict[str, Any]:
    """A diagnostic as the cache stores it."""
    return {**diagnostic.as_dict(), "severity": diagnostic.severity.value}


def _diagnostic(record: Mapping[str, Any]) -> Diagnostic:
    return Diagnostic(
        record["file"],
        record["line"],
        record["column"],
        record["message"],
        record["path"],
        Severity(record["severity"]),
    )


def default_jobs() -> int:
    """As many workers as this process may use cores."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _duplicate_ids(results: Sequence[ProgramBuild]) -> list[Diagnostic]:
    """Two specs with one id would write over each other's files."""
    seen: dict[str, str] = {}
    found = []
    for result in results:
        if result.listing is None:
            continue
        program_id = result.listing.id
        line, column = result.id_at
        if program_id in seen:
            message = f"the id {program_id!r} is also used by {seen[program_id]}"
            found.append(Diagnostic(result.spec, line, column, message, "id"))
        else:
            seen[program_id] = result.spec
    return found
