"""The static site: an index of programs and, per program, an overview and a page a week.

Every link is relative, so the site works opened from a folder (file://) and from
any sub-path of a web host.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any
from xml.sax.saxutils import escape

import jinja2

from generator.plan.values import Plan
from generator.publish.templates import render, render_chunks
from generator.publish.views import Listing, index_view, program_view, week_file, week_view

ASSETS = ("assets/style.css", "assets/charts.css", "assets/today.js", "assets/favicon.svg")


def program_pages(
    env: jinja2.Environment,
    plan: Plan,
    base_url: str | None = None,
    formats: Sequence[str] = (),
    site_title: str | None = None,
) -> Iterator[tuple[str, str]]:
    """A program's pages as text, with their paths relative to the site's root."""
    for path, chunks in program_page_chunks(env, plan, base_url, formats, site_title):
        yield path, b"".join(chunks).decode("utf-8")


def program_page_chunks(
    env: jinja2.Environment,
    plan: Plan,
    base_url: str | None = None,
    formats: Sequence[str] = (),
    site_title: str | None = None,
) -> Iterator[tuple[str, Iterator[bytes]]]:
    """A program's pages with their paths relative to the site's root, each made as it is
    written, a piece at a time (a long plan's overview, its calendar and its figures, is
    never held whole, nor are its pages held together); the overview links to the files
    of the other `formats` built beside it."""
    folder = plan.program.id
    path = f"{folder}/index.html"
    overview = program_view(plan, formats)
    yield path, render_chunks(env, "program.html", _site(overview, base_url, path, site_title))
    for week in plan.weeks:
        path = f"{folder}/{week_file(week.number)}"
        context = _site(week_view(plan, week), base_url, path, site_title)
        yield path, render_chunks(env, "week.html", context)


def site_pages(
    env: jinja2.Environment,
    listings: Sequence[Listing],
    pages: Sequence[str],
    base_url: str | None = None,
    site_title: str | None = None,
) -> dict[str, bytes]:
    """The index of programs, the assets every page uses, and with a base URL a sitemap."""
    index = _site(index_view(listings, site_title or ""), base_url, "index.html", site_title)
    files = {"index.html": render(env, "index.html", index).encode("utf-8")}
    for asset in ASSETS:
        files[asset] = asset_text(env, asset).encode("utf-8")
    if base_url is not None:
        files["sitemap.xml"] = sitemap(base_url, ["index.html", *pages]).encode("utf-8")
    return files


def asset_text(env: jinja2.Environment, name: str) -> str:
    """An asset as the templates folders have it: a user's own copy replaces the built-in one."""
    assert env.loader is not None
    source, _filename, _uptodate = env.loader.get_source(env, name)
    return source


def _site(
    context: dict[str, Any], base_url: str | None, path: str, site_title: str | None
) -> dict[str, Any]:
    """What a page takes from the site: its title, and with a base URL the page's one true
    address (the only absolute link)."""
    if base_url is not None:
        context["canonical"] = base_url.rstrip("/") + "/" + path
    context["site_title"] = site_title or ""
    return context


def sitemap(base_url: str, pages: Sequence[str]) -> str:
    """A sitemaps.org sitemap of every page, in page order."""
    root = base_url.rstrip("/")
    entries = "".join(f"  <url><loc>{escape(f'{root}/{page}')}</loc></url>\n" for page in pages)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    )
