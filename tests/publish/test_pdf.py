"""The printed plan: real WeasyPrint PDFs, read back with pypdf and rendered by poppler."""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.build.build import build
from generator.build.config import Settings
from generator.plan.expand import expand
from generator.plan.values import Plan
from generator.publish.pdf import Pdf, PdfError, pdf_html, render_pdf
from generator.publish.templates import environment
from generator.resources import data_dir
from generator.spec.model import build_program
from generator.wording import reps_text, rounded
from tests.support.paths import PROGRAMS
from tests.support.plans import plan_from_file

BUILTIN = [data_dir("templates")]
TIMES = "\u00d7"  # between a set's load and its reps


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    """Text with runs of white space made one space, as lines wrap where they will."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def hip_thrust() -> tuple[Plan, Pdf, list[str]]:
    plan = plan_from_file(PROGRAMS / "hip-thrust-12wk.yaml")
    pdf = render_pdf(pdf_html(environment(), plan), BUILTIN)
    return plan, pdf, [flat(text) for text in pages_text(pdf.data)]


def week_pages(plan: Plan, texts: list[str]) -> dict[int, list[int]]:
    """Which pages (0-based) each week is printed on, from the week heading and the running
    header every page of a week carries."""
    found: dict[int, list[int]] = {}
    for index, text in enumerate(texts[1:], start=1):
        numbers = {int(n) for n in re.findall(r"Week (\d+): ", text)}
        assert len(numbers) == 1, f"page {index + 1} names weeks {numbers}"
        found.setdefault(numbers.pop(), []).append(index)
    return found


def test_every_page_says_page_n_of_m(hip_thrust: tuple[Plan, Pdf, list[str]]) -> None:
    _plan, pdf, texts = hip_thrust
    assert len(texts) == pdf.pages
    for index, text in enumerate(texts, start=1):
        assert f"page {index} of {pdf.pages}" in text


def test_the_cover_has_the_overview_and_every_week_starts_a_page(
    hip_thrust: tuple[Plan, Pdf, list[str]],
) -> None:
    plan, pdf, texts = hip_thrust
    program = plan.program
    assert program.title in texts[0]
    assert f"For {program.athlete}" in texts[0]
    for phase in program.phases:
        assert phase.name in texts[0]
    assert "Volume and intensity" in texts[0]
    pages = week_pages(plan, texts)
    assert sorted(pages) == [week.number for week in plan.weeks]
    starts = [pages[week.number][0] for week in plan.weeks]
    assert starts == sorted(starts)
    assert pdf.pages == 1 + sum(len(found) for found in pages.values())
    for week in plan.weeks:
        heading = f"Week {week.number}: {week.phase}"
        first = texts[pages[week.number][0]]
        assert heading in first
        # The running header names the program and athlete on every page after the cover.
        assert f"{program.title} · {program.athlete}" in first


def test_every_session_date_and_every_load_is_printed_in_its_week(
    hip_thrust: tuple[Plan, Pdf, list[str]],
) -> None:
    plan, _pdf, texts = hip_thrust
    pages = week_pages(plan, texts)
    units = plan.program.units
    checked = 0
    for week in plan.weeks:
        text = " ".join(texts[index] for index in pages[week.number])
        for session in week.sessions:
            assert f"{session.date:%A %d %B}" in text
            for exercise in session.exercises:
                assert exercise.name in text
                for planned in exercise.sets:
                    if planned.load is None:
                        continue
                    # A set's label, "62.5 x 8" (with a multiplication sign); a warm-up's
                    # in the line before its sets.
                    reps = reps_text(planned).replace("-", "\u2013")  # a range, with an en dash
                    assert f"{rounded(planned.load)} {TIMES} {reps}" in text
                    checked += 1
    assert checked > 100
    assert f"loads in {units}" in texts[0]


def test_page_one_renders_to_an_image_that_is_not_blank(
    hip_thrust: tuple[Plan, Pdf, list[str]], tmp_path: Path
) -> None:
    from PIL import Image

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        if os.environ.get("CI"):
            pytest.fail("pdftoppm (poppler-utils) is missing; CI must install it")
        pytest.skip("pdftoppm (Debian's poppler-utils) is not installed")
    _plan, pdf, _texts = hip_thrust
    (tmp_path / "plan.pdf").write_bytes(pdf.data)
    subprocess.run(
        [pdftoppm, "-r", "40", "-png", "-f", "1", "-l", "1", "-singlefile", "plan.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    image = Image.open(tmp_path / "page.png").convert("L")
    width, height = image.size
    assert abs(width / height - 210 / 297) < 0.01  # A4
    dark = sum(image.histogram()[:128])
    assert dark > 0.02 * width * height
    # The chart's bars are solid blue: a good share of the page is that colour.
    pixels = Image.open(tmp_path / "page.png").convert("RGB").tobytes()
    blue = sum(
        1
        for red, bright in zip(pixels[0::3], pixels[2::3], strict=True)
        if bright > 150 and red < 60
    )
    assert blue > 0.01 * width * height


def test_letter_and_a4_page_sizes() -> None:
    plan = plan_from_file(PROGRAMS / "home-dumbbells.yaml")
    sizes = {}
    for name in ("a4", "letter"):
        pdf = render_pdf(pdf_html(environment(), plan, name), BUILTIN)
        box = PdfReader(io.BytesIO(pdf.data)).pages[0].mediabox
        sizes[name] = (round(float(box.width)), round(float(box.height)))
    assert sizes == {"a4": (595, 842), "letter": (612, 792)}


def test_the_same_plan_gives_the_same_bytes_and_weasyprint_logs_nothing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    plan = plan_from_file(PROGRAMS / "home-dumbbells.yaml")
    html = pdf_html(environment(), plan)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        first = render_pdf(html, BUILTIN)
        second = render_pdf(html, BUILTIN)
    assert first.data == second.data
    assert [record.getMessage() for record in caplog.records] == []


def test_a_long_week_continues_cleanly_with_its_headers(tmp_path: Path) -> None:
    """Four sessions of eight exercises of five sets cannot fit a page: the week runs on,
    an exercise is never split from its rows or its column headings, and each page of the
    week is headed with it."""
    names = ["hip_thrust", "back_squat", "bench_press", "deadlift"]
    names += ["overhead_press", "barbell_row", "romanian_deadlift", "front_squat"]
    exercises = "\n".join(
        f"          - {{exercise: {name}, sets: 5, reps: 8, load: 60%}}" for name in names
    )
    maxes = "\n".join(f"  {name}: {{one_rm: 100}}" for name in names)
    spec = tmp_path / "long.yaml"
    spec.write_text(
        f"""id: long
title: Long weeks
start: "2027-01-04"
schedule: {{days: [mon, tue, thu, fri]}}
equipment:
  barbell: {{kind: barbell, bar: 20, plates: [20, 10, 5, 2.5, 1.25]}}
maxes:
{maxes}
phases:
  - name: Volume
    weeks: 1
    goal: hypertrophy
    sessions:
      A:
{exercises}
""",
        encoding="utf-8",
    )
    plan = plan_from_file(spec)
    pdf = render_pdf(pdf_html(environment(), plan), BUILTIN)
    texts = [flat(text) for text in pages_text(pdf.data)]
    assert len(texts) >= 3
    sessions = [f"{session.date:%A %d %B} · Session A" for session in plan.sessions]
    for number, text in enumerate(texts[1:], start=1):
        assert f"Week 1: Volume{' (continued)' if number > 1 else ''}" in text
        # The page's first exercise comes after a session's heading: a session that runs
        # on from the page before repeats its day and title.
        first_heading = min(text.find(heading) for heading in sessions if heading in text)
        assert 0 <= first_heading < text.find("Barbell hip thrust"), number
    # Every session is printed, each exercise whole: its five sets on the page it starts.
    together = " ".join(texts[1:])
    for heading in sessions:
        assert heading in together
    for text in texts[1:]:
        assert len(re.findall(rf"\b60 {TIMES} 8\b", text)) % 5 == 0
    # The week is cut evenly: no page is a sliver after full ones.
    names = [text.count("Barbell hip thrust") + text.count("Back squat") for text in texts[1:]]
    assert min(names) >= max(names) / 3, names


def unpacked(data: bytes) -> bytes:
    """The PDF with every compressed stream inflated, to search for what it holds."""
    parts = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, flags=re.DOTALL):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(parts)


def hostile_spec(folder: Path) -> Path:
    spec = (PROGRAMS / "home-dumbbells.yaml").read_text(encoding="utf-8")
    spec = spec.replace(
        "title: Home strength with dumbbells and kettlebells",
        'title: "<script>alert(1)</script>"',
        1,
    ).replace(
        "coach: Casey",
        'coach: \'<img src="file:///etc/passwd"> <a rel="attachment" href="file:///etc/passwd">x</a>\'',
        1,
    )
    assert "<script>" in spec
    folder.mkdir()
    (folder / "x.yaml").write_text(spec, encoding="utf-8")
    return folder / "x.yaml"


def test_markup_in_a_spec_is_printed_as_text_and_fetches_nothing(tmp_path: Path) -> None:
    plan = plan_from_file(hostile_spec(tmp_path / "specs"))
    pdf = render_pdf(pdf_html(environment(), plan), BUILTIN)
    text = flat(" ".join(pages_text(pdf.data)))
    assert "<script>alert(1)</script>" in text
    assert '<img src="file:///etc/passwd">' in text
    reader = PdfReader(io.BytesIO(pdf.data))
    assert reader.attachments == {}
    inside = unpacked(pdf.data)
    assert len(inside) > 2 * len(pdf.data)  # the streams were inflated, so the search means it
    for line in Path("/etc/passwd").read_bytes().splitlines():
        if len(line) > 8:
            assert line not in inside
    assert b"root:" not in inside
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        assert "/XObject" not in resources or all(
            item.get_object().get("/Subtype") != "/Image" for item in resources["/XObject"].values()
        )


@pytest.mark.parametrize(
    ("markup", "refused"),
    [
        ('<img src="file:///etc/passwd">', "/etc/passwd is outside the template folders"),
        ('<a rel="attachment" href="file:///etc/passwd">log</a>', "/etc/passwd is outside"),
        ('<link rel="stylesheet" href="https://example.org/x.css">', "does not fetch"),
        ('<img src="outside.png">', "is outside the template folders"),
        ('<img src="missing.png">', "is not a file"),
        # Not refused by the fetcher, but WeasyPrint logs an error: that fails the build too.
        ('<img src="data:image/png;base64,AAAA">', "Failed to load image"),
    ],
)
def test_a_template_that_reaches_outside_fails_the_build_and_writes_nothing(
    tmp_path: Path, markup: str, refused: str
) -> None:
    output = tmp_path / "out"
    build(Settings([str(PROGRAMS / "home-dumbbells.yaml")], output, ["html", "json"]))
    before = {str(p): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    mine = tmp_path / "mine"
    mine.mkdir()
    (tmp_path / "secret.png").write_bytes(b"secret bytes")
    (mine / "outside.png").symlink_to(tmp_path / "secret.png")
    (mine / "pdf.html").write_text(
        '{% extends "liftplan/pdf.html" %}{% block cover_extra %}' + markup + "{% endblock %}",
        encoding="utf-8",
    )
    with pytest.raises(PdfError, match=re.escape(refused)) as raised:
        build(Settings([str(PROGRAMS / "home-dumbbells.yaml")], output, templates=mine))
    assert str(raised.value).startswith("home-dumbbells/plan.pdf: ")
    assert {str(p): p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "out", "secret.png"]


def test_a_template_may_use_its_own_images_and_data_urls(tmp_path: Path) -> None:
    from PIL import Image

    mine = tmp_path / "mine"
    mine.mkdir()
    Image.new("RGB", (4, 4), (255, 0, 0)).save(mine / "logo.png")
    pixel = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"
        "z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    (mine / "pdf.html").write_text(
        '{% extends "liftplan/pdf.html" %}{% block cover_extra %}'
        f'<img src="logo.png" alt=""><img src="{pixel}" alt="">'
        "{% endblock %}",
        encoding="utf-8",
    )
    output = tmp_path / "out"
    build(Settings([str(PROGRAMS / "home-dumbbells.yaml")], output, ["pdf"], templates=mine))
    reader = PdfReader(output / "home-dumbbells" / "plan.pdf")
    images = reader.pages[0].images
    assert len(images) == 2


# --- long plans print in volumes ----------------------------------------------------------------


def test_a_long_plan_is_cut_into_even_volumes_of_bounded_size() -> None:
    from bench.expand import generated_spec
    from generator.publish.views import VOLUME_ROWS, pdf_volumes, print_rows

    plan = expand(build_program(generated_spec(520, 3, 5)))
    rows = [print_rows(week) for week in plan.weeks]
    volumes = pdf_volumes(plan)
    assert [v.first for v in volumes] == [1] + [v.last + 1 for v in volumes[:-1]]
    assert volumes[-1].last == 520
    sizes = [sum(rows[v.first - 1 : v.last]) for v in volumes]
    assert max(sizes) <= VOLUME_ROWS
    assert len(volumes) <= -(-sum(rows) // VOLUME_ROWS) + 1  # as few as the even split allows
    assert max(sizes) - min(sizes) <= max(rows)  # of like size
    assert [(v.number, v.count) for v in volumes] == [(n, len(volumes)) for n in range(1, 13)]
    assert volumes[0].href == "plan-weeks-01-43.pdf"
    assert volumes[-1].label == "Printable plan, weeks 478-520 (PDF)"
    for path in sorted(PROGRAMS.glob("*.yaml")):  # every example is one volume, as before
        (only,) = pdf_volumes(plan_from_file(path))
        assert (only.href, only.first, only.last) == (
            "plan.pdf",
            1,
            len(plan_from_file(path).weeks),
        )


def test_volumes_are_built_linked_and_each_holds_its_own_weeks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.publish.views

    monkeypatch.setattr(generator.publish.views, "VOLUME_ROWS", 300)  # the 12 weeks' 471 rows: two
    output = tmp_path / "out"
    result = build(Settings([str(PROGRAMS / "hip-thrust-12wk.yaml")], output, ["html", "pdf"]))
    folder = output / "hip-thrust-12wk"
    names = sorted(path.name for path in folder.glob("*.pdf"))
    assert names == ["plan-weeks-01-05.pdf", "plan-weeks-06-12.pdf"]
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert '<a href="plan-weeks-01-05.pdf">Printable plan, weeks 1-5 (PDF)</a>' in index
    assert '<a href="plan-weeks-06-12.pdf">Printable plan, weeks 6-12 (PDF)</a>' in index
    pages = 0
    volumes = zip(names, (range(1, 6), range(6, 13)), strict=True)
    for volume, (name, weeks) in enumerate(volumes, start=1):
        texts = [flat(text) for text in pages_text((folder / name).read_bytes())]
        pages += len(texts)
        first, last = weeks[0], weeks[-1]
        assert f"Volume {volume} of 2: weeks {first} to {last}." in texts[0]
        assert f"page 1 of {len(texts)}" in texts[-len(texts)]  # each volume counts its own
        printed = {int(n) for text in texts[1:] for n in re.findall(r"Week (\d+): ", text)}
        assert printed == set(weeks)
        listed = {int(n) for n in re.findall(r"Week (\d+) \d", texts[0])}
        assert listed == set(weeks)  # the cover's calendar lists the volume's own weeks
    assert result.pages == pages


VOLUME_MEMORY = """
import sys
from pathlib import Path
import generator.publish.views
from bench.expand import generated_spec
from generator.build.build import build
from generator.build.config import Settings
from generator.spec.loader import dump

generator.publish.views.VOLUME_ROWS = int(sys.argv[1])
Path("programs").mkdir()
Path("programs/long.yaml").write_text(dump(generated_spec(48, 3, 5)), encoding="utf-8")
build(Settings(["programs"], Path("out"), ["pdf"]))
# VmHWM, the peak of this process's own memory: ru_maxrss would start from the peak of
# the test process it was spawned from (Linux keeps it across exec).
status = Path("/proc/self/status").read_text()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""


@pytest.mark.slow
def test_volumes_hold_the_memory_of_laying_out_a_long_plan_down(tmp_path: Path) -> None:
    """WeasyPrint keeps a document's whole layout until it writes the PDF; laid out one
    volume at a time, an 80-page plan in twelve volumes peaks far lower than in one."""
    peaks = []
    for rows, folder in ((10**9, tmp_path / "whole"), (600, tmp_path / "volumes")):
        folder.mkdir()
        run = subprocess.run(
            [sys.executable, "-c", VOLUME_MEMORY, str(rows)],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(PROGRAMS.parent)},
        )
        peaks.append(int(run.stdout.split()[-1]))
    assert len(list((tmp_path / "volumes" / "out" / "bench").glob("*.pdf"))) == 12
    whole, volumes = peaks
    assert volumes * 1.6 < whole, peaks
