"""The printable plan: one PDF per program (a long one in volumes), laid out by WeasyPrint.

The PDF is the site's content set for paper: a cover with the maxes, the overview and
the chart, then each week in two columns with boxes to write in what was actually
lifted, on as few pages as hold it. Where the week breaks into pages and columns, and
where each set's boxes sit, is worked out in generator/publish/sheet.py; the blocks
WeasyPrint lays out are never tables, which it lays out far more slowly, and the two
columns are two floats, not CSS columns, which it lays out at least twice over.

WeasyPrint may only read what liftplan gives it: data: URLs and files inside the
template folders. Anything else (another file, the network, a redirect) is refused,
and any error WeasyPrint logs fails the build instead of leaving a hole in the PDF.
"""

from __future__ import annotations

import gc
import logging
import mimetypes
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2

from generator.errors import Failure
from generator.plan.values import Plan, PlannedWeek
from generator.publish.paper import PAGE_SIZES
from generator.publish.sheet import (
    column_width,
    done_picture,
    done_row,
    maxes_view,
    placed,
    sheet_exercise,
    week_sheets,
)
from generator.publish.templates import render
from generator.publish.views import Volume, pdf_volumes, program_view, week_view

TEMPLATE = "pdf.html"
# What tagging says of an image with an empty alt: a template's decorative image (alt="",
# as HTML marks one) is printed as it always was, not a failed build.
UNTAGGED_IMAGE = 'Image "%s" has no required alt description'


class PdfError(Failure):
    """WeasyPrint could not make the PDF as asked; the message says why."""


@dataclass(frozen=True)
class Pdf:
    """A rendered PDF and its page count, for the build's summary."""

    data: bytes
    pages: int


def pdf_view(plan: Plan, page_size: str = "a4", volume: Volume | None = None) -> dict[str, Any]:
    """The overview and every week of the volume (or of the plan), as the site shows
    them, plus the page size; a volume's cover lists only its own weeks. A week's
    sessions are cut into sheets (see sheet.week_sheets); a week without a session
    prints on the cover's calendar only, which counts its sessions (the site's calendar
    lays a week out by day instead)."""
    first, last = (volume.first, volume.last) if volume else (1, len(plan.weeks))
    overview = program_view(plan)
    sessions = {week.number: week.sessions for week in plan.weeks}
    return {
        **overview,
        "weeks": [
            {**week, "sessions": sessions[week["number"]]}
            for week in overview["weeks"]
            if first <= week["number"] <= last
        ],
        "volume": volume if volume is not None and volume.count > 1 else None,
        "page_size": PAGE_SIZES[page_size],
        "maxes": maxes_view(plan),
        "done_picture": done_picture(),
        "column_width": round(column_width(page_size), 2),
        "week_pages": [
            _printed_week(plan, week, page_size)
            for week in plan.weeks
            if first <= week.number <= last and week.sessions
        ],
    }


def _printed_week(plan: Plan, week: PlannedWeek, page_size: str) -> dict[str, Any]:
    """A week's page view, each exercise with its boxes, and its sessions in sheets."""
    view = week_view(plan, week)
    width = column_width(page_size)
    for shown, session in zip(view["sessions"], week.sessions, strict=True):
        done_on = f"{session.logged.date:%d %b}" if session.logged is not None else ""
        shown["done_row"] = done_row(done_on, shown["logged_note"])
        for exercise_view, exercise in zip(shown["exercises"], session.exercises, strict=True):
            sheet = sheet_exercise(plan, exercise)
            sheet["sets"] = placed(sheet["cells"], sheet["noted"], width)
            exercise_view["sheet"] = sheet
    view["sheets"] = week_sheets(view["sessions"], page_size, len(week.skipped))
    return view


def pdf_html(
    env: jinja2.Environment, plan: Plan, page_size: str = "a4", volume: Volume | None = None
) -> str:
    """The HTML WeasyPrint lays out: one document with the cover and every week of the
    volume (or of the plan)."""
    return render(env, TEMPLATE, pdf_view(plan, page_size, volume))


def render_volumes(
    env: jinja2.Environment, plan: Plan, page_size: str, folders: Sequence[Path]
) -> dict[str, Pdf]:
    """Each volume's PDF by its file name, laid out one at a time, so memory holds the
    layout of one volume, not of a plan of ten years (see view.VOLUME_ROWS)."""
    made = {}
    for volume in pdf_volumes(plan):
        made[volume.href] = render_pdf(pdf_html(env, plan, page_size, volume), folders)
        gc.collect()  # the volume's layout is garbage now: free it before the next
    return made


def render_pdf(html: str, folders: Sequence[Path]) -> Pdf:
    """Lay out `html` and return the PDF; relative URLs resolve in the first folder.

    Raises PdfError if WeasyPrint logs an error or asks for anything outside `folders`.
    """
    import weasyprint

    base = folders[0].resolve().as_uri() + "/"
    fetcher = _fetcher_class()(folders)
    _check_subsetter()
    with _failing_on_errors() as errors, _fewer_collections():
        try:
            document = weasyprint.HTML(string=html, base_url=base, url_fetcher=fetcher).render()
            # Tagged (PDF/UA's structure): screen readers and text extraction follow
            # the reading order, headings and tables, not the order things are drawn.
            data = document.write_pdf(pdf_tags=True)
        except weasyprint.urls.FatalURLFetchingError as error:
            raise PdfError(f"{error} ({error.__cause__})") from error
    if errors:
        raise PdfError("; ".join(errors))
    assert isinstance(data, bytes)
    return Pdf(data, len(document.pages))


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run Python's cyclic garbage collector less often while WeasyPrint works.

    Layout makes millions of small objects that all live until the PDF is written, so
    the collector keeps walking them for nothing: about a third of the time goes to it
    with the default thresholds (five-three-one: 3.4 s, against 2.3 s with this).
    """
    before = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _check_subsetter() -> None:
    """Refuse to print where WeasyPrint would subset fonts with fontTools.

    WeasyPrint subsets the embedded fonts with HarfBuzz when libharfbuzz-subset is
    installed and with fontTools when not; WeasyPrint 70's fontTools path writes
    different bytes on every render in a process (three renders of one plan, three
    digests), so the same plan would not give the same PDF.
    """
    from weasyprint.pdf import fonts

    if fonts.harfbuzz_subset is None:
        raise PdfError(
            "HarfBuzz's subsetting library is not installed (Debian: libharfbuzz-subset0); "
            "without it WeasyPrint embeds fonts differently on every build"
        )


@contextmanager
def _failing_on_errors() -> Iterator[list[str]]:
    """Collect every error WeasyPrint logs while the block runs."""
    errors: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.msg != UNTAGGED_IMAGE:
                errors.append(record.getMessage())

    handler = Collect(level=logging.ERROR)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield errors
    finally:
        logger.removeHandler(handler)


@cache
def _fetcher_class() -> type[Any]:
    """WeasyPrint's fetcher, narrowed to data: URLs and files inside given folders.

    Made on first use so that importing this module does not import WeasyPrint.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class FolderFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self, folders: Sequence[Path]) -> None:
            # The scheme is checked in fetch below (WeasyPrint 68.0's own check misreads
            # data: URLs), so WeasyPrint's handlers are reached only for data: URLs.
            super().__init__(fail_on_errors=True, allow_redirects=False)
            self.folders = [folder.resolve() for folder in folders]

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = urlsplit(url).scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme != "file":
                raise ValueError(f"liftplan does not fetch {url} (only files of the templates)")
            path = allowed_file(url, self.folders)
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})

    return FolderFetcher


def allowed_file(url: str, folders: Sequence[Path]) -> Path:
    """The file a file: URL names, if it lies inside one of `folders` (links resolved).

    >>> allowed_file("file:///etc/passwd", [Path("/usr/share")])
    Traceback (most recent call last):
    ...
    ValueError: /etc/passwd is outside the template folders
    """
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise ValueError(f"{url} is on another host")
    path = Path(unquote(parts.path)).resolve()
    if not any(path.is_relative_to(folder) for folder in folders):
        raise ValueError(f"{path} is outside the template folders")
    if not path.is_file():
        raise ValueError(f"{path} is not a file")
    return path
