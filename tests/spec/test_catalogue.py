"""Checks on the built-in exercise catalogue.

The catalogue is hand-written data. These tests catch the typos that would otherwise
surface only when a program happens to use the broken entry.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from generator.spec.catalogue import (
    CATALOGUE,
    EQUIPMENT_KINDS,
    FAMILIES,
    CatalogueExercise,
    family_members,
)

# Written out again rather than imported, so a loosened pattern in the module fails here.
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")

REQUIRED_FAMILIES = (
    "hip_thrust",
    "glute_bridge",
    "squat",
    "deadlift",
    "bench_press",
    "overhead_press",
    "row",
    "pull_up",
    "lunge",
    "split_squat",
)

ENTRIES = list(CATALOGUE.items())
ENTRY_IDS = [key for key, _ in ENTRIES]


@pytest.mark.parametrize(("key", "entry"), ENTRIES, ids=ENTRY_IDS)
def test_id_is_snake_case_and_matches_key(key: str, entry: CatalogueExercise) -> None:
    assert ID_PATTERN.fullmatch(entry.id)
    assert entry.id == key


@pytest.mark.parametrize(("key", "entry"), ENTRIES, ids=ENTRY_IDS)
def test_equipment_and_family_are_known(key: str, entry: CatalogueExercise) -> None:
    assert entry.equipment in EQUIPMENT_KINDS
    assert entry.family in FAMILIES


@pytest.mark.parametrize(("key", "entry"), ENTRIES, ids=ENTRY_IDS)
def test_ladder_ids_exist_and_include_owner(key: str, entry: CatalogueExercise) -> None:
    if not entry.ladder:
        return
    assert key in entry.ladder
    assert len(set(entry.ladder)) == len(entry.ladder)
    missing = [rung for rung in entry.ladder if rung not in CATALOGUE]
    assert missing == []


@pytest.mark.parametrize(("key", "entry"), ENTRIES, ids=ENTRY_IDS)
def test_cues_are_short_plain_text(key: str, entry: CatalogueExercise) -> None:
    assert 1 <= len(entry.cues) <= 3
    for cue in entry.cues:
        assert cue.strip() == cue
        assert cue
        assert not set(cue) & set("*_`#<>[]\n")
    assert entry.name.strip()


def test_hip_thrust_ladder_is_the_unilateral_ladder() -> None:
    assert CATALOGUE["hip_thrust"].ladder == (
        "glute_bridge",
        "hip_thrust",
        "b_stance_hip_thrust",
        "single_leg_hip_thrust",
    )


def test_split_squat_ladder_ends_at_rear_foot_elevated() -> None:
    ladder = CATALOGUE["split_squat"].ladder
    assert ladder.index("split_squat") < ladder.index("rear_foot_elevated_split_squat")


def test_some_families_besides_hip_thrust_have_ladders() -> None:
    laddered = {entry.family for entry in CATALOGUE.values() if entry.ladder}
    assert {"hip_thrust", "split_squat", "pull_up"} <= laddered


@pytest.mark.parametrize("family", REQUIRED_FAMILIES)
def test_required_family_has_at_least_three_members(family: str) -> None:
    assert family in FAMILIES
    assert len(family_members(family)) >= 3


def test_family_members_keeps_catalogue_order_and_covers_everything() -> None:
    order = list(CATALOGUE)
    seen: list[str] = []
    for family in FAMILIES:
        ids = [entry.id for entry in family_members(family)]
        assert all(CATALOGUE[i].family == family for i in ids)
        assert ids == sorted(ids, key=order.index)
        seen.extend(ids)
    assert sorted(seen) == sorted(order)


def test_family_members_rejects_unknown_family() -> None:
    with pytest.raises(ValueError, match="unknown family"):
        family_members("bicep_curl")


@pytest.mark.parametrize(
    ("exercise_id", "unilateral"),
    [
        ("single_leg_hip_thrust", True),
        ("b_stance_hip_thrust", True),
        ("dumbbell_row", True),
        ("split_squat", True),
        ("hip_thrust", False),
        ("back_squat", False),
    ],
)
def test_unilateral_flags(exercise_id: str, unilateral: bool) -> None:
    assert CATALOGUE[exercise_id].unilateral is unilateral


@pytest.mark.parametrize(
    ("exercise_id", "equipment"),
    [
        ("hip_thrust", "barbell"),
        ("banded_hip_thrust", "barbell"),  # the band adds to a loaded bar
        ("single_leg_hip_thrust", "bodyweight"),
        ("leg_press", "machine"),
        ("kettlebell_swing", "kettlebells"),
        ("cable_row", "machine"),
        ("band_assisted_pull_up", "bands"),
        ("rear_foot_elevated_split_squat", "dumbbells"),
    ],
)
def test_equipment_of_selected_entries(exercise_id: str, equipment: str) -> None:
    assert CATALOGUE[exercise_id].equipment == equipment


def test_hip_thrust_variations_exist() -> None:
    for exercise_id in ("feet_elevated_hip_thrust", "banded_hip_thrust"):
        assert CATALOGUE[exercise_id].family == "hip_thrust"


def test_catalogue_cannot_be_mutated() -> None:
    entry = CATALOGUE["hip_thrust"]
    with pytest.raises(TypeError):
        CATALOGUE["hip_thrust"] = entry  # type: ignore[index]
    with pytest.raises(TypeError):
        del CATALOGUE["hip_thrust"]  # type: ignore[attr-defined]


def test_entries_are_frozen() -> None:
    entry = CATALOGUE["hip_thrust"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.unilateral = True  # type: ignore[misc]


def test_entry_fields_are_exactly_the_documented_ones() -> None:
    names = [field.name for field in dataclasses.fields(CatalogueExercise)]
    assert names == ["id", "name", "equipment", "unilateral", "family", "ladder", "cues"]


@pytest.mark.parametrize(
    "changes",
    [
        {"id": "Hip-Thrust"},
        {"equipment": "cable"},
        {"family": "curl"},
        {"ladder": ("glute_bridge", "single_leg_hip_thrust")},
        {"cues": ("a", "b", "c", "d")},
    ],
)
def test_invalid_entries_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="catalogue exercise"):
        dataclasses.replace(CATALOGUE["hip_thrust"], **changes)  # type: ignore[arg-type]
