"""Incremental and parallel builds: the cache renders again exactly what an input change
affects, and worker processes give the same bytes as one process."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from generator.build import cache as cache_module
from generator.build.build import BuildResult, build
from generator.build.config import Settings
from generator.errors import LiftplanError
from generator.publish.pdf import PdfError
from tests.support.files import edit, snapshot
from tests.support.paths import PROGRAMS

FAST = ("html", "ics", "json", "csv")
ALL_FAST = {(spec.stem, name) for spec in PROGRAMS.glob("*.yaml") for name in FAST}


def run(
    specs: Path, formats: Sequence[str] = FAST, *, jobs: int = 1, **options: object
) -> BuildResult:
    output = specs.parent / "out"
    cache = specs.parent / "cache"
    return build(Settings([str(specs)], output, formats, jobs=jobs, cache=cache, **options))  # type: ignore[arg-type]


def test_a_rebuild_with_nothing_changed_renders_nothing_and_writes_the_same_bytes(
    specs: Path,
) -> None:
    first = run(specs)
    assert set(first.rendered) == ALL_FAST
    before = snapshot(specs.parent / "out")
    again = run(specs)
    assert again.rendered == ()
    assert again.cached == 5
    assert again.changed == 0
    assert (again.files, again.programs) == (first.files, first.programs)
    assert snapshot(specs.parent / "out") == before


def test_files_from_the_cache_are_the_files_a_fresh_build_makes(specs: Path) -> None:
    run(specs)
    # The same previous output for both, since calendar feeds are made over it.
    fresh = specs.parent / "fresh"
    shutil.copytree(specs.parent / "out", fresh)
    edit(specs / "hip-thrust-12wk.yaml", "title:", "title: Changed")
    assert run(specs).cached == 4
    build(Settings([str(specs)], fresh, FAST))
    assert snapshot(specs.parent / "out") == snapshot(fresh)


def test_a_changed_spec_rebuilds_that_program_only(specs: Path) -> None:
    run(specs)
    edit(specs / "home-dumbbells.yaml", 'start: "2027-06-07"', 'start: "2027-06-14"')
    again = run(specs)
    assert set(again.rendered) == {("home-dumbbells", name) for name in FAST}
    assert again.cached == 4


def test_a_new_or_changed_log_rebuilds_that_program_only(specs: Path) -> None:
    run(specs)
    log = specs / "hip-thrust-12wk.log.yaml"
    log.write_text(
        "program: hip-thrust-12wk\nsessions:\n  - date: '2027-01-04'\n"
        "    done:\n      hip_thrust: 10@90 10@90 10@90\n",
        encoding="utf-8",
    )
    after_new = run(specs)
    assert set(after_new.rendered) == {("hip-thrust-12wk", name) for name in FAST}
    log.write_text(log.read_text(encoding="utf-8").replace("10@90 10@90 10@90", "10@90 9@90"))
    after_change = run(specs)
    assert set(after_change.rendered) == {("hip-thrust-12wk", name) for name in FAST}
    log.unlink()
    assert set(run(specs).rendered) == {("hip-thrust-12wk", name) for name in FAST}


def test_a_changed_template_rebuilds_the_pages_of_every_program_and_nothing_else(
    specs: Path,
) -> None:
    mine = specs.parent / "templates"
    mine.mkdir()
    (mine / "footer-note.txt").write_text("one\n", encoding="utf-8")
    run(specs, templates=mine)
    (mine / "footer-note.txt").write_text("two\n", encoding="utf-8")
    again = run(specs, templates=mine)
    assert set(again.rendered) == {(spec.stem, "html") for spec in PROGRAMS.glob("*.yaml")}


def test_the_base_url_and_the_formats_built_rebuild_the_pages_and_feed_only(specs: Path) -> None:
    run(specs)
    moved = run(specs, base_url="https://example.org/plans/")
    assert {name for _, name in moved.rendered} == {"html", "ics"}  # events link to the pages
    fewer = run(specs, ("html", "json"), base_url="https://example.org/plans/")
    assert {name for _, name in fewer.rendered} == {"html"}  # the overview links to fewer files
    assert not (specs.parent / "out" / "hip-thrust-12wk" / "plan.ics").exists()


def test_the_page_size_rebuilds_the_pdf_only(specs: Path) -> None:
    for spec in specs.glob("*.yaml"):
        if spec.name != "hip-thrust-12wk.yaml":
            spec.unlink()
    run(specs, ("html", "pdf", "json"))
    letter = run(specs, ("html", "pdf", "json"), page_size="letter")
    assert letter.rendered == (("hip-thrust-12wk", "pdf"),)
    assert letter.pages > 0  # the page count comes with the PDF, from the cache or not
    again = run(specs, ("html", "pdf", "json"), page_size="letter")
    assert (again.rendered, again.pages) == ((), letter.pages)


def test_a_new_liftplan_rebuilds_everything(specs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(specs)
    monkeypatch.setattr(cache_module, "code_digest", lambda: "another version")
    assert set(run(specs).rendered) == ALL_FAST


def test_the_calendar_is_kept_only_over_the_feed_it_was_made_over(specs: Path) -> None:
    run(specs)
    feed = specs.parent / "out" / "five-three-one" / "plan.ics"
    # The output now holds another feed (an older build's, say, whose events had been
    # updated twice): the new feed must be made over it, keeping those sequence numbers.
    older = feed.read_bytes().replace(b"SEQUENCE:0", b"SEQUENCE:2")
    assert older != feed.read_bytes()
    feed.write_bytes(older)
    again = run(specs)
    assert again.rendered == (("five-three-one", "ics"),)
    assert feed.read_bytes() == older
    assert run(specs).rendered == ()
    # With no previous feed at all, the one made over none is used again.
    shutil.rmtree(specs.parent / "out")
    assert run(specs).rendered == (("five-three-one", "ics"),)
    assert b"SEQUENCE:2" not in feed.read_bytes()


def test_a_changed_session_bumps_its_calendar_sequence_through_the_cache(specs: Path) -> None:
    run(specs)
    edit(specs / "home-dumbbells.yaml", "days: [tue, thu, sat]", "days: [tue, thu, sun]")
    run(specs)
    feed = (specs.parent / "out" / "home-dumbbells" / "plan.ics").read_text(encoding="utf-8")
    assert "SEQUENCE:1" in feed
    assert run(specs).rendered == ()
    assert (specs.parent / "out" / "home-dumbbells" / "plan.ics").read_text() == feed


def test_a_damaged_cache_entry_is_rendered_again(specs: Path) -> None:
    run(specs)
    before = snapshot(specs.parent / "out")
    damaged = next((specs.parent / "cache").glob("*/files/home-dumbbells/index.html"))
    damaged.unlink()
    again = run(specs)
    assert again.rendered == (("home-dumbbells", "html"),)
    assert snapshot(specs.parent / "out") == before


def test_the_cache_keeps_only_what_the_last_build_used(specs: Path) -> None:
    run(specs)
    (specs / "home-dumbbells.yaml").unlink()
    run(specs)
    entries = list((specs.parent / "cache").iterdir())
    assert len(entries) == 4 * len(FAST)
    assert not list((specs.parent / "cache").glob("*/files/home-dumbbells"))


def test_warnings_come_back_from_the_cache_and_strict_still_refuses_them(specs: Path) -> None:
    edit(
        specs / "home-dumbbells.yaml", "  on_skip: move", '  on_skip: move\n  skip: ["2000-01-03"]'
    )
    fresh = run(specs)
    assert [w.format() for w in fresh.warnings] == [
        f"{specs / 'home-dumbbells.yaml'}:44:10: warning: schedule.skip[0]: "
        "'2000-01-03' is before the program starts (2027-06-07)"
    ]
    cached = run(specs)
    assert cached.rendered == ()
    assert cached.warnings == fresh.warnings
    before = snapshot(specs.parent / "out")
    with pytest.raises(LiftplanError) as raised:
        run(specs, strict=True)
    assert raised.value.diagnostics == fresh.warnings
    assert snapshot(specs.parent / "out") == before


def test_without_a_cache_folder_nothing_is_kept(specs: Path) -> None:
    build(Settings([str(specs)], specs.parent / "out", FAST))
    assert sorted(path.name for path in specs.parent.iterdir()) == ["out", "specs"]


# --- worker processes ------------------------------------------------------------------------


def test_two_workers_write_the_same_bytes_as_one(specs: Path) -> None:
    one, two = specs.parent / "one", specs.parent / "two"
    build(Settings([str(specs)], one, FAST, jobs=1))
    result = build(Settings([str(specs)], two, FAST, jobs=2))
    assert snapshot(one) == snapshot(two)
    assert result.programs == 5


@pytest.mark.slow
def test_two_workers_make_the_same_pdfs_as_one(specs: Path) -> None:
    chosen = [str(specs / "hip-thrust-12wk.yaml"), str(specs / "home-dumbbells.yaml")]
    one, two = specs.parent / "one", specs.parent / "two"
    first = build(Settings(chosen, one, ("pdf",), jobs=1))
    second = build(Settings(chosen, two, ("pdf",), jobs=2))
    assert snapshot(one) == snapshot(two)
    assert first.pages == second.pages > 0


def test_a_bad_spec_found_by_a_worker_is_reported_located_and_nothing_is_written(
    specs: Path,
) -> None:
    out = specs.parent / "out"
    build(Settings([str(specs)], out, FAST, jobs=2))
    before = snapshot(out)
    edit(specs / "home-dumbbells.yaml", "days: [tue, thu, sat]", "days: [tue, thu, someday]")
    with pytest.raises(LiftplanError) as raised:
        build(Settings([str(specs)], out, FAST, jobs=2))
    assert [(d.file, d.line, d.column) for d in raised.value.diagnostics] == [
        (str(specs / "home-dumbbells.yaml"), 42, 20)
    ]
    assert snapshot(out) == before
    assert [path.name for path in out.parent.iterdir() if path.name.startswith(".")] == []


def test_a_template_error_in_a_worker_names_the_template_line(specs: Path) -> None:
    mine = specs.parent / "templates"
    mine.mkdir()
    (mine / "week.html").write_text("fine\n{{ no_such_value }}\n", encoding="utf-8")
    with pytest.raises(LiftplanError) as raised:
        build(Settings([str(specs)], specs.parent / "out", ("html",), jobs=2, templates=mine))
    assert raised.value.diagnostics[0].format() == (
        f"{mine / 'week.html'}:2:1: template error: 'no_such_value' is undefined"
    )
    assert not (specs.parent / "out").exists()


def test_a_pdf_error_in_a_worker_fails_the_build(specs: Path) -> None:
    mine = specs.parent / "templates"
    mine.mkdir()
    (mine / "pdf.html").write_text(
        '{% extends "liftplan/pdf.html" %}{% block cover_extra %}'
        '<img src="file:///etc/passwd">{% endblock %}',
        encoding="utf-8",
    )
    chosen = [str(specs / "hip-thrust-12wk.yaml"), str(specs / "home-dumbbells.yaml")]
    with pytest.raises(PdfError, match=r"hip-thrust-12wk/plan.pdf: .*file:///etc/passwd"):
        build(Settings(chosen, specs.parent / "out", ("pdf",), jobs=2, templates=mine))
    assert not (specs.parent / "out").exists()


@pytest.mark.parametrize("cached", [False, True], ids=["fresh", "from the cache"])
def test_two_specs_with_one_id_are_refused_at_the_second_id(specs: Path, cached: bool) -> None:
    """Their files would overwrite each other: the later spec's id is named, at its line,
    whether the two were built now or come from the cache, and nothing is written."""
    copy = specs / "zz-copy.yaml"
    shutil.copy(specs / "home-dumbbells.yaml", copy)
    edit(copy, "# ", "\n\n# ")  # the id two lines further down than in the original
    original = specs / "home-dumbbells.yaml"
    if cached:  # the copy built under its id, then the original takes the same id again
        edit(original, "id: home-dumbbells", "id: another")
        run(specs)
        edit(original, "id: another", "id: home-dumbbells")
    out = specs.parent / "out"
    before = snapshot(out) if out.exists() else {}
    with pytest.raises(LiftplanError) as raised:
        run(specs)
    line = next(
        number
        for number, text in enumerate(copy.read_text().splitlines(), start=1)
        if text.startswith("id: ")
    )
    assert [(d.file, d.line, d.column, d.message) for d in raised.value.diagnostics] == [
        (
            str(copy),
            line,
            5,
            f"the id 'home-dumbbells' is also used by {original}",
        )
    ]
    assert (snapshot(out) if out.exists() else {}) == before


def test_a_published_output_shares_no_file_with_the_cache(specs: Path) -> None:
    """Editing a published file in place (a deploy step that minifies, say) must never
    change what the cache holds: its files are copies."""
    run(specs)
    assert run(specs).cached == 5
    out = specs.parent / "out"
    assert all(path.stat().st_nlink == 1 for path in out.rglob("*") if path.is_file())


def test_a_private_output_shares_the_cache_files_and_stays_right(specs: Path) -> None:
    """serve's own folder, which nothing edits: cached files are links to the cache's,
    a program rendered again gets new files, and the result is what a fresh build makes."""
    run(specs, private=True)
    assert run(specs, private=True).cached == 5
    out = specs.parent / "out"
    programs = [p for p in out.rglob("*") if p.is_file() and p.parent.parent == out]
    programs = [p for p in programs if p.parent.name != "assets"]
    assert len(programs) > 50
    assert all(p.stat().st_nlink > 1 for p in programs)  # tmp_path is one file system
    fresh = specs.parent / "fresh"
    for old, new in (("title:", "title: Changed"), ("title: Changed", "title:")):
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(out, fresh)  # the same previous feed for both (calendar sequences)
        edit(specs / "hip-thrust-12wk.yaml", old, new)
        assert run(specs, private=True).cached == 4
        build(Settings([str(specs)], fresh, FAST))
        assert snapshot(out) == snapshot(fresh)
