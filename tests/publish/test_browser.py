"""The built site in a real headless Chromium: navigation by clicks, a clean console, no
network, no sideways scrolling on a phone, dark mode, axe-core, and the print stylesheet.

Playwright drives the system's Chromium (never a downloaded one). Without either the tests
skip, except under CI, where a missing browser is a failure rather than a silent pass.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from generator.build.build import build
from generator.build.config import Settings
from generator.pipeline import find_specs
from generator.plan.values import Plan, PlannedWeek
from generator.publish.views import week_file
from tests.support.browser import unavailable
from tests.support.paths import PROGRAMS
from tests.support.plans import plan_from_file
from tests.support.speed import once, quick

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Locator, Page

PHONE = {"width": 360, "height": 740}
SCHEMES = ("light", "dark")
# The weeks that between them use each part of the week template.
WEEK_KINDS: tuple[Callable[[PlannedWeek], bool], ...] = (
    lambda w: True,
    lambda w: w.deload,
    lambda w: bool(w.skipped),
    lambda w: any(s.moved_from for s in w.sessions),
    lambda w: any(s.day_type for s in w.sessions),
)

# The innermost elements that reach past the right edge of the viewport, themselves or
# with content that spills out of them (a long unbreakable line, say).
OVERFLOWING = """() => {
  const right = (e) => Math.max(e.getBoundingClientRect().right,
                                e.getBoundingClientRect().left + e.scrollWidth);
  const out = [...document.querySelectorAll("body *")].filter(
    (e) => right(e) > window.innerWidth + 0.5);
  const leaves = out.filter((e) => !out.some((o) => o !== e && e.contains(o)));
  const name = (e) => e.tagName.toLowerCase()
    + (e.className ? "." + String(e.className).trim().split(/\\s+/).join(".") : "");
  return leaves.slice(0, 3).map((e) => `${name(e)} (to ${Math.round(right(e))}px)`);
}"""


@pytest.fixture(scope="module")
def plans() -> dict[str, Plan]:
    """Each example program's plan, by id: what the pages are expected to show."""
    found = {}
    for spec in find_specs([str(PROGRAMS)]):
        plan = plan_from_file(spec)
        found[plan.program.id] = plan
    assert len(found) >= 2, "expected several example programs"
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("browser") / "site"
    build(Settings([str(PROGRAMS)], output, ["html"]))
    return output


@pytest.fixture(scope="module")
def pages(site: Path, plans: dict[str, Plan]) -> list[Path]:
    """Every page of the site, which is the index, and an overview and a page a week each;
    in a quick run, the index, the overviews and each program's first and last week."""
    found = sorted(site.rglob("*.html"))
    expected = [site / "index.html"]
    for plan in plans.values():
        expected.append(site / plan.program.id / "index.html")
        expected += [_week_path(site, plan, week.number) for week in plan.weeks]
    assert found == sorted(expected)
    if not quick():
        return found
    ends = {
        _week_path(site, p, w.number) for p in plans.values() for w in (p.weeks[0], p.weeks[-1])
    }
    return [path for path in found if path.name == "index.html" or path in ends]


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[[str], Page]]:
    """A fresh page on a 360 px phone in the given colour scheme, closed after the test."""
    contexts: list[BrowserContext] = []

    def make(scheme: str) -> Page:
        contexts.append(browser.new_context(viewport=PHONE, color_scheme=scheme))  # type: ignore[arg-type]
        # Everything is local: a wait of seconds means something is broken.
        contexts[-1].set_default_timeout(5_000)
        return contexts[-1].new_page()

    yield make
    for made in contexts:
        made.close()


def _week(plan: Plan, number: int) -> PlannedWeek:
    return next(week for week in plan.weeks if week.number == number)


def _week_path(site: Path, plan: Plan, number: int) -> Path:
    return site / plan.program.id / week_file(number)


def _follow(page: Page, link: Locator, target: Path) -> None:
    """Click the link as a reader would, and land on `target`."""
    link.click()
    page.wait_for_load_state()
    assert page.url == target.as_uri(), f"clicking {link} led to {page.url}"


def _check_week_page(page: Page, plan: Plan, week: PlannedWeek) -> None:
    """The page is the week's: its number and phase, one section a session, each dated."""
    heading = page.locator("h1").inner_text()
    assert heading.startswith(f"Week {week.number}"), heading
    assert week.phase in heading
    sections = page.locator("section.session")
    assert sections.count() == len(week.sessions) > 0
    for section, session in zip(sections.all(), week.sessions, strict=True):
        title = section.locator("h2").inner_text()
        assert f"{session.date:%A %d %B}" in title, (title, session.date)
        assert section.locator("article.exercise").count() == len(session.exercises)


def test_a_reader_clicks_from_the_index_to_a_week_and_on(
    open_page: Callable[[str], Page], site: Path, plans: dict[str, Plan]
) -> None:
    page = open_page("light")
    index = site / "index.html"
    followed = list(plans.values())
    for plan in followed[:1] if quick() else followed:  # a quick run follows one program
        page.goto(index.as_uri())
        assert page.title()
        assert page.locator("h1").is_visible()
        listed = page.locator("ul.programs > li > a").all_inner_texts()
        assert sorted(listed) == sorted(p.program.title for p in plans.values())

        link = page.get_by_role("link", name=plan.program.title, exact=True)
        _follow(page, link, site / plan.program.id / "index.html")
        assert page.locator("h1").inner_text() == plan.program.title
        calendar = page.locator("ol.weeks > li > h3 > a")
        assert calendar.count() == len(plan.weeks)

        # A week with sessions that is not the last, so that its pager has a "next".
        week = next(w for w in plan.weeks[:-1] if w.sessions)
        link = page.locator("ol.weeks").get_by_role("link", name=f"Week {week.number}", exact=True)
        _follow(page, link, _week_path(site, plan, week.number))
        _check_week_page(page, plan, week)

        following = _week(plan, week.number + 1)
        _follow(
            page, page.locator("nav.pager a[rel=next]"), _week_path(site, plan, following.number)
        )
        if following.sessions:
            _check_week_page(page, plan, following)

        page.goto(_week_path(site, plan, plan.weeks[-1].number).as_uri())
        assert page.locator("nav.pager a[rel=next]").count() == 0
        assert page.locator("nav.pager a[rel=prev]").count() == 1


def test_every_page_loads_cleanly_and_offline(
    open_page: Callable[[str], Page], site: Path, pages: list[Path]
) -> None:
    page = open_page("light")
    errors: list[str] = []
    failed: list[str] = []
    remote: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    # A request cut short because the test went on to the next page (the favicon, which
    # the browser fetches after the page's load) is no failure; a missing file is.
    page.on(
        "requestfailed",
        lambda r: (
            failed.append(f"{r.url} ({r.failure})") if r.failure != "net::ERR_ABORTED" else None
        ),
    )
    page.on(
        "request",
        lambda r: remote.append(r.url) if r.url.split(":", 1)[0] not in ("file", "data") else None,
    )
    problems = []
    for path in pages:
        errors.clear()
        failed.clear()
        remote.clear()
        page.goto(path.as_uri(), wait_until="load")
        styled = page.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--ink').trim()"
        )
        name = path.relative_to(site)
        problems += [f"{name}: console error: {text}" for text in errors]
        problems += [f"{name}: request failed: {text}" for text in failed]
        problems += [f"{name}: request off the machine: {url}" for url in remote]
        if not styled:
            problems.append(f"{name}: the stylesheet did not apply")
    assert not problems, "\n".join(problems)


def test_no_page_scrolls_sideways_on_a_360px_phone(
    open_page: Callable[[str], Page], site: Path, pages: list[Path]
) -> None:
    page = open_page("light")
    overflowing = []
    for path in pages:
        page.goto(path.as_uri())
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert inner == PHONE["width"]
        if scroll > inner:
            culprits = ", ".join(page.evaluate(OVERFLOWING)) or "?"
            overflowing.append(f"{path.relative_to(site)}: {scroll}px wide, from {culprits}")
    assert not overflowing, "\n".join(overflowing)


def _luminance(css: str) -> float:
    """WCAG relative luminance of a computed `rgb()`/`rgba()` colour (opaque ones only)."""
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    assert len(parts) == 3 or (len(parts) == 4 and parts[3] == 1), css
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in (x / 255 for x in parts[:3])
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _colours(page: Page) -> tuple[float, float]:
    """Luminance of the body's background and of its text."""
    background, ink = page.evaluate(
        "(() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]; })()"
    )
    return _luminance(background), _luminance(ink)


def _sample(site: Path, plans: dict[str, Plan]) -> list[Path]:
    """The index, and for one program its overview and first week."""
    plan = next(iter(plans.values()))
    return [
        site / "index.html",
        site / plan.program.id / "index.html",
        _week_path(site, plan, plan.weeks[0].number),
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_colours_follow_the_readers_scheme(
    open_page: Callable[[str], Page], site: Path, plans: dict[str, Plan], scheme: str
) -> None:
    page = open_page(scheme)
    for path in _sample(site, plans):
        page.goto(path.as_uri())
        background, ink = _colours(page)
        where = f"{path.relative_to(site)} in {scheme} mode"
        light_on_dark = background < 0.1 and ink > 0.5
        dark_on_light = background > 0.8 and ink < 0.1
        assert light_on_dark if scheme == "dark" else dark_on_light, (
            f"{where}: background luminance {background:.3f}, text {ink:.3f}"
        )
        contrast = (max(background, ink) + 0.05) / (min(background, ink) + 0.05)
        assert contrast >= 7, f"{where}: body text contrast {contrast:.1f}:1"


def _axe_sample(site: Path, plans: dict[str, Plan]) -> list[Path]:
    """The index, every overview and, per program, the first week of each of WEEK_KINDS;
    in a quick run, the first overview and each kind's first week in any program (each
    part of the week template is still audited)."""
    chosen = [site / "index.html"]
    kinds_seen: set[int] = set()
    for number, plan in enumerate(plans.values()):
        if number == 0 or not quick():
            chosen.append(site / plan.program.id / "index.html")
        for kind, wanted in enumerate(WEEK_KINDS):
            week = next((w for w in plan.weeks if wanted(w)), None)
            if week is None or (quick() and kind in kinds_seen):
                continue
            kinds_seen.add(kind)
            if _week_path(site, plan, week.number) not in chosen:
                chosen.append(_week_path(site, plan, week.number))
    return chosen


def _describe(violation: dict[str, Any]) -> str:
    targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
    more = len(violation["nodes"]) - len(targets)
    summary = violation["nodes"][0].get("failureSummary", "").splitlines()[-1:]
    return (
        f"{violation['id']} ({violation['impact']}) at {'; '.join(targets)}"
        + (f" and {more} more" if more > 0 else "")
        + (f": {summary[0].strip()}" if summary else "")
    )


@pytest.mark.parametrize("scheme", once(*SCHEMES))
def test_axe_finds_nothing_serious(
    open_page: Callable[[str], Page], site: Path, plans: dict[str, Plan], scheme: str
) -> None:
    try:
        from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
    except ImportError:
        unavailable("axe-playwright-python is not installed")
    axe = Axe()
    page = open_page(scheme)
    found = []
    checked = _axe_sample(site, plans)
    for path in checked:
        page.goto(path.as_uri())
        violations = axe.run(page).response["violations"]
        found += [
            f"{path.relative_to(site)}: {_describe(v)}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
    assert len(checked) > (len(WEEK_KINDS) if quick() else len(plans) * 2)
    assert not found, f"axe-core in {scheme} mode:\n" + "\n".join(found)


def test_print_hides_the_site_chrome_and_prints_ink_on_paper(
    open_page: Callable[[str], Page], site: Path, plans: dict[str, Plan]
) -> None:
    # Dark on screen, to show that paper is white whatever the reader's scheme.
    page = open_page("dark")
    plan = next(iter(plans.values()))
    week = next(w for w in plan.weeks[1:-1] if w.sessions)  # one with a full pager
    page.goto(_week_path(site, plan, week.number).as_uri())
    chrome = ("header.site", "footer.site", "nav.pager")
    shown = "(s) => getComputedStyle(document.querySelector(s)).display"

    page.emulate_media(media="screen")
    for selector in chrome:
        assert page.evaluate(shown, selector) != "none", f"{selector} hidden on screen"

    page.emulate_media(media="print")
    for selector in chrome:
        assert page.evaluate(shown, selector) == "none", f"{selector} still shown in print"
    assert page.locator("section.session").first.is_visible()
    background, ink = _colours(page)
    ink_on_paper = background > 0.8 and ink < 0.1
    assert ink_on_paper, f"print: background luminance {background:.3f}, text {ink:.3f}"


LOGGED = """program: hip-thrust-12wk
sessions:
  - date: '2027-01-04'
    note: felt strong
    done:
      hip_thrust: 12@90 12@90 12@90
      barbell_glute_bridge: 10@60 10@60@8
      glute_bridge: 2x20@bw
  - date: '2027-01-11'
    done:
      hip_thrust: 8@95 7@95 6@95
"""


@pytest.fixture(scope="module")
def logged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hip-thrust example built with a training log: the progress charts, planned and
    done tables, a missed session and an exercise done beyond the plan."""
    folder = tmp_path_factory.mktemp("logged")
    shutil.copy(PROGRAMS / "hip-thrust-12wk.yaml", folder / "hip-thrust-12wk.yaml")
    (folder / "hip-thrust-12wk.log.yaml").write_text(LOGGED, encoding="utf-8")
    output = folder / "site"
    build(Settings([str(folder / "hip-thrust-12wk.yaml")], output, ["html"]))
    return output


@pytest.mark.parametrize("scheme", SCHEMES)
def test_pages_with_a_log_are_accessible_and_fit_a_phone(
    open_page: Callable[[str], Page], logged_site: Path, scheme: str
) -> None:
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        unavailable("axe-playwright-python is not installed")
    program = logged_site / "hip-thrust-12wk"
    page = open_page(scheme)
    found = []
    for path in (program / "index.html", program / "week-01.html", program / "week-02.html"):
        page.goto(path.as_uri())
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"{path.name}: {scroll}px wide"
        found += [
            f"{path.name}: {_describe(v)}"
            for v in Axe().run(page).response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
    assert page.locator("table.done").count() >= 1
    assert not found, f"axe-core in {scheme} mode:\n" + "\n".join(found)
    page.goto((program / "index.html").as_uri())
    assert page.locator("figure.progress svg rect.done").count() == 2
