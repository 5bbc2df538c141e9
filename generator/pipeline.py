"""The pipeline every command runs: read a spec, check it, plan it, re-plan it from its log.

`build`, `show`, `log`, `serve`, the fuzz harness and the benchmarks all come through
here, so the order of the stages and the `--strict` rule (warnings block too) are
written once:

1. `read_sources`: the spec's bytes and its training log's, read once, so a cache key
   and the plan are made from the very same bytes;
2. `check_sources` (or `check_file`): the hardened loader, the schema, the checks a
   schema cannot express; one `Checked` outcome holding every diagnostic;
3. `plan`: the typed program and its projection (the plan if every session succeeds),
   then, when there is a log, `replan`: the log checked against the projection and the
   plan expanded again from what was done. Without a log the projection is the plan,
   expanded once.

Past step 2 a program is trusted: the schema has checked its shape and the semantic
checks that its parts agree.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import forked
from generator.errors import (
    Diagnostic,
    LiftplanError,
    Outcome,
    PlanLimitError,
    Severity,
    sort_diagnostics,
)
from generator.files import is_log, link_leaving, log_leaving, log_path, read_regular
from generator.plan.size import plan_size
from generator.spec import fast_schema
from generator.spec.checks import semantic_diagnostics
from generator.spec.loader import MAX_BYTES, Document, load_bytes, load_file
from generator.spec.loader import Path as Path_
from generator.spec.model import Program, build_program
from generator.spec.schema import format_path, schema_diagnostics

if TYPE_CHECKING:  # planning and the log's check are imported when used: validate needs neither
    from generator.log.check import CheckedLog
    from generator.plan.values import Plan

SPEC_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Sources:
    """What a program is made from: its spec's bytes and its log's (None: it has none)."""

    spec: str
    spec_bytes: bytes
    log_bytes: bytes | None

    @property
    def log(self) -> str:
        """Where the spec's training log is, or would be."""
        return str(log_path(self.spec))


@dataclass(frozen=True)
class Checked(Outcome):
    """One spec's outcome: the document if it could be read, and everything found in it."""

    file: str
    document: Document | None
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class Planned:
    """A checked program and its plan, re-planned from its log when it has one; the
    warnings of the spec and the log, which do not block unless strict."""

    document: Document
    program: Program
    plan: Plan
    warnings: tuple[Diagnostic, ...]
    log: CheckedLog | None = None


def read_sources(spec: str) -> Sources | Diagnostic:
    """The spec's bytes and its log's, each read once and capped (a larger file is then
    refused by the loader with its size), or why one cannot be read."""
    try:
        spec_bytes = read_regular(spec, MAX_BYTES)
    except OSError as error:
        return Diagnostic(spec, 1, 1, f"cannot read the file: {error.strerror}")
    log = log_path(spec)
    leaving = log_leaving(log)
    if leaving is not None:
        return leaving
    try:
        log_bytes: bytes | None = read_regular(log, MAX_BYTES)
    except FileNotFoundError:
        log_bytes = None
    except OSError as error:
        return Diagnostic(str(log), 1, 1, f"cannot read the file: {error.strerror}")
    return Sources(spec, spec_bytes, log_bytes)


def check_document(document: Document) -> list[Diagnostic]:
    """Schema errors first; semantic checks only on a spec whose shape can be trusted."""
    found = _schema_errors(document)
    if found:
        return sort_diagnostics(found)
    found = semantic_diagnostics(document)
    if not any(d.severity == Severity.ERROR for d in found):
        found = [*found, *_size_diagnostics(document)]
    return sort_diagnostics(found)


def _schema_errors(document: Document) -> list[Diagnostic]:
    """The detailed validator's errors, asked for only when the compiled one finds the spec
    invalid or cannot judge it: for a valid spec it would work hard to say nothing."""
    if fast_schema.valid(document.data, "program"):
        return []
    return schema_diagnostics(document, "program")


def _size_diagnostics(document: Document) -> list[Diagnostic]:
    """An error at the spec's phases when the plan as a whole would be too big to make:
    each part within the schema's caps, their product is bounded here, before planning."""
    too_big = plan_size(model(document)).too_big()
    if too_big is None:
        return []
    line, column = document.locate(("phases",), key=True)
    return [Diagnostic(document.file, line, column, too_big, "phases")]


def check_sources(sources: Sources) -> Checked:
    """Load and check a spec from the bytes already read."""
    with _collector_paused():
        try:
            document = load_bytes(sources.spec_bytes, sources.spec)
        except LiftplanError as error:
            return Checked(sources.spec, None, error.diagnostics)
        return Checked(sources.spec, document, tuple(check_document(document)))


def check_file(path: str) -> Checked:
    """Read and check one spec (not its log), turning every problem into a diagnostic."""
    with _collector_paused():
        try:
            document = load_file(path)
        except LiftplanError as error:
            return Checked(path, None, error.diagnostics)
        return Checked(path, document, tuple(check_document(document)))


def check_files(files: Sequence[str], jobs: int = 1) -> list[tuple[Diagnostic, ...]]:
    """Each spec's diagnostics, in the order of `files`, checked by up to `jobs` processes."""
    return forked.ordered_map(_file_diagnostics, files, jobs, _encoded, _decoded)


def _file_diagnostics(path: str) -> tuple[Diagnostic, ...]:
    return check_file(path).diagnostics


def _encoded(diagnostics: tuple[Diagnostic, ...]) -> tuple[tuple[str | int, ...], ...]:
    return tuple(
        (d.file, d.line, d.column, d.message, d.path, d.severity.value) for d in diagnostics
    )


def _decoded(encoded: tuple[tuple[Any, ...], ...]) -> tuple[Diagnostic, ...]:
    return tuple(
        Diagnostic(file, line, column, message, path, Severity(severity))
        for file, line, column, message, path, severity in encoded
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Checking a spec makes tens of thousands of short-lived dicts, lists and numbers, all
    freed by reference counting: the data is a tree. The cycle collector's passes over
    them found nothing and were a seventh of `liftplan validate`, so they wait until the
    spec is checked (and run then if due, for any cycle an error left behind)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def load_program(path: str, *, strict: bool = False) -> Document:
    """A spec that passed every check, or LiftplanError with what blocks it."""
    return _trusted(check_file(path), strict)


def _trusted(checked: Checked, strict: bool) -> Document:
    blocking = checked.blocking(strict)
    if blocking or checked.document is None:
        raise LiftplanError(blocking)
    return checked.document


def model(document: Document) -> Program:
    """The typed program of a checked document, every default applied. The check bounds
    the plan's size from it and planning follows at once: the last one made is kept for
    the document it was made from (documents do not change), so it is made once."""
    if not _LAST_MODEL or _LAST_MODEL[0][0] is not document:
        _LAST_MODEL[:] = [(document, build_program(document.data))]
    return _LAST_MODEL[0][1]


_LAST_MODEL: list[tuple[Document, Program]] = []


def project(document: Document) -> tuple[Program, Plan]:
    """The typed program and its projection: every session as if every one succeeds.

    Raises LiftplanError, located in the document, for a limit only planning finds.
    """
    from generator.plan.expand import expand

    program = model(document)
    with planning(document):
        return program, expand(program)


def replan(
    program: Program, projection: Plan, log: str, log_bytes: bytes
) -> tuple[Plan, CheckedLog]:
    """The plan re-made from a training log checked against the projection (the
    projection itself while the log has errors, which the check holds)."""
    from generator.log.check import check_log_bytes
    from generator.plan.expand import expand

    checked = check_log_bytes(log_bytes, log, program, projection)
    if checked.log is None or checked.errors:
        return projection, checked
    return expand(program, checked.log), checked


def plan(checked: Checked, log_bytes: bytes | None, *, strict: bool = False) -> Planned:
    """A checked spec planned (re-planned from its log's bytes, if it has a log).

    Raises LiftplanError with everything that blocks: the spec's errors, a limit found
    while planning, the log's errors, and, when strict, the warnings of either.
    """
    document = _trusted(checked, strict)
    program, projection = project(document)
    if log_bytes is None:
        return Planned(document, program, projection, checked.warnings)
    replanned, log = replan(program, projection, str(log_path(checked.file)), log_bytes)
    blocking = log.blocking(strict)
    if blocking:
        raise LiftplanError(blocking)
    return Planned(document, program, replanned, checked.warnings + log.warnings, log)


def plan_spec(spec: str, *, strict: bool = False) -> Planned:
    """Read, check and plan the spec at `spec` with its log, or raise LiftplanError."""
    sources = read_sources(spec)
    if isinstance(sources, Diagnostic):
        raise LiftplanError([sources])
    return plan(check_sources(sources), sources.log_bytes, strict=strict)


@contextmanager
def planning(document: Document) -> Iterator[None]:
    """Turn a limit found only while planning into a LiftplanError located at the
    prescription it concerns, in the document the plan was made from."""
    try:
        yield
    except PlanLimitError as error:
        phase, label, index = error.key
        path: Path_ = ("phases", phase, "sessions", label)
        session = document.data["phases"][phase]["sessions"][label]
        if isinstance(session, Mapping):
            path = (*path, "exercises")
        path = (*path, index)
        line, column = document.locate(path)
        raise LiftplanError(
            [Diagnostic(document.file, line, column, error.message, format_path(path))]
        ) from None


def find_specs(paths: Iterable[str]) -> list[str]:
    """Spec files named directly, and every .yaml/.yml file under named folders, sorted;
    a training log (`*.log.yaml`) beside its spec is not a spec.

    A .yaml that is a FIFO, a socket or a device is kept, for the reader to refuse by
    name, rather than skipped in silence; a dangling symlink (an editor's lock file) is not.

    Symlinks to folders are not walked: they lead out of the folder, or to one the walk
    reaches anyway. A symlink named as a spec is read if it stays inside. Raises
    LiftplanError naming every symlink (to a folder, or named as a spec) that leads out
    of the folder given: a stranger's folder must not make liftplan read elsewhere.
    """
    found: list[str] = []
    leaving: list[Diagnostic] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            children = sorted(path.rglob("*"))
            leaving.extend(_links_out(children, path))
            found.extend(
                str(child)
                for child in children
                if child.suffix in SPEC_SUFFIXES
                and child.exists()
                and not child.is_dir()
                and not is_log(child)
            )
        else:
            found.append(given)
    if leaving:
        raise LiftplanError(leaving)
    return found


def _links_out(children: Iterable[Path], folder: Path) -> Iterator[Diagnostic]:
    """The symlinks among a folder's files that lead out of it and would be read as a spec
    or walked as a folder (a log is refused by `read_sources`, which reads it)."""
    for child in children:
        if child.is_dir() or (child.suffix in SPEC_SUFFIXES and not is_log(child)):
            target = link_leaving(child, folder)
            if target is not None:
                message = (
                    f"a symlink to {target}, outside {folder}: not followed "
                    "(name it on the command line to read it)"
                )
                yield Diagnostic(str(child), 1, 1, message)
