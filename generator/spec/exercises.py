"""A program's equipment and exercises, typed from a spec that passed validation."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from generator.plan.maths import Rounding
from generator.spec.catalogue import CATALOGUE
from generator.spec.defaults import schema_default
from generator.spec.layout import equipment_of, ladder_of
from generator.spec.model import Equipment, Exercise
from generator.spec.notation import exact


def equipment_from(name: str, item: Mapping[str, Any]) -> Equipment:
    rounding: Rounding = item.get("rounding", schema_default("definitions", "rounding"))

    def fractions(key: str) -> tuple[Fraction, ...]:
        return tuple(sorted(exact(value) for value in item.get(key, [])))

    def optional(key: str) -> Fraction | None:
        return exact(item[key]) if key in item else None

    step = optional("step")
    return Equipment(
        name=name,
        kind=item["kind"],
        label=item.get("name", name.replace("_", " ")),
        rounding=rounding,
        bar=optional("bar"),
        plates=tuple(reversed(fractions("plates"))),
        loads=fractions("loads"),
        step=step,
        minimum=optional("min") if "min" in item else step,
        maximum=optional("max"),
        bands=MappingProxyType({band: exact(t) for band, t in item.get("bands", {}).items()}),
    )


class Exercises(Mapping[str, Exercise]):
    """Every exercise the program can reach, catalogue entries and the spec's own, each
    made when first asked for. A plan uses a handful of the catalogue's fifty-odd
    entries, and making them all was a third of building a program (which `validate`
    does for every spec, to bound its plan). Read-only from outside: what is made once
    is kept and never changes."""

    def __init__(self, data: Mapping[str, Any], equipment: Mapping[str, Equipment]) -> None:
        self._data = data
        self._equipment = equipment
        self._ids = sorted(set(data.get("exercises", {})) | set(CATALOGUE))
        self._made: dict[str, Exercise] = {}

    def __getitem__(self, exercise_id: str) -> Exercise:
        made = self._made.get(exercise_id)
        if made is None:
            if exercise_id not in CATALOGUE and exercise_id not in self._data.get("exercises", {}):
                raise KeyError(exercise_id)
            made = self._made[exercise_id] = _exercise(self._data, self._equipment, exercise_id)
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def _exercise(
    data: Mapping[str, Any], equipment: Mapping[str, Equipment], exercise_id: str
) -> Exercise:
    spec = data.get("exercises", {}).get(exercise_id, {})
    entry = CATALOGUE.get(exercise_id)
    name, _ = equipment_of(data, exercise_id)
    return Exercise(
        id=exercise_id,
        name=spec.get("name") or (entry.name if entry else exercise_id),
        equipment=equipment.get(name) if name else None,
        unilateral=spec.get("unilateral", entry.unilateral if entry else False),
        ladder=tuple(ladder_of(data, exercise_id)),
        cues=tuple(spec.get("cues", entry.cues if entry else ())),
        notes=spec.get("notes", ""),
    )
