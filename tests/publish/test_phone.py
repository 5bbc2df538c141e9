"""The site as a lifter uses it at the gym, in a real headless Chromium on a 360 px phone and
on a desktop, light and dark: today's session found from the reader's own date (injected
into the page through Playwright's clock), the calendar grid's links, targets a thumb can
hit, a session that reads load first, the index grouped by athlete under the site's title,
and the favicon.
"""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from generator.build.build import build
from generator.build.config import Settings
from generator.plan.values import Plan, PlannedSession
from generator.publish.views import session_anchor, week_file
from tests.support.browser import unavailable
from tests.support.paths import PROGRAMS
from tests.support.plans import plan_from_file
from tests.support.speed import crossed, once

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
SCREENS = crossed(VIEWPORTS, ("light", "dark"))
SITE_TITLE = "Northside Barbell"
SPEC = PROGRAMS / "five-three-one.yaml"
# WCAG 2.5.5: a target at least 44 by 44 CSS pixels.
TAP = 44

# Every visible link's box and text, for the tap target check.
LINK_BOXES = """() => [...document.querySelectorAll("a[href]")]
  .filter((a) => a.offsetParent !== null)
  .map((a) => { const r = a.getBoundingClientRect();
                return [a.textContent.trim().slice(0, 40), r.width, r.height]; })"""


@pytest.fixture(scope="module")
def plan() -> Plan:
    return plan_from_file(SPEC)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two programs for two athletes and one for none, under a site title from a config."""
    folder = tmp_path_factory.mktemp("phone")
    for name in ("five-three-one.yaml", "hip-thrust-12wk.yaml", "library/gzclp.yaml"):
        shutil.copy(PROGRAMS / name, folder / Path(name).name)
    gzclp = folder / "gzclp.yaml"
    text = gzclp.read_text(encoding="utf-8")
    gzclp.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("athlete:")) + "\n",
        encoding="utf-8",
    )
    output = folder / "site"
    build(Settings([str(folder)], output, ["html"], title=SITE_TITLE))
    return output


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """A fresh page in the given viewport and scheme, its clock at `today` if given."""
    contexts: list[BrowserContext] = []

    def make(size: str, scheme: str, today: datetime.date | None = None) -> Page:
        contexts.append(
            browser.new_context(viewport=VIEWPORTS[size], color_scheme=scheme)  # type: ignore[arg-type]
        )
        contexts[-1].set_default_timeout(5_000)
        page = contexts[-1].new_page()
        if today is not None:
            page.clock.set_fixed_time(datetime.datetime.combine(today, datetime.time(7, 30)))
        return page

    yield make
    for made in contexts:
        made.close()


def _overview(site: Path) -> str:
    return (site / "five-three-one" / "index.html").as_uri()


def _session_on_a_later_week(plan: Plan) -> PlannedSession:
    """A session in the third week, neither the first day of the plan nor of its week."""
    return plan.weeks[2].sessions[1]


@pytest.mark.parametrize(("size", "scheme"), SCREENS)
def test_todays_session_is_marked_and_linked_for_the_readers_date(
    open_page: Callable[..., Page], site: Path, plan: Plan, size: str, scheme: str
) -> None:
    session = _session_on_a_later_week(plan)
    page = open_page(size, scheme, session.date)
    page.goto(_overview(site))
    today = page.locator(".today")
    assert today.count() == 1
    assert today.get_attribute("data-date") == session.date.isoformat()
    assert today.locator("a").get_attribute("aria-current") == "date"
    jump = page.locator("p.now a")
    assert jump.inner_text().startswith("Today: ")
    assert jump.is_visible()
    jump.click()
    page.wait_for_load_state()
    page_file = week_file(session.week)
    assert page.url.endswith(f"/five-three-one/{page_file}#{session_anchor(session)}")
    marked = page.locator("section.session.today")
    assert marked.count() == 1
    assert marked.get_attribute("id") == session_anchor(session)
    assert "Today" in (marked.locator("h2").text_content() or "")
    # The session jumped to is on screen, not below the fold.
    box = marked.bounding_box()
    assert box is not None
    assert 0 <= box["y"] < VIEWPORTS[size]["height"] / 2


def test_the_way_in_follows_the_date(
    open_page: Callable[..., Page], site: Path, plan: Plan
) -> None:
    """A rest day links to its week; before the start, to the first week; after the end,
    it says the plan is over; a date the page was not built for changes nothing else."""
    week = plan.weeks[5]
    rest = next(
        week.start + datetime.timedelta(days=offset)
        for offset in range(7)
        if all(s.date != week.start + datetime.timedelta(days=offset) for s in week.sessions)
    )
    cases = [
        (rest, f"This week: Week {week.number}", week_file(week.number)),
        (plan.weeks[0].start - datetime.timedelta(days=3), "Starts ", week_file(1)),
    ]
    for day, text, href in cases:
        page = open_page("phone", "light", day)
        page.goto(_overview(site))
        jump = page.locator("p.now a")
        assert jump.inner_text().startswith(text), (day, jump.inner_text())
        assert jump.get_attribute("href") == href
        marked = page.locator(".today")
        assert marked.count() == (1 if day >= plan.weeks[0].start else 0)
    page = open_page("phone", "light", plan.weeks[-1].end + datetime.timedelta(days=1))
    page.goto(_overview(site))
    assert page.locator("p.now").inner_text().startswith("Finished ")
    assert page.locator(".today").count() == 0


def test_the_calendar_is_a_grid_of_weeks_linking_each_session(
    open_page: Callable[..., Page], site: Path, plan: Plan
) -> None:
    page = open_page("phone", "light")
    page.goto(_overview(site))
    weeks = page.locator("ol.weeks > li")
    assert weeks.count() == len(plan.weeks)
    for row, week in zip(weeks.all(), plan.weeks, strict=True):
        days = row.locator("ol.days > li")
        assert days.count() == (week.end - week.start).days + 1
        # Seven days side by side: one row of cells, each as wide as the others.
        boxes = [box for box in (d.bounding_box() for d in days.all()[:7]) if box]
        assert len({round(box["y"]) for box in boxes}) == 1
        assert max(b["width"] for b in boxes) - min(b["width"] for b in boxes) < 1
        links = row.locator("ol.days a")
        assert links.count() == len(week.sessions)
        for link, session in zip(links.all(), week.sessions, strict=True):
            expected = f"{week_file(week.number)}#{session_anchor(session)}"
            assert link.get_attribute("href") == expected
    # Following one lands on the session.
    session = plan.weeks[1].sessions[0]
    page.locator(f'ol.days a[href$="#{session_anchor(session)}"]').click()
    page.wait_for_load_state()
    assert page.url.endswith(f"#{session_anchor(session)}")
    heading = page.locator(f'section[id="{session_anchor(session)}"] h2').inner_text()
    assert f"{session.date:%A %d %B}" in heading


def _pages(site: Path, plan: Plan) -> list[Path]:
    return [
        site / "index.html",
        site / "five-three-one" / "index.html",
        site / "five-three-one" / week_file(plan.weeks[1].number),
        site / "hip-thrust-12wk" / week_file(1),
    ]


@pytest.mark.parametrize(("size", "scheme"), SCREENS)
def test_every_link_is_a_target_a_thumb_can_hit(
    open_page: Callable[..., Page], site: Path, plan: Plan, size: str, scheme: str
) -> None:
    page = open_page(size, scheme, plan.weeks[1].sessions[0].date)
    small = []
    counted = 0
    for path in _pages(site, plan):
        page.goto(path.as_uri())
        for text, width, height in page.evaluate(LINK_BOXES):
            counted += 1
            if width < TAP or height < TAP:
                small.append(f"{path.relative_to(site)}: {text!r} is {width:.0f}x{height:.0f}")
    assert counted > len(plan.sessions)  # the calendar's links were among them
    assert not small, "\n".join(small)


@pytest.mark.parametrize(("size", "scheme"), SCREENS)
def test_a_set_line_reads_load_first_and_largest(
    open_page: Callable[..., Page], site: Path, plan: Plan, size: str, scheme: str
) -> None:
    page = open_page(size, scheme)
    week = plan.weeks[1]
    page.goto((site / "five-three-one" / week_file(week.number)).as_uri())
    first = week.sessions[0].exercises[0]
    line = page.locator("ul.sets > li").first
    load, reps = line.locator(".load"), line.locator(".reps")
    expected = next(s for s in first.sets if s.kind != "warmup")
    assert expected.load is not None
    assert load.inner_text() == f"{float(expected.load):g} kg"
    assert reps.inner_text().startswith("1 \u00d7 ")
    size_of = "(e) => parseFloat(getComputedStyle(e).fontSize)"
    body = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert load.evaluate(size_of) >= 1.3 * body
    assert reps.evaluate(size_of) > body
    # Top-down: the load, then the reps beside it, then the details beneath both.
    boxes = [e.bounding_box() for e in (load, reps, line.locator(".how"))]
    assert all(boxes)
    load_box, reps_box, how_box = (box for box in boxes if box is not None)
    assert load_box["x"] < reps_box["x"]
    assert how_box["y"] >= load_box["y"] + load_box["height"] - 1
    assert "per side" in line.locator(".how").inner_text()
    assert "rest" in line.locator(".how").inner_text()


def test_the_index_groups_programs_by_athlete_under_the_site_title(
    open_page: Callable[..., Page], site: Path
) -> None:
    page = open_page("phone", "light")
    page.goto((site / "index.html").as_uri())
    assert page.title() == SITE_TITLE
    assert page.locator("h1").inner_text() == SITE_TITLE
    assert page.locator("header.site a.home").inner_text() == SITE_TITLE
    groups = page.locator("h2.athlete").all_inner_texts()
    assert groups == ["Sam", "Tom", "Other programs"]
    lists = page.locator("ul.programs")
    assert lists.nth(0).locator("a").all_inner_texts() == ["Hip thrust progression, 12 weeks"]
    assert lists.nth(1).locator("a").all_inner_texts() == ["5/3/1, four cycles"]
    assert lists.nth(2).locator("a").count() == 1
    page.goto(_overview(site))
    assert page.locator("header.site a.home").inner_text() == SITE_TITLE


def _favicon(page: Page) -> Any:
    return page.evaluate(
        """() => new Promise((done) => {
             const link = document.querySelector('link[rel="icon"]');
             const image = new Image();
             image.onload = () => done([link.href, image.naturalWidth]);
             image.onerror = () => done([link.href, 0]);
             image.src = link.href;
           })"""
    )


def test_every_page_has_a_favicon_and_a_description(
    open_page: Callable[..., Page], site: Path, plan: Plan
) -> None:
    page = open_page("desktop", "light")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in _pages(site, plan):
        page.goto(path.as_uri())
        href, width = _favicon(page)
        assert width > 0, f"{path}: the favicon {href} did not load"
        description = page.locator('meta[name="description"]').get_attribute("content")
        assert description, path
    page.goto(_overview(site))
    description = page.locator('meta[name="description"]').get_attribute("content") or ""
    assert description.startswith(plan.program.description.split(",")[0])
    assert not errors, errors


@pytest.mark.parametrize("scheme", once("light", "dark"))
def test_axe_finds_nothing_serious_on_a_desktop_or_with_today_marked(
    open_page: Callable[..., Page], site: Path, plan: Plan, scheme: str
) -> None:
    try:
        from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
    except ImportError:
        unavailable("axe-playwright-python is not installed")
    found = []
    for size in VIEWPORTS:
        page = open_page(size, scheme, plan.weeks[1].sessions[0].date)
        for path in _pages(site, plan):
            page.goto(path.as_uri())
            found += [
                f"{size} {path.relative_to(site)}: {v['id']} ({v['impact']}): "
                + "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:3])
                for v in Axe().run(page).response["violations"]
                if v["impact"] in ("serious", "critical")
            ]
    assert not found, "\n".join(found)
