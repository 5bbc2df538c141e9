"""How liftplan words numbers, loads, reps and sets: once, for every output.

The terminal (`show`), the site, the PDF, the calendar feed, the JSON and CSV data, the
training log's notation and the spec's messages all say the same quantities. Each way of
saying one lives here, so "3 x 8 @ 60 kg" cannot read one way on the site and another in
the calendar. Where two outputs genuinely say a thing differently (a JSON number and the
text of one, the log's exact notation and a rounded display, "bw" in a short list and
"bodyweight" in a box), both are here, side by side, each named for what it is for.

Nothing here imports the plan or the log at run time (their types are for the checker
alone), so the spec's checks and the log can use it without pulling in the engine.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from generator.spec.notation import format_duration

if TYPE_CHECKING:
    from generator.log.values import LoggedSet
    from generator.plan.values import (
        PlannedExercise,
        PlannedSession,
        PlannedSet,
        SkippedDate,
        WeekSummary,
    )

# --- numbers -------------------------------------------------------------------------------


def json_number(value: Fraction | int | None, places: int = 3) -> int | float | None:
    """A JSON number: whole numbers as integers, others rounded to `places` decimals.

    >>> json_number(Fraction(225, 2)), json_number(Fraction(20)), json_number(Fraction(1, 3))
    (112.5, 20, 0.333)
    >>> json_number(None) is None, json_number(Fraction(19999, 10000))
    (True, 2)
    """
    if value is None:
        return None
    if value.denominator == 1:  # an int's is 1 too
        return int(value)
    rounded = round(float(value), places)
    return int(rounded) if rounded.is_integer() else rounded


def json_percent(share: Fraction | None) -> int | float | None:
    """A share as a JSON percentage: 65 for Fraction(13, 20), to one decimal.

    >>> json_percent(Fraction(13, 20)), json_percent(Fraction(2, 3)), json_percent(None)
    (65, 66.7, None)
    """
    return json_number(share * 100, 1) if share is not None else None


def rounded(value: Fraction | int, places: int = 3) -> str:
    """A number as the pages, the PDF, the calendar, `show` and the CSV cells write it:
    the text of its JSON number, so every output rounds a load alike.

    >>> rounded(Fraction(125, 2)), rounded(Fraction(1, 16)), rounded(Fraction(10001, 100), 1)
    ('62.5', '0.062', '100')
    """
    return str(json_number(value, places))


def percent_text(share: Fraction) -> str:
    """A share as a percentage to one decimal, as the pages and `show` write it.

    >>> percent_text(Fraction(13, 20)), percent_text(Fraction(2, 3))
    ('65%', '66.7%')
    """
    return f"{rounded(share * 100, 1)}%"


def percent_label(planned: PlannedSet) -> str:
    """A set's share of its max, saying of which: '65% TM', '85% 1RM', or nothing.

    >>> from generator.plan.values import PlannedSet
    >>> def share(of): return PlannedSet("work", 5, None, None, Fraction(13, 20), of,
    ...     None, None, None, None, None)
    >>> percent_label(share("training_max")), percent_label(share("one_rm"))
    ('65% TM', '65% 1RM')
    """
    if planned.percent is None:
        return ""
    basis = "TM" if planned.percent_of == "training_max" else "1RM"
    return f"{percent_text(planned.percent)} {basis}"


def number_text(value: Fraction) -> str:
    """A number as a person writes it, exactly: the training log's notation, where a load
    read back must be the load written (the value must be a finite decimal). Unlike
    `rounded`, nothing is lost: 1/16 is 0.0625, not 0.062.

    >>> number_text(Fraction(90)), number_text(Fraction(125, 2)), number_text(Fraction(1, 8))
    ('90', '62.5', '0.125')
    >>> number_text(Fraction(1, 16)), number_text(Fraction(-5, 4))
    ('0.0625', '-1.25')
    """
    if value.denominator == 1:
        return str(value.numerator)
    places = 0
    scaled = value
    while scaled.denominator != 1:
        scaled *= 10
        places += 1
        if places > 30:
            raise ValueError(f"{value} is not a finite decimal")
    digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
    sign = "-" if value < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")


def float_text(value: Fraction) -> str:
    """A number as Python prints the float nearest it: how the spec's checks name a step
    of load the equipment can make. It reads as `number_text` for any load in a gym
    and differs only far from one (an exponent below 0.0001), where the checks' messages
    have always said it so.

    >>> float_text(Fraction(5, 2)), float_text(Fraction(20)), float_text(Fraction(1, 100000))
    ('2.5', '20', '1e-05')
    """
    return str(int(value)) if value.denominator == 1 else str(float(value))


# --- loads -------------------------------------------------------------------------------


def load_label(load: Fraction | None, units: str, exercise: PlannedExercise) -> str:
    """A planned set's load: the weight, or what stands for it when there is none
    (bodyweight, bodyweight plus or minus a load, or a load the spec did not give)."""
    if load is not None:
        return f"{rounded(load)} {units}"
    if exercise.bodyweight:
        sign = "+" if exercise.bodyweight > 0 else "-"
        return f"bodyweight {sign} {rounded(abs(exercise.bodyweight))} {units}"
    return "bodyweight" if exercise.equipment is None else "no load given"


def band_tension(exercise: PlannedExercise, units: str) -> str:
    """What a band adds at the top of the movement, when the spec says: ' (+20 kg at
    the top)', or nothing."""
    tension = exercise.band_tension
    return f" (+{rounded(tension)} {units} at the top)" if tension else ""


def logged_weight(load: Fraction | None, units: str) -> str:
    """The load of a logged set, in its box: '62.5 kg', or 'bodyweight'."""
    return f"{rounded(load)} {units}" if load is not None else "bodyweight"


# --- reps --------------------------------------------------------------------------------


def reps_text(planned: PlannedSet) -> str:
    """A planned set's reps where space is short (a printed box's target): 'max', '8+'
    for as many as possible past 8, '8-12' for a range being climbed, or '8'."""
    return _reps(planned, "max", "{low}-{high}")


def reps_words(planned: PlannedSet) -> str:
    """A planned set's reps in a line of prose: 'max reps', '8+', '8 (range to 12)' or '8'."""
    return _reps(planned, "max reps", "{low} (range to {high})")


def _reps(planned: PlannedSet, most: str, climbing: str) -> str:
    if planned.seconds is not None:  # a timed set: "30s", "1m30s"
        return format_duration(planned.seconds)
    if planned.reps is None:
        return most
    if planned.kind == "amrap":
        return f"{planned.reps}+"
    if planned.reps_max is not None:
        return climbing.format(low=planned.reps, high=planned.reps_max)
    return str(planned.reps)


# --- sets --------------------------------------------------------------------------------

# What each kind of set is called where it is named: work and AMRAP sets are the plain
# case, and warm-ups are listed apart.
_KIND_WORDS = {
    "warmup": "warm-up",
    "ramp": "ramp",
    "work": "",
    "amrap": "",
    "drop": "drop set",
    "rest_pause": "rest-pause",
    "partials": "partials",
    "backoff": "back-off",
}


def kind_words(kind: str) -> str:
    """How a kind of set is named beside its target ("" for work and AMRAP sets).

    >>> kind_words("backoff"), kind_words("work"), kind_words("rest_pause")
    ('back-off', '', 'rest-pause')
    """
    return _KIND_WORDS[kind]


def group_sets(sets: Sequence[PlannedSet]) -> Iterator[list[PlannedSet]]:
    """Runs of identical sets, so 3 x 8 reads as one line."""
    group: list[PlannedSet] = []
    for planned in sets:
        if group and planned != group[0]:
            yield group
            group = []
        group.append(planned)
    if group:
        yield group


def describe_sets(group: list[PlannedSet], units: str, exercise: PlannedExercise) -> str:
    """A run of identical sets as one line: how many, reps, load, the share of the max it
    came from, the plates per side and how the sets are done (RPE, RIR, tempo, rest)."""
    first = group[0]
    load = load_label(first.load, units, exercise)
    named = kind_words(first.kind)
    text = f"{named + ' ' if named else ''}{len(group)} x {reps_words(first)} @ {load}"
    if first.percent is not None:
        text += f" ({percent_label(first)})"
    if first.plates:
        text += f" [per side: {' + '.join(rounded(p) for p in first.plates)}]"
    details = how_words(first)
    return text + ("  " + ", ".join(details) if details else "")


def how_words(planned: PlannedSet) -> list[str]:
    """How a set is done, each as its words: effort (RPE, RIR), tempo and the rest after
    it (none said for no rest, as after a drop set)."""
    words = []
    if planned.rpe is not None:
        words.append(f"RPE {rounded(planned.rpe)}")
    if planned.rir is not None:
        words.append(f"RIR {planned.rir}")
    if planned.tempo:
        words.append(f"tempo {planned.tempo}")
    if planned.rest:
        words.append(f"rest {format_duration(planned.rest)}")
    return words


def set_target(planned: PlannedSet, units: str, exercise: PlannedExercise) -> str:
    """One set's target, as the printed boxes are held to it: '8-12 @ 60 kg, RPE 8'."""
    target = f"{reps_text(planned)} @ {load_label(planned.load, units, exercise)}"
    if planned.rpe is not None:
        target += f", RPE {rounded(planned.rpe)}"
    return target


def warmup_text(exercise: PlannedExercise, units: str) -> str:
    """The warm-up ramp as one line, '20 kg x 10, 40 kg x 5', or nothing without one."""
    warmups = [s for s in exercise.sets if s.kind == "warmup"]
    return ", ".join(f"{load_label(s.load, units, exercise)} x {s.reps}" for s in warmups)


def logged_set(logged: LoggedSet, units: str) -> str:
    """A logged set in full, as the week page shows it: '10 @ 62.5 kg, RPE 8 (grindy)'."""
    text = f"{logged_done(logged)} @ {logged_weight(logged.load, units)}"
    if logged.rpe is not None:
        text += f", RPE {rounded(logged.rpe)}"
    if logged.note:
        text += f" ({logged.note})"
    return text


def logged_sets_brief(sets: Sequence[LoggedSet], units: str) -> str:
    """Logged sets in a short list, for an exercise the plan did not have that day:
    '10 @ 62.5 kg, 8 @ bw' (no RPE or notes)."""
    return ", ".join(
        f"{logged_done(s)} @ {rounded(s.load)} {units}"
        if s.load is not None
        else f"{logged_done(s)} @ bw"
        for s in sets
    )


def logged_done(logged: LoggedSet) -> str:
    """What a logged set did: its reps, or how long a hold lasted ("40s")."""
    return format_duration(logged.seconds) if logged.seconds is not None else str(logged.reps)


# --- exercises, sessions and weeks -------------------------------------------------------


def exercise_name(exercise: PlannedExercise) -> str:
    """The exercise's name, saying when each side is done on its own, after its place in
    a superset ("A1 Hip thrust")."""
    name = exercise.name + (" (each side)" if exercise.unilateral else "")
    return f"{exercise.superset} {name}" if exercise.superset else name


def technique_text(technique: str) -> str:
    """An intensity technique's name as words: 'rest pause' for rest_pause."""
    return technique.replace("_", " ")


def exercise_lines(exercise: PlannedExercise, units: str) -> Iterator[str]:
    """An exercise as indented lines, for `show` and the calendar: name, warm-up,
    grouped sets, band and technique."""
    name = exercise_name(exercise)
    if exercise.exercise != exercise.prescribed:
        name += f" [ladder from {exercise.prescribed}]"
    yield f"    {name}"
    if exercise.status:
        yield f"      {exercise.status}"
    ramp = warmup_text(exercise, units)
    if ramp:
        yield f"      warm-up: {ramp}"
    for group in group_sets([s for s in exercise.sets if s.kind != "warmup"]):
        yield "      " + describe_sets(group, units, exercise)
    extras = []
    if exercise.band:
        extras.append(f"band {exercise.band}{band_tension(exercise, units)}")
    if exercise.technique:
        extras.append(technique_text(exercise.technique))
    if extras:
        yield "      with " + ", ".join(extras)


def session_name(session: PlannedSession) -> str:
    """A session's title, or 'session A' when it has none (the calendar and its feed)."""
    return session.title or f"session {session.label}"


def week_summary(summary: WeekSummary, units: str, *, zero_intensity: bool = True) -> str:
    """A week in numbers: hard sets, tonnage and the mean intensity when there is one.

    `show` has always left out a mean intensity of zero (hard sets all at no load), where
    the pages and the PDF say 0%: `zero_intensity=False` is `show`'s way.
    """
    text = f"{summary.hard_sets} hard sets, tonnage {rounded(summary.tonnage, 1)} {units}"
    intensity = summary.mean_intensity
    if intensity is not None and (intensity or zero_intensity):
        text += f", mean intensity {percent_text(intensity)}"
    return text


# What a training day that passed with no entry did to the plan under the shift rule.
SHIFTED = "the plan moved on one training day"


def shifted_text(skip: SkippedDate) -> str:
    """A training day that passed with the session due not logged, after its date."""
    return f"missed ({skip.reason}), {SHIFTED}"


def skipped_text(skip: SkippedDate, opening: str) -> str:
    """A training date without its session, and what became of the session: `opening`
    says the day ('skipped' in `show`, 'no training' on the pages)."""
    if skip.outcome == "shifted":
        return shifted_text(skip)
    reason = f" ({skip.reason})" if skip.reason else ""
    return f"{opening}{reason}, session {skip.outcome}"
