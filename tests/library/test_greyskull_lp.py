"""Greyskull LP (programs/library/greyskull-lp.yaml): six weeks of a hand-written log
re-planned by the program's published rules, every figure worked by hand.

The rules (Sheaffer, The Greyskull LP 2nd ed.; Phrak's variant, 2013): every lift 2x5 +
1x5+ (deadlift 1x5+); press and chin-ups alternate with bench press and rows every
session; squat on Monday and Friday, deadlift on Wednesday. Each session a lift is
trained adds 2.5 lb upper body (press, bench, row, and the load on the belt of the
weighted chin-ups) or 5 lb lower body (squat, deadlift); 10+ reps on the last set doubles
that (5 lb, 10 lb); under 5 reps on the last set is a failure and resets the lift by 10%,
rounded to the 2.5 lb steps pairs of 1.25 lb plates make (ties go lighter). An earlier
set short of 5 is no failure when the last set makes 5 (5, 4, 6 is 15 reps in all too).
The chin-ups are weighted from the start, 2.5 lb on the belt: the lifter already makes
3x5 at bodyweight.

The six sessions of the two-week cycle, in turn on Mon/Wed/Fri:
  A-squat (press, chin-ups, squat), B-deadlift (bench, rows, deadlift), A-squat-2,
  B-squat (bench, rows, squat), A-deadlift (press, chin-ups, deadlift), B-squat-2.
So the press and chin-ups are in sessions 1, 3, 5 ..., bench and rows in 2, 4, 6 ...,
the squat in 1, 3, 4, 6, 7, 9 ... and the deadlift in 2, 5, 8, 11 ...
"""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import plan_spec
from tests.support.scenario import number, planned_after

SPEC = "greyskull-lp"

# Sessions 1-18 (weeks 1-6). Every set is logged at the planned load; the last set of
# each lift is the AMRAP. Events:
#   session 1 (4 Jan): chin-ups 10 reps on the AMRAP at bodyweight + 2.5: a doubled
#                      jump, +5 on the belt;
#   session 2 (6 Jan): bench press 10 reps on the AMRAP at 95: a doubled jump, +5;
#                      deadlift 9 reps: still the 5-9 row, +5;
#   session 4 (11 Jan): squat 11 reps on the AMRAP at 125: a doubled jump, +10;
#   session 10 (25 Jan): row 5, 4, 6 at 95: the second set short, the last made: a
#                      success, +2.5;
#   session 14 (3 Feb): bench press 5, 5, 3 at 112.5: failure, reset 10%;
#   session 15 (5 Feb): press 5, 5, 4 at 82.5: failure, reset 10%.
LOG = """\
program: greyskull-lp
sessions:
  - date: "2027-01-04"
    done:
      overhead_press: 5@65 5@65 8@65
      chin_up: 5@bw 5@bw 10@bw
      back_squat: 5@115 5@115 8@115
  - date: "2027-01-06"
    done:
      bench_press: 5@95 5@95 10@95
      barbell_row: 5@85 5@85 7@85
      deadlift: 9@135
  - date: "2027-01-08"
    done:
      overhead_press: 5@67.5 5@67.5 7@67.5
      chin_up: 5@bw 5@bw 6@bw
      back_squat: 5@120 5@120 7@120
  - date: "2027-01-11"
    done:
      bench_press: 5@100 5@100 7@100
      barbell_row: 5@87.5 5@87.5 6@87.5
      back_squat: 5@125 5@125 11@125
  - date: "2027-01-13"
    done:
      overhead_press: 5@70 5@70 6@70
      chin_up: 5@bw 5@bw 6@bw
      deadlift: 7@140
  - date: "2027-01-15"
    done:
      bench_press: 5@102.5 5@102.5 6@102.5
      barbell_row: 5@90 5@90 6@90
      back_squat: 5@135 5@135 6@135
  - date: "2027-01-18"
    done:
      overhead_press: 5@72.5 5@72.5 6@72.5
      chin_up: 5@bw 5@bw 6@bw
      back_squat: 5@140 5@140 6@140
  - date: "2027-01-20"
    done:
      bench_press: 5@105 5@105 6@105
      barbell_row: 5@92.5 5@92.5 6@92.5
      deadlift: 6@145
  - date: "2027-01-22"
    done:
      overhead_press: 5@75 5@75 5@75
      chin_up: 5@bw 5@bw 6@bw
      back_squat: 5@145 5@145 6@145
  - date: "2027-01-25"
    done:
      bench_press: 5@107.5 5@107.5 6@107.5
      barbell_row: 5@95 4@95 6@95
      back_squat: 5@150 5@150 5@150
  - date: "2027-01-27"
    done:
      overhead_press: 5@77.5 5@77.5 6@77.5
      chin_up: 5@bw 5@bw 6@bw
      deadlift: 6@150
  - date: "2027-01-29"
    done:
      bench_press: 5@110 5@110 5@110
      barbell_row: 5@97.5 5@97.5 5@97.5
      back_squat: 5@155 5@155 5@155
  - date: "2027-02-01"
    done:
      overhead_press: 5@80 5@80 5@80
      chin_up: 5@bw 5@bw 6@bw
      back_squat: 5@160 5@160 5@160
  - date: "2027-02-03"
    note: bench press fails on the AMRAP set
    done:
      bench_press: 5@112.5 5@112.5 3@112.5
      barbell_row: 5@100 5@100 5@100
      deadlift: 5@155
  - date: "2027-02-05"
    note: press fails on the AMRAP set
    done:
      overhead_press: 5@82.5 5@82.5 4@82.5
      chin_up: 5@bw 5@bw 6@bw
      back_squat: 5@165 5@165 5@165
  - date: "2027-02-08"
    done:
      bench_press: 5@100 5@100 8@100
      barbell_row: 5@102.5 5@102.5 5@102.5
      back_squat: 5@170 5@170 5@170
  - date: "2027-02-10"
    done:
      overhead_press: 5@75 5@75 7@75
      chin_up: 5@bw 5@bw 6@bw
      deadlift: 5@160
  - date: "2027-02-12"
    done:
      bench_press: 5@102.5 5@102.5 6@102.5
      barbell_row: 5@105 5@105 5@105
      back_squat: 5@175 5@175 5@175
"""

# With no event, each session of a lift adds 2.5 lb (press, bench, row) or 5 lb (squat,
# deadlift) to the one before: press 65, bench 95, row 85, squat 115, deadlift 135 to start.
EXPECTED_AFTER_LOG = [
    # week 1
    "2027-01-04 A-squat: overhead_press 2x5@65, 1x5+@65 | chin_up 2x5@bw, 1x5+@bw | back_squat 2x5@115, 1x5+@115",
    # bench 95: AMRAP 10 (the 10+ row); deadlift 135: AMRAP 9 (the 5-9 row)
    "2027-01-06 B-deadlift: bench_press 2x5@95, 1x5+@95 | barbell_row 2x5@85, 1x5+@85 | deadlift 1x5+@135",
    "2027-01-08 A-squat-2: overhead_press 2x5@67.5, 1x5+@67.5 | chin_up 2x5@bw, 1x5+@bw | back_squat 2x5@120, 1x5+@120",
    # week 2
    # bench, AMRAP 10 at 95 doubles the jump: 95 + 2 x 2.5 = 100
    # squat 120 + 5 = 125: AMRAP 11 (the 10+ row)
    "2027-01-11 B-squat: bench_press 2x5@100, 1x5+@100 | barbell_row 2x5@87.5, 1x5+@87.5 | back_squat 2x5@125, 1x5+@125",
    # deadlift, AMRAP 9 at 135: 135 + 5 = 140 (AMRAP 7: +5 again)
    "2027-01-13 A-deadlift: overhead_press 2x5@70, 1x5+@70 | chin_up 2x5@bw, 1x5+@bw | deadlift 1x5+@140",
    # squat, AMRAP 11 at 125 doubles the jump: 125 + 2 x 5 = 135; bench 100 + 2.5 = 102.5
    "2027-01-15 B-squat-2: bench_press 2x5@102.5, 1x5+@102.5 | barbell_row 2x5@90, 1x5+@90 | back_squat 2x5@135, 1x5+@135",
    # week 3
    "2027-01-18 A-squat: overhead_press 2x5@72.5, 1x5+@72.5 | chin_up 2x5@bw, 1x5+@bw | back_squat 2x5@140, 1x5+@140",
    # deadlift, AMRAP 7 at 140: 140 + 5 = 145
    "2027-01-20 B-deadlift: bench_press 2x5@105, 1x5+@105 | barbell_row 2x5@92.5, 1x5+@92.5 | deadlift 1x5+@145",
    # press 75: AMRAP of exactly 5 is a success (+2.5)
    "2027-01-22 A-squat-2: overhead_press 2x5@75, 1x5+@75 | chin_up 2x5@bw, 1x5+@bw | back_squat 2x5@145, 1x5+@145",
    # week 4
    # row 95: 5, 4, 6, the last set made: a success (AMRAP 6, the 5-9 row, +2.5)
    "2027-01-25 B-squat: bench_press 2x5@107.5, 1x5+@107.5 | barbell_row 2x5@95, 1x5+@95 | back_squat 2x5@150, 1x5+@150",
    "2027-01-27 A-deadlift: overhead_press 2x5@77.5, 1x5+@77.5 | chin_up 2x5@bw, 1x5+@bw | deadlift 1x5+@150",
    # row 95 + 2.5 = 97.5: no reset after Monday's 5, 4, 6 (were the 4 a failure, the
    # reset would make it 95 x 0.9 = 85.5 -> 85)
    "2027-01-29 B-squat-2: bench_press 2x5@110, 1x5+@110 | barbell_row 2x5@97.5, 1x5+@97.5 | back_squat 2x5@155, 1x5+@155",
    # week 5
    "2027-02-01 A-squat: overhead_press 2x5@80, 1x5+@80 | chin_up 2x5@bw, 1x5+@bw | back_squat 2x5@160, 1x5+@160",
    # bench 110 + 2.5 = 112.5: failed (5, 5, 3)
    "2027-02-03 B-deadlift: bench_press 2x5@112.5, 1x5+@112.5 | barbell_row 2x5@100, 1x5+@100 | deadlift 1x5+@155",
    # press 80 + 2.5 = 82.5: failed (5, 5, 4)
    "2027-02-05 A-squat-2: overhead_press 2x5@82.5, 1x5+@82.5 | chin_up 2x5@bw, 1x5+@bw | back_squat 2x5@165, 1x5+@165",
    # week 6
    # bench reset: 112.5 x 0.9 = 101.25 -> 100 (pairs of 1.25 lb plates make 2.5 lb steps;
    # 101.25 is halfway between 100 and 102.5, and ties go lighter)
    "2027-02-08 B-squat: bench_press 2x5@100, 1x5+@100 | barbell_row 2x5@102.5, 1x5+@102.5 | back_squat 2x5@170, 1x5+@170",
    # press reset: 82.5 x 0.9 = 74.25 -> 75 (the nearer 2.5 lb step: 0.75 up against 1.75 down)
    "2027-02-10 A-deadlift: overhead_press 2x5@75, 1x5+@75 | chin_up 2x5@bw, 1x5+@bw | deadlift 1x5+@160",
    # bench climbs from the rounded reset: 100 + 2.5 = 102.5
    "2027-02-12 B-squat-2: bench_press 2x5@102.5, 1x5+@102.5 | barbell_row 2x5@105, 1x5+@105 | back_squat 2x5@175, 1x5+@175",
    # week 7: not logged, so each lift is projected at the 5-9 row (+2.5, +5)
    # press 75 + 2.5 = 77.5
    "2027-02-15 A-squat: overhead_press 2x5@77.5, 1x5+@77.5 | chin_up 2x5@bw, 1x5+@bw | back_squat 2x5@180, 1x5+@180",
    "2027-02-17 B-deadlift: bench_press 2x5@105, 1x5+@105 | barbell_row 2x5@107.5, 1x5+@107.5 | deadlift 1x5+@165",
    "2027-02-19 A-squat-2: overhead_press 2x5@80, 1x5+@80 | chin_up 2x5@bw, 1x5+@bw | back_squat 2x5@185, 1x5+@185",
]

# The projection: every AMRAP is taken at its minimum, 5 (the 5-9 row), so each lift climbs
# by its single jump.
EXPECTED_PROJECTION_WEEKS_1_2 = [
    "2027-01-04 A-squat: overhead_press 2x5@65, 1x5+@65 | chin_up 2x5@bw, 1x5+@bw | back_squat 2x5@115, 1x5+@115",
    "2027-01-06 B-deadlift: bench_press 2x5@95, 1x5+@95 | barbell_row 2x5@85, 1x5+@85 | deadlift 1x5+@135",
    "2027-01-08 A-squat-2: overhead_press 2x5@67.5, 1x5+@67.5 | chin_up 2x5@bw, 1x5+@bw | back_squat 2x5@120, 1x5+@120",
    "2027-01-11 B-squat: bench_press 2x5@97.5, 1x5+@97.5 | barbell_row 2x5@87.5, 1x5+@87.5 | back_squat 2x5@125, 1x5+@125",
    "2027-01-13 A-deadlift: overhead_press 2x5@70, 1x5+@70 | chin_up 2x5@bw, 1x5+@bw | deadlift 1x5+@140",
    "2027-01-15 B-squat-2: bench_press 2x5@100, 1x5+@100 | barbell_row 2x5@90, 1x5+@90 | back_squat 2x5@130, 1x5+@130",
]


def test_six_weeks_of_log_re_plan_by_the_published_rules(tmp_path: Path) -> None:
    planned = planned_after(SPEC, LOG, tmp_path)
    assert len(planned) == 36  # 12 weeks x 3 sessions
    assert planned[: len(EXPECTED_AFTER_LOG)] == EXPECTED_AFTER_LOG


def test_the_projection_is_a_straight_line(tmp_path: Path) -> None:
    planned = planned_after(SPEC, None, tmp_path)
    assert planned[:6] == EXPECTED_PROJECTION_WEEKS_1_2


def chin_up_belt(log: str | None, folder: Path) -> list[tuple[str, str]]:
    """Each chin-up session's date and the load planned on the belt (bodyweight + it)."""
    planned_after(SPEC, log, folder)
    plan = plan_spec(str(folder / f"{SPEC}.yaml")).plan
    return [
        (session.date.isoformat(), number(exercise.bodyweight))
        for week in plan.weeks
        for session in week.sessions
        for exercise in session.exercises
        if exercise.exercise == "chin_up" and exercise.bodyweight is not None
    ]


# The chin-ups (sessions 1, 3, 5 ...: A-squat, A-squat-2, A-deadlift), weighted from
# 2.5 lb on the belt, +2.5 a session, +5 after 10 or more on the last set.
EXPECTED_CHIN_UP_BELT = [
    ("2027-01-04", "2.5"),  # the first jump; AMRAP 10 (the 10+ row)
    ("2027-01-08", "7.5"),  # 2.5 + 2 x 2.5; AMRAP 6 from here on (the 5-9 row)
    ("2027-01-13", "10"),
    ("2027-01-18", "12.5"),
    ("2027-01-22", "15"),
    ("2027-01-27", "17.5"),
    ("2027-02-01", "20"),
    ("2027-02-05", "22.5"),
    ("2027-02-10", "25"),
    ("2027-02-15", "27.5"),  # not logged: the 5-9 row, +2.5
    ("2027-02-19", "30"),
]


def test_weighted_chin_ups_climb_by_the_upper_body_rule(tmp_path: Path) -> None:
    assert chin_up_belt(LOG, tmp_path)[:11] == EXPECTED_CHIN_UP_BELT


def test_a_failed_chin_up_session_resets_the_load_on_the_belt(tmp_path: Path) -> None:
    """10 Feb: chin-ups 5, 5, 4 with 25 lb on the belt, fewer than 5 on the last set: a
    failure, reset by 10% of the added load, 25 x 0.9 = 22.5, then +2.5 = 25."""
    log = LOG.replace(
        "      overhead_press: 5@75 5@75 7@75\n      chin_up: 5@bw 5@bw 6@bw\n",
        "      overhead_press: 5@75 5@75 7@75\n      chin_up: 5@bw 5@bw 4@bw\n",
    )
    assert log != LOG
    assert chin_up_belt(log, tmp_path)[8:11] == [
        ("2027-02-10", "25"),
        ("2027-02-15", "22.5"),  # 25 x 0.9
        ("2027-02-19", "25"),  # 22.5 + 2.5
    ]
