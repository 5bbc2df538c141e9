"""`liftplan build`, as one function that reads top to bottom, stage by stage:
find the specs, load and validate them all, expand each (re-planned from the
training log beside it, once that log is checked too), render the formats asked
for, and hand the files to the writer, which replaces the output folder whole.
Nothing is written unless every spec and log is valid and every file rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Diagnostic, LiftplanError
from generator.export import plan_csv, plan_json
from generator.ics import plan_ics, previous_events
from generator.logfile import plan_with_log
from generator.model import build_program
from generator.pdf import PAGE_SIZES, PdfError, pdf_html, render_pdf
from generator.plan import Plan
from generator.render import environment
from generator.resources import data_dir
from generator.site import program_pages, site_pages
from generator.validate import Checked, check_file, find_specs
from generator.write import check_output, write_output

# Each format: its file name in the program's folder, and how to render it from the plan
# and that file's bytes in the previous output (the calendar needs them for SEQUENCE).
RENDERERS: dict[str, tuple[str, Callable[[Plan, bytes | None], str]]] = {
    "json": ("plan.json", lambda plan, _previous: plan_json(plan)),
    "csv": ("plan.csv", lambda plan, _previous: plan_csv(plan)),
    "ics": ("plan.ics", lambda plan, previous: plan_ics(plan, previous_events(previous))),
}
FORMATS = ("html", "pdf", *RENDERERS)
PDF_FILE = "plan.pdf"

# Called after each program with (programs done, programs in all, the program's id).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class BuildResult:
    """What a build did, for the summary line."""

    programs: int
    pages: int
    files: int
    changed: int
    warnings: tuple[Diagnostic, ...]


def build(
    paths: Iterable[str],
    output: Path,
    formats: Sequence[str] = FORMATS,
    *,
    strict: bool = False,
    templates: Path | None = None,
    base_url: str | None = None,
    page_size: str = "a4",
    progress: Progress | None = None,
) -> BuildResult:
    """Build every spec under `paths` into `output`, or raise and write nothing.

    Bad specs raise LiftplanError; a template that fails raises jinja2's TemplateError;
    a PDF WeasyPrint cannot make raises PdfError; an unwritable output, OutputError.
    """
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size {page_size!r}: choose from {', '.join(PAGE_SIZES)}")
    specs = find_specs(paths)
    checked = [check_file(spec) for spec in specs]
    blocking = [d for c in checked for d in (c.diagnostics if strict else c.errors)]
    blocking += _duplicate_ids(checked)
    if blocking:
        raise LiftplanError(blocking)
    warnings = [d for c in checked for d in c.warnings]
    plans = []
    for result in checked:
        assert result.document is not None
        plan, log = plan_with_log(result.file, build_program(result.document.data))
        plans.append(plan)
        if log is not None:
            blocking += log.diagnostics if strict else log.errors
            warnings += log.warnings
    if blocking:
        raise LiftplanError(blocking)
    check_output(output)
    files: dict[str, bytes] = {}
    env = environment(templates)
    folders = [templates, data_dir("templates")] if templates else [data_dir("templates")]
    pdf_pages = 0
    for done, plan in enumerate(plans, start=1):
        if "html" in formats:
            for relative, page in program_pages(env, plan, base_url, formats).items():
                files[relative] = page.encode("utf-8")
        if "pdf" in formats:
            relative = f"{plan.program.id}/{PDF_FILE}"
            try:
                pdf = render_pdf(pdf_html(env, plan, page_size), folders)
            except PdfError as error:
                raise PdfError(f"{relative}: {error}") from error
            files[relative] = pdf.data
            pdf_pages += pdf.pages
        for name in formats:
            if name in ("html", "pdf"):
                continue
            filename, render = RENDERERS[name]
            relative = f"{plan.program.id}/{filename}"
            text = render(plan, _previous(output, relative))
            files[relative] = text.encode("utf-8")
        if progress is not None:
            progress(done, len(checked), plan.program.id)
    if "html" in formats:
        pages = sorted(name for name in files if name.endswith(".html"))
        files.update(site_pages(env, plans, pages, base_url))
    written = write_output(output, files)
    return BuildResult(len(checked), pdf_pages, written.files, written.changed, tuple(warnings))


def _previous(output: Path, relative: str) -> bytes | None:
    """A file of the previous build, if there was one."""
    try:
        return (output / relative).read_bytes()
    except OSError:
        return None


def _duplicate_ids(checked: Sequence[Checked]) -> list[Diagnostic]:
    """Two specs with one id would write over each other's files."""
    seen: dict[str, str] = {}
    found = []
    for result in checked:
        document = result.document
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
