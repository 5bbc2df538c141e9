"""Control characters in texts (issue 15, item 4): refused in every document the loader
reads, wherever they are, with tab and line feed allowed only in the texts meant to span
lines. The hostile corpora (tests/hostile/, tests/hostile_logs/) hold the attacks as
files; this module holds the rule itself, character by character, and the site config."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.build.config import load_settings
from generator.errors import LiftplanError
from generator.spec.loader import load_bytes
from generator.spec.schema import checked_schema, schema_diagnostics
from generator.spec.texts import MULTILINE_KEYS
from tests.support.commands import log_cli
from tests.support.paths import PROGRAMS

# Every C0 control, DEL and every C1 control.
CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
BREAKS = (0x09, 0x0A)


def _problems(text: str) -> list[tuple[int, int, str]]:
    try:
        load_bytes(text.encode("utf-8"), "a.yaml")
    except LiftplanError as error:
        return [(d.line, d.column, d.message) for d in error.diagnostics]
    return []


@pytest.mark.parametrize("code", CONTROLS, ids=lambda code: f"U+{code:04X}")
def test_every_control_character_is_refused_in_a_title_and_a_key(code: int) -> None:
    escape = f"\\u{code:04x}"
    title = _problems(f'title: "a{escape}b"\n')
    key = _problems(f'"a{escape}b": 1\n')
    assert [(line, column) for line, column, _ in title] == [(1, 8)]
    assert title[0][2].startswith(f"control character U+{code:04X} ")
    assert key == [(1, 1, f"control character U+{code:04X} is not allowed in a key")]


@pytest.mark.parametrize("code", CONTROLS, ids=lambda code: f"U+{code:04X}")
@pytest.mark.parametrize("field", sorted(MULTILINE_KEYS))
def test_only_tab_and_line_feed_may_stand_in_a_text_that_spans_lines(field: str, code: int) -> None:
    found = _problems(f'{field}: "a\\u{code:04x}b"\n')
    expected = (
        []
        if code in BREAKS
        else [(1, len(field) + 3, f"control character U+{code:04X} is not allowed in a text")]
    )
    assert found == expected


def test_printable_text_and_other_unicode_pass() -> None:
    assert _problems('title: "Squat \\u00a0day \\u2014 \\u00e9t\\u00e9 \\U0001F3CB"\n') == []


def test_line_breaks_and_tabs_in_a_log_note_pass_the_loader_and_the_schema() -> None:
    text = (
        "program: hip-thrust-12wk\n"
        "sessions:\n"
        '  - date: "2027-01-04"\n'
        "    note: |\n"
        "      Slept badly.\n"
        "      \tStill hit every set.\n"
        "    done:\n"
        '      hip_thrust: [{reps: 10, load: 90, note: "left knee\\n\\tthen fine"}]\n'
    )
    document = load_bytes(text.encode("utf-8"), "a.log.yaml")
    assert document.data["sessions"][0]["note"] == "Slept badly.\n\tStill hit every set.\n"
    assert schema_diagnostics(document, "log") == []


def test_the_site_config_refuses_a_control_character_at_its_place(tmp_path: Path) -> None:
    config = tmp_path / "site.yaml"
    config.write_text('formats: [html]\noutput: "public\\e]0;pwned\\a"\n', encoding="utf-8")
    with pytest.raises(LiftplanError) as raised:
        load_settings(str(config))
    assert raised.value.lines() == [
        f"{config}:2:9: control character U+001B is not allowed in a text"
    ]


def test_a_control_character_given_to_log_is_refused_as_such(tmp_path: Path) -> None:
    """A note given on the command line (or in a CSV export) is checked like any text of
    the log, and the error names the character, not the shape of the file."""
    spec = tmp_path / "hip-thrust-12wk.yaml"
    shutil.copyfile(PROGRAMS / spec.name, spec)
    result = log_cli(str(spec), "--date", "2027-01-04", "--note", "bad\x1b[31m", "hip_thrust 10@90")
    assert result.exit_code == 1
    log = tmp_path / "hip-thrust-12wk.log.yaml"
    assert result.stderr.splitlines()[0] == (
        f"{log}:5:11: control character U+001B is not allowed in a text"
    )
    assert not log.exists()


def _free_texts(node: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (property name, schema) of a text that is not held to a pattern or a list."""
    if isinstance(node, list):
        for item in node:
            yield from _free_texts(item)
    elif isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            free = isinstance(sub, dict) and not {"pattern", "enum"} & set(sub)
            if free and sub.get("type") == "string" and name != "$schema":
                yield name, sub
        for value in node.values():
            yield from _free_texts(value)


def test_the_texts_that_may_span_lines_are_the_schemas_long_texts() -> None:
    """MULTILINE_KEYS names exactly the free texts the spec and log schemas let run past a
    line's worth (200 characters): a new long text, or a short one named like them, fails."""
    texts = [text for name in ("program", "log") for text in _free_texts(checked_schema(name))]
    long = {key for key, sub in texts if sub.get("maxLength", 0) > 200}
    short = {key for key, sub in texts if sub.get("maxLength", 0) <= 200}
    assert long == MULTILINE_KEYS
    assert not short & MULTILINE_KEYS
