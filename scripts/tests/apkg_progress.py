"""Imports a package exported with --with-progress into a fresh Anki
collection (anki from PyPI) with scheduling, and checks each card against
the student's progress as `jatta history --json` reports it: Anki's state
and queue (suspended cards stay suspended), its FSRS memory state
(stability and difficulty), its interval, its due day, and one review-log
row per answer that was not undone.

Anki counts days, jatta seconds: a due time is checked to the day Anki
gives it, within one day (the day boundary is Anki's rollover hour in the
importing collection, which the package cannot know).

usage: apkg_progress.py COLLECTION PACKAGE HISTORY.json KEYS
"""
import json
import sys
import time
from datetime import datetime

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

collection_path, package, history_path, keys_path = sys.argv[1:5]
history = json.load(open(history_path, encoding="utf-8"))
keys = [k for k in open(keys_path, encoding="utf-8").read().split("\n") if k]
problems = []


def ts(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


current, answers = {}, {}
for entry in history:  # newest first
    current.setdefault(entry["card"], entry["after"])
    if entry["kind"] in ("study", "quiz", "override") and entry.get("undoneBy") is None:
        answers[entry["card"]] = answers.get(entry["card"], 0) + 1

col = Collection(collection_path)
col.import_anki_package(ImportAnkiPackageRequest(
    package_path=package, options=ImportAnkiPackageOptions(with_scheduling=True)))
guids = dict(col.db.all("SELECT guid, id FROM notes"))
today = col.sched.today
checked = 0
for key in keys:
    card_id, _, face = key.partition("/")
    nid = guids.get("jatta:" + card_id)
    if nid is None:
        problems.append(f"{key}: no note")
        continue
    ords = col.db.list("SELECT id FROM cards WHERE nid = ? ORDER BY ord", nid)
    card = col.get_card(ords[1 if face == "reverse" else 0])
    state = current.get(key)
    if state is None or state.get("state") is None:
        if card.type != 0:
            problems.append(f"{key}: never answered in jatta, type {card.type} in Anki")
        continue
    checked += 1
    expected_type = {"learning": 1, "review": 2, "relearning": 3}[state["state"]]
    if card.type != expected_type:
        problems.append(f"{key}: Anki type {card.type}, jatta {state['state']}")
    if state["suspended"] != (card.queue == -1):
        problems.append(f"{key}: suspended {state['suspended']} in jatta, queue {card.queue} in Anki")
    memory = card.memory_state
    if memory is None:
        problems.append(f"{key}: no FSRS memory state in Anki")
    else:
        if abs(memory.stability - state["stability"]) > 1e-4 * max(1, state["stability"]):
            problems.append(f"{key}: stability {memory.stability} in Anki, {state['stability']} in jatta")
        if abs(memory.difficulty - state["difficulty"]) > 1e-3:
            problems.append(f"{key}: difficulty {memory.difficulty} in Anki, {state['difficulty']} in jatta")
    due, last = ts(state["due"]), ts(state["lastReview"])
    if expected_type == 2:
        ivl = max(1, round((due - last) / 86400))
        if card.ivl != ivl:
            problems.append(f"{key}: interval {card.ivl} in Anki, {ivl} days in jatta")
        days = (due - time.time()) / 86400
        if abs((card.due - today) - days) > 1:
            problems.append(f"{key}: due in {card.due - today} days in Anki, {days:.2f} in jatta")
    else:
        if abs(card.due - due) > 1:
            problems.append(f"{key}: due at {card.due} in Anki, {due} in jatta")
    rows = col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", card.id)
    if rows != answers.get(key, 0):
        problems.append(f"{key}: {rows} review-log rows in Anki, {answers.get(key, 0)} answers in jatta")
col.close()
for p in problems[:20]:
    print("apkg-progress:", p, file=sys.stderr)
if problems or checked == 0:
    print(f"apkg-progress: {len(problems)} problems, {checked} cards with progress", file=sys.stderr)
    sys.exit(1)
print(f"apkg-progress: {checked} cards' schedules equal in Anki")
