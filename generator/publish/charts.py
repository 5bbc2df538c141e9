"""The overview's charts, as SVG coordinates and labels the templates place: weekly hard
sets and mean intensity from the plan, and once there is a log, planned against done."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from generator.plan.planned_vs_done import WeekProgress, has_log, progress, tracked
from generator.plan.values import Plan
from generator.wording import json_number, rounded

CHART_WIDTH = 640
CHART_HEIGHT = 200


def volume_chart(plan: Plan) -> dict[str, Any]:
    """Weekly hard sets as bars, mean intensity as a line, in SVG coordinates."""
    weeks = plan.weeks
    most_sets = max((week.summary.hard_sets for week in weeks), default=0) or 1
    slot = CHART_WIDTH / len(weeks)
    bars, points = [], []
    for index, week in enumerate(weeks):
        height = CHART_HEIGHT * week.summary.hard_sets / most_sets
        x = index * slot
        bars.append(
            {
                "x": f"{x + slot * 0.15:.1f}",
                "y": f"{CHART_HEIGHT - height:.1f}",
                "width": f"{slot * 0.7:.1f}",
                "height": f"{height:.1f}",
                "deload": week.deload,
                "label": f"Week {week.number}: {week.summary.hard_sets} hard sets",
            }
        )
        intensity = week.summary.mean_intensity
        if intensity is not None:
            y = CHART_HEIGHT * (1 - float(intensity))
            points.append(f"{x + slot / 2:.1f},{y:.1f}")
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "bars": bars,
        "line": " ".join(points),
        "most_sets": most_sets,
    }


# Line colours for the exercises followed in the progress chart, light and dark alike.
SERIES_COLOURS = ("#0b5cad", "#bf3989", "#1a7f37", "#9a6700", "#8250df", "#cf222e")
PLANNED_FILL = "#b8bec6"
DONE_FILL = "#0b5cad"


def progress_chart(plan: Plan) -> dict[str, Any] | None:
    """Planned against done, once there is a log: weekly volume as pairs of bars, and the
    estimated one-rep max of each exercise with a max as lines (dashed: planned)."""
    if not has_log(plan):
        return None
    weeks = progress(plan)
    units = plan.program.units
    slot = Fraction(CHART_WIDTH, len(weeks))
    most = max(max(w.planned_tonnage, w.done_tonnage or 0) for w in weeks) or Fraction(1)
    bars = []
    for index, week in enumerate(weeks):
        for offset, value, kind in (
            (Fraction(1, 10), week.planned_tonnage, "planned"),
            (Fraction(1, 2), week.done_tonnage, "done"),
        ):
            if value is None:
                continue
            height = CHART_HEIGHT * value / most
            bars.append(
                {
                    "x": f"{float(index * slot + slot * offset):.1f}",
                    "y": f"{float(CHART_HEIGHT - height):.1f}",
                    "width": f"{float(slot * 2 / 5):.1f}",
                    "height": f"{float(height):.1f}",
                    "kind": kind,
                    "fill": PLANNED_FILL if kind == "planned" else DONE_FILL,
                    "label": f"Week {week.number}, {kind}: {rounded(value, 1)} {units}",
                }
            )
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "units": units,
        "most": json_number(most, 1),
        "bars": bars,
        **_max_lines(plan, weeks, slot),
    }


def _max_lines(plan: Plan, weeks: Sequence[WeekProgress], slot: Fraction) -> dict[str, Any]:
    """The one-rep max lines, scaled between the lowest and highest value shown."""
    names = tracked(plan)
    values = [v for w in weeks for n, v in (*w.planned_max, *w.done_max) if n in names]
    if not values:
        return {"lines": [], "series": [], "low": None, "high": None}
    low, high = min(values), max(values)
    span = (high - low) or Fraction(1)

    def y(value: Fraction) -> str:
        return f"{float(CHART_HEIGHT - 10 - (CHART_HEIGHT - 20) * (value - low) / span):.1f}"

    lines, series = [], []
    for number_, name in enumerate(names):
        colour = SERIES_COLOURS[number_ % len(SERIES_COLOURS)]
        series.append({"name": plan.program.exercises[name].name, "colour": colour})
        for kind in ("planned", "done"):
            points = []
            for index, week in enumerate(weeks):
                found = dict(week.planned_max if kind == "planned" else week.done_max)
                if name in found:
                    points.append(f"{float(index * slot + slot / 2):.1f},{y(found[name])}")
            if points:
                lines.append(
                    {
                        "points": " ".join(points),
                        "kind": kind,
                        "colour": colour,
                        "series": number_ % len(SERIES_COLOURS),
                    }
                )
    return {
        "lines": lines,
        "series": series,
        "low": json_number(low, 1),
        "high": json_number(high, 1),
    }
