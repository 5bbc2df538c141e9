"""The `liftplan` command: a thin layer of options and output over the library.

Exit codes: 0 success, 1 bad input (every error printed as `file:line:col: ...`
on stderr), 2 a usage error. Heavy libraries are imported inside the commands
that use them, so `--help` and `validate` stay fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from generator.errors import Diagnostic, LiftplanError, Severity

if TYPE_CHECKING:
    from generator.build.build import BuildResult
    from generator.build.config import Settings

# Builds of more programs than this show a progress bar on stderr (when it is a terminal).
PROGRESS_FROM = 3


def _version(context: click.Context, _option: click.Parameter, wanted: bool) -> None:
    """--version, looked up only when asked: importlib.metadata costs every other command
    a fifth of its start-up."""
    if not wanted or context.resilient_parsing:
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("liftplan")
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled checkout
        found = "unknown"
    click.echo(f"liftplan, version {found}")
    context.exit()


EPILOG = """\b
Examples:
  liftplan new hip-thrust-12wk          write a commented starter spec
  liftplan validate programs/           check every spec in a folder
  liftplan validate --strict a.yaml     treat warnings as errors
  liftplan build                        the site, PDFs, calendars and data into ./output
  liftplan serve                        the site on localhost, rebuilt on every save
  liftplan log a.yaml --date 2027-01-04 "hip_thrust 10@90 10@90 9@90"
  liftplan schema > program.schema.json
"""


@click.group(epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="Show the version and exit.",
)
def main() -> None:
    """Turn a training program written in YAML into a dated, printable, publishable plan."""


@main.command(
    epilog="""\b
Examples:
  liftplan validate                     every spec under ./programs
  liftplan validate programs/a.yaml b.yaml
  liftplan validate --format json programs/ > report.json
"""
)
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: one line per problem on stderr; json: a report on stdout.",
)
def validate(paths: tuple[str, ...], strict: bool, output_format: str) -> None:
    """Check program specs (files, or folders of .yaml files) and report every problem."""
    from generator.pipeline import check_file, find_specs

    files = find_specs(paths or _default_programs())
    if not files:
        raise click.UsageError("no .yaml or .yml files found in the paths given")
    # Only the diagnostics are kept, not each parsed document: memory stays flat however
    # many specs there are.
    diagnostics = [d for file in files for d in check_file(file).diagnostics]
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    failed = bool(errors or (strict and warnings))
    if output_format == "json":
        report = {
            "files": len(files),
            "valid": not failed,
            "diagnostics": [d.as_dict() for d in diagnostics],
        }
        click.echo(json.dumps(report, indent=2))
    else:
        _print(diagnostics)
        click.echo(
            f"{len(files)} spec{'s' if len(files) != 1 else ''} checked: "
            f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}",
            err=True,
        )
    sys.exit(1 if failed else 0)


def _default_programs() -> tuple[str, ...]:
    if Path("programs").is_dir():
        return ("programs",)
    raise click.UsageError("give spec files or folders (there is no ./programs folder here)")


@main.command(
    epilog="""\b
Examples:
  liftplan new hip-thrust-12wk
  liftplan new squat-cycle --directory programs --start 2027-03-01
"""
)
@click.argument("name")
@click.option(
    "--directory",
    "-d",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="Folder to write NAME.yaml in.",
)
@click.option("--start", help="First training week, YYYY-MM-DD [default: next Monday].")
@click.option(
    "--schema",
    "schema_ref",
    help="Schema path or URL for the editor modeline "
    "[default: the schema shipped with liftplan, relative to the new file].",
)
def new(name: str, directory: str, start: str | None, schema_ref: str | None) -> None:
    """Write a commented starter spec NAME.yaml (never overwrites a file)."""
    from generator.spec.starter import StarterError, write_starter

    try:
        written = write_starter(name, Path(directory), start=start, schema_ref=schema_ref)
    except StarterError as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"wrote {written}", err=True)


@main.command(
    epilog="""\b
Examples:
  liftplan show programs/hip-thrust-12wk.yaml
  liftplan show programs/five-three-one.yaml --week 4
"""
)
@click.argument("spec", type=click.Path(exists=True, dir_okay=False))
@click.option("--week", type=click.IntRange(min=1), help="Only this week.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def show(spec: str, week: int | None, strict: bool) -> None:
    """Print the expanded plan of one spec, or one week of it, as text.

    With a training log beside the spec, the plan is re-planned from it.
    """
    from generator.log.logfile import plan_with_log
    from generator.pipeline import check_file, planning
    from generator.publish.text import show_plan
    from generator.spec.model import build_program

    checked = check_file(spec)
    blocking = checked.diagnostics if strict else checked.errors
    if blocking or checked.document is None:
        fail(LiftplanError(blocking))
    _print(list(checked.warnings))
    try:
        with planning(checked.document):
            plan, log = plan_with_log(spec, build_program(checked.document.data))
    except LiftplanError as error:
        fail(error)
    if log is not None:
        if log.errors or (strict and log.warnings):
            fail(LiftplanError(log.diagnostics if strict else log.errors))
        _print(list(log.warnings))
    if week is not None and week > len(plan.weeks):
        raise click.BadParameter(f"the plan has {len(plan.weeks)} weeks", param_hint="--week")
    click.echo(show_plan(plan, week), nl=False)


@main.command(
    epilog="""\b
Examples:
  liftplan log programs/a.yaml --date 2027-01-04 "hip_thrust 10@90 10@90 9@90"
  liftplan log programs/a.yaml --date 2027-01-05 --session A --note "moved: gym shut" \\
      "hip_thrust 3x10@90@8" "Barbell glute bridge 12@60 12@60@9.5" "pull_up 8@bw 7@bw"
  liftplan log programs/a.yaml --import export.csv
  liftplan log programs/a.yaml --import sheet.csv --columns "date=Day,exercise=Lift,weight=Kilos"

\b
Sets are REPS@LOAD (10@90), REPS@LOAD@RPE (10@90@8), bw for bodyweight (8@bw), and a
count in front repeats a set (3x10@90); see schemas/log.schema.json.
"""
)
@click.argument("spec", type=click.Path(exists=True, dir_okay=False))
@click.argument("entries", nargs=-1, metavar="['EXERCISE SETS...']...")
@click.option("--date", "day", help="The day trained, YYYY-MM-DD (required: there is no default).")
@click.option("--session", "label", help="The planned session it was.  [default: that day's]")
@click.option("--note", help="A note about the day.")
@click.option(
    "--import",
    "csv_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Add the sets of a CSV export (one row per set: date, exercise, weight, reps, "
    "and optionally rpe, note, session) instead.",
)
@click.option(
    "--columns",
    help="With --import: which CSV column is which, as FIELD=COLUMN pairs separated by "
    "commas, e.g. 'date=Day,exercise=Lift,weight=Kilos'.  [default: the columns named "
    "date, exercise (or exercise name), weight or load (perhaps with its unit: Weight (kg)), "
    "reps, rpe, note or notes, session, in any case]",
)
def log(
    *,
    spec: str,
    entries: tuple[str, ...],
    day: str | None,
    label: str | None,
    note: str | None,
    csv_file: str | None,
    columns: str | None,
) -> None:
    """Add what was done to the training log beside SPEC (SPEC's name with .log.yaml).

    Each argument after SPEC is an exercise (its id or its name) and its sets, quoted.
    The whole log is checked before it is written, and it is written in one step: on any
    error nothing changes. The log is created if it is missing.
    """
    from generator.log.csv_import import import_csv
    from generator.log.logfile import AppendError, append_entries, entry_from_arguments
    from generator.log.values import log_path
    from generator.pipeline import check_file, planning
    from generator.plan.expand import expand
    from generator.spec.model import build_program

    chosen = _log_options(
        entries=entries, day=day, label=label, note=note, csv_file=csv_file, columns=columns
    )
    checked = check_file(spec)
    if checked.errors or checked.document is None:
        fail(LiftplanError(checked.errors))
    program = build_program(checked.document.data)
    try:
        with planning(checked.document):
            plan = expand(program)
    except LiftplanError as error:
        fail(error)
    try:
        if csv_file is not None:
            new = import_csv(csv_file, program, plan, chosen)
        else:
            assert day is not None
            new = [entry_from_arguments(program, day, entries, label=label, note=note)]
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="ENTRIES") from None
    except LiftplanError as error:
        fail(error)
    target = log_path(spec)
    try:
        appended = append_entries(target, new, program, plan)
    except AppendError as error:
        _print(list(error.diagnostics))
        click.echo(
            f"liftplan: nothing written to {target} "
            f"(the new entries would have started at line {error.first_line})",
            err=True,
        )
        sys.exit(1)
    except LiftplanError as error:
        fail(error)
    except OSError as error:
        click.echo(f"liftplan: error: cannot write {target}: {error.strerror}", err=True)
        sys.exit(1)
    _print(list(appended.warnings))
    dates = {entry["date"] for entry in new}
    sets = sum(
        len(exercise.sets)
        for session in appended.log.sessions
        if session.date.isoformat() in dates
        for exercise in session.exercises
    )
    verb = "created" if appended.created else "added to"
    click.echo(
        f"logged {_count(len(new), 'day')}, {_count(sets, 'set')}: {verb} {target}", err=True
    )


def _log_options(
    *,
    entries: tuple[str, ...],
    day: str | None,
    label: str | None,
    note: str | None,
    csv_file: str | None,
    columns: str | None,
) -> dict[str, str] | None:
    """Refuse options of `log` that do not go together; the --columns asked for, if any."""
    import datetime
    import re

    from generator.log.csv_import import parse_columns

    if csv_file is None and not entries:
        raise click.UsageError("give what was done (e.g. 'hip_thrust 10@90 10@90') or --import")
    if csv_file is not None and (entries or day or label or note):
        raise click.UsageError("--import takes its dates and sets from the file: give nothing else")
    if csv_file is None and columns is not None:
        raise click.UsageError("--columns goes with --import")
    if csv_file is None and day is None:
        raise click.UsageError("give the day trained with --date YYYY-MM-DD")
    if day is not None:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", day):
            raise click.BadParameter(f"{day!r}: write YYYY-MM-DD", param_hint="--date")
        try:
            datetime.date.fromisoformat(day)
        except ValueError:
            raise click.BadParameter(f"{day!r} is not a real date", param_hint="--date") from None
    try:
        return parse_columns(columns) if columns is not None else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--columns") from None


@main.command(
    epilog="""\b
Examples:
  liftplan build                          every spec under ./programs into ./output
  liftplan build programs/a.yaml -o site --format json
  liftplan build --config site.yaml       the settings kept in a file
  liftplan build --page-size letter --base-url https://example.org/plans/
"""
)
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False),
    help="Folder to write into.  [default: output]",
)
@click.option(
    "--format",
    "formats",
    help="Comma-separated formats: html (the site), pdf (the printable plan; a long one in "
    "volumes), ics (a calendar feed), json (the plan, see schemas/plan.schema.json), csv "
    "(one row per set).  [default: all]",
)
@click.option(
    "--base-url",
    help="Where the site will be published (http or https); adds canonical links and sitemap.xml.",
)
@click.option(
    "--page-size",
    type=click.Choice(["a4", "letter"], case_sensitive=False),
    help="The paper the PDF is laid out for.  [default: a4]",
)
@click.option(
    "--templates",
    type=click.Path(exists=True, file_okay=False),
    help="A folder of templates that replace (or extend, as liftplan/NAME) the built-in ones.",
)
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False),
    help="A site config file (YAML, see schemas/site.schema.json) with these same settings; "
    "options given here win over it.",
)
@click.option("--strict/--no-strict", default=None, help="Treat warnings as errors.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Programs built at once, in worker processes.  [default: the number of cores]",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False),
    help="Folder keeping each program's files by the content of its inputs, so unchanged "
    "programs are not built again.  [default: .OUTPUT.cache beside the output]",
)
@click.option("--no-cache", is_flag=True, help="Build everything afresh, and keep no cache.")
def build(
    *,
    paths: tuple[str, ...],
    output: str | None,
    formats: str | None,
    base_url: str | None,
    page_size: str | None,
    templates: str | None,
    config: str | None,
    strict: bool | None,
    jobs: int | None,
    cache_dir: str | None,
    no_cache: bool,
) -> None:
    """Expand specs (files or folders) and write each plan, per program, under OUTPUT/<id>/.

    OUTPUT is replaced whole, and only when everything succeeded: a failed build leaves
    the previous output as it was. A non-empty folder liftplan did not make is refused.
    """
    import time

    from generator.build.config import Settings, load_settings, valid_base_url

    started = time.perf_counter()
    try:
        settings = load_settings(config) if config else Settings()
    except LiftplanError as error:
        fail(error)
    if base_url is not None and not valid_base_url(base_url):
        raise click.BadParameter("give an http:// or https:// address", param_hint="--base-url")
    settings = settings.overridden(
        programs=paths or None,
        output=output,
        formats=_formats(formats) if formats is not None else None,
        strict=strict,
        base_url=base_url,
        page_size=page_size.lower() if page_size else None,
        templates=templates,
    )
    if no_cache and cache_dir is not None:
        raise click.UsageError("--cache and --no-cache contradict each other")
    _interruptible()
    try:
        result = _run_build(settings, jobs, None if no_cache else cache_dir or "")
    except KeyboardInterrupt as stopped:
        number = stopped.number if isinstance(stopped, Interrupted) else 2
        click.echo(f"liftplan: interrupted; {settings.output} was left as it was", err=True)
        sys.exit(128 + number)
    _print(list(result.warnings))
    elapsed = time.perf_counter() - started
    pages = f"{result.pages} PDF pages, " if "pdf" in settings.formats else ""
    click.echo(
        f"built {_count(result.programs, 'program')}: {pages}{_count(result.files, 'file')} "
        f"({result.changed} changed) in {elapsed:.1f} s, into {settings.output}"
        + (f"; {result.cached} from the cache" if result.cached else ""),
        err=True,
    )


def _formats(given: str) -> tuple[str, ...]:
    from generator.build.build import FORMATS

    chosen = tuple(name.strip() for name in given.split(",") if name.strip())
    unknown = [name for name in chosen if name not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)}", param_hint="--format")
    return chosen


def _run_build(settings: Settings, jobs: int | None, cache: str | None) -> BuildResult:
    """The build, with a progress bar for many programs and every failure reported.

    `cache` is a folder, "" for the default one beside the output, or None for none.
    """
    from jinja2 import TemplateError

    from generator.build.build import build as run_build
    from generator.build.build import default_jobs
    from generator.build.cache import default_cache
    from generator.build.writer import OutputError
    from generator.pipeline import find_specs
    from generator.publish.pdf import PdfError
    from generator.publish.templates import template_location

    specs = find_specs(settings.programs)
    output = Path(settings.output)
    folder = None if cache is None else Path(cache) if cache else default_cache(output)
    with click.progressbar(
        length=len(specs),
        label="building",
        file=sys.stderr,
        hidden=len(specs) <= PROGRESS_FROM or not sys.stderr.isatty(),
        item_show_func=lambda name: name,
    ) as bar:

        def advance(done: int, total: int, program_id: str) -> None:
            bar.update(1, program_id)

        def waiting() -> None:
            click.echo(f"liftplan: waiting for another build into {output} to finish", err=True)

        try:
            return run_build(
                specs,
                output,
                settings.formats,
                strict=settings.strict,
                templates=Path(settings.templates) if settings.templates else None,
                base_url=settings.base_url,
                page_size=settings.page_size,
                progress=advance,
                jobs=jobs or default_jobs(),
                cache=folder,
                waiting=waiting,
            )
        except LiftplanError as error:
            fail(error)
        except (OutputError, PdfError) as error:
            click.echo(f"liftplan: error: {error}", err=True)
            sys.exit(1)
        except OSError as error:
            message = f"{_os_error(error)}; {output} was left as it was"
            click.echo(f"liftplan: error: {message}", err=True)
            sys.exit(1)
        except TemplateError as error:
            where, line = template_location(error)
            click.echo(f"{where}:{line}:1: template error: {error.message}", err=True)
            sys.exit(1)


def _os_error(error: OSError) -> str:
    """An operating system's refusal as one line: which file, and why.

    >>> _os_error(OSError(28, "No space left on device", "out/a/plan.pdf"))
    'out/a/plan.pdf: No space left on device'
    """
    if error.filename is None:
        return error.strerror or str(error)
    return f"{error.filename}: {error.strerror}"


class Interrupted(KeyboardInterrupt):
    """A signal asked liftplan to stop; the exit status says which (128 + its number)."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def _interruptible() -> None:
    """Turn SIGTERM into an exception like Ctrl+C's, so a build stopped either way
    unwinds: the staging folder is removed and the output left as it was."""
    import signal

    def stop(number: int, _frame: object) -> None:
        raise Interrupted(number)

    signal.signal(signal.SIGTERM, stop)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@main.command(
    epilog="""\b
Examples:
  liftplan serve                          every spec under ./programs, at http://127.0.0.1:8000/
  liftplan serve programs/a.yaml --pdf    one program, with its PDF laid out on every save
  liftplan serve --port 0                 any free port (the address is printed)
"""
)
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "-p",
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free one).",
)
@click.option("--pdf", is_flag=True, help="Also lay out each program's PDF (slower).")
@click.option(
    "--templates",
    type=click.Path(exists=True, file_okay=False),
    help="A folder of templates that replace (or extend, as liftplan/NAME) the built-in ones.",
)
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False),
    help="A site config file (see schemas/site.schema.json), read again when it changes.",
)
@click.option(
    "--page-size",
    type=click.Choice(["a4", "letter"], case_sensitive=False),
    help="The paper the PDF is laid out for.  [default: a4]",
)
@click.option("--strict/--no-strict", default=None, help="Treat warnings as errors.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Programs built at once.  [default: 1]"
)
def serve(
    *,
    paths: tuple[str, ...],
    host: str,
    port: int,
    pdf: bool,
    templates: str | None,
    config: str | None,
    page_size: str | None,
    strict: bool | None,
    jobs: int | None,
) -> None:
    """Build the site, serve it on this machine and rebuild it on every save.

    Specs, their training logs, the templates and the config file are watched; a save
    rebuilds only the programs it affects, and open pages reload. A broken spec shows its
    errors in the page and here, and the server stays up. The site is built into a
    temporary folder: the output folder is never touched. Stop with Ctrl+C.
    """
    import signal
    import time

    from generator.build.config import Settings, load_settings
    from generator.build.serve import Options, served

    try:
        settings = load_settings(config) if config else Settings()
    except LiftplanError as error:
        fail(error)
    overrides = {
        "programs": paths or None,
        "strict": strict,
        "page_size": page_size.lower() if page_size else None,
        "templates": templates,
    }
    options = Options(settings, config, pdf, jobs or 1, overrides)

    def report(line: str) -> None:
        click.echo(line, err=True)

    def stop(_signal: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        with served(options, host, port, report) as url:
            report(f"serving {url} (Ctrl+C to stop)")
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        report("stopped")
    except OSError as error:
        click.echo(f"liftplan: error: cannot serve on {host}:{port}: {error.strerror}", err=True)
        sys.exit(1)


@main.command()
@click.option("--plan", "which", flag_value="plan", help="The schema of the plan JSON instead.")
@click.option("--log", "which", flag_value="log", help="The schema of training logs instead.")
@click.option("--site", "which", flag_value="site", help="The schema of site config files instead.")
def schema(which: str | None) -> None:
    """Print the JSON Schema (draft-07) specs are checked against, or that of plans, logs
    or site config files."""
    from generator.resources import schema_text

    click.echo(schema_text(which or "program"), nl=False)


@main.command()
@click.option("--family", help="Only this family, e.g. hip_thrust.")
def exercises(family: str | None) -> None:
    """List the built-in exercise catalogue that specs can use by id."""
    from generator.spec.catalogue import CATALOGUE, FAMILIES, family_members

    if family is not None and family not in FAMILIES:
        raise click.BadParameter(f"one of {', '.join(FAMILIES)}", param_hint="--family")
    for entry in family_members(family) if family else CATALOGUE.values():
        side = "one side" if entry.unilateral else ""
        click.echo(f"{entry.id:32} {entry.equipment:12} {side:9} {entry.name}".rstrip())


def _print(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(), err=True)


def fail(error: LiftplanError) -> NoReturn:
    """Report a LiftplanError the standard way and exit 1."""
    _print(list(error.diagnostics))
    sys.exit(1)
