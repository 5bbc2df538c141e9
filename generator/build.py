"""`liftplan build`, as one function that reads top to bottom, stage by stage:
find the specs, load and validate them all, expand each, render the formats asked
for, and hand the files to the writer, which replaces the output folder whole.
Nothing is written unless every spec is valid and every file rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Diagnostic, LiftplanError
from generator.expand import expand
from generator.export import plan_csv, plan_json
from generator.model import build_program
from generator.plan import Plan
from generator.validate import check_file, find_specs
from generator.write import write_output

RENDERERS: dict[str, Callable[[Plan], tuple[str, str]]] = {
    "json": lambda plan: ("plan.json", plan_json(plan)),
    "csv": lambda plan: ("plan.csv", plan_csv(plan)),
}
FORMATS = tuple(RENDERERS)


@dataclass(frozen=True)
class BuildResult:
    """What a build did, for the summary line."""

    programs: int
    files: int
    changed: int
    warnings: tuple[Diagnostic, ...]


def build(
    paths: Iterable[str], output: Path, formats: Sequence[str] = FORMATS, *, strict: bool = False
) -> BuildResult:
    """Build every spec under `paths` into `output`, or raise LiftplanError and write nothing."""
    specs = find_specs(paths)
    checked = [check_file(spec) for spec in specs]
    blocking = [d for c in checked for d in (c.diagnostics if strict else c.errors)]
    blocking += _duplicate_ids(checked)
    if blocking:
        raise LiftplanError(blocking)
    warnings = tuple(d for c in checked for d in c.warnings)
    files: dict[str, bytes] = {}
    for result in checked:
        assert result.document is not None
        plan = expand(build_program(result.document.data))
        for name in formats:
            filename, text = RENDERERS[name](plan)
            files[f"{plan.program.id}/{filename}"] = text.encode("utf-8")
    written = write_output(output, files)
    return BuildResult(len(checked), written.files, written.changed, warnings)


def _duplicate_ids(checked: Sequence[object]) -> list[Diagnostic]:
    """Two specs with one id would write over each other's files."""
    seen: dict[str, str] = {}
    found = []
    for result in checked:
        document = getattr(result, "document", None)
        if document is None:
            continue
        program_id = document.data["id"]
        line, column = document.values[("id",)]
        if program_id in seen:
            message = f"the id {program_id!r} is also used by {seen[program_id]}"
            found.append(Diagnostic(document.file, line, column, message, "id"))
        else:
            seen[program_id] = document.file
    return found
