"""Checks the groups the store keeps for the home screen's counts and the
statistics (card_group, and card_state.grp: each state row's group) against
the registry (card) and the states (card_state), matched and counted with
Python's own dictionaries, sharing no code with jatta.

usage: kept_groups.py DB
card_group: per deck file and level (level_key: the level, or '' for none),
how many cards are registered and how many of those were answered.
card_state.grp: the group of the state row's registered card; none when the
card is not registered.
"""
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
registry = {key: ((deck, "" if level is None else level), answered)
            for key, deck, level, answered in db.execute("SELECT key, deck_file, level, answered FROM card")}
expected_counts = {}
for pair, answered in registry.values():
    total, done = expected_counts.get(pair, (0, 0))
    expected_counts[pair] = (total + 1, done + (1 if answered else 0))

groups = {gid: (deck, level) for gid, deck, level in db.execute("SELECT id, deck_file, level_key FROM card_group")}
if len(set(groups.values())) != len(groups):
    print("a deck file and level is numbered twice")
    sys.exit(1)
kept_counts = {(deck, level): (total, answered) for deck, level, total, answered in db.execute(
    "SELECT deck_file, level_key, total, answered FROM card_group") if (total, answered) != (0, 0)}
bad = [f"group {p}: kept {kept_counts.get(p)} (cards, answered), registry {expected_counts.get(p)}"
       for p in set(expected_counts) | set(kept_counts) if kept_counts.get(p) != expected_counts.get(p)]
states = 0
for key, grp in db.execute("SELECT key, grp FROM card_state"):
    states += 1
    expected = registry[key][0] if key in registry else None
    kept = groups.get(grp, ("?", grp)) if grp is not None else None
    if kept != expected:
        bad.append(f"card {key}: state row's group {kept}, registry {expected}")
if bad:
    print("\n".join(sorted(bad)[:20]))
    print(f"{len(bad)} kept groups or state rows differ from the registry")
    sys.exit(1)
print(f"ok: {states} state rows, {len(expected_counts)} deck files and levels; "
      "the kept groups equal the registry and the states")
