"""Recomputes every figure of `jatta stats --json` from the raw tables with
Python's own sqlite3 and arithmetic, sharing no code with jatta.

usage: stats_recompute.py DB STATS_JSON NOW_MS [KEYS_FILE]
With KEYS_FILE (one card key a line), only those cards and their answers
count: the figures of a `--level` or `--tag` filter.
Days start at 4 a.m. local time (TZ from the environment, as the C library
reads it); mature = interval (due - last review) of 21 days or more,
rounded half up; True Retention counts answers to cards in review state,
passed when the rating is above Again (Anki's definition); R is FSRS-6's
power forgetting curve with the default decay 0.1542 over the whole
scheduler days since the last review.
"""
import json
import math
import os
import sqlite3
import sys
import time

db_path, stats_path, now_ms = sys.argv[1], sys.argv[2], int(sys.argv[3])
only = set(open(sys.argv[4]).read().split()) if len(sys.argv) > 4 else None
stats = json.load(open(stats_path))["statistics"]
db = sqlite3.connect(db_path)
failures = []


def check(name, got, want, tol=0.0):
    if isinstance(want, float) or isinstance(got, float):
        ok = abs(got - want) <= tol * max(1.0, abs(want))
    else:
        ok = got == want
    if not ok:
        failures.append(f"{name}: jatta {got!r}, recomputed {want!r}")


def day(ms):
    secs = math.floor(ms / 1000)
    offset = time.localtime(secs).tm_gmtoff
    return (secs + offset - 4 * 3600) // 86400


today = day(now_ms)
check("today", stats["today"], today)

undone = {u for (u,) in db.execute("SELECT undoes FROM review_log WHERE undoes IS NOT NULL")}
answers = [
    r for r in db.execute(
        "SELECT id, key, at, rating, duration_ms, b_state, b_due, b_last_review, kind, session FROM review_log "
        "WHERE kind IN ('study','quiz','override') ORDER BY id")
    if r[0] not in undone and (only is None or r[1] in only)
]

# Today.
todays = [r for r in answers if day(r[2]) == today]
t = stats["studiedToday"]
check("studiedToday.answers", t["answers"], len(todays))
check("studiedToday.correct", t["correct"], sum(1 for r in todays if r[3] > 1))
check("studiedToday.cardsStudied", t["cardsStudied"], len({r[1] for r in todays}))
check("studiedToday.seconds", t["seconds"], sum((r[4] or 0) for r in todays) / 1000, 1e-9)
per_day = {}
for r in answers:
    per_day[day(r[2])] = per_day.get(day(r[2]), 0) + 1
streak, d = 0, (today if per_day.get(today) else today - 1)
while per_day.get(d):
    streak, d = streak + 1, d - 1
check("studiedToday.streakDays", t["streakDays"], streak)

# Calendar: 26 weeks ending today.
want_calendar = [(d, per_day.get(d, 0)) for d in range(today - 181, today + 1)]
check("calendar", [(c["day"], c["answers"]) for c in stats["calendar"]], want_calendar)
for c in stats["calendar"]:
    want_date = time.strftime("%Y-%m-%d", time.gmtime(c["day"] * 86400))
    check(f"calendar[{c['day']}].date", c["date"], want_date)


def is_mature(due, last):
    return math.floor((due - last) / 86400000 + 0.5) >= 21


# True Retention.
periods = {"today": lambda a: a == 0, "yesterday": lambda a: a == 1, "week": lambda a: a < 7,
           "month": lambda a: a < 30, "year": lambda a: a < 365, "all": lambda a: True}
for row in stats["trueRetention"]:
    within = periods[row["period"]]
    want = {"youngPassed": 0, "youngFailed": 0, "maturePassed": 0, "matureFailed": 0}
    for r in answers:
        reviewed = r[5] == 2 or (r[5] is not None and r[6] - r[7] >= 86400000)
        if not reviewed or not within(today - day(r[2])):
            continue
        group = "mature" if is_mature(r[6], r[7]) else "young"
        want[group + ("Passed" if r[3] > 1 else "Failed")] += 1
    for k, v in want.items():
        check(f"trueRetention.{row['period']}.{k}", row[k], v)
check("trueRetention periods", [r["period"] for r in stats["trueRetention"]], list(periods))

# Knowledge, future due, hardest.
decay = -0.1542
factor = 0.9 ** (1 / decay) - 1
cards = db.execute(
    "SELECT c.key, c.deck_file, c.level, s.state, s.stability, s.due, s.last_review, s.lapses, "
    "coalesce(s.suspended, 0), s.buried_until FROM card c LEFT JOIN card_state s ON s.key = c.key").fetchall()
cards = [c for c in cards if only is None or c[0] in only]
groups = {}
total = None
future_days, backlog, hard = [0] * 30, 0, []


def blank():
    return {"new": 0, "learning": 0, "young": 0, "mature": 0, "suspended": 0, "buried": 0, "total": 0,
            "known": 0.0, "aboveNinetyPercent": 0}


# jatta shows a stored deck file name relative to the current folder when
# the file is under it (docs/progress-store.md, "Deck file names").
here = os.path.realpath(os.getcwd()) + "/"


def shown(deck):
    return deck[len(here):] if deck.startswith(here) and len(deck) > len(here) else deck


total = blank()
for key, deck, level, state, stab, due, last, lapses, susp, buried in cards:
    deck = shown(deck)
    r = None
    if state is not None and stab is not None and last is not None:
        r = (1 + factor * max(0, today - day(last)) / stab) ** decay
    for k in (total, groups.setdefault((deck, level), blank())):
        k["total"] += 1
        if r is not None:
            k["known"] += r
            k["aboveNinetyPercent"] += r >= 0.9
        if susp:
            k["suspended"] += 1
        elif buried is not None and buried > now_ms:
            k["buried"] += 1
        elif state is None:
            k["new"] += 1
        elif state in (1, 3):
            k["learning"] += 1
        else:
            k["mature" if is_mature(due, last) else "young"] += 1
    if state is not None and not susp:
        offset = day(due) - today
        buried_now = buried is not None and buried > now_ms
        if buried_now and offset <= 0:
            pass
        elif offset < 0:
            backlog += 1
        elif offset < 30:
            future_days[offset] += 1
        hard.append((-lapses, r if r is not None else 0.0, key))


def compare_knowledge(name, got, want):
    for k, v in want.items():
        check(f"{name}.{k}", got[k], v, 1e-9 if isinstance(v, float) else 0.0)


compare_knowledge("knowledge", stats["knowledge"], total)
got_groups = {(g["deckFile"], g.get("level")): g["knowledge"] for g in stats["knowledgeGroups"]}
check("knowledgeGroups keys", sorted(got_groups, key=str), sorted(groups, key=str))
for g, want in groups.items():
    if g in got_groups:
        compare_knowledge(f"knowledgeGroups{g}", got_groups[g], want)
check("futureDue.backlog", stats["futureDue"]["backlog"], backlog)
check("futureDue.days", stats["futureDue"]["days"], future_days)
hard.sort()
check("hardest keys", [h["key"] for h in stats["hardest"]], [h[2] for h in hard[:10]])
for got, want in zip(stats["hardest"], hard[:10]):
    check(f"hardest[{want[2]}].lapses", got["lapses"], -want[0])
    check(f"hardest[{want[2]}].retrievability", got["retrievability"], want[1], 1e-12)

# Quizzes: per session, oldest first, and per level.
levels = dict(db.execute("SELECT key, level FROM card"))
sessions = {}
for r in answers:
    if r[8] != "quiz":
        continue
    s = sessions.setdefault(r[9] or "", {"start": r[2], "answers": 0, "correct": 0, "levels": {}})
    s["start"] = min(s["start"], r[2])
    s["answers"] += 1
    s["correct"] += r[3] > 1
    lv = s["levels"].setdefault(levels.get(r[1]), [0, 0])
    lv[0] += 1
    lv[1] += r[3] > 1
want_quizzes = sorted(sessions.items(), key=lambda kv: kv[1]["start"])
check("quizzes sessions", [q["session"] for q in stats["quizzes"]], [k for k, _ in want_quizzes])
for got, (name, want) in zip(stats["quizzes"], want_quizzes):
    check(f"quiz {name} answers", got["answers"], want["answers"])
    check(f"quiz {name} correct", got["correct"], want["correct"])
    check(f"quiz {name} levels",
          sorted((l.get("level") or 0, l["answers"], l["correct"]) for l in got["levels"]),
          sorted((lv or 0, a, c) for lv, (a, c) in want["levels"].items()))

if failures:
    print("\n".join(failures[:40]))
    print(f"{len(failures)} figures differ")
    sys.exit(1)
print(f"ok: {len(answers)} answers, {len(cards)} cards, {len(sessions)} quizzes; every figure recomputed")
