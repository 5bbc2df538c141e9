"""Benchmark: validation and expansion of a large generated program.

Run with `make bench` (or `python -m bench.expand`). Prints medians of several runs;
the machines are shared and noisy, so no run is compared against a fixed limit.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from generator.pipeline import check_document, model, project
from generator.plan.expand import expand
from generator.plan.values import Plan
from generator.publish.data import plan_json
from generator.spec.loader import dump, load_bytes
from generator.spec.model import Program

RUNS = 7
EXERCISES = (
    ("back_squat", "80%"),
    ("bench_press", "75%"),
    ("deadlift", "70%"),
    ("overhead_press", "70%"),
    ("hip_thrust", "65%"),
    ("barbell_row", 60),
    ("dumbbell_row", 20),
    ("push_up", "bodyweight"),
)


def generated_spec(weeks: int, days: int, exercises: int) -> dict[str, Any]:
    """A program of `weeks` weeks, `days` sessions a week and `exercises` exercises each."""
    weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][:days]
    labels = [chr(ord("A") + index) for index in range(days)]
    session = [
        {
            "exercise": name,
            "sets": 4,
            "reps": "6-10",
            "load": load,
            "warmup": "auto" if isinstance(load, str) and load.endswith("%") else "none",
            "progress": [{"double": {"add": 2.5}}, {"rest": {"step": "-15s", "floor": "60s"}}],
        }
        for name, load in EXERCISES[:exercises]
    ]
    phase_weeks = 4
    return {
        "id": "bench",
        "title": "Benchmark",
        "start": "2027-01-04",
        "schedule": {"days": weekdays},
        "equipment": {
            "barbell": {"kind": "barbell", "bar": 20, "plates": [25, 20, 15, 10, 5, 2.5, 1.25]},
            "dumbbells": {"kind": "dumbbells", "loads": [5 + 2.5 * i for i in range(20)]},
        },
        "maxes": {name: {"one_rm": 100 + 10 * i} for i, (name, _) in enumerate(EXERCISES[:5])},
        "deload": {"every": 4},
        "phases": [
            {
                "name": f"Block {index + 1}",
                "weeks": phase_weeks,
                "sessions": dict.fromkeys(labels, session),
            }
            for index in range(weeks // phase_weeks)
        ],
    }


def median_seconds(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _cold(program: Program) -> Plan:
    from generator.plan import rounding

    rounding._made.cache_clear()
    return expand(program)


def main() -> None:
    spec = generated_spec(52, 6, 8)
    text = dump(spec).encode()
    document = load_bytes(text, "bench.yaml")
    errors = [d.format() for d in check_document(document) if d.severity == "error"]
    assert not errors, errors
    program, plan = project(document)
    sets = sum(len(e.sets) for s in plan.sessions for e in s.exercises)
    print(f"program: 52 weeks x 6 days x 8 exercises: {len(plan.sessions)} sessions, {sets} sets")
    print(f"medians of {RUNS} runs:")
    rows = [
        ("load + validate", lambda: check_document(load_bytes(text, "b")), ""),
        ("build model", lambda: model(document), ""),
        ("expand", lambda: expand(program), ""),
        ("expand, cold", lambda: _cold(program), "  (rounding cache emptied first)"),
        ("plan as JSON", lambda: plan_json(plan), ""),
    ]
    for name, work, note in rows:
        print(f"  {name:17} {median_seconds(work):8.3f} s{note}")


if __name__ == "__main__":
    main()
