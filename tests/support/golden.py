"""Golden plans and pages: the expanded JSON of every example program, and the HTML of the
site built from them, kept under tests/golden/ (the pages under tests/golden/site/).

Regenerate after a deliberate change with `make golden` (which runs
`python -m tests.support.golden`), then read the diff: every changed number should be
one the change meant to change, every changed page one it meant to change.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from generator.build.build import build
from generator.build.config import Settings
from generator.publish.data import plan_json
from tests.support.paths import GOLDEN, ROOT, example_programs
from tests.support.plans import plan_from_file

GOLDEN_SITE = GOLDEN / "site"


def expanded_json(spec: Path) -> str:
    """The plan JSON of a spec, as the build writes it."""
    return plan_json(plan_from_file(spec))


def golden_path(spec: Path) -> Path:
    return GOLDEN / f"{spec.stem}.json"


def site_html() -> dict[str, str]:
    """Every HTML page of the site the examples build, by path within the site."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "site"
        build(Settings([str(spec) for spec in example_programs()], output, ["html"]))
        return {
            path.relative_to(output).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(output.rglob("*.html"))
        }


def golden_site() -> dict[str, str]:
    return {
        path.relative_to(GOLDEN_SITE).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN_SITE.rglob("*.html"))
    }


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for spec in example_programs():
        golden_path(spec).write_text(expanded_json(spec), encoding="utf-8")
        print(f"wrote {golden_path(spec).relative_to(ROOT)}")
    pages = site_html()
    shutil.rmtree(GOLDEN_SITE, ignore_errors=True)
    for relative, html in pages.items():
        target = GOLDEN_SITE / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    print(f"wrote {len(pages)} pages under {GOLDEN_SITE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
