"""Checks the statistics' kept copy of the registry (stats_card, stats_group)
against the registry (card) and the states (card_state), matched and counted
with Python's own dictionaries, sharing no code with jatta.

usage: stats_card_summary.py DB
stats_card: one row per registered card that has a state row, with the
number of its deck file and level and the state's ten progress columns.
stats_group: per deck file and level, how many cards are registered.
"""
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
columns = "state, step, stability, difficulty, due, last_review, reps, lapses, suspended, buried_until"
registry = {key: (deck, level) for key, deck, level in db.execute("SELECT key, deck_file, level FROM card")}
states = {r[0]: tuple(r[1:]) for r in db.execute(f"SELECT key, {columns} FROM card_state")}
expected = {key: registry[key] + state for key, state in states.items() if key in registry}
counts = {}
for pair in registry.values():
    counts[pair] = counts.get(pair, 0) + 1

pairs = {gid: (deck, level) for gid, deck, level in db.execute("SELECT id, deck_file, level FROM stats_group")}
if len(set(pairs.values())) != len(pairs):
    print("a deck file and level is numbered twice")
    sys.exit(1)
kept = {r[0]: pairs.get(r[1], ("?", r[1])) + tuple(r[2:]) for r in db.execute(f"SELECT key, grp, {columns} FROM stats_card")}
kept_counts = {(deck, level): cards for deck, level, cards in db.execute(
    "SELECT deck_file, level, cards FROM stats_group") if cards != 0}
bad = [f"card {k}: kept {kept.get(k)}, registry and state {expected.get(k)}"
       for k in set(expected) | set(kept) if kept.get(k) != expected.get(k)]
bad += [f"pair {p}: kept {kept_counts.get(p)} cards, registry {counts.get(p)}"
        for p in set(counts) | set(kept_counts) if kept_counts.get(p) != counts.get(p)]
if bad:
    print("\n".join(sorted(bad)[:20]))
    print(f"{len(bad)} rows of the statistics' copy of the registry differ")
    sys.exit(1)
print(f"ok: {len(kept)} cards with a state, {len(counts)} deck files and levels; "
      f"the statistics' copy equals the registry and the states")
