"""`liftplan validate`, `show`, `new`, `schema` and `exercises`: reading specs, never
writing a plan."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from generator.cli import main, print_diagnostics
from generator.errors import Diagnostic, LiftplanError, Severity


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
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Specs checked at once, in forked processes (a few specs each at least); the "
    "report is the same whatever the number.  [default: the number of cores]",
)
def validate(paths: tuple[str, ...], strict: bool, output_format: str, jobs: int | None) -> None:
    """Check program specs (files, or folders of .yaml files) and report every problem."""
    from generator.forked import default_jobs
    from generator.pipeline import check_files, find_specs

    files = find_specs(paths or _default_programs())
    if not files:
        raise click.UsageError("no .yaml or .yml files found in the paths given")
    # Only the diagnostics are kept, not each parsed document: memory stays flat however
    # many specs there are.
    diagnostics: list[Diagnostic] = []
    failed = False
    for found in check_files(files, jobs or default_jobs()):
        diagnostics.extend(found)
        failed = failed or any(strict or d.severity is Severity.ERROR for d in found)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if output_format == "json":
        report = {
            "files": len(files),
            "valid": not failed,
            "diagnostics": [d.as_dict() for d in diagnostics],
        }
        click.echo(json.dumps(report, indent=2))
    else:
        print_diagnostics(diagnostics)
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
  liftplan new my-gzclp --from gzclp      # a published program (liftplan library)
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
@click.option(
    "--from",
    "source",
    metavar="PROGRAM",
    help="Start from a published program of the library (see liftplan library).",
)
def new(
    name: str, directory: str, start: str | None, schema_ref: str | None, source: str | None
) -> None:
    """Write a commented starter spec NAME.yaml (never overwrites a file)."""
    from generator.spec.starter import StarterError, write_starter

    try:
        written = write_starter(
            name, Path(directory), start=start, schema_ref=schema_ref, source=source
        )
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
    from generator.pipeline import check_sources, plan, read_sources
    from generator.publish.text import show_plan

    sources = read_sources(spec)
    if isinstance(sources, Diagnostic):
        raise LiftplanError([sources])
    checked = check_sources(sources)
    blocking = checked.blocking(strict)
    if blocking:
        raise LiftplanError(blocking)
    print_diagnostics(checked.warnings)
    planned = plan(checked, sources.log_bytes, strict=strict)
    if planned.log is not None:
        print_diagnostics(planned.log.warnings)
    weeks = planned.plan.weeks
    if week is not None and week > len(weeks):
        raise click.BadParameter(f"the plan has {len(weeks)} weeks", param_hint="--week")
    click.echo(show_plan(planned.plan, week), nl=False)


@main.command()
@click.option("--plan", "which", flag_value="plan", help="The schema of the plan JSON instead.")
@click.option("--log", "which", flag_value="log", help="The schema of training logs instead.")
@click.option("--site", "which", flag_value="site", help="The schema of site config files instead.")
@click.option(
    "--csv", "which", flag_value="csv", help="plan.csv's columns (a Frictionless Table Schema)."
)
def schema(which: str | None) -> None:
    """Print the JSON Schema (draft-07) specs are checked against, or that of plans, logs
    or site config files, or the types of plan.csv's columns."""
    from generator.resources import CSV_TABLE, data_dir, schema_text

    if which == "csv":
        click.echo((data_dir("schemas") / CSV_TABLE).read_text(encoding="utf-8"), nl=False)
        return
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


@main.command()
def library() -> None:
    """List the published programs `liftplan new NAME --from PROGRAM` starts from."""
    from generator.spec.starter import library as programs
    from generator.spec.starter import library_entry

    found = programs()
    width = max(len(name) for name in found)
    for name, path in found.items():
        title, source = library_entry(path)
        click.echo(f"{name:<{width}}  {title}")
        if source:
            click.echo(f"{'':<{width}}  {source}")
