"""StrongLifts 5x5 (programs/library/stronglifts-5x5.yaml): six weeks of a hand-written log
re-planned by the program's published rules, every figure worked by hand.

The rules (Mehdi, stronglifts.com/5x5): A = squat 5x5, bench press 5x5, barbell row 5x5;
B = squat 5x5, overhead press 5x5, deadlift 1x5; A-B-A then B-A-B on Mon/Wed/Fri. Each
session a lift is trained adds 2.5 kg (deadlift 5 kg) when every rep was made; a miss
repeats the weight; a third failed session in a row at one weight deloads it by 10%,
rounded to the 2.5 kg steps pairs of 1.25 kg plates make (ties go lighter).

The squat is in every session (one progression across A and B); bench press and row are
in A only (sessions 1, 3, 5 ...), overhead press and deadlift in B only (2, 4, 6 ...).
"""

from __future__ import annotations

from pathlib import Path

from tests.support.scenario import planned_after

SPEC = "stronglifts-5x5"

# Sessions 1-18 (weeks 1-6). Every set is logged at the planned load. Misses:
#   session 12 (29 Jan): squat 5, 5, 5, 5, 3 at 87.5, a single miss: repeated, then made;
#   session 14 (3 Feb): overhead press 5, 5, 5, 4, 4 at 45, a single miss: repeated, made;
#   sessions 13, 15, 17: bench press failed at 62.5 three times in a row: the deload.
LOG = """\
program: stronglifts-5x5
sessions:
  - date: "2027-01-04"
    done:
      back_squat: 5x5@60
      bench_press: 5x5@47.5
      barbell_row: 5x5@40
  - date: "2027-01-06"
    done:
      back_squat: 5x5@62.5
      overhead_press: 5x5@30
      deadlift: 5@80
  - date: "2027-01-08"
    done:
      back_squat: 5x5@65
      bench_press: 5x5@50
      barbell_row: 5x5@42.5
  - date: "2027-01-11"
    done:
      back_squat: 5x5@67.5
      overhead_press: 5x5@32.5
      deadlift: 5@85
  - date: "2027-01-13"
    done:
      back_squat: 5x5@70
      bench_press: 5x5@52.5
      barbell_row: 5x5@45
  - date: "2027-01-15"
    done:
      back_squat: 5x5@72.5
      overhead_press: 5x5@35
      deadlift: 5@90
  - date: "2027-01-18"
    done:
      back_squat: 5x5@75
      bench_press: 5x5@55
      barbell_row: 5x5@47.5
  - date: "2027-01-20"
    done:
      back_squat: 5x5@77.5
      overhead_press: 5x5@37.5
      deadlift: 5@95
  - date: "2027-01-22"
    done:
      back_squat: 5x5@80
      bench_press: 5x5@57.5
      barbell_row: 5x5@50
  - date: "2027-01-25"
    done:
      back_squat: 5x5@82.5
      overhead_press: 5x5@40
      deadlift: 5@100
  - date: "2027-01-27"
    done:
      back_squat: 5x5@85
      bench_press: 5x5@60
      barbell_row: 5x5@52.5
  - date: "2027-01-29"
    note: squat, two reps short on the last set
    done:
      back_squat: 4x5@87.5 3@87.5
      overhead_press: 5x5@42.5
      deadlift: 5@105
  - date: "2027-02-01"
    note: bench press stalls
    done:
      back_squat: 5x5@87.5
      bench_press: 3x5@62.5 4@62.5 3@62.5
      barbell_row: 5x5@55
  - date: "2027-02-03"
    done:
      back_squat: 5x5@90
      overhead_press: 3x5@45 4@45 4@45
      deadlift: 5@110
  - date: "2027-02-05"
    done:
      back_squat: 5x5@92.5
      bench_press: 2x5@62.5 4@62.5 4@62.5 3@62.5
      barbell_row: 5x5@57.5
  - date: "2027-02-08"
    done:
      back_squat: 5x5@95
      overhead_press: 5x5@45
      deadlift: 5@115
  - date: "2027-02-10"
    done:
      back_squat: 5x5@97.5
      bench_press: 4x5@62.5 4@62.5
      barbell_row: 5x5@60
  - date: "2027-02-12"
    done:
      back_squat: 5x5@100
      overhead_press: 5x5@47.5
      deadlift: 5@120
"""

# Session n's figures with no miss: squat 60 + 2.5(n - 1); bench 47.5 and row 40 + 2.5
# per A session before it; press 30 + 2.5 and deadlift 80 + 5 per B session before it.
EXPECTED_AFTER_LOG = [
    # week 1
    "2027-01-04 A: back_squat 5x5@60 | bench_press 5x5@47.5 | barbell_row 5x5@40",
    "2027-01-06 B: back_squat 5x5@62.5 | overhead_press 5x5@30 | deadlift 1x5@80",
    "2027-01-08 A: back_squat 5x5@65 | bench_press 5x5@50 | barbell_row 5x5@42.5",
    # week 2
    "2027-01-11 B: back_squat 5x5@67.5 | overhead_press 5x5@32.5 | deadlift 1x5@85",
    "2027-01-13 A: back_squat 5x5@70 | bench_press 5x5@52.5 | barbell_row 5x5@45",
    "2027-01-15 B: back_squat 5x5@72.5 | overhead_press 5x5@35 | deadlift 1x5@90",
    # week 3
    "2027-01-18 A: back_squat 5x5@75 | bench_press 5x5@55 | barbell_row 5x5@47.5",
    "2027-01-20 B: back_squat 5x5@77.5 | overhead_press 5x5@37.5 | deadlift 1x5@95",
    "2027-01-22 A: back_squat 5x5@80 | bench_press 5x5@57.5 | barbell_row 5x5@50",
    # week 4
    "2027-01-25 B: back_squat 5x5@82.5 | overhead_press 5x5@40 | deadlift 1x5@100",
    "2027-01-27 A: back_squat 5x5@85 | bench_press 5x5@60 | barbell_row 5x5@52.5",
    # squat 85 + 2.5 = 87.5: missed (5, 5, 5, 5, 3)
    "2027-01-29 B: back_squat 5x5@87.5 | overhead_press 5x5@42.5 | deadlift 1x5@105",
    # week 5
    # squat 1st miss at 87.5: repeated, 87.5 (made)
    # bench 60 + 2.5 = 62.5: failed (5, 5, 5, 4, 3), fail 1 in a row
    "2027-02-01 A: back_squat 5x5@87.5 | bench_press 5x5@62.5 | barbell_row 5x5@55",
    # squat 87.5 + 2.5 = 90: from here 2.5 kg under the unlogged projection
    # press 42.5 + 2.5 = 45: missed (5, 5, 5, 4, 4)
    "2027-02-03 B: back_squat 5x5@90 | overhead_press 5x5@45 | deadlift 1x5@110",
    # bench repeated at 62.5: failed (5, 5, 4, 4, 3), fail 2 in a row
    "2027-02-05 A: back_squat 5x5@92.5 | bench_press 5x5@62.5 | barbell_row 5x5@57.5",
    # week 6
    # press 1st miss at 45: repeated, 45 (made)
    "2027-02-08 B: back_squat 5x5@95 | overhead_press 5x5@45 | deadlift 1x5@115",
    # bench repeated at 62.5: failed (5, 5, 5, 5, 4), fail 3 in a row
    "2027-02-10 A: back_squat 5x5@97.5 | bench_press 5x5@62.5 | barbell_row 5x5@60",
    # press 45 + 2.5 = 47.5
    "2027-02-12 B: back_squat 5x5@100 | overhead_press 5x5@47.5 | deadlift 1x5@120",
    # week 7: not logged, so each lift is projected to succeed
    # bench, 3rd failure at 62.5: 62.5 x 0.9 = 56.25 -> 55 (pairs of 1.25 kg plates make
    # 2.5 kg steps; 56.25 is halfway between 55 and 57.5, and ties go lighter)
    "2027-02-15 A: back_squat 5x5@102.5 | bench_press 5x5@55 | barbell_row 5x5@62.5",
    "2027-02-17 B: back_squat 5x5@105 | overhead_press 5x5@50 | deadlift 1x5@125",
    # bench climbs again from the rounded deload: 55 + 2.5 = 57.5
    "2027-02-19 A: back_squat 5x5@107.5 | bench_press 5x5@57.5 | barbell_row 5x5@65",
]

# The projection: every session succeeds, so each lift climbs by its increment.
EXPECTED_PROJECTION_WEEKS_1_2 = [
    "2027-01-04 A: back_squat 5x5@60 | bench_press 5x5@47.5 | barbell_row 5x5@40",
    "2027-01-06 B: back_squat 5x5@62.5 | overhead_press 5x5@30 | deadlift 1x5@80",
    "2027-01-08 A: back_squat 5x5@65 | bench_press 5x5@50 | barbell_row 5x5@42.5",
    "2027-01-11 B: back_squat 5x5@67.5 | overhead_press 5x5@32.5 | deadlift 1x5@85",
    "2027-01-13 A: back_squat 5x5@70 | bench_press 5x5@52.5 | barbell_row 5x5@45",
    "2027-01-15 B: back_squat 5x5@72.5 | overhead_press 5x5@35 | deadlift 1x5@90",
]


def test_six_weeks_of_log_re_plan_by_the_published_rules(tmp_path: Path) -> None:
    planned = planned_after(SPEC, LOG, tmp_path)
    assert len(planned) == 36  # 12 weeks x 3 sessions
    assert planned[: len(EXPECTED_AFTER_LOG)] == EXPECTED_AFTER_LOG


def test_the_projection_is_a_straight_line(tmp_path: Path) -> None:
    planned = planned_after(SPEC, None, tmp_path)
    assert planned[:6] == EXPECTED_PROJECTION_WEEKS_1_2
