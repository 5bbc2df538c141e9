"""Scale without running out of memory: a folder of 1000 programs and one program as long
as a spec may be (520 weeks) build within the machine's memory, and a build's memory does
not grow with the number of programs, because each program's files stream into the
staging folder instead of being held until the end."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.expand import generated_spec
from generator.spec.loader import dump

KIB_PER_MIB = 1024
# Far below the machine's memory, and well above what a build of any size should need.
CEILING_MIB = 1024


def write_programs(folder: Path, count: int, weeks: int = 4) -> Path:
    folder.mkdir(parents=True)
    for index in range(count):
        spec: dict[str, Any] = generated_spec(weeks, 3, 3)
        spec["id"] = f"athlete-{index:04d}"
        spec["title"] = f"Athlete {index}"
        (folder / f"athlete-{index:04d}.yaml").write_text(dump(spec), encoding="utf-8")
    return folder


# Runs a build as the command line does and reports its own peak memory (VmHWM). Not
# ru_maxrss from wait4: Linux carries the spawning process's peak into the child's, so
# under a test process of 400 MiB every build would read 400 MiB and nothing would differ.
MEASURED_BUILD = """
import sys
from pathlib import Path
from generator.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
status = Path("/proc/self/status").read_text()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
sys.exit(code)
"""


def peak_mib(folder: Path, output: Path, formats: str) -> float:
    """The build's own peak resident memory, in MiB."""
    result = subprocess.run(
        [
            *(sys.executable, "-c", MEASURED_BUILD, "build", str(folder), "-o", str(output)),
            *("--format", formats, "-j", "1", "--no-cache"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[-1]) / KIB_PER_MIB


@pytest.mark.slow
def test_memory_does_not_grow_with_the_number_of_programs(tmp_path: Path) -> None:
    few = write_programs(tmp_path / "few", 40)
    many = write_programs(tmp_path / "many", 1000)
    small = peak_mib(few, tmp_path / "out-few", "html,json,csv,ics")
    large = peak_mib(many, tmp_path / "out-many", "html,json,csv,ics")
    pages = sum(1 for _ in (tmp_path / "out-many").rglob("*.html"))
    assert pages == 1000 * 5 + 1  # an overview and four weeks each, and the index
    # 25 times the programs (about 150 MB more output) in nearly the same memory.
    assert large < small * 1.25, (small, large)
    assert large < CEILING_MIB


@pytest.mark.slow
def test_the_longest_program_a_spec_may_describe_builds_within_memory(tmp_path: Path) -> None:
    folder = tmp_path / "specs"
    folder.mkdir()
    spec = generated_spec(4, 6, 8)
    # Ten phases of a year each (the generator's four-week phases would pass 1 MiB).
    block = spec["phases"][0]
    spec["phases"] = [{**block, "name": f"Year {year}", "weeks": 52} for year in range(1, 11)]
    spec["id"] = "ten-years"
    (folder / "ten-years.yaml").write_text(dump(spec), encoding="utf-8")
    used = peak_mib(folder, tmp_path / "out", "html,json,csv,ics")
    assert (tmp_path / "out" / "ten-years" / "week-520.html").is_file()
    assert used < CEILING_MIB, used
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / KIB_PER_MIB < CEILING_MIB
