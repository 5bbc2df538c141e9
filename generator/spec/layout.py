"""Where a program's phases fall in its weeks, which weeks are deloads, what an exercise uses.

Pure functions over a spec that has passed schema validation: the checks use them to
find overlaps and long stretches without a deload, and `building` uses them to make
the typed program the plan is expanded from, so both agree on what week 9 is. The
walks over each exercise as prescribed (`uses`, `steps_of`) say where in the document
each piece is, so a check can point at it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from generator.spec.catalogue import CATALOGUE
from generator.spec.defaults import DAY_TYPES, schema_default
from generator.spec.loader import Path
from generator.spec.notation import parse_week_range


@dataclass(frozen=True, slots=True)
class PhaseSpan:
    """A phase's program weeks, first and last included (1-based)."""

    index: int
    first: int
    last: int

    @property
    def weeks(self) -> int:
        return self.last - self.first + 1


def phase_spans(phases: Sequence[Mapping[str, Any]]) -> list[PhaseSpan]:
    """Each phase's weeks; a count follows on from the phase before, a range is taken as written.

    >>> [(s.first, s.last) for s in phase_spans([{"weeks": 4}, {"weeks": "5-8"}, {"weeks": 2}])]
    [(1, 4), (5, 8), (9, 10)]
    """
    spans: list[PhaseSpan] = []
    next_week = 1
    for index, phase in enumerate(phases):
        first, last = parse_week_range(phase["weeks"])
        if first is None:
            first, last = next_week, next_week + last - 1
        spans.append(PhaseSpan(index, first, last))
        next_week = last + 1
    return spans


def phase_setting(phase: Mapping[str, Any], key: str) -> Any:
    """A phase's goal or model, as written or the schema's default."""
    return phase.get(key, schema_default("definitions", "phase", "properties", key))


def phase_training_days(program: Mapping[str, Any], phase: Mapping[str, Any]) -> list[str]:
    """The weekdays a phase trains on: its own days if given, else the program's."""
    days = phase.get("days")
    if isinstance(days, Mapping):
        return list(days)
    if isinstance(days, list):
        return list(days)
    return list(program["schedule"]["days"])


def phase_sessions(phases: Sequence[Mapping[str, Any]], index: int) -> Mapping[str, Any] | None:
    """A phase's sessions, inherited from the nearest earlier phase that has them."""
    for phase in reversed(phases[: index + 1]):
        if "sessions" in phase:
            sessions: Mapping[str, Any] = phase["sessions"]
            return sessions
    return None


def sessions_per_week(program: Mapping[str, Any], index: int, label: str) -> Fraction:
    """How often a session label falls in a week of phase `index`, on average.

    With a weekday -> label mapping it is the number of days mapped to the label;
    otherwise labels take the training days in turn, so each gets an equal share.

    >>> program = {"schedule": {"days": ["mon", "wed", "fri"]},
    ...            "phases": [{"sessions": {"A": [], "B": []}}]}
    >>> sessions_per_week(program, 0, "A")
    Fraction(3, 2)
    """
    phase = program["phases"][index]
    days = phase.get("days")
    if isinstance(days, Mapping):
        return Fraction(sum(1 for mapped in days.values() if mapped == label))
    labels = phase_sessions(program["phases"], index) or {}
    if not labels:
        return Fraction(0)
    return Fraction(len(phase_training_days(program, phase)), len(labels))


def day_types(program: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The built-in day types with the program's changes and additions applied."""
    merged = {name: dict(values) for name, values in DAY_TYPES.items()}
    for name, values in program.get("day_types", {}).items():
        merged[name] = {**merged.get(name, {}), **values}
    return merged


def deload_weeks(program: Mapping[str, Any]) -> set[int]:
    """The program weeks that are deloads, by the program's rule and each phase's own."""
    return set(deload_rules(program))


def deload_rules(program: Mapping[str, Any]) -> dict[int, Mapping[str, Any] | None]:
    """Each deload week and the rule that made it; None where a wave's own table is the deload."""
    phases = program["phases"]
    found: dict[int, Mapping[str, Any] | None] = {}
    for span, phase in zip(phase_spans(phases), phases, strict=True):
        found.update(_phase_deloads(program, phase, span))
    return found


def _phase_deloads(
    program: Mapping[str, Any], phase: Mapping[str, Any], span: PhaseSpan
) -> Iterator[tuple[int, Mapping[str, Any] | None]]:
    own = phase.get("deload")
    if own is False:
        return
    if isinstance(own, Mapping):
        for week in _rule_weeks(own, span.weeks):
            yield span.first + week - 1, own
        return
    wave_weeks = _wave_deload_offsets(program, phase)
    if wave_weeks is not None:
        for offset in range(span.weeks):
            if offset % wave_weeks[0] in wave_weeks[1]:
                yield span.first + offset, None
        return
    rule = program.get("deload")
    if rule is not None:
        yield from ((w, rule) for w in _rule_weeks(rule, span.last) if w >= span.first)


def _rule_weeks(rule: Mapping[str, Any], length: int) -> Iterator[int]:
    """Weeks 1..length that a deload rule (every N, or listed weeks) marks."""
    if "every" in rule:
        yield from range(rule["every"], length + 1, rule["every"])
    yield from (week for week in rule.get("weeks", ()) if week <= length)


def _wave_deload_offsets(
    program: Mapping[str, Any], phase: Mapping[str, Any]
) -> tuple[int, set[int]] | None:
    """For a wave phase whose wave marks deload weeks: the wave length and those offsets."""
    if phase.get("model") != "wave":
        return None
    waves = program.get("waves", {})
    for session in (phase.get("sessions") or {}).values():
        for item in session_items(session):
            wave = waves.get(item.get("wave"))
            if wave is None:
                continue
            offsets = {
                offset
                for offset, week in enumerate(wave["weeks"])
                if isinstance(week, Mapping) and week.get("deload")
            }
            if offsets:
                return len(wave["weeks"]), offsets
    return None


def equipment_of(program: Mapping[str, Any], exercise_id: str) -> tuple[str | None, str]:
    """The equipment name an exercise uses (None for bodyweight), or a problem to report.

    A catalogue exercise names a kind of equipment; it gets the spec's item of that
    name, or the only item of that kind. The problem text is empty when all is well.
    """
    spec = program.get("exercises", {}).get(exercise_id, {})
    entry = CATALOGUE.get(exercise_id)
    wanted = spec.get("equipment") or (entry.equipment if entry else "bodyweight")
    items: Mapping[str, Any] = program.get("equipment", {})
    if wanted == "bodyweight":
        return None, ""
    if wanted in items:
        return wanted, ""
    of_kind = sorted(name for name, item in items.items() if item["kind"] == wanted)
    if len(of_kind) == 1:
        return of_kind[0], ""
    if not of_kind:
        return None, f"{exercise_id} needs {wanted} equipment, and equipment has none"
    return None, (
        f"{exercise_id} could use any of {', '.join(of_kind)}: "
        f"choose one under exercises.{exercise_id}.equipment"
    )


def ladder_of(program: Mapping[str, Any], exercise_id: str) -> list[str]:
    """An exercise's ladder of variations: the spec's own, else the catalogue's."""
    spec = program.get("exercises", {}).get(exercise_id, {})
    if "ladder" in spec:
        return list(spec["ladder"])
    entry = CATALOGUE.get(exercise_id)
    return list(entry.ladder) if entry else []


def known_exercises(program: Mapping[str, Any]) -> set[str]:
    """The exercises a spec may name: the catalogue's and its own."""
    return set(CATALOGUE) | set(program.get("exercises", {}))


def session_items(session: Any) -> list[Mapping[str, Any]]:
    """A session's exercises, written as a bare list or under `exercises`."""
    items: list[Mapping[str, Any]] = session if isinstance(session, list) else session["exercises"]
    return items


@dataclass(frozen=True, slots=True)
class Use:
    """One exercise as prescribed in one session of one phase, and where it is written."""

    path: Path
    phase_index: int
    label: str
    item: Mapping[str, Any]


def uses(program: Mapping[str, Any]) -> Iterator[Use]:
    """Every exercise as written in each phase's own sessions (not the inherited ones)."""
    for phase_index, phase in enumerate(program["phases"]):
        for label, session in phase.get("sessions", {}).items():
            base: Path = ("phases", phase_index, "sessions", label)
            items = session
            if isinstance(session, Mapping):
                items, base = session["exercises"], (*base, "exercises")
            for index, item in enumerate(items):
                yield Use((*base, index), phase_index, label, item)


@dataclass(frozen=True, slots=True)
class StepAt:
    """One progression step a use follows: its method, settings and where it is written
    (the path ends at the method's key); `nested` for a step inside a rotation."""

    path: Path
    method: str
    settings: Mapping[str, Any]
    nested: bool


def steps_of(program: Mapping[str, Any], use: Use) -> Iterator[StepAt]:
    """The steps a use follows, its own or else its phase's, each rotation's inner steps
    after the rotation itself."""
    if "progress" in use.item:
        steps, path = use.item["progress"], (*use.path, "progress")
    else:
        steps = program["phases"][use.phase_index].get("progress", [])
        path = ("phases", use.phase_index, "progress")
    for index, step in enumerate(steps):
        yield from _step_tree((*path, index), step, nested=False)


def _step_tree(path: Path, step: Mapping[str, Any], *, nested: bool) -> Iterator[StepAt]:
    ((method, settings),) = step.items()
    here: Path = (*path, method)
    yield StepAt(here, method, settings, nested)
    if method == "rotate":
        for index, inner in enumerate(settings["steps"]):
            yield from _step_tree((*here, "steps", index), inner, nested=True)
