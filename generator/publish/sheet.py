"""The printed week: each exercise's sets as boxes to write in, sessions in two columns,
and a week cut into as few pages as it needs, evenly.

The prescription is printed once, in the boxes' labels ("47.5 x 5+", with a
multiplication sign, and "65% TM" beneath), not as a line and again as a table. Each
set has a box for what was done: the weight (not for bodyweight work), the reps or
seconds, and the RPE only where the spec asks for effort.

This module lays the week out from the heights the print stylesheet gives each part
(kept in step with templates/assets/pdf.css) and the fonts' own widths: which sessions go
on which page (so that a week of a page and a sliver prints as two even pages), where a
column breaks (so a session's heading is never left at a column's foot, and a session
that runs on is headed again), and where each set's label and boxes sit in its row.
WeasyPrint does the rest, and its time goes by the boxes and lines it lays out and the
elements of the pictures it draws: so a row of labels is one line of monospaced text, an
exercise's boxes are one small picture of a rect a box, and a session's labels for its
date, bodyweight and note are one line over a picture common to every session. (A box
for each label and each box took as long as the old layout of a table a week; an SVG's
text costs more to draw than all of its rects.)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from generator.log.values import LoggedSet
from generator.plan.values import Plan, PlannedExercise, PlannedSet
from generator.spec.notation import format_duration
from generator.wording import (
    json_number,
    kind_words,
    logged_done,
    percent_label,
    reps_text,
    rounded,
)

# Between a load and its reps: a multiplication sign in narrow spaces that do not break.
TIMES = "\u202f\u00d7\u202f"
# Heights in mm, as pdf.css lays them out (line heights of 9 pt text at 1.25, boxes 6.5 mm).
LINE = 4.0
HEADING = 6.5  # a session's heading of one line, with its rule
HEADING_LINE = 4.6  # a further line of it (10 pt at 1.3)
DONE_ROW = 7.7  # the session's date done, bodyweight and note boxes
LABEL = 4.0  # a set's label above its boxes
BOX = 7.6  # a set's boxes and the gap below them
EXERCISE_GAP = 1.6  # above an exercise's name
SESSION_GAP = 3.0
WEEK_HEAD = 13.5  # the week's heading and summary line
CONTINUED = 8.0  # the heading of a week's page after its first
SAFETY = 0.995
# A session's boxes, each after its label, with their widths in mm: a box starts
# BOX_LEAD mm after its label, and the next label LABEL_GAP mm or more after the box.
DONE_BOXES = (("Date", 15.0), ("Bodyweight", 14.0), ("Note", 22.0))
BOX_LEAD = 0.8
LABEL_GAP = 0.5
BOX_INSET = 0.8  # what is written in a box starts this far inside it
# Widths in mm: a column of the page, and a set's boxes (with the gap after them).
COLUMN_GAP = 6.0
WEIGHT_BOX = 12.0
REPS_BOX = 8.0
RPE_BOX = 7.0
BOX_GAP = 0.6
CELL_GAP = 1.4
# A character of 9 pt DejaVu Sans Mono, the labels' font, in mm (0.602 em).
CHARACTER = 0.60205078125 * 9 * 25.4 / 72
# Characters of 9 pt DejaVu Sans in a mm of line, about, where the font file is not
# found; where Debian's fonts-dejavu-core puts it.
CHARACTERS_PER_MM = 0.6
FONT_FOLDERS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
# The printable area of each page size in mm (width, height), within pdf.css's margins
# and the running header and footer.
AREAS = {"a4": (190.0, 272.0), "letter": (195.9, 254.4)}


@dataclass(frozen=True)
class Cell:
    """One set as printed: its target and the boxes it leaves to fill in."""

    target: str  # "47.5 x 5+" (a multiplication sign), "10 reps", "30s"
    note: str  # beneath it: "65% TM", "drop set", or ""
    weight: bool  # a box for the weight lifted
    rpe: bool  # a box for the effort
    done: dict[str, str]  # what the log says was done, in the boxes' order

    def columns(self) -> int:
        """The characters of the label line the set takes: room for its boxes and a gap,
        and for its label and a space."""
        boxes = REPS_BOX + (WEIGHT_BOX + BOX_GAP if self.weight else 0)
        boxes += RPE_BOX + BOX_GAP if self.rpe else 0
        fit = math.ceil(round((boxes + CELL_GAP) / CHARACTER, 6))
        return max(fit, len(self.target) + 1, len(self.note) + 1)

    def width(self) -> float:
        """The width the set takes in its row, in mm."""
        return self.columns() * CHARACTER


def placed(cells: Sequence[Cell], noted: bool, width: float) -> dict[str, Any]:
    """The sets laid out in rows across a column `width` mm wide. Each row is a line of
    labels in a monospaced font, each padded with spaces to its set's width (and a line
    of their notes), then room for the row's boxes; the boxes of all the rows are one
    picture (an SVG, positions in mm), printed after the last row and drawn up over the
    room left for them. One picture an exercise rather than a row: each picture costs
    WeasyPrint as much as a few lines of text, before its first rect."""
    rows: list[list[Cell]] = []
    used = 0.0
    for cell in cells:
        if not rows or (used and used + cell.width() > width):
            rows.append([])
            used = 0.0
        rows[-1].append(cell)
        used += cell.width()
    labels = LABEL * (2 if noted else 1)
    tops = [at * (labels + BOX) + labels for at in range(len(rows))]
    boxes = [box for row, top in zip(rows, tops, strict=True) for box in _boxes(row, top)]
    return {
        "width": round(width, 2),
        "height": round(len(rows) * (labels + BOX), 2),
        "rows": [
            {
                "targets": _line([cell.target for cell in row], row),
                "notes": _line([cell.note for cell in row], row) if noted else "",
            }
            for row in rows
        ],
        "picture": _boxes_picture(boxes, tops[-1]) if boxes else "",
        "alt": _alt(cells),
    }


def _line(texts: Sequence[str], cells: Sequence[Cell]) -> str:
    """A row's labels (or notes), each padded to its set's width in characters."""
    padded = (text.ljust(cell.columns()) for text, cell in zip(texts, cells, strict=True))
    return "".join(padded).rstrip()


def _boxes(cells: Sequence[Cell], top: float) -> list[tuple[float, float, float, str]]:
    """A row's boxes, `top` mm down the picture: each as its left and top edges, its
    width and what the log says was done, in mm."""
    boxes, x = [], 0.0
    for cell in cells:
        left = x
        for kind, size in (("weight", WEIGHT_BOX), ("reps", REPS_BOX), ("rpe", RPE_BOX)):
            if kind == "reps" or getattr(cell, kind):
                boxes.append((round(left, 2), round(top, 2), size, cell.done[kind]))
                left += size + BOX_GAP
        x += cell.width()
    return boxes


def _boxes_picture(boxes: Sequence[tuple[float, float, float, str]], last: float) -> str:
    """An exercise's boxes as an SVG in mm, a rect each, with what is written in them:
    nothing more than they need (the stroke set once, on the picture), since WeasyPrint
    draws the picture an element at a time, and the text of a logged set at the cost of
    many rects. The picture's own area is the last row's boxes (`last` mm down from the
    first row's labels): the rows above it are drawn above that, where the page left
    room for them under their labels."""
    rects = "".join(
        f'<rect x="{x}" y="{y}" width="{size}" height="6.5"/>' for x, y, size, _ in boxes
    )
    texts = "".join(
        f'<text x="{round(x + size / 2, 2)}" y="{round(y + 4.4, 2)}">{escape(text)}</text>'
        for x, y, size, text in boxes
        if text
    )
    written = (
        f'<g fill="#000" stroke="none" font-family="DejaVu Sans" font-size="3.175" '
        f'text-anchor="middle">{texts}</g>'
        if texts
        else ""
    )
    width = round(max(x + size for x, _, size, _ in boxes) + 0.3, 2)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}mm" height="{BOX}mm" '
        f'viewBox="-0.15 {round(last - 0.15, 2)} {width} {BOX}" fill="none" stroke="#000" '
        f'stroke-width="0.21">{rects}{written}</svg>'
    )


def _alt(cells: Sequence[Cell]) -> str:
    """What the picture of an exercise's boxes says to a screen reader: what is written
    in them, or what they are for."""
    done = [" ".join(text for text in cell.done.values() if text) for cell in cells]
    if any(done):
        return "Done: " + ", ".join(text or "nothing" for text in done)
    kinds = ["weight" if cells[0].weight else "", "reps or time", "RPE" if cells[0].rpe else ""]
    return f"Boxes for {len(cells)} sets: {', '.join(kind for kind in kinds if kind)}"


def done_row(done_on: str, note: str) -> dict[str, str]:
    """A session's line of labels for the date it was done, the lifter's bodyweight and a
    note (monospaced, each padded to where its box is: done_picture draws the boxes
    under the line), and what the log says goes in the boxes, as a picture laid over
    them ("" if nothing): labels and boxes as a line of text over a picture common to
    every session, since an SVG's own text costs WeasyPrint more than all the rest of
    the picture, and only a logged session has any."""
    columns = zip(DONE_BOXES, _done_columns(), strict=True)
    labels = "".join(label.ljust(end - start) for (label, _), (start, _, end) in columns)
    boxes = zip(_done_lefts(), DONE_BOXES, (done_on, "", note), strict=True)
    written = [
        (left + BOX_INSET, fitted(text, size - 2 * BOX_INSET))
        for left, (_, size), text in boxes
        if text
    ]
    texts = "".join(f'<text x="{round(x, 2)}" y="4.4">{escape(text)}</text>' for x, text in written)
    width = _done_width()
    picture = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}mm" height="6.8mm" '
        f'viewBox="-0.15 -0.15 {width} 6.8" font-family="DejaVu Sans" '
        f'font-size="3.175">{texts}</svg>'
    )
    said = (("done on", done_on), ("note", note))
    alt = "; ".join(f"{what}: {text}" for what, text in said if text)
    return {"labels": labels, "picture": picture if written else "", "alt": alt}


def fitted(text: str, width: float) -> str:
    """A text cut to `width` mm with an ellipsis, for a box it must not overrun (the whole
    note is on the week's page and in plan.json)."""
    if text_width(text) <= width:
        return text
    while text and text_width(text + "\u2026") > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def _done_columns() -> list[tuple[int, int, int]]:
    """Where each of a session's labels starts, where its box starts (in the character
    after the label) and where the next label starts, in characters."""
    columns = []
    start = 0
    for label, size in DONE_BOXES:
        box = (start + len(label)) * CHARACTER + BOX_LEAD
        end = math.ceil(round((box + size + LABEL_GAP) / CHARACTER, 6))
        columns.append((start, start + len(label) + 1, end))
        start = end
    return columns


def _done_lefts() -> list[float]:
    """The left edge of each of a session's boxes, in mm."""
    return [
        round((start + len(label)) * CHARACTER + BOX_LEAD, 2)
        for (label, _), (start, _, _) in zip(DONE_BOXES, _done_columns(), strict=True)
    ]


def _done_width() -> float:
    """The width of a session's row of labels and boxes, in mm, with room for the stroke."""
    return round(_done_lefts()[-1] + DONE_BOXES[-1][1] + 0.3, 2)


def done_picture() -> str:
    """The picture of a session's date, bodyweight and note boxes, drawn under its line
    of labels (done_row), as an SVG in mm: the same for every session."""
    rects = "".join(
        f'<rect x="{left}" y="0" width="{size}" height="6.5"/>'
        for left, (_, size) in zip(_done_lefts(), DONE_BOXES, strict=True)
    )
    width = _done_width()
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}mm" height="6.8mm" '
        f'viewBox="-0.15 -0.15 {width} 6.8" fill="none" stroke="#000" '
        f'stroke-width="0.21">{rects}</svg>'
    )


def sheet_exercise(plan: Plan, exercise: PlannedExercise) -> dict[str, Any]:
    """An exercise as the printed week shows it: its boxes, and what is said around them
    (how to do the sets, once; the warm-up; what the progression says)."""
    work = [s for s in exercise.sets if s.kind != "warmup"]
    done = list(exercise.done.sets) if exercise.done is not None else []
    weight = any(_loaded(s, exercise) for s in work) or any(s.load is not None for s in done)
    rpe = any(s.rpe is not None or s.rir is not None for s in work)
    rpe = rpe or any(s.rpe is not None for s in done)  # an effort logged unasked
    cells = [
        Cell(
            _target(planned, exercise),
            percent_label(planned) or kind_words(planned.kind),
            weight,
            rpe,
            _done(done[index] if index < len(done) else None, exercise.done is not None),
        )
        for index, planned in enumerate(work)
    ]
    cells += [Cell("extra", "", weight, rpe, _done(logged, True)) for logged in done[len(work) :]]
    return {
        "cells": cells,
        "noted": any(cell.note for cell in cells),
        "how": " · ".join(part for part in (_warmup(exercise), _how(work)) if part),
    }


def _loaded(planned: PlannedSet, exercise: PlannedExercise) -> bool:
    """Whether a set has a weight to write down: a load, or equipment whose load the spec
    did not give; plain bodyweight work has none."""
    return planned.load is not None or exercise.equipment is not None or bool(exercise.bodyweight)


def _target(planned: PlannedSet, exercise: PlannedExercise) -> str:
    """A set's target in a box's label: 47.5 x 5+, +10 x 8, 8-12 reps or 30s, with a
    multiplication sign and an en dash."""
    reps = reps_text(planned).replace("-", "\u2013")
    if planned.load is not None:
        return f"{rounded(planned.load)}{TIMES}{reps}"
    if exercise.bodyweight:
        sign = "+" if exercise.bodyweight > 0 else "-"
        return f"{sign}{rounded(abs(exercise.bodyweight))}{TIMES}{reps}"
    if planned.seconds is not None:
        return reps
    return f"{reps} reps" if reps != "max" else "max reps"


def _warmup(exercise: PlannedExercise) -> str:
    """The warm-up ramp, short: 'Warm-up 20 x 10, 40 x 5' (multiplication signs)."""
    ramp = [s for s in exercise.sets if s.kind == "warmup"]
    if not ramp:
        return ""
    sets = (f"{rounded(s.load) if s.load is not None else 'bw'}{TIMES}{s.reps}" for s in ramp)
    return f"Warm-up {', '.join(sets)}"


def _how(work: Sequence[PlannedSet]) -> str:
    """What holds for the sets, said once: RPE or RIR, tempo and rest. The cover says
    the units; the plates per side are the site's (a line of them for each load made
    the printed week a page and a half)."""
    parts = []
    for label, values in (
        ("RPE", [rounded(s.rpe) for s in work if s.rpe is not None]),
        ("RIR", [str(s.rir) for s in work if s.rir is not None]),
        ("tempo", [s.tempo for s in work if s.tempo]),
        ("rest", [format_duration(s.rest) for s in work if s.rest]),
    ):
        unique = list(dict.fromkeys(values))
        if unique:
            parts.append(f"{label} {'/'.join(unique)}")
    return " · ".join(parts)


def _done(logged: LoggedSet | None, was_logged: bool) -> dict[str, str]:
    """A logged set in its boxes; '-' in the reps box for a set the log says was not done."""
    if not was_logged:
        return {"weight": "", "reps": "", "rpe": ""}
    if logged is None:
        return {"weight": "", "reps": "-", "rpe": ""}
    return {
        "weight": rounded(logged.load) if logged.load is not None else "",
        "reps": logged_done(logged),
        "rpe": str(json_number(logged.rpe)) if logged.rpe is not None else "",
    }


def maxes_view(plan: Plan) -> list[dict[str, str]]:
    """The maxes the loads are worked out from, as the spec gives them, for the cover:
    a percentage on a week page is of one of these. To a tenth of a unit: an estimated
    one-rep max (156.257 kg from a tested 5-rep max) is not known to a gram."""
    units = plan.program.units
    rows = []
    for exercise_id, entry in plan.program.maxes.items():
        if entry.one_rm is None and entry.training_max is None:
            continue
        exercise = plan.program.exercises.get(exercise_id)
        rows.append(
            {
                "name": exercise.name if exercise is not None else exercise_id,
                "one_rm": f"{rounded(entry.one_rm, 1)} {units}" if entry.one_rm else "",
                "training_max": (
                    f"{rounded(entry.training_max, 1)} {units}" if entry.training_max else ""
                ),
            }
        )
    return rows


# --- pages ---------------------------------------------------------------------------------


def column_width(page_size: str) -> float:
    """The width of one of a week page's two columns, in mm."""
    return (AREAS[page_size][0] - COLUMN_GAP) / 2


def text_lines(text: str, width: float, lead: float = 0.0, bold: bool = False) -> int:
    """How many lines a text takes in a column `width` mm wide, wrapped at spaces as the
    PDF wraps it, by the widths of the font it is printed in; `lead` mm of the first
    line are taken (by a bold name before it). None if empty and nothing leads it."""
    if not text and not lead:
        return 0
    space = text_width(" ", bold)
    lines = 0
    for paragraph in text.splitlines() or [""]:
        lines += 1
        used, lead = lead, 0.0
        for word in paragraph.split(" "):
            size = text_width(word, bold)
            if used and used + space + size > width:
                lines += 1 + int(size // width)
                used = size % width
            else:
                used += (space if used else 0.0) + size
    return lines


def text_width(text: str, bold: bool = False) -> float:
    """The width of a text in 9 pt DejaVu Sans, in mm: by the font's own advance widths
    when it is installed (as WeasyPrint needs it to be), else by an average character."""
    advances = _advances(bold)
    if advances is None:
        return len(text) / CHARACTERS_PER_MM
    em = advances[None]
    return sum(advances.get(ord(c), em) for c in text)


@cache
def _advances(bold: bool) -> dict[int | None, float] | None:
    """The font's advance width of each character, in mm at 9 pt (None: its em)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    found = next((folder / name for folder in FONT_FOLDERS if (folder / name).is_file()), None)
    if found is None:
        return None
    from fontTools.ttLib import TTFont

    font = TTFont(found, lazy=True)
    scale = 9 * 25.4 / 72 / font["head"].unitsPerEm
    metrics = font["hmtx"]
    advances: dict[int | None, float] = {
        code: metrics[glyph][0] * scale for code, glyph in font.getBestCmap().items()
    }
    advances[None] = font["head"].unitsPerEm * scale * 0.6
    return advances


def exercise_height(view: dict[str, Any], width: float) -> float:
    """The height an exercise's block takes in a column `width` mm wide (the one its
    sets were placed in), in mm."""
    sets = view["sheet"]["sets"]
    # The name, in bold, leads the line of how the sets are done.
    how = view["sheet"]["how"]
    lead = text_width(view["name"], bold=True) + (text_width(" · ") if how else 0.0)
    said = text_lines(how, width, lead) + sum(text_lines(text, width) for text in _texts(view))
    return said * LINE + float(sets["height"]) + EXERCISE_GAP


def _texts(view: dict[str, Any]) -> list[str]:
    """The lines of text an exercise's block prints below its name and boxes."""
    return [
        view["ladder"],
        *view["extras"],
        " · ".join(view["cues"]),
        view["status"],
        view["notes"],
    ]


def session_blocks(view: dict[str, Any], width: float) -> list[float]:
    """The heights of the blocks a session is laid out in, in mm: its heading, boxes and
    notes with its first exercise (they never part), then each further exercise. A
    column breaks only between blocks."""
    said = sum(
        text_lines(text, width)
        for text in (view["logged_note"], view["moved"], view["notes"], *view["extra_done"])
    )
    blocks = [exercise_height(exercise, width) for exercise in view["exercises"]] or [0.0]
    blocks[0] += heading_height(view, width, continued=False) + DONE_ROW + said * LINE
    return blocks


def heading_text(view: dict[str, Any], continued: bool) -> str:
    """A session's heading, as its part of a column prints it."""
    tags = [
        view["day_type"].upper() if view["day_type"] else "",
        "MISSED" if view["missed"] else "",
    ]
    text = f"{view['heading']} · {view['label']}{' (continued)' if continued else ''}"
    return " ".join([text, *(tag for tag in tags if tag)])


def heading_height(view: dict[str, Any], width: float, continued: bool) -> float:
    """The height of a session's heading in a column, in mm: 10 pt bold, wrapped."""
    words = heading_text(view, continued)
    lines = text_lines(words, width * 9 / 10, bold=True)  # 10 pt is 9 pt in 9/10 the room
    return HEADING + (lines - 1) * HEADING_LINE


def week_columns(
    sessions: Sequence[dict[str, Any]], width: float, height: float
) -> list[list[dict[str, Any]]]:
    """The sessions laid out in turn in columns `height` mm high, as parts: a block that
    does not fit moves whole to the next column, and the part of a session there is
    headed again ("continued"). The page breaks its columns where this says, so a
    session's heading is never left at a column's foot."""
    columns: list[list[dict[str, Any]]] = [[]]
    used = 0.0
    for session in sessions:
        part: dict[str, Any] | None = None
        for index, block in enumerate(session_blocks(session, width)):
            if used and used + block > height:
                columns.append([])
                used = heading_height(session, width, continued=True) if index else 0.0
                part = None
            if part is None:
                part = {"session": session, "exercises": [], "continued": index > 0, "last": False}
                columns[-1].append(part)
            part["exercises"].extend(session["exercises"][index : index + 1])
            used += block
        if part is not None:
            part["last"] = True  # what was done beyond the plan is said after it
        used += SESSION_GAP
    return columns


def week_sheets(
    sessions: Sequence[dict[str, Any]], page_size: str, skipped: int = 0
) -> list[list[list[dict[str, Any]]]]:
    """A week's pages, each as its columns of session parts: one page if the sessions
    fill no more than two columns, else as few pages as hold them, cut between sessions
    where the running height passes each even share, so no page is a sliver after a
    full one."""
    width = column_width(page_size)
    # What the stylesheet's sizes leave out (rounding, borders): a margin for error.
    area = AREAS[page_size][1] * SAFETY
    heights = [sum(session_blocks(session, width)) + SESSION_GAP for session in sessions]
    for count in range(1, len(sessions) + 1):
        pages = [
            week_columns(page, width, area - (WEEK_HEAD + skipped * LINE if at == 0 else CONTINUED))
            for at, page in enumerate(_even(list(sessions), heights, count))
        ]
        if all(len(columns) <= 2 for columns in pages):
            return pages
    return [week_columns([session], width, area - CONTINUED) for session in sessions]


def _even(
    sessions: list[dict[str, Any]], heights: Sequence[float], count: int
) -> list[list[dict[str, Any]]]:
    """The sessions in `count` runs of about equal height, cut between sessions."""
    share = sum(heights) / count
    pages: list[list[dict[str, Any]]] = [[]]
    running = 0.0
    for session, height in zip(sessions, heights, strict=True):
        if pages[-1] and running + height / 2 > share * len(pages) and len(pages) < count:
            pages.append([])
        pages[-1].append(session)
        running += height
    return pages
