"""The site config: `liftplan build`'s settings kept in a YAML file beside the specs.

A file is read by the same hardened loader as specs and checked against
`schemas/site.schema.json`, so a mistake in it is reported at its line and column.
Options given on the command line win over the file; the file wins over defaults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from generator.errors import LiftplanError
from generator.publish.formats import FORMATS
from generator.resources import schema
from generator.spec.loader import load_file
from generator.spec.schema import schema_diagnostics

BASE_URL = re.compile(schema("site")["properties"]["base_url"]["pattern"])


@dataclass(frozen=True)
class Settings:
    """Everything a build is told: what to build, where, and how."""

    programs: tuple[str, ...] = ("programs",)
    output: str = "output"
    formats: tuple[str, ...] = FORMATS
    strict: bool = False
    base_url: str | None = None
    page_size: str = "a4"
    templates: str | None = None
    title: str | None = None
    # How, not what: worker processes, and the folder of the build cache (None: no cache).
    jobs: int = 1
    cache: str | None = None
    # An output no one changes in place (serve's own folder): its files and the cache's
    # may then be one file under two names. A published output is copied to and from the
    # cache, so that editing it in place can never change what the cache holds.
    private: bool = False

    def __post_init__(self) -> None:
        """Accept any sequence of programs and formats, and paths as paths, as the
        command line and callers of the library give them."""
        object.__setattr__(self, "programs", tuple(str(p) for p in self.programs))
        object.__setattr__(self, "formats", tuple(self.formats))
        object.__setattr__(self, "output", str(self.output))
        for name in ("templates", "cache"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, str(value))

    def overridden(self, **given: Any) -> Settings:
        """These settings with every option that was given (not None) put in place."""
        return replace(self, **{key: value for key, value in given.items() if value is not None})


def valid_base_url(url: str) -> bool:
    """An http(s) address safe to place in a page: no spaces, quotes or angle brackets.

    >>> valid_base_url("https://example.org/plans/"), valid_base_url("javascript:alert(1)")
    (True, False)
    """
    return BASE_URL.fullmatch(url) is not None


def load_settings(path: str) -> Settings:
    """The settings in a config file, with its relative paths made relative to here.

    Raises LiftplanError naming file:line:col for anything the schema refuses.
    """
    document = load_file(path)
    problems = schema_diagnostics(document, "site")
    if problems:
        raise LiftplanError(problems)
    data: dict[str, Any] = document.data
    folder = Path(path).parent

    def near(relative: str) -> str:
        return str(folder / relative)

    settings = Settings()
    return settings.overridden(
        programs=tuple(near(p) for p in data["programs"]) if "programs" in data else None,
        output=near(data["output"]) if "output" in data else None,
        formats=tuple(data["formats"]) if "formats" in data else None,
        strict=data.get("strict"),
        base_url=data.get("base_url"),
        page_size=data.get("page_size"),
        templates=near(data["templates"]) if "templates" in data else None,
        title=data.get("title"),
    )
