"""A MkDocs project with the same pages as a liftplan site, for bench/scale.py to time.

The comparison asks whether liftplan's HTML stage is faster per page than a common static
site generator, so the project mirrors the site liftplan wrote: one Markdown page for
every .html page, at the same path, linked the same way (the home page lists the
programs, a program's overview lists its weeks, a week links to its neighbours and its
overview). A week page is a table with a row for every exercise of the week, holding the
texts a week page of ours shows (warm-up, sets, cues), so the pages are of similar size.

MkDocs runs as configured out of the box apart from: the built-in `mkdocs` theme, no
plugins (the search plugin is on by default and would index every page, which liftplan
does not do), `use_directory_urls: false` so that pages land at the same paths, and a
navigation of the home page alone. MkDocs renders the whole navigation into every page;
listing every page there would cost it time that grows with the square of the pages,
which liftplan's site has no counterpart of.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

CONFIG = """\
site_name: Benchmark
theme:
  name: mkdocs
plugins: []
use_directory_urls: false
nav:
  - index.md
"""
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
EXERCISES = (
    ("Back squat", "Brace before you descend · Knees track over the toes"),
    ("Bench press", "Shoulder blades pinned · Feet planted · Touch the lower chest"),
    ("Deadlift", "Bar over mid-foot · Push the floor away · Lats tight"),
    ("Overhead press", "Squeeze the glutes · Head through once the bar passes"),
    ("Barbell hip thrust", "Chin tucked, ribs down · Shins vertical at the top"),
)


def write_project(root: Path, pages: Iterable[str], rows: int) -> int:
    """Write root/mkdocs.yml and a page under root/docs/ for every .html path in `pages`.

    `rows` is the number of exercises in a week (days x exercises). Returns the number of
    Markdown pages written.
    """
    docs = root / "docs"
    docs.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    paths = sorted(PurePosixPath(page).with_suffix(".md") for page in pages)
    children = _children(paths)
    for path in paths:
        if path.name == "index.md":
            text = _overview(path, children[path.parent])
        else:
            text = _week(path, children[path.parent], rows)
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return len(paths)


def _children(paths: Sequence[PurePosixPath]) -> dict[PurePosixPath, list[PurePosixPath]]:
    """What each folder's index lists: the other pages in it and its sub-folders' indexes."""
    listed: dict[PurePosixPath, list[PurePosixPath]] = defaultdict(list)
    for path in paths:
        if path.name != "index.md":
            listed[path.parent].append(path)
        elif path.parent != PurePosixPath("."):
            listed[path.parent.parent].append(path)
    return listed


def _overview(path: PurePosixPath, listed: Sequence[PurePosixPath]) -> str:
    """An index page: a title and a link to each page it lists, relative to itself."""
    links = [f"- [{_title(page)}]({page.relative_to(path.parent)})" for page in listed]
    return "\n".join([f"# {_title(path)}", "", *links, ""])


def _week(path: PurePosixPath, siblings: Sequence[PurePosixPath], rows: int) -> str:
    """A week page: a table of `rows` exercises, and links to its neighbours and overview."""
    position = siblings.index(path)
    neighbours = [siblings[i] for i in (position - 1, position + 1) if 0 <= i < len(siblings)]
    links = " · ".join(f"[{_title(page)}]({page.name})" for page in neighbours)
    header = [
        f"# {_title(path)}",
        "",
        "11 Jan to 17 Jan 2027. 60 hard sets, tonnage 35910 kg, mean intensity 71.9%.",
        "",
        "| Day | Exercise | Warm-up | Sets | Cues |",
        "|---|---|---|---|---|",
    ]
    return "\n".join([*header, *_rows(rows), "", f"{links} · [All weeks](index.md)", ""])


def _rows(count: int) -> list[str]:
    """Table rows with the texts of a week page of ours, cycling through the exercises."""
    rows = []
    for index in range(count):
        name, cues = EXERCISES[index % len(EXERCISES)]
        day = DAYS[index // len(EXERCISES) % len(DAYS)]
        rows.append(
            f"| {day}, session {chr(ord('A') + index // len(EXERCISES) % 26)} | {name} "
            "| 20 kg x 8, 32.5 kg x 5, 47.5 kg x 3, 65 kg x 2 "
            "| 4 x 7 (range to 10) @ 80 kg (80%) [per side: 25 + 5], rest 1m45s "
            f"| {cues} |"
        )
    return rows


def _title(path: PurePosixPath) -> str:
    """A readable title from a page's path: "synthetic-0001/week-03.md" is "week-03"."""
    if path.name == "index.md":
        return path.parent.name or "Programs"
    return path.stem
