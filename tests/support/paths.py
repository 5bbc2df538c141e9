"""Where the tests find the project's files: the checkout, the example programs, the
hostile inputs, the golden outputs, and the installed `liftplan` command.

One home, so that moving a test module between folders never changes what it reads.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "programs"
HOSTILE = ROOT / "tests" / "hostile"
HOSTILE_LOGS = ROOT / "tests" / "hostile_logs"
GOLDEN = ROOT / "tests" / "golden"
# The console script of the package installed into the running environment: the command
# as a user runs it, entry point and all.
LIFTPLAN = Path(sys.executable).with_name("liftplan")


def example_programs() -> list[Path]:
    """Every example program, in a stable order (test ids and golden files follow it)."""
    return sorted(PROGRAMS.glob("*.yaml"))


def copy_examples(folder: Path) -> Path:
    """A copy of the example programs (not the library) in `folder`, free to edit: what the
    build tests count and compare is the examples'."""
    folder.mkdir(parents=True)
    for spec in example_programs():
        shutil.copy(spec, folder / spec.name)
    return folder


def library_programs() -> list[Path]:
    """Every program of the library (programs/library), in a stable order."""
    return sorted((PROGRAMS / "library").glob("*.yaml"))


def hostile_specs() -> list[Path]:
    """Every hostile spec, in a stable order."""
    return sorted(HOSTILE.glob("*.yaml"))
