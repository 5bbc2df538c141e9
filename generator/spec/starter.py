"""`liftplan new`: a commented starter spec that teaches the language and validates."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

from generator.resources import data_dir

_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*\Z")


class StarterError(Exception):
    """The starter cannot be written as asked (bad name, file exists, bad date)."""


def next_monday(today: datetime.date) -> datetime.date:
    """The Monday after `today`, a sensible first training day.

    >>> next_monday(datetime.date(2026, 11, 23)), next_monday(datetime.date(2026, 11, 25))
    (datetime.date(2026, 11, 30), datetime.date(2026, 11, 30))
    """
    return today + datetime.timedelta(days=7 - today.weekday())


def render_starter(name: str, *, start: str, schema_ref: str, filename: str) -> str:
    """The starter spec's text; pure, so it can be checked without touching disk."""
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("templates")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        # YAML, not HTML: the values are checked ids and dates, and the title is JSON-quoted.
        autoescape=False,
    )
    title = name.replace("-", " ").replace("_", " ").capitalize()
    template = environment.get_template("starter.yaml.j2")
    return template.render(id=name, title=title, start=start, schema=schema_ref, filename=filename)


def write_starter(
    name: str, directory: Path, *, start: str | None = None, schema_ref: str | None = None
) -> Path:
    """Write NAME.yaml into `directory`, refusing to replace anything that is there."""
    if not _ID.match(name) or len(name) > 64:
        raise StarterError(
            f"{name!r} is not a valid program id: use lower case letters, "
            "digits and single - or _ between them"
        )
    if start is None:
        start = next_monday(datetime.date.today()).isoformat()
    try:
        datetime.date.fromisoformat(start)
    except ValueError:
        raise StarterError(f"--start {start!r} is not a date (YYYY-MM-DD)") from None
    target = directory / f"{name}.yaml"
    if schema_ref is None:
        schema_file = data_dir("schemas") / "program.schema.json"
        schema_ref = Path(os.path.relpath(schema_file, directory.resolve())).as_posix()
    text = render_starter(name, start=start, schema_ref=schema_ref, filename=target.name)
    directory.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise StarterError(f"{target} already exists; liftplan new never overwrites") from None
    return target
