"""The maxes as they stand: what every percentage of a max is taken from, session by
session.

A max starts as the spec writes it. A completed wave cycle raises it (by the written
increase, or as the spec's rule reads the cycle's logged AMRAP sets); a `max` step
raises it on its clock (by an AMRAP table's row, when it has one) and a failure can
lower it; a logged test session sets it; and where the spec says `from_log`, every
logged session of the lift re-estimates it. Every prescription of the lift reads the
same value, so a back-off 5 x 10 at 50% of the training max moves with the main lift.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from types import MappingProxyType
from typing import Literal

from generator.log.values import LoggedExercise
from generator.plan.maths import estimate_one_rm, rpe_percent
from generator.spec.model import Amount, Max, Program

Of = Literal["one_rm", "training_max"]
# Logged AMRAP sets by exercise and wave cycle: (every one met its reps, best estimate).
Amraps = dict[tuple[str, int], tuple[bool, Fraction | None]]


@dataclass
class Maxes:
    """Each exercise's max as it stands, and how many of its wave cycles it counts."""

    current: dict[str, Max]
    wave_of: Mapping[str, Of]
    cycles: dict[str, int] = field(default_factory=dict)
    # The last view handed out, while no max has moved since: a plan asks for the maxes at
    # every exercise of every session, and they move only now and then.
    _view: Mapping[str, Max] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def written(cls, program: Program) -> Maxes:
        """The maxes the spec writes, and which max each lift's wave is a percentage of."""
        wave_of: dict[str, Of] = {}
        for phase in program.phases:
            for template in phase.sessions:
                for item in template.items:
                    wave = program.waves.get(item.wave or "")
                    if wave is not None and phase.model == "wave":
                        wave_of.setdefault(item.exercise, wave.of)
        return cls(dict(program.maxes), MappingProxyType(wave_of))

    def view(self) -> Mapping[str, Max]:
        """The maxes now, as a session is planned from them."""
        if self._view is None:
            self._view = MappingProxyType(dict(self.current))
        return self._view

    def _set(self, exercise: str, entry: Max) -> None:
        self.current[exercise] = entry
        self._view = None

    def settle(self, exercise: str, cycle: int, amraps: Amraps) -> None:
        """Raise the max once for each completed wave cycle not yet counted: by the
        written increase, or as the max's AMRAP rule reads the cycle's logged sets."""
        entry = self.current.get(exercise)
        of = self.wave_of.get(exercise)
        if entry is None or of is None:
            return
        for before in range(self.cycles.get(exercise, 0), cycle):
            basis = entry.basis(of)
            if basis is None:
                break
            logged = amraps.get((exercise, before))
            if logged is None or (entry.amrap == "check" and logged[0]):
                basis = entry.cycle_increase.apply(basis)
            elif entry.amrap == "estimate" and logged[1] is not None:
                best = logged[1]
                basis = best if of == "one_rm" else training_share(entry) * best
            entry = _with(entry, of, basis)
        self._set(exercise, entry)
        self.cycles[exercise] = max(cycle, self.cycles.get(exercise, 0))

    def move(self, exercise: str, of: Of, amount: Amount, *, lower: bool = False) -> None:
        """Raise (or lower) one max by an amount or a share of itself."""
        entry = self.current.get(exercise)
        basis = entry.basis(of) if entry is not None else None
        if entry is None or basis is None:
            return
        change = basis * amount.value if amount.relative else amount.value
        self._set(exercise, _with(entry, of, basis - change if lower else basis + change))

    def estimate(self, exercise: str, one_rm: Fraction) -> None:
        """A one-rep max from the log (a test, or the lift's logged sets): the training
        max follows as its share."""
        entry = self.current.get(exercise)
        if entry is None:
            return
        share = training_share(entry)
        self._set(exercise, replace(entry, one_rm=one_rm, training_max=share * one_rm))


def _with(entry: Max, of: Of, basis: Fraction) -> Max:
    return (
        replace(entry, training_max=basis) if of == "training_max" else replace(entry, one_rm=basis)
    )


def training_share(entry: Max) -> Fraction:
    """The training max's share of the one-rep max, as written or as the two maxes imply."""
    if entry.training_share is not None:
        return entry.training_share
    if entry.training_max is not None and entry.one_rm:
        return entry.training_max / entry.one_rm
    return Fraction(9, 10)


def logged_estimate(done: LoggedExercise, estimator: str) -> Fraction | None:
    """The best one-rep max the logged sets imply: by the RPE table where a set has an RPE
    it covers, else by the spec's estimator; None without a loaded set."""
    best: Fraction | None = None
    for logged in done.sets:
        if logged.load is None or logged.reps < 1:
            continue
        estimate = None
        if logged.rpe is not None:
            try:
                estimate = logged.load / rpe_percent(logged.reps, logged.rpe)
            except ValueError:
                estimate = None  # off the table: the estimator instead
        if estimate is None:
            try:
                estimate = estimate_one_rm(logged.load, logged.reps, estimator)
            except ValueError:
                continue  # too many reps for the formula to say anything
        best = estimate if best is None else max(best, estimate)
    return best
