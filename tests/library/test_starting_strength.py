"""Starting Strength, phase 1 (programs/library/starting-strength.yaml): six weeks of a
hand-written log re-planned by the program's published rules, every figure worked by hand.

The rules (Rippetoe, Starting Strength 3rd ed.): A = squat 3x5, press 3x5, deadlift 1x5;
B = squat 3x5, bench press 3x5, deadlift 1x5; A-B-A then B-A-B on Mon/Wed/Fri. Each
session a lift is trained adds squat +5, deadlift +10, press +5, bench +5 lb when every
rep was made; a miss repeats the weight; a third miss in a row at one weight resets it
by 10%, rounded to the 5 lb steps pairs of 2.5 lb plates make (ties go lighter).

The squat and deadlift are in every session (one progression across A and B); the press
is in A only (sessions 1, 3, 5 ...), the bench press in B only (sessions 2, 4, 6 ...).
"""

from __future__ import annotations

from pathlib import Path

from tests.support.scenario import planned_after

SPEC = "starting-strength"

# Sessions 1-18 (weeks 1-6). Every set is logged at the planned load. Misses:
#   session 10 (25 Jan): squat 5, 5, 4 at 180, a single miss: 180 is repeated, then made;
#   sessions 13, 15, 17: press missed at 125 three times in a row: the reset;
#   sessions 14, 15: deadlift missed at 265 twice, then made at session 16: no reset.
LOG = """\
program: starting-strength
sessions:
  - date: "2027-01-04"
    done:
      back_squat: 3x5@135
      overhead_press: 3x5@95
      deadlift: 5@135
  - date: "2027-01-06"
    done:
      back_squat: 3x5@140
      bench_press: 3x5@135
      deadlift: 5@145
  - date: "2027-01-08"
    done:
      back_squat: 3x5@145
      overhead_press: 3x5@100
      deadlift: 5@155
  - date: "2027-01-11"
    done:
      back_squat: 3x5@150
      bench_press: 3x5@140
      deadlift: 5@165
  - date: "2027-01-13"
    done:
      back_squat: 3x5@155
      overhead_press: 3x5@105
      deadlift: 5@175
  - date: "2027-01-15"
    done:
      back_squat: 3x5@160
      bench_press: 3x5@145
      deadlift: 5@185
  - date: "2027-01-18"
    done:
      back_squat: 3x5@165
      overhead_press: 3x5@110
      deadlift: 5@195
  - date: "2027-01-20"
    done:
      back_squat: 3x5@170
      bench_press: 3x5@150
      deadlift: 5@205
  - date: "2027-01-22"
    done:
      back_squat: 3x5@175
      overhead_press: 3x5@115
      deadlift: 5@215
  - date: "2027-01-25"
    note: squat, last rep of the last set missed
    done:
      back_squat: 5@180 5@180 4@180
      bench_press: 3x5@155
      deadlift: 5@225
  - date: "2027-01-27"
    done:
      back_squat: 3x5@180
      overhead_press: 3x5@120
      deadlift: 5@235
  - date: "2027-01-29"
    done:
      back_squat: 3x5@185
      bench_press: 3x5@160
      deadlift: 5@245
  - date: "2027-02-01"
    note: press stalls
    done:
      back_squat: 3x5@190
      overhead_press: 5@125 5@125 3@125
      deadlift: 5@255
  - date: "2027-02-03"
    done:
      back_squat: 3x5@195
      bench_press: 3x5@165
      deadlift: 4@265
  - date: "2027-02-05"
    done:
      back_squat: 3x5@200
      overhead_press: 5@125 4@125 3@125
      deadlift: 3@265
  - date: "2027-02-08"
    done:
      back_squat: 3x5@205
      bench_press: 3x5@170
      deadlift: 5@265
  - date: "2027-02-10"
    done:
      back_squat: 3x5@210
      overhead_press: 5@125 4@125 4@125
      deadlift: 5@275
  - date: "2027-02-12"
    done:
      back_squat: 3x5@215
      bench_press: 3x5@175
      deadlift: 5@285
"""

# Session n's figures with no miss: squat 135 + 5(n - 1), deadlift 135 + 10(n - 1);
# press 95 + 5 per A session before it, bench 135 + 5 per B session before it.
EXPECTED_AFTER_LOG = [
    # week 1
    "2027-01-04 A: back_squat 3x5@135 | overhead_press 3x5@95 | deadlift 1x5@135",
    "2027-01-06 B: back_squat 3x5@140 | bench_press 3x5@135 | deadlift 1x5@145",
    "2027-01-08 A: back_squat 3x5@145 | overhead_press 3x5@100 | deadlift 1x5@155",
    # week 2
    "2027-01-11 B: back_squat 3x5@150 | bench_press 3x5@140 | deadlift 1x5@165",
    "2027-01-13 A: back_squat 3x5@155 | overhead_press 3x5@105 | deadlift 1x5@175",
    "2027-01-15 B: back_squat 3x5@160 | bench_press 3x5@145 | deadlift 1x5@185",
    # week 3
    "2027-01-18 A: back_squat 3x5@165 | overhead_press 3x5@110 | deadlift 1x5@195",
    "2027-01-20 B: back_squat 3x5@170 | bench_press 3x5@150 | deadlift 1x5@205",
    "2027-01-22 A: back_squat 3x5@175 | overhead_press 3x5@115 | deadlift 1x5@215",
    # week 4
    # squat 175 + 5 = 180: missed (5, 5, 4)
    "2027-01-25 B: back_squat 3x5@180 | bench_press 3x5@155 | deadlift 1x5@225",
    # squat 1st miss at 180: repeated, 180 (made)
    "2027-01-27 A: back_squat 3x5@180 | overhead_press 3x5@120 | deadlift 1x5@235",
    # squat 180 + 5 = 185: from here 5 lb under the unlogged projection
    "2027-01-29 B: back_squat 3x5@185 | bench_press 3x5@160 | deadlift 1x5@245",
    # week 5
    # press 120 + 5 = 125: missed (5, 5, 3), miss 1 in a row
    "2027-02-01 A: back_squat 3x5@190 | overhead_press 3x5@125 | deadlift 1x5@255",
    # deadlift 255 + 10 = 265: missed (4), miss 1 in a row
    "2027-02-03 B: back_squat 3x5@195 | bench_press 3x5@165 | deadlift 1x5@265",
    # press repeated at 125: missed (5, 4, 3), miss 2; deadlift repeated at 265: missed (3), miss 2
    "2027-02-05 A: back_squat 3x5@200 | overhead_press 3x5@125 | deadlift 1x5@265",
    # week 6
    # deadlift repeated at 265 (two misses are no stall): made, so the run of misses ends
    "2027-02-08 B: back_squat 3x5@205 | bench_press 3x5@170 | deadlift 1x5@265",
    # press repeated at 125: missed (5, 4, 4), miss 3 in a row; deadlift 265 + 10 = 275
    "2027-02-10 A: back_squat 3x5@210 | overhead_press 3x5@125 | deadlift 1x5@275",
    "2027-02-12 B: back_squat 3x5@215 | bench_press 3x5@175 | deadlift 1x5@285",
    # week 7: not logged, so each lift is projected to succeed
    # press, 3rd miss at 125: 125 x 0.9 = 112.5 -> 110 (pairs of 2.5 lb plates make 5 lb
    # steps; 112.5 is halfway between 110 and 115, and ties go lighter)
    "2027-02-15 A: back_squat 3x5@220 | overhead_press 3x5@110 | deadlift 1x5@295",
    "2027-02-17 B: back_squat 3x5@225 | bench_press 3x5@180 | deadlift 1x5@305",
    # press climbs again from the rounded reset: 110 + 5 = 115
    "2027-02-19 A: back_squat 3x5@230 | overhead_press 3x5@115 | deadlift 1x5@315",
]

# The projection: every session succeeds, so each lift climbs by its increment.
EXPECTED_PROJECTION_WEEKS_1_2 = [
    "2027-01-04 A: back_squat 3x5@135 | overhead_press 3x5@95 | deadlift 1x5@135",
    "2027-01-06 B: back_squat 3x5@140 | bench_press 3x5@135 | deadlift 1x5@145",
    "2027-01-08 A: back_squat 3x5@145 | overhead_press 3x5@100 | deadlift 1x5@155",
    "2027-01-11 B: back_squat 3x5@150 | bench_press 3x5@140 | deadlift 1x5@165",
    "2027-01-13 A: back_squat 3x5@155 | overhead_press 3x5@105 | deadlift 1x5@175",
    "2027-01-15 B: back_squat 3x5@160 | bench_press 3x5@145 | deadlift 1x5@185",
]


def test_six_weeks_of_log_re_plan_by_the_published_rules(tmp_path: Path) -> None:
    planned = planned_after(SPEC, LOG, tmp_path)
    assert len(planned) == 36  # 12 weeks x 3 sessions
    assert planned[: len(EXPECTED_AFTER_LOG)] == EXPECTED_AFTER_LOG


def test_the_projection_is_a_straight_line(tmp_path: Path) -> None:
    planned = planned_after(SPEC, None, tmp_path)
    assert planned[:6] == EXPECTED_PROJECTION_WEEKS_1_2
