"""The overview's charts: weekly hard sets and mean intensity from the plan, and once there
is a log, planned against done. Each is laid out here (see `chart_layout`) as SVG
coordinates and display-ready text, for `_chart.html` and `_progress.html`.

Every value can be read without hovering: printed on the chart above its bar or point
where there is room, and where there is not (a long plan, or figures too wide for their
week), in a table of figures beside the chart that the reader can open.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from generator.plan.planned_vs_done import WeekProgress, has_log, progress, tracked
from generator.plan.values import Plan, PlannedWeek
from generator.publish.chart_layout import (
    BAR,
    DELOAD,
    FONT,
    FONT_FAMILY,
    GRID,
    INK,
    INTENSITY,
    LEFT,
    MUTED,
    PRINT_WIDTH,
    RIGHT,
    SERIES_COLOURS,
    WIDTH,
    Band,
    Box,
    Key,
    WeekAxis,
    compact,
    fits,
    highest,
    legend,
    legend_width,
    line_top,
    number,
    panel,
    scale,
    scale_lines,
    text_width,
    value_label,
    week_axis,
    whole,
)
from generator.wording import percent_text, rounded

PALETTE = {
    "ink": INK,
    "muted": MUTED,
    "grid": GRID,
    "bar": BAR,
    "deload": DELOAD,
    "intensity": INTENSITY,
}


def _frame(axis: WeekAxis, bottom: float) -> dict[str, Any]:
    """What every chart has below its last panel: the week numbers, and its size."""
    baseline = bottom + 15
    return {
        "width": axis.width,
        "height": int(baseline + 5),
        "ticks": axis.ticks(baseline),
        "ticks_y": number(baseline),
        "week_x": number(LEFT - 4),
        "colours": PALETTE,
        "font_family": FONT_FAMILY,
        "font_size": FONT,
    }


# --- hard sets and intensity -----------------------------------------------------------------


def volume_chart(plan: Plan) -> dict[str, Any]:
    """Weekly hard sets as bars (deloads grey) under the mean intensity as a line with a
    point a week, each panel with its own scale, the weeks numbered below, and a legend:
    laid out for the screen, with the same laid out wider under "print" for the PDF, whose
    stylesheet sets the chart's height (see chart_layout).

    Two panels, not one with a scale on each side: a reader cannot tell which of two
    scales a line is read against, and printed values of the two would collide."""
    return {**_volume_layout(plan, WIDTH), "print": _volume_layout(plan, PRINT_WIDTH)}


def _volume_layout(plan: Plan, width: int) -> dict[str, Any]:
    weeks = plan.weeks
    sets = [week.summary.hard_sets for week in weeks]
    percents = [_percent(week) for week in weeks]
    shown = [str(weeks[-1].number), *map(str, sets)]
    shown += [str(whole(p)) for p in percents if p is not None]
    axis = week_axis([week.number for week in weeks], max(map(text_width, shown)), width)
    keys = [Key("box", "Hard sets", "k-bar", BAR)]
    if any(week.deload for week in weeks):
        keys.append(Key("box", "Deload week", "k-deload", DELOAD))
    line = any(p is not None for p in percents)
    if line:
        keys.append(Key("line", "Mean intensity", "k-intensity", INTENSITY))
    # Printed, the chart is wide and its height is set: the legend shares the first panel's
    # title row, and the height it would take goes to the bars.
    beside = width - RIGHT - legend_width(keys) if width == PRINT_WIDTH else None
    placed, top = legend(keys, width, beside or 0.0)
    top = -4 if beside else top
    chart: dict[str, Any] = {"legend": placed, "panels": [], "line": None}
    if line:
        known = [p for p in percents if p is not None]
        ticks = scale(min(known), max(known))
        band, drawn = panel(top + 4, 66, ticks, "Mean intensity, % of one-rep max")
        drawn["grid"] = scale_lines(band, ticks, lambda value: f"{value}%", width)
        chart["panels"].append(drawn)
        chart["line"] = _intensity_line(axis, band, percents)
        top = band.bottom + 10
    ticks = scale(0, max(sets))
    band, drawn = panel(top + 4, 94 if beside else 74, ticks, "Hard sets a week")
    drawn["grid"] = scale_lines(band, ticks, str, width)
    chart["panels"].append(drawn)
    chart["bars"], chart["bar_values"] = _hard_set_bars(axis, band, weeks)
    chart["table"] = _volume_table(weeks) if axis.thinned else None
    chart["counted"] = _counted(plan)
    return {**chart, **_frame(axis, band.bottom)}


def _counted(plan: Plan) -> str:
    """What the bars count, in the program's own threshold (see summary.py)."""
    threshold = plan.program.hard_sets
    return (
        f"work sets at {percent_text(threshold.intensity)} of the one-rep max or more, or at "
        f"RPE {rounded(threshold.rpe, 1)} or more (a set that gives neither counts too)"
    )


def _percent(week: PlannedWeek) -> Fraction | None:
    share = week.summary.mean_intensity
    return share * 100 if share is not None else None


def _hard_set_bars(
    axis: WeekAxis, band: Band, weeks: Sequence[PlannedWeek]
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    tops = [band.y(week.summary.hard_sets) for week in weeks]

    def top(left: float, right: float) -> float:
        first = max(0, int((left - LEFT) // axis.slot))
        return min(tops[first : int((right - LEFT) // axis.slot) + 1], default=float("inf"))

    bars, values = [], []
    for index, week in enumerate(weeks):
        count, y = week.summary.hard_sets, tops[index]
        bars.append(
            {
                "x": number(axis.left(index) + axis.slot * 0.15),
                "y": number(y),
                "width": number(axis.slot * 0.7),
                "height": number(band.bottom - y),
                "deload": week.deload,
                "label": f"Week {week.number}: {count} hard sets"
                + (" (deload)" if week.deload else ""),
            }
        )
        if axis.labelled(index):
            values.append(value_label(axis.centre(index), y, str(count), top, axis.width)[0])
    return bars, values


def _intensity_line(
    axis: WeekAxis, band: Band, percents: Sequence[Fraction | None]
) -> dict[str, Any]:
    """The line through each week's mean intensity (broken where a week has none), a
    point at each week (so a single week shows), and the values printed above them."""
    at = {
        index: (axis.centre(index), band.y(value))
        for index, value in enumerate(percents)
        if value is not None
    }
    top = line_top(list(at.values()))
    values = []
    for index, (x, y) in at.items():
        value = percents[index]
        if axis.labelled(index) and value is not None:
            values.append(value_label(x, y - 2, str(whole(value)), top, axis.width)[0])
    return {
        "path": _path(at),
        "points": [{"x": number(x), "y": number(y)} for x, y in at.values()],
        "radius": number(_radius(axis)),
        "values": values,
    }


def _radius(axis: WeekAxis) -> float:
    """A point's radius: 3 units, less where weeks are too narrow for it."""
    return max(1.5, min(3.0, axis.slot * 0.3))


def _volume_table(weeks: Sequence[PlannedWeek]) -> dict[str, Any]:
    return {
        "caption": "Hard sets and mean intensity each week",
        "head": ["Week", "Hard sets", "Mean intensity"],
        "rows": [
            [
                f"{week.number} (deload)" if week.deload else str(week.number),
                str(week.summary.hard_sets),
                percent_text(week.summary.mean_intensity)
                if week.summary.mean_intensity is not None
                else "-",
            ]
            for week in weeks
        ],
    }


# --- planned and done ------------------------------------------------------------------------

# A progress panel's height: the PDF's cover prints the two charts side by side, each about
# 88 mm wide on A4, and keeps to one page with them this low.
PROGRESS_HEIGHT = 66


def progress_chart(plan: Plan) -> dict[str, Any] | None:
    """Planned against done, once there is a log: the weekly volume (tonnage) as pairs of
    bars, and the estimated one-rep max of each exercise followed as lines, dashed as
    planned and solid as done, with a point at each week (a single logged week shows as a
    point: a line through one point draws nothing). The figures, planned and done, are all
    in a table beside them: tonnage needs more characters than a week's slot has."""
    if not has_log(plan):
        return None
    weeks = progress(plan)
    units = plan.program.units
    numbers = [week.number for week in weeks]
    axis = week_axis(numbers, text_width(str(numbers[-1])))
    names = tracked(plan)
    return {
        "units": units,
        "tonnage": _tonnage_chart(weeks, axis, units),
        "maxes": _max_chart(plan, weeks, axis, names),
        "table": _progress_table(plan, weeks, names),
    }


def _tonnage_chart(weeks: Sequence[WeekProgress], axis: WeekAxis, units: str) -> dict[str, Any]:
    placed, top = legend(
        [Key("box", "Planned", "k-planned", DELOAD), Key("box", "Done", "k-done", BAR)]
    )
    most = max(max(week.planned_tonnage, week.done_tonnage or 0) for week in weeks)
    ticks = scale(0, most, most=2)
    band, drawn = panel(top + 4, PROGRESS_HEIGHT, ticks, f"Volume a week, {units} (reps x load)")
    drawn["grid"] = scale_lines(band, ticks, compact)
    bars, values = _tonnage_bars(weeks, axis, band, units)
    return {
        "legend": placed,
        "panels": [drawn],
        "bars": bars,
        "values": values,
        **_frame(axis, band.bottom),
    }


def _tonnage_bars(
    weeks: Sequence[WeekProgress], axis: WeekAxis, band: Band, units: str
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """A pair of bars a week, planned then done; the done figure printed above the pair
    where it clears the figures already printed."""
    drawn: list[tuple[float, float, float]] = []  # each bar's left, right and top
    done: list[tuple[float, float, Fraction]] = []  # each done bar's centre, top and value
    bars = []
    for index, week in enumerate(weeks):
        for offset, value, kind in (
            (0.1, week.planned_tonnage, "planned"),
            (0.5, week.done_tonnage, "done"),
        ):
            if value is None:
                continue
            x, y, width = axis.left(index) + axis.slot * offset, band.y(value), axis.slot * 0.4
            drawn.append((x, x + width, y))
            if kind == "done":
                done.append((x + width / 2, y, value))
            bars.append(
                {
                    "x": number(x),
                    "y": number(y),
                    "width": number(width),
                    "height": number(band.bottom - y),
                    "kind": kind,
                    "fill": DELOAD if kind == "planned" else BAR,
                    "label": f"Week {week.number}, {kind}: {rounded(value, 1)} {units}",
                }
            )

    def top(left: float, right: float) -> float:
        return min((y for x0, x1, y in drawn if x0 < right and left < x1), default=float("inf"))

    return bars, _printed([value_label(x, y, compact(value), top) for x, y, value in done])


def _printed(candidates: Sequence[tuple[dict[str, str], Box]]) -> list[dict[str, str]]:
    """The labels that clear every label printed before them, in order."""
    taken: list[Box] = []
    printed = []
    for label, box in candidates:
        if fits(box, taken):
            taken.append(box)
            printed.append(label)
    return printed


def _max_chart(
    plan: Plan, weeks: Sequence[WeekProgress], axis: WeekAxis, names: Sequence[str]
) -> dict[str, Any] | None:
    """The estimated one-rep max lines, on a scale from the lowest value shown to the highest."""
    values = [v for w in weeks for n, v in (*w.planned_max, *w.done_max) if n in names]
    if not values:
        return None
    keys = [
        Key(
            "line",
            plan.program.exercises[name].name,
            f"k-s{index % len(SERIES_COLOURS)}",
            _colour(index),
        )
        for index, name in enumerate(names)
    ]
    keys += [Key("dashed", "Planned", "k-plain", MUTED), Key("line", "Done", "k-plain", MUTED)]
    placed, top = legend(keys)
    ticks = scale(min(values), max(values), most=2)
    title = f"Estimated one-rep max, {plan.program.units}"
    band, drawn = panel(top + 4, PROGRESS_HEIGHT, ticks, title)
    drawn["grid"] = scale_lines(band, ticks, str)
    lines, labels = _max_lines(weeks, axis, band, names)
    return {
        "legend": placed,
        "panels": [drawn],
        "lines": lines,
        "values": labels,
        **_frame(axis, band.bottom),
    }


def _colour(index: int) -> str:
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


def _max_lines(
    weeks: Sequence[WeekProgress], axis: WeekAxis, band: Band, names: Sequence[str]
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Each exercise's line as planned and as done, with a point a week; and the done
    values printed above their points, clear of the exercise's two lines, where they
    clear every value already printed."""
    lines, candidates = [], []
    radius = _radius(axis)
    for series, name in enumerate(names):
        at = {
            kind: {
                index: (axis.centre(index), band.y(value))
                for index, week in enumerate(weeks)
                if (value := dict(getattr(week, f"{kind}_max")).get(name)) is not None
            }
            for kind in ("planned", "done")
        }
        for kind, points in at.items():
            if points:
                lines.append(
                    {
                        "path": _path(points),
                        "points": [{"x": number(x), "y": number(y)} for x, y in points.values()],
                        "radius": number(radius if kind == "done" else radius * 0.75),
                        "kind": kind,
                        "colour": _colour(series),
                        "series": series % len(SERIES_COLOURS),
                    }
                )
        top = highest(*(line_top(list(points.values())) for points in at.values()))
        for index, (x, y) in at["done"].items():
            value = dict(weeks[index].done_max)[name]
            candidates.append(value_label(x, y - radius, str(whole(value)), top))
    return lines, _printed(candidates)


def _path(points: dict[int, tuple[float, float]]) -> str:
    """An SVG path through the points of consecutive weeks, broken where a week is missing."""
    return " ".join(
        f"{'L' if index - 1 in points else 'M'}{number(x)} {number(y)}"
        for index, (x, y) in points.items()
    )


def _progress_table(
    plan: Plan, weeks: Sequence[WeekProgress], names: Sequence[str]
) -> dict[str, Any]:
    units = plan.program.units
    head = ["Week", f"Volume planned ({units})", f"Volume done ({units})"]
    for name in names:
        title = plan.program.exercises[name].name
        head += [f"{title} max planned", f"{title} max done"]
    rows = []
    for week in weeks:
        planned, done = dict(week.planned_max), dict(week.done_max)
        row = [
            f"{week.number} (deload)" if week.deload else str(week.number),
            rounded(week.planned_tonnage, 1),
            rounded(week.done_tonnage, 1) if week.done_tonnage is not None else "-",
        ]
        for name in names:
            row += [_maybe(planned.get(name)), _maybe(done.get(name))]
        rows.append(row)
    return {"caption": f"Planned and done each week, in {units}", "head": head, "rows": rows}


def _maybe(value: Fraction | None) -> str:
    return rounded(value, 1) if value is not None else "-"
