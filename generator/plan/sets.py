"""The sets written out: a target's work sets (scaled down in a deload, loads rounded to
the equipment), the warm-up sets up to them, and an intensity technique's extra sets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction
from typing import Literal

from generator.plan.maths import warmup_ramp
from generator.plan.prescription import session_load
from generator.plan.rounding import equipment_memo, round_load
from generator.plan.state import Context, State
from generator.plan.targets import Target
from generator.plan.values import PlannedSet
from generator.spec.model import Equipment, Prescription, Technique
from generator.spec.notation import Reps


def planned_sets(
    context: Context, item: Prescription, target: Target, technique: Technique | None
) -> tuple[PlannedSet, ...]:
    """The session's sets of one exercise: warm-ups, work sets, then the technique's."""
    equipment = target.exercise.equipment
    sets, reps, load = target.sets, target.reps, target.load
    reps_target = target.reps_target
    if context.deload and context.rule is not None:
        sets = max(1, _half_up(sets * context.rule.sets))
        reps = Reps(
            max(1, _half_up(reps.low * context.rule.reps)),
            max(1, _half_up(reps.high * context.rule.reps)),
            reps.amrap,
        )
        if reps_target is not None:
            reps_target = max(1, _half_up(reps_target * context.rule.reps))
        load = load * context.rule.load if load is not None else None
    if equipment is None:
        load = None
    percent = load / target.basis if load is not None and target.basis else None
    plates: tuple[Fraction, ...] | None = None
    if load is not None:
        load, plates = round_load(equipment, load)
    shown_reps: int | None = reps_target if reps_target is not None else reps.low
    reps_max = reps.high if reps.high != shown_reps else None
    if target.seconds is not None:  # a timed set: it lasts so long, whatever the reps
        shown_reps, reps_max = None, None
    one = PlannedSet(
        kind="work",
        reps=shown_reps,
        reps_max=reps_max,
        load=load,
        percent=percent,
        percent_of=target.percent_of if percent is not None else None,
        rpe=target.rpe,
        rir=item.rir,
        tempo=target.tempo,
        rest=target.rest,
        plates=plates,
        seconds=target.seconds,
    )
    # One value for the sets alike (a set is immutable), the last an AMRAP if asked.
    work = [one] * sets
    if reps.amrap:
        work[-1] = replace(one, kind="amrap")
    ramp = _relative_sets(context, item, "ramp", work[0], target)
    backoff = _relative_sets(context, item, "backoff", work[-1], target)
    warmups = warmup_sets(item, equipment, ramp[0].load if ramp else load)
    return tuple(warmups + ramp + work + _technique_sets(technique, target, load) + backoff)


def _relative_sets(
    context: Context,
    item: Prescription,
    kind: Literal["ramp", "backoff"],
    work: PlannedSet,
    target: Target,
) -> list[PlannedSet]:
    """Ramp or back-off sets: each a share of the work sets' rounded load (or of another
    session's, when it names one), rounded in turn; without a load, as bodyweight work,
    at the work sets' reps and nothing else."""
    found: list[PlannedSet] = []
    written = item.ramp if kind == "ramp" else item.backoff
    for entry in written:
        load, plates = work.load, work.plates
        if work.load is not None:
            share = work.load * entry.share
            if entry.source is not None:
                share = session_load(context, item, entry.source)
            load, plates = round_load(target.exercise.equipment, share)
        percent = load / target.basis if load is not None and target.basis else None
        relative = replace(
            work,
            kind=kind,
            reps=entry.reps or work.reps,
            reps_max=None if entry.reps else work.reps_max,
            load=load,
            plates=plates,
            percent=percent,
            percent_of=target.percent_of if percent is not None else None,
        )
        found.extend([relative] * entry.sets)
    return found


def _half_up(value: Fraction) -> int:
    return int(value + Fraction(1, 2))


# --- warm-ups --------------------------------------------------------------------------------


def warmup_sets(
    item: Prescription, equipment: Equipment | None, work: Fraction | None
) -> list[PlannedSet]:
    """Lighter sets up to the first work set; none for bodyweight or unloaded work."""
    if work is None or equipment is None or item.warmup.mode == "none":
        return []
    memo = equipment_memo(equipment).warmups
    key = (work, item.warmup)
    if key not in memo:
        memo[key] = tuple(_ramp(item, equipment, work))
    return list(memo[key])


def _ramp(item: Prescription, equipment: Equipment, work: Fraction) -> list[PlannedSet]:
    start = equipment.bar if equipment.kind == "barbell" and equipment.bar else _lightest(equipment)

    def made(load: Fraction) -> Fraction:
        return round_load(equipment, load)[0]

    if item.warmup.mode == "auto":
        ramp = warmup_ramp(work, made, start)
    else:
        ramp = _listed_warmups(item, work, made, start)
    return [
        PlannedSet(
            kind="warmup",
            reps=reps,
            reps_max=None,
            load=load,
            percent=None,
            percent_of=None,
            rpe=None,
            rir=None,
            tempo=None,
            rest=None,
            plates=round_load(equipment, load)[1],
        )
        for load, reps in ramp
    ]


def _listed_warmups(
    item: Prescription, work: Fraction, made: Callable[[Fraction], Fraction], start: Fraction
) -> tuple[tuple[Fraction, int], ...]:
    """A written warm-up, rounded, keeping only sets that rise and stay below the work set."""
    kept: list[tuple[Fraction, int]] = []
    for share, reps in item.warmup.sets:
        load = start if share is None else made(share * work)
        if load < work and (not kept or load > kept[-1][0]):
            kept.append((load, reps))
    return tuple(kept)


def _lightest(equipment: Equipment) -> Fraction:
    if equipment.loads:
        return equipment.loads[0]
    if equipment.minimum is not None:
        return equipment.minimum
    return Fraction(0)


# --- intensity techniques --------------------------------------------------------------------


def technique_due(context: Context, item: Prescription, state: State) -> Technique | None:
    """Due in phase weeks N, 2N ...: at most once in N weeks per exercise, never in a deload."""
    technique = item.technique
    if technique is None or context.deload or context.week_in_phase % technique.every_weeks:
        return None
    last = state.technique_weeks.get(item.exercise)
    if last is not None and context.week - last < technique.every_weeks:
        return None
    state.technique_weeks[item.exercise] = context.week
    return technique


def _technique_sets(
    technique: Technique | None, target: Target, load: Fraction | None
) -> list[PlannedSet]:
    if technique is None:
        return []
    equipment = target.exercise.equipment

    def extra(kind: str, reps: int | None, at: Fraction | None, rest: int | None) -> PlannedSet:
        plates = round_load(equipment, at)[1] if at is not None else None
        return PlannedSet(
            kind=kind,  # type: ignore[arg-type]
            reps=reps,
            reps_max=None,
            load=at,
            percent=None,
            percent_of=None,
            rpe=None,
            rir=None,
            tempo=target.tempo,
            rest=rest,
            plates=plates,
        )

    if technique.kind == "drop_set":
        sets = []
        current = load
        for _ in range(technique.drops):
            if current is not None:
                current = round_load(equipment, current * (1 - technique.drop))[0]
            sets.append(extra("drop", None, current, 0))
        return sets
    if technique.kind == "rest_pause":
        return [extra("rest_pause", None, load, technique.rest) for _ in range(technique.mini_sets)]
    return [extra("partials", technique.reps, load, None)]
