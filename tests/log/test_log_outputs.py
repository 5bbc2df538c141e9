"""What a training log adds to the outputs: planned beside done on week pages and in the
PDF's boxes, missed sessions marked, and the planned-and-done charts."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from pypdf import PdfReader

from generator.build.build import build
from generator.build.config import Settings
from generator.pipeline import plan_spec
from generator.plan.planned_vs_done import progress
from generator.resources import schema
from tests.support.paths import PROGRAMS

SPEC = "hip-thrust-12wk.yaml"
LOG = """program: hip-thrust-12wk
sessions:
  - date: '2027-01-04'
    note: felt strong
    done:
      hip_thrust: 12@90 12@90 12@90@9
      barbell_glute_bridge: 10@60 10@60
      glute_bridge: 2x20@bw
  - date: '2027-01-11'
    done:
      hip_thrust: 8@95 7@95
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("logged")
    shutil.copy(PROGRAMS / SPEC, folder / SPEC)
    (folder / "hip-thrust-12wk.log.yaml").write_text(LOG, encoding="utf-8")
    build(Settings([str(folder / SPEC)], folder / "out", ["html", "pdf", "json", "csv"]))
    return folder


def cells(html: str, table: int) -> list[list[str]]:
    """The body rows of the n-th planned-and-done table of a page, as cell texts."""
    body = re.findall(r'<table class="done">.*?</table>', html, flags=re.DOTALL)[table]
    return [
        re.findall(r"<td>(.*?)</td>", row)
        for row in re.findall(r"<tr><td>.*?</tr>", body, flags=re.DOTALL)
    ]


def test_a_logged_week_shows_planned_beside_done(built: Path) -> None:
    week = (built / "out" / "hip-thrust-12wk" / "week-01.html").read_text(encoding="utf-8")
    assert cells(week, 0) == [
        ["1", "8-12 @ 90 kg", "12 @ 90 kg"],
        ["2", "8-12 @ 90 kg", "12 @ 90 kg"],
        ["3", "8-12 @ 90 kg", "12 @ 90 kg, RPE 9"],
    ]
    assert cells(week, 1) == [["1", "10 @ 60 kg", "10 @ 60 kg"], ["2", "10 @ 60 kg", "10 @ 60 kg"]]
    assert "Logged: felt strong" in week
    assert "Also done: Glute bridge: 20 @ bw, 20 @ bw" in week
    # Thursday's session B lies before the log's last entry and has none.
    thursday = week[week.index("Thursday 07 January") :]
    assert "missed" in thursday[:400]
    assert week.count("missed</strong>") == 1


def test_a_set_not_done_shows_as_not_done(built: Path) -> None:
    week = (built / "out" / "hip-thrust-12wk" / "week-02.html").read_text(encoding="utf-8")
    # Every set at the top in week 1: 95 x 8 in week 2, of which two sets were done.
    assert cells(week, 0) == [
        ["1", "8-12 @ 95 kg", "8 @ 95 kg"],
        ["2", "8-12 @ 95 kg", "7 @ 95 kg"],
        ["3", "8-12 @ 95 kg", "not done"],
    ]
    later = (built / "out" / "hip-thrust-12wk" / "week-03.html").read_text(encoding="utf-8")
    assert '<table class="done">' not in later
    assert "missed" not in later


def test_the_overview_charts_planned_and_done(built: Path) -> None:
    overview = (built / "out" / "hip-thrust-12wk" / "index.html").read_text(encoding="utf-8")
    assert overview.count('class="bar planned"') == 12
    assert overview.count('class="bar done"') == 2
    plan = plan_spec(str(built / SPEC)).plan
    weeks = progress(plan)
    # Week 1 done: 3 x 12 x 90 + 2 x 10 x 60 = 4440 kg, and the bridges at the spec's
    # bodyweight, 2 x 20 x 68 = 2720: 7160. Week 2: 8 x 95 + 7 x 95 = 1425.
    assert plan.program.bodyweight == 68
    assert [w.done_tonnage for w in weeks[:3]] == [7160, 1425, None]
    assert "Week 1, done: 7160 kg" in overview
    assert "Week 2, done: 1425 kg" in overview
    # The hip thrust's estimated max: Epley 90 x 12 = 126 done in week 1.
    assert dict(weeks[0].done_max)["hip_thrust"] == 126
    assert overview.count('class="line s0 done"') == 1
    assert overview.count('class="line s0 planned"') == 1


def test_the_pdf_fills_the_boxes_of_logged_sets(built: Path) -> None:
    reader = PdfReader(io.BytesIO((built / "out" / "hip-thrust-12wk" / "plan.pdf").read_bytes()))
    texts = [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]
    assert "Planned and done" in texts[0]
    week1 = " ".join(text for text in texts[1:] if "Week 1: Hypertrophy" in text)
    # Each set's boxes hold what was done: the weight, the reps, and the RPE logged.
    target = "90 \u00d7 8\u201312"
    # A row of sets reads its labels, their percentages, then what its boxes hold.
    assert f"{target} {target} {target} 65% 1RM 65% 1RM 65% 1RM 90 12 90 12 90 12 9" in week1
    assert "04 Jan felt strong" in week1  # the date done and the session's note
    assert "Thursday 07 January · Session B MISSED" in week1
    assert "Also done: Glute bridge" in week1


def test_the_calendar_marks_sessions_done_and_missed(built: Path) -> None:
    overview = (built / "out" / "hip-thrust-12wk" / "index.html").read_text(encoding="utf-8")
    # Each session is a day in the calendar's grid, linked to its place on its week's page,
    # its state a class (for the colour) and words (for a screen reader, and the title).
    found = re.findall(
        r'<li class="day session ?(\w*)" data-date="([\d-]+)"><a href="([^"]+)" title="([^"]+)"',
        overview,
    )
    cells = {date: (state, link, title) for state, date, link, title in found}
    assert cells["2027-01-04"] == (
        "done",
        "week-01.html#2027-01-04-A",
        "Mon 04 Jan: session A (done)",
    )
    assert cells["2027-01-07"] == (
        "missed",
        "week-01.html#2027-01-07-B",
        "Thu 07 Jan: session B (missed)",
    )
    assert cells["2027-01-11"][0] == "done"
    assert cells["2027-01-14"] == ("", "week-02.html#2027-01-14-B", "Thu 14 Jan: session B")
    assert [state for state, _, _ in cells.values()].count("done") == 2
    assert [state for state, _, _ in cells.values()].count("missed") == 1
    assert len(cells) == 24  # 12 weeks of two sessions


def test_the_plan_as_data_carries_what_was_done(built: Path) -> None:
    folder = built / "out" / "hip-thrust-12wk"
    data = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    assert list(Draft7Validator(schema("plan")).iter_errors(data)) == []
    monday, thursday = data["weeks"][0]["sessions"]
    assert monday["logged"] == {"note": "felt strong"}
    assert monday["missed"] is False
    assert monday["exercises"][0]["done"] == [
        {"reps": 12, "seconds": None, "load": 90, "rpe": None, "note": ""},
        {"reps": 12, "seconds": None, "load": 90, "rpe": None, "note": ""},
        {"reps": 12, "seconds": None, "load": 90, "rpe": 9, "note": ""},
    ]
    assert thursday["logged"] is None
    assert thursday["missed"] is True
    assert all(e["done"] is None for e in thursday["exercises"])
    rows = list(csv.DictReader(io.StringIO((folder / "plan.csv").read_text(encoding="utf-8"))))
    first = [r for r in rows if r["date"] == "2027-01-04" and r["exercise"] == "hip_thrust"]
    assert [(r["kind"], r["done_reps"], r["done_load"], r["done_rpe"]) for r in first] == [
        ("warmup", "", "", ""),
        ("warmup", "", "", ""),
        ("warmup", "", "", ""),
        ("warmup", "", "", ""),
        ("work", "12", "90", ""),
        ("work", "12", "90", ""),
        ("work", "12", "90", "9"),
    ]
    week2 = [r for r in rows if r["date"] == "2027-01-11" and r["exercise"] == "hip_thrust"]
    assert [r["done_reps"] for r in week2 if r["kind"] == "work"][:3] == ["8", "7", ""]
