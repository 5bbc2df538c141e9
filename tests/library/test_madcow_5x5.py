"""Madcow 5x5 (programs/library/madcow-5x5.yaml): six weeks of a hand-written log
re-planned by the program's published rules, every figure worked by hand.

The rules (Madcow2, "Bill Starr 5x5, linear version for intermediate lifters", and its
spreadsheet): Monday (heavy) squat, bench press and row ramp in 12.5% steps to a top set
of 5 (50%, 62.5%, 75%, 87.5%, 100%); Wednesday (light) squat is Monday's first three
sets and the third again, incline press and deadlift ramp 62.5%, 75%, 87.5%, 100% to a
top set; Friday (medium) is Monday's four ramp sets, a triple at 102.5% of Monday's top
set and a set of 8 at Monday's third set (75%). Every top set rises 5 lb a week; a
missed top set repeats that load the next week (and with it the sets taken from it).

Loads are rounded to the 5 lb steps of pairs of 2.5 lb plates, halves going up
(`rounding: nearest_up`): 187.5 -> 190, 92.5 -> 95.

Top sets with no miss, week w: squat 250 + 5(w - 1), bench 185 + 5(w - 1), row
155 + 5(w - 1), incline 135 + 5(w - 1), deadlift 275 + 5(w - 1).
"""

from __future__ import annotations

from pathlib import Path

from tests.support.scenario import planned_after

SPEC = "madcow-5x5"

# Weeks 1-6, every set logged at its planned load. Misses:
#   bench press top set, week 3 (18 Jan, 4 reps at 195) and week 4 (25 Jan, 3 at 195):
#     195 is repeated twice, made in week 5, and 200 follows in week 6;
#   deadlift top set, week 4 (27 Jan, 3 at 290): repeated and made in week 5;
#   squat top set, week 5 (1 Feb, 3 at 270): repeated and made in week 6; that week's
#     Wednesday and Friday were already planned from Monday's 270 and stay so;
#   bench press Friday triple, week 6 (12 Feb, 2 at 205): Madcow would repeat the week,
#     liftplan does not (only the top sets carry a progression; see the spec's header).
LOG = """\
program: madcow-5x5
sessions:
  - date: "2027-01-04"
    done:
      back_squat: 5@125 5@155 5@190 5@220 5@250
      bench_press: 5@95 5@115 5@140 5@160 5@185
      barbell_row: 5@80 5@95 5@115 5@135 5@155
  - date: "2027-01-06"
    done:
      back_squat: 5@125 5@155 2x5@190
      incline_bench_press: 5@85 5@100 5@120 5@135
      deadlift: 5@170 5@205 5@240 5@275
  - date: "2027-01-08"
    done:
      back_squat: 5@125 5@155 5@190 5@220 3@255 8@190
      bench_press: 5@95 5@115 5@140 5@160 3@190 8@140
      barbell_row: 5@80 5@95 5@115 5@135 3@160 8@115
  - date: "2027-01-11"
    done:
      back_squat: 5@130 5@160 5@190 5@225 5@255
      bench_press: 5@95 5@120 5@145 5@165 5@190
      barbell_row: 5@80 5@100 5@120 5@140 5@160
  - date: "2027-01-13"
    done:
      back_squat: 5@130 5@160 2x5@190
      incline_bench_press: 5@90 5@105 5@125 5@140
      deadlift: 5@175 5@210 5@245 5@280
  - date: "2027-01-15"
    done:
      back_squat: 5@130 5@160 5@190 5@225 3@260 8@190
      bench_press: 5@95 5@120 5@145 5@165 3@195 8@145
      barbell_row: 5@80 5@100 5@120 5@140 3@165 8@120
  - date: "2027-01-18"
    note: bench press top set one rep short
    done:
      back_squat: 5@130 5@165 5@195 5@230 5@260
      bench_press: 5@100 5@120 5@145 5@170 4@195
      barbell_row: 5@85 5@105 5@125 5@145 5@165
  - date: "2027-01-20"
    done:
      back_squat: 5@130 5@165 2x5@195
      incline_bench_press: 5@90 5@110 5@125 5@145
      deadlift: 5@180 5@215 5@250 5@285
  - date: "2027-01-22"
    done:
      back_squat: 5@130 5@165 5@195 5@230 3@265 8@195
      bench_press: 5@100 5@120 5@145 5@170 3@200 8@145
      barbell_row: 5@85 5@105 5@125 5@145 3@170 8@125
  - date: "2027-01-25"
    note: bench press missed again
    done:
      back_squat: 5@135 5@165 5@200 5@230 5@265
      bench_press: 5@100 5@120 5@145 5@170 3@195
      barbell_row: 5@85 5@105 5@130 5@150 5@170
  - date: "2027-01-27"
    note: deadlift top set, three reps
    done:
      back_squat: 5@135 5@165 2x5@200
      incline_bench_press: 5@95 5@115 5@130 5@150
      deadlift: 5@180 5@220 5@255 3@290
  - date: "2027-01-29"
    done:
      back_squat: 5@135 5@165 5@200 5@230 3@270 8@200
      bench_press: 5@100 5@120 5@145 5@170 3@200 8@145
      barbell_row: 5@85 5@105 5@130 5@150 3@175 8@130
  - date: "2027-02-01"
    note: squat top set, three reps
    done:
      back_squat: 5@135 5@170 5@205 5@235 3@270
      bench_press: 5@100 5@120 5@145 5@170 5@195
      barbell_row: 5@90 5@110 5@130 5@155 5@175
  - date: "2027-02-03"
    done:
      back_squat: 5@135 5@170 2x5@205
      incline_bench_press: 5@95 5@115 5@135 5@155
      deadlift: 5@180 5@220 5@255 5@290
  - date: "2027-02-05"
    done:
      back_squat: 5@135 5@170 5@205 5@235 3@275 8@205
      bench_press: 5@100 5@120 5@145 5@170 3@200 8@145
      barbell_row: 5@90 5@110 5@130 5@155 3@180 8@130
  - date: "2027-02-08"
    done:
      back_squat: 5@135 5@170 5@205 5@235 5@270
      bench_press: 5@100 5@125 5@150 5@175 5@200
      barbell_row: 5@90 5@115 5@135 5@160 5@180
  - date: "2027-02-10"
    done:
      back_squat: 5@135 5@170 2x5@205
      incline_bench_press: 5@100 5@120 5@140 5@160
      deadlift: 5@185 5@220 5@260 5@295
  - date: "2027-02-12"
    note: bench press triple, two reps
    done:
      back_squat: 5@135 5@170 5@205 5@235 3@275 8@205
      bench_press: 5@100 5@125 5@150 5@175 2@205 8@150
      barbell_row: 5@90 5@115 5@135 5@160 3@185 8@135
"""

# Ramp shares of each top set, rounded to 5 lb, halves up:
#   squat 250: 125, 156.25 -> 155, 187.5 -> 190, 218.75 -> 220
#   squat 255: 127.5 -> 130, 159.375 -> 160, 191.25 -> 190, 223.125 -> 225
#   squat 260: 130, 162.5 -> 165, 195, 227.5 -> 230
#   squat 265: 132.5 -> 135, 165.625 -> 165, 198.75 -> 200, 231.875 -> 230
#   squat 270: 135, 168.75 -> 170, 202.5 -> 205, 236.25 -> 235
#   squat 275: 137.5 -> 140, 171.875 -> 170, 206.25 -> 205, 240.625 -> 240
#   bench 185: 92.5 -> 95, 115.625 -> 115, 138.75 -> 140, 161.875 -> 160
#   bench 190: 95, 118.75 -> 120, 142.5 -> 145, 166.25 -> 165
#   bench 195: 97.5 -> 100, 121.875 -> 120, 146.25 -> 145, 170.625 -> 170
#   bench 200: 100, 125, 150, 175
#   bench 205: 102.5 -> 105, 128.125 -> 130, 153.75 -> 155, 179.375 -> 180
#   row 155: 77.5 -> 80, 96.875 -> 95, 116.25 -> 115, 135.625 -> 135
#   row 160: 80, 100, 120, 140
#   row 165: 82.5 -> 85, 103.125 -> 105, 123.75 -> 125, 144.375 -> 145
#   row 170: 85, 106.25 -> 105, 127.5 -> 130, 148.75 -> 150
#   row 175: 87.5 -> 90, 109.375 -> 110, 131.25 -> 130, 153.125 -> 155
#   row 180: 90, 112.5 -> 115, 135, 157.5 -> 160
#   row 185: 92.5 -> 95, 115.625 -> 115, 138.75 -> 140, 161.875 -> 160
# Wednesday's ramps at 62.5%, 75%, 87.5%:
#   incline 135: 84.375 -> 85, 101.25 -> 100, 118.125 -> 120
#   incline 140: 87.5 -> 90, 105, 122.5 -> 125
#   incline 145: 90.625 -> 90, 108.75 -> 110, 126.875 -> 125
#   incline 150: 93.75 -> 95, 112.5 -> 115, 131.25 -> 130
#   incline 155: 96.875 -> 95, 116.25 -> 115, 135.625 -> 135
#   incline 160: 100, 120, 140
#   incline 165: 103.125 -> 105, 123.75 -> 125, 144.375 -> 145
#   deadlift 275: 171.875 -> 170, 206.25 -> 205, 240.625 -> 240
#   deadlift 280: 175, 210, 245
#   deadlift 285: 178.125 -> 180, 213.75 -> 215, 249.375 -> 250
#   deadlift 290: 181.25 -> 180, 217.5 -> 220, 253.75 -> 255
#   deadlift 295: 184.375 -> 185, 221.25 -> 220, 258.125 -> 260
#   deadlift 300: 187.5 -> 190, 225, 262.5 -> 265
# Friday's triple, 102.5% of Monday's top set:
#   squat 250 -> 256.25 -> 255, 255 -> 261.375 -> 260, 260 -> 266.5 -> 265,
#         265 -> 271.625 -> 270, 270 -> 276.75 -> 275, 275 -> 281.875 -> 280
#   bench 185 -> 189.625 -> 190, 190 -> 194.75 -> 195, 195 -> 199.875 -> 200,
#         200 -> 205, 205 -> 210.125 -> 210
#   row 155 -> 158.875 -> 160, 160 -> 164 -> 165, 165 -> 169.125 -> 170,
#       170 -> 174.25 -> 175, 175 -> 179.375 -> 180, 180 -> 184.5 -> 185,
#       185 -> 189.625 -> 190
EXPECTED_AFTER_LOG = [
    # week 1: squat 250, bench 185, row 155, incline 135, deadlift 275
    "2027-01-04 heavy: back_squat 1x5@125, 1x5@155, 1x5@190, 1x5@220, 1x5@250 | "
    "bench_press 1x5@95, 1x5@115, 1x5@140, 1x5@160, 1x5@185 | "
    "barbell_row 1x5@80, 1x5@95, 1x5@115, 1x5@135, 1x5@155",
    "2027-01-06 light: back_squat 1x5@125, 1x5@155, 2x5@190 | "
    "incline_bench_press 1x5@85, 1x5@100, 1x5@120, 1x5@135 | "
    "deadlift 1x5@170, 1x5@205, 1x5@240, 1x5@275",
    "2027-01-08 medium: back_squat 1x5@125, 1x5@155, 1x5@190, 1x5@220, 1x3@255, 1x8@190 | "
    "bench_press 1x5@95, 1x5@115, 1x5@140, 1x5@160, 1x3@190, 1x8@140 | "
    "barbell_row 1x5@80, 1x5@95, 1x5@115, 1x5@135, 1x3@160, 1x8@115",
    # week 2: every top set + 5: squat 255, bench 190, row 160, incline 140, deadlift 280
    "2027-01-11 heavy: back_squat 1x5@130, 1x5@160, 1x5@190, 1x5@225, 1x5@255 | "
    "bench_press 1x5@95, 1x5@120, 1x5@145, 1x5@165, 1x5@190 | "
    "barbell_row 1x5@80, 1x5@100, 1x5@120, 1x5@140, 1x5@160",
    "2027-01-13 light: back_squat 1x5@130, 1x5@160, 2x5@190 | "
    "incline_bench_press 1x5@90, 1x5@105, 1x5@125, 1x5@140 | "
    "deadlift 1x5@175, 1x5@210, 1x5@245, 1x5@280",
    "2027-01-15 medium: back_squat 1x5@130, 1x5@160, 1x5@190, 1x5@225, 1x3@260, 1x8@190 | "
    "bench_press 1x5@95, 1x5@120, 1x5@145, 1x5@165, 1x3@195, 1x8@145 | "
    "barbell_row 1x5@80, 1x5@100, 1x5@120, 1x5@140, 1x3@165, 1x8@120",
    # week 3: squat 260, bench 195 (missed, 4 reps), row 165, incline 145, deadlift 285
    "2027-01-18 heavy: back_squat 1x5@130, 1x5@165, 1x5@195, 1x5@230, 1x5@260 | "
    "bench_press 1x5@100, 1x5@120, 1x5@145, 1x5@170, 1x5@195 | "
    "barbell_row 1x5@85, 1x5@105, 1x5@125, 1x5@145, 1x5@165",
    "2027-01-20 light: back_squat 1x5@130, 1x5@165, 2x5@195 | "
    "incline_bench_press 1x5@90, 1x5@110, 1x5@125, 1x5@145 | "
    "deadlift 1x5@180, 1x5@215, 1x5@250, 1x5@285",
    # Friday's bench press comes from Monday's planned 195, missed or not: triple 200
    "2027-01-22 medium: back_squat 1x5@130, 1x5@165, 1x5@195, 1x5@230, 1x3@265, 1x8@195 | "
    "bench_press 1x5@100, 1x5@120, 1x5@145, 1x5@170, 1x3@200, 1x8@145 | "
    "barbell_row 1x5@85, 1x5@105, 1x5@125, 1x5@145, 1x3@170, 1x8@125",
    # week 4: squat 265, bench 195 repeated (missed again, 3 reps), row 170,
    # incline 150, deadlift 290 (missed, 3 reps)
    "2027-01-25 heavy: back_squat 1x5@135, 1x5@165, 1x5@200, 1x5@230, 1x5@265 | "
    "bench_press 1x5@100, 1x5@120, 1x5@145, 1x5@170, 1x5@195 | "
    "barbell_row 1x5@85, 1x5@105, 1x5@130, 1x5@150, 1x5@170",
    "2027-01-27 light: back_squat 1x5@135, 1x5@165, 2x5@200 | "
    "incline_bench_press 1x5@95, 1x5@115, 1x5@130, 1x5@150 | "
    "deadlift 1x5@180, 1x5@220, 1x5@255, 1x5@290",
    # the bench press week repeated: the same triple (200) and 8 (145) as week 3
    "2027-01-29 medium: back_squat 1x5@135, 1x5@165, 1x5@200, 1x5@230, 1x3@270, 1x8@200 | "
    "bench_press 1x5@100, 1x5@120, 1x5@145, 1x5@170, 1x3@200, 1x8@145 | "
    "barbell_row 1x5@85, 1x5@105, 1x5@130, 1x5@150, 1x3@175, 1x8@130",
    # week 5: squat 270 (missed, 3 reps), bench 195 a third time (made), row 175,
    # incline 155, deadlift 290 repeated (made)
    "2027-02-01 heavy: back_squat 1x5@135, 1x5@170, 1x5@205, 1x5@235, 1x5@270 | "
    "bench_press 1x5@100, 1x5@120, 1x5@145, 1x5@170, 1x5@195 | "
    "barbell_row 1x5@90, 1x5@110, 1x5@130, 1x5@155, 1x5@175",
    "2027-02-03 light: back_squat 1x5@135, 1x5@170, 2x5@205 | "
    "incline_bench_press 1x5@95, 1x5@115, 1x5@135, 1x5@155 | "
    "deadlift 1x5@180, 1x5@220, 1x5@255, 1x5@290",
    "2027-02-05 medium: back_squat 1x5@135, 1x5@170, 1x5@205, 1x5@235, 1x3@275, 1x8@205 | "
    "bench_press 1x5@100, 1x5@120, 1x5@145, 1x5@170, 1x3@200, 1x8@145 | "
    "barbell_row 1x5@90, 1x5@110, 1x5@130, 1x5@155, 1x3@180, 1x8@130",
    # week 6: squat 270 repeated (made), bench 195 + 5 = 200, row 180, incline 160,
    # deadlift 290 + 5 = 295
    "2027-02-08 heavy: back_squat 1x5@135, 1x5@170, 1x5@205, 1x5@235, 1x5@270 | "
    "bench_press 1x5@100, 1x5@125, 1x5@150, 1x5@175, 1x5@200 | "
    "barbell_row 1x5@90, 1x5@115, 1x5@135, 1x5@160, 1x5@180",
    # the squat's Wednesday and Friday repeat week 5's, taken from Monday's 270 again
    "2027-02-10 light: back_squat 1x5@135, 1x5@170, 2x5@205 | "
    "incline_bench_press 1x5@100, 1x5@120, 1x5@140, 1x5@160 | "
    "deadlift 1x5@185, 1x5@220, 1x5@260, 1x5@295",
    "2027-02-12 medium: back_squat 1x5@135, 1x5@170, 1x5@205, 1x5@235, 1x3@275, 1x8@205 | "
    "bench_press 1x5@100, 1x5@125, 1x5@150, 1x5@175, 1x3@205, 1x8@150 | "
    "barbell_row 1x5@90, 1x5@115, 1x5@135, 1x5@160, 1x3@185, 1x8@135",
    # week 7, not logged: squat 270 + 5 = 275, bench 200 + 5 = 205 (the missed Friday
    # triple does not hold it: Madcow would repeat 200), row 185, incline 165,
    # deadlift 300
    "2027-02-15 heavy: back_squat 1x5@140, 1x5@170, 1x5@205, 1x5@240, 1x5@275 | "
    "bench_press 1x5@105, 1x5@130, 1x5@155, 1x5@180, 1x5@205 | "
    "barbell_row 1x5@95, 1x5@115, 1x5@140, 1x5@160, 1x5@185",
    "2027-02-17 light: back_squat 1x5@140, 1x5@170, 2x5@205 | "
    "incline_bench_press 1x5@105, 1x5@125, 1x5@145, 1x5@165 | "
    "deadlift 1x5@190, 1x5@225, 1x5@265, 1x5@300",
    "2027-02-19 medium: back_squat 1x5@140, 1x5@170, 1x5@205, 1x5@240, 1x3@280, 1x8@205 | "
    "bench_press 1x5@105, 1x5@130, 1x5@155, 1x5@180, 1x3@210, 1x8@155 | "
    "barbell_row 1x5@95, 1x5@115, 1x5@140, 1x5@160, 1x3@190, 1x8@140",
]

# The projection, weeks 11 and 12: squat 250 + 50 = 300 then 305, bench 235 then 240,
# row 205 then 210.
#   squat 300: 150, 187.5 -> 190, 225, 262.5 -> 265; triple 307.5 -> 310 (a tie, up):
#     5 lb over the next Monday's 305, where 102.5% stops rounding to the top set + 5
#   bench 235: 117.5 -> 120, 146.875 -> 145, 176.25 -> 175, 205.625 -> 205;
#     triple 240.875 -> 240
#   row 205: 102.5 -> 105, 128.125 -> 130, 153.75 -> 155, 179.375 -> 180;
#     triple 210.125 -> 210
#   squat 305: 152.5 -> 155, 190.625 -> 190, 228.75 -> 230, 266.875 -> 265
#   bench 240: 120, 150, 180, 210
#   row 210: 105, 131.25 -> 130, 157.5 -> 160, 183.75 -> 185
EXPECTED_PROJECTION_WEEK_11_FRIDAY_TO_WEEK_12_MONDAY = [
    "2027-03-19 medium: back_squat 1x5@150, 1x5@190, 1x5@225, 1x5@265, 1x3@310, 1x8@225 | "
    "bench_press 1x5@120, 1x5@145, 1x5@175, 1x5@205, 1x3@240, 1x8@175 | "
    "barbell_row 1x5@105, 1x5@130, 1x5@155, 1x5@180, 1x3@210, 1x8@155",
    "2027-03-22 heavy: back_squat 1x5@155, 1x5@190, 1x5@230, 1x5@265, 1x5@305 | "
    "bench_press 1x5@120, 1x5@150, 1x5@180, 1x5@210, 1x5@240 | "
    "barbell_row 1x5@105, 1x5@130, 1x5@160, 1x5@185, 1x5@210",
]


def test_six_weeks_of_log_re_plan_by_the_published_rules(tmp_path: Path) -> None:
    planned = planned_after(SPEC, LOG, tmp_path)
    assert len(planned) == 36  # 12 weeks x 3 sessions
    assert planned[: len(EXPECTED_AFTER_LOG)] == EXPECTED_AFTER_LOG


def test_the_projection_rises_5_lb_a_week(tmp_path: Path) -> None:
    planned = planned_after(SPEC, None, tmp_path)
    assert planned[:3] == EXPECTED_AFTER_LOG[:3]  # week 1 as planned before any log
    assert planned[32:34] == EXPECTED_PROJECTION_WEEK_11_FRIDAY_TO_WEEK_12_MONDAY
