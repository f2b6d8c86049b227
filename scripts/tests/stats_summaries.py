"""Checks the statistics' kept summaries (answer_slot, quiz_summary) against
a recomputation from the raw review_log rows with Python's own arithmetic,
sharing no code with jatta.

usage: stats_summaries.py DB
answer_slot: per quarter hour (at // 900000) and deck file, the study, quiz
and override answers not undone: count, rated above Again, milliseconds,
and the True Retention counts (reviewed: the card was in review or its
interval before the answer was a day or more; mature: that interval rounds
to 21 days or more). quiz_summary: per session ('' for none), card and deck
file, the quiz answers not undone, those right, the first one's time.
"""
import math
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
undone = {u for (u,) in db.execute("SELECT undoes FROM review_log WHERE undoes IS NOT NULL")}
rows = [r for r in db.execute(
    "SELECT id, key, deck_file, session, at, kind, rating, duration_ms, b_state, b_due, b_last_review "
    "FROM review_log WHERE kind IN ('study', 'quiz', 'override')") if r[0] not in undone]

slots = {}
quizzes = {}
for _id, key, deck, session, at, kind, rating, duration, b_state, b_due, b_last in rows:
    s = slots.setdefault((at // 900000, deck), [0] * 7)
    s[0] += 1
    s[1] += rating > 1
    s[2] += duration or 0
    interval = None if b_due is None or b_last is None else b_due - b_last
    reviewed = b_state == 2 or (interval is not None and interval >= 86400000)
    if reviewed:
        mature = interval is not None and math.floor(interval / 86400000 + 0.5) >= 21
        s[(5 if mature else 3) + (0 if rating > 1 else 1)] += 1
    if kind == "quiz":
        q = quizzes.setdefault((session or "", key, deck), [at, 0, 0])
        q[0] = min(q[0], at)
        q[1] += 1
        q[2] += rating > 1

kept_slots = {(r[0], r[1]): list(r[2:]) for r in db.execute(
    "SELECT slot, deck_file, answers, correct, duration_ms, young_passed, young_failed, mature_passed, mature_failed "
    "FROM answer_slot")}
kept_quizzes = {(r[0], r[1], r[2]): list(r[3:]) for r in db.execute(
    "SELECT session, key, deck_file, first_at, answers, correct FROM quiz_summary")}
bad = [f"slot {k}: kept {kept_slots.get(k)}, log {slots.get(k)}"
       for k in set(slots) | set(kept_slots) if kept_slots.get(k) != slots.get(k)]
bad += [f"quiz {k}: kept {kept_quizzes.get(k)}, log {quizzes.get(k)}"
        for k in set(quizzes) | set(kept_quizzes) if kept_quizzes.get(k) != quizzes.get(k)]
if bad:
    print("\n".join(sorted(bad)[:20]))
    print(f"{len(bad)} summary rows differ from the log")
    sys.exit(1)
print(f"ok: {len(slots)} quarter hours, {len(quizzes)} quiz cards; the summaries equal the log "
      f"({len(rows)} answers, {len(undone)} undone)")
