"""How big a plan can get, worked out from the program before it is planned.

The schema's caps bound each part of a spec (520 weeks, 50 sets an exercise, 4,000
characters of notes) but not their product: a 9 KB spec of 520 weeks x 7 days x 30
exercises x 50 sets would plan five million sets and take minutes and gigabytes in every
format, and long notes on every prescription of a year multiply into gigabytes of pages.
So the plan as a whole is bounded here, from above and cheaply, before any planning.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.spec.model import Phase, Prescription, Program, SessionTemplate, Step

# The most sets (warm-ups included) and characters of repeated text a plan may hold. A
# ten-year plan of six sessions a week of eight exercises of five sets (with warm-ups,
# some 250,000 sets) fits; a year of seven days of thirty exercises of fifty sets does not.
MAX_PLAN_SETS = 300_000
MAX_PLAN_TEXT = 20_000_000

_AUTO_WARMUPS = 4  # the empty bar (or lightest load), then 40%, 60% and 80%
_TECHNIQUE_SETS = 10  # the most extra sets a technique adds (drops, mini-sets)


@dataclass(frozen=True, slots=True)
class PlanSize:
    """An upper bound on a plan's sets and on the characters of text its sessions repeat."""

    sets: int
    text: int

    def too_big(self) -> str | None:
        """What is over its bound, said for a person; None when the plan fits."""
        if self.sets > MAX_PLAN_SETS:
            return (
                f"the plan would hold up to {self.sets:,} sets, more than a plan may hold "
                f"({MAX_PLAN_SETS:,}): plan fewer weeks, sessions, exercises or sets"
            )
        if self.text > MAX_PLAN_TEXT:
            return (
                f"the plan would repeat up to {self.text:,} characters of notes and cues, "
                f"more than a plan may hold ({MAX_PLAN_TEXT:,}): shorten the notes of "
                "sessions and exercises, or plan fewer weeks"
            )
        return None


def plan_size(program: Program) -> PlanSize:
    """The most sets and repeated text the program's plan can hold, phase by phase."""
    sets = text = 0
    for phase in program.phases:
        weeks = phase.last_week - phase.first_week + 1
        a_week = _sessions_a_week(phase)
        sessions = weeks * a_week
        extent = _Extent(program, phase, weeks, a_week)
        sets += sessions * max((extent.template_sets(t) for t in phase.sessions), default=0)
        most_text = max((_template_text(program, t) for t in phase.sessions), default=0)
        text += sessions * most_text + weeks * len(phase.notes)
    return PlanSize(sets, text)


def _sessions_a_week(phase: Phase) -> int:
    """The phase's training days; a frequency step may add sessions up to every day."""
    frequency = any(
        step.method == "frequency"
        for template in phase.sessions
        for item in template.items
        for step in item.all_steps
    )
    return 7 if frequency else max(1, len(phase.days))


@dataclass(frozen=True, slots=True)
class _Extent:
    """A phase's length, in weeks and sessions a week, which a step's additions run over."""

    program: Program
    phase: Phase
    weeks: int
    a_week: int

    def template_sets(self, template: SessionTemplate) -> int:
        return sum(self.item_sets(item) for item in template.items)

    def item_sets(self, item: Prescription) -> int:
        """The most sets one prescription can have in a session, whatever its steps do."""
        written = item.sets or item.default_sets
        counts = [written, *(t.sets for t in self.phase.day_types.values() if t.sets)]
        if self.phase.linear is not None and self.phase.linear.sets is not None:
            counts.extend(self.phase.linear.sets)
        for step in item.all_steps:
            counts.extend(scheme.sets for scheme in step.schemes)
            if step.method == "sets":
                counts.append(step.high or written + step.count * self._intervals(step))
        wave = self.program.waves.get(item.wave or "")
        if wave is not None:
            counts.extend(sum(line.sets for line in week.sets) for week in wave.weeks)
        warmups = _AUTO_WARMUPS if item.warmup.mode == "auto" else len(item.warmup.sets)
        relative = sum(group.sets for group in (*item.ramp, *item.backoff))
        technique = _TECHNIQUE_SETS if item.technique is not None else 0
        return max(counts) + warmups + relative + technique

    def _intervals(self, step: Step) -> int:
        """How many times a step can fire in the phase."""
        units = self.weeks * (self.a_week if step.every.unit == "session" else 1)
        return units // max(1, step.every.count)


def _template_text(program: Program, template: SessionTemplate) -> int:
    """The characters of notes and cues a session of this template repeats (an exercise
    without notes of its own shows its catalogue entry's)."""
    total = len(template.notes) + len(template.title)
    for item in template.items:
        entry = program.exercises.get(item.exercise)
        notes = item.notes or (entry.notes if entry is not None else "")
        cues = item.cues or (entry.cues if entry is not None else ())
        total += len(notes) + sum(len(cue) for cue in cues)
    return total
