"""`liftplan log`: what was done, added to the training log beside a spec."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from generator.cli import count, main, print_diagnostics
from generator.errors import Failure

if TYPE_CHECKING:
    from generator.plan.values import Plan
    from generator.spec.model import Program


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
    from generator.files import log_path
    from generator.log.append import append_entries
    from generator.pipeline import load_program, project

    chosen = _log_options(
        entries=entries, day=day, label=label, note=note, csv_file=csv_file, columns=columns
    )
    program, plan = project(load_program(spec))
    new = _new_entries(
        program, plan, csv_file, chosen, day=day, entries=entries, label=label, note=note
    )
    target = log_path(spec)

    def waiting() -> None:
        message = f"liftplan: waiting for another liftplan writing in the folder of {target}"
        click.echo(message, err=True)

    try:
        appended = append_entries(target, new, program, plan, waiting=waiting)
    except OSError as error:
        raise Failure(f"cannot write {target}: {error.strerror}") from None
    print_diagnostics(appended.warnings)
    dates = {entry["date"] for entry in new}
    sets = sum(
        len(exercise.sets)
        for session in appended.log.sessions
        if session.date.isoformat() in dates
        for exercise in session.exercises
    )
    verb = "created" if appended.created else "added to"
    click.echo(f"logged {count(len(new), 'day')}, {count(sets, 'set')}: {verb} {target}", err=True)


def _new_entries(
    program: Program,
    plan: Plan,
    csv_file: str | None,
    chosen: dict[str, str] | None,
    *,
    day: str | None,
    entries: tuple[str, ...],
    label: str | None,
    note: str | None,
) -> list[dict[str, Any]]:
    """The entries to add: a CSV export's days, or the one day the arguments give."""
    from generator.log.arguments import entry_from_arguments
    from generator.log.csv_import import import_csv

    try:
        if csv_file is not None:
            return import_csv(csv_file, program, plan, chosen)
        assert day is not None
        return [entry_from_arguments(program, day, entries, label=label, note=note)]
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="ENTRIES") from None


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
