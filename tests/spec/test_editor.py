"""What an editor shows with liftplan's schemas, asked of the real yaml-language-server over
its Language Server Protocol (tests/node/lsp.py): the examples without a problem, a mistake
in the schema's own words, every hover's title and examples once, the catalogue's ids
after `exercise:`, and equipment skeletons the schema accepts.

Documents are sent to the server, never written: each is opened at a path beside the
examples (programs/), so its modeline finds the schema as a user's spec would. Without
Node these tests skip, except under CI.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.resources import schema
from generator.spec.catalogue import CATALOGUE
from generator.spec.loader import load_bytes
from generator.spec.schema import schema_diagnostics
from tests.node.lsp import LanguageServer, running
from tests.support.paths import PROGRAMS, ROOT, example_programs, library_programs

EXAMPLE = PROGRAMS / "hip-thrust-12wk.yaml"
LOG = """\
# yaml-language-server: $schema=../schemas/log.schema.json
program: hip-thrust-12wk
sessions:
  - date: 2027-01-04
    session: A
    note: slept badly
    done:
      hip_thrust: 10@90 10@90 9@90
      reverse_lunge:
        - {reps: 10, load: 12.5, rpe: 8, note: left knee}
        - {seconds: 40, load: bw}
"""
HOVER_TITLE = re.compile(r"^#### (.*)$", re.MULTILINE)
EXAMPLE_BLOCK = re.compile(r"Example:\n\n```yaml\n(.*?)```", re.DOTALL)
# A key in block or flow style (not in a comment, not a number such as a time's hour).
KEY = re.compile(r"(?:^|[\s{,])([A-Za-z_][A-Za-z0-9_]*):(?=\s|$)")
# The completion kind of a skeleton of an object's required keys (LSP's CompletionItemKind).
CLASS = 7
INDENT = "    "


def virtual(name: str) -> Path:
    """A document beside the examples that exists only in the server."""
    return PROGRAMS / f"editor-test-{name}.yaml"


def _mistaken() -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    wrong = text.replace("id: hip-thrust-12wk", "id: Hip Thrust", 1)
    return wrong.replace("load: 65%", "load: 65 percent", 1)


def _without_exercise() -> tuple[str, int, int]:
    """The example with its first exercise id left out, and where the cursor is."""
    text = EXAMPLE.read_text(encoding="utf-8")
    line, character = position(text, "- exercise: hip_thrust", len("- exercise: "))
    lines = text.splitlines()
    lines[line] = lines[line][:character]
    return "\n".join(lines) + "\n", line, character


def _new_equipment(kind: str, body: str = "") -> str:
    """The example with a piece of equipment of `kind` first, `body` after its kind."""
    head = f"equipment:\n  extra:\n{INDENT}kind: {kind}\n{INDENT}{body}\n"
    return EXAMPLE.read_text(encoding="utf-8").replace("equipment:\n", head, 1)


KINDS = schema("program")["definitions"]["equipment_kind"]["enum"]
PROGRAM_FILES = [*example_programs(), *library_programs()]
HOVERED = {path: path.read_text(encoding="utf-8") for path in example_programs()}
HOVERED |= {virtual("log"): LOG, ROOT / "site.yaml": (ROOT / "site.yaml").read_text("utf-8")}


@pytest.fixture(scope="module")
def server() -> Iterator[LanguageServer]:
    with running(ROOT) as started:
        yield started


@pytest.fixture(scope="module")
def shown(server: LanguageServer) -> dict[Path, list[dict[str, Any]]]:
    """The documents the tests ask about, opened together; the problems found in each."""
    documents = {path: path.read_text(encoding="utf-8") for path in PROGRAM_FILES}
    documents |= HOVERED
    documents[virtual("mistake")] = _mistaken()
    documents[virtual("exercise")] = _without_exercise()[0]
    documents |= {virtual(f"equipment-{kind}"): _new_equipment(kind) for kind in KINDS}
    return server.open(documents)


def position(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """The 0-based line and character where `needle` (perhaps of several lines) first
    starts in `text`, plus `offset` characters."""
    start = text.index(needle)
    line = text.count("\n", 0, start)
    return line, start - (text.rfind("\n", 0, start) + 1) + offset


def keys(text: str) -> Iterator[tuple[int, int, str]]:
    """Where each key of a YAML text is: line, character and the key."""
    for number, line in enumerate(text.splitlines()):
        code = re.split(r"(?:^|\s)#", line, maxsplit=1)[0]
        for found in KEY.finditer(code):
            yield number, found.start(1), found.group(1)


@pytest.mark.parametrize("path", PROGRAM_FILES, ids=lambda path: path.name)
def test_the_programs_show_no_problem(shown: dict[Path, Any], path: Path) -> None:
    assert shown[path] == []


def test_a_mistake_reads_as_the_schemas_own_words(shown: dict[Path, Any]) -> None:
    wrong = _mistaken()
    found = shown[virtual("mistake")]
    words = schema("program")
    expected = [
        (position(wrong, "Hip Thrust")[0], words["properties"]["id"]["patternErrorMessage"]),
        (position(wrong, "65 percent")[0], words["definitions"]["load"]["patternErrorMessage"]),
    ]
    assert [(item["range"]["start"]["line"], item["message"]) for item in found] == expected


def _shown_once(hover: str) -> list[str]:
    """What is wrong with a hover: none at all, a title given twice (`Deload || Deload`),
    two titles, or an example shown twice."""
    problems = [] if hover else ["no hover"]
    titles = HOVER_TITLE.findall(hover)
    if len(titles) > 1 or any("||" in title for title in titles):
        problems.append(f"titles {titles}")
    examples = EXAMPLE_BLOCK.findall(hover)
    if len(examples) != len(set(examples)):
        problems.append(f"examples {examples}")
    return problems


@pytest.mark.parametrize("path", list(HOVERED), ids=lambda path: path.name)
def test_every_hover_shows_its_title_and_examples_once(
    server: LanguageServer, shown: dict[Path, Any], path: Path
) -> None:
    assert shown[path] == []
    repeated = {
        f"line {line + 1} {key}": problems
        for line, character, key in keys(HOVERED[path])
        if (problems := _shown_once(server.hover(path, line, character)))
    }
    assert repeated == {}


@pytest.mark.parametrize(
    ("needle", "title"),
    [
        ("deload:", "Deloads on listed weeks"),  # was "Deload || Deload", examples twice
        ("sets: 60%", "Sets kept"),  # was the percentage's title, its examples twice
        ("exercise: hip_thrust", "Exercise"),
        ("start:", "Start date"),
        ("  hip_thrust:\n    tested:", "Max from a tested set"),  # was "Max || Max || Max"
    ],
)
def test_a_hover_that_repeated_itself_shows_its_own_title(
    server: LanguageServer, shown: dict[Path, Any], needle: str, title: str
) -> None:
    text = HOVERED[EXAMPLE]
    hover = server.hover(EXAMPLE, *position(text, needle, len(needle) - len(needle.lstrip()) + 1))
    assert HOVER_TITLE.findall(hover) == [title]
    assert _shown_once(hover) == []


def test_exercise_completes_to_the_catalogue_ids(
    server: LanguageServer, shown: dict[Path, Any]
) -> None:
    _, line, character = _without_exercise()
    completed = server.complete(virtual("exercise"), line, character)
    items = {item["label"]: item for item in completed}
    assert set(CATALOGUE) <= set(items)
    assert items["back_squat"]["insertText"] == "back_squat"
    assert CATALOGUE["back_squat"].name in items["back_squat"]["documentation"]


def _expanded(snippet: str, indent: str) -> str:
    """A completion's snippet as accepted unchanged: each placeholder its default, and each
    line after the first indented as the line it is inserted on (as editors do)."""
    text = re.sub(r"\$\{\d+:([^}]*)\}", r"\1", snippet)
    text = re.sub(r"\$\{?\d+\}?", "", text)
    return text.replace("\n", "\n" + indent)


@pytest.mark.parametrize("kind", KINDS)
def test_an_equipment_skeleton_is_valid_as_inserted(
    server: LanguageServer, shown: dict[Path, Any], kind: str
) -> None:
    """Completing in a new piece of equipment offers its required keys filled in (the
    barbell's once had `plates: [0]`, which the schema refuses)."""
    line = position(_new_equipment(kind), "extra:")[0] + 2
    completed = server.complete(virtual(f"equipment-{kind}"), line, len(INDENT))
    skeletons = [item for item in completed if item.get("kind") == CLASS]
    assert [item["label"] for item in skeletons] == ["Equipment"]
    filled = _new_equipment(kind, _expanded(skeletons[0]["insertText"], INDENT))
    path = virtual(f"equipment-{kind}-filled")
    assert server.open({path: filled}) == {path: []}
    document = load_bytes(filled.encode("utf-8"), "filled.yaml")
    assert document.data["equipment"]["extra"]["kind"] == kind
    assert schema_diagnostics(document, "program") == []
