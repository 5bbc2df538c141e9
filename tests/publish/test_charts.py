"""The overview's charts as laid out and rendered: every week numbered, every value readable
without hovering (on the chart where it fits, else in a table of figures), a legend, scales
with their units, colours the PDF can draw, and a point for a single logged week."""

from __future__ import annotations

import io
import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import pytest
from pypdf import PdfReader

from generator.log.values import LoggedExercise, LoggedSession, LoggedSet, TrainingLog
from generator.plan.expand import expand
from generator.plan.values import Plan
from generator.publish.chart_layout import FONT, GAP, LEFT, WIDTH, whole
from generator.publish.charts import progress_chart, volume_chart
from generator.publish.pdf import pdf_html, render_pdf
from generator.publish.templates import environment, render
from generator.resources import data_dir
from generator.wording import percent_text
from tests.support.paths import PROGRAMS
from tests.support.plans import plan_from_file, program_from_file, program_of
from tests.support.spec_header import spec_header

SVG = "{http://www.w3.org/2000/svg}"
# DejaVu Sans's digits are 0.636 em wide: a label is at least this wide.
DIGIT = 0.636


def long_plan(weeks: int = 52) -> Plan:
    """A year of squats, 4 sets at 75% with a deload every 4th week."""
    spec = spec_header(days=["mon", "thu"])
    spec.update(
        {
            "maxes": {"back_squat": {"one_rm": 180}},
            "deload": {"every": 4},
            "phases": [
                {
                    "name": "Year",
                    "weeks": weeks,
                    "sessions": {"A": [{"exercise": "back_squat", "sets": 4, "load": "75%"}]},
                }
            ],
        }
    )
    return expand(program_of(spec))


@pytest.fixture(scope="module")
def five_three_one() -> Plan:
    return plan_from_file(PROGRAMS / "five-three-one.yaml")


def labels(items: list[dict[str, str]]) -> list[str]:
    return [item["label"] for item in items]


def test_every_week_and_every_value_is_printed_when_they_fit(five_three_one: Plan) -> None:
    chart = volume_chart(five_three_one)
    weeks = five_three_one.weeks
    assert labels(chart["ticks"]) == [str(week.number) for week in weeks]
    assert labels(chart["bar_values"]) == [str(week.summary.hard_sets) for week in weeks]
    intensities = [week.summary.mean_intensity for week in weeks]
    assert None not in intensities
    assert labels(chart["line"]["values"]) == [str(whole(i * 100)) for i in intensities if i]
    assert chart["table"] is None
    assert [key["label"] for key in chart["legend"]] == [
        "Hard sets",
        "Deload week",
        "Mean intensity",
    ]
    intensity, sets = chart["panels"]
    assert "% of one-rep max" in intensity["title"]
    assert all(line["label"].endswith("%") for line in intensity["grid"])
    assert sets["title"] == "Hard sets a week"
    assert labels(sets["grid"])[0] == "0"
    # The scales reach past every value printed against them.
    assert int(labels(sets["grid"])[-1]) >= max(week.summary.hard_sets for week in weeks)


def test_the_deload_bars_are_their_own_colour(five_three_one: Plan) -> None:
    chart = volume_chart(five_three_one)
    deloads = [bar for bar in chart["bars"] if bar["deload"]]
    assert [bar["label"] for bar in deloads] == [
        f"Week {week.number}: {week.summary.hard_sets} hard sets (deload)"
        for week in five_three_one.weeks
        if week.deload
    ]
    assert chart["colours"]["deload"] != chart["colours"]["bar"]


def test_a_long_plan_labels_fewer_weeks_and_tables_every_figure() -> None:
    plan = long_plan()
    chart = volume_chart(plan)
    ticks = [int(label) for label in labels(chart["ticks"])]
    step = ticks[1] - ticks[0]
    assert step > 1
    assert ticks == list(range(1, 53, step))
    # The values are printed at the labelled weeks only, and the table has every one.
    assert len(chart["bar_values"]) == len(ticks) == len(chart["line"]["values"])
    table = chart["table"]
    assert [row[0] for row in table["rows"]] == [
        f"{w.number} (deload)" if w.deload else str(w.number) for w in plan.weeks
    ]
    assert [row[1] for row in table["rows"]] == [str(w.summary.hard_sets) for w in plan.weeks]
    assert [row[2] for row in table["rows"]] == [
        percent_text(w.summary.mean_intensity) for w in plan.weeks if w.summary.mean_intensity
    ]


def boxes(items: list[dict[str, str]]) -> Iterator[tuple[float, float, float, float]]:
    """Each centred label's box, at least as wide as DejaVu Sans draws it."""
    for item in items:
        half = len(item["label"]) * DIGIT * FONT / 2
        x, y = float(item["x"]), float(item["y"])
        yield (x - half, y - FONT * 0.75, x + half, y)


def overlapping(items: list[dict[str, str]]) -> list[tuple[str, str]]:
    found = list(zip(boxes(items), labels(items), strict=True))
    return [
        (one, other)
        for index, (a, one) in enumerate(found)
        for b, other in found[index + 1 :]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]


@pytest.mark.parametrize("weeks", [1, 4, 16, 30, 52, 104])
def test_no_printed_label_runs_into_another_or_off_the_chart(weeks: int) -> None:
    chart = volume_chart(long_plan(weeks))
    for items in (chart["ticks"], chart["bar_values"], chart["line"]["values"]):
        assert overlapping(items) == []
        for left, _, right, _ in boxes(items):
            assert left >= LEFT - GAP
            assert right <= WIDTH
    # Nor into a panel's title, above the highest value.
    titles = [
        (0.0, float(p["title_y"]) - 9, len(p["title"]) * 12 * 0.6, float(p["title_y"]) + 2)
        for p in chart["panels"]
    ]
    for box in boxes(chart["bar_values"] + chart["line"]["values"]):
        assert not any(
            box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3] for t in titles
        ), box
    # Week numbers far enough apart to read as separate numbers.
    centres = [float(tick["x"]) for tick in chart["ticks"]]
    widest = max(len(label) for label in labels(chart["ticks"])) * DIGIT * FONT
    assert all(b - a >= widest + GAP for a, b in itertools.pairwise(centres))


def test_the_caption_says_what_counts_as_hard() -> None:
    program = program_from_file(PROGRAMS / "five-three-one.yaml")
    assert "60% of the one-rep max or more, or at RPE 6" in volume_chart(expand(program))["counted"]


# --- planned and done ------------------------------------------------------------------------


def one_logged_week() -> Plan:
    """The hip-thrust example with one session logged: 3 x 10 at 90 kg."""
    program = program_from_file(PROGRAMS / "hip-thrust-12wk.yaml")
    first = expand(program).sessions[0]
    done = LoggedExercise("hip_thrust", tuple(LoggedSet(10, Fraction(90)) for _ in range(3)))
    return expand(
        program, TrainingLog(program.id, (LoggedSession(first.date, first.label, (done,)),))
    )


def test_a_single_logged_week_shows_its_point() -> None:
    plan = one_logged_week()
    chart = progress_chart(plan)
    assert chart is not None
    assert chart["maxes"] is not None
    done = [line for line in chart["maxes"]["lines"] if line["kind"] == "done"]
    assert len(done) == 1
    assert len(done[0]["points"]) == 1
    # A line through one point draws nothing: the point is a circle of its own.
    assert float(done[0]["radius"]) >= 2
    # Epley: 90 x (1 + 10/30) = 120, printed above its point.
    assert labels(chart["maxes"]["values"]) == ["120"]
    svg = render(environment(), "_progress.html", {"progress": chart})
    circles = re.findall(r'<circle class="point s0 done" cx="[\d.]+" cy="[\d.]+" r="([\d.]+)"', svg)
    assert len(circles) == 1
    assert float(circles[0]) >= 2


def test_the_progress_table_has_every_figure_planned_and_done() -> None:
    plan = one_logged_week()
    chart = progress_chart(plan)
    assert chart is not None
    rows = chart["table"]["rows"]
    assert len(rows) == len(plan.weeks)
    assert rows[0][:3] == ["1", rows[0][1], "2700"]  # 3 x 10 x 90
    assert rows[0][4] == "120"
    assert all(row[2] == "-" for row in rows[1:])
    assert rows[4][0] == "5 (deload)"


def rendered(plan: Plan) -> str:
    context = {"chart": volume_chart(plan), "progress": progress_chart(plan)}
    return render(environment(), "_chart.html", context) + render(
        environment(), "_progress.html", context
    )


def svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(found) for found in re.findall(r"<svg.*?</svg>", html, flags=re.DOTALL)]


@pytest.mark.parametrize("make", [one_logged_week, long_plan], ids=["logged", "long"])
def test_the_svg_is_well_formed_with_unique_ids_and_colours_as_attributes(make: Any) -> None:
    html = rendered(make())
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)) > 0
    for svg in svgs(html):
        assert svg.get("role") == "img"
        assert svg.get("aria-labelledby") in ids
        assert svg.get("viewBox") == f"0 0 {svg.get('width')} {svg.get('height')}"
        # WeasyPrint has no charts.css: every mark carries its own colour.
        for mark in svg.iter():
            tag = mark.tag.removeprefix(SVG)
            if tag in ("rect", "circle", "text"):
                assert mark.get("fill"), ET.tostring(mark)
            if tag in ("path", "line"):
                assert mark.get("stroke"), ET.tostring(mark)


def test_the_pdf_cover_prints_the_legend_scales_and_values(five_three_one: Plan) -> None:
    pdf = render_pdf(pdf_html(environment(), five_three_one), [data_dir("templates")])
    cover = re.sub(r"\s+", " ", PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text())
    for words in ("Hard sets", "Deload week", "Mean intensity", "% of one-rep max", "Week"):
        assert words in cover
    assert "100%" in cover
    assert "40%" in cover
    # The table of figures is the screen's; on paper each week's page has its figures.
    assert "Every figure" not in cover
