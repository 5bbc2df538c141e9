"""The static site: an index of programs and, per program, an overview and a page a week.

Every link is relative, so the site works opened from a folder (file://) and from
any sub-path of a web host.
"""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

from generator.plan import Plan
from generator.render import render
from generator.resources import data_dir
from generator.view import index_view, program_view, week_file, week_view

ASSETS = ("assets/style.css",)


def program_pages(env: jinja2.Environment, plan: Plan) -> dict[str, str]:
    """A program's pages, by path relative to the site's root."""
    folder = plan.program.id
    pages = {f"{folder}/index.html": render(env, "program.html", program_view(plan))}
    for week in plan.weeks:
        pages[f"{folder}/{week_file(week.number)}"] = render(
            env, "week.html", week_view(plan, week)
        )
    return pages


def site_pages(env: jinja2.Environment, plans: Sequence[Plan]) -> dict[str, bytes]:
    """The index of programs and the assets every page uses."""
    files = {"index.html": render(env, "index.html", index_view(plans)).encode("utf-8")}
    for asset in ASSETS:
        files[asset] = (data_dir("templates") / asset).read_bytes()
    return files
