"""Start-up: each command imports only what it uses. WeasyPrint alone takes about 0.6 s to
import, so `--help`, `validate`, `show` and `new` must never pay for it, nor for the
template engine, the calendar library, the watcher or the worker pool they do not use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROOT

SPEC = str(ROOT / "programs" / "hip-thrust-12wk.yaml")
# What no command below needs: the PDF stack, the calendar, serve's watcher and server,
# build's worker pool, the package metadata reader (only --version needs it).
NEVER = {
    "weasyprint",
    "pydyf",
    "tinycss2",
    "PIL",
    "icalendar",
    "watchfiles",
    "http.server",
    "concurrent.futures",
    "multiprocessing",
    "importlib.metadata",
}
PROBE = """
import contextlib, io, json, sys
from generator.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main(sys.argv[1:], standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""


def imported(*args: str, cwd: Path = ROOT) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    return set(json.loads(result.stdout))


@pytest.mark.parametrize(
    ("args", "also_never"),
    [
        (("--help",), {"jinja2", "jsonschema", "yaml"}),
        (("validate", str(ROOT / "programs")), {"jinja2", "jsonschema"}),
        (("show", SPEC), {"jinja2"}),
        (("new", "my-program", "--start", "2027-01-04"), set()),
    ],
)
def test_a_command_imports_only_what_it_uses(
    args: tuple[str, ...], also_never: set[str], tmp_path: Path
) -> None:
    modules = imported(*args, cwd=tmp_path)
    assert "generator.cli" in modules
    assert not (NEVER | also_never) & modules


def test_the_probe_sees_what_a_build_imports(tmp_path: Path) -> None:
    """The probe would notice: a build of every format imports the PDF stack and the pool."""
    modules = imported("build", SPEC, "-o", str(tmp_path / "out"), "-j", "2", cwd=tmp_path)
    assert {"weasyprint", "icalendar", "jinja2", "concurrent.futures"} <= modules
