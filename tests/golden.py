"""Golden plans: the expanded JSON of every example program, kept under tests/golden/.

Regenerate after a deliberate change with `make golden` (which runs
`python -m tests.golden`), then read the diff: every changed number should be
one the change meant to change.
"""

from __future__ import annotations

from pathlib import Path

from generator.expand import expand
from generator.export import plan_json
from generator.model import build_program
from generator.validate import load_program

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "programs"
GOLDEN = ROOT / "tests" / "golden"


def example_programs() -> list[Path]:
    return sorted(PROGRAMS.glob("*.yaml"))


def expanded_json(spec: Path) -> str:
    """The plan JSON of a spec, as the build writes it."""
    return plan_json(expand(build_program(load_program(str(spec)).data)))


def golden_path(spec: Path) -> Path:
    return GOLDEN / f"{spec.stem}.json"


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for spec in example_programs():
        golden_path(spec).write_text(expanded_json(spec), encoding="utf-8")
        print(f"wrote {golden_path(spec).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
