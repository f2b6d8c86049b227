"""Rebuilds the review history of a jatta progress database as an Anki
collection (the `anki` package from PyPI), for comparing Anki's own
statistics with jatta's and for timing them on the same collection.

Each answer not undone becomes a revlog row (id = its time in ms, the
rating as the button, learn/review/relearn from the state before it, the
interval before it as lastIvl: whole days when a day or more, else minus
seconds as Anki writes learning steps); each card gets its current state
(review cards due on the same day offset, learning cards at their due
second, suspended and buried as Anki queues them). Run with TZ set: both
programs cut days at 4 a.m. in that zone.
"""
import math
import os
import sqlite3
import time

from anki.collection import AddNoteRequest, Collection

DAY = 86400


def jday(ms):
    """jatta's study day of a time in ms (local time, from 4 a.m.)."""
    secs = math.floor(ms / 1000)
    return (secs + time.localtime(secs).tm_gmtoff - 4 * 3600) // DAY


def interval(due, last):
    """Anki's way of writing an interval: days when a day or more, else minus seconds."""
    ms = due - last
    return math.floor(ms / 86400000 + 0.5) if ms >= 86400000 else -(ms // 1000)


def build(db_path, path, jatta_today, now_ms):
    """Writes the collection at `path` from the jatta store `db_path`, as of
    jatta's study day `jatta_today` and the moment `now_ms`; returns the
    number of revlog rows."""
    src = sqlite3.connect(db_path)
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
        if len(requests) == 5000:
            col.add_notes(requests)
            requests = []
    if requests:
        col.add_notes(requests)
    cids = col.db.list("select c.id from cards c join notes n on n.id = c.nid order by n.sfld")
    keys_sorted = sorted(k for k, *_ in cards)
    if len(cids) != len(keys_sorted):
        raise SystemExit("could not match Anki cards to jatta cards")
    cid_of = dict(zip(keys_sorted, cids))
    col.close()

    undone = {u for (u,) in src.execute("SELECT undoes FROM review_log WHERE undoes IS NOT NULL")}
    revlog, used, next_free = [], set(), {}
    for rid, key, at, rating, ms, b_state, b_due, b_last, a_due, a_last in src.execute(
            "SELECT id, key, at, rating, duration_ms, b_state, b_due, b_last_review, a_due, a_last_review "
            "FROM review_log WHERE kind IN ('study','quiz','override') ORDER BY id"):
        if rid in undone:
            continue
        kind = {None: 0, 1: 0, 2: 1, 3: 2}[b_state]
        last_ivl = 0 if b_state is None else interval(b_due, b_last)
        ivl = interval(a_due, a_last) if a_due is not None else 0
        # The smallest id from `at` on not yet used, as Anki's own ids are
        # unique; the search starts after the last one given for this `at`
        # (every id below it is used), so answers recorded at the same
        # moment cost no more each than the first (the benchmark's history
        # has 1,000,000 answers at 214 instants).
        anki_id = next_free.get(at, at)
        while anki_id in used:
            anki_id += 1
        used.add(anki_id)
        next_free[at] = anki_id + 1
        revlog.append((anki_id, cid_of[key], -1, rating, ivl, last_ivl, 0, min(ms or 0, 60000), kind))

    updates = []
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
    return len(revlog)
