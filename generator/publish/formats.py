"""The output formats, each declared once: its name, its file, its download link, how it
is rendered and what its cache key covers.

The command line's `--format` and the site config take these names, the config builds
them all by default, the build renders through each one's renderer, the build cache
keys each by what it declares, and the overview links to each file under its label, in
this order. Adding a format is adding it here (and to the list in
schemas/site.schema.json, which a test holds to this one).

Reading the registry costs nothing: each renderer imports what it renders with when it
is called (the PDF one WeasyPrint, the calendar one icalendar), so a command that only
validates never loads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from generator.plan.values import Plan

# A file's content: its bytes, or chunks of them made as they are written (a long plan's
# JSON or CSV a week at a time), so a format need not hold its whole output in memory.
Content = bytes | Iterable[bytes]

# What a format's cache key may cover besides liftplan's code and the program's own
# files: the templates (the user's folder, the built-in one, the Jinja2 version), the
# base URL, which formats are built beside it, the page size and the site's title.
Covered = Literal["templates", "base_url", "formats", "page_size", "title"]


class Options(Protocol):
    """How a build renders its formats, beyond the plan (the build's recipe is one)."""

    @property
    def formats(self) -> tuple[str, ...]: ...
    @property
    def templates(self) -> Path | None: ...
    @property
    def base_url(self) -> str | None: ...
    @property
    def page_size(self) -> str: ...
    @property
    def title(self) -> str | None: ...


@dataclass(frozen=True)
class Made:
    """One format of one program, rendered: its files by path from the site's root, and
    what the build cache keeps beside them (a PDF's page count, for the summary)."""

    files: Iterable[tuple[str, Content]]  # read once, in order
    meta: dict[str, Any] = field(default_factory=dict)


# A renderer: the plan, the options, and (for a format made over it) the format's file
# as the previous build left it, or None.
Renderer = Callable[["Plan", Options, "bytes | None"], Made]


@dataclass(frozen=True)
class Format:
    """An output format, as every part of liftplan that deals in formats knows it."""

    name: str
    # The file in each program's folder (for html, the overview; a long PDF is in volumes).
    file: str
    # What the overview's link to the file says; empty for the pages themselves.
    label: str
    render: Renderer
    # What its cache key covers, in this order, besides the code and the program's files.
    covers: tuple[Covered, ...] = ()
    # Libraries whose version the key covers: they make the bytes.
    versions: tuple[str, ...] = ()
    # Made over the previous build's file (a feed's sequence numbers continue it), so a
    # stored copy holds only while that file is the one it was made over, or made.
    over_previous: bool = False

    def path(self, program_id: str) -> str:
        """The file's path from the site's root.

        >>> named("ics").path("hip-thrust-12wk")
        'hip-thrust-12wk/plan.ics'
        """
        return f"{program_id}/{self.file}"


def _html(plan: Plan, options: Options, previous: bytes | None) -> Made:
    """The overview and a page a week; the overview links to the other formats built."""
    from generator.publish.site import program_page_chunks
    from generator.publish.templates import shared_environment

    env = shared_environment(options.templates)
    return Made(program_page_chunks(env, plan, options.base_url, options.formats, options.title))


def _pdf(plan: Plan, options: Options, previous: bytes | None) -> Made:
    """The printable plan (a long one in volumes), and its page count."""
    from generator.publish.pdf import PdfError, render_volumes
    from generator.publish.templates import shared_environment
    from generator.resources import data_dir

    folder = plan.program.id
    env = shared_environment(options.templates)
    user = [options.templates] if options.templates else []
    try:
        pdfs = render_volumes(env, plan, options.page_size, [*user, data_dir("templates")])
    except PdfError as error:
        raise PdfError(f"{PDF.path(folder)}: {error}") from None
    files = [(f"{folder}/{href}", pdf.data) for href, pdf in pdfs.items()]
    return Made(files, {"pages": sum(pdf.pages for pdf in pdfs.values())})


def _ics(plan: Plan, options: Options, previous: bytes | None) -> Made:
    """The calendar feed, its sequence numbers continuing the previous feed's."""
    from generator.publish.calendar import plan_ics_chunks, previous_events

    chunks = plan_ics_chunks(plan, previous_events(previous), options.base_url)
    return Made([(ICS.path(plan.program.id), chunks)])


def _json(plan: Plan, options: Options, previous: bytes | None) -> Made:
    from generator.publish.data import plan_json_chunks

    return Made([(JSON.path(plan.program.id), plan_json_chunks(plan))])


def _csv(plan: Plan, options: Options, previous: bytes | None) -> Made:
    from generator.publish.data import plan_csv_chunks

    return Made([(CSV.path(plan.program.id), plan_csv_chunks(plan))])


HTML = Format("html", "index.html", "", _html, covers=("templates", "base_url", "formats", "title"))
PDF = Format(
    "pdf",
    "plan.pdf",
    "Printable plan (PDF)",
    _pdf,
    covers=("templates", "page_size"),
    versions=("weasyprint",),
)
ICS = Format(
    "ics",
    "plan.ics",
    "Calendar feed (iCalendar)",
    _ics,
    covers=("base_url",),
    versions=("icalendar",),
    over_previous=True,
)
JSON = Format("json", "plan.json", "The plan as data (JSON)", _json)
CSV = Format("csv", "plan.csv", "Every set as a spreadsheet (CSV)", _csv)

REGISTRY = {form.name: form for form in (HTML, PDF, ICS, JSON, CSV)}
# Every format's name, in the order they are built and offered: the default of a build.
FORMATS = tuple(REGISTRY)


def named(name: str) -> Format:
    """The format of this name (KeyError for none: names are checked where they are given).

    >>> named("pdf").file, named("pdf").covers
    ('plan.pdf', ('templates', 'page_size'))
    """
    return REGISTRY[name]


def downloadable(formats: Sequence[str]) -> Iterator[Format]:
    """The formats among `formats` that are files to download, in the registry's order.

    >>> [form.file for form in downloadable(["csv", "html", "pdf"])]
    ['plan.pdf', 'plan.csv']
    """
    return (form for form in REGISTRY.values() if form.label and form.name in formats)
