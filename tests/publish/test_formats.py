"""The format registry: every part of liftplan that deals in formats reads the one list."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.limits import big_spec
from generator.build.cache import Recipe, format_keys
from generator.build.config import Settings
from generator.cli import main
from generator.pipeline import Sources
from generator.plan.values import Plan
from generator.publish.formats import FORMATS, REGISTRY, Made, downloadable, named
from generator.publish.views import program_view
from generator.resources import schema
from tests.support.paths import PROGRAMS, ROOT
from tests.support.plans import plan_from_file


def test_the_site_config_schema_allows_and_defaults_to_the_registry() -> None:
    formats = schema("site")["properties"]["formats"]
    assert formats["items"]["enum"] == list(FORMATS)
    assert formats["default"] == list(FORMATS)
    assert formats["maxItems"] == len(FORMATS)
    assert Settings().formats == FORMATS


def test_the_command_line_refuses_a_format_not_in_the_registry(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(PROGRAMS), "-o", str(tmp_path / "out"), "--format", "html,docx"]
    )
    assert result.exit_code == 2
    assert f"choose from {', '.join(FORMATS)}" in result.output


def test_the_overview_links_each_file_built_under_its_label_in_registry_order() -> None:
    plan = plan_from_file(PROGRAMS / "hip-thrust-12wk.yaml")
    links = program_view(plan, ["csv", "html", "ics", "pdf"])["downloads"]
    assert links == [
        {"href": form.file, "label": form.label} for form in downloadable(["pdf", "ics", "csv"])
    ]
    assert [link["href"] for link in links] == ["plan.pdf", "plan.ics", "plan.csv"]
    assert program_view(plan, ["html"])["downloads"] == []


def test_only_the_pages_are_not_a_download() -> None:
    assert [form.name for form in REGISTRY.values() if not form.label] == ["html"]
    assert len({form.file for form in REGISTRY.values()}) == len(REGISTRY)


def _keys(**recipe: object) -> dict[str, str]:
    given: dict[str, object] = {
        "formats": FORMATS,
        "templates": None,
        "base_url": None,
        "page_size": "a4",
        "templates_key": "t",
    }
    given.update(recipe)
    sources = Sources("a.yaml", b"id: a\n", None)
    return format_keys(sources, Recipe(**given))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "covered"),
    [
        ({"templates_key": "u"}, "templates"),
        ({"base_url": "https://example.org/"}, "base_url"),
        ({"page_size": "letter"}, "page_size"),
    ],
)
def test_a_key_changes_exactly_when_what_its_format_covers_changes(
    change: dict[str, object], covered: str
) -> None:
    before, after = _keys(), _keys(**change)
    changed = {name for name in FORMATS if before[name] != after[name]}
    assert changed == {name for name in FORMATS if covered in named(name).covers}
    assert _keys() == before


def test_the_formats_built_change_the_keys_of_the_formats_that_link_to_them() -> None:
    fewer = _keys(formats=("html", "pdf"))
    assert fewer["html"] != _keys()["html"]
    assert fewer["pdf"] == _keys()["pdf"]


def test_reading_the_registry_imports_no_renderer() -> None:
    probe = (
        "import json, sys; import generator.publish.formats, generator.build.config; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    modules = set(json.loads(result.stdout))
    assert not {"weasyprint", "icalendar", "jinja2", "generator.publish.pdf"} & modules


@pytest.fixture(scope="module")
def long_plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """A year of six sessions a week, 12,480 sets, with notes on every exercise."""
    spec = tmp_path_factory.mktemp("long") / "long.yaml"
    spec.write_text(big_spec(52, 6, 4, 10, notes=1000), encoding="utf-8")
    return plan_from_file(spec)


def write_all(made: Made, folder: Path) -> int:
    """Write a format's files as the build does, a piece at a time; the bytes written."""
    written = 0
    for relative, content in made.files:
        with (folder / relative.replace("/", "_")).open("wb") as handle:
            for chunk in [content] if isinstance(content, bytes) else content:
                written += handle.write(chunk)
    return written


@pytest.mark.parametrize("name", ["html", "json", "csv", "ics"])
def test_a_long_plan_is_written_as_it_is_made(long_plan: Plan, name: str, tmp_path: Path) -> None:
    """The non-PDF formats hand the writer their files in pieces of about a week, so a
    build's memory does not grow with the length of the plan: what the format allocates
    while its files are written stays a small part of what it writes."""
    options = Recipe.of(("html", "json", "csv", "ics"), None, None, "a4")
    write_all(named(name).render(long_plan, options, None), tmp_path)  # imports, templates
    tracemalloc.start()
    try:
        written = write_all(named(name).render(long_plan, options, None), tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert written > 100_000, written  # a plan worth streaming
    # Held whole, a file would need at least its own size (html ran at a sixth of it,
    # json a ninth, csv and ics under a third: a week's text at a time).
    assert peak < written / 2, (peak, written)
