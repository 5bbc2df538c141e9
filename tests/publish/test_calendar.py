"""The calendar feed, read back with the icalendar library."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from generator.build.build import build
from generator.build.config import Settings
from tests.support.paths import PROGRAMS
from tests.support.plans import plan_from_file


def events(feed: Path) -> dict[str, tuple[int, str, object]]:
    calendar = Calendar.from_ical(feed.read_bytes())
    return {
        str(event["UID"]): (int(event["SEQUENCE"]), str(event["SUMMARY"]), event.decoded("DTSTART"))
        for event in calendar.walk("VEVENT")
    }


@pytest.mark.parametrize("spec", sorted(PROGRAMS.glob("*.yaml")), ids=lambda path: path.stem)
def test_one_event_per_session_on_its_date(spec: Path, tmp_path: Path) -> None:
    build(Settings([str(spec)], tmp_path / "out", ["ics"]))
    plan = plan_from_file(spec)
    found = events(tmp_path / "out" / spec.stem / "plan.ics")
    assert len(found) == len(plan.sessions)
    starts = sorted(str(start)[:10] for _, _, start in found.values())
    assert starts == sorted(session.date.isoformat() for session in plan.sessions)


def test_uids_and_bytes_are_stable_across_builds(specs: Path, tmp_path: Path) -> None:
    build(Settings([str(specs)], tmp_path / "out", ["ics"]))
    first = (tmp_path / "out" / "hip-thrust-12wk" / "plan.ics").read_bytes()
    build(Settings([str(specs)], tmp_path / "out", ["ics"]))
    assert (tmp_path / "out" / "hip-thrust-12wk" / "plan.ics").read_bytes() == first


def test_a_changed_session_keeps_its_uid_and_gets_a_higher_sequence(
    specs: Path, tmp_path: Path
) -> None:
    feed = tmp_path / "out" / "hip-thrust-12wk" / "plan.ics"
    build(Settings([str(specs)], tmp_path / "out", ["ics"]))
    before = events(feed)
    spec = specs / "hip-thrust-12wk.yaml"
    text = spec.read_text(encoding="utf-8")
    # The Romanian deadlift is in session B only: every B event changes, A events do not.
    spec.write_text(
        text.replace(
            "          load: 70\n          progress:\n            - load: {add: 2.5, every: week}",
            "          load: 75\n          progress:\n            - load: {add: 2.5, every: week}",
            1,
        ),
        encoding="utf-8",
    )
    build(Settings([str(specs)], tmp_path / "out", ["ics"]))
    after = events(feed)
    assert after.keys() == before.keys()
    changed = {uid for uid in after if after[uid][0] != before[uid][0]}
    assert changed == {
        uid
        for uid in after
        if ".w" in uid and ".B." in uid and int(uid.split(".w")[1].split(".")[0]) <= 5
    }
    assert all(after[uid][0] == 1 for uid in changed)
    build(Settings([str(specs)], tmp_path / "out", ["ics"]))
    assert events(feed) == after  # no change, no new sequence


def test_a_time_and_zone_make_timed_events_with_a_vtimezone(tmp_path: Path) -> None:
    build(Settings([str(PROGRAMS / "five-three-one.yaml")], tmp_path / "out", ["ics"]))
    text = (tmp_path / "out" / "five-three-one" / "plan.ics").read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/London:20270104T180000" in text
    calendar = Calendar.from_ical(text)
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_all_day_events_without_a_time(tmp_path: Path) -> None:
    build(Settings([str(PROGRAMS / "home-dumbbells.yaml")], tmp_path / "out", ["ics"]))
    text = (tmp_path / "out" / "home-dumbbells" / "plan.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:" in text
    assert "VTIMEZONE" not in text


def test_with_a_base_url_each_event_links_to_its_session_on_the_site(tmp_path: Path) -> None:
    spec = PROGRAMS / "hip-thrust-12wk.yaml"
    base = "https://plans.example.org/sam/"
    build(Settings([str(spec)], tmp_path / "out", ["html", "ics"], base_url=base))
    plan = plan_from_file(spec)
    calendar = Calendar.from_ical((tmp_path / "out" / spec.stem / "plan.ics").read_bytes())
    linked = 0
    for event in calendar.walk("VEVENT"):
        url = str(event["URL"])
        assert url.startswith(base + "hip-thrust-12wk/week-"), url
        page, _, anchor = url.removeprefix(base).partition("#")
        # The page the link names is built, and has the session's date at that anchor.
        html = (tmp_path / "out" / page).read_text(encoding="utf-8")
        assert f'id="{anchor}" data-date="{str(event.decoded("DTSTART"))[:10]}"' in html
        linked += 1
    assert linked == len(plan.sessions)


def test_without_a_base_url_events_carry_no_link(tmp_path: Path) -> None:
    build(Settings([str(PROGRAMS / "hip-thrust-12wk.yaml")], tmp_path / "out", ["ics"]))
    feed = (tmp_path / "out" / "hip-thrust-12wk" / "plan.ics").read_bytes()
    assert all("URL" not in event for event in Calendar.from_ical(feed).walk("VEVENT"))
