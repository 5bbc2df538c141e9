"""`liftplan new`: a commented starter spec that teaches the language and validates, or a
copy of a published program from the library (`programs/library`), renamed and dated."""

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


def library() -> dict[str, Path]:
    """The published programs shipped with liftplan, by id."""
    folder = data_dir("programs/library")
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}


def library_entry(path: Path) -> tuple[str, str]:
    """A library program's title and its source, read from the spec and its header."""
    text = path.read_text(encoding="utf-8")
    title = next((line[7:].strip() for line in text.splitlines() if line.startswith("title: ")), "")
    source = next(
        (
            line.removeprefix("# Source:").strip()
            for line in text.splitlines()
            if line.startswith("# Source:")
        ),
        "",
    )
    return title, source


def from_library(source: str, name: str, *, start: str, schema_ref: str) -> str:
    """A library program's text under a new id and start date, its modeline pointing at
    `schema_ref`; the comments that explain its rules are kept."""
    programs = library()
    if source not in programs:
        known = ", ".join(programs)
        raise StarterError(f"no program {source!r} in the library (it has {known})")
    lines = programs[source].read_text(encoding="utf-8").splitlines(keepends=True)
    for index, line in enumerate(lines):
        if index == 0 and line.startswith("# yaml-language-server:"):
            lines[index] = f"# yaml-language-server: $schema={schema_ref}\n"
        elif line.startswith("id: "):
            lines[index] = f"id: {name}\n"
        elif line.startswith("start: "):
            lines[index] = f'start: "{start}"\n'
    return "".join(lines)


def write_starter(
    name: str,
    directory: Path,
    *,
    start: str | None = None,
    schema_ref: str | None = None,
    source: str | None = None,
) -> Path:
    """Write NAME.yaml into `directory` (the starter, or the library program `source`),
    refusing to replace anything that is there."""
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
    if source is not None:
        text = from_library(source, name, start=start, schema_ref=schema_ref)
    else:
        text = render_starter(name, start=start, schema_ref=schema_ref, filename=target.name)
    directory.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise StarterError(f"{target} already exists; liftplan new never overwrites") from None
    return target
