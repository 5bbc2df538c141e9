"""The `liftplan` command: a thin layer of options and output over the library.

Exit codes: 0 success, 1 bad input (every error printed as `file:line:col: ...`
on stderr), 2 a usage error. The library raises one type for anything that stops a
command, `Failure`; the group turns it into a Click exception here, once, as Click
does its own usage errors. Heavy libraries are imported inside the commands that use
them, so `--help` and `validate` stay fast. The commands are in the modules beside this
one: `check` (validate, show, new, schema, exercises), `log` and `build` (build, serve).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import click

from generator.errors import Diagnostic, Failure


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
  liftplan new mine --from gzclp        start from a published program (liftplan library)
  liftplan validate programs/           check every spec in a folder
  liftplan validate --strict a.yaml     treat warnings as errors
  liftplan build                        the site, PDFs, calendars and data into ./output
  liftplan serve                        the site on localhost, rebuilt on every save
  liftplan log a.yaml --date 2027-01-04 "hip_thrust 10@90 10@90 9@90"
  liftplan schema > program.schema.json
"""


class Reported(click.ClickException):
    """A library `Failure`, reported the Click way: its lines on stderr, exit status 1."""

    exit_code = 1

    def __init__(self, failure: Failure) -> None:
        super().__init__(str(failure))
        self.failure = failure

    def show(self, file: IO[Any] | None = None) -> None:
        echo_lines(self.failure.lines())


class Group(click.Group):
    """The command group, with the one place a `Failure` becomes the command's report."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Failure as failure:
            raise Reported(failure) from None


@click.group(cls=Group, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
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


def echo_lines(lines: Iterable[str]) -> None:
    """Lines on stderr, where every message of liftplan goes."""
    for line in lines:
        click.echo(line, err=True)


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    """Warnings (or a report's findings) that do not stop the command."""
    echo_lines(diagnostic.format() for diagnostic in diagnostics)


def count(number: int, noun: str) -> str:
    """A count and its noun, plural unless it is one.

    >>> count(1, "program"), count(3, "file")
    ('1 program', '3 files')
    """
    return f"{number} {noun}{'' if number == 1 else 's'}"


# The commands register themselves on `main`.
from generator.cli import build, check, log  # noqa: E402, F401
