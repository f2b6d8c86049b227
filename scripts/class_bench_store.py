"""Fills a jatta progress database (made by jatta, so its schema is jatta's)
with COUNT answers for the class benchmark: study answers over CARDS cards,
one in ten a quiz answer with a mark and a chosen option, in one
transaction. Only what `jatta sync` reads is written (the log, the card
registry, quiz answers); the benchmark measures the sync, not the store.

usage: class_bench_store.py DB COUNT CARDS SEED
"""
import random
import sqlite3
import sys

path, count, cards, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
db = sqlite3.connect(path)
start = 1_760_000_000_000
db.executemany(
    "INSERT OR IGNORE INTO card (key, deck_file, prompt, level, first_seen, answered) VALUES (?, 'bench.deck', ?, ?, 0, 1)",
    ((f"card-{c}", f"Сұрақ {c}", 1 + c % 3) for c in range(cards)))
for n in range(count):
    key = f"card-{rng.randrange(cards)}"
    quiz = n % 10 == 9
    rating = 1 if rng.random() < 0.15 else 3
    b_state = 2 if n > cards else None
    at = start + n * 60_000
    db.execute(
        """INSERT INTO review_log (key, deck_file, session, at, kind, rating, duration_ms, b_state, b_suspended,
               a_state, a_step, a_stability, a_difficulty, a_due, a_last_review, a_reps, a_lapses, a_suspended)
           VALUES (?, 'bench.deck', ?, ?, ?, ?, ?, ?, 0, ?, NULL, ?, ?, ?, ?, 1, 0, 0)""",
        (key, f"s{n // 50}", at, "quiz" if quiz else "study", rating, rng.randrange(20_000), b_state,
         2 if rating > 1 else 3, rng.uniform(0.5, 100), rng.uniform(1, 10), at + 86_400_000, at))
    if quiz:
        credit = 0.0 if rating == 1 else 1.0
        # An insert through the review_log view leaves lastrowid as it was.
        log_id = db.execute("SELECT max(id) FROM review").fetchone()[0]
        db.execute("INSERT INTO quiz_answer (log_id, credit, chosen) VALUES (?, ?, ?)",
                   (log_id, credit, None if credit else f"option {rng.randrange(3)}"))
db.commit()
