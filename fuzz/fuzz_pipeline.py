"""Coverage-guided fuzzing of the whole pipeline with atheris (libFuzzer); not run in CI.

Each input is a spec's bytes, taken through load, validate, build, expand, the HTML pages,
JSON, CSV and the calendar feed; only LiftplanError (or validation's diagnostics) may
come out. Seed it with the example programs, which get past validation:

    .venv/bin/pip install -e '.[fuzz]'
    mkdir -p /tmp/liftplan-pipeline-corpus
    .venv/bin/python fuzz/fuzz_pipeline.py -max_total_time=600 -timeout=20 \\
        /tmp/liftplan-pipeline-corpus programs tests/hostile

See fuzz/fuzz_loader.py for what the arguments do and how to replay a crash.
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports():
    from generator.errors import LiftplanError
    from generator.pipeline import Sources, check_sources
    from generator.pipeline import plan as pipeline_plan
    from generator.publish.calendar import plan_ics
    from generator.publish.data import plan_csv, plan_json
    from generator.publish.site import program_pages
    from generator.publish.templates import environment

FILE = "fuzz.yaml"
ENV = environment()


def TestOneInput(data: bytes) -> None:  # the name atheris and libFuzzer use
    checked = check_sources(Sources(FILE, data, None))
    found = checked.diagnostics
    assert all(d.file == FILE and d.line >= 1 and d.column >= 1 for d in found), found
    if checked.errors:
        return
    try:
        plan = pipeline_plan(checked, None).plan
        pages = dict(program_pages(ENV, plan))
        assert all(isinstance(page, str) and page for page in pages.values())
        json.loads(plan_json(plan))
        plan_csv(plan)
        plan_ics(plan, {})
    except LiftplanError:
        return


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
