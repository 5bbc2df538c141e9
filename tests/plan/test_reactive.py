"""Progression that follows the lifter: one progression per lift, load steps that repeat a
failed load and drop it after failures in a row, AMRAP tables, and stages. Every expected
figure is worked by hand from the rule, in the comment beside it."""

from __future__ import annotations

import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

from generator.errors import LiftplanError
from generator.pipeline import plan_spec
from generator.publish.text import show_plan
from tests.support.scenario import plan_text

HEAD = """\
id: t
title: T
units: lb
start: "2027-01-04"
schedule: {days: [mon, wed, fri]}
equipment:
  barbell: {kind: barbell, bar: 45, plates: [45, 25, 10, 5, 2.5]}
"""


def spec(sessions: str, *, weeks: int = 2, days: str | None = None) -> str:
    """A one-phase spec; `days` maps weekdays to sessions, as a phase's days can."""
    mapped = f"    days: {days}\n" if days else ""
    body = f"phases:\n  - name: P\n    weeks: {weeks}\n{mapped}    sessions:\n"
    return HEAD + body + textwrap.indent(textwrap.dedent(sessions), "      ")


def log(*sessions: str) -> str:
    lines = ["program: t", "sessions:"]
    for session in sessions:
        date, _, done = session.partition(" ")
        lines.append(f'  - date: "{date}"')
        lines.append(f"    done: {{{done}}}")
    return "\n".join(lines) + "\n"


HIP_THRUST_TWICE = spec(
    """\
    A:
      - {exercise: hip_thrust, sets: 3, reps: 8-12, load: 90, progress: [{double: {add: 5}}]}
    B:
      - {exercise: hip_thrust, sets: 3, reps: 8-12, load: 90, progress: [{double: {add: 5}}]}
    """,
    days="{mon: A, fri: B}",
)


def test_monday_success_moves_friday(tmp_path: Path) -> None:
    """Double progression trained Monday and Friday is one progression: Monday's 3 x 12
    at 90 reaches the top of the range, so Friday (not next Monday) asks 3 x 8 @ 95."""
    done = log("2027-01-04 hip_thrust: 3x12@90")
    assert plan_text(HIP_THRUST_TWICE, done, tmp_path)[:3] == [
        "2027-01-04 A: hip_thrust 3x8@90",
        "2027-01-08 B: hip_thrust 3x8@95",  # the top was reached on Monday: +5, back to 8
        "2027-01-11 A: hip_thrust 3x9@95",  # one rep a session up the range
    ]


def test_the_projection_climbs_the_range_once_a_session_of_the_lift(tmp_path: Path) -> None:
    assert plan_text(HIP_THRUST_TWICE, None, tmp_path)[:4] == [
        "2027-01-04 A: hip_thrust 3x8@90",
        "2027-01-08 B: hip_thrust 3x9@90",
        "2027-01-11 A: hip_thrust 3x10@90",
        "2027-01-15 B: hip_thrust 3x11@90",
    ]


def test_the_order_sessions_are_written_in_does_not_change_the_plan(tmp_path: Path) -> None:
    """Sessions B then A in the file: the same days, the same shared progression."""
    a, b = HIP_THRUST_TWICE.split("      B:\n")
    a_head, a_body = a.split("      A:\n")
    swapped = a_head + "      B:\n" + b + "      A:\n" + a_body
    done = log("2027-01-04 hip_thrust: 3x12@90", "2027-01-08 hip_thrust: 12@95 10@95 9@95")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    assert plan_text(swapped, done, tmp_path / "one") == plan_text(
        HIP_THRUST_TWICE, done, tmp_path / "two"
    )


SQUAT = "{exercise: back_squat, sets: 3, reps: 5, load: 225, progress: [{load: {add: 5, fail: {after: 3, drop: 10%}}}]}"


def test_a_failed_load_is_repeated_and_three_in_a_row_drop_it(tmp_path: Path) -> None:
    program = spec(f"A:\n  - {SQUAT}\nB:\n  - {SQUAT}\n")
    done = log(
        "2027-01-04 back_squat: 3x5@225",
        "2027-01-06 back_squat: 5@230 5@230 3@230",  # failure 1
        "2027-01-08 back_squat: 5@230 4@230 3@230",  # failure 2
        "2027-01-11 back_squat: 5@230 4@230 4@230",  # failure 3
    )
    assert plan_text(program, done, tmp_path) == [
        "2027-01-04 A: back_squat 3x5@225",
        "2027-01-06 B: back_squat 3x5@230",  # +5 after a success
        "2027-01-08 A: back_squat 3x5@230",  # repeated after a failure
        "2027-01-11 B: back_squat 3x5@230",
        # third failure at 230: 230 x 0.9 = 207 -> 205, the nearest load 5 lb steps make
        "2027-01-13 A: back_squat 3x5@205",
        "2027-01-15 B: back_squat 3x5@210",  # unlogged: assumed made, +5
    ]


def test_a_success_between_failures_starts_the_count_again(tmp_path: Path) -> None:
    program = spec(f"A:\n  - {SQUAT}\nB:\n  - {SQUAT}\n")
    done = log(
        "2027-01-04 back_squat: 5@225 5@225 4@225",  # failure 1
        "2027-01-06 back_squat: 5@225 5@225 4@225",  # failure 2
        "2027-01-08 back_squat: 3x5@225",  # made: the count starts again
        "2027-01-11 back_squat: 5@230 5@230 4@230",  # failure 1
        "2027-01-13 back_squat: 5@230 5@230 4@230",  # failure 2
    )
    assert plan_text(program, done, tmp_path) == [
        "2027-01-04 A: back_squat 3x5@225",
        "2027-01-06 B: back_squat 3x5@225",
        "2027-01-08 A: back_squat 3x5@225",
        "2027-01-11 B: back_squat 3x5@230",
        "2027-01-13 A: back_squat 3x5@230",
        "2027-01-15 B: back_squat 3x5@230",  # two failures: repeated, not dropped
    ]


def test_without_a_fail_rule_a_failed_load_is_repeated_until_made(tmp_path: Path) -> None:
    press = "{exercise: overhead_press, sets: 3, reps: 5, load: 95, progress: [{load: {add: 5}}]}"
    program = spec(f"A:\n  - {press}\n")
    done = log(*(f"2027-01-{day:02} overhead_press: 5@95 5@95 3@95" for day in (4, 6, 8, 11)))
    assert [line.rsplit(" ", 1)[1] for line in plan_text(program, done, tmp_path)] == [
        "3x5@95",
        "3x5@95",
        "3x5@95",
        "3x5@95",
        "3x5@95",  # the fifth session, unlogged after four failures: still 95
        "3x5@100",  # assumed made: +5
    ]


def test_an_amrap_table_chooses_the_increment(tmp_path: Path) -> None:
    bench = (
        "{exercise: bench_press, sets: 3, reps: 5+, load: 135, progress: "
        '[{load: {success: 5+, by_amrap: {"5-9": 5, "10+": 10}, fail: {drop: 10%}}}]}'
    )
    program = spec(f"A:\n  - {bench}\n")
    done = log(
        "2027-01-04 bench_press: 5@135 5@135 12@135",  # 12 on the AMRAP: +10
        "2027-01-06 bench_press: 5@145 5@145 7@145",  # 7: +5
        "2027-01-08 bench_press: 5@150 5@150 4@150",  # 4 < 5: failed, drop 10% at once
    )
    assert plan_text(program, done, tmp_path) == [
        "2027-01-04 A: bench_press 2x5@135, 1x5+@135",
        "2027-01-06 A: bench_press 2x5@145, 1x5+@145",
        "2027-01-08 A: bench_press 2x5@150, 1x5+@150",
        "2027-01-11 A: bench_press 2x5@135, 1x5+@135",  # 150 x 0.9 = 135
        "2027-01-13 A: bench_press 2x5@140, 1x5+@140",  # the plan assumes 5 reps: the 5-9 row
        "2027-01-15 A: bench_press 2x5@145, 1x5+@145",
    ]


DEADLIFT_STAGES = (
    "{exercise: deadlift, load: 100, progress: "
    "[{stages: {schemes: [3x10, 3x8, 3x6], add: 10, reset: {add: 15}}}]}"
)


def test_stages_move_on_at_the_same_load_and_reset_after_the_last(tmp_path: Path) -> None:
    program = spec(f"A:\n  - {DEADLIFT_STAGES}\n")
    done = log(
        "2027-01-04 deadlift: 3x10@100",  # made: +10
        "2027-01-06 deadlift: 10@110 10@110 8@110",  # failed 3x10: 3x8 at 110
        "2027-01-08 deadlift: 8@110 8@110 5@110",  # failed 3x8: 3x6 at 110
        "2027-01-11 deadlift: 3x6@110",  # made: +10
        "2027-01-13 deadlift: 6@120 5@120 4@120",  # failed the last stage: reset
    )
    assert plan_text(program, done, tmp_path) == [
        "2027-01-04 A: deadlift 3x10@100",
        "2027-01-06 A: deadlift 3x10@110",
        "2027-01-08 A: deadlift 3x8@110",
        "2027-01-11 A: deadlift 3x6@110",
        "2027-01-13 A: deadlift 3x6@120",
        # 3x10 was last done at 110 (on the 6th): 110 + 15 = 125
        "2027-01-15 A: deadlift 3x10@125",
    ]


def test_a_reset_by_share_takes_it_of_the_failed_load(tmp_path: Path) -> None:
    squat = (
        "{exercise: back_squat, load: 200, progress: "
        "[{stages: {schemes: [5x3+, 6x2+, 10x1+], add: 10, reset: 85%}}]}"
    )
    program = spec(f"A:\n  - {squat}\n", weeks=1)
    done = log(
        "2027-01-04 back_squat: 3@200 3@200 3@200 3@200 2@200",
        "2027-01-06 back_squat: 2@200 2@200 2@200 2@200 2@200 1@200",
    )
    assert plan_text(program, done, tmp_path) == [
        "2027-01-04 A: back_squat 4x3@200, 1x3+@200",
        "2027-01-06 A: back_squat 5x2@200, 1x2+@200",
        # 10x1+ failed... not yet: the third session is the third stage at 200
        "2027-01-08 A: back_squat 9x1@200, 1x1+@200",
    ]
    done += '  - date: "2027-01-08"\n    done: {back_squat: 9x1@200}\n'
    second = plan_text(spec(f"A:\n  - {squat}\n"), done, tmp_path)
    # nine singles of ten: the last stage failed; 200 x 0.85 = 170 on the first stage
    assert second[3] == "2027-01-11 A: back_squat 4x3@170, 1x3+@170"


def test_a_reset_by_test_restarts_at_a_share_of_the_rep_max_logged(tmp_path: Path) -> None:
    """The last stage failed, the next session tests a 3-rep max; the one after starts the
    first stage again at 90% of it."""
    squat = (
        "{exercise: back_squat, load: 200, progress: [{stages: {schemes: [5x3+, 10x1+], "
        "add: 10, reset: {test: 3rm, share: 90%}}}]}"
    )
    done = log(
        "2027-01-04 back_squat: 3@200 3@200 3@200 3@200 2@200",  # 5x3+ failed
        "2027-01-06 back_squat: 9x1@200",  # 10x1+ failed: a 3RM test next
        # 205 x 3; 215 x 2 is a 229.33 Epley max, whose 3RM is 229.33 / 1.1 = 208.48
        "2027-01-08 back_squat: 3@185 3@205 2@215",
    )
    assert plan_text(spec(f"A:\n  - {squat}\n"), done, tmp_path) == [
        "2027-01-04 A: back_squat 4x3@200, 1x3+@200",
        "2027-01-06 A: back_squat 9x1@200, 1x1+@200",
        # the planned test: a single of 200 is a max of 200; its 3RM by Epley is
        # 200 / 1.1 = 181.8, rounded to 180
        "2027-01-08 A: back_squat 1x3@180",
        # the best 3RM the log shows is 208.48; 90% of it is 187.6: 187.5 (2.5 plates)
        # is no step of 5 lb, so 190
        "2027-01-11 A: back_squat 4x3@190, 1x3+@190",
        "2027-01-13 A: back_squat 4x3@200, 1x3+@200",  # made, assumed: + 10
        "2027-01-15 A: back_squat 4x3@210, 1x3+@210",
    ]


def test_a_log_that_meets_every_target_leaves_the_projection(tmp_path: Path) -> None:
    bench = (
        "{exercise: bench_press, sets: 3, reps: 5+, load: 135, progress: "
        '[{load: {success: 5+, by_amrap: {"5-9": 5, "10+": 10}}}]}'
    )
    program = spec(f"A:\n  - {SQUAT}\n  - {bench}\nB:\n  - {SQUAT}\n  - {DEADLIFT_STAGES}\n")
    projection = plan_text(program, None, tmp_path)
    entries = []
    for line in projection[:5]:
        date, _, rest = line.partition(" ")
        done = []
        for exercise in rest.split(": ", 1)[1].split(" | "):
            name, _, sets = exercise.partition(" ")
            done.append(f"{name}: {' '.join(s.replace('+', '') for s in sets.split(', '))}")
        entries.append(f"{date} {', '.join(done)}")
    assert plan_text(program, log(*entries), tmp_path) == projection


@pytest.mark.parametrize(
    ("sessions", "message"),
    [
        (
            "A:\n  - {exercise: back_squat, load: 100, progress: [{load: {add: 5}}]}\n"
            "B:\n  - {exercise: back_squat, load: 100, progress: [{load: {add: 10}}]}\n",
            "t.yaml:15:55: phases[0].sessions.B[0].progress: back_squat progresses otherwise in "
            "session A: sessions of a lift share one progression, so give them the same steps, "
            "or name a separate track here (track: light)",
        ),
        (
            f"A:\n  - {DEADLIFT_STAGES.replace('load: 100', 'sets: 3, load: 100')}\n",
            "t.yaml:13:38: phases[0].sessions.A[0].sets: the stages give the sets: leave sets out here",
        ),
        (
            "A:\n  - {exercise: back_squat, reps: 5, load: 100, progress: "
            '[{load: {by_amrap: {"5-9": 5}}}]}\n',
            "t.yaml:13:83: phases[0].sessions.A[0].progress[0].load.by_amrap: an AMRAP table "
            "needs an AMRAP last set: write the reps as 5+",
        ),
        (
            "A:\n  - {exercise: back_squat, reps: 5+, load: 100, progress: "
            '[{load: {by_amrap: {"5-9": 5, "8+": 10}}}]}\n',
            't.yaml:13:101: phases[0].sessions.A[0].progress[0].load.by_amrap["8+"]: 8+ overlaps '
            "5-9: each count has one row",
        ),
        (  # found by the fuzzer: a closed and an open row from one count
            "A:\n  - {exercise: back_squat, reps: 5+, load: 100, progress: "
            '[{load: {by_amrap: {"5": 5, "5+": 10}}}]}\n',
            't.yaml:13:99: phases[0].sessions.A[0].progress[0].load.by_amrap["5+"]: 5+ overlaps '
            "5: each count has one row",
        ),
        (
            "A:\n  - {exercise: back_squat, reps: 5+, load: 100, progress: "
            '[{load: {by_amrap: {"5-9": 7}}}]}\n',
            "t.yaml:13:92: phases[0].sessions.A[0].progress[0].load.by_amrap.5-9: the barbell "
            "cannot add 7 lb: loads move in steps of 5 lb (a pair of the smallest plates, 2.5)",
        ),
        (
            "A:\n  - {exercise: back_squat, reps: 5, load: 100, progress: "
            "[{load: {add: 5, success: 25+}}]}\n",
            "t.yaml:13:90: phases[0].sessions.A[0].progress[0].load.success: 25+ counts the reps "
            "of an AMRAP last set: write the reps as 15+",
        ),
        (
            "A:\n  - {exercise: back_squat, reps: 5, load: 100, progress: "
            "[{load: {add: 5, fail: {drop: 100%}}}]}\n",
            "t.yaml:13:94: phases[0].sessions.A[0].progress[0].load.fail.drop: 100%: a drop is "
            "more than 0% and less than 100%",
        ),
        (
            "A:\n  - {exercise: back_squat, load: 100, progress: [{stages: {schemes: [5x3+, "
            "10x1+], add: 10, reset: {test: 5rm, share: 110%}}}]}\n",
            "t.yaml:13:125: phases[0].sessions.A[0].progress[0].stages.reset.share: 110%: a "
            "reset is more than 0% and less than 100%",
        ),
        (
            "A:\n  - {exercise: back_squat, load: 100, progress: [{stages: {schemes: [5x3+, "
            "10x1+], add: 10, reset: {test: 15rm, share: 85%}}}]}\n",
            "t.yaml:13:113: phases[0].sessions.A[0].progress[0].stages.reset.test: '15rm': "
            "write the test as 1rm to 12rm",
        ),
    ],
)
def test_impossible_rules_are_located_errors(tmp_path: Path, sessions: str, message: str) -> None:
    with pytest.raises(LiftplanError) as raised:
        plan_text(spec(sessions), None, tmp_path)
    assert [d.format().replace(str(tmp_path) + "/", "") for d in raised.value.diagnostics] == [
        message
    ]


def test_a_separate_track_keeps_a_separate_progression(tmp_path: Path) -> None:
    heavy = "{exercise: back_squat, sets: 3, reps: 5, load: 200, progress: [{load: {add: 10}}]}"
    light = (
        "{exercise: back_squat, sets: 2, reps: 5, load: 150, track: light, "
        "progress: [{load: {add: 5}}]}"
    )
    program = spec(f"A:\n  - {heavy}\nB:\n  - {light}\n", days="{mon: A, thu: B}")
    assert plan_text(program, log("2027-01-04 back_squat: 5@200 5@200 2@200"), tmp_path)[:4] == [
        "2027-01-04 A: back_squat 3x5@200",
        "2027-01-07 B: back_squat 2x5@150",  # its own track: the heavy day's failure is not its
        "2027-01-11 A: back_squat 3x5@200",  # the heavy day failed: repeated
        "2027-01-14 B: back_squat 2x5@155",
    ]


def test_a_step_finer_than_the_equipment_accumulates(tmp_path: Path) -> None:
    """2.5 lb a session on dumbbells in 5 lb steps: the load moves every second session,
    when the additions make a whole step (20 + 2.5 stays 20; 20 + 5 is 25)."""
    head = HEAD.replace(
        "  barbell: {kind: barbell, bar: 45, plates: [45, 25, 10, 5, 2.5]}\n",
        "  dumbbells: {kind: dumbbells, loads: [10, 15, 20, 25, 30, 35]}\n",
    )
    row = "{exercise: dumbbell_row, sets: 3, reps: 10, load: 20, progress: [{load: {add: 2.5}}]}"
    program = spec(f"A:\n  - {row}\n").replace(HEAD, head)
    loads = [line.rsplit("@", 1)[1] for line in plan_text(program, None, tmp_path)]
    assert loads == ["20", "20", "25", "25", "30", "30"]


@pytest.mark.parametrize(("rounding", "load"), [("nearest", "100"), ("nearest_up", "105")])
def test_nearest_up_rounds_a_tie_to_the_heavier_load(
    tmp_path: Path, rounding: str, load: str
) -> None:
    """102.5 lb sits halfway between 100 and 105, the loads 5 lb steps make."""
    program = spec("A:\n  - {exercise: back_squat, sets: 1, reps: 5, load: 102.5}\n").replace(
        "plates: [45, 25, 10, 5, 2.5]}", f"plates: [45, 25, 10, 5, 2.5], rounding: {rounding}}}"
    )
    assert plan_text(program, None, tmp_path)[0].endswith(f"1x5@{load}")


@pytest.mark.parametrize(("estimate", "load"), [("lander", "90"), ("epley", "95")])
def test_the_lander_estimator(tmp_path: Path, estimate: str, load: str) -> None:
    """100 x 5 by Lander is 100 x 100 / (101.3 - 2.67123 x 5) = 10000 / 87.94385 = 113.71;
    80% of it is 90.97, which 5 lb steps make 90. By Epley, 116.67 x 80% = 93.3: 95."""
    program = spec("A:\n  - {exercise: back_squat, sets: 1, reps: 5, load: 80%}\n").replace(
        "phases:",
        f"maxes:\n  back_squat: {{tested: {{load: 100, reps: 5}}, estimate: {estimate}}}\nphases:",
    )
    assert plan_text(program, None, tmp_path)[0].endswith(f"1x5@{load}")


BRIDGE = """\
A:
  - exercise: glute_bridge
    sets: 3
    reps: 10-15
    load: bodyweight
    progress:
      - double: {add: 5}
      - variation: {when: top}
"""


def test_the_ladder_climbs_when_the_reps_reach_the_top(tmp_path: Path) -> None:
    """Glute bridge 3 x 10-15: one rep a session up the range; past 15 the next rung,
    the single-leg bridge, from the bottom of the range again."""
    program = spec(BRIDGE, weeks=3)
    assert plan_text(program, None, tmp_path)[4:8] == [
        "2027-01-13 A: glute_bridge 3x14@bw",
        "2027-01-15 A: glute_bridge 3x15@bw",
        "2027-01-18 A: single_leg_glute_bridge 3x10@bw",
        "2027-01-20 A: single_leg_glute_bridge 3x11@bw",
    ]


def test_the_log_reaching_the_top_early_climbs_early(tmp_path: Path) -> None:
    """All three sets at 15 in the second session (planned 11): the next is the next rung."""
    program = spec(BRIDGE, weeks=3)
    done = log("2027-01-04 glute_bridge: 3x10@bw", "2027-01-06 glute_bridge: 3x15@bw")
    assert plan_text(program, done, tmp_path)[1:4] == [
        "2027-01-06 A: glute_bridge 3x11@bw",
        "2027-01-08 A: single_leg_glute_bridge 3x10@bw",
        "2027-01-11 A: single_leg_glute_bridge 3x11@bw",
    ]


def test_a_variation_at_the_top_needs_a_range_to_climb(tmp_path: Path) -> None:
    program = spec(BRIDGE.replace("      - double: {add: 5}\n", ""), weeks=1)
    with pytest.raises(LiftplanError) as raised:
        plan_text(program, None, tmp_path)
    assert [d.message for d in raised.value.diagnostics] == [
        "a variation at the top of the range needs double progression to climb it "
        "(double: {add: ...} and reps such as 8-15)"
    ]


def test_weighted_bodyweight_work_progresses_its_added_load(tmp_path: Path) -> None:
    """Chin-ups with 10 lb on the belt, +2.5 a session; a failure repeats the added load."""
    chins = (
        "{exercise: chin_up, sets: 3, reps: 5, load: bodyweight+10, progress: [{load: {add: 2.5}}]}"
    )
    program = spec(f"A:\n  - {chins}\n", weeks=1)
    done = log("2027-01-04 chin_up: 3x5@bw", "2027-01-06 chin_up: 5@bw 5@bw 3@bw")
    (tmp_path / "t.yaml").write_text(program, encoding="utf-8")
    (tmp_path / "t.log.yaml").write_text(done, encoding="utf-8")
    plan = plan_spec(str(tmp_path / "t.yaml")).plan
    added = [session.exercises[0].bodyweight for session in plan.weeks[0].sessions]
    # 10, then 12.5 after a success, then 12.5 again after the failure
    assert added == [10, Fraction(25, 2), Fraction(25, 2)]
    assert "3 x 5 @ bodyweight + 12.5 lb" in show_plan(plan, 1)


@pytest.mark.parametrize("load", ["bodyweight", "bodyweight+0", "bodyweight - 0.0"])
def test_a_load_step_on_bodyweight_alone_is_a_warning(tmp_path: Path, load: str) -> None:
    chins = (
        f"{{exercise: chin_up, sets: 3, reps: 5, load: {load}, "
        "progress: [{load: {add: 2.5}}]}"
    )
    (tmp_path / "t.yaml").write_text(spec(f"A:\n  - {chins}\n", weeks=1), encoding="utf-8")
    warnings = plan_spec(str(tmp_path / "t.yaml")).warnings
    assert [f"{d.path}: {d.message}" for d in warnings] == [
        "phases[0].sessions.A[0].progress[0].load: a load step on bodyweight alone adds "
        "nothing: write the load it starts with, bodyweight+5 say, to add load to it"
    ]


def test_the_stage_reached_is_said_in_show_and_the_plan_data(tmp_path: Path) -> None:
    """The sets show 3 x 8; the status says which stage that is, in `show` and plan.json."""
    program = spec(f"A:\n  - {DEADLIFT_STAGES}\n", weeks=1)
    (tmp_path / "t.yaml").write_text(program, encoding="utf-8")
    (tmp_path / "t.log.yaml").write_text(
        log("2027-01-04 deadlift: 10@100 10@100 8@100"), encoding="utf-8"
    )
    plan = plan_spec(str(tmp_path / "t.yaml")).plan
    second = plan.weeks[0].sessions[1].exercises[0]
    assert second.status == "Stage 2 of 3 (3x10, 3x8, 3x6)."
    assert "    Deadlift\n      Stage 2 of 3 (3x10, 3x8, 3x6).\n" in show_plan(plan, 1)
