"""Fuzzing across the pipeline: whatever goes in, nothing but LiftplanError comes out.

Four kinds of input, each taken through every stage it reaches:

1. programs the program schema accepts, from a strategy that tests/support/strategies.py
   derives from schemas/program.schema.json at test time, written as YAML and taken through
   load, validate, build, expand, the HTML pages, JSON, CSV and the calendar feed;
2. the example programs with a few random changes (a subtree replaced, a key deleted or
   renamed, a type swapped, a huge number, deep nesting, a long text): nearly valid specs
   are where a check that trusts an earlier check too much breaks;
3. arbitrary bytes, and text made of YAML fragments (tags, anchors, directives, BOMs, NUL,
   lone surrogates, deep nesting), into the loader;
4. training logs, generated from the log schema or written from a plan and then changed,
   checked against their program and re-planned from.

A stage may refuse its input only with LiftplanError or (validation) diagnostics, each
located in the file it was given; a plan that validation let through must come out of
every stage. How far each example got is a Hypothesis event (`--hypothesis-show-statistics`).

LIFTPLAN_FUZZ_EXAMPLES=N raises every test here to at least N examples for a longer local
run; the atheris harnesses in fuzz/ are for runs of hours.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import signal
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from generator.errors import Diagnostic, LiftplanError, Severity
from generator.log.check import CheckedLog, check_log_bytes
from generator.pipeline import check_document, planning
from generator.plan.expand import expand
from generator.plan.values import Plan, PlannedSession
from generator.publish.calendar import plan_ics
from generator.publish.data import CSV_COLUMNS, plan_csv, plan_json
from generator.publish.site import program_pages
from generator.publish.templates import environment
from generator.spec.loader import dump, load_bytes, load_file
from generator.spec.model import Program, build_program
from generator.spec.schema import python_schema, schema_diagnostics
from tests.support import strategies as fs
from tests.support.paths import example_programs, hostile_specs

PROGRAMS = example_programs()
HOSTILE = hostile_specs()
SPEC = "fuzz.yaml"
LOG = "fuzz.log.yaml"
ENV = environment()
MARKUP = "<script>alert(1)</script>"
# Far more than any stage takes on a real spec (a tenth of a second), so a hang fails.
STAGE_SECONDS = 20
HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
# Some ten minutes of one core: CI runs it; `make test`'s quick run leaves it out.
pytestmark = pytest.mark.slow


def examples(default: int) -> int:
    """The number of examples: the default, or LIFTPLAN_FUZZ_EXAMPLES if that is more."""
    return max(default, int(os.environ.get("LIFTPLAN_FUZZ_EXAMPLES", "0")))


def fuzz(default: int) -> Any:
    """The suite's run draws the same examples every time, so CI passes or fails on the
    code, not on the draw; a longer local run (LIFTPLAN_FUZZ_EXAMPLES) explores afresh."""
    return settings(
        max_examples=examples(default),
        deadline=None,
        suppress_health_check=HEALTH,
        derandomize="LIFTPLAN_FUZZ_EXAMPLES" not in os.environ,
    )


# --- what every stage must give ---------------------------------------------------------------


def _last_line(raw: bytes) -> int:
    """The most lines the file can be said to have, counting every break YAML knows."""
    text = raw.decode("utf-8", errors="replace")
    return 1 + sum(text.count(brk) for brk in ("\n", "\r", "\x85", "\u2028", "\u2029"))


def assert_located(diagnostics: Iterable[Diagnostic], raw: bytes, file: str) -> None:
    """Every diagnostic names the file, a line and column inside it, and says something."""
    last = _last_line(raw)
    for diagnostic in diagnostics:
        assert isinstance(diagnostic, Diagnostic)
        assert diagnostic.file == file, diagnostic
        assert 1 <= diagnostic.line <= last, diagnostic
        assert diagnostic.column >= 1, diagnostic
        assert diagnostic.message, diagnostic
        assert "\n" not in diagnostic.format(), diagnostic


def assert_outputs(plan: Plan) -> None:
    """Every output of a plan: HTML pages, JSON, CSV and the calendar feed, each sane."""
    program = plan.program
    assert len(plan.weeks) >= program.weeks
    pages = dict(program_pages(ENV, plan, formats=("pdf", "ics", "json", "csv")))
    assert f"{program.id}/index.html" in pages
    assert len(pages) == 1 + len(plan.weeks)
    for text in pages.values():
        assert isinstance(text, str)
        assert text.lstrip().lower().startswith("<!doctype html>")
        assert MARKUP not in text  # every value from a spec is escaped
    data = json.loads(plan_json(plan))
    assert len(data["weeks"]) == len(plan.weeks)
    rows = list(csv.reader(io.StringIO(plan_csv(plan), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    feed = plan_ics(plan, {})
    calendar = Calendar.from_ical(feed)
    assert len(calendar.walk("VEVENT")) == len(plan.sessions)


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Fail, rather than hang, when a stage takes far longer than any real spec needs."""

    def expired(signum: int, frame: Any) -> None:
        raise AssertionError(f"{what} took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    # Again every second after: an exception raised in a gc callback is ignored.
    signal.setitimer(signal.ITIMER_REAL, seconds, 1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def through_pipeline(raw: bytes) -> str:
    """Load, validate, build, expand and render a spec's bytes; say how far it got."""
    with time_limit(STAGE_SECONDS, "loading"):
        try:
            document = load_bytes(raw, SPEC)
        except LiftplanError as error:
            assert_located(error.diagnostics, raw, SPEC)
            return "refused by the loader"
    with time_limit(STAGE_SECONDS, "validating"):
        found = check_document(document)
    assert_located(found, raw, SPEC)
    if any(d.severity is Severity.ERROR for d in found):
        return "refused by validation"
    with time_limit(STAGE_SECONDS, "planning and rendering"):
        try:
            with planning(document):
                plan = expand(build_program(document.data))
            assert_outputs(plan)
        except LiftplanError as error:  # allowed, but validation should have said so
            assert_located(error.diagnostics, raw, SPEC)
            return "LiftplanError past validation"
    return "planned and rendered"


# --- 1. programs the schema accepts -------------------------------------------------------------

PROGRAM_SCHEMA = python_schema("program")
WALKER = fs.program_walker(PROGRAM_SCHEMA)
program_documents = WALKER.document()


@fuzz(60)
@given(program_documents)
def test_schema_valid_programs_go_through_the_pipeline(data: dict[str, Any]) -> None:
    raw = dump(data).encode("utf-8")
    document = load_bytes(raw, SPEC)
    assert document.data == data  # what dump writes, the loader reads back the same
    assert schema_diagnostics(document, "program") == []  # the strategy's own check
    event(through_pipeline(raw))


def test_the_program_strategy_takes_the_containers_apart_itself() -> None:
    """Only leaves go to hypothesis-jsonschema; given a whole phase it takes seconds an
    example, so a schema change the walk cannot follow should be seen here first."""
    assert WALKER.delegated == set()


def test_unknown_hints_are_refused() -> None:
    """A hint for a place the schema no longer has fails, so hints follow the schema."""
    walker = fs.SchemaStrategies(PROGRAM_SCHEMA, {"phase/no_such_key": st.just(1)})
    with pytest.raises(LookupError, match="phase/no_such_key"):
        walker.document()


# --- 2. the example programs, nearly right ------------------------------------------------------

EXAMPLES = {path.name: load_file(str(path)).data for path in PROGRAMS}
TOKENS = fs.schema_tokens(PROGRAM_SCHEMA)


@fuzz(100)
@given(fs.grafted(WALKER, EXAMPLES))
def test_examples_with_a_part_the_schema_allows_go_through_the_pipeline(
    data: dict[str, Any],
) -> None:
    """An example with one part (a value, a phase, the equipment...) replaced by one the
    schema allows there: schema-valid documents that mostly pass the semantic checks too."""
    raw = dump(data).encode("utf-8")
    valid = not schema_diagnostics(load_bytes(raw, SPEC), "program")
    event("valid by the schema" if valid else "invalid by the schema (an if/anyOf around it)")
    event(through_pipeline(raw))


@fuzz(200)
@given(st.sampled_from(sorted(EXAMPLES)), st.lists(fs.mutation(TOKENS), min_size=1, max_size=3))
def test_nearly_valid_programs_give_diagnostics_or_a_plan(name: str, changes: list[Any]) -> None:
    data = fs.mutated(EXAMPLES[name], changes)
    raw = dump(data).encode("utf-8", errors="surrogatepass")
    event(through_pipeline(raw))


def test_every_example_program_goes_through_the_pipeline() -> None:
    for path in PROGRAMS:
        assert through_pipeline(path.read_bytes()) == "planned and rendered", path.name


# --- 3. bytes and text into the loader ----------------------------------------------------------

FRAGMENTS = (
    "id: x\n",
    "title: t\n",
    "phases:\n",
    "- ",
    "  ",
    "    ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\x85",
    "\u2028",
    ": ",
    "? ",
    ", ",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "\\",
    "#",
    "|\n",
    ">-\n",
    "|+2\n",
    "&a ",
    "*a",
    "<<: ",
    "!!python/object/apply:os.system ['true']",
    "!!python/name:os.system",
    "!!binary ",
    "!!set ",
    "!!timestamp ",
    "!!int ",
    "!!float ",
    "!!str ",
    "!local ",
    "!<tag:yaml.org,2002:str> ",
    "%YAML 1.1\n",
    "%YAML 1.3\n",
    "%TAG ! tag:example.com,2000:\n",
    "---\n",
    "...\n",
    "\ufeff",
    "\x00",
    "\x1b",
    "\x7f",
    "\ud800",
    "\U0001f600",
    "1e309",
    "-0",
    "0x1f",
    "0o17",
    ".inf",
    ".nan",
    "~",
    "2027-02-30",
    "1:30",
    "012",
    "yes",
    "9" * 400,
)
BOMS = (b"", b"\xef\xbb\xbf", codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)
yaml_like_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40
).map("".join)
deep_text = st.tuples(
    st.integers(min_value=1, max_value=2000), st.sampled_from(["[", "{a: ", "- ", "a:\n "])
).map(lambda pair: "x:\n" + pair[1] * pair[0])
SEEDS = [path.read_bytes() for path in HOSTILE + PROGRAMS]


def into_loader(raw: bytes) -> str:
    try:
        document = load_bytes(raw, SPEC)
    except LiftplanError as error:
        refused: tuple[Diagnostic, ...] = error.diagnostics
    else:
        assert isinstance(document.data, dict)
        for path in document.values:
            line, column = document.locate(path)
            assert line >= 1
            assert column >= 1
        return "loaded"
    assert refused
    assert_located(refused, raw, SPEC)
    return "refused"


@fuzz(400)
@given(st.sampled_from(BOMS), st.binary(max_size=400))
def test_arbitrary_bytes_load_or_are_refused(bom: bytes, raw: bytes) -> None:
    event(into_loader(bom + raw))


@fuzz(600)
@given(st.sampled_from(BOMS[:2]), st.one_of(yaml_like_text, deep_text))
@example(b"", "a: " + "[" * 33 + "]" * 33)
@example(b"", "a: !!python/object/apply:os.system ['true']")
def test_yaml_like_text_loads_or_is_refused(bom: bytes, text: str) -> None:
    event(into_loader(bom + text.encode("utf-8", errors="surrogatepass")))


@fuzz(200)
@given(st.sampled_from(SEEDS), st.data())
def test_corpus_files_with_bytes_changed_load_or_are_refused(
    seed: bytes, data: st.DataObject
) -> None:
    """A hostile or example file with a few bytes flipped, cut or inserted."""
    raw = bytearray(seed)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        at = data.draw(st.integers(min_value=0, max_value=len(raw)))
        how = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if how == "flip" and at < len(raw):
            raw[at] = data.draw(st.integers(min_value=0, max_value=255))
        elif how == "cut":
            del raw[at : at + data.draw(st.integers(min_value=1, max_value=64))]
        else:
            raw[at:at] = data.draw(st.sampled_from(FRAGMENTS)).encode("utf-8", "surrogatepass")
    event(into_loader(bytes(raw)))
    event(through_pipeline(bytes(raw)))


# --- 4. training logs -----------------------------------------------------------------------------

LOG_SCHEMA = python_schema("log")


def _planned(data: dict[str, Any], **schedule: str) -> tuple[Program, Plan]:
    changed = {**data, "schedule": {**data["schedule"], **schedule}}
    program = build_program(changed)
    return program, expand(program)


LOG_PLANS: list[tuple[Program, Plan]] = [
    _planned(EXAMPLES["hip-thrust-12wk.yaml"]),
    _planned(EXAMPLES["hip-thrust-12wk.yaml"], on_missed="shift"),
    _planned(EXAMPLES["five-three-one.yaml"]),
    _planned(EXAMPLES["home-dumbbells.yaml"], on_missed="shift"),
]


def _decimal(value: Fraction | None) -> str:
    if value is None:
        return "bw"
    return f"{float(value):.3f}".rstrip("0").rstrip(".")


@st.composite
def written_logs(draw: st.DrawFn, plan: Plan) -> dict[str, Any]:
    """A log as a person writes it: some of the planned sessions in order, each exercise's
    work sets done at the planned load with about the planned reps, as text or a list."""
    sessions: Sequence[PlannedSession] = plan.sessions
    count = draw(st.integers(min_value=0, max_value=min(len(sessions), 14)))
    kept = [s for s in sessions[:count] if draw(st.integers(0, 4)) > 0]
    entries = []
    for session in kept:
        done: dict[str, Any] = {}
        for item in session.exercises:
            sets = []
            for planned in item.sets:
                if planned.kind == "warmup":
                    continue
                reps = planned.reps if planned.reps is not None else 8
                reps = max(0, reps + draw(st.integers(min_value=-4, max_value=2)))
                sets.append(f"{reps}@{_decimal(planned.load)}")
            if not sets:
                continue
            form = draw(st.sampled_from(["text", "list", "mappings"]))
            if form == "text":
                done[item.exercise] = " ".join(sets)
            elif form == "list":
                done[item.exercise] = sets
            else:
                done[item.exercise] = [
                    {"reps": int(s.split("@")[0]), "load": _number_or_bw(s.split("@")[1])}
                    for s in sets
                ]
        entry: dict[str, Any] = {"date": session.date.isoformat()}
        if draw(st.booleans()):
            entry["session"] = session.label
        entry["done"] = done or {session.exercises[0].exercise: "1@bw"}
        entries.append(entry)
    return {"program": plan.program.id, "sessions": entries}


def _number_or_bw(text: str) -> Any:
    if text == "bw":
        return "bw"
    number = float(text)
    return int(number) if number.is_integer() else number


def through_log_check(raw: bytes, program: Program, plan: Plan) -> str:
    """Check a log's bytes against its program, and re-plan from it when it is valid."""
    checked = check_log_bytes(raw, LOG, program, plan)
    assert isinstance(checked, CheckedLog)
    assert_located(checked.diagnostics, raw, LOG)
    assert (checked.log is None) == bool(checked.errors), checked.diagnostics
    if checked.log is None:
        return "refused" if checked.document is not None else "refused by the loader"
    replanned = expand(program, checked.log)
    assert_outputs(replanned)
    return "re-planned"


log_cases = st.one_of(
    [
        st.tuples(st.just(index), fs.log_documents(LOG_SCHEMA, plan))
        for index, (_, plan) in enumerate(LOG_PLANS)
    ]
)


@fuzz(100)
@given(log_cases)
def test_schema_valid_logs_are_checked_and_planned_from(case: tuple[int, dict[str, Any]]) -> None:
    index, log = case
    program, plan = LOG_PLANS[index]
    raw = dump(log).encode("utf-8")
    document = load_bytes(raw, LOG)
    assert schema_diagnostics(document, "log") == []  # the strategy's own check
    event(through_log_check(raw, program, plan))


@fuzz(100)
@given(
    st.sampled_from(range(len(LOG_PLANS))).flatmap(
        lambda i: st.tuples(st.just(i), written_logs(LOG_PLANS[i][1]))
    ),
    st.lists(fs.mutation(fs.schema_tokens(LOG_SCHEMA)), max_size=2),
)
def test_written_logs_with_changes_are_checked_and_planned_from(
    case: tuple[int, dict[str, Any]], changes: list[Any]
) -> None:
    index, log = case
    program, plan = LOG_PLANS[index]
    raw = dump(fs.mutated(log, changes)).encode("utf-8", errors="surrogatepass")
    event(through_log_check(raw, program, plan))


# --- 5. bugs the properties found, each with its smallest reproducer -------------------------------
#
# A bug found here gets its fix and a test below; should a fix have to wait, the property
# can step around the bug's inputs meanwhile, with a strict xfail on the reproducer.


def _minimal(**changes: Any) -> bytes:
    """The smallest program, with changes; a change to `item` changes its one exercise."""
    return dump(_minimal_data(**changes)).encode("utf-8")


def _minimal_data(**changes: Any) -> dict[str, Any]:
    """The smallest program as data, with changes (see _minimal)."""
    item = {"exercise": "back_squat", "load": 100, **changes.pop("item", {})}
    data = {
        "id": "x",
        "title": "t",
        "start": "2024-01-05",
        "schedule": {"days": ["fri"]},
        "equipment": {"barbell": {"kind": "barbell", "bar": 20, "plates": [20, 10, 5, 2.5]}},
        "phases": [{"name": "p", "weeks": 2, "sessions": {"A": [item]}}],
    }
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return data


def _diagnostics(raw: bytes) -> list[str]:
    """What the loader, or else validation, says of a spec's bytes."""
    try:
        document = load_bytes(raw, SPEC)
    except LiftplanError as error:
        return [d.format() for d in error.diagnostics]
    return [d.format() for d in check_document(document)]


def test_found_and_fixed_a_carriage_return_no_longer_splits_a_csv_row() -> None:
    """Found by the properties: plan_csv's writer ends rows with \\n, so it quoted a field
    with \\n but not one with \\r, which every CSV reader takes for the end of the row.
    Line breaks in a text are now written \\n, and quoted. Since then the loader refuses a
    CR in any text (a control character), so the writer is given the program directly."""
    phase = {"name": "Block\r1", "weeks": 1, "sessions": {"A": [{"exercise": "back_squat"}]}}
    data = _minimal_data(phases=[phase], item={})
    refused = _diagnostics(dump(data).encode("utf-8"))
    assert refused == [f"{SPEC}:17:9: control character U+000D is not allowed in a text"]
    text = plan_csv(expand(build_program(data)))
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert all(len(row) == len(CSV_COLUMNS) for row in rows)
    assert {row[CSV_COLUMNS.index("phase")] for row in rows[1:]} == {"Block\n1"}


def test_found_and_fixed_a_line_break_in_the_title_no_longer_breaks_the_calendar() -> None:
    """Found by the properties: icalendar writes an X- property as given, and refused the
    title's raw line break (`title: |`). The calendar's name now has it as TEXT's \\n.
    Since then the loader refuses a line break in a title, so the writer is given the
    program directly."""
    data = _minimal_data(title="Hip thrust\r\nprogression\n")
    refused = _diagnostics(dump(data).encode("utf-8"))
    assert refused == [f"{SPEC}:2:8: control character U+000D is not allowed in a text"]
    feed = plan_ics(expand(build_program(data)), {})
    assert "\r\nX-WR-CALNAME:Hip thrust\\nprogression\\n\r\n" in feed
    assert len(Calendar.from_ical(feed).walk("VEVENT")) == 2


def test_found_and_fixed_a_skip_with_half_a_range_is_a_located_error() -> None:
    """Found by the properties: `{date, from}` passed the schema (its anyOf took `date`)
    and validation then crashed looking for `to`. The schema now makes them a pair."""
    found = check_document(
        load_bytes(
            _minimal(schedule={"skip": [{"date": "2024-01-12", "from": "2024-01-08"}]}), SPEC
        )
    )
    assert [d.format() for d in found] == [
        f"{SPEC}:8:5: schedule.skip[0]: 'from' needs 'to' beside it"
    ]


def test_found_and_fixed_a_wave_set_repeated_100000_times_is_a_located_error() -> None:
    """Found by the properties: `100000 x 40% x 5` planned 1.6 million sets (13 s), and
    ten million ran past the stage's time limit. A wave line now repeats at most 50 times,
    as a prescription's sets do."""
    raw = _minimal(
        waves={"w": {"weeks": [["100000 x 40% x 5"]]}},
        maxes={"back_squat": {"one_rm": 100}},
        phases=[
            {
                "name": "p",
                "weeks": 1,
                "model": "wave",
                "sessions": {"A": [{"exercise": "back_squat", "wave": "w"}]},
            }
        ],
    )
    found = [d.format() for d in check_document(load_bytes(raw, SPEC))]
    assert len(found) == 1
    assert found[0].startswith(f"{SPEC}:")
    assert found[0].endswith("(five sets; at most 50)")
    assert "waves.w.weeks[0][0]: '100000 x 40% x 5'" in found[0]


@pytest.mark.parametrize("plates", [[20, 1.0314227661826578], [25, 20, 1.00001]])
def test_found_and_fixed_plates_with_a_tiny_common_step_are_a_located_error(
    plates: list[float],
) -> None:
    """Found by the properties: plate sizes sharing a step of 2**-52 had the rounding
    build a table of 2**57 amounts (MemoryError; with 1.00001, over 300 s)."""
    raw = _minimal(equipment={"barbell": {"kind": "barbell", "bar": 20, "plates": plates}})
    found = [d.format() for d in check_document(load_bytes(raw, SPEC))]
    assert found == [
        f"{SPEC}:12:5: equipment.barbell.plates: plate sizes must be whole multiples of a "
        "common step of at least 0.01 (write them with at most two decimals, e.g. 1.25)"
    ]


@pytest.mark.parametrize(
    ("raw", "where", "message"),
    [
        pytest.param(
            _minimal(schedule={"time": "10:00", "duration": "60m\n"}),
            "8:13: control character U+000A",
            "a line break",
            id="a-trailing-newline",
        ),
        pytest.param(
            _minimal(item={"load": "9" * 5000 + "%"}),
            "22:13: phases[0].sessions.A[0].load: '99999",
            "has a number longer than 5 digits: a load is a number, a percentage",
            id="a-5000-digit-percentage",
        ),
        pytest.param(
            _minimal(item={"rest": "9" * 5000 + "s"}),
            "23:13: phases[0].sessions.A[0].rest: '99999",
            "has a number longer than 5 digits: write a duration with units",
            id="a-5000-digit-rest",
        ),
        pytest.param(
            _minimal(schedule={"time": "20:00", "duration": "2000000000000m"}),
            "8:13: schedule.duration: '2000000000000m'",
            "has a number longer than 5 digits: write a duration with units",
            id="a-session-longer-than-timedelta-holds",
        ),
        pytest.param(
            _minimal(maxes={"back_squat": {"one_rm": 5e-324}}),
            "25:13: maxes.back_squat.one_rm: 5e-324",
            "is below the least allowed, 0.01",
            id="a-max-so-small-a-percentage-overflows",
        ),
        pytest.param(
            _minimal(start="9999-12-25"),
            "3:8: start: 9999-12-25",
            "is too late to start: the plan, and a log up to 52 weeks past its end, must end "
            "by 9999-12-31; start by 9998-12-11",
            id="a-program-that-would-end-after-9999",
        ),
        pytest.param(
            _minimal(item={"load": "rpe10.5", "reps": 8}, maxes={"back_squat": {"one_rm": 140}}),
            "22:13: phases[0].sessions.A[0].load: 'rpe10.5'",
            "an effort (rpe 8, rir 2)",
            id="an-rpe-past-10",
        ),
    ],
)
def test_found_and_fixed_values_that_crashed_a_later_stage_are_located_errors(
    raw: bytes, where: str, message: str
) -> None:
    """Found by the properties, each crashing a stage past validation: patterns ending in
    `$` passed "60m\\n" (Python's `$` matches before a final newline; JSON Schema's does
    not); unbounded digit runs passed numbers that int() refuses (over 4300 digits) or
    timedelta cannot hold; a max of 5e-324 made a load's percentage overflow a float; a
    start in 9999 had the plan run past the last date; the load pattern took rpe10.5,
    past the RPE table. Now each is a located error (the trailing newline, since control
    characters are refused in texts, the loader's)."""
    assert through_pipeline(raw) in ("refused by validation", "refused by the loader")
    (found,) = _diagnostics(raw)
    assert found.startswith(f"{SPEC}:{where}"), found
    assert message in found, found


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        (b"a: [", "1:4: invalid YAML: the file ends inside a [ ] or { } left open"),
        (b"a: b\r\nc: [1,\r\n", "2:6: invalid YAML: the file ends inside a [ ] or { } left open"),
        (b"%YAML 1.1\n  ", "1:9: invalid YAML: did not find expected <document start>"),
        (b"---\n#", "2:1: the top level must be a mapping, not nothing"),
    ],
)
def test_found_and_fixed_an_error_at_the_end_is_on_the_last_line(raw: bytes, found: str) -> None:
    """Found by the properties: where the parser ran on past the last character (a bracket
    left open, a directive with no document, an empty document), the error was on a line
    after the last, which an editor cannot go to. It is now at the file's last character."""
    with pytest.raises(LiftplanError) as raised:
        load_bytes(raw, SPEC)
    assert [d.format() for d in raised.value.diagnostics] == [f"{SPEC}:{found}"]
