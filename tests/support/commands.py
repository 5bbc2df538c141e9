"""Running liftplan as its users do: the installed command in a subprocess (exit code and
both streams, nothing mocked), or a command through Click's runner when the test needs
only its output."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main
from tests.support.paths import LIFTPLAN


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed `liftplan` with these arguments, run to the end; never raises on a
    failure, since tests assert on the exit code."""
    return subprocess.run(
        [str(LIFTPLAN), *args], capture_output=True, text=True, check=False, cwd=cwd
    )


def log_cli(*args: str) -> Result:
    """`liftplan log` with these arguments, in process."""
    return CliRunner().invoke(main, ["log", *args])
