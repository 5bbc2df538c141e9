"""Hostile and mistaken specs: every one is refused (or accepted) with exact, located messages.

Each file in tests/hostile/ holds one attack or one mistake, named for what it is. The
table below gives, for each file, every diagnostic it must produce, as (line, column,
message) with message the full text after `file:line:col: ` (a warning keeps its
`warning: ` prefix). The positions were counted by hand from the files.

Every file is checked twice: through the library (`check_file`), for the exact
diagnostics, and through the real `liftplan validate` command, for the shape of its
output (exit code, one `file:line:col: ` line per problem, no traceback, nothing on
stdout, no control characters that a terminal would act on).
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.pipeline import check_file
from tests.support.paths import HOSTILE, LIFTPLAN, ROOT
from tests.support.speed import sampled

# The loader's documented size cap. Files this size or larger are made in tmp_path, never kept.
SIZE_CAP = 1024 * 1024
# Every child process gets this much address space at most, so that a memory bomb ends in a
# MemoryError instead of taking the machine down. A normal `liftplan validate` needs ~30 MB.
MEMORY_CAP = 1024 * 1024 * 1024

Expected = tuple[int, int, str]

A0 = "phases[0].sessions.A[0]"
ANCHOR = "anchors (&name) are not allowed: write the value out"
ALIAS = "aliases (*name) are not allowed: write the value out"
SCALAR_TAGS = "(only !!bool, !!float, !!int, !!null, !!str)"
COLLECTION_TAGS = "(only !!map, !!seq)"
TOO_DEEP = "the document nests deeper than 32 levels"
EXERCISE_ID_FORM = (
    "an exercise id is lower case letters, digits and _, starting with a letter (e.g. hip_thrust)"
)
WEEKDAYS = "mon, tue, wed, thu, fri, sat, sun"
# A control character written as an escape, refused in every text and key (issue 15, item 4).
CONTROL_IN_TEXT = "control character U+{:04X} is not allowed in a text"
CONTROL_IN_KEY = "control character U+{:04X} is not allowed in a key"
LINE_BREAK = (
    "control character U+000A (a line break) is not allowed in this text: "
    "only a description, notes or a log's note may span lines"
)
OCTAL_SETS = (
    f"{A0}.sets: expected a whole number, not '012': "
    "a leading zero is ambiguous in YAML (octal in 1.1); write 12"
)

# Line 2 anchors a list of nine lols; lines 3-10 each anchor a list of nine aliases of the
# line before (`x: &x [*w, *w, ...]`: the anchor at column 4, aliases at 8, 12, ..., 40);
# line 11 aliases the last level.
ALIAS_BOMB: tuple[Expected, ...] = tuple(
    sorted(
        [(line, 4, ANCHOR) for line in range(2, 11)]
        + [(line, column, ALIAS) for line in range(3, 11) for column in range(8, 41, 4)]
        + [(11, 8, ALIAS)]
    )
)


@dataclass(frozen=True)
class Case:
    """One corpus file and everything `check_file` must say about it."""

    name: str
    expected: tuple[Expected, ...]

    @property
    def path(self) -> Path:
        return HOSTILE / f"{self.name}.yaml"

    @property
    def exit_code(self) -> int:
        errors = [message for _, _, message in self.expected if not message.startswith("warning: ")]
        return 1 if errors else 0


def case(name: str, *expected: Expected) -> Case:
    return Case(name, tuple(expected))


CASES = [
    # --- the loader: tags and anchors, which could build objects or multiply data -------------
    case("alias-bomb", *ALIAS_BOMB),
    case(
        "python-object-tag",
        (3, 8, f"the tag !!python/object/apply:os.system is not allowed here {COLLECTION_TAGS}"),
    ),
    case(
        "tag-directive",
        (5, 8, f"the tag !!python/name:os.system is not allowed here {SCALAR_TAGS}"),
    ),
    case("binary-tag", (3, 8, f"the tag !!binary is not allowed here {SCALAR_TAGS}")),
    case("set-tag", (7, 9, f"the tag !!set is not allowed here {COLLECTION_TAGS}")),
    case("timestamp-tag", (5, 8, f"the tag !!timestamp is not allowed here {SCALAR_TAGS}")),
    case("custom-tag", (3, 8, f"the tag !shout is not allowed here {SCALAR_TAGS}")),
    case("merge-key", (13, 11, ANCHOR), (19, 15, ALIAS)),
    case("complex-key", (11, 5, "a key must be a plain name, not a list or mapping")),
    case("duplicate-key", (6, 1, "duplicate key 'title': first given at line 3")),
    case("duplicate-nested-key", (22, 11, "duplicate key 'reps': first given at line 20")),
    case("multiple-documents", (22, 1, "only one YAML document is allowed per file")),
    case(
        "many-loader-errors",
        (3, 8, f"the tag !shout is not allowed here {SCALAR_TAGS}"),
        (4, 8, ANCHOR),
        (6, 1, "duplicate key 'units': first given at line 4"),
        (7, 18, ALIAS),
    ),
    # --- the loader: nesting ---------------------------------------------------------------
    case("nesting-at-limit", (3, 8, "title: expected text, not a list")),
    case("nesting-one-over-limit", (3, 39, TOO_DEEP)),
    # 1,000 brackets: the 32nd, at column 39, opens level 33 (today: 3:71, bracket 64).
    case("deep-flow-nesting", (3, 39, TOO_DEEP)),
    # Line 3+n opens level n+1 at column n+1: level 33 is line 35 (today: 67:1).
    case("deep-block-nesting", (35, 33, TOO_DEEP)),
    case("brackets-in-plain-title"),
    case("brackets-in-strings"),
    # --- the loader: YAML 1.1 surprises, and numbers that are not quite numbers ---------------
    case(
        "yaml11-norway",
        (
            13,
            28,
            "exercises.hip_thrust.unilateral: expected true or false, not 'no': liftplan reads "
            "no as text (YAML 1.1 made it a boolean); write true or false if that is what you mean",
        ),
    ),
    case(
        "yaml11-deload-off",
        (
            16,
            13,
            "phases[0].deload: expected a mapping, not 'off': liftplan reads off as text "
            "(YAML 1.1 made it a boolean); write true or false if that is what you mean",
        ),
    ),
    case(
        "sexagesimal-rest",
        (22, 17, f"{A0}.rest: '1:30': write a duration with units, e.g. 90s, 2m or 1m30s"),
    ),
    case("octal-sets", (19, 17, OCTAL_SETS)),
    case("crlf-line-endings", (19, 17, OCTAL_SETS)),
    case("impossible-date", (5, 8, "start: '2027-02-30' is not a real date")),
    case(
        "quoted-number",
        (19, 17, f"{A0}.sets: expected a whole number, not '3': remove the quotes"),
    ),
    case(
        "float-weeks",
        (
            15,
            12,
            "phases[0].weeks: expected a whole number or text, not 8.0: "
            "write weeks as a count (4) or a range of program weeks (5-8)",
        ),
    ),
    case("float-deload-every", (12, 17, "deload.every: expected a whole number, not 4.0")),
    case("huge-load", (21, 17, f"{A0}.load: 1e+308 is above the most allowed, 10000")),
    case(
        "overflowing-load",
        (
            21,
            17,
            f"{A0}.load: '1e309' is too large a number: a load is a number, a percentage of the "
            "max (65%, 80% tm for the training max, 60% tm of bench_press for another lift's), "
            "an effort (rpe 8, rir 2) or bodyweight (bodyweight, bodyweight+10, bodyweight-20)",
        ),
    ),
    # --- the loader: bytes and encodings ------------------------------------------------------
    case("not-utf8", (3, 25, "the file is not UTF-8 text (byte 0xee)")),
    case("mixed-encodings", (3, 21, "the file is not UTF-8 text (byte 0xff)")),
    case("utf16", (1, 1, "the file is UTF-16 text; save it as UTF-8")),
    case(
        "utf16-no-bom",
        (1, 2, "the file contains a NUL character: it is binary or UTF-16; save it as UTF-8"),
    ),
    case("bom"),
    case(
        "control-characters",
        (3, 15, "the file contains the control character 0x07, which YAML does not allow"),
    ),
    case(
        "nul-byte",
        (3, 15, "the file contains a NUL character: it is binary or UTF-16; save it as UTF-8"),
    ),
    # --- the loader: control characters written as escapes, in any text or key -------------
    case("nul-in-key", (3, 1, CONTROL_IN_KEY.format(0x00))),
    case("ansi-escape-in-value", (18, 21, CONTROL_IN_TEXT.format(0x1B))),
    case("newline-in-value", (18, 21, LINE_BREAK)),
    case("escape-in-title", (3, 8, CONTROL_IN_TEXT.format(0x1B))),
    case("nul-in-exercise-note", (22, 18, CONTROL_IN_TEXT.format(0x00))),
    case("del-in-key", (11, 3, CONTROL_IN_KEY.format(0x7F))),
    case("c1-in-phase-name", (14, 11, CONTROL_IN_TEXT.format(0x9B))),
    case("nel-in-description", (4, 14, CONTROL_IN_TEXT.format(0x85))),
    case("line-break-in-title", (3, 8, LINE_BREAK)),
    case(
        "many-control-characters",
        (3, 8, CONTROL_IN_TEXT.format(0x1B)),
        (11, 3, CONTROL_IN_KEY.format(0x00)),
        (14, 11, CONTROL_IN_TEXT.format(0x7F)),
        (22, 18, CONTROL_IN_TEXT.format(0x90)),
    ),
    case("tabs-and-breaks-in-notes"),
    case(
        "confusable-key",
        (2, 1, "missing required key 'title'"),
        (
            3,
            1,
            "t\u0456tle: unknown key 't\u0456tle': did you mean 'title'? "
            "(it has '\u0456', U+0456, not a plain letter)",
        ),
    ),
    # --- the loader: empty files and wrong shapes ---------------------------------------------
    case("empty", (1, 1, "the file is empty")),
    case("whitespace-only", (1, 1, "the file is empty")),
    case("only-comments", (1, 1, "the file has no content, only comments")),
    case("top-level-list", (2, 1, "the top level must be a mapping, not a list")),
    case("top-level-scalar", (2, 1, "the top level must be a mapping, not a single value")),
    case(
        "empty-mapping",
        (2, 1, "missing required key 'id'"),
        (2, 1, "missing required key 'phases'"),
        (2, 1, "missing required key 'schedule'"),
        (2, 1, "missing required key 'start'"),
        (2, 1, "missing required key 'title'"),
    ),
    case("tab-indentation", (7, 1, "invalid YAML: a tab; indent YAML with spaces")),
    case(
        "unclosed-quote",
        (3, 8, "invalid YAML: a quoted scalar that starts here is never closed"),
    ),
    case("very-long-line", (3, 8, "title: is longer than 200 characters")),
    case(
        "long-flow-list",
        (7, 9, "schedule.days: has more than 7 items"),
        (7, 9, "schedule.days: lists 'mon' more than once"),
    ),
    # --- the schema -------------------------------------------------------------------------------
    case(
        "unknown-key",
        (2, 1, "missing required key 'title'"),
        (3, 1, "titel: unknown key 'titel': did you mean 'title'?"),
    ),
    case(
        "unknown-weekday",
        (7, 15, f"schedule.days[1]: 'thurs' is not one of {WEEKDAYS}: did you mean 'thu'?"),
    ),
    case(
        "link-javascript",
        (
            6,
            24,
            "links[0].url: 'javascript:alert(1)': a link must be an http:// or https:// address",
        ),
    ),
    case(
        "bad-id-path-traversal",
        (
            2,
            5,
            "id: '../../etc/passwd': an id is lower case letters and digits, with single - or _ "
            "between them (e.g. hip-thrust-12wk)",
        ),
    ),
    case("empty-value", (3, 7, "title: expected text, not nothing")),
    case(
        "bad-equipment-name",
        (
            9,
            3,
            "equipment.Barbell: 'Barbell': a name is lower case letters, digits and _, starting "
            "with a letter (e.g. barbell)",
        ),
    ),
    case(
        "long-timezone",
        (8, 13, "schedule.timezone: is longer than 64 characters"),
    ),
    case(
        "many-errors",
        (4, 8, "units: 'kgs' is not one of kg, lb: did you mean 'kg'?"),
        (5, 8, "start: '2027-13-01' is not a real date"),
        (7, 15, f"schedule.days[1]: 'thurs' is not one of {WEEKDAYS}: did you mean 'thu'?"),
        (19, 17, OCTAL_SETS),
        (22, 11, f"{A0}.tmepo: unknown key 'tmepo': did you mean 'tempo'?"),
    ),
    # --- semantic checks ----------------------------------------------------------------------
    case(
        "unknown-exercise",
        (18, 21, f"{A0}.exercise: unknown exercise 'hip_thurst': did you mean 'hip_thrust'?"),
    ),
    case(
        "percent-without-max",
        (19, 17, f"{A0}.load: 65% needs a max for hip_thrust: add it under maxes"),
    ),
    case("reps-range-reversed", (20, 17, f"{A0}.reps: 12-8: the low end is above the high end")),
    case(
        "deload-every-week",
        (
            12,
            17,
            "deload.every: a deload every week leaves no training weeks: use every: 2 or more",
        ),
    ),
    case(
        "overlapping-phases",
        (23, 12, "phases[1].weeks: weeks 3-6 overlap the phase before, 'Build' (weeks 1-4)"),
    ),
    case(
        "plates-cannot-make-step",
        (
            23,
            27,
            f"{A0}.progress[0].load.add: the barbell cannot add 3 kg: loads move in steps of "
            "2.5 kg (a pair of the smallest plates, 1.25)",
        ),
    ),
    case(
        "ladder-unknown-exercise",
        (
            14,
            40,
            "exercises.hip_thrust.ladder[2]: unknown exercise 'single_leg_hip_trust': "
            "did you mean 'single_leg_hip_thrust'?",
        ),
    ),
    case(
        "tiny-load",
        (
            23,
            21,
            f"warning: {A0}.progress[0].load: load rises more than 1000% a week; "
            "more than 10% is hard to sustain",
        ),
    ),
    case(
        "huge-week-range",
        (
            15,
            12,
            "phases[0].weeks: '1-1000000000000' has a number longer than 5 digits: write weeks as a count (4) or a range of "
            "program weeks (5-8)",
        ),
    ),
    case(
        "program-too-long",
        (23, 12, "phases[1].weeks: the program would last 600 weeks; the most is 520"),
    ),
    # --- valid specs that must pass ---------------------------------------------------------------
    case("script-in-title"),
]


def _limit_memory() -> None:
    """Cap a child's address space so that a memory bomb fails the test, not the machine."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=ROOT,
        check=False,
        # preexec_fn is safe here: the test process starts no threads.
        preexec_fn=_limit_memory if os.name == "posix" else None,
    )


def _library_diagnostics(path: Path) -> list[Expected]:
    checked = check_file(str(path))
    found: list[Expected] = []
    for diagnostic in checked.diagnostics:
        prefix = f"{diagnostic.file}:{diagnostic.line}:{diagnostic.column}: "
        text = diagnostic.format()
        assert text.startswith(prefix)
        found.append((diagnostic.line, diagnostic.column, text.removeprefix(prefix)))
    return found


def test_corpus_and_table_agree() -> None:
    on_disk = sorted(path.name for path in HOSTILE.iterdir())
    assert on_disk == sorted(f"{item.name}.yaml" for item in CASES)
    assert len(CASES) == len({item.name for item in CASES})


@pytest.mark.parametrize("item", CASES, ids=lambda item: item.name)
def test_library_diagnostics(item: Case) -> None:
    assert _library_diagnostics(item.path) == list(item.expected)


SUMMARY = re.compile(r"\d+ specs? checked: \d+ errors?, \d+ warnings?")
# C0 controls other than tab and newline, DEL, and the C1 controls (\x9b is an 8-bit CSI).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _assert_cli_output(
    path: Path, result: subprocess.CompletedProcess[str], exit_code: int
) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, result.stderr[-2000:]
    assert result.stdout == ""
    assert result.returncode == exit_code, result.stderr[-2000:]
    lines = result.stderr.split("\n")
    assert lines[-1] == "", "stderr must end with a newline"
    *diagnostics, summary = lines[:-1]
    assert SUMMARY.fullmatch(summary), summary
    located = re.compile(re.escape(str(path)) + r":\d+:\d+: ")
    for line in diagnostics:
        assert located.match(line), line
    assert not CONTROL.search(result.stderr), "control characters reach the terminal"


# Each case a whole `liftplan validate` process (0.3 s): a quick run starts every fifth,
# the library's verdicts on every case being checked in-process above.
@pytest.mark.parametrize("item", sampled(CASES, 5, lambda item: item.name))
def test_command_line(item: Case) -> None:
    result = _run([str(LIFTPLAN), "validate", str(item.path)])
    _assert_cli_output(item.path, result, item.exit_code)


def _padded_spec(size: int) -> bytes:
    """A valid spec followed by one comment line, `size` bytes in all."""
    spec = (HOSTILE / "script-in-title.yaml").read_bytes()
    comment = b"# " + b"x" * (size - len(spec) - 3) + b"\n"
    padded = spec + comment
    assert len(padded) == size
    return padded


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "too-large.yaml"
    path.write_bytes(_padded_spec(SIZE_CAP + 1))
    assert _library_diagnostics(path) == [(1, 1, "the file is larger than 1024 KiB")]
    _assert_cli_output(path, _run([str(LIFTPLAN), "validate", str(path)]), 1)


def test_largest_allowed_size_passes(tmp_path: Path) -> None:
    path = tmp_path / "largest-allowed.yaml"
    path.write_bytes(_padded_spec(SIZE_CAP))
    assert _library_diagnostics(path) == []
    _assert_cli_output(path, _run([str(LIFTPLAN), "validate", str(path)]), 0)
