"""Rendering: Jinja2 templates turned into the site's pages.

A user's templates folder comes first, so any built-in template can be replaced;
the built-in ones stay reachable as `liftplan/<name>`, so a replacement can extend
the template it replaces. Undefined names are errors (StrictUndefined) and every
HTML template is autoescaped, so a value from a spec can never become markup.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

import jinja2

from generator.resources import data_dir

BUILTIN_PREFIX = "liftplan"


class _Environment(jinja2.Environment):
    """Jinja, with `a.b` on a plain dict looking up the key first. The views are dicts,
    and Jinja's own order (the attribute, then the item) raised and caught an
    AttributeError for every `exercise.name` of every page, a sixth of rendering. A dict
    method is still reached this way when no key has its name."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def environment(user_templates: Path | None = None) -> jinja2.Environment:
    """The template environment: the user's folder, then the built-in templates."""
    builtin = jinja2.FileSystemLoader(data_dir("templates"))
    loaders: list[jinja2.BaseLoader] = []
    if user_templates is not None:
        loaders.append(jinja2.FileSystemLoader(user_templates))
    loaders.append(builtin)
    loaders.append(jinja2.PrefixLoader({BUILTIN_PREFIX: builtin}))
    return _Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "svg", "xml")),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def shared_environment(user_templates: Path | None = None) -> jinja2.Environment:
    """One environment per process and templates folder, so each template is compiled
    once for all the programs a build renders (a changed file is still read again)."""
    return environment(user_templates)


def template_location(error: jinja2.TemplateError) -> tuple[str, int]:
    """Which template file and line an error happened at, for a `file:line:col` message.

    Syntax errors carry it; errors while rendering do not, but Jinja rewrites the
    traceback so the template's own frames name the template file and line.
    """
    if isinstance(error, jinja2.TemplateSyntaxError):
        return error.filename or error.name or "template", error.lineno
    found = ("template", 1)
    trace = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".svg", ".xml", ".j2")):
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


def render(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """One template, rendered with display-ready values."""
    return env.get_template(name).render(**context)


# About how much of a page is encoded and handed to the writer at once.
CHUNK = 64 * 1024


def render_chunks(
    env: jinja2.Environment, name: str, context: Mapping[str, Any]
) -> Iterator[bytes]:
    """One template rendered as UTF-8 pieces of about CHUNK characters, made as they are
    written: Jinja's own pieces are a few characters each, too small to write one by one
    (or even to count one by one: they are taken a few hundred at a time), and the whole
    page as one string would be held twice over (its parts and their join)."""
    pieces = env.get_template(name).generate(**context)
    pending: list[str] = []
    size = 0
    while batch := list(islice(pieces, _BATCH)):
        text = "".join(batch)
        pending.append(text)
        size += len(text)
        if size >= CHUNK:
            yield "".join(pending).encode("utf-8")
            pending, size = [], 0
    if pending:
        yield "".join(pending).encode("utf-8")


# How many of Jinja's pieces are joined at once (a few KB of a page, mostly).
_BATCH = 256
