#!/usr/bin/env python3
"""End-to-end check of `jatta optimize` on a real progress database.

Simulates a student (the simulation of optimizer_compare.py), writes their
answers into a jatta progress database as study answers, at evening times
that often fall after midnight but before the 4 a.m. rollover (so a
calendar-day count would be wrong), plus entries that must not count: an
answer later undone, and a quiz answer given the same day that did not
reschedule the card. Then runs the real binary and checks:

  * the review count is the number of counted answers;
  * jatta's log loss and RMSE(bins) of the defaults and of the new
    parameters equal fsrs-rs's `evaluate` on the same items to 1e-4;
  * the new parameters beat the defaults, are stored, and a second run
    reports them as current; --dry-run stores nothing; --reset goes back
    to the defaults.

  python3 optimize_db.py --jatta PATH [--reviews 3000] [--seed 11]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fsrs_rs_python as rs  # noqa: E402

from optimizer_compare import DEFAULT, rs_items, simulate, true_params  # noqa: E402

ZONE = "Asia/Almaty"
FAILURES: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def jatta(binary, db, *args):
    env = dict(os.environ, TZ=ZONE, JATTA_LANG="en")
    out = subprocess.run([binary, "optimize", "--db", db, *args], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"jatta optimize {' '.join(args)} failed ({out.returncode}): {out.stderr}")
    return out.stdout


def write_log(db, cards, rng):
    """Study answers at 21:00 + 0-6 h local on each scheduler day."""
    zone = ZoneInfo(ZONE)
    base = datetime(2024, 1, 1, 21, 0, tzinfo=zone)
    con = sqlite3.connect(db)
    rows = []
    items = []  # (time, card, [(rating, delta_t), ...]) for every review a day or more later
    for ci, hist in enumerate(cards):
        key = f"card-{ci:05d}"
        prev_at = None
        last_day = None
        minute = 0
        reviews = []
        for day, g in hist:
            minute = minute + 10 if day == last_day else rng.randrange(0, 6 * 60)
            at = int((base + timedelta(days=day, minutes=minute)).timestamp() * 1000)
            rows.append((key, at, "study", g, None if prev_at is None else 2, at))
            delta = 0 if last_day is None else day - last_day
            reviews.append((g, delta))
            if delta > 0:
                items.append((at, ci, list(reviews)))
            prev_at, last_day = at, day
        # A quiz the same day as the last answer: practice, no rescheduling.
        if ci % 7 == 0:
            rows.append((key, prev_at + 60_000, "quiz", 1, 2, prev_at))
    for key, at, kind, g, b_state, a_last in rows:
        con.execute(
            "INSERT INTO review_log (key, deck_file, at, kind, rating, b_state, b_suspended, "
            "a_state, a_last_review, a_suspended) VALUES (?, 'deck.md', ?, ?, ?, ?, 0, 2, ?, 0)",
            (key, at, kind, g, b_state, a_last))
    # An answer that was undone: must not count.
    con.execute(
        "INSERT INTO review_log (key, deck_file, at, kind, rating, b_state, b_suspended, a_state, "
        "a_last_review, a_suspended) VALUES ('card-00000', 'deck.md', ?, 'study', 1, 2, 0, 2, ?, 0)",
        (rows[-1][1] + 10**9, rows[-1][1] + 10**9))
    # review_log is a view (the compact log): an insert through it leaves
    # lastrowid as it was, so the new row's id is asked for.
    undone = con.execute("SELECT max(id) FROM review_log").fetchone()[0]
    con.execute(
        "INSERT INTO review_log (key, deck_file, at, kind, undoes, b_suspended, a_suspended) "
        "VALUES ('card-00000', 'deck.md', ?, 'undo', ?, 0, 0)", (rows[-1][1] + 10**9 + 1, undone))
    con.commit()
    con.close()
    items.sort(key=lambda x: (x[0], x[1]))
    return sum(len(h) for h in cards), [x[2] for x in items]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jatta", required=True)
    ap.add_argument("--reviews", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    rng = random.Random(f"optimize-db:{a.seed}")
    true_w = true_params(rng, 0.3)
    cards, _ = simulate(rng, true_w, a.reviews)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "progress.sqlite")
        jatta(a.jatta, db, "--dry-run")
        check(not os.path.exists(db), "no database: nothing fitted and no file made")
        jatta(a.jatta, db, "--retention", "0.85")  # creates the database and its schema
        con = sqlite3.connect(db)
        retention = con.execute("SELECT value FROM student_setting WHERE name = 'desired_retention'").fetchone()
        con.close()
        check(retention == ("0.85",), f"--retention stored {retention}")
        counted, by_time = write_log(db, cards, rng)
        report = json.loads(jatta(a.jatta, db, "--json"))
        check(report["reviews"] == counted, f"counted reviews {report['reviews']} == {counted} study answers")
        items = rs_items(by_time)
        check(report["items"] == len(items), f"items {report['items']} == {len(items)}")
        for name, params, ev in (("defaults", DEFAULT, report["current"]["evaluation"]),
                                 ("new", report["new"]["parameters"], report["new"]["evaluation"])):
            ref = rs.FSRS(params).evaluate(items)
            gap = max(abs(ref.log_loss - ev["log_loss"]), abs(ref.rmse_bins - ev["rmse_bins"]))
            check(gap < 1e-4, f"{name}: jatta {ev['log_loss']:.5f}/{ev['rmse_bins']:.5f} = fsrs-rs "
                              f"{ref.log_loss:.5f}/{ref.rmse_bins:.5f} (gap {gap:.1e})")
        check(report["outcome"] == "trained", f"outcome {report['outcome']} is trained")
        check(report["better"] and report["stored"], "new parameters better than the defaults and stored")
        con = sqlite3.connect(db)
        stored = json.loads(con.execute("SELECT parameters FROM fsrs_parameters ORDER BY id DESC").fetchone()[0])
        check(stored == report["new"]["parameters"], "stored parameters are the new ones")
        again = json.loads(jatta(a.jatta, db, "--json", "--dry-run"))
        check(not again["current"]["defaults"] and again["current"]["parameters"] == stored,
              "a second run starts from the stored parameters")
        # The figures sum the bins of RMSE(bins) in a fixed order: each run
        # hashes with another seed, and a dictionary's order changed their
        # last digits from run to run.
        runs = {jatta(a.jatta, db, "--json", "--dry-run") for _ in range(6)}
        check(len(runs) == 1, f"the same figures at every run ({len(runs)} distinct outputs in 6 runs)")
        rows = con.execute("SELECT count(*) FROM fsrs_parameters").fetchone()[0]
        check(rows == 1 and not again["stored"], "--dry-run stored nothing")
        text = jatta(a.jatta, db)
        check("current (fitted)" in text and "log loss" in text, "text output names the current fitted parameters")
        bad = subprocess.run([a.jatta, "optimize", "--db", db, "--reset", "--retention", "0.8"],
                             capture_output=True, text=True)
        check(bad.returncode == 64 and "cannot be used together" in bad.stderr,
              f"--reset with --retention refused ({bad.returncode})")
        for value in ("1.5", "abc"):
            bad = subprocess.run([a.jatta, "optimize", "--db", db, "--retention", value],
                                 capture_output=True, text=True)
            check(bad.returncode == 64, f"--retention {value} refused ({bad.returncode})")
        jatta(a.jatta, db, "--reset")
        after = json.loads(jatta(a.jatta, db, "--json", "--dry-run"))
        check(after["current"]["defaults"], "--reset goes back to the defaults")
        con.close()
    if FAILURES:
        sys.exit(1)


if __name__ == "__main__":
    main()
