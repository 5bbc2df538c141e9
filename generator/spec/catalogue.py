"""The built-in exercise catalogue that program specs refer to by id and may extend.

A spec names exercises by id (``hip_thrust``) rather than spelling out equipment and
sidedness every time. That keeps specs short, and it means that facts which change how a
plan is computed are written once, here, where the tests can check them. For example,
``unilateral`` tells the planner that loads and reps are per side.

Progression ladders live here too, next to the exercises, and not in each spec. Which
variation is the next harder step is a property of the movement, not of one program.
Keeping ladders here lets every program progress the same way. The import-time checks
also guarantee that each rung names an exercise that really exists.

The module is pure data plus small lookups: no I/O and only the standard library. So it
can be imported anywhere (schema generation, docs, tests) without side effects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

EQUIPMENT_KINDS: tuple[str, ...] = (
    "barbell",
    "dumbbells",
    "kettlebells",
    "machine",  # selectorised machines and cable stacks alike: the load is a pin setting
    "bands",
    "bodyweight",
)

FAMILIES: tuple[str, ...] = (
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
    "core",
)

_ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
_MAX_CUES = 3


@dataclass(frozen=True, slots=True)
class CatalogueExercise:
    """One catalogue entry. It is frozen because specs share entries and must not edit them.

    Entries added by a spec go through the same checks in ``__post_init__``. That way a
    user-defined exercise cannot carry a typo in its equipment or family into a plan.
    Whether its ladder ids exist can only be checked against a whole catalogue, so that
    check is done when a catalogue is built.
    """

    id: str
    name: str
    equipment: str
    unilateral: bool
    family: str
    ladder: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        problems: list[str] = []
        if not _ID_PATTERN.fullmatch(self.id):
            problems.append("id must be snake_case (^[a-z][a-z0-9_]*$)")
        if not self.name.strip():
            problems.append("name must not be empty")
        if self.equipment not in EQUIPMENT_KINDS:
            problems.append(f"equipment {self.equipment!r} is not one of {EQUIPMENT_KINDS}")
        if self.family not in FAMILIES:
            problems.append(f"family {self.family!r} is not one of {FAMILIES}")
        if self.ladder:
            if self.id not in self.ladder:
                problems.append("ladder must include the exercise itself")
            if len(set(self.ladder)) != len(self.ladder):
                problems.append("ladder repeats an id")
            if len(self.ladder) < 2:
                problems.append("a ladder needs at least two rungs")
        if len(self.cues) > _MAX_CUES:
            problems.append(f"at most {_MAX_CUES} cues")
        if any(not cue.strip() or "\n" in cue for cue in self.cues):
            problems.append("each cue must be a single non-empty line")
        if problems:
            raise ValueError(f"catalogue exercise {self.id!r}: " + "; ".join(problems))


# Ladders are shared by every exercise on them, so whichever rung a lifter starts on, the
# planner finds the same next step. Variations that change leverage or stability rather
# than difficulty in one clear order (feet-elevated, banded, paused ...) stay off ladders.
_HIP_THRUST_LADDER = ("glute_bridge", "hip_thrust", "b_stance_hip_thrust", "single_leg_hip_thrust")
_GLUTE_BRIDGE_LADDER = ("glute_bridge", "single_leg_glute_bridge")
_SQUAT_LADDER = ("bodyweight_squat", "goblet_squat", "box_squat", "back_squat")
_DEADLIFT_LADDER = ("kettlebell_deadlift", "trap_bar_deadlift", "deadlift")
_RDL_LADDER = ("romanian_deadlift", "single_leg_romanian_deadlift")
_PULL_UP_LADDER = ("band_assisted_pull_up", "chin_up", "pull_up")
_LUNGE_LADDER = ("split_squat", "reverse_lunge", "walking_lunge")
_SPLIT_SQUAT_LADDER = ("split_squat", "rear_foot_elevated_split_squat")

_E = CatalogueExercise

# A table reads better one entry per two lines than one field per line, so the
# formatter is told to leave it alone.
# fmt: off
_ENTRIES: tuple[CatalogueExercise, ...] = (
    # Hip thrust: shoulders on a bench, so the hips travel further than in a bridge.
    _E("hip_thrust", "Barbell hip thrust", "barbell", False, "hip_thrust",
       _HIP_THRUST_LADDER, ("Chin tucked, ribs down", "Shins vertical at the top")),
    _E("feet_elevated_hip_thrust", "Feet-elevated hip thrust", "barbell", False, "hip_thrust",
       (), ("Heels on a low step", "Drive through the heels")),
    # The band goes round the knees on top of the bar's load (accommodating resistance), so the
    # load is still made of plates; a spec adds the band itself with `band:`.
    _E("banded_hip_thrust", "Banded hip thrust", "barbell", False, "hip_thrust",
       (), ("Band just above the knees", "Push the knees out against the band")),
    _E("b_stance_hip_thrust", "B-stance hip thrust", "barbell", True, "hip_thrust",
       _HIP_THRUST_LADDER, ("Working foot flat, other heel up", "Keep the hips level")),
    _E("single_leg_hip_thrust", "Single-leg hip thrust", "bodyweight", True, "hip_thrust",
       _HIP_THRUST_LADDER, ("Free knee pulled in", "Do not let the hip drop")),
    _E("dumbbell_hip_thrust", "Dumbbell hip thrust", "dumbbells", False, "hip_thrust",
       (), ("Hold the dumbbell on the hip crease",)),
    _E("bodyweight_hip_thrust", "Bodyweight hip thrust", "bodyweight", False, "hip_thrust",
       (), ("Pause for a second at the top",)),
    _E("machine_hip_thrust", "Machine hip thrust", "machine", False, "hip_thrust",
       (), ("Pad across the hips, not the belly", "Full lockout every rep")),
    # Glute bridge: back on the floor, a shorter range and an easier set-up.
    _E("glute_bridge", "Glute bridge", "bodyweight", False, "glute_bridge",
       _GLUTE_BRIDGE_LADDER, ("Squeeze the glutes, not the lower back",)),
    _E("barbell_glute_bridge", "Barbell glute bridge", "barbell", False, "glute_bridge",
       (), ("Pad the bar", "Ribs down at the top")),
    _E("single_leg_glute_bridge", "Single-leg glute bridge", "bodyweight", True,
       "glute_bridge", _GLUTE_BRIDGE_LADDER, ("Keep the hips level",)),
    _E("banded_glute_bridge", "Banded glute bridge", "bands", False, "glute_bridge",
       (), ("Knees out against the band",)),
    _E("dumbbell_glute_bridge", "Dumbbell glute bridge", "dumbbells", False, "glute_bridge",
       (), ("Dumbbell on the hip crease",)),
    # Squat.
    _E("back_squat", "Back squat", "barbell", False, "squat",
       _SQUAT_LADDER, ("Brace before you descend", "Knees track over the toes")),
    _E("front_squat", "Front squat", "barbell", False, "squat",
       (), ("Elbows high", "Stay upright")),
    _E("box_squat", "Box squat", "barbell", False, "squat",
       _SQUAT_LADDER, ("Sit back to the box", "Stay tight on the box, do not relax")),
    _E("paused_squat", "Paused squat", "barbell", False, "squat",
       (), ("Two-second pause in the hole", "Stay braced through the pause")),
    _E("goblet_squat", "Goblet squat", "dumbbells", False, "squat",
       _SQUAT_LADDER, ("Hold the dumbbell at the chest", "Elbows inside the knees")),
    _E("bodyweight_squat", "Bodyweight squat", "bodyweight", False, "squat",
       _SQUAT_LADDER, ("Sit between the heels", "Whole foot on the floor")),
    _E("leg_press", "Leg press", "machine", False, "squat",
       (), ("Lower back stays on the pad", "Do not lock the knees hard")),
    # Deadlift and hinge.
    _E("deadlift", "Deadlift", "barbell", False, "deadlift",
       _DEADLIFT_LADDER, ("Bar over mid-foot", "Push the floor away", "Lats tight")),
    _E("sumo_deadlift", "Sumo deadlift", "barbell", False, "deadlift",
       (), ("Wide stance, knees out", "Hips close to the bar")),
    _E("romanian_deadlift", "Romanian deadlift", "barbell", False, "deadlift",
       _RDL_LADDER, ("Hips back, soft knees", "Bar stays on the legs")),
    _E("trap_bar_deadlift", "Trap bar deadlift", "barbell", False, "deadlift",
       _DEADLIFT_LADDER, ("Stand in the centre of the bar", "Chest up, push the floor away")),
    _E("kettlebell_deadlift", "Kettlebell deadlift", "kettlebells", False, "deadlift",
       _DEADLIFT_LADDER, ("Bell between the feet", "Hinge, do not squat")),
    _E("single_leg_romanian_deadlift", "Single-leg Romanian deadlift", "dumbbells", True,
       "deadlift", _RDL_LADDER, ("Hips square to the floor", "Reach the free leg back")),
    _E("kettlebell_swing", "Kettlebell swing", "kettlebells", False, "deadlift",
       (), ("Snap the hips", "Arms are ropes, not levers")),
    # Bench press.
    _E("bench_press", "Bench press", "barbell", False, "bench_press",
       (), ("Shoulder blades pinned", "Feet planted", "Touch the lower chest")),
    _E("close_grip_bench_press", "Close-grip bench press", "barbell", False, "bench_press",
       (), ("Hands shoulder-width", "Elbows tucked")),
    _E("incline_bench_press", "Incline bench press", "barbell", False, "bench_press",
       (), ("Bench at 30 to 45 degrees", "Touch the upper chest")),
    _E("dumbbell_bench_press", "Dumbbell bench press", "dumbbells", False, "bench_press",
       (), ("Lower under control", "Press up and slightly in")),
    _E("push_up", "Push-up", "bodyweight", False, "bench_press",
       (), ("Body in one straight line", "Elbows about 45 degrees from the body")),
    # Overhead press.
    _E("overhead_press", "Overhead press", "barbell", False, "overhead_press",
       (), ("Squeeze the glutes", "Head through once the bar passes")),
    _E("dumbbell_overhead_press", "Dumbbell overhead press", "dumbbells", False,
       "overhead_press", (), ("Ribs down", "Press straight up")),
    _E("single_arm_dumbbell_press", "Single-arm dumbbell press", "dumbbells", True,
       "overhead_press", (), ("Do not lean away from the weight",)),
    # Row.
    _E("barbell_row", "Barbell row", "barbell", False, "row",
       (), ("Flat back", "Pull to the lower ribs")),
    _E("pendlay_row", "Pendlay row", "barbell", False, "row",
       (), ("Bar starts on the floor each rep", "Torso parallel to the floor")),
    _E("dumbbell_row", "Single-arm dumbbell row", "dumbbells", True, "row",
       (), ("Pull the elbow to the hip", "Do not twist")),
    _E("cable_row", "Seated cable row", "machine", False, "row",
       (), ("Chest tall", "Shoulder blades back, then pull")),
    _E("inverted_row", "Inverted row", "bodyweight", False, "row",
       (), ("Body rigid like a plank", "Chest to the bar")),
    # Pull-up.
    _E("pull_up", "Pull-up", "bodyweight", False, "pull_up",
       _PULL_UP_LADDER, ("Start from a dead hang", "Chin over the bar")),
    _E("chin_up", "Chin-up", "bodyweight", False, "pull_up",
       _PULL_UP_LADDER, ("Palms facing you", "Chest to the bar")),
    _E("band_assisted_pull_up", "Band-assisted pull-up", "bands", False, "pull_up",
       _PULL_UP_LADDER, ("Lighter band as you get stronger", "Control the way down")),
    _E("lat_pulldown", "Lat pulldown", "machine", False, "pull_up",
       (), ("Pull to the upper chest", "Do not lean far back")),
    # Lunge: the feet move, unlike in a split squat.
    _E("walking_lunge", "Walking lunge", "dumbbells", True, "lunge",
       _LUNGE_LADDER, ("Long steps", "Back knee close to the floor")),
    _E("reverse_lunge", "Reverse lunge", "dumbbells", True, "lunge",
       _LUNGE_LADDER, ("Step back, not sideways", "Front shin close to vertical")),
    _E("barbell_lunge", "Barbell lunge", "barbell", True, "lunge",
       (), ("Bar on the upper back", "Hip-width stance for balance")),
    _E("bodyweight_lunge", "Bodyweight lunge", "bodyweight", True, "lunge",
       (), ("Torso upright",)),
    # Split squat: the feet stay put.
    _E("split_squat", "Split squat", "bodyweight", True, "split_squat",
       _SPLIT_SQUAT_LADDER, ("Feet stay hip-width", "Straight down, not forward")),
    _E("dumbbell_split_squat", "Dumbbell split squat", "dumbbells", True, "split_squat",
       (), ("Dumbbells at the sides", "Back knee to the floor")),
    _E("barbell_split_squat", "Barbell split squat", "barbell", True, "split_squat",
       (), ("Bar on the upper back", "Wide stance for balance")),
    _E("rear_foot_elevated_split_squat", "Rear-foot-elevated (Bulgarian) split squat",
       "dumbbells", True, "split_squat", _SPLIT_SQUAT_LADDER,
       ("Rear laces on the bench", "Most of the weight on the front foot")),
    # Core holds: timed sets (time: 30s) rather than reps.
    _E("plank", "Plank", "bodyweight", False, "core",
       (), ("Squeeze the glutes", "Ribs down, a straight line from head to heels")),
    _E("side_plank", "Side plank", "bodyweight", True, "core",
       (), ("Hips high", "Shoulder over the elbow")),
)
# fmt: on


def _index(entries: Iterable[CatalogueExercise]) -> Mapping[str, CatalogueExercise]:
    """Key entries by id, refusing duplicates and ladder rungs that point nowhere.

    Both mistakes would otherwise show up only when a spec happens to use the entry, so
    they are caught when the module is imported.
    """
    by_id: dict[str, CatalogueExercise] = {}
    duplicates: list[str] = []
    for entry in entries:
        if entry.id in by_id:
            duplicates.append(entry.id)
        by_id[entry.id] = entry
    if duplicates:
        raise ValueError(f"duplicate catalogue ids: {', '.join(sorted(set(duplicates)))}")
    dangling = [
        f"{entry.id} -> {rung}"
        for entry in by_id.values()
        for rung in entry.ladder
        if rung not in by_id
    ]
    if dangling:
        raise ValueError(f"ladder rungs not in the catalogue: {', '.join(dangling)}")
    return MappingProxyType(by_id)


CATALOGUE: Mapping[str, CatalogueExercise] = _index(_ENTRIES)


def family_members(family: str) -> tuple[CatalogueExercise, ...]:
    """Entries of one family in catalogue order, for substitutions and listings.

    An unknown family raises instead of returning nothing, so a typo cannot look like
    an empty family.

    >>> "single_leg_hip_thrust" in [e.id for e in family_members("hip_thrust")]
    True
    >>> all(e.family == "split_squat" and e.unilateral for e in family_members("split_squat"))
    True
    >>> family_members("curl")
    Traceback (most recent call last):
    ...
    ValueError: unknown family 'curl'
    """
    if family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}")
    return tuple(entry for entry in CATALOGUE.values() if entry.family == family)
