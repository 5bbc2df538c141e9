"""Coverage-guided fuzzing of the spec loader with atheris (libFuzzer); not run in CI.

    .venv/bin/pip install -e '.[fuzz]'
    mkdir -p /tmp/liftplan-corpus
    .venv/bin/python fuzz/fuzz_loader.py -max_total_time=600 -timeout=10 \\
        /tmp/liftplan-corpus tests/hostile programs

libFuzzer reads every folder named as seeds and writes the new inputs it finds into the
first one, so give it a scratch folder first (or leave it out to keep nothing). An input
that makes the loader raise anything but LiftplanError, give a diagnostic outside the
file, run past -timeout seconds or past -rss_limit_mb (2048 by default) is written to
./crash-<sha1> (or timeout-, oom-); run the harness on that file alone to replay it:

    .venv/bin/python fuzz/fuzz_loader.py ./crash-<sha1>

fuzz/fuzz_pipeline.py does the same for the whole pipeline (validate, expand, outputs).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from generator.errors import Diagnostic, LiftplanError
    from generator.spec.loader import load_bytes

FILE = "fuzz.yaml"


def check_located(diagnostics: tuple[Diagnostic, ...], data: bytes) -> None:
    """Every diagnostic names the file and a line and column in it."""
    assert diagnostics, "a LiftplanError without a diagnostic"
    text = data.decode("utf-8", errors="replace")
    last = 1 + sum(text.count(brk) for brk in ("\n", "\r", "\x85", "\u2028", "\u2029"))
    for diagnostic in diagnostics:
        assert diagnostic.file == FILE, diagnostic
        assert 1 <= diagnostic.line <= last, diagnostic
        assert diagnostic.column >= 1, diagnostic


def TestOneInput(data: bytes) -> None:  # the name atheris and libFuzzer use
    try:
        document = load_bytes(data, FILE)
    except LiftplanError as error:
        check_located(error.diagnostics, data)
        return
    assert isinstance(document.data, dict), "a document that is not a mapping"


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
