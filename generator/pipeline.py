"""The load-and-validate stage: from files on disk to checked documents or diagnostics.

This is the boundary. Past it, a program is trusted: the schema has checked its
shape and the semantic checks that its parts agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Diagnostic, LiftplanError, Outcome, PlanLimitError, sort_diagnostics
from generator.log.values import is_log
from generator.spec.checks import semantic_diagnostics
from generator.spec.loader import Document, load_file
from generator.spec.loader import Path as Path_
from generator.spec.schema import format_path, schema_diagnostics

SPEC_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Checked(Outcome):
    """One file's outcome: the document if it could be read, and everything found in it."""

    file: str
    document: Document | None
    diagnostics: tuple[Diagnostic, ...]


def check_document(document: Document) -> list[Diagnostic]:
    """Schema errors first; semantic checks only on a spec whose shape can be trusted."""
    found = schema_diagnostics(document, "program")
    if found:
        return sort_diagnostics(found)
    return sort_diagnostics(semantic_diagnostics(document))


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


def check_file(path: str) -> Checked:
    """Read and check one spec, turning every problem into a diagnostic."""
    try:
        document = load_file(path)
    except LiftplanError as error:
        return Checked(path, None, error.diagnostics)
    return Checked(path, document, tuple(check_document(document)))


def load_program(path: str, *, strict: bool = False) -> Document:
    """A spec that passed every check, or LiftplanError with its errors (and warnings if strict)."""
    checked = check_file(path)
    blocking = checked.diagnostics if strict else checked.errors
    if blocking or checked.document is None:
        raise LiftplanError(blocking)
    return checked.document


def find_specs(paths: Iterable[str]) -> list[str]:
    """Spec files named directly, and every .yaml/.yml file under named folders, sorted;
    a training log (`*.log.yaml`) beside its spec is not a spec."""
    found: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(
                str(child)
                for child in sorted(path.rglob("*"))
                if child.suffix in SPEC_SUFFIXES and child.is_file() and not is_log(child)
            )
        else:
            found.append(given)
    return found
