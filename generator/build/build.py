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
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any

import jinja2

from generator.build.cache import Cache, Entry, Recipe, digest, format_keys
from generator.build.config import Settings
from generator.build.writer import OutputError, Staging, check_output, output_lock
from generator.errors import Diagnostic, LiftplanError, Severity
from generator.pipeline import Sources, check_sources, find_specs, plan, read_sources
from generator.plan.values import Plan
from generator.publish.formats import Content, named
from generator.publish.paper import PAGE_SIZES
from generator.publish.site import site_pages
from generator.publish.templates import shared_environment, template_location
from generator.publish.views import MAX_PRINT_ROWS, ROWS_PER_PAGE, Listing, listing, print_rows
from generator.spec.loader import Document, load_file

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
    files: tuple[str, ...] = ()
    changed: int = 0
    pages: int = 0
    rendered: tuple[str, ...] = ()
    keys: tuple[str, ...] = field(default=(), repr=False)


def build(
    settings: Settings,
    *,
    progress: Progress | None = None,
    waiting: Callable[[], None] | None = None,
) -> BuildResult:
    """Build every spec under `settings.programs` into `settings.output`, or raise and
    write nothing.

    Bad specs, logs and templates raise LiftplanError (a template's error located in
    the template); a PDF WeasyPrint cannot make raises PdfError; an unwritable output,
    OutputError. `settings.jobs` above 1 builds programs in that many worker processes,
    with byte-identical output; `settings.cache` is a folder that keeps rendered formats
    by content. Another build into the same output is waited for (`waiting` is told first).
    """
    if settings.page_size not in PAGE_SIZES:
        raise ValueError(f"page size {settings.page_size!r}: choose from {', '.join(PAGE_SIZES)}")
    specs = find_specs(settings.programs)
    output = Path(settings.output)
    templates = Path(settings.templates) if settings.templates else None
    recipe = Recipe.of(
        settings.formats, templates, settings.base_url, settings.page_size, settings.title
    )
    cache = Path(settings.cache) if settings.cache is not None else None
    check_output(output)
    try:
        with output_lock(output, waiting), Staging(output, link=settings.private) as staging:
            job = Job(recipe, settings.strict, output, staging, cache)
            results, changed, written = _staged(specs, job, settings.jobs, progress)
            staging.commit()
    except jinja2.TemplateError as error:
        where, line = template_location(error)
        raise LiftplanError.at(where, line, 1, f"template error: {error.message}") from None
    except OSError as error:
        raise OutputError(f"{os_error(error)}; {output} was left as it was") from None
    if cache is not None:
        Cache(cache).keep_only(key for result in results for key in result.keys)
    return _result(results, written, changed)


def _staged(
    specs: Sequence[str], job: Job, jobs: int, progress: Progress | None
) -> tuple[list[ProgramBuild], int, list[str]]:
    """Every program and the site's pages staged, or LiftplanError with every problem:
    each program's results, how many files changed, and every file written."""
    results = []
    for done, result in enumerate(_each_program(specs, job, jobs), start=1):
        results.append(result)
        if progress is not None:
            progress(done, len(specs), result.listing.id if result.listing else result.spec)
    blocking = [d for result in results for d in result.blocking]
    blocking += _duplicate_ids(results)
    if blocking:
        raise LiftplanError(blocking)
    changed, written = _site_pages(job, results)
    return results, changed, written


def os_error(error: OSError) -> str:
    """An operating system's refusal as one line: which file, and why.

    >>> os_error(OSError(28, "No space left on device", "out/a/plan.pdf"))
    'out/a/plan.pdf: No space left on device'
    """
    if error.filename is None:
        return error.strerror or str(error)
    return f"{error.filename}: {error.strerror}"


def _site_pages(job: Job, results: Sequence[ProgramBuild]) -> tuple[int, list[str]]:
    """The site's own pages (the index, the sitemap) staged over the programs' files:
    how many files changed in all, and every file written."""
    written = [name for result in results for name in result.files]
    changed = sum(result.changed for result in results)
    recipe = job.recipe
    if "html" not in recipe.formats:
        return changed, written
    listings = [result.listing for result in results if result.listing is not None]
    pages = sorted(name for name in written if name.endswith(".html"))
    env = shared_environment(recipe.templates)
    for relative, data in site_pages(env, listings, pages, recipe.base_url, recipe.title).items():
        changed += job.staging.put(relative, data)
        written.append(relative)
    return changed, written


def _result(results: Sequence[ProgramBuild], written: list[str], changed: int) -> BuildResult:
    return BuildResult(
        programs=len(results),
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
        yield from map(build_one, specs, repeat(job))
        return
    # fork shares what this process has imported; elsewhere the platform's default is safe.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(specs)), mp_context=context, initializer=_worker
    )
    try:
        yield from pool.map(build_one, specs, repeat(job))
    except BaseException:
        # Interrupted, or a program failed: stop the workers now, before the staging
        # folder they write into is removed, rather than wait for what they are laying out.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
        if job.cache is not None:
            Cache(job.cache).drop_unfinished()
        raise
    pool.shutdown(wait=True)


def _worker() -> None:
    """Leave Ctrl+C to the main process: it stops the workers itself and removes the
    staging folder once they are gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def build_one(spec: str, job: Job) -> ProgramBuild:
    """Build one program into the staging folder, from the cache where it can."""
    sources = read_sources(spec)
    if isinstance(sources, Diagnostic):
        return ProgramBuild(spec, blocking=(sources,))
    keys = format_keys(sources, job.recipe)
    store = Cache(job.cache, link=job.staging.link) if job.cache is not None else None
    found = {name: _cached(store, name, key, job) for name, key in keys.items()}
    entries = [entry for entry in found.values() if entry is not None]
    if store is not None and len(entries) == len(keys) and entries:
        return _from_cache(spec, entries, job)
    try:
        result = _render(sources, keys=keys, found=found, store=store, job=job)
    except jinja2.TemplateError as error:
        job.staging.mark_failed()
        where, line = template_location(error)
        raise LiftplanError.at(where, line, 1, f"template error: {error.message}") from None
    if result.blocking:
        job.staging.mark_failed()
    return result


def _cached(store: Cache | None, name: str, key: str, job: Job) -> Entry | None:
    """A format's stored entry, if it can stand for what would be rendered now."""
    if store is None:
        return None
    entry = store.get(key)
    if entry is None or not named(name).over_previous:
        return entry
    # Rendered over the previous file (a feed): the entry holds if that is unchanged.
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
        files=tuple(files),
        changed=changed,
        pages=pages,
        keys=tuple(entry.key for entry in entries),
    )


def _render(
    sources: Sources,
    *,
    keys: Mapping[str, str],
    found: Mapping[str, Entry | None],
    store: Cache | None,
    job: Job,
) -> ProgramBuild:
    """Check, plan and render a program whose inputs changed (or that has no cache)."""
    spec = sources.spec
    try:
        planned = plan(check_sources(sources), sources.log_bytes, strict=job.strict)
    except LiftplanError as error:
        return ProgramBuild(spec, blocking=error.diagnostics)
    too_long = _too_long_to_print(planned.document, planned.plan) if "pdf" in keys else None
    if too_long is not None:
        return ProgramBuild(spec, blocking=(too_long,))
    if job.staging.failed:
        # Another program is bad, so nothing will be written: checking this one was enough.
        return ProgramBuild(spec, warnings=planned.warnings)
    meta: dict[str, Any] = {
        "listing": asdict(listing(planned.plan)),
        "warnings": [_record(d) for d in planned.warnings],
    }
    files: list[str] = []
    changed = 0
    pages = 0
    rendered = []
    for name, key in keys.items():
        entry = found.get(name)
        if entry is not None:
            for relative in entry.files:
                changed += job.staging.copy(relative, entry.path(relative))
                files.append(relative)
            pages += int(entry.meta.get("pages", 0))
            continue
        made, extra = _format(name, planned.plan, job)
        staged = []
        for relative, data in made:  # each file written as it is made
            changed += job.staging.put(relative, data)
            staged.append(relative)
        files.extend(staged)
        pages += int(extra.get("pages", 0))
        rendered.append(name)
        if store is not None:
            stored = {relative: job.staging.path(relative) for relative in staged}
            store.put(key, stored, {**meta, **extra})
    return ProgramBuild(
        spec,
        warnings=planned.warnings,
        listing=listing(planned.plan),
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


def _format(
    name: str, plan: Plan, job: Job
) -> tuple[Iterable[tuple[str, Content]], dict[str, Any]]:
    """One format of one program: its files, and what the cache keeps beside them. A
    format made over the previous build's file is given it, and its entry records which
    file that was (see _cached)."""
    form = named(name)
    previous = _previous(job.output, form.path(plan.program.id)) if form.over_previous else None
    made = form.render(plan, job.recipe, previous)
    if not form.over_previous:
        return made.files, made.meta
    made_from = digest(previous) if previous is not None else None
    return made.files, {**made.meta, "made_from": made_from}


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


def _duplicate_ids(results: Sequence[ProgramBuild]) -> list[Diagnostic]:
    """Two specs with one id would write over each other's files."""
    seen: dict[str, str] = {}
    found = []
    for result in results:
        if result.listing is None:
            continue
        program_id = result.listing.id
        if program_id in seen:
            line, column = _id_position(result.spec)
            message = f"the id {program_id!r} is also used by {seen[program_id]}"
            found.append(Diagnostic(result.spec, line, column, message, "id"))
        else:
            seen[program_id] = result.spec
    return found


def _id_position(spec: str) -> tuple[int, int]:
    """Where a spec's id is written. Asked only of a duplicate: a clean spec's positions
    are found by composing it again the careful way, a sixth of an HTML build's time
    when it was done for every program."""
    try:
        return load_file(spec).locate(("id",))
    except LiftplanError:  # changed since it was built: its first line will do
        return 1, 1
