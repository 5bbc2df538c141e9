"""From a validated spec's dict to the typed values of `model`.

Validation has already checked shapes and cross-references, so building trusts the
data; every default is applied here (single-key defaults read from the schema,
tables from `defaults`). The checks of training sense build maxes, steps and
techniques with the same functions, so they cannot read a spec otherwise than the plan.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Literal, TypeVar

from generator.plan.maths import estimate_one_rm
from generator.spec.defaults import schema_default
from generator.spec.exercises import Exercises, equipment_from
from generator.spec.layout import (
    day_types,
    deload_rules,
    phase_sessions,
    phase_setting,
    phase_spans,
    phase_training_days,
    session_items,
)
from generator.spec.model import (
    WEEKDAYS,
    AmrapRow,
    DayType,
    DeloadRule,
    HardSets,
    Linear,
    Max,
    Phase,
    Prescription,
    Program,
    RelativeSets,
    Reset,
    Scheme,
    SessionTemplate,
    Skip,
    Step,
    Success,
    Technique,
    Warmup,
    Wave,
    WaveWeek,
    parse_amount,
)
from generator.spec.notation import (
    Interval,
    exact,
    parse_duration,
    parse_interval,
    parse_load,
    parse_percent,
    parse_reps,
    parse_wave_set,
)

_Built = TypeVar("_Built")


class _Repeats:
    """The values one spec writes again and again (the same reps, load, rest, warm-up and
    progression on every exercise of a block), each built once for the spec.

    A key is the builder and the value as written: a text as itself, anything else by
    its repr, which tells 1 from 1.0 and true and keeps the order of a mapping's keys.
    What is built is frozen, so prescriptions can share it.
    """

    def __init__(self) -> None:
        self.built: dict[tuple[object, ...], Any] = {}

    def __call__(self, build: Callable[[Any], _Built], written: Any) -> _Built:
        key = (build, written) if type(written) is str else (build, type(written), repr(written))
        if key in self.built:
            found: _Built = self.built[key]
            return found
        made = self.built[key] = build(written)
        return made

    def prescription(
        self, item: Mapping[str, Any], defaults: Mapping[str, Any], phase_progress: list[Any]
    ) -> Prescription:
        """A prescription as written in a session: the same lift written the same way in
        several sessions of a phase (or of a program, when it has its own steps) is built
        once. `defaults` are the program's, the same for every prescription."""
        inherited = "" if "progress" in item else repr(phase_progress)
        key = ("prescription", repr(item), inherited)
        if key not in self.built:
            self.built[key] = _prescription(item, defaults, phase_progress, self)
        made: Prescription = self.built[key]
        return made


def program_from(data: Mapping[str, Any]) -> Program:
    """The typed program of a spec that passed validation."""
    equipment = {
        name: equipment_from(name, item) for name, item in data.get("equipment", {}).items()
    }
    schedule = data["schedule"]
    defaults = data.get("defaults", {})
    return Program(
        id=data["id"],
        title=data["title"],
        athlete=data.get("athlete", ""),
        coach=data.get("coach", ""),
        description=data.get("description", ""),
        notes=data.get("notes", ""),
        links=tuple((link["title"], link["url"]) for link in data.get("links", [])),
        units=data.get("units", schema_default("properties", "units")),
        bodyweight=exact(data["bodyweight"]) if "bodyweight" in data else None,
        start=datetime.date.fromisoformat(data["start"]),
        skips=MappingProxyType(_skips(schedule.get("skip", []))),
        on_skip=schedule.get("on_skip", _schedule_default("on_skip")),
        on_missed=schedule.get("on_missed", _schedule_default("on_missed")),
        time=schedule.get("time"),
        duration=parse_duration(schedule.get("duration", _schedule_default("duration"))),
        timezone=schedule.get("timezone"),
        equipment=MappingProxyType(equipment),
        exercises=Exercises(data, equipment),
        maxes=MappingProxyType(
            {name: max_from(entry) for name, entry in data.get("maxes", {}).items()}
        ),
        waves=MappingProxyType({name: _wave(name, w) for name, w in data.get("waves", {}).items()}),
        phases=_phases(data, defaults, _Repeats()),
        deloads=MappingProxyType(
            {week: _deload_rule(rule) for week, rule in deload_rules(data).items()}
        ),
        hard_sets=hard_sets_from(data.get("hard_sets", {})),
    )


def hard_sets_from(written: Mapping[str, Any]) -> HardSets:
    """The hard-set threshold, each part as written or the schema's default (60% and RPE 6).

    >>> hard_sets_from({"rpe": 7.5})
    HardSets(intensity=Fraction(3, 5), rpe=Fraction(15, 2))
    """

    def setting(key: str) -> Any:
        return written.get(key, schema_default("properties", "hard_sets", "properties", key))

    return HardSets(parse_percent(setting("intensity")), exact(setting("rpe")))


def _schedule_default(key: str) -> Any:
    return schema_default("properties", "schedule", "properties", key)


def _skips(items: list[Any]) -> dict[datetime.date, Skip]:
    found: dict[datetime.date, Skip] = {}
    for written in items:
        item = {"date": written} if isinstance(written, str) else written
        first = datetime.date.fromisoformat(item.get("date") or item["from"])
        last = datetime.date.fromisoformat(item.get("date") or item["to"])
        day = first
        while day <= last:
            found.setdefault(day, Skip(day, item.get("reason", "")))
            day += datetime.timedelta(days=1)
    return found


def max_from(entry: Mapping[str, Any]) -> Max:
    """One exercise's max: a one-rep max given or estimated from a tested rep max, and the
    training max, given or a share of the one-rep max."""
    one_rm: Fraction | None = None
    method = entry.get("estimate", schema_default("definitions", "max", "properties", "estimate"))
    if "one_rm" in entry:
        one_rm = exact(entry["one_rm"])
    elif "tested" in entry:
        tested = entry["tested"]
        one_rm = estimate_one_rm(exact(tested["load"]), tested["reps"], method)
    written = entry.get(
        "training_max", schema_default("definitions", "max", "properties", "training_max")
    )
    training_max: Fraction | None
    share: Fraction | None = None
    if isinstance(written, str):
        share = parse_percent(written)
        training_max = share * one_rm if one_rm is not None else None
    else:
        training_max = exact(written)
    increase = entry.get(
        "cycle_increase", schema_default("definitions", "max", "properties", "cycle_increase")
    )
    amrap = entry.get("amrap", schema_default("definitions", "max", "properties", "amrap"))
    from_log = entry.get("from_log", False)
    return Max(one_rm, training_max, parse_amount(increase), method, amrap, share, from_log)


def _wave(name: str, spec: Mapping[str, Any]) -> Wave:
    weeks = []
    for index, written in enumerate(spec["weeks"], start=1):
        week: Mapping[str, Any] = {"sets": written} if isinstance(written, list) else written
        sets = tuple(parse_wave_set(text) for text in week["sets"])
        weeks.append(WaveWeek(week.get("name", f"Week {index}"), sets, week.get("deload", False)))
    of = spec.get("of", schema_default("definitions", "wave", "properties", "of"))
    return Wave(name, of, tuple(weeks))


def _deload_rule(rule: Mapping[str, Any] | None) -> DeloadRule | None:
    if rule is None:
        return None

    def share(key: str) -> Fraction:
        default = schema_default("definitions", "deload", "properties", key)
        return parse_percent(rule.get(key, default))

    return DeloadRule(share("sets"), share("reps"), share("load"))


def _phases(
    data: Mapping[str, Any], defaults: Mapping[str, Any], repeats: _Repeats
) -> tuple[Phase, ...]:
    phases = data["phases"]
    types = day_types(data)
    built = []
    for span, phase in zip(phase_spans(phases), phases, strict=True):
        days = phase.get("days")
        day_map = MappingProxyType(dict(days)) if isinstance(days, Mapping) else None
        progress = phase.get("progress", [])
        sessions = phase_sessions(phases, span.index) or {}
        built.append(
            Phase(
                index=span.index,
                name=phase["name"],
                first_week=span.first,
                last_week=span.last,
                goal=phase_setting(phase, "goal"),
                model=phase_setting(phase, "model"),
                days=_ordered_days(phase_training_days(data, phase)),
                day_map=day_map,
                day_types=MappingProxyType(
                    {
                        weekday: _day_type(name, types[name])
                        for weekday, name in phase.get("day_types", {}).items()
                    }
                ),
                linear=_linear(phase["linear"]) if "linear" in phase else None,
                sessions=tuple(
                    _session(label, session, defaults, progress, repeats)
                    for label, session in sessions.items()
                ),
                notes=phase.get("notes", ""),
            )
        )
    return tuple(built)


def _ordered_days(days: list[str]) -> tuple[str, ...]:
    return tuple(sorted(days, key=WEEKDAYS.index))


def _day_type(name: str, values: Mapping[str, Any]) -> DayType:
    return DayType(
        name,
        values.get("sets"),
        parse_reps(values["reps"]) if "reps" in values else None,
        parse_load(values["load"]) if "load" in values else None,
    )


def _linear(spec: Mapping[str, Any]) -> Linear:
    load = spec.get("load")
    return Linear(
        load=(parse_load(load[0]), parse_load(load[1])) if load else None,
        reps=(spec["reps"][0], spec["reps"][1]) if "reps" in spec else None,
        sets=(spec["sets"][0], spec["sets"][1]) if "sets" in spec else None,
    )


def _session(
    label: str,
    session: Any,
    defaults: Mapping[str, Any],
    phase_progress: list[Any],
    repeats: _Repeats,
) -> SessionTemplate:
    items = session_items(session)
    title = "" if isinstance(session, list) else session.get("title", "")
    notes = "" if isinstance(session, list) else session.get("notes", "")
    return SessionTemplate(
        label,
        title,
        notes,
        tuple(repeats.prescription(item, defaults, phase_progress) for item in items),
    )


def _prescription(
    item: Mapping[str, Any],
    defaults: Mapping[str, Any],
    phase_progress: list[Any],
    repeats: _Repeats,
) -> Prescription:
    def default(key: str) -> Any:
        if key in item:
            return item[key]
        if key in defaults:
            return defaults[key]
        return schema_default("properties", "defaults", "properties", key)

    return Prescription(
        exercise=item["exercise"],
        sets=item.get("sets"),
        default_sets=default("sets"),
        reps=repeats(parse_reps, item["reps"]) if "reps" in item else None,
        load=repeats(parse_load, item["load"]) if "load" in item else None,
        rpe=exact(item["rpe"]) if "rpe" in item else None,
        rir=item.get("rir"),
        tempo=item.get("tempo", defaults.get("tempo")),
        rest=repeats(parse_duration, default("rest")),
        warmup=repeats(_warmup, default("warmup")),
        band=item.get("band"),
        wave=item.get("wave"),
        technique=repeats(technique_from, item["technique"]) if "technique" in item else None,
        progress=repeats(_steps, item.get("progress", phase_progress)),
        cues=tuple(item.get("cues", ())),
        notes=item.get("notes", ""),
        track=item.get("track"),
        test=_test(item.get("test")),
        time=parse_duration(item["time"]) if "time" in item else None,
        superset=item.get("superset"),
        ramp=tuple(_relative_sets(written) for written in item.get("ramp", ())),
        backoff=tuple(_relative_sets(written) for written in item.get("backoff", ())),
    )


def _steps(written: list[Mapping[str, Any]]) -> tuple[Step, ...]:
    return tuple(step_from(step) for step in written)


def _test(written: str | None) -> int | Literal["amrap"] | None:
    """A test as written: "5rm" is a five-rep max, "amrap" as many reps as possible."""
    if written is None:
        return None
    if written == "amrap":
        return "amrap"
    return int(written.removesuffix("rm"))


def _relative_sets(written: str | Mapping[str, Any]) -> RelativeSets:
    """A ramp or back-off entry: "62.5%" (one set at the work reps) or {load, sets, reps},
    the load a share of the work load or of another session's."""
    if isinstance(written, str):
        return RelativeSets(1, parse_percent(written))
    load, sets, reps = written["load"], written.get("sets", 1), written.get("reps")
    if isinstance(load, Mapping):
        return RelativeSets(sets, Fraction(1), reps, source=parse_load(load))
    return RelativeSets(sets, parse_percent(load), reps)


def _warmup(value: str | list[str]) -> Warmup:
    if isinstance(value, str):
        return Warmup("auto" if value == "auto" else "none")
    sets = []
    for text in value:
        load, _, reps = text.replace(" ", "").partition("x")
        share = None if load == "bar" else parse_percent(load)
        sets.append((share, int(reps)))
    return Warmup("list", tuple(sets))


# The order of the technique kinds' if/then branches in the schema.
_TECHNIQUE_BRANCHES = ("drop_set", "rest_pause", "partials")


def technique_from(spec: Mapping[str, Any]) -> Technique:
    """An advanced technique with its kind's defaults applied."""

    def setting(key: str) -> Any:
        if key in spec:
            return spec[key]
        branch = str(_TECHNIQUE_BRANCHES.index(spec["kind"]))
        return schema_default(
            "definitions", "technique", "allOf", branch, "then", "properties", key
        )

    every = parse_interval(setting("every"))
    kind = spec["kind"]
    if kind == "drop_set":
        return Technique(
            kind, every.count, drop=parse_percent(setting("drop")), drops=setting("drops")
        )
    if kind == "rest_pause":
        rest = parse_duration(setting("rest"))
        return Technique(kind, every.count, rest=rest, mini_sets=setting("mini_sets"))
    return Technique(kind, every.count, reps=setting("reps"))


def _step_default(method: str, key: str) -> Any:
    return schema_default("definitions", "step", "properties", method, "properties", key)


def step_from(spec: Mapping[str, Any]) -> Step:
    """One progression step, written {method: settings}, with its method's defaults applied."""
    ((method, settings),) = spec.items()

    def setting(key: str) -> Any:
        return settings[key] if key in settings else _step_default(method, key)

    every = parse_interval(
        settings.get("every", "session") if method == "stages" else setting("every")
    )
    if method in ("load", "max"):
        return _load_step(method, every, settings)
    if method == "double":
        back_off = parse_percent(settings["back_off"]) if "back_off" in settings else None
        return Step(
            method,
            every,
            amount=parse_amount(settings["add"]),
            count=setting("step"),
            back_off=back_off,
        )
    if method == "stages":
        return _stages_step(every, settings)
    if method in ("sets", "reps", "frequency"):
        return Step(
            method, every, count=setting("add"), low=settings.get("min"), high=settings.get("max")
        )
    if method == "tempo":
        return Step(method, every, sequence=tuple(settings["sequence"]))
    if method == "time":
        add, limit = parse_duration(settings["add"]), parse_duration(settings["max"])
        return Step(method, every, seconds=add, high=limit)
    if method == "pause":
        return Step(
            method,
            every,
            seconds=parse_duration(setting("add")),
            high=parse_duration(setting("max")),
            at=setting("at"),
        )
    if method == "rest":
        floor, ceiling = settings.get("floor"), settings.get("ceiling")
        return Step(
            method,
            every,
            seconds=parse_duration(settings["step"]),
            low=parse_duration(floor) if floor else None,
            high=parse_duration(ceiling) if ceiling else None,
        )
    if method == "variation":
        ladder = tuple(settings.get("ladder", ()))
        reset = parse_amount(setting("reset"))
        return Step(method, every, amount=reset, sequence=ladder, when=setting("when"))
    return Step(method, every, steps=tuple(step_from(inner) for inner in settings["steps"]))


def _stages_step(every: Interval, settings: Mapping[str, Any]) -> Step:
    """Stages move on at every session of the lift: a success, a failure or a reset."""
    return Step(
        "stages",
        every,
        amount=parse_amount(settings["add"]),
        success=success_from(settings.get("success", "all")),
        schemes=tuple(scheme_from(text) for text in settings["schemes"]),
        reset=_reset(settings["reset"]),
    )


def _load_step(method: str, every: Interval, settings: Mapping[str, Any]) -> Step:
    """A load (or max) step: an amount, or an AMRAP table's, added on success, and what
    failures do."""
    fail = settings.get("fail", {})
    return Step(
        method,
        every,
        amount=parse_amount(settings.get("add", 0)),
        cap=exact(settings["max"]) if "max" in settings else None,
        success=success_from(settings.get("success", "all")),
        table=amrap_table(settings.get("by_amrap", {})),
        fail_after=fail.get("after", 1),
        drop=parse_amount(fail["drop"]) if "drop" in fail else None,
        of=settings.get("of"),
        after_weeks=tuple(settings.get("after_weeks", ())),
        after_sessions=tuple(settings.get("after_sessions", ())),
    )


def success_from(text: str) -> Success:
    """A rule of success as written: all, last, or N+.

    >>> success_from("all"), success_from("25+")
    (Success(rule='all', amrap=0), Success(rule='amrap', amrap=25))
    """
    if text.endswith("+"):
        return Success("amrap", int(text[:-1]))
    return Success("last" if text == "last" else "all")


def amrap_table(written: Mapping[str, float | int | str]) -> tuple[AmrapRow, ...]:
    """An AMRAP table's rows, in order of their first count.

    >>> [(r.low, r.high) for r in amrap_table({"10+": 5, "5-9": 2.5, "4": 0})]
    [(4, 4), (5, 9), (10, None)]
    """
    rows = []
    for key, amount in written.items():
        if key.endswith("+"):
            low, high = int(key[:-1]), None
        else:
            first, _, last = key.partition("-")
            low, high = int(first), int(last or first)
        rows.append(AmrapRow(low, high, parse_amount(amount)))
    return tuple(sorted(rows, key=lambda row: row.low))


def scheme_from(text: str) -> Scheme:
    """A stage's scheme as written: "5x3+" is five sets of three, the last as many as possible.

    >>> scheme_from("5x3+"), scheme_from("3x10")
    (Scheme(sets=5, reps=3, amrap=True), Scheme(sets=3, reps=10, amrap=False))
    """
    sets, _, reps = text.partition("x")
    return Scheme(int(sets), int(reps.rstrip("+")), reps.endswith("+"))


def _reset(written: str | Mapping[str, Any]) -> Reset:
    if isinstance(written, str):
        return Reset(share=parse_percent(written))
    if "test" in written:
        return Reset(share=parse_percent(written["share"]), test=int(written["test"][:-2]))
    return Reset(add=exact(written["add"]))
