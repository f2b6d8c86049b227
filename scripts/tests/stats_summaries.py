"""Checks the statistics' kept summaries (answer_slot, quiz_summary) against
a recomputation from the raw review_log rows with Python's own arithmetic,
sharing no code with jatta.

usage: stats_summaries.py DB
answer_slot: per quarter hour (at // 900000), deck file and group of the
card (the card_group row of its deck file and level in the registry, 0 when
it is not registered; without a grp column, as before stats-2, per quarter
hour and deck file), the study, quiz
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

grouped = "grp" in [c[1] for c in db.execute("PRAGMA table_info(answer_slot)")]
group_ids = {}
card_group = {}
if grouped:
    group_ids = {(deck, level_key): gid for gid, deck, level_key in db.execute(
        "SELECT id, deck_file, level_key FROM card_group")}
    card_group = {key: group_ids[(deck, "" if level is None else level)]
                  for key, deck, level in db.execute("SELECT key, deck_file, level FROM card")}

slots = {}
quizzes = {}
for _id, key, deck, session, at, kind, rating, duration, b_state, b_due, b_last in rows:
    s = slots.setdefault((at // 900000, deck, card_group.get(key, 0)) if grouped else (at // 900000, deck), [0] * 7)
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

width = 3 if grouped else 2
kept_slots = {tuple(r[:width]): list(r[width:]) for r in db.execute(
    f"SELECT slot, deck_file, {'grp, ' if grouped else ''}answers, correct, duration_ms, young_passed, young_failed, "
    "mature_passed, mature_failed FROM answer_slot")}
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
print(f"ok: {len(slots)} rows of quarter hour, deck file{' and group' if grouped else ''}, {len(quizzes)} quiz cards; the summaries equal the log "
      f"({len(rows)} answers, {len(undone)} undone)")
