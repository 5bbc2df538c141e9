"""The parts every chart of the overview is laid out with: the week axis, value scales,
the legend, and how much room a label takes.

A chart is drawn twice from one SVG: by a browser on the site, where charts.css recolours
it for the reader's scheme, and by WeasyPrint on the PDF's cover, which has no charts.css
and no script. So everything a reader needs (which colour is which series, what a height
means, the values themselves) is laid out here as coordinates and text, with colours as
SVG attributes for the PDF and classes for the site.

Sizes are SVG units. On screen the charts are `WIDTH` units wide, about a phone's column
(328 px on a 360 px screen), so that text of `FONT` units is about as many pixels on a
phone. The PDF's stylesheet sets the volume chart's height, which alone sets its text's
size on paper (about 6 pt); it is laid out `PRINT_WIDTH` wide there, to fill the page's
width at that height rather than a phone's.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

WIDTH = 340
PRINT_WIDTH = 880
# The plot runs from LEFT (room for a scale's labels) to RIGHT short of the chart's width.
LEFT = 36
RIGHT = 6
FONT = 11  # week numbers, scale labels and values
TITLE_FONT = 12  # the legend and each panel's title
ROW = 16  # a row of legend, or a panel's title, from its top to the next
# The widest character of DejaVu Sans (the PDF's font and the charts' first choice) among
# digits, % and most letters, as a share of the font size: labels are fitted by it.
CHAR = 0.64
GAP = 3  # the least space between two labels side by side
FONT_FAMILY = "DejaVu Sans, Verdana, sans-serif"
# A label's box: left, top, right, bottom.
Box = tuple[float, float, float, float]
# The highest y drawn between two x (see `value_label`).
Top = Callable[[float, float], float]

# Colours as SVG attributes, for the PDF (the site's charts.css sets them by class from
# the page's light or dark scheme; these are the light scheme's, from style.css).
INK = "#1b1f23"
MUTED = "#57606a"
GRID = "#d0d7de"
BAR = "#0b5cad"
DELOAD = "#8c959f"
INTENSITY = "#bf3989"
# One colour for each exercise followed in the max chart, in the order the spec lists
# the maxes; charts.css has the dark scheme's counterparts.
SERIES_COLOURS = ("#0b5cad", "#bf3989", "#1a7f37", "#9a6700", "#8250df", "#cf222e")

# How many weeks apart labelled weeks may be: round steps, and whole 13-week quarters
# and years for the longest plans.
_WEEK_STEPS = (1, 2, 4, 5, 10, 13, 26, 52, 104, 260, 520, 1040)


def number(value: float) -> str:
    """A coordinate as the SVG gets it: one decimal, the same bytes on every machine.

    >>> number(12), number(1 / 3)
    ('12.0', '0.3')
    """
    return f"{value:.1f}"


def text_width(text: str, size: float = FONT) -> float:
    """About how wide a label is: never less than it takes in DejaVu Sans."""
    return len(text) * CHAR * size


@dataclass(frozen=True, slots=True)
class WeekAxis:
    """The horizontal axis: a slot a week across the plot, and every `step`-th week from
    the first labelled (all of them, when their labels fit side by side)."""

    numbers: tuple[int, ...]
    step: int
    width: int = WIDTH  # the chart's

    @property
    def slot(self) -> float:
        return (self.width - LEFT - RIGHT) / len(self.numbers)

    def left(self, index: int) -> float:
        return LEFT + self.slot * index

    def centre(self, index: int) -> float:
        return LEFT + self.slot * (index + 0.5)

    def labelled(self, index: int) -> bool:
        return index % self.step == 0

    @property
    def thinned(self) -> bool:
        """Whether some weeks have no label (and their values need the figures table)."""
        return self.step > 1 and len(self.numbers) > 1

    def ticks(self, baseline: float) -> list[dict[str, str]]:
        return [
            {"x": number(self.centre(index)), "y": number(baseline), "label": str(week)}
            for index, week in enumerate(self.numbers)
            if self.labelled(index)
        ]


def week_axis(numbers: Sequence[int], widest: float, width: int = WIDTH) -> WeekAxis:
    """The axis for these weeks across a chart `width` wide, labelled as densely as labels
    `widest` units wide allow (a week's number, or a value printed above its week).

    >>> week_axis(range(1, 17), 14).step, week_axis(range(1, 53), 14).step
    (1, 4)
    >>> week_axis(range(1, 53), 14, PRINT_WIDTH).step
    2
    """
    slot = (width - LEFT - RIGHT) / max(len(numbers), 1)
    step = next((s for s in _WEEK_STEPS if s * slot >= widest + GAP), _WEEK_STEPS[-1])
    return WeekAxis(tuple(numbers), step, width)


@dataclass(frozen=True, slots=True)
class Band:
    """A panel's vertical extent: values from `low` to `high` drawn from `bottom` up to
    `top` (SVG's y grows downwards)."""

    top: float
    bottom: float
    low: Fraction
    high: Fraction

    def y(self, value: Fraction | int) -> float:
        share = (Fraction(value) - self.low) / ((self.high - self.low) or 1)
        return self.bottom - float(share) * (self.bottom - self.top)


def _steps() -> Iterator[int]:
    """Round steps for a scale, each larger: 1, 2, 5, 10, 20, 25, 50, 100, 200, 250 ..."""
    yield from (1, 2, 5)
    power = 10
    while True:
        yield from (power, 2 * power, power * 5 // 2, 5 * power)
        power *= 10


def scale(low: Fraction | int, high: Fraction | int, most: int = 3) -> tuple[int, ...]:
    """The values a scale from `low` to at least `high` is labelled at: round numbers, at
    most `most` steps, the first at or below `low` and the last at or above `high`.

    >>> scale(0, 52), scale(0, 0), scale(Fraction(91, 2), 84), scale(120, 131)
    ((0, 20, 40, 60), (0, 1), (40, 60, 80, 100), (120, 125, 130, 135))
    """
    for step in _steps():
        first = math.floor(Fraction(low) / step) * step
        last = max(math.ceil(Fraction(high) / step) * step, first + step)
        if (last - first) // step <= most:
            return tuple(range(first, last + 1, step))
    raise AssertionError("unreachable: the steps grow without end")


# Above a panel's highest value, room for the value printed over it.
VALUE_ROOM = 18


def panel(
    top: float, height: float, ticks: Sequence[int], title: str
) -> tuple[Band, dict[str, Any]]:
    """A panel whose title starts at `top`: its band of values from the scale's first tick to
    its last, and what the template draws (title, grid lines and their labels, baseline)."""
    area = top + ROW
    band = Band(area + VALUE_ROOM, area + height, Fraction(ticks[0]), Fraction(ticks[-1]))
    return band, {
        "title": title,
        "title_y": number(top + 12),
        "baseline": number(band.bottom),
    }


def scale_lines(
    band: Band, values: Sequence[int], label: Any, width: int = WIDTH
) -> list[dict[str, str]]:
    """A scale's grid lines across the plot and their labels at the left, `label(value)`."""
    return [
        {
            "y": number(band.y(value)),
            "text_y": number(band.y(value) + FONT * 0.35),
            "x": number(LEFT - 4),
            "x1": number(LEFT),
            "x2": number(width - RIGHT),
            "label": label(value),
        }
        for value in values
    ]


@dataclass(frozen=True, slots=True)
class Key:
    """A legend entry: a swatch of one kind (box, line or dashed), its classes (which
    charts.css colours) and attribute colour (which the PDF draws), and what it stands for."""

    kind: str
    label: str
    classes: str
    colour: str


def legend(
    keys: Sequence[Key], width: int = WIDTH, start: float = 0.0
) -> tuple[list[dict[str, Any]], float]:
    """The legend laid out in rows from `start` across the chart's width (a row that would
    run past it starts again at the left), and the height it takes."""
    placed, x, top = [], start, 0.0
    for key in keys:
        room = legend_width([key])
        if x > 0 and x + room > width:
            x, top = 0.0, top + ROW
        placed.append(
            {
                "kind": key.kind,
                "label": key.label,
                "classes": key.classes,
                "colour": key.colour,
                "x": number(x),
                "x_end": number(x + 14),
                "x_mid": number(x + 7),
                "y": number(top + 3),
                "y_mid": number(top + 8),
                "text_x": number(x + 18),
                "text_y": number(top + 12),
            }
        )
        x += room
    return placed, top + ROW


def legend_width(keys: Sequence[Key]) -> float:
    """How wide the legend is in one row: each key a swatch, its label and a space."""
    return sum(18 + text_width(key.label, TITLE_FONT) * 0.9 + 10 for key in keys)


def fits(box: Box, taken: Sequence[Box]) -> bool:
    """Whether a label's box (left, top, right, bottom) clears every box already taken."""
    left, top, right, bottom = box
    return all(
        right <= other[0] or other[2] <= left or bottom <= other[1] or other[3] <= top
        for other in taken
    )


def value_label(
    x: float, y: float, text: str, top: Top | None = None, width: int = WIDTH
) -> tuple[dict[str, str], Box]:
    """A value printed centred above a point at (x, y) (kept inside the plot), and the box
    it covers. `top(left, right)`, when given, is the highest thing drawn between those
    x (a taller neighbour's bar, the line rising to the next point): the value goes above
    it, so that nothing is drawn through its digits."""
    half = text_width(text) / 2
    x = min(max(x, LEFT + half), width - RIGHT - half)
    if top is not None:
        y = min(y, top(x - half, x + half) - 3)
    baseline = y - 4
    return (
        {"x": number(x), "y": number(baseline), "label": text},
        (x - half, baseline - FONT * 0.8, x + half, baseline + 1),
    )


def highest(*tops: Top) -> Top:
    """The highest of several things drawn, between two x."""
    return lambda left, right: min(top(left, right) for top in tops)


def line_top(points: Sequence[tuple[float, float]]) -> Top:
    """For a line through these points (left to right), its highest y between two x.

    >>> line_top([(0, 50), (10, 0), (20, 50)])(2, 4), line_top([(0, 50)])(-5, 5)
    (30.0, 50)
    """

    def top(left: float, right: float) -> float:
        found = [y for x, y in points if left <= x <= right]
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            for x in (left, right):
                if x0 < x < x1:
                    found.append(y0 + (y1 - y0) * (x - x0) / (x1 - x0))
        return min(found, default=float("inf"))

    return top


def whole(value: Fraction) -> int:
    """A value rounded to a whole number, halves up (the same on every machine).

    >>> whole(Fraction(129, 2)), whole(Fraction(257, 4)), whole(Fraction(-1, 2))
    (65, 64, 0)
    """
    return math.floor(value + Fraction(1, 2))


def compact(value: Fraction | int) -> str:
    """A large quantity in few characters, for a scale or a bar: 950, 7.2k, 12k, 1.3M.

    >>> [compact(v) for v in (950, 7160, 12499, 120000, 1250000)]
    ['950', '7.2k', '12k', '120k', '1.3M']
    """
    value = Fraction(value)
    for limit, suffix in ((Fraction(10**6), "M"), (Fraction(1000), "k")):
        if value >= limit:
            scaled = value / limit
            if scaled >= 10:
                return f"{whole(scaled)}{suffix}"
            tenths = whole(scaled * 10)
            return f"{tenths // 10}.{tenths % 10}{suffix}".replace(".0" + suffix, suffix)
    return str(whole(value))
