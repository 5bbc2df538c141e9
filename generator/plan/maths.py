"""The training maths: one-rep-max estimates, RPE loads, equipment rounding, warm-ups.

Loads are exact fractions throughout, so 2.5 kg and 1.25 kg plates add up to what
is on the bar rather than to a binary float near it, and the same spec always
prints the same plan. Where a published formula needs a power or an exponential,
the float result is pinned to a nearby fraction once, at the edge.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from generator.spec.model import Equipment


def _pinned(value: float) -> Fraction:
    """A float result as a fraction with a bounded denominator, so it prints and compares
    the same on every platform instead of carrying the float's last-bit noise."""
    return Fraction(value).limit_denominator(10**6)


def _epley(load: Fraction, reps: int) -> Fraction:
    return load * (1 + Fraction(reps, 30))


def _brzycki(load: Fraction, reps: int) -> Fraction:
    if reps >= 37:
        raise ValueError(f"brzycki is undefined at {reps} reps (it divides by 37 - reps)")
    return load * 36 / (37 - reps)


def _lombardi(load: Fraction, reps: int) -> Fraction:
    return _pinned(float(load) * reps**0.10)


def _oconner(load: Fraction, reps: int) -> Fraction:
    return load * (1 + Fraction(1, 40) * reps)


def _wathan(load: Fraction, reps: int) -> Fraction:
    return _pinned(100 * float(load) / (48.8 + 53.8 * math.exp(-0.075 * reps)))


def _mayhew(load: Fraction, reps: int) -> Fraction:
    return _pinned(100 * float(load) / (52.2 + 41.9 * math.exp(-0.055 * reps)))


def _lander(load: Fraction, reps: int) -> Fraction:
    # Lander (1985): 100 w / (101.3 - 2.67123 r), written in exact decimals.
    if reps >= 38:
        raise ValueError(
            f"lander is undefined at {reps} reps (it divides by 101.3 - 2.67123 x reps)"
        )
    return load * 100 / (Fraction("101.3") - Fraction("2.67123") * reps)


_FORMULAS: dict[str, Callable[[Fraction, int], Fraction]] = {
    "epley": _epley,
    "brzycki": _brzycki,
    "lombardi": _lombardi,
    "oconner": _oconner,
    "wathan": _wathan,
    "mayhew": _mayhew,
    "lander": _lander,
}

ESTIMATORS: tuple[str, ...] = tuple(_FORMULAS)
"""The estimator names a spec may choose, in the order the schema lists them."""


def estimate_one_rm(load: Fraction, reps: int, method: str) -> Fraction:
    """The one-rep max that `load` lifted for `reps` reps implies, by the named formula.

    A single is already a one-rep max, so one rep gives the load itself under every
    method; the published formulas disagree with that at one rep (Epley says 31/30 of
    the load, Wathan about 1.013), and a tested single beats any fit.

    >>> estimate_one_rm(Fraction(100), 5, "epley"), estimate_one_rm(Fraction(100), 5, "brzycki")
    (Fraction(350, 3), Fraction(225, 2))
    >>> round(float(estimate_one_rm(Fraction(100), 5, "epley")), 2)
    116.67
    >>> {name: round(float(estimate_one_rm(Fraction(100), 5, name)), 2) for name in ESTIMATORS}
    {'epley': 116.67, 'brzycki': 112.5, 'lombardi': 117.46, 'oconner': 112.5, \
'wathan': 116.58, 'mayhew': 119.01, 'lander': 113.71}

    Those are, by hand: 100 x (1 + 5/30); 100 x 36/32; 100 x 5^0.1 = 100 x 1.17462;
    100 x 1.125; 10000 / (48.8 + 53.8 x 0.68729) = 10000 / 85.776;
    10000 / (52.2 + 41.9 x 0.75957) = 10000 / 84.026; 10000 / (101.3 - 13.35615) = 10000 / 87.94385.
    The README's example, 120 kg x 5 by Epley, is 140 kg:

    >>> estimate_one_rm(Fraction(120), 5, "epley"), estimate_one_rm(Fraction(120), 1, "wathan")
    (Fraction(140, 1), Fraction(120, 1))
    """
    formula = _FORMULAS.get(method)
    if formula is None:
        raise ValueError(f"unknown estimator {method!r}; expected one of {', '.join(ESTIMATORS)}")
    if reps < 1:
        raise ValueError(f"an estimate needs at least one rep, not {reps}")
    return load if reps == 1 else formula(load, reps)


RPE_TABLE_REPS = range(1, 13)
"""The reps the RPE table covers; beyond 12 a set is more endurance than strength."""

RPE_TABLE_MIN = Fraction(6)
"""The lowest RPE the table covers; below 6 RPE stops being a reliable guide."""

# Mike Tuchscherer's RTS table (percent of one-rep max) is one sequence read by
# "effective reps", reps + (10 - RPE), from 1 in half steps: a set of 5 at RPE 8 is as hard
# as a set of 7 taken to failure. Entries are tenths of a percent: 863 is 86.3%.
_RPE_PERCENTS = tuple(
    Fraction(tenths, 1000)
    for tenths in (
        *(1000, 978, 955, 939, 922, 907, 892, 878, 863, 850, 837, 824, 811, 799, 786, 774),
        *(762, 751, 739, 723, 707, 694, 680, 667, 653, 640, 626, 613, 599, 586, 574),
    )
)


def rpe_percent(reps: int, rpe: Fraction) -> Fraction:
    """The share of the one-rep max that makes `reps` reps end at `rpe` (RTS table).

    >>> [float(rpe_percent(r, Fraction(e))) for r, e in ((1, 10), (5, 10), (5, 8), (12, 6))]
    [1.0, 0.863, 0.811, 0.574]
    >>> rpe_percent(1, Fraction(19, 2)), rpe_percent(12, Fraction(10))
    (Fraction(489, 500), Fraction(17, 25))
    >>> rpe_percent(13, Fraction(8))
    Traceback (most recent call last):
    ...
    ValueError: the RPE table covers 1 to 12 reps, not 13
    >>> rpe_percent(5, Fraction(31, 4))
    Traceback (most recent call last):
    ...
    ValueError: the RPE table covers RPE 6 to 10 in steps of 0.5, not 7.75
    """
    if reps not in RPE_TABLE_REPS:
        raise ValueError(
            f"the RPE table covers {RPE_TABLE_REPS[0]} to {RPE_TABLE_REPS[-1]} reps, not {reps}"
        )
    if not RPE_TABLE_MIN <= rpe <= 10 or (rpe * 2).denominator != 1:
        raise ValueError(
            f"the RPE table covers RPE {RPE_TABLE_MIN} to 10 in steps of 0.5, not {float(rpe):g}"
        )
    effective = reps + (10 - rpe)
    return _RPE_PERCENTS[int((effective - 1) * 2)]


Rounding = Literal["nearest", "nearest_up", "down"]


def _check_rounding(mode: str) -> None:
    """Modes come from specs, which a type checker never sees, so an unknown one is an
    error rather than a silent "nearest"."""
    if mode not in ("nearest", "nearest_up", "down"):
        raise ValueError(f"unknown rounding {mode!r}; expected 'nearest', 'nearest_up' or 'down'")


def _pick(target: Fraction, below: Fraction, above: Fraction, mode: Rounding) -> Fraction:
    """Of two achievable loads either side of `target`, the one `mode` asks for.

    A tie under "nearest" goes to the lighter load: missing a target by a kilo or two
    costs nothing, while a load heavier than planned can cost a missed set. Published
    tables round half up, so "nearest_up" gives a tie to the heavier one.

    >>> modes = ("nearest", "nearest_up")
    >>> [_pick(Fraction(5, 2), Fraction(0), Fraction(5), mode) for mode in modes]
    [Fraction(0, 1), Fraction(5, 1)]
    """
    if mode == "down":
        return below
    if mode == "nearest_up":
        return below if target - below < above - target else above
    return below if target - below <= above - target else above


@dataclass(frozen=True, slots=True)
class BarLoad:
    """A loaded barbell: its total, and the plates on one side, heaviest first."""

    total: Fraction
    per_side: tuple[Fraction, ...]


def _plate_unit(plates: Sequence[Fraction]) -> Fraction:
    """The largest load every plate size is a whole multiple of, so that per-side amounts
    can be counted in whole units.

    >>> _plate_unit([Fraction(20), Fraction(5, 2), Fraction(5, 4)])
    Fraction(5, 4)
    """
    denominator = math.lcm(*(plate.denominator for plate in plates))
    numerator = math.gcd(*(int(plate * denominator) for plate in plates))
    return Fraction(numerator, denominator)


@lru_cache(maxsize=64)
def _fewest_plates(units: tuple[int, ...], limit: int) -> tuple[int, ...]:
    """For each per-side amount 0..limit (in plate units), the fewest plates that make it,
    or `limit + 1` (more than could ever be needed) where no plates can.

    Coin change by dynamic programming, because greedy fails for plate sets such as
    15 and 10, where 20 is 10 + 10 though 15 goes on first. Callers round `limit` up to
    a power of two so that one table serves every load on the same bar.
    """
    impossible = limit + 1
    counts = [0] + [impossible] * limit
    for amount in range(1, limit + 1):
        best = impossible
        for unit in units:
            if unit <= amount and counts[amount - unit] + 1 < best:
                best = counts[amount - unit] + 1
        counts[amount] = best
    return tuple(counts)


def round_barbell(
    target: Fraction, bar: Fraction, plates: Sequence[Fraction], mode: Rounding
) -> BarLoad:
    """The barbell load nearest `target` (or, "down", the nearest not above it), with
    the plates for one side.

    Plates go on in pairs and every listed size comes in as many pairs as needed, so the
    bar makes `bar` plus twice any sum of plate sizes. A tie under "nearest" goes to the
    lighter load (the safer miss). Of the ways to make the chosen load, the one with the
    fewest plates is the one to load, and among those the one with heavier plates.

    The README's example: 65% of 140 kg is 91 kg; 90 kg is nearer than 92.5 kg.

    >>> plates = [Fraction(p) for p in ("20", "15", "10", "5", "2.5", "1.25")]
    >>> load = round_barbell(Fraction(91), Fraction(20), plates, "nearest")
    >>> load.total, [str(p) for p in load.per_side]
    (Fraction(90, 1), ['20', '15'])
    >>> [str(round_barbell(Fraction(t), Fraction(20), plates, "nearest").total)
    ...  for t in ("21", "21.25", "21.5", "22.5", "23.74")]
    ['20', '20', '45/2', '45/2', '45/2']

    Ties go down, "down" never goes over, and below the empty bar is the empty bar:

    >>> fives = [Fraction(5)]
    >>> [round_barbell(Fraction(t), Fraction(20), fives, "nearest").total for t in (25, 26)]
    [Fraction(20, 1), Fraction(30, 1)]
    >>> round_barbell(Fraction(39), Fraction(20), fives, "down").total
    Fraction(30, 1)
    >>> round_barbell(Fraction(15), Fraction(20), fives, "nearest")
    BarLoad(total=Fraction(20, 1), per_side=())

    Plate sets where heaviest-first loading fails: 15s and 10s make 20 a side as 10 + 10,
    and with 20s, 15s and 1.25s, 30 a side is two plates, not 20 and eight 1.25s:

    >>> odd = [Fraction(15), Fraction(10)]
    >>> [round_barbell(Fraction(t), Fraction(20), odd, "nearest").per_side for t in (60, 80)]
    [(Fraction(10, 1), Fraction(10, 1)), (Fraction(15, 1), Fraction(15, 1))]
    >>> round_barbell(Fraction(80), Fraction(20), [Fraction(20), Fraction(15), Fraction(5, 4)],
    ...               "nearest").per_side
    (Fraction(15, 1), Fraction(15, 1))
    """
    _check_rounding(mode)
    if any(plate <= 0 for plate in plates):
        raise ValueError("plate sizes must be positive")
    per_side_target = (target - bar) / 2
    if per_side_target <= 0 or not plates:
        return BarLoad(bar, ())
    plate_unit = _plate_unit(plates)
    units = tuple(sorted({int(plate / plate_unit) for plate in plates}, reverse=True))
    wanted = per_side_target / plate_unit
    # The next makeable amount above the largest one not above `wanted` is at most one
    # smallest plate further on, so the table need reach no further than that.
    needed = math.floor(wanted) + units[-1]
    counts = _fewest_plates(units, 1 << needed.bit_length())
    amount = _made_amount(wanted, counts, mode)
    per_side = tuple(unit * plate_unit for unit in _loading(amount, units, counts))
    return BarLoad(bar + 2 * sum(per_side, Fraction(0)), per_side)


def _made_amount(wanted: Fraction, counts: tuple[int, ...], mode: Rounding) -> int:
    """The amount a side can be made of, in plate units, picked by `mode` from the
    nearest ones below and above `wanted` (`counts`: the fewest plates for each amount,
    `len(counts)` where none makes it)."""
    impossible = len(counts)
    below = math.floor(wanted)
    while counts[below] == impossible:
        below -= 1
    above = math.ceil(wanted)
    while counts[above] == impossible:
        above += 1
    return int(_pick(wanted, Fraction(below), Fraction(above), mode))


def _loading(amount: int, units: tuple[int, ...], counts: tuple[int, ...]) -> list[int]:
    """The plates, in plate units heaviest first, that make `amount` with the fewest."""
    plates: list[int] = []
    while amount:
        # The heaviest plate that still leaves a fewest-plates remainder; taking it first
        # gives the heaviest-first loading among the fewest-plate ones.
        unit = next(u for u in units if u <= amount and counts[amount - u] == counts[amount] - 1)
        plates.append(unit)
        amount -= unit
    return plates


def round_choices(target: Fraction, choices: Sequence[Fraction], mode: Rounding) -> Fraction:
    """The load on the rack nearest `target` (or, "down", the nearest not above it).

    Below the lightest there is nothing lighter to give, so the lightest it is, even
    "down"; above the heaviest, the heaviest. Ties go to the lighter load.

    >>> rack = [Fraction(p) for p in ("5", "7.5", "10", "12.5", "15")]
    >>> [str(round_choices(Fraction(t), rack, "nearest")) for t in ("2", "8.75", "8.8", "40")]
    ['5', '15/2', '10', '15']
    >>> [str(round_choices(Fraction(t), rack, "down")) for t in ("2", "9.99", "10")]
    ['5', '15/2', '10']
    """
    _check_rounding(mode)
    if not choices:
        raise ValueError("no loads to choose from")
    below = max((choice for choice in choices if choice <= target), default=None)
    above = min((choice for choice in choices if choice >= target), default=None)
    if below is None:
        return min(choices)
    if above is None:
        return below
    return _pick(target, below, above, mode)


def round_stack(
    target: Fraction,
    step: Fraction,
    minimum: Fraction,
    maximum: Fraction | None,
    mode: Rounding,
) -> Fraction:
    """The pin setting nearest `target` (or, "down", the nearest not above it) on a stack
    of `minimum + k * step`, no lighter than `minimum` nor heavier than `maximum`.

    When `maximum` is not itself a pin setting, the heaviest setting is the last one
    below it. Ties go to the lighter setting.

    >>> [round_stack(Fraction(t), Fraction(5), Fraction(5), Fraction(100), "nearest")
    ...  for t in (0, 12, 12.5, 13, 250)]
    [Fraction(5, 1), Fraction(10, 1), Fraction(10, 1), Fraction(15, 1), Fraction(100, 1)]
    >>> round_stack(Fraction(14), Fraction(5), Fraction(5), None, "down")
    Fraction(10, 1)
    >>> round_stack(Fraction(99), Fraction(5), Fraction(2), Fraction(99), "nearest")
    Fraction(97, 1)
    """
    _check_rounding(mode)
    if step <= 0:
        raise ValueError(f"a stack step must be positive, not {step}")
    if maximum is not None and maximum < minimum:
        raise ValueError(f"a stack's maximum {maximum} is below its minimum {minimum}")
    if target <= minimum:
        return minimum
    top = None if maximum is None else minimum + (maximum - minimum) // step * step
    if top is not None and target >= top:
        return top
    below = minimum + (target - minimum) // step * step
    return _pick(target, below, below + step if below < target else below, mode)


# 40/60/80% for 5/3/2 reps: enough sets to groove the movement and bring the load up in
# even jumps, with reps falling as the load rises so the warm-up does not tire the lifter
# before the work sets.
_RAMP = ((Fraction(2, 5), 5), (Fraction(3, 5), 3), (Fraction(4, 5), 2))


def warmup_ramp(
    work: Fraction, round_load: Callable[[Fraction], Fraction], start: Fraction
) -> tuple[tuple[Fraction, int], ...]:
    """Warm-up sets (load, reps) leading up to a first work set of `work`.

    `start` x 8 (the empty bar, or the lightest load the equipment makes; 0 for none),
    then 40% x 5, 60% x 3 and 80% x 2 of `work`, each rounded by `round_load`. A set
    that rounds to no more than the one before it, or to the work load, is dropped:
    repeating a load or warming up at the work load is no warm-up.

    >>> def to_2_5(load: Fraction) -> Fraction:
    ...     return max(Fraction(20), round(load / Fraction(5, 2)) * Fraction(5, 2))
    >>> [(str(load), reps) for load, reps in warmup_ramp(Fraction(100), to_2_5, Fraction(20))]
    [('20', 8), ('40', 5), ('60', 3), ('80', 2)]
    >>> [(str(load), reps) for load, reps in warmup_ramp(Fraction(40), to_2_5, Fraction(20))]
    [('20', 8), ('25', 3), ('65/2', 2)]
    >>> warmup_ramp(Fraction(20), to_2_5, Fraction(20))
    ()
    >>> warmup_ramp(Fraction(10), lambda load: load, Fraction(0))
    ((Fraction(4, 1), 5), (Fraction(6, 1), 3), (Fraction(8, 1), 2))
    """
    if work <= start:
        return ()
    sets = ([(start, 8)] if start > 0 else []) + [(work * share, reps) for share, reps in _RAMP]
    ramp: list[tuple[Fraction, int]] = []
    previous = Fraction(0)
    for load, reps in sets:
        rounded = round_load(load)
        if previous < rounded < work:
            ramp.append((rounded, reps))
            previous = rounded
    return tuple(ramp)


def common_step(values: Iterable[Fraction]) -> Fraction:
    """The largest step every value is a whole multiple of (their gcd, as maths counts it).

    >>> common_step([Fraction(5), Fraction(5, 2)]), common_step([Fraction(4), Fraction(6)])
    (Fraction(5, 2), Fraction(2, 1))
    """
    values = list(values)
    denominator = math.lcm(*(value.denominator for value in values))
    return Fraction(math.gcd(*(int(value * denominator) for value in values)), denominator)


def load_step(equipment: Equipment) -> Fraction | None:
    """The finest change in load the equipment makes (the gcd of its increments): a pair
    of the smallest plates, the stack's step, the gaps of a rack; None for bands.

    >>> from generator.spec.model import Equipment
    >>> rack = (Fraction(5), Fraction(10), Fraction(15), Fraction(25))
    >>> load_step(Equipment("db", "dumbbells", "Dumbbells", "nearest", loads=rack))
    Fraction(5, 1)
    """
    if equipment.kind == "barbell":
        increments = [2 * plate for plate in equipment.plates]
    elif equipment.kind == "machine" and equipment.step is not None:
        increments = [equipment.step]
    elif equipment.kind in ("dumbbells", "kettlebells"):
        loads = sorted(equipment.loads)
        increments = [b - a for a, b in itertools.pairwise(loads)]
    else:
        return None
    return common_step(increments) if increments else None
