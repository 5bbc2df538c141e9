"""Diagnostics, and the one exception type for anything that stops a command.

Every problem a person can fix is a `Diagnostic` pinned to a place in a file,
so the command line can print `file:line:col: path: message` and an editor or
CI system can jump to it. Errors are collected, not raised one at a time, so
a person sees every mistake in one run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """Warnings flag questionable training; errors make a spec unusable."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem at one place in one file (line and column are 1-based)."""

    file: str
    line: int
    column: int
    message: str
    path: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """Render as the one-line form compilers use, which editors can follow.

        Characters a terminal would act on (newlines, escapes, NUL) are written as
        escapes, so a hostile value can neither forge lines nor drive the terminal.

        >>> Diagnostic("a.yaml", 3, 7, "must be at least 1", "sets").format()
        'a.yaml:3:7: sets: must be at least 1'
        >>> Diagnostic("a.yaml", 1, 1, "no deload", "", Severity.WARNING).format()
        'a.yaml:1:1: warning: no deload'
        >>> print(Diagnostic("a.yaml", 1, 1, "'x\\ny\\x1b[2J'").format())
        a.yaml:1:1: 'x\\ny\\x1b[2J'
        """
        where = f"{self.file}:{self.line}:{self.column}: "
        level = "warning: " if self.severity is Severity.WARNING else ""
        path = f"{self.path}: " if self.path else ""
        return printable(f"{where}{level}{path}{self.message}")

    def as_dict(self) -> dict[str, str | int]:
        """The machine-readable form used by `--format json`."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
        }


def printable(text: str) -> str:
    """Text with every non-printable character written as a Python escape.

    >>> printable("tab\\there\\u202e")
    'tab\\\\there\\\\u202e'
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Order by file and position so output reads top to bottom, without repeats."""
    unique = dict.fromkeys(diagnostics)
    return sorted(unique, key=lambda d: (d.file, d.line, d.column, d.path, d.message))


class Outcome:
    """A check's findings split by severity; the class holds `diagnostics`."""

    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)

    def blocking(self, strict: bool) -> tuple[Diagnostic, ...]:
        """What stops the work: the errors, and the warnings too when strict."""
        return self.diagnostics if strict else self.errors


class Failure(Exception):
    """Anything that stops a command for a reason a person can act on: bad input, an
    output that cannot be written, a PDF that cannot be made. The command line handles
    this one type, in one place: it prints `lines()` on stderr and exits 1."""

    def lines(self) -> list[str]:
        """What a person reads, one line a problem."""
        return [printable(f"liftplan: error: {self}")]


class LiftplanError(Failure):
    """Bad input: the diagnostics, each located at file:line:col."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sort_diagnostics(diagnostics))
        super().__init__("\n".join(d.format() for d in self.diagnostics))

    def lines(self) -> list[str]:
        return [diagnostic.format() for diagnostic in self.diagnostics]

    def __reduce__(self) -> tuple[type[LiftplanError], tuple[tuple[Diagnostic, ...]]]:
        """Pickled whole, so an error found in a worker process arrives intact."""
        return (type(self), (self.diagnostics,))

    @classmethod
    def at(cls, file: str, line: int, column: int, message: str, path: str = "") -> LiftplanError:
        """Shorthand for the common case of a single error."""
        return cls([Diagnostic(file, line, column, message, path)])


class PlanLimitError(Exception):
    """A limit that only planning can find: progression carrying a load past the heaviest
    allowed. The pure expansion knows which prescription and week but not the file, so it
    raises this, and the caller, which has the document, turns it into a located
    LiftplanError (`validate.planning`).
    """

    def __init__(self, key: tuple[int, str, int], message: str) -> None:
        self.key = key
        self.message = message
        super().__init__(message)

    def __reduce__(self) -> tuple[type[PlanLimitError], tuple[tuple[int, str, int], str]]:
        return (type(self), (self.key, self.message))
