"""Display-ready values for the site's templates.

Templates only place values; every number is formatted, every label worded and
every link made relative here, so a template override cannot get a plan wrong.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.log.values import LoggedSet
from generator.plan.values import (
    Plan,
    PlannedExercise,
    PlannedSession,
    PlannedSet,
    PlannedWeek,
)
from generator.publish.charts import progress_chart, volume_chart
from generator.publish.formats import downloadable, named
from generator.wording import (
    band_tension,
    describe_sets,
    exercise_name,
    group_sets,
    how_words,
    json_number,
    kind_words,
    load_label,
    logged_done,
    logged_set,
    logged_sets_brief,
    logged_weight,
    percent_label,
    reps_words,
    rounded,
    session_name,
    set_target,
    shifted_text,
    skipped_text,
    technique_text,
    warmup_text,
    week_summary,
)


def page(title: str, root: str, description: str = "") -> dict[str, Any]:
    """What every page's base template needs: its title, the way back to the root, and
    what a search result or a shared link says of it (one line, at most 300 characters)."""
    line = " ".join(description.split())
    if len(line) > DESCRIPTION_LENGTH:
        line = line[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return {
        "title": title,
        "root": root,
        "lang": "en",
        "canonical": None,
        "description": line,
        "site_title": "",
    }


# What a page's <meta name="description"> holds at most: search engines show some 160.
DESCRIPTION_LENGTH = 300


def week_file(number: int) -> str:
    return f"week-{number:02d}.html"


@dataclass(frozen=True)
class Listing:
    """A program as the site's index lists it. The build cache keeps it, so the index of
    many programs is made without expanding the ones that did not change."""

    id: str
    title: str
    athlete: str
    span: str


def listing(plan: Plan) -> Listing:
    first, last = plan.weeks[0].start, plan.weeks[-1].end
    span = f"{len(plan.weeks)} weeks, {first:%d %b %Y} to {last:%d %b %Y}"
    return Listing(plan.program.id, plan.program.title, plan.program.athlete, span)


def index_view(listings: Sequence[Listing], site_title: str = "") -> dict[str, Any]:
    """The index: programs grouped by athlete (alphabetically, the programs of no named
    athlete last), so a coach's site reads as a roster."""
    groups: dict[str, list[dict[str, str]]] = {}
    order = sorted(
        listings, key=lambda entry: (not entry.athlete, entry.athlete.casefold(), entry.id)
    )
    for entry in order:
        groups.setdefault(entry.athlete, []).append(
            {"title": entry.title, "href": f"{entry.id}/index.html", "span": entry.span}
        )
    count = len(listings)
    return {
        **page(site_title or "Programs", "", f"{count} training program{'s' * (count != 1)}"),
        "heading": site_title or "Programs",
        "groups": [
            {"athlete": athlete, "programs": programs} for athlete, programs in groups.items()
        ],
    }


# The most a printed volume holds, in rows (a set's, an exercise's or a session's; see
# print_rows): about 90 pages of the two-column week. WeasyPrint holds a whole document's
# layout in memory until it writes it (some 40 KiB a row), so a long plan is printed in
# volumes, each laid out on its own: some 300 MiB at most, however long the program
# (bench/limits.py --pdf: 272 MiB for the longest printable plan).
VOLUME_ROWS = 6000
# The most rows one program's PDF may hold, in all its volumes: about 1,500 pages.
MAX_PRINT_ROWS = 100_000
# Rows on a printed page, about: 40 to 90 in the examples, most near 65.
ROWS_PER_PAGE = 65


@dataclass(frozen=True)
class Volume:
    """Weeks printed together in one PDF, and the file and link text for it."""

    first: int
    last: int
    href: str
    label: str
    number: int
    count: int


def print_rows(week: PlannedWeek) -> int:
    """How many rows the week takes on paper: its heading, each session's and
    exercise's heading, and a row for each set."""
    return 2 + sum(
        2 + sum(1 + len(exercise.sets) for exercise in session.exercises)
        for session in week.sessions
    )


def pdf_volumes(plan: Plan, most_rows: int | None = None) -> tuple[Volume, ...]:
    """The plan's weeks cut into as few volumes of at most `most_rows` rows as the even
    split allows (a week longer than that is a volume alone), cut where the running
    total passes each even share, so a long plan prints as volumes of like size. A plan
    that fits in one is one volume, plan.pdf, as it always was.
    """
    most_rows = most_rows or VOLUME_ROWS
    rows = [print_rows(week) for week in plan.weeks]
    count = max(1, -(-sum(rows) // most_rows))
    while True:
        groups = _split(rows, count)
        if all(sum(group) <= most_rows or len(group) == 1 for group in groups):
            break
        count += 1
    if len(groups) == 1:
        pdf = named("pdf")
        return (Volume(1, len(rows), pdf.file, pdf.label, 1, 1),)
    volumes, first = [], plan.weeks[0].number
    for index, group in enumerate(groups, start=1):
        last = first + len(group) - 1
        href = f"plan-weeks-{first:02d}-{last:02d}.pdf"
        label = f"Printable plan, weeks {first}-{last} (PDF)"
        volumes.append(Volume(first, last, href, label, index, len(groups)))
        first = last + 1
    return tuple(volumes)


def _split(rows: Sequence[int], count: int) -> list[list[int]]:
    """`rows` in `count` runs or fewer, each cut at the week where the running total
    first reaches the next even share."""
    total = sum(rows)
    groups: list[list[int]] = [[]]
    running = 0
    for size in rows:
        share = total * len(groups) / count
        if groups[-1] and running + size / 2 > share and len(groups) < count:
            groups.append([])
        groups[-1].append(size)
        running += size
    return groups


def _downloads(plan: Plan, formats: Sequence[str]) -> list[dict[str, str]]:
    """A link to each file built beside the pages, in the order the formats are known;
    a long plan's PDF is in volumes."""
    links = []
    for form in downloadable(formats):
        if form.name == "pdf":
            links += [{"href": v.href, "label": v.label} for v in pdf_volumes(plan)]
        else:
            links.append({"href": form.file, "label": form.label})
    return links


def program_view(plan: Plan, formats: Sequence[str] = ()) -> dict[str, Any]:
    """The overview; `formats` are the files built beside it, which it links to."""
    program = plan.program
    return {
        **page(
            program.title, "../", program.description or f"{program.title}: {listing(plan).span}"
        ),
        "program": {
            "title": program.title,
            "athlete": program.athlete,
            "coach": program.coach,
            "description": program.description,
            "notes": program.notes,
            "span": listing(plan).span,
            "units": program.units,
            "links": [{"title": title, "url": url} for title, url in program.links],
        },
        "phases": [
            {
                "name": phase.name,
                "weeks": f"{phase.first_week}-{phase.last_week}",
                "goal": phase.goal,
                "model": phase.model,
                "notes": phase.notes,
            }
            for phase in program.phases
        ],
        "chart": volume_chart(plan),
        "progress": progress_chart(plan),
        "downloads": _downloads(plan, formats),
        "weeks": [_calendar_week(week) for week in plan.weeks],
        "first": {
            "date": plan.weeks[0].start.isoformat(),
            "text": f"{plan.weeks[0].start:%a %d %b}",
        },
        "last": {
            "date": plan.weeks[-1].end.isoformat(),
            "text": f"{plan.weeks[-1].end:%a %d %b %Y}",
        },
    }


def _calendar_week(week: PlannedWeek) -> dict[str, Any]:
    """A week of the overview's calendar: its heading and a cell a day, each session a
    link to its place on the week's page. The dates are data for the page's script,
    which marks today and links to this week (the build itself knows no today)."""
    sessions: dict[datetime.date, list[PlannedSession]] = {}
    for session in week.sessions:
        sessions.setdefault(session.date, []).append(session)
    skipped = {skip.date: skip for skip in week.skipped}
    days = []
    for offset in range((week.end - week.start).days + 1):
        day = week.start + datetime.timedelta(days=offset)
        skip = skipped.get(day)
        days.append(
            {
                "date": day.isoformat(),
                "weekday": f"{day:%a}",
                "day": str(day.day),
                "sessions": [_calendar_session(week, s) for s in sessions.get(day, [])],
                "skipped": f"{day:%a %d %b}: " + shifted_text(skip)
                if skip is not None and skip.outcome == "shifted"
                else "",
            }
        )
    return {
        "number": week.number,
        "href": week_file(week.number),
        "phase": week.phase,
        "dates": f"{week.start:%d %b} to {week.end:%d %b}",
        "start": week.start.isoformat(),
        "end": week.end.isoformat(),
        "deload": week.deload,
        "days": days,
    }


def _calendar_session(week: PlannedWeek, session: PlannedSession) -> dict[str, str]:
    state = "done" if session.logged is not None else "missed" if session.missed else ""
    return {
        "href": f"{week_file(week.number)}#{session_anchor(session)}",
        "name": _calendar_line(session),
        "title": session_name(session),
        "label": session.label,
        "state": state,
    }


def session_anchor(session: PlannedSession) -> str:
    """A session's id on its week's page: its date and label, unique in the plan."""
    return f"{session.date.isoformat()}-{session.label}"


def _calendar_line(session: PlannedSession) -> str:
    return f"{session.date:%a %d %b}: {session_name(session)}" + _logged_mark(session)


def _logged_mark(session: PlannedSession) -> str:
    """How the calendar marks a session the training log speaks of."""
    if session.logged is not None:
        return " (done)"
    return " (missed)" if session.missed else ""


def week_view(plan: Plan, week: PlannedWeek) -> dict[str, Any]:
    program = plan.program
    previous = week.number - 1 if week.number > 1 else None
    following = week.number + 1 if week.number < len(plan.weeks) else None
    summary = week_summary(week.summary, program.units)
    return {
        **page(
            f"{program.title}: week {week.number}",
            "../",
            f"{program.title}, week {week.number} of {len(plan.weeks)}: {week.phase}, "
            f"{week.start:%d %b} to {week.end:%d %b %Y}. {summary}.",
        ),
        "program": {"title": program.title, "athlete": program.athlete},
        "week": {
            "number": week.number,
            "phase": week.phase,
            "dates": f"{week.start:%d %b} to {week.end:%d %b %Y}",
            "deload": week.deload,
            "skipped": [
                f"{skip.date:%a %d %b}: " + skipped_text(skip, "no training")
                for skip in week.skipped
            ],
            "summary": summary,
        },
        "previous": week_file(previous) if previous else None,
        "next": week_file(following) if following else None,
        "sessions": [_session(plan, session) for session in week.sessions],
    }


def _session(plan: Plan, session: PlannedSession) -> dict[str, Any]:
    heading = f"{session.date:%A %d %B}"
    return {
        "id": session_anchor(session),
        "date": session.date.isoformat(),
        "heading": heading,
        "label": session.title or f"Session {session.label}",
        "day_type": f"{session.day_type} day" if session.day_type else "",
        "moved": f"moved from {session.moved_from:%a %d %b}" if session.moved_from else "",
        "notes": session.notes,
        "missed": session.missed,
        "logged_note": session.logged.note if session.logged is not None else "",
        "extra_done": _extra_done(plan, session),
        "exercises": [_exercise(plan, exercise) for exercise in session.exercises],
    }


def _extra_done(plan: Plan, session: PlannedSession) -> list[str]:
    """Exercises logged in a session that the plan did not have in it."""
    if session.logged is None:
        return []
    claimed = [e.done for e in session.exercises if e.done is not None]
    units = plan.program.units
    found = []
    for done in session.logged.exercises:
        if done in claimed:
            continue
        exercise = plan.program.exercises.get(done.exercise)
        name = exercise.name if exercise is not None else done.exercise
        found.append(f"{name}: {logged_sets_brief(done.sets, units)}")
    return found


def _exercise(plan: Plan, exercise: PlannedExercise) -> dict[str, Any]:
    units = plan.program.units
    prescribed = plan.program.exercises[exercise.prescribed].name
    extras = []
    if exercise.band:
        extras.append(f"Band: {exercise.band}{band_tension(exercise, units)}")
    if exercise.technique:
        extras.append(f"Technique: {technique_text(exercise.technique)} on the last set")
    return {
        "name": exercise_name(exercise),
        "ladder": (
            f"A step up the ladder from {prescribed}"
            if exercise.exercise != exercise.prescribed
            else ""
        ),
        "warmup": warmup_text(exercise, units),
        "lines": [
            set_line(group, units, exercise)
            for group in group_sets([s for s in exercise.sets if s.kind != "warmup"])
        ],
        "log_rows": _log_rows(exercise, units) if exercise.done is not None else [],
        "done": exercise.done is not None,
        "extras": extras,
        "notes": exercise.notes,
        "status": exercise.status,
        "cues": list(exercise.cues),
    }


def set_line(group: list[PlannedSet], units: str, exercise: PlannedExercise) -> dict[str, Any]:
    """A run of identical sets as the week page sets it out, in the order a lifter needs
    it between sets: the load (large), how many of how many reps, then the share of the max
    it came from, what loads the bar (plates per side) and how the sets are done (effort,
    tempo, rest). `text` is the whole line in words, as the other outputs say it."""
    first = group[0]
    how = []
    if first.percent is not None:
        how.append(percent_label(first))
    if first.plates:
        how.append("per side " + " + ".join(rounded(p) for p in first.plates))
    how += how_words(first)
    return {
        "kind": kind_words(first.kind),
        "load": load_label(first.load, units, exercise),
        "reps": f"{len(group)} \u00d7 {reps_words(first)}",
        "details": how,
        "text": describe_sets(group, units, exercise),
    }


def _log_rows(exercise: PlannedExercise, units: str) -> list[dict[str, Any]]:
    """Once the session is logged, one row per set after the warm-up, with its target and
    what was done (a set more than planned gets a row of its own; a set not done shows
    as not done). Before that the page has no table, so no rows are made."""
    rows = []
    work = [s for s in exercise.sets if s.kind != "warmup"]
    done = list(exercise.done.sets) if exercise.done is not None else []
    for index, planned in enumerate(work, start=1):
        kind = kind_words(planned.kind)
        rows.append({"set": index, "kind": kind, "target": set_target(planned, units, exercise)})
    for index in range(len(work), len(done)):
        rows.append({"set": index + 1, "kind": "extra", "target": ""})
    for index, row in enumerate(rows):
        row["done"] = _done_cells(done[index] if index < len(done) else None, units, exercise)
    return rows


def _done_cells(logged: LoggedSet | None, units: str, exercise: PlannedExercise) -> dict[str, Any]:
    """A logged set as the printed boxes and the week page show it; empty when not logged."""
    if exercise.done is None:
        return {"logged": False, "weight": "", "reps": "", "rpe": "", "text": ""}
    if logged is None:
        return {"logged": True, "weight": "", "reps": "", "rpe": "", "text": "not done"}
    return {
        "logged": True,
        "weight": logged_weight(logged.load, units),
        "reps": logged_done(logged),
        "rpe": json_number(logged.rpe) if logged.rpe is not None else "",
        "text": logged_set(logged, units),
    }
