"""`liftplan build`'s settings: the site config file, the options over it, the summary and
the progress bar."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from pypdf import PdfReader

from generator.build.config import Settings, load_settings
from generator.errors import LiftplanError
from generator.resources import data_dir, schema
from tests.support.commands import run
from tests.support.paths import LIFTPLAN, PROGRAMS


def test_a_config_file_sets_every_option_with_paths_relative_to_it(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    config = folder / "liftplan-site.yaml"
    config.write_text(
        "programs: [specs, more/one.yaml]\n"
        "output: public\n"
        "formats: [html, pdf]\n"
        "strict: true\n"
        "base_url: https://example.org/plans/\n"
        "page_size: letter\n"
        "templates: looks\n",
        encoding="utf-8",
    )
    assert load_settings(str(config)) == Settings(
        programs=(str(folder / "specs"), str(folder / "more/one.yaml")),
        output=str(folder / "public"),
        formats=("html", "pdf"),
        strict=True,
        base_url="https://example.org/plans/",
        page_size="letter",
        templates=str(folder / "looks"),
    )


def test_an_empty_mapping_keeps_the_defaults(tmp_path: Path) -> None:
    config = tmp_path / "site.yaml"
    config.write_text("{}\n", encoding="utf-8")
    assert load_settings(str(config)) == Settings()


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "output: out\npage_size: a5\n",
            "2:12: page_size: 'a5' is not one of a4, letter",
        ),
        (
            "base_url: javascript:alert(1)\n",
            "1:11: base_url: 'javascript:alert(1)': the base URL is an http:// or https:// address",
        ),
        ("formats: [html, html]\n", "1:10: formats: "),
        ("ouput: site\n", "1:1: ouput: unknown key"),
        ("strict: yes\n", "1:9: strict: "),
    ],
)
def test_a_bad_config_is_reported_at_its_line_and_column(
    tmp_path: Path, text: str, error: str
) -> None:
    config = tmp_path / "site.yaml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(LiftplanError) as raised:
        load_settings(str(config))
    assert f"{config}:{error}" in str(raised.value)
    result = run("build", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{config}:{error}")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site.yaml"]


def test_options_on_the_command_line_win_over_the_file(tmp_path: Path) -> None:
    config = tmp_path / "site.yaml"
    config.write_text(
        f"programs: [{PROGRAMS / 'home-dumbbells.yaml'}]\noutput: from-file\nformats: [json]\n",
        encoding="utf-8",
    )
    result = run("build", "--config", str(config), "-o", "given", "--format", "csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "from-file").exists()
    assert sorted(p.name for p in (tmp_path / "given" / "home-dumbbells").iterdir()) == ["plan.csv"]
    result = run("build", "--config", str(config), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "from-file" / "home-dumbbells").iterdir()) == [
        "plan.json"
    ]


def test_the_summary_counts_programs_pages_and_files(tmp_path: Path) -> None:
    spec = PROGRAMS / "home-dumbbells.yaml"
    result = run("build", str(spec), "-o", "out", "--page-size", "letter", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pdf = PdfReader(tmp_path / "out" / "home-dumbbells" / "plan.pdf")
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    files = [path for path in (tmp_path / "out").rglob("*") if path.is_file()]
    summary = re.fullmatch(
        r"built 1 program: (\d+) PDF pages, (\d+) files \((\d+) changed\) in [\d.]+ s, into out\n",
        result.stderr,
    )
    assert summary is not None, result.stderr
    assert int(summary[1]) == len(pdf.pages)
    assert int(summary[2]) == len(files) - 1  # all but liftplan's marker
    assert int(summary[3]) == int(summary[2])
    # The JSON was made by the first build, and nothing it depends on has changed.
    again = run("build", str(spec), "-o", "out", "--format", "json", cwd=tmp_path)
    assert re.fullmatch(
        r"built 1 program: 1 file \(0 changed\) in [\d.]+ s, into out; 1 from the cache\n",
        again.stderr,
    ), again.stderr


def test_a_progress_bar_shows_on_a_terminal_for_many_programs(tmp_path: Path) -> None:
    specs = [p for p in PROGRAMS.rglob("*.yaml") if not p.name.endswith(".log.yaml")]
    assert len(specs) > 3
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [str(LIFTPLAN), "build", str(PROGRAMS), "-o", "out", "--format", "json"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
    )
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert process.wait(timeout=30) == 0
    text = seen.decode("utf-8", "replace")
    assert "building" in text
    assert "undulating-strength" in text  # the program being built, beside the bar
    assert "100%" in text
    assert f"built {len(specs)} programs" in text
    # Not on a pipe: there the summary line is all.
    piped = run("build", str(PROGRAMS), "-o", "out", "--format", "json", cwd=tmp_path)
    assert piped.stderr.splitlines()[-1].startswith(f"built {len(specs)} programs: ")


SITE = schema("site")


def test_the_site_schema_is_valid_formatted_and_closed() -> None:
    Draft7Validator.check_schema(SITE)
    text = (data_dir("schemas") / "site.schema.json").read_text(encoding="utf-8")
    assert text == json.dumps(SITE, indent=2, ensure_ascii=False) + "\n"
    assert SITE["additionalProperties"] is False


@pytest.mark.parametrize("name", sorted(SITE["properties"]))
def test_every_setting_is_documented_with_valid_examples_and_default(name: str) -> None:
    node = SITE["properties"][name]
    for field in ("title", "description", "examples"):
        assert field in node, f"{name} has no {field}"
    validator = Draft7Validator(node)
    for value in [*node["examples"], *([node["default"]] if "default" in node else [])]:
        assert not list(validator.iter_errors(value)), f"{name}: {value!r}"


def test_the_settings_defaults_are_the_schemas() -> None:
    defaults = Settings()
    for name, node in SITE["properties"].items():
        if "default" in node:
            value = getattr(defaults, name)
            assert (list(value) if isinstance(value, tuple) else value) == node["default"]
    # How a build runs (its workers, its cache folder, whether its output is serve's own)
    # is chosen on the command line only.
    run_only = {"jobs", "cache", "private"}
    assert set(SITE["properties"]) - {"$schema"} == set(Settings.__dataclass_fields__) - run_only
