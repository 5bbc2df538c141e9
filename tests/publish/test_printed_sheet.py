"""The printed week as a lifter holds it: a week to a page where it fits, the prescription
once, a box for each thing to write down and none for what is not asked, the maxes the
percentages are of. Real WeasyPrint PDFs, read back with pypdf."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.plan.values import Plan
from generator.publish.pdf import PdfError, _printed_week, pdf_html, render_pdf
from generator.publish.templates import environment
from generator.resources import data_dir
from tests.support.paths import PROGRAMS
from tests.support.plans import plan_from_file
from tests.support.speed import once

BUILTIN = [data_dir("templates")]
PX_PER_MM = 96 / 25.4  # WeasyPrint draws in CSS pixels


def rendered(plan: Plan, page_size: str = "a4") -> tuple[bytes, list[str]]:
    pdf = render_pdf(pdf_html(environment(), plan, page_size), BUILTIN)
    pages = PdfReader(io.BytesIO(pdf.data)).pages
    return pdf.data, [re.sub(r"\s+", " ", page.extract_text()) for page in pages]


def boxes(data: bytes, page: int) -> Counter[tuple[float, float]]:
    """The boxes drawn on a page, 6.5 mm high, by their width and height in mm: the
    session's (a background picture, drawn in a form of the page's) and the sets' (in
    pictures whose units are mm), or any drawn in CSS pixels."""
    read = PdfReader(io.BytesIO(data)).pages[page]
    content = read.get_contents()
    assert content is not None
    streams = [content.get_data()]
    forms = list(read["/Resources"].get("/XObject", {}).values())
    while forms:
        form = forms.pop().get_object()
        streams.append(form.get_data())
        forms.extend(form.get("/Resources", {}).get("/XObject", {}).values())
    found: Counter[tuple[float, float]] = Counter()
    pattern = rb"(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b"
    for _x, _y, width, height in re.findall(pattern, b"\n".join(streams)):
        size = (abs(float(width)), abs(float(height)))
        if round(size[1], 2) != 6.5:
            size = (size[0] / PX_PER_MM, size[1] / PX_PER_MM)
        found[(round(size[0] * 2) / 2, round(size[1] * 2) / 2)] += 1
    return found


SPEC = """\
id: boxes
title: Boxes
start: "2027-01-04"
schedule: {days: [mon]}
equipment:
  barbell: {kind: barbell, bar: 20, plates: [20, 10, 5, 2.5, 1.25]}
maxes:
  back_squat: {training_max: 100}
  bench_press: {one_rm: 100}
phases:
  - name: Base
    weeks: 1
    sessions:
      A:
        - {exercise: back_squat, sets: 3, reps: 5, load: 65% tm}
        - {exercise: push_up, sets: 3, reps: 10}
        - {exercise: bench_press, sets: 2, reps: 8, load: 70%, rpe: 8}
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, bytes, list[str]]:
    spec = tmp_path_factory.mktemp("boxes") / "boxes.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    plan = plan_from_file(spec)
    return (plan, *rendered(plan))


def test_each_set_has_the_boxes_it_needs_and_no_others(
    small: tuple[Plan, bytes, list[str]],
) -> None:
    """Squat 3 x 5 (weight and reps), push-ups 3 x 10 (reps alone), bench 2 x 8 at RPE 8
    (weight, reps and RPE); the session's date, bodyweight and note boxes once."""
    _plan, data, _texts = small
    drawn = boxes(data, 1)
    tall = {size: count for size, count in drawn.items() if size[1] == 6.5}
    assert tall == {(12.0, 6.5): 5, (8.0, 6.5): 8, (7.0, 6.5): 2} | {
        (15.0, 6.5): 1,  # the date done
        (14.0, 6.5): 1,  # bodyweight
        (22.0, 6.5): 1,  # the note
    }


def test_the_prescription_is_printed_once_and_a_percentage_says_of_what(
    small: tuple[Plan, bytes, list[str]],
) -> None:
    _plan, _data, texts = small
    week = texts[1]
    # Each set's target once, as its boxes' label; no line of prose repeats it.
    assert week.count("65 \u00d7 5") == 3
    assert week.count("70 \u00d7 8") == 2
    assert week.count("10 reps") == 3
    assert " x 5 @ " not in week
    assert "Planned" not in week
    assert week.count("65% TM") == 3
    assert week.count("70% 1RM") == 2
    assert "RPE 8" in week
    for heading in ("Date", "Bodyweight", "Note"):
        assert week.count(heading) == 1


def test_the_text_comes_out_in_reading_order(small: tuple[Plan, bytes, list[str]]) -> None:
    """The order the page is drawn in is the order it reads (a reader without the tags
    follows it): the week's heading before the columns beside it, a session's heading
    and boxes before its exercises, and each exercise's labels under its name."""
    _plan, _data, texts = small
    week = texts[1]
    order = ["Week 1: Base", "04 Jan to 10 Jan", "Monday 04 January · Session A"]
    order += ["Date Bodyweight Note", "Back squat", "65 \u00d7 5", "65% TM", "Push-up"]
    order += ["10 reps", "Bench press", "70 \u00d7 8", "70% 1RM"]
    places = [week.find(text) for text in order]
    assert -1 not in places, [text for text, at in zip(order, places, strict=True) if at < 0]
    assert places == sorted(places), week


def test_the_cover_names_the_maxes_the_percentages_are_of(
    small: tuple[Plan, bytes, list[str]],
) -> None:
    _plan, _data, texts = small
    cover = texts[0]
    assert "Maxes" in cover
    assert re.search(r"Back squat\s+100 kg", cover)  # its training max
    assert re.search(r"Bench press\s+100 kg", cover)  # its one-rep max
    assert "TM, the training max; 1RM, the one-rep max" in cover


def test_an_estimated_max_is_printed_to_a_tenth(tmp_path: Path) -> None:
    """A one-rep max estimated from a tested rep max (and the training max a share of it)
    is not known to the gram: the cover prints a tenth of a unit."""
    spec = tmp_path / "tested.yaml"
    spec.write_text(
        SPEC.replace("one_rm: 100", "tested: {load: 137.5, reps: 5}", 1), encoding="utf-8"
    )
    plan = plan_from_file(spec)
    estimated = plan.program.maxes["bench_press"].one_rm
    assert estimated is not None
    assert estimated.denominator > 10  # 160.41666... kg
    cover = rendered(plan)[1][0]
    assert re.search(rf"Bench press\s+{round(float(estimated), 1)} kg", cover), cover
    assert not re.search(r"\d\.\d\d+ kg", cover)


@pytest.mark.parametrize("page_size", once("a4", "letter"))
def test_a_week_of_four_sessions_prints_on_one_page(page_size: str) -> None:
    """5/3/1: four sessions a week of three exercises, warm-ups and cues, a page each on
    A4 and on Letter; and where the layout said one page, WeasyPrint made one."""
    plan = plan_from_file(PROGRAMS / "five-three-one.yaml")
    _data, texts = rendered(plan, page_size)
    printed = [week for week in plan.weeks if week.sessions]
    assert len(texts) == 1 + len(printed)
    for number, week in enumerate(printed, start=1):
        assert f"Week {week.number}: " in texts[number]
        assert len(_printed_week(plan, week, page_size)["sheets"]) == 1
        for session in week.sessions:
            assert f"{session.date:%A %d %B}" in texts[number]


def test_a_week_without_training_gets_no_page(tmp_path: Path) -> None:
    spec = tmp_path / "holiday.yaml"
    spec.write_text(
        SPEC.replace(
            "schedule: {days: [mon]}",
            'schedule: {days: [mon], skip: ["2027-01-11"], on_skip: drop}',
        ).replace("weeks: 1", "weeks: 3"),
        encoding="utf-8",
    )
    plan = plan_from_file(spec)
    assert [len(week.sessions) for week in plan.weeks] == [1, 0, 1]
    _data, texts = rendered(plan)
    assert len(texts) == 1 + 2
    assert "Week 2 11 Jan to 17 Jan · Base · 0 sessions" in texts[0]  # on the calendar
    assert [re.findall(r"Week (\d+): Base", text)[0] for text in texts[1:]] == ["1", "3"]


def structure(data: bytes) -> Counter[str]:
    """The PDF's structure elements (its tags) by type."""
    root = PdfReader(io.BytesIO(data)).trailer["/Root"]
    found: Counter[str] = Counter()
    pending = [root["/StructTreeRoot"]]
    while pending:
        node = pending.pop().get_object()
        if not isinstance(node, dict):
            continue
        if "/S" in node:
            found[str(node["/S"])] += 1
        kids = node.get("/K")
        pending.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
    return found


def test_the_pdf_is_tagged_for_screen_readers(small: tuple[Plan, bytes, list[str]]) -> None:
    _plan, data, _texts = small
    root = PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en"
    tags = structure(data)
    # The week's heading, each session as a table with its heading row, each exercise's name.
    assert tags["/H1"] >= 2
    assert tags["/Table"] >= 2  # the cover's maxes and phases, the week's session
    assert tags["/TH"] >= 1
    assert tags["/H3"] == 3


def test_the_same_plan_prints_the_same_bytes_in_another_process(
    small: tuple[Plan, bytes, list[str]], tmp_path: Path
) -> None:
    plan, data, _texts = small
    spec = tmp_path / "boxes.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", str(spec), "-o", str(out), "--format", "pdf"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (out / plan.program.id / "plan.pdf").read_bytes() == data


def test_without_harfbuzz_subsetting_the_pdf_is_refused_not_made_unstable(
    small: tuple[Plan, bytes, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """WeasyPrint falls back to fontTools, whose fonts differ from one render to the
    next: the build says which package to install instead."""
    from weasyprint.pdf import fonts

    plan, _data, _texts = small
    monkeypatch.setattr(fonts, "harfbuzz_subset", None)  # a host without it
    with pytest.raises(PdfError, match="libharfbuzz-subset0"):
        rendered(plan)
