"""The training maths against independent computations: formulas written out again,
the RPE table's shape, and equipment rounding checked by brute force."""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from itertools import combinations_with_replacement, pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.plan.maths import (
    ESTIMATORS,
    RPE_TABLE_MIN,
    RPE_TABLE_REPS,
    BarLoad,
    Rounding,
    estimate_one_rm,
    round_barbell,
    round_choices,
    round_stack,
    rpe_percent,
    warmup_ramp,
)

F = Fraction
MODES: tuple[Rounding, ...] = ("nearest", "nearest_up", "down")

# --- one-rep-max estimates --------------------------------------------------------------------

EXACT_FORMULAS: dict[str, Callable[[Fraction, int], Fraction]] = {
    "epley": lambda w, r: w + w * r / 30,
    "brzycki": lambda w, r: w * 36 / (37 - r),
    "oconner": lambda w, r: w + w * r / 40,
    "lander": lambda w, r: w * 100 / (F("101.3") - F("2.67123") * r),
}
FLOAT_FORMULAS: dict[str, Callable[[float, int], float]] = {
    "lombardi": lambda w, r: w * r**0.1,
    "wathan": lambda w, r: 100 * w / (48.8 + 53.8 * math.exp(-0.075 * r)),
    "mayhew": lambda w, r: 100 * w / (52.2 + 41.9 * math.exp(-0.055 * r)),
}
LOADS = [F(100), F("62.5"), F(140), F("1.25"), F(315)]


def tie(mode: Rounding, load: Fraction) -> Fraction:
    """How a tie between two loads is broken: the lighter first, but under nearest_up the
    heavier."""
    return -load if mode == "nearest_up" else load


REPS = [2, 3, 5, 8, 10, 12, 20]


def test_every_estimator_is_tested() -> None:
    assert set(ESTIMATORS) == set(EXACT_FORMULAS) | set(FLOAT_FORMULAS)
    assert ESTIMATORS == (
        "epley",
        "brzycki",
        "lombardi",
        "oconner",
        "wathan",
        "mayhew",
        "lander",
    )


@pytest.mark.parametrize("method", sorted(EXACT_FORMULAS))
@pytest.mark.parametrize("load", LOADS)
@pytest.mark.parametrize("reps", REPS)
def test_exact_estimators_match_their_formula_exactly(
    method: str, load: Fraction, reps: int
) -> None:
    result = estimate_one_rm(load, reps, method)
    assert isinstance(result, Fraction)
    assert result == EXACT_FORMULAS[method](load, reps)


@pytest.mark.parametrize("method", sorted(FLOAT_FORMULAS))
@pytest.mark.parametrize("load", LOADS)
@pytest.mark.parametrize("reps", REPS)
def test_float_estimators_match_their_formula(method: str, load: Fraction, reps: int) -> None:
    result = estimate_one_rm(load, reps, method)
    assert isinstance(result, Fraction)
    assert result.denominator <= 10**6
    assert math.isclose(float(result), FLOAT_FORMULAS[method](float(load), reps), abs_tol=1e-6)


def test_published_values_for_100_by_5() -> None:
    values = {name: round(float(estimate_one_rm(F(100), 5, name)), 2) for name in ESTIMATORS}
    assert values == {
        "epley": 116.67,
        "brzycki": 112.5,
        "lombardi": 117.46,
        "oconner": 112.5,
        "wathan": 116.58,
        "mayhew": 119.01,
        "lander": 113.71,  # 10000 / (101.3 - 13.35615)
    }


@pytest.mark.parametrize("method", ESTIMATORS)
@pytest.mark.parametrize("load", LOADS)
def test_a_single_is_the_one_rep_max(method: str, load: Fraction) -> None:
    assert estimate_one_rm(load, 1, method) == load


@pytest.mark.parametrize("method", ESTIMATORS)
def test_more_reps_mean_a_bigger_estimate(method: str) -> None:
    estimates = [estimate_one_rm(F(100), reps, method) for reps in range(1, 21)]
    assert estimates == sorted(estimates)
    assert len(set(estimates)) == len(estimates)


def test_estimates_are_deterministic() -> None:
    assert estimate_one_rm(F("82.5"), 7, "wathan") == estimate_one_rm(F("82.5"), 7, "wathan")


def test_unknown_estimator_and_no_reps_are_errors() -> None:
    with pytest.raises(ValueError, match="unknown estimator 'epely'"):
        estimate_one_rm(F(100), 5, "epely")
    with pytest.raises(ValueError, match="at least one rep"):
        estimate_one_rm(F(100), 0, "epley")
    with pytest.raises(ValueError, match="brzycki is undefined"):
        estimate_one_rm(F(100), 37, "brzycki")


# --- RPE table ---------------------------------------------------------------------------------

RPES = [RPE_TABLE_MIN + F(half, 2) for half in range(9)]


def test_rpe_domain_constants() -> None:
    assert list(RPE_TABLE_REPS) == list(range(1, 13))
    assert RPES[0] == 6
    assert RPES[-1] == 10


@pytest.mark.parametrize(
    ("reps", "rpe", "percent"),
    [
        (1, F(10), F(1)),
        (5, F(10), F("0.863")),
        (5, F(8), F("0.811")),
        (1, F("9.5"), F("0.978")),
        (12, F(6), F("0.574")),
        (1, F(6), F("0.863")),
        (12, F(10), F("0.68")),
        (3, F("7.5"), F("0.85")),
    ],
)
def test_rpe_corners(reps: int, rpe: Fraction, percent: Fraction) -> None:
    assert rpe_percent(reps, rpe) == percent


def test_rpe_percent_falls_as_reps_rise() -> None:
    for rpe in RPES:
        row = [rpe_percent(reps, rpe) for reps in RPE_TABLE_REPS]
        assert all(a > b for a, b in pairwise(row)), rpe


def test_rpe_percent_falls_as_rpe_falls() -> None:
    for reps in RPE_TABLE_REPS:
        column = [rpe_percent(reps, rpe) for rpe in reversed(RPES)]
        assert all(a > b for a, b in pairwise(column)), reps


def test_rpe_depends_only_on_effective_reps() -> None:
    # 5 reps at RPE 8 is as hard as 7 to failure, or 6 at RPE 9.
    assert rpe_percent(5, F(8)) == rpe_percent(7, F(10)) == rpe_percent(6, F(9))


@pytest.mark.parametrize(
    ("reps", "rpe", "message"),
    [
        (0, F(8), "1 to 12 reps, not 0"),
        (13, F(8), "1 to 12 reps, not 13"),
        (5, F("5.5"), "RPE 6 to 10 in steps of 0.5, not 5.5"),
        (5, F("10.5"), "not 10.5"),
        (5, F("8.25"), "not 8.25"),
    ],
)
def test_rpe_outside_the_table_is_an_error(reps: int, rpe: Fraction, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rpe_percent(reps, rpe)


# --- barbell rounding --------------------------------------------------------------------------

PLATE_POOL = [F(p) for p in ("1.25", "2.5", "3", "5", "7.5", "10", "15", "20", "25")]
STANDARD = [F(p) for p in ("25", "20", "15", "10", "5", "2.5", "1.25")]

plate_sets = st.lists(st.sampled_from(PLATE_POOL), min_size=1, max_size=4, unique=True)
bars = st.sampled_from([F(10), F(15), F(20), F("12.5")])
targets = st.fractions(min_value=0, max_value=120, max_denominator=20)
modes = st.sampled_from(MODES)


def makeable_per_side(plates: list[Fraction], limit: Fraction) -> dict[Fraction, int]:
    """Every per-side amount up to `limit` and the fewest plates that make it, found
    breadth-first (one more plate per level)."""
    fewest = {F(0): 0}
    level = {F(0)}
    count = 0
    while level:
        count += 1
        level = {s + p for s in level for p in plates if s + p <= limit} - fewest.keys()
        fewest.update(dict.fromkeys(level, count))
    return fewest


def check_bar_load(load: BarLoad, bar: Fraction, plates: list[Fraction]) -> None:
    assert load.total == bar + 2 * sum(load.per_side, F(0))
    assert all(plate in plates for plate in load.per_side)
    assert list(load.per_side) == sorted(load.per_side, reverse=True)


@given(target=targets, bar=bars, plates=plate_sets, mode=modes)
def test_round_barbell_is_the_best_makeable_load(
    target: Fraction, bar: Fraction, plates: list[Fraction], mode: Rounding
) -> None:
    load = round_barbell(target, bar, plates, mode)
    check_bar_load(load, bar, plates)
    per_side_target = (target - bar) / 2
    fewest = makeable_per_side(plates, max(per_side_target, F(0)) + max(plates))
    if mode == "down":
        expected = max(s for s in fewest if s <= max(per_side_target, F(0)))
    else:
        expected = min(fewest, key=lambda s: (abs(s - per_side_target), tie(mode, s)))
    assert load.total == bar + 2 * expected
    if target >= bar and mode == "down":
        assert load.total <= target
    # Fewest plates, and of those the heaviest-first loading, by brute force.
    assert len(load.per_side) == fewest[expected]
    loadings = [
        combo
        for combo in combinations_with_replacement(sorted(plates, reverse=True), fewest[expected])
        if sum(combo, F(0)) == expected
    ]
    assert load.per_side == max(loadings)


@given(target=targets, bar=bars, plates=plate_sets, mode=modes)
def test_round_barbell_below_the_bar_is_the_empty_bar(
    target: Fraction, bar: Fraction, plates: list[Fraction], mode: Rounding
) -> None:
    load = round_barbell(min(target, bar), bar, plates, mode)
    assert load == BarLoad(bar, ())


def test_round_barbell_ties_go_to_the_lighter_load() -> None:
    assert round_barbell(F(25), F(20), [F(5)], "nearest").total == 20
    assert round_barbell(F("25.01"), F(20), [F(5)], "nearest").total == 30
    assert round_barbell(F("21.25"), F(20), STANDARD, "nearest").total == 20
    assert round_barbell(F("21.26"), F(20), STANDARD, "nearest").total == F("22.5")


def test_round_barbell_non_canonical_plates() -> None:
    assert round_barbell(F(60), F(20), [F(15), F(10)], "nearest").per_side == (F(10), F(10))
    assert round_barbell(F(80), F(20), [F(15), F(10)], "nearest").per_side == (F(15), F(15))
    assert round_barbell(F(80), F(20), [F(20), F(15), F("1.25")], "down").per_side == (F(15), F(15))
    # 29 asks for 4.5 a side, nearer no plates than a 10; 31 asks for 5.5, nearer a 10.
    assert round_barbell(F(29), F(20), [F(15), F(10)], "nearest").total == 20
    assert round_barbell(F(31), F(20), [F(15), F(10)], "nearest").total == 40


def test_round_barbell_heavy_loads() -> None:
    load = round_barbell(F(1000), F(20), STANDARD, "nearest")
    assert load.total == 1000
    assert load.per_side == (F(25),) * 19 + (F(15),)
    load = round_barbell(F("1000.6"), F(20), STANDARD, "down")
    assert load.total == 1000


def test_round_barbell_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="positive"):
        round_barbell(F(60), F(20), [F(0), F(5)], "nearest")
    with pytest.raises(ValueError, match="unknown rounding 'up'"):
        round_barbell(F(60), F(20), [F(5)], "up")  # type: ignore[arg-type]


# --- dumbbells, kettlebells and machines -------------------------------------------------------

loads = st.fractions(min_value=F(1, 2), max_value=60, max_denominator=4)


@given(target=targets, choices=st.lists(loads, min_size=1, max_size=8, unique=True), mode=modes)
def test_round_choices_is_the_best_listed_load(
    target: Fraction, choices: list[Fraction], mode: Rounding
) -> None:
    result = round_choices(target, choices, mode)
    assert result in choices
    not_above = [c for c in choices if c <= target]
    if not not_above:
        assert result == min(choices)
    elif mode == "down":
        assert result == max(not_above)
    else:
        assert result == min(choices, key=lambda c: (abs(c - target), tie(mode, c)))


def test_round_choices_examples() -> None:
    rack = [F(8), F(12), F(16), F(24)]
    assert round_choices(F(20), rack, "nearest") == 16
    assert round_choices(F(21), rack, "nearest") == 24
    assert round_choices(F(23), rack, "down") == 16
    assert round_choices(F(4), rack, "down") == 8
    assert round_choices(F(40), rack, "nearest") == 24
    with pytest.raises(ValueError, match="no loads"):
        round_choices(F(10), [], "nearest")


@given(
    target=targets,
    step=st.sampled_from([F("2.5"), F(5), F(7), F("4.5")]),
    minimum=st.sampled_from([F(0), F(5), F("2.5"), F(9)]),
    span=st.none() | st.fractions(min_value=0, max_value=80, max_denominator=4),
    mode=modes,
)
def test_round_stack_is_the_best_pin(
    target: Fraction,
    step: Fraction,
    minimum: Fraction,
    span: Fraction | None,
    mode: Rounding,
) -> None:
    maximum = None if span is None else minimum + span
    result = round_stack(target, step, minimum, maximum, mode)
    pins_k = (result - minimum) / step
    assert pins_k.denominator == 1
    assert pins_k >= 0
    assert maximum is None or result <= maximum
    top = maximum if maximum is not None else max(target, minimum) + step
    pins = [minimum + k * step for k in range(int((top - minimum) / step) + 1)]
    not_above = [p for p in pins if p <= target]
    if not not_above:
        assert result == minimum
    elif mode == "down":
        assert result == max(not_above)
    else:
        assert result == min(pins, key=lambda p: (abs(p - target), tie(mode, p)))


def test_round_stack_examples() -> None:
    assert round_stack(F("62.5"), F(5), F(5), F(100), "nearest") == 60
    assert round_stack(F("62.6"), F(5), F(5), F(100), "nearest") == 65
    assert round_stack(F(64), F(5), F(5), F(100), "down") == 60
    assert round_stack(F(2), F(5), F(5), F(100), "down") == 5
    assert round_stack(F(500), F(5), F(5), F(98), "nearest") == 95
    with pytest.raises(ValueError, match="step must be positive"):
        round_stack(F(50), F(0), F(5), None, "nearest")
    with pytest.raises(ValueError, match="below its minimum"):
        round_stack(F(50), F(5), F(10), F(5), "nearest")


# --- warm-ups ----------------------------------------------------------------------------------


@given(
    work=st.fractions(min_value=0, max_value=300, max_denominator=4),
    bar=bars,
    plates=plate_sets,
    mode=modes,
    use_bar=st.booleans(),
)
def test_warmup_ramp_climbs_to_the_work_set(
    work: Fraction, bar: Fraction, plates: list[Fraction], mode: Rounding, use_bar: bool
) -> None:
    def made(load: Fraction) -> Fraction:
        return round_barbell(load, bar, plates, mode).total

    start = bar if use_bar else F(0)
    ramp = warmup_ramp(work, made, start)
    loads_ = [load for load, _ in ramp]
    reps = [count for _, count in ramp]
    assert all(a < b for a, b in pairwise(loads_))
    assert all(0 < load < work for load in loads_)
    assert all(made(load) == load for load in loads_)
    # The reps are a subsequence of 8, 5, 3, 2, and the 8 is the start.
    assert reps == [r for r in (8, 5, 3, 2) if r in reps]
    if 8 in reps:
        assert ramp[0] == (start, 8)
    if use_bar and work > bar:
        assert ramp[0] == (bar, 8)
    if work <= start:
        assert ramp == ()


def test_warmup_ramp_examples() -> None:
    def nearest(load: Fraction) -> Fraction:
        return round_barbell(load, F(20), STANDARD, "nearest").total

    def ramp(*sets: tuple[str, int]) -> tuple[tuple[Fraction, int], ...]:
        return tuple((F(load), reps) for load, reps in sets)

    assert warmup_ramp(F(100), nearest, F(20)) == ramp(("20", 8), ("40", 5), ("60", 3), ("80", 2))
    assert warmup_ramp(F(140), nearest, F(20)) == ramp(
        ("20", 8), ("55", 5), ("85", 3), ("112.5", 2)
    )
    # 40% of 45 is 18, below the bar, so that set goes; 60% is 27, 80% is 36.
    assert warmup_ramp(F(45), nearest, F(20)) == ramp(("20", 8), ("27.5", 3), ("35", 2))
    assert warmup_ramp(F(20), nearest, F(20)) == ()
    assert warmup_ramp(F(10), lambda load: load, F(0)) == ramp(("4", 5), ("6", 3), ("8", 2))
    # Everything rounds to the bar: the bar once, then nothing.
    assert warmup_ramp(F(21), nearest, F(20)) == ramp(("20", 8))
