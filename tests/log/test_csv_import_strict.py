"""`liftplan log --import`: a CSV file whose quoting, header or row widths would have a row
lost or misread is refused at its place, and the log is left byte for byte as it was.

Python's csv module reads an unclosed quote to the end of the file (the rows after it
became one note, and fewer sets were logged with exit 0), drops a value past the header's
last column, and pairs a short row's values with the wrong columns. Each test writes a
real file, runs the real command, and checks the exact message, exit 1 and the log's bytes.
Every position is found in the test's own text, so each says which character it points at.
"""

from __future__ import annotations

import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from generator.files import log_path
from generator.log.check import load_log
from generator.log.values import LoggedExercise, LoggedSet
from generator.plan.expand import expand
from tests.support.commands import log_cli
from tests.support.paths import PROGRAMS
from tests.support.plans import program_from_file

EXAMPLE = PROGRAMS / "hip-thrust-12wk.yaml"
QUOTE_HINT = 'a quote that is part of the text is written "" inside a quoted field'
HEADER = "date,exercise,weight,reps,note\n"


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    """The example program, with a log already holding one day, so "unchanged" means bytes."""
    copy = tmp_path / EXAMPLE.name
    shutil.copyfile(EXAMPLE, copy)
    result = log_cli(str(copy), "--date", "2027-01-07", "pull_up 8@bw")
    assert result.exit_code == 0, result.output
    return copy


def position(text: str, needle: str) -> tuple[int, int]:
    """The line and column (1-based) where `needle` first starts in `text`."""
    before = text[: text.index(needle)].split("\n")
    return len(before), len(before[-1]) + 1


def refused(spec: Path, data: str | bytes, *options: str) -> list[str]:
    """Import `data` as a file; check exit 1 and the log untouched; the error lines, each
    without the file's name it starts with."""
    path = spec.parent / "export.csv"
    if isinstance(data, str):
        path.write_bytes(data.encode("utf-8"))
    else:
        path.write_bytes(data)
    before = log_path(spec).read_bytes()
    result = log_cli(str(spec), "--import", str(path), *options)
    assert result.exit_code == 1, result.output
    assert log_path(spec).read_bytes() == before
    lines = result.stderr.splitlines()
    assert all(line.startswith(f"{path}:") for line in lines), lines
    return [line.removeprefix(f"{path}:") for line in lines]


def imported(spec: Path, data: bytes) -> list[tuple[str, tuple[LoggedExercise, ...]]]:
    """Import `data` as a file, which must succeed; the log's days after it."""
    path = spec.parent / "export.csv"
    path.write_bytes(data)
    result = log_cli(str(spec), "--import", str(path))
    assert result.exit_code == 0, result.output
    program = program_from_file(spec)
    log = load_log(str(log_path(spec)), program, expand(program))
    return [(s.date.isoformat(), s.exercises) for s in log.sessions]


# --- quotes ------------------------------------------------------------------------------------

UNCLOSED = (
    HEADER + '2027-01-04,hip_thrust,90,10,"felt good\n'
    "2027-01-04,hip_thrust,90,9,\n"
    "2027-01-04,hip_thrust,90,8,\n"
)


def test_an_unclosed_quote_is_refused_at_the_quote_not_read_to_the_end(spec: Path) -> None:
    line, col = position(UNCLOSED, '"felt')
    assert refused(spec, UNCLOSED) == [
        f"{line}:{col}: the quote that opens this field is never closed, so the rest of the "
        f"file would be read into it; {QUOTE_HINT}"
    ]


def test_an_unclosed_quote_in_the_header_is_refused(spec: Path) -> None:
    text = 'date,exercise,weight,reps,"note\n2027-01-04,hip_thrust,90,10,\n'
    line, col = position(text, '"')
    assert refused(spec, text) == [
        f"{line}:{col}: the quote that opens this field is never closed, so the rest of the "
        f"file would be read into it; {QUOTE_HINT}"
    ]


def test_an_unclosed_quote_closed_by_a_later_field_is_refused_at_the_opening(spec: Path) -> None:
    # The quote opening "ok" closes the note of line 2; csv read `felt good...ok` as one note.
    text = HEADER + (
        '2027-01-04,hip_thrust,90,10,"felt good\n'
        "2027-01-04,hip_thrust,90,9,\n"
        '2027-01-04,hip_thrust,90,8,"ok"\n'
    )
    line, col = position(text, '"felt')
    closing = position(text, '"ok')
    assert refused(spec, text) == [
        f"{line}:{col}: the quote that opens this field is closed only at line {closing[0]}, "
        f"column {closing[1]}, where text follows it; {QUOTE_HINT}"
    ]


def test_an_unclosed_quote_closed_by_an_inch_mark_does_not_swallow_rows(spec: Path) -> None:
    # Closed cleanly by `24"` three lines on: csv logged one set, with two rows in its note.
    text = HEADER + (
        '2027-01-04,hip_thrust,90,10,"felt good\n'
        "2027-01-04,hip_thrust,90,9,\n"
        '2027-01-04,hip_thrust,90,8,box 24"\n'
    )
    line, col = position(text, '"felt')
    assert refused(spec, text) == [
        f"{line}:{col}: the field this quote opens runs on over line {line + 1}, which reads "
        "as a row of its own (4 commas): is its closing quote missing?"
    ]


def test_text_after_a_closing_quote_is_refused_at_that_quote(spec: Path) -> None:
    # csv read `Paused squats` and dropped the quotes; which was meant cannot be told.
    text = HEADER + '2027-01-04,hip_thrust,90,10,"Paused" squats\n'
    line, col = position(text, '" squats')
    assert refused(spec, text) == [
        f"{line}:{col}: text follows the quote that closes this field; {QUOTE_HINT}"
    ]


# --- the header and the width of rows ----------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "options"),
    [
        ("date,exercise,weight,reps,Note,note", ()),
        ("Date,Weight (kg),Exercise,Weight (KG),Reps", ()),
        ("Day,exercise,weight,reps,Day", ("--columns", "date=Day")),
    ],
)
def test_a_column_read_that_is_named_twice_is_refused_at_its_second_name(
    spec: Path, header: str, options: tuple[str, ...]
) -> None:
    # csv took the first of the two, whichever the export meant.
    names = header.split(",")
    folded = [name.casefold() for name in names]
    again = next(n for n, name in enumerate(folded) if name in folded[:n])
    first = folded.index(folded[again])
    text = header + "\n2027-01-04,hip_thrust,90,10,x\n"
    assert refused(spec, text, *options) == [
        f"1:{again + 1}: two columns are named '{names[again]}' (columns {first + 1} and "
        f"{again + 1}): rename or remove one, since which to read cannot be told"
    ]


def test_a_row_short_of_the_header_is_refused_not_read_into_the_wrong_columns(
    spec: Path,
) -> None:
    # The weight is left out: csv read 10 as the weight and 8, the RPE, as the reps.
    text = "date,exercise,weight,reps,rpe\n2027-01-04,hip_thrust,10,8\n"
    assert refused(spec, text) == [
        "2:5: this row has 4 fields where the header names 5 columns: separate every field "
        "with a comma, even an empty one"
    ]


def test_a_row_in_another_delimiter_is_refused(spec: Path) -> None:
    text = HEADER + "2027-01-04,hip_thrust,90,10,\n2027-01-04;hip_thrust;90;9;\n"
    assert refused(spec, text) == [
        "3:2: this row has 1 field where the header names 5 columns: separate every field "
        "with a comma, even an empty one"
    ]


@pytest.mark.parametrize(
    ("row", "fields"),
    [
        ("2027-01-04,hip_thrust,92,5,10,", 6),  # 92,5 kg with a decimal comma: read as 92 x 5
        ("2027-01-04,hip_thrust,90,10,great, felt strong", 6),  # the note was cut at "great"
        ("2027-01-04,hip_thrust,90,10,,,,x", 8),  # x was dropped
    ],
)
def test_a_row_wider_than_the_header_is_refused_not_cut(spec: Path, row: str, fields: int) -> None:
    assert refused(spec, HEADER + row + "\n") == [
        f"2:6: this row has {fields} fields where the header has 5 columns: a value with a "
        "comma in it must be quoted"
    ]


# --- the text itself -------------------------------------------------------------------------


def test_a_nul_is_located_at_its_own_column(spec: Path) -> None:
    text = HEADER + "2027-01-04,hip_thrust,90,10,a\0b\n"
    line, col = position(text, "\0")
    assert refused(spec, text) == [
        f"{line}:{col}: the file contains a NUL character: it is binary or UTF-16; "
        "save it as UTF-8 CSV"
    ]


def test_a_utf16_file_is_named_as_such(spec: Path) -> None:
    data = (HEADER + "2027-01-04,hip_thrust,90,10,\n").encode("utf-16")
    assert data.startswith(b"\xff\xfe")
    assert refused(spec, data) == ["1:1: the file is UTF-16 text; save it as UTF-8"]


# --- odd files that are sound, read faithfully -------------------------------------------------

NINETY = Fraction(90)
THREE_SETS = [
    (
        "2027-01-04",
        (
            LoggedExercise(
                "hip_thrust",
                (
                    LoggedSet(10, NINETY, None, "two\nlines"),
                    LoggedSet(9, NINETY, None, '6" box, slow'),
                    LoggedSet(8, NINETY),
                ),
            ),
        ),
    ),
    ("2027-01-07", (LoggedExercise("pull_up", (LoggedSet(8, None),)),)),
]


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_crlf_and_cr_files_give_the_log_an_lf_file_gives(spec: Path, newline: bytes) -> None:
    # A line break inside a quoted note is the file's own: \r\n stayed \r\n in the note.
    text = HEADER + (
        '2027-01-04,hip_thrust,90,10,"two\nlines"\n'
        '2027-01-04,hip_thrust,90,9,"6"" box, slow"\n'
        "2027-01-04,hip_thrust,90,8,\n"
    )
    assert imported(spec, text.encode().replace(b"\n", newline)) == THREE_SETS


def test_spaces_before_a_quoted_field_are_skipped(spec: Path) -> None:
    # csv kept ` "6"" box` with its quotes and cut the note at its comma.
    text = (
        "date, exercise, weight, reps, note\n"
        '2027-01-04, hip_thrust, 90, 10, "two\nlines"\n'
        '2027-01-04, hip_thrust, 90, 9, "6"" box, slow"\n'
        "2027-01-04, hip_thrust, 90, 8, \n"
    )
    assert imported(spec, text.encode()) == THREE_SETS


def test_quotes_inside_text_unnamed_end_columns_and_unread_twins_are_kept(spec: Path) -> None:
    # Held as they were before: a quote inside an unquoted field is text, the columns a
    # header leaves unnamed at its end may be left out of a row, and a column named twice
    # that is not read picks nothing.
    text = (
        "date;exercise;weight;reps;note;Comment;Comment;\n"
        '2027-01-04;hip_thrust;90;10;"two\nlines";;\n'
        '2027-01-04;hip_thrust;90,0;9;6" box, slow;;;\n'
        "2027-01-04;hip_thrust;90;8;;;\n"
    )
    assert imported(spec, text.encode()) == THREE_SETS
