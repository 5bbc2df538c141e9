"""The loads the equipment makes: every planned load rounded to the bar and plates, the
rack or the stack, with the barbell's plates per side, and stopped past the heaviest
load a plan may hold.

Rounding is the costliest step of expansion, so what each piece of equipment makes is
remembered for the length of one expansion, and across expansions by the load and the
equipment's values.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction

from generator.errors import PlanLimitError
from generator.plan.maths import (
    Rounding,
    round_barbell,
    round_choices,
    round_stack,
)
from generator.plan.prescription import NoEarlierSession
from generator.plan.state import Context, Key
from generator.plan.values import PlannedSet
from generator.spec.defaults import HEAVIEST_LOAD
from generator.spec.model import Equipment, Prescription, Warmup


class _TooHeavy(Exception):
    """A load past HEAVIEST_LOAD, caught where the prescription it belongs to is known."""

    def __init__(self, load: Fraction) -> None:
        super().__init__(str(load))
        self.load = load


@contextmanager
def load_limit(context: Context, key: Key, item: Prescription) -> Iterator[None]:
    """Turn a load past HEAVIEST_LOAD, found deep in rounding, into PlanLimitError naming
    the prescription, the week and the session."""
    try:
        yield
    except NoEarlierSession as missing:
        raise PlanLimitError(
            key,
            f"{item.exercise}'s load is taken from session {missing.label}, but in week "
            f"{context.week} no session {missing.label} has come before this one: give "
            "the load it starts at (first)",
        ) from None
    except _TooHeavy as heavy:
        units = context.program.units
        raise PlanLimitError(
            key,
            f"{item.exercise}'s load reaches {_rough(heavy.load)} {units} in week "
            f"{context.week} (session {key[1]}), past the heaviest a plan may hold, "
            f"{HEAVIEST_LOAD} {units}: check its load, its max and how it progresses",
        ) from None


def _rough(load: Fraction) -> str:
    """A load past the limit, short enough to read (12,345.5), however far past it is."""
    if load < 10**15:
        return f"{float(load):,.1f}".removesuffix(".0")
    return f"about 10^{round(int(load).bit_length() * math.log10(2))}"


def round_load(
    equipment: Equipment | None, load: Fraction
) -> tuple[Fraction, tuple[Fraction, ...] | None]:
    """The load the equipment makes, and the plates per side for a barbell.

    Every planned load comes through here, so here is where a runaway one is stopped,
    before a barbell's plate table is sized by it.
    """
    if load > HEAVIEST_LOAD:
        raise _TooHeavy(load)
    if equipment is None:
        return load, None
    memo = equipment_memo(equipment).loads
    made = memo.get(load)
    if made is None:
        made = memo[load] = _made(
            load,
            kind=equipment.kind,
            bar=equipment.bar,
            plates=equipment.plates,
            loads=equipment.loads,
            step=equipment.step,
            minimum=equipment.minimum,
            maximum=equipment.maximum,
            rounding=equipment.rounding,
        )
    return made


@dataclass(frozen=True, slots=True)
class _Memo:
    """What one piece of equipment has made so far: loads as rounded, with their plates,
    and warm-up sets by (first work load, warm-up rule)."""

    equipment: Equipment
    loads: dict[Fraction, tuple[Fraction, tuple[Fraction, ...] | None]] = field(
        default_factory=dict
    )
    warmups: dict[tuple[Fraction, Warmup], tuple[PlannedSet, ...]] = field(default_factory=dict)


# By the equipment's identity: looking a load up in _made's cache hashes the whole
# equipment (a dozen Fractions) every time, which was half of expansion. Cleared by each
# expansion, so it holds one program's equipment; the identity check keeps a reused id
# from answering for other equipment.
_ROUNDED: dict[int, _Memo] = {}


def forget_equipment() -> None:
    """Empty the memo, so that it holds only the equipment of the program being expanded."""
    _ROUNDED.clear()


def equipment_memo(equipment: Equipment) -> _Memo:
    """What `equipment` has made so far in this expansion."""
    memo = _ROUNDED.get(id(equipment))
    if memo is None or memo.equipment is not equipment:
        memo = _ROUNDED[id(equipment)] = _Memo(equipment)
    return memo


@functools.lru_cache(maxsize=8192)
def _made(
    load: Fraction,
    *,
    kind: str,
    bar: Fraction | None,
    plates: tuple[Fraction, ...],
    loads: tuple[Fraction, ...],
    step: Fraction | None,
    minimum: Fraction | None,
    maximum: Fraction | None,
    rounding: Rounding,
) -> tuple[Fraction, tuple[Fraction, ...] | None]:
    # Cached: a plan asks for the same few loads thousands of times, and finding the
    # fewest plates is the costliest step of expansion.
    if kind == "barbell" and bar is not None:
        made = round_barbell(load, bar, plates, rounding)
        return made.total, made.per_side
    if kind in ("dumbbells", "kettlebells"):
        return round_choices(load, loads, rounding), None
    if kind == "machine" and step is not None:
        lowest = minimum if minimum is not None else step
        return round_stack(load, step, lowest, maximum, rounding), None
    return load, None
