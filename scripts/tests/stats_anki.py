"""Builds the review history of a jatta progress database in Anki (the
`anki` package from PyPI) and compares Anki's own statistics with
`jatta stats --json`, day for day: the Future Due counts (next 30 days
and the backlog) and the True Retention table (`col._backend.graphs`).

usage: stats_anki.py DB STATS_JSON
Each answer not undone becomes a revlog row (id = its time in ms, the
rating as the button, learn/review/relearn from the state before it, the
interval before it as lastIvl: whole days when a day or more, else minus
seconds as Anki writes learning steps); each card gets its current state
(review cards due on the same day offset, learning cards at their due
second, suspended and buried as Anki queues them). Run with TZ set: both
programs cut days at 4 a.m. in that zone.
"""
import json
import math
import os
import sqlite3
import sys
import tempfile

from anki.collection import AddNoteRequest, Collection

DAY = 86400
db_path, stats_path = sys.argv[1], sys.argv[2]
stats = json.load(open(stats_path))["statistics"]
jatta_today = stats["today"]
src = sqlite3.connect(db_path)

tmp = tempfile.mkdtemp(prefix="jatta-anki-")
path = os.path.join(tmp, "collection.anki2")
col = Collection(path)
col.db.execute("update col set crt = ?", col.crt - 800 * DAY)
col.close()
col = Collection(path)
anki_today = col.sched.today
model = col.models.by_name("Basic")
did = col.decks.id("jatta")
cards = src.execute(
    "SELECT c.key, s.state, s.due, s.last_review, coalesce(s.suspended, 0), s.buried_until, s.lapses, s.reps "
    "FROM card c LEFT JOIN card_state s ON s.key = c.key ORDER BY c.key").fetchall()
requests = []
for key, *_ in cards:
    note = col.new_note(model)
    note["Front"], note["Back"] = key, key
    requests.append(AddNoteRequest(note, did))
col.add_notes(requests)
cids = col.db.list("select c.id from cards c join notes n on n.id = c.nid order by n.sfld")
keys_sorted = sorted(k for k, *_ in cards)
cid_of = dict(zip(keys_sorted, cids)) if len(cids) == len(keys_sorted) else None
if cid_of is None:
    sys.exit("could not match Anki cards to jatta cards")
col.close()


def jday(ms):
    secs = math.floor(ms / 1000)
    import time
    return (secs + time.localtime(secs).tm_gmtoff - 4 * 3600) // DAY


def interval(due, last):
    """Anki's way of writing an interval: days when a day or more, else minus seconds."""
    ms = due - last
    return math.floor(ms / 86400000 + 0.5) if ms >= 86400000 else -(ms // 1000)


undone = {u for (u,) in src.execute("SELECT undoes FROM review_log WHERE undoes IS NOT NULL")}
revlog, used = [], set()
for rid, key, at, rating, ms, b_state, b_due, b_last, a_due, a_last in src.execute(
        "SELECT id, key, at, rating, duration_ms, b_state, b_due, b_last_review, a_due, a_last_review "
        "FROM review_log WHERE kind IN ('study','quiz','override') ORDER BY id"):
    if rid in undone:
        continue
    kind = {None: 0, 1: 0, 2: 1, 3: 2}[b_state]
    last_ivl = 0 if b_state is None else interval(b_due, b_last)
    ivl = interval(a_due, a_last) if a_due is not None else 0
    anki_id = at
    while anki_id in used:
        anki_id += 1
    used.add(anki_id)
    revlog.append((anki_id, cid_of[key], -1, rating, ivl, last_ivl, 0, min(ms or 0, 60000), kind))

updates = []
from datetime import datetime
now_ms = int(datetime.fromisoformat(stats["now"].replace("Z", "+00:00")).timestamp() * 1000)
for key, state, due, last, susp, buried, lapses, reps in cards:
    if state is None:
        continue
    if state == 2:
        ctype, queue, anki_due = 2, 2, anki_today + (jday(due) - jatta_today)
    else:
        ctype, queue, anki_due = (1 if state == 1 else 3), 1, due // 1000
    if susp:
        queue = -1
    elif buried is not None and buried > now_ms:  # buried now, not a burial that has run out
        queue = -3
    updates.append((ctype, queue, anki_due, max(1, interval(due, last)) if state == 2 else 0, lapses or 0,
                    reps or 0, cid_of[key]))
con = sqlite3.connect(path)
with con:
    con.executemany("insert into revlog (id,cid,usn,ease,ivl,lastIvl,factor,time,type) values (?,?,?,?,?,?,?,?,?)",
                    revlog)
    con.executemany("update cards set type=?, queue=?, due=?, ivl=?, lapses=?, reps=?, left=0 where id=?", updates)
con.close()

col = Collection(path)
graphs = col._backend.graphs(search="", days=365)
# `days` also limits the revlog the graphs read, so Anki's "all time" row
# covers all time only when asked for every day (days=0).
whole = col._backend.graphs(search="", days=0).true_retention
failures = []
tr = graphs.true_retention
for row, name in zip(stats["trueRetention"], ["today", "yesterday", "week", "month", "year", "all_time"]):
    anki = getattr(whole if name == "all_time" else tr, name)
    for field, anki_field in [("youngPassed", "young_passed"), ("youngFailed", "young_failed"),
                              ("maturePassed", "mature_passed"), ("matureFailed", "mature_failed")]:
        if row[field] != getattr(anki, anki_field):
            failures.append(f"true retention {name} {field}: jatta {row[field]}, Anki {getattr(anki, anki_field)}")
due = dict(graphs.future_due.future_due)
for d in range(30):
    if stats["futureDue"]["days"][d] != due.get(d, 0):
        failures.append(f"future due day {d}: jatta {stats['futureDue']['days'][d]}, Anki {due.get(d, 0)}")
backlog = sum(v for d, v in due.items() if d < 0)
if stats["futureDue"]["backlog"] != backlog:
    failures.append(f"backlog: jatta {stats['futureDue']['backlog']}, Anki {backlog}")
col.close()
if failures:
    print("\n".join(failures[:40]))
    sys.exit(1)
all_time = whole.all_time
print(f"ok: {len(revlog)} revlog rows; True Retention all time young {all_time.young_passed}/{all_time.young_failed}, "
      f"mature {all_time.mature_passed}/{all_time.mature_failed}; future due {sum(stats['futureDue']['days'])} in 30 days, "
      f"backlog {backlog} — equal in Anki")
