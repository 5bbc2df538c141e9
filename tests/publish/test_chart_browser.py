"""The overview's charts in a real headless Chromium, on a 360 px phone and a desktop, light
and dark: scales, week numbers and legend shown and legible, each series its own colour
and every one of them against the page, the single logged week's point drawn, the table
of figures opens, nothing scrolls sideways, and axe-core finds nothing serious.

Playwright drives the system's Chromium (see tests/support/browser.py); without it the
tests skip, except under CI.
"""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from generator.build.build import build
from generator.build.config import Settings
from generator.spec.loader import dump
from tests.support.browser import unavailable
from tests.support.paths import PROGRAMS
from tests.support.spec_header import spec_header
from tests.support.speed import crossed

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
SCHEMES = ("light", "dark")
SETTINGS = crossed(VIEWPORTS, SCHEMES)
PROGRAMS_SHOWN = ("five-three-one", "hip-thrust-12wk", "year")
# One session logged: the max chart's done line is a single point.
LOG = """program: hip-thrust-12wk
sessions:
  - date: '2027-01-04'
    done:
      hip_thrust: 10@90 10@90 10@90
"""


def year_spec() -> dict[str, Any]:
    """A year of squats at 75%, a deload every 4th week: too many weeks to print every value."""
    spec = spec_header("A year of squats", spec_id="year")
    spec.update(
        {
            "maxes": {"back_squat": {"one_rm": 180}},
            "deload": {"every": 4},
            "phases": [
                {
                    "name": "Year",
                    "weeks": 52,
                    "sessions": {"A": [{"exercise": "back_squat", "sets": 4, "load": "75%"}]},
                }
            ],
        }
    )
    return spec


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("charts")
    for name in ("five-three-one.yaml", "hip-thrust-12wk.yaml"):
        shutil.copy(PROGRAMS / name, folder / name)
    (folder / "hip-thrust-12wk.log.yaml").write_text(LOG, encoding="utf-8")
    (folder / "year.yaml").write_text(dump(year_spec()), encoding="utf-8")
    output = folder / "site"
    build(Settings([str(folder)], output, ["html"]))
    return output


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[[str, str], Page]]:
    """A fresh page in the given viewport and colour scheme, closed after the test."""
    contexts: list[BrowserContext] = []

    def make(size: str, scheme: str) -> Page:
        contexts.append(
            browser.new_context(viewport=VIEWPORTS[size], color_scheme=scheme)  # type: ignore[arg-type]
        )
        contexts[-1].set_default_timeout(5_000)
        return contexts[-1].new_page()

    yield make
    for made in contexts:
        made.close()


def overview(site: Path, program: str) -> str:
    return (site / program / "index.html").as_uri()


# What a chart's text looks like on screen: each label's box, its colour and size.
TEXTS = """(selector) => [...document.querySelectorAll(selector)].map((e) => {
  const box = e.getBoundingClientRect(), svg = e.ownerSVGElement.getBoundingClientRect();
  const style = getComputedStyle(e);
  return {text: e.textContent, left: box.left, right: box.right, top: box.top,
          bottom: box.bottom, height: box.height, fill: style.fill,
          visible: style.visibility !== "hidden" && style.display !== "none",
          inside: box.left >= svg.left - 0.5 && box.right <= svg.right + 0.5
                  && box.top >= svg.top - 0.5 && box.bottom <= svg.bottom + 0.5};
})"""
PAINT = """([selector, property]) => [...document.querySelectorAll(selector)].map(
  (e) => getComputedStyle(e)[property])"""


def _rgb(css: str) -> tuple[float, float, float]:
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    assert len(parts) == 3 or (len(parts) == 4 and parts[3] == 1), css
    return parts[0], parts[1], parts[2]


def _luminance(css: str) -> float:
    """WCAG relative luminance of a computed, opaque `rgb()` colour."""
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in (x / 255 for x in _rgb(css))
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    a, b = _luminance(one), _luminance(other)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def distance(one: str, other: str) -> float:
    """How far apart two colours are, channel by channel (0 to 441)."""
    return sum((a - b) ** 2 for a, b in zip(_rgb(one), _rgb(other), strict=True)) ** 0.5


def paint(page: Page, selector: str, property: str) -> set[str]:
    found: list[str] = page.evaluate(PAINT, [selector, property])
    assert found, f"nothing matches {selector}"
    return set(found)


def only(page: Page, selector: str, property: str) -> str:
    """The one colour every element the selector matches is painted in."""
    found = paint(page, selector, property)
    assert len(found) == 1, (selector, found)
    return found.pop()


def background(page: Page) -> str:
    colour: str = page.evaluate("getComputedStyle(document.body).backgroundColor")
    return colour


@pytest.mark.parametrize(("size", "scheme"), SETTINGS)
def test_scales_week_numbers_and_legend_are_shown_and_legible(
    open_page: Callable[[str, str], Page], site: Path, size: str, scheme: str
) -> None:
    page = open_page(size, scheme)
    for program in PROGRAMS_SHOWN:
        page.goto(overview(site, program))
        texts = page.evaluate(TEXTS, "figure.chart svg text")
        where = f"{program} ({size}, {scheme})"
        words = [text["text"] for text in texts]
        assert "Week" in words, where
        for word in ("Hard sets", "Hard sets a week", "Deload week", "Mean intensity"):
            assert word in words, where
        assert any("% of one-rep max" in word for word in words), where
        assert any(re.fullmatch(r"\d+%", word) for word in words), f"{where}: no intensity scale"
        if program == "hip-thrust-12wk":
            assert {"Planned", "Done", "Barbell hip thrust"} <= set(words), where
            assert any(word.startswith("Estimated one-rep max, kg") for word in words), where
            assert any(word.startswith("Volume a week, kg") for word in words), where
        for text in texts:
            assert text["visible"], f"{where}: {text['text']!r} hidden"
            assert text["inside"], f"{where}: {text['text']!r} outside its chart"
            assert text["right"] <= VIEWPORTS[size]["width"], f"{where}: {text['text']!r}"
            # On a phone the chart is the column's width: its text stays about 10 px.
            assert text["height"] >= 9, f"{where}: {text['text']!r} is {text['height']} px"
            assert contrast(text["fill"], background(page)) >= 4.5, (where, text)
        ticks = [t for t in texts if re.fullmatch(r"\d+", t["text"]) and t["top"] > 0]
        assert ticks, where


@pytest.mark.parametrize(("size", "scheme"), SETTINGS)
def test_each_series_has_its_own_colour_against_the_page_and_in_the_legend(
    open_page: Callable[[str, str], Page], site: Path, size: str, scheme: str
) -> None:
    page = open_page(size, scheme)
    page.goto(overview(site, "hip-thrust-12wk"))
    paper = background(page)
    series = {
        "hard sets": (
            only(page, "rect.bar:not(.deload):not(.planned):not(.done)", "fill"),
            ".k-bar",
            "fill",
        ),
        "deload": (only(page, "rect.bar.deload", "fill"), ".k-deload", "fill"),
        "intensity": (only(page, "path.intensity", "stroke"), "line.k-intensity", "stroke"),
        "planned volume": (only(page, "rect.bar.planned", "fill"), ".k-planned", "fill"),
        "done volume": (only(page, "rect.bar.done", "fill"), ".k-done", "fill"),
        "hip thrust max": (only(page, "path.line.s0", "stroke"), "line.k-s0", "stroke"),
    }
    where = f"{size}, {scheme}"
    for name, (colour, key, property) in series.items():
        # WCAG's 3:1 for the parts of a graphic a reader must see.
        assert contrast(colour, paper) >= 3, f"{where}: {name} {colour} on {paper}"
        assert only(page, key, property) == colour, f"{where}: the legend's {name}"
    # Within a chart, no two series alike.
    for one, other in [
        ("hard sets", "deload"),
        ("hard sets", "intensity"),
        ("deload", "intensity"),
        ("planned volume", "done volume"),
    ]:
        assert distance(series[one][0], series[other][0]) >= 80, (where, one, other)
    # The scheme's own colours: the dark scheme's are not the light one's.
    light = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") is False
    assert light == (scheme == "light")


def test_the_colours_change_with_the_scheme(
    open_page: Callable[[str, str], Page], site: Path
) -> None:
    found = {}
    for scheme in SCHEMES:
        page = open_page("phone", scheme)
        page.goto(overview(site, "hip-thrust-12wk"))
        found[scheme] = (
            only(page, "path.intensity", "stroke"),
            only(page, "path.line.s0", "stroke"),
            only(page, "text.tick", "fill"),
        )
    for light, dark in zip(found["light"], found["dark"], strict=True):
        assert light != dark


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_single_logged_week_shows_its_point(
    open_page: Callable[[str, str], Page], site: Path, scheme: str
) -> None:
    page = open_page("phone", scheme)
    page.goto(overview(site, "hip-thrust-12wk"))
    done = page.locator("figure.progress svg circle.point.done")
    assert done.count() == 1
    assert done.is_visible()
    box = done.bounding_box()
    assert box is not None
    assert box["width"] >= 4
    assert box["height"] >= 4
    colour = only(page, "circle.point.done", "fill")
    assert contrast(colour, background(page)) >= 3
    # Its value is printed above it: Epley, 90 x (1 + 10/30) = 120.
    values = page.locator("figure.progress svg text.value").all_text_contents()
    assert "120" in values


@pytest.mark.parametrize(("size", "scheme"), SETTINGS)
def test_the_table_of_figures_opens_with_every_week_and_nothing_scrolls_sideways(
    open_page: Callable[[str, str], Page], site: Path, size: str, scheme: str
) -> None:
    page = open_page(size, scheme)
    for program in PROGRAMS_SHOWN:
        page.goto(overview(site, program))
        figures = page.locator("details.figures")
        if program == "five-three-one":
            assert figures.count() == 0  # 16 weeks: every value is on the chart
            continue
        for index in range(figures.count()):
            opened = figures.nth(index)
            assert not opened.locator("table").is_visible()
            opened.locator("summary").click()
            assert opened.locator("table").is_visible()
            summary = opened.locator("summary").bounding_box()
            assert summary is not None
            assert summary["height"] >= 44  # a tap target
        if program == "year":
            rows = page.locator("details.figures table tbody tr")
            assert rows.count() == 52
            assert rows.nth(3).locator("th").inner_text() == "4 (deload)"
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert scroll <= inner, f"{program} ({size}, {scheme}): {scroll}px wide"


@pytest.mark.parametrize(("size", "scheme"), crossed(VIEWPORTS, SCHEMES, every=False))
def test_axe_finds_nothing_serious_in_the_charts(
    open_page: Callable[[str, str], Page], site: Path, size: str, scheme: str
) -> None:
    try:
        from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
    except ImportError:
        unavailable("axe-playwright-python is not installed")
    page = open_page(size, scheme)
    found = []
    for program in PROGRAMS_SHOWN:
        page.goto(overview(site, program))
        for summary in page.locator("details.figures summary").all():
            summary.click()  # the tables too
        for violation in Axe().run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
                found.append(f"{program}: {violation['id']} at {'; '.join(targets)}")
    assert not found, f"axe-core ({size}, {scheme}):\n" + "\n".join(found)


def test_chart_ids_are_unique_on_the_page(
    open_page: Callable[[str, str], Page], site: Path
) -> None:
    page = open_page("desktop", "light")
    for program in PROGRAMS_SHOWN:
        page.goto(overview(site, program))
        ids: list[str] = page.evaluate("[...document.querySelectorAll('[id]')].map((e) => e.id)")
        repeated = [i for i, group in itertools.groupby(sorted(ids)) if len(list(group)) > 1]
        assert repeated == [], program
        for svg in page.locator("figure.chart svg").all():
            label = svg.get_attribute("aria-labelledby")
            assert label in ids
