"""The program as typed, immutable values, built once from a validated spec.

`building` makes them from the spec's dict, applying every default, and expansion
never looks at raw YAML again. The checks of training sense read maxes, steps and
techniques through the same builders, so they judge the values the plan is made from.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Literal

from generator.plan.maths import Rounding, load_step
from generator.spec.defaults import GOAL_REPS
from generator.spec.notation import (
    Interval,
    LoadSpec,
    Reps,
    WaveSet,
    exact,
    parse_percent,
    parse_reps,
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Amount:
    """A change of load: so much in the program's units, or a share of the current load."""

    value: Fraction
    relative: bool

    def apply(self, load: Fraction) -> Fraction:
        return load * (1 + self.value) if self.relative else load + self.value


def parse_amount(value: float | int | str) -> Amount:
    """An amount as written: 5 or "2.5%".

    >>> parse_amount(5), parse_amount("2.5%")
    (Amount(value=Fraction(5, 1), relative=False), Amount(value=Fraction(1, 40), relative=True))
    """
    if isinstance(value, str):
        return Amount(parse_percent(value), relative=True)
    return Amount(exact(value), relative=False)


@dataclass(frozen=True, slots=True)
class Equipment:
    """One piece of equipment and what it can make."""

    name: str
    kind: str
    label: str
    rounding: Rounding
    bar: Fraction | None = None
    plates: tuple[Fraction, ...] = ()
    loads: tuple[Fraction, ...] = ()
    step: Fraction | None = None
    minimum: Fraction | None = None
    maximum: Fraction | None = None
    bands: Mapping[str, Fraction] = field(default_factory=lambda: MappingProxyType({}))
    # The finest change in load it makes (plan.maths.load_step), worked out once: planning
    # asks at every exercise of every session, and working it out was a tenth of a build.
    finest: Fraction | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "finest", load_step(self))


@dataclass(frozen=True, slots=True)
class Exercise:
    """An exercise as this program uses it: catalogue entry merged with the spec's changes."""

    id: str
    name: str
    equipment: Equipment | None
    unilateral: bool
    ladder: tuple[str, ...]
    cues: tuple[str, ...]
    notes: str


@dataclass(frozen=True, slots=True)
class Max:
    """How strong the athlete is at one exercise."""

    one_rm: Fraction | None
    training_max: Fraction | None
    cycle_increase: Amount
    # How a logged AMRAP set moves the next cycle's training max: the estimator, the rule
    # (check or estimate), and the training max's share of the one-rep max, when given as one.
    estimate: str = "epley"
    amrap: Literal["check", "estimate"] = "check"
    training_share: Fraction | None = None
    # Re-estimate the one-rep max from every logged session of the lift.
    from_log: bool = False

    def basis(self, of: str) -> Fraction | None:
        """The max a percentage of `of` (one_rm or training_max) is taken from, if known."""
        return self.training_max if of == "training_max" else self.one_rm


@dataclass(frozen=True, slots=True)
class Success:
    """What a logged session must show to count as a success: every work set at its reps
    (`all`), the last one (`last`), or the last set, done for as many reps as possible,
    at `amrap` reps or more."""

    rule: Literal["all", "last", "amrap"] = "all"
    amrap: int = 0


@dataclass(frozen=True, slots=True)
class AmrapRow:
    """A row of an AMRAP table: from `low` to `high` reps (None: no top), add `amount`."""

    low: int
    high: int | None
    amount: Amount

    def holds(self, reps: int) -> bool:
        return self.low <= reps and (self.high is None or reps <= self.high)


@dataclass(frozen=True, slots=True)
class Scheme:
    """Sets x reps of one stage; `amrap` makes the last set as many reps as possible."""

    sets: int
    reps: int
    amrap: bool


@dataclass(frozen=True, slots=True)
class Reset:
    """Where the last stage's failure sends the load: a share of the failed load, the
    load the first stage last had plus an amount, or (with `test`, the reps of a rep-max
    test taken first) a share of the rep max the test finds."""

    share: Fraction | None = None
    add: Fraction | None = None
    test: int | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """One progression step. Which fields matter depends on `method`:

    load/double: `amount` (load also `cap`, `success`, `table`, the amounts by AMRAP reps,
    and `fail_after`/`drop`, the failures in a row and the drop they cause; double `count`,
    the rep step, and `back_off`, the share of the load dropped after two missed sessions
    in the log); stages: `schemes`, `amount` added on success, `success` and `reset`;
    sets/reps/frequency:
    `count` with `high`/`low` limits; tempo: `sequence`; pause: `seconds` up to
    `high` at `at`; rest: `seconds` (signed) between `low` and `high`; variation:
    `amount` (the reset) and `sequence` (the ladder); rotate: `steps`.
    """

    method: str
    every: Interval
    amount: Amount | None = None
    count: int = 0
    low: int | None = None
    high: int | None = None
    seconds: int = 0
    at: Literal["top", "bottom"] = "top"
    sequence: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    cap: Fraction | None = None
    back_off: Fraction | None = None
    success: Success = Success()
    table: tuple[AmrapRow, ...] = ()
    fail_after: int = 1
    drop: Amount | None = None
    schemes: tuple[Scheme, ...] = ()
    reset: Reset = Reset()
    of: Literal["one_rm", "training_max"] | None = None  # a max step's max (None: the TM if any)
    when: Literal["schedule", "top"] = "schedule"  # a variation step: on its clock, or at the top
    after_weeks: tuple[int, ...] = ()  # a max step: raise once these weeks of the phase are over
    after_sessions: tuple[str, ...] = ()  # a max step: raise after each session of these labels


def flat_steps(steps: Sequence[Step]) -> Iterator[Step]:
    """Every step, and the steps of every rotation among them, depth first."""
    for step in steps:
        yield step
        yield from flat_steps(step.steps)


@dataclass(frozen=True, slots=True)
class Technique:
    """An advanced technique on the last work set, used at most once in `every_weeks`."""

    kind: Literal["drop_set", "rest_pause", "partials"]
    every_weeks: int
    drop: Fraction = Fraction(0)
    drops: int = 0
    rest: int = 0
    mini_sets: int = 0
    reps: int = 0


@dataclass(frozen=True, slots=True)
class Warmup:
    """auto (a ramp), none, or sets (share of the first work load or None for the bar, reps)."""

    mode: Literal["auto", "none", "list"]
    sets: tuple[tuple[Fraction | None, int], ...] = ()


@dataclass(frozen=True, slots=True)
class RelativeSets:
    """Sets at a share of the work sets' rounded load: a ramp up to them (before) or
    back-off sets after them. `reps` None: the work sets' reps. With `source`, the load
    is instead taken from another session's, as a session load is."""

    sets: int
    share: Fraction
    reps: int | None = None
    source: LoadSpec | None = None


@dataclass(frozen=True, slots=True)
class Prescription:
    """One exercise in a session template, with the spec's defaults applied.

    `sets` is the exercise's own; `default_sets` (the spec's defaults, else the
    schema's) applies only when neither a day type nor a linear phase gives sets.
    """

    exercise: str
    sets: int | None
    default_sets: int
    reps: Reps | None
    load: LoadSpec | None
    rpe: Fraction | None
    rir: int | None
    tempo: str | None
    rest: int
    warmup: Warmup
    band: str | None
    wave: str | None
    technique: Technique | None
    progress: tuple[Step, ...]
    cues: tuple[str, ...]
    notes: str
    track: str | None = None
    ramp: tuple[RelativeSets, ...] = ()
    backoff: tuple[RelativeSets, ...] = ()
    # A test whose logged result sets the max: a rep max (1-12) or an AMRAP at the load.
    test: int | Literal["amrap"] | None = None
    # A timed set or hold: its seconds, instead of reps.
    time: int | None = None
    # The superset (or circuit) it is done in with its neighbours of the same name.
    superset: str | None = None
    # Every step, the rotations' own among them (flat_steps), listed once: planning looks
    # through them at every session.
    all_steps: tuple[Step, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "all_steps", tuple(flat_steps(self.progress)))


@dataclass(frozen=True, slots=True)
class SessionTemplate:
    """A labelled session of a phase: its exercises in order."""

    label: str
    title: str
    notes: str
    items: tuple[Prescription, ...]


@dataclass(frozen=True, slots=True)
class DayType:
    """The sets, reps and load of one kind of day in an undulating phase."""

    name: str
    sets: int | None
    reps: Reps | None
    load: LoadSpec | None


@dataclass(frozen=True, slots=True)
class Linear:
    """A linear phase's first- and last-week values."""

    load: tuple[LoadSpec, LoadSpec] | None
    reps: tuple[int, int] | None
    sets: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Phase:
    """A block of program weeks with its own days, sessions and model."""

    index: int
    name: str
    first_week: int
    last_week: int
    goal: str
    model: str
    days: tuple[str, ...]
    day_map: Mapping[str, str] | None
    day_types: Mapping[str, DayType]
    linear: Linear | None
    sessions: tuple[SessionTemplate, ...]
    notes: str

    @property
    def weeks(self) -> int:
        return self.last_week - self.first_week + 1

    @property
    def goal_reps(self) -> Reps:
        return parse_reps(GOAL_REPS[self.goal])


@dataclass(frozen=True, slots=True)
class DeloadRule:
    """The shares of sets, reps and load kept in a deload week (None: a wave's own deload)."""

    sets: Fraction
    reps: Fraction
    load: Fraction


@dataclass(frozen=True, slots=True)
class WaveWeek:
    name: str
    sets: tuple[WaveSet, ...]
    deload: bool


@dataclass(frozen=True, slots=True)
class Wave:
    """A week-by-week percentage table; one pass through it is a cycle."""

    name: str
    of: Literal["one_rm", "training_max"]
    weeks: tuple[WaveWeek, ...]


@dataclass(frozen=True, slots=True)
class HardSets:
    """What the weekly volume counts as a hard set: a work, AMRAP or back-off set at or
    above `intensity` (a share of the one-rep max) or at or above `rpe`.

    Counting every work set made a deload, whose sets are kept but lightened (5/3/1's
    40-60% of the training max), look as hard as the week before it; counting only the
    sets heavy or effortful enough to drive adaptation lets the volume show the deload.
    A set that states neither (no load of an exercise with a known max, no RPE or RIR
    target) cannot be judged, and counts by its kind as before.
    """

    intensity: Fraction
    rpe: Fraction


@dataclass(frozen=True, slots=True)
class Skip:
    date: datetime.date
    reason: str


@dataclass(frozen=True, slots=True)
class Program:
    """Everything expansion needs, and nothing it has to look up elsewhere."""

    id: str
    title: str
    athlete: str
    coach: str
    description: str
    notes: str
    links: tuple[tuple[str, str], ...]
    units: str
    bodyweight: Fraction | None
    start: datetime.date
    skips: Mapping[datetime.date, Skip]
    on_skip: Literal["move", "drop"]
    on_missed: Literal["skip", "shift"]
    time: str | None
    duration: int
    timezone: str | None
    equipment: Mapping[str, Equipment]
    exercises: Mapping[str, Exercise]
    maxes: Mapping[str, Max]
    waves: Mapping[str, Wave]
    phases: tuple[Phase, ...]
    deloads: Mapping[int, DeloadRule | None]
    hard_sets: HardSets

    @property
    def weeks(self) -> int:
        return self.phases[-1].last_week


def build_program(data: Mapping[str, Any]) -> Program:
    """The typed program of a spec that passed validation (made by `building`)."""
    from generator.spec.building import program_from  # building imports these values

    return program_from(data)


def max_of(program: Program, exercise_id: str, of: str) -> Fraction | None:
    """The max a percentage of `of` (one_rm or training_max) is taken from."""
    entry = program.maxes.get(exercise_id)
    return entry.basis(of) if entry is not None else None
