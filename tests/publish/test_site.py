"""The static site on disk: relative links that resolve, escaped content, template overrides."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build.build import build
from generator.build.config import Settings
from tests.support.golden import golden_site
from tests.support.paths import LIFTPLAN, PROGRAMS, example_programs
from tests.support.plans import plan_from_file


class Links(HTMLParser):
    """A page's links and the ids a link's #fragment may land on."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def _ids(page: Path) -> set[str]:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.ids


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("site") / "output"
    # The examples, as the golden pages were made from them (the library has its own tests).
    build(Settings([str(spec) for spec in example_programs()], output, ["html"]))
    return output


def test_every_program_has_an_overview_and_a_page_a_week(site: Path) -> None:
    assert (site / "index.html").is_file()
    weeks = {
        path.stem: len(list((site / path.stem).glob("week-*.html")))
        for path in PROGRAMS.glob("*.yaml")
    }
    assert weeks == {
        "five-three-one": 16,
        "full-body-3day-lb": 12,
        "hip-thrust-12wk": 12,
        "home-dumbbells": 8,
        "undulating-strength": 13,
    }


def test_every_local_link_is_relative_and_resolves(site: Path) -> None:
    plans = [plan_from_file(spec) for spec in example_programs()]
    pages = sorted(site.rglob("*.html"))
    anchored = 0
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            if link.startswith(("http://", "https://")):
                continue
            assert not link.startswith("/"), f"{page}: {link}"
            assert "://" not in link, f"{page}: {link}"
            path, _, fragment = link.partition("#")
            target = (page.parent / path).resolve() if path else page.resolve()
            assert target.is_file(), f"{page}: {link}"
            assert site.resolve() in target.parents
            if fragment:  # a session in the calendar, the calendar from the top
                assert fragment in _ids(target), f"{page}: {link}: no such id"
            anchored += bool(fragment)
    # Every session in the examples is linked from its program's calendar.
    assert anchored > sum(len(week.sessions) for plan in plans for week in plan.weeks)


def test_hostile_text_is_escaped_everywhere(tmp_path: Path) -> None:
    spec = (PROGRAMS / "home-dumbbells.yaml").read_text(encoding="utf-8")
    spec = spec.replace(
        "title: Home strength with dumbbells and kettlebells",
        'title: "<script>alert(1)</script>"',
        1,
    )
    assert "<script>alert(1)</script>" in spec
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "x.yaml").write_text(spec, encoding="utf-8")
    build(Settings([str(tmp_path / "specs")], tmp_path / "out", ["html"]))
    pages = list((tmp_path / "out").rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        text = page.read_text(encoding="utf-8")
        # The one script is the site's own, which marks today (see assets/today.js).
        ours = text.count('<script src="../assets/today.js" defer></script>')
        assert text.count("<script") == ours, page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (tmp_path / "out" / "index.html").read_text(
        encoding="utf-8"
    )


def test_a_user_template_replaces_and_extends_a_builtin(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "base.html").write_text(
        '{% extends "liftplan/base.html" %}{% block footer %}Coached by Alex{% endblock %}\n',
        encoding="utf-8",
    )
    build(
        Settings(
            [str(PROGRAMS / "home-dumbbells.yaml")], tmp_path / "out", ["html"], templates=mine
        )
    )
    week = (tmp_path / "out" / "home-dumbbells" / "week-01.html").read_text(encoding="utf-8")
    assert "Coached by Alex" in week
    assert "Made with liftplan." not in week
    assert 'href="../assets/style.css"' in week


def test_a_broken_template_fails_the_build_and_leaves_the_output(tmp_path: Path) -> None:
    output = tmp_path / "out"
    build(Settings([str(PROGRAMS / "home-dumbbells.yaml")], output))
    before = {str(p): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "week.html").write_text("{{ no_such_value }}\n", encoding="utf-8")
    result = subprocess.run(
        [
            str(LIFTPLAN),
            "build",
            str(PROGRAMS / "home-dumbbells.yaml"),
            "-o",
            str(output),
            "--templates",
            str(broken),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert (
        result.stderr
        == f"{broken / 'week.html'}:1:1: template error: 'no_such_value' is undefined\n"
    )
    assert {str(p): p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "out"]
    shutil.rmtree(broken)


def test_a_base_url_adds_canonical_links_and_a_sitemap(tmp_path: Path) -> None:
    output = tmp_path / "out"
    build(
        Settings(
            [str(PROGRAMS / "home-dumbbells.yaml")],
            output,
            ["html"],
            base_url="https://coach.example/plans/",
        )
    )
    week = (output / "home-dumbbells" / "week-03.html").read_text(encoding="utf-8")
    assert (
        '<link rel="canonical" href="https://coach.example/plans/home-dumbbells/week-03.html">'
        in week
    )
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    pages = sorted(str(path.relative_to(output)) for path in output.rglob("*.html"))
    located = [
        line.split("<loc>")[1].split("</loc>")[0]
        for line in sitemap.splitlines()
        if "<loc>" in line
    ]
    assert sorted(located) == [f"https://coach.example/plans/{page}" for page in pages]


def test_without_a_base_url_there_is_no_absolute_link_and_no_sitemap(site: Path) -> None:
    assert not (site / "sitemap.xml").exists()
    assert all(
        'rel="canonical"' not in page.read_text(encoding="utf-8") for page in site.rglob("*.html")
    )


def test_the_examples_build_their_golden_pages(site: Path) -> None:
    """Regenerate with `make golden` after a deliberate change, and read the diff."""
    built = {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
    }
    golden = golden_site()
    assert sorted(built) == sorted(golden)
    for name, html in built.items():
        assert html == golden[name], f"{name} differs from tests/golden/site/{name}"


def test_a_templates_folder_can_replace_the_stylesheet(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "assets"
    mine.mkdir(parents=True)
    (mine / "style.css").write_text("body { color: rebeccapurple; }\n", encoding="utf-8")
    output = tmp_path / "out"
    build(
        Settings([str(PROGRAMS / "home-dumbbells.yaml")], output, ["html"], templates=mine.parent)
    )
    assert (output / "assets" / "style.css").read_text(encoding="utf-8") == (
        "body { color: rebeccapurple; }\n"
    )


def test_the_overview_links_to_the_files_built_beside_it(tmp_path: Path) -> None:
    output = tmp_path / "out"
    build(Settings([str(PROGRAMS / "home-dumbbells.yaml")], output, ["html", "ics", "csv"]))
    overview = output / "home-dumbbells" / "index.html"
    parser = Links()
    parser.feed(overview.read_text(encoding="utf-8"))
    files = [link for link in parser.links if link.startswith("plan.")]
    assert files == ["plan.ics", "plan.csv"]
    assert all((overview.parent / link).is_file() for link in files)


XHTML = "{http://www.w3.org/1999/xhtml}"


def test_every_page_is_well_formed_html5_with_a_sound_outline(site: Path) -> None:
    """The WHATWG parser (tinyhtml5, WeasyPrint's own) reports no parse error on any page,
    and every page has a language, a title, one main and one h1, unique ids, and
    headings that go down one level at a time."""
    from tinyhtml5.parser import HTMLParser

    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        parser = HTMLParser()
        root = parser.parse(page.read_bytes())
        assert parser.errors == [], f"{page}: {parser.errors[:3]}"
        assert root.get("lang") == "en", page
        title = root.find(f"{XHTML}head/{XHTML}title")
        assert title is not None, page
        assert (title.text or "").strip(), page
        assert len(root.findall(f".//{XHTML}main")) == 1, page
        assert len(root.findall(f".//{XHTML}h1")) == 1, page
        ids = [element.get("id") for element in root.iter() if element.get("id")]
        assert len(ids) == len(set(ids)), page
        levels = [
            int(element.tag[-1])
            for element in root.iter()
            if element.tag in {f"{XHTML}h{n}" for n in range(1, 7)}
        ]
        assert levels[0] == 1, page
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (page, levels)
