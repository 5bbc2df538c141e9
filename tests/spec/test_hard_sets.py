"""The spec's `hard_sets` threshold: read with its defaults, and each bad value reported at
its place, as the rest of the spec is."""

from __future__ import annotations

from fractions import Fraction

import pytest

from generator.pipeline import check_document
from generator.spec.defaults import schema_default
from generator.spec.loader import load_bytes
from generator.spec.model import HardSets, build_program
from tests.support.spec_header import HEADER_YAML

BODY = """\
maxes:
  back_squat: {one_rm: 100}
phases:
  - name: P
    weeks: 2
    sessions:
      A: [{exercise: back_squat, load: 70%}]
"""


def spec(threshold: str | None) -> bytes:
    """The head (lines 1-6), the threshold on line 7 when given, then a squat phase."""
    line = f"hard_sets: {threshold}\n" if threshold is not None else ""
    return (HEADER_YAML + line + BODY).encode()


def found(threshold: str) -> list[str]:
    return [d.format() for d in check_document(load_bytes(spec(threshold), "s.yaml"))]


@pytest.mark.parametrize(
    ("threshold", "expected"),
    [
        (None, HardSets(Fraction(3, 5), Fraction(6))),
        ("{intensity: 65%}", HardSets(Fraction(13, 20), Fraction(6))),
        ("{rpe: 7.5}", HardSets(Fraction(3, 5), Fraction(15, 2))),
        ("{intensity: 0%, rpe: 1}", HardSets(Fraction(0), Fraction(1))),
    ],
)
def test_the_threshold_as_written_or_by_default(threshold: str | None, expected: HardSets) -> None:
    document = load_bytes(spec(threshold), "s.yaml")
    assert [d.format() for d in check_document(document)] == []
    assert build_program(document.data).hard_sets == expected


def test_the_defaults_are_the_schemas() -> None:
    defaults = [
        schema_default("properties", "hard_sets", "properties", k) for k in ("intensity", "rpe")
    ]
    assert defaults == ["60%", 6]


@pytest.mark.parametrize(
    ("threshold", "message"),
    [
        (
            "{intensity: 120%}",
            "s.yaml:7:24: hard_sets.intensity: 120%: above the one-rep max, hardly a set "
            "would count; give at most 100%",
        ),
        (
            "{intensity: 60}",
            "s.yaml:7:24: hard_sets.intensity: expected text, not 60: write a percentage "
            "with the % sign, e.g. 90%",
        ),
        ("{rpe: 11}", "s.yaml:7:18: hard_sets.rpe: 11 is above the most allowed, 10"),
        ("{rpe: 6.3}", "s.yaml:7:18: hard_sets.rpe: 6.3 must be a multiple of 0.5"),
        (
            "{effort: 6}",
            "s.yaml:7:13: hard_sets.effort: unknown key 'effort' (expected intensity, rpe)",
        ),
        ("60%", "s.yaml:7:12: hard_sets: expected a mapping, not '60%'"),
    ],
)
def test_a_bad_threshold_is_reported_where_it_is_written(threshold: str, message: str) -> None:
    assert found(threshold) == [message]
