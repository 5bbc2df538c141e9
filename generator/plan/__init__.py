"""Planning: from a typed program (and its training log) to every dated session.

- expand: `expand()`, the walk over the weeks, one session and exercise at a time
- calendar: the weeks laid out (training days, labels in turn, skipped dates moved or
  dropped) and the dates once the log is read (shifted sessions)
- matching: which planned session a log entry is, for the planner and the log checker
- state: the week being planned, and the progression carried from week to week
- prescription: what a prescription states for a week (load, sets, reps; linear and
  undulating models)
- progression: steps fired as their clocks come round; learning: what the log teaches
- targets: a session's values once progression is applied
- sets: work sets, warm-ups and intensity techniques; waves: the wave model's sets
- rounding: the loads the equipment makes, and the heaviest a plan may hold
- summary: the week's hard sets, tonnage and intensity
- shift: the `on_missed: shift` rule; maths: training maths (plates, RPE, 1RM)
- values: the plan's value types; planned_vs_done: planned against logged, week by week
"""
