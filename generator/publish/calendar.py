"""The plan as an iCalendar feed, one event per session, through the icalendar library.

Calendar apps match events by UID, so each UID is derived from the program, the
week, the session label and its turn in the week: re-importing or re-subscribing
updates events instead of duplicating them. Each event carries a hash of its
content; when a rebuild changes a session, its SEQUENCE rises by one over the
previous feed's, which is how apps learn that an update supersedes what they have.
"""

from __future__ import annotations

import datetime
import hashlib
import zoneinfo
from collections.abc import Iterator, Mapping

from icalendar import Calendar, Event

from generator.plan.values import Plan, PlannedSession, PlannedWeek
from generator.publish.views import session_anchor, week_file
from generator.wording import exercise_lines, session_name

PRODUCT = "-//liftplan//liftplan//EN"
CONTENT = "X-LIFTPLAN-CONTENT"

Previous = Mapping[str, tuple[int, str]]  # uid -> (sequence, content hash)


def previous_events(feed: bytes | None) -> dict[str, tuple[int, str]]:
    """The sequence and content hash of every event in an earlier feed (empty if none)."""
    if not feed:
        return {}
    try:
        calendar = Calendar.from_ical(feed)
    except ValueError:
        return {}  # an unreadable old feed: start the sequences again
    found = {}
    for event in calendar.walk("VEVENT"):
        found[str(event.get("UID"))] = (int(event.get("SEQUENCE", 0)), str(event.get(CONTENT, "")))
    return found


def _one_line(text: str) -> str:
    r"""A value for an X- property, which icalendar writes as given: each line break as
    the TEXT escape \n, as calendar programs read the name (a raw one breaks the feed).

    >>> _one_line("Hip thrust\r\nprogression\n")
    'Hip thrust\\nprogression\\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def plan_ics(plan: Plan, previous: Previous, base_url: str | None = None) -> str:
    """The feed's text; the same plan and previous feed give the same bytes."""
    return b"".join(plan_ics_chunks(plan, previous, base_url)).decode("utf-8")


def plan_ics_chunks(plan: Plan, previous: Previous, base_url: str | None = None) -> Iterator[bytes]:
    """The feed as UTF-8, an event at a time, so a long plan's feed is written as it is
    made instead of held whole as a Calendar of every event. The bytes are those of one
    Calendar holding the events (the time zone first, as icalendar places it). With the
    site's base URL, each event links to its session on the site."""
    program = plan.program
    head = Calendar()
    head.add("prodid", PRODUCT)
    head.add("version", "2.0")
    head.add("calscale", "GREGORIAN")
    head.add("method", "PUBLISH")
    head.add("x-wr-calname", _one_line(program.title))
    events = _events(plan, previous, base_url)
    first = next(events, None)
    if first is not None and program.time is not None and program.timezone is not None:
        probe = Calendar()
        probe.add_component(first)
        probe.add_missing_timezones(
            first_date=program.start, last_date=plan.weeks[-1].end + datetime.timedelta(days=1)
        )
        for timezone in probe.timezones:
            head.add_component(timezone)
    text = head.to_ical()
    end = b"END:VCALENDAR\r\n"
    yield text[: -len(end)]
    if first is not None:
        yield first.to_ical()
    for event in events:
        yield event.to_ical()
    yield end


def _events(plan: Plan, previous: Previous, base_url: str | None) -> Iterator[Event]:
    """An event per session, in order, each with its stable UID."""
    program = plan.program
    for week in plan.weeks:
        turns: dict[str, int] = {}
        for session in week.sessions:
            turns[session.label] = turns.get(session.label, 0) + 1
            uid = f"{program.id}.w{week.number}.{session.label}.{turns[session.label]}@liftplan"
            url = _session_url(base_url, plan, week, session) if base_url else None
            yield _event(plan, week, session, uid, previous, url=url)


def _session_url(base_url: str, plan: Plan, week: PlannedWeek, session: PlannedSession) -> str:
    """The session's place on the site: its week's page, at its anchor."""
    page = f"{plan.program.id}/{week_file(week.number)}#{session_anchor(session)}"
    return f"{base_url.rstrip('/')}/{page}"


def _event(
    plan: Plan,
    week: PlannedWeek,
    session: PlannedSession,
    uid: str,
    previous: Previous,
    *,
    url: str | None = None,
) -> Event:
    program = plan.program
    summary = _summary(plan, week, session)
    description = _description(plan, week, session)
    start = _start(plan, session)
    # A changed link is a changed event too (its SEQUENCE rises); no link hashes as before.
    linked = f"{summary}\n{start.isoformat()}\n{description}" + (f"\n{url}" if url else "")
    content = hashlib.sha256(linked.encode()).hexdigest()[:16]
    sequence, old_content = previous.get(uid, (0, content))
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime.datetime.combine(program.start, datetime.time(), datetime.UTC))
    event.add("dtstart", start)
    if isinstance(start, datetime.datetime):
        event.add("duration", datetime.timedelta(seconds=program.duration))
    else:
        event.add("dtend", start + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    if url is not None:
        event.add("url", url)
    event.add("sequence", sequence + 1 if old_content != content else sequence)
    event.add(CONTENT, content)
    return event


def _start(plan: Plan, session: PlannedSession) -> datetime.date | datetime.datetime:
    """All day, unless the spec gives a time (in its time zone, if it gives one)."""
    time = plan.program.time
    if time is None:
        return session.date
    hours, minutes = (int(part) for part in time.split(":"))
    zone = zoneinfo.ZoneInfo(plan.program.timezone) if plan.program.timezone else None
    return datetime.datetime.combine(session.date, datetime.time(hours, minutes), zone)


def _summary(plan: Plan, week: PlannedWeek, session: PlannedSession) -> str:
    parts = [f"{plan.program.title}: {session_name(session)}"]
    if session.day_type:
        parts.append(f"{session.day_type} day")
    if week.deload:
        parts.append("deload")
    return ", ".join(parts)


def _description(plan: Plan, week: PlannedWeek, session: PlannedSession) -> str:
    lines = [f"Week {week.number} of {len(plan.weeks)}, {week.phase}"]
    if session.moved_from is not None:
        lines.append(f"Moved from {session.moved_from:%a %d %b}")
    if session.notes:
        lines.append(session.notes)
    for exercise in session.exercises:
        lines.extend(line.strip() for line in exercise_lines(exercise, plan.program.units))
    return "\n".join(lines)
