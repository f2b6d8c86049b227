#!/usr/bin/env bash
# `jatta stats --json` checked by an outsider: a history of a year and a
# half (study and quiz answers, undos, suspensions) is recorded through the
# binary, then every figure of the JSON is recomputed from the raw tables
# by scripts/tests/stats_recompute.py (Python's sqlite3, no jatta code), in
# a time zone 5 hours east of UTC so that days start at 4 a.m. local time;
# the summaries the store keeps are checked against the log the same way
# (scripts/tests/stats_summaries.py), and its groups of deck file and level
# against the registry and the states (scripts/tests/kept_groups.py), also
# after the migrations build them.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages python3 tzdata || { echo "FAIL: python3 is needed" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/progress.sqlite"
export TZ=Etc/GMT-5  # five hours east of Greenwich, as Almaty (the sign is inverted)
now=$(( $(date +%s) * 1000 ))
day=86400000
# 4,000 study answers over 550 days, then 1,000 in the last 20 days (so
# today, yesterday and the week have reviews), then three quizzes.
"$JATTA" debug answer-loop --db "$db" --seed 7 --cards 300 --count 4000 \
    --start $((now - 550 * day)) --step $((530 * day / 4000)) --undo-every 37 --suspend-every 211 >/dev/null
"$JATTA" debug answer-loop --db "$db" --seed 8 --cards 300 --count 1000 \
    --start $((now - 20 * day)) --step $((20 * day / 1000 - 1000)) --undo-every 41 >/dev/null
for q in 1 2 3; do
    "$JATTA" debug answer-loop --db "$db" --seed $((20 + q)) --cards 300 --count 25 --kind quiz --session "quiz-$q" \
        --start $((now - (4 - q) * day)) --step 30000 --undo-every 9 >/dev/null
done
for at in "$now" $((now - 3 * 3600 * 1000)) $((now + 2 * day)); do
    "$JATTA" stats --db "$db" --json --at "$at" >"$work/stats.json"
    python3 scripts/tests/stats_recompute.py "$db" "$work/stats.json" "$at"
done
# The summaries the store keeps with every answer and undo equal the log,
# recomputed independently; and a store recorded before they existed (the
# same file with the tables and their migration taken out) gets them built
# by the migration, with the same figures.
python3 scripts/tests/stats_summaries.py "$db"
python3 scripts/tests/kept_groups.py "$db"
python3 - "$db" "$work/old.sqlite" <<'PY2'
import sqlite3, sys
src, dst = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
src.backup(dst)
# The registry as a table with the deck file and level on every row again
# (before store-3-grouped-registry); the triggers the older layouts had on
# it are dropped below with the summaries and the groups.
dst.executescript("""CREATE TEMP TABLE first_layout_rows AS
        SELECT key, deck_file, prompt, level, first_seen, answered FROM card;
    DROP VIEW card; DROP TABLE registry;
    CREATE TABLE card (key TEXT NOT NULL PRIMARY KEY, deck_file TEXT NOT NULL, prompt TEXT NOT NULL,
        level INTEGER, first_seen INTEGER NOT NULL, answered INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
    INSERT INTO card SELECT * FROM temp.first_layout_rows; DROP TABLE temp.first_layout_rows;
    CREATE INDEX card_by_deck ON card(deck_file, level, answered);
    CREATE INDEX card_new ON card(first_seen, key, answered) WHERE answered = 0;
    CREATE TRIGGER registered_deck_card_left AFTER UPDATE OF deck_file ON card
    WHEN OLD.deck_file IS NOT NEW.deck_file BEGIN DELETE FROM registered_deck WHERE deck_file = OLD.deck_file; END;
    DELETE FROM grdb_migrations WHERE identifier = 'store-3-grouped-registry';""")
dst.executescript("""DROP TABLE answer_slot; DROP TABLE quiz_summary;
    DROP VIEW answer_slot_move;
    DELETE FROM grdb_migrations WHERE identifier IN ('stats-1-answer-summaries', 'stats-2-answer-slot-groups');""")
# And before the kept groups of deck file and level (main's 0.5 store).
for (trigger,) in dst.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%counts%'").fetchall():
    dst.execute(f"DROP TRIGGER {trigger}")
dst.executescript("""DROP INDEX card_state_by_due; DROP INDEX card_state_hidden;
    ALTER TABLE card_state DROP COLUMN grp; DROP TABLE card_group;
    CREATE INDEX card_state_by_due ON card_state(due) WHERE state IS NOT NULL AND suspended = 0;
    DELETE FROM grdb_migrations WHERE identifier = 'queue-1-kept-counts';""")
dst.commit()
PY2
"$JATTA" stats --db "$db" --json --at "$now" >"$work/new.json"
"$JATTA" stats --db "$work/old.sqlite" --json --at "$now" >"$work/migrated.json"
python3 scripts/tests/stats_summaries.py "$work/old.sqlite"
python3 scripts/tests/kept_groups.py "$work/old.sqlite"
cmp -s "$work/new.json" "$work/migrated.json" || { echo "FAIL: figures differ after the migration" >&2; exit 1; }
"$JATTA" debug verify --db "$work/old.sqlite" >/dev/null || { echo "FAIL: debug verify after the migration" >&2; exit 1; }
# The text report through the binary: on the Linux console only ASCII (in
# English; the prompts of the hardest cards are the deck's own Kazakh
# text), and every line within COLUMNS=60.
TERM=linux COLUMNS=60 "$JATTA" stats --db "$db" --lang en >"$work/text.txt"
python3 - "$work/text.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
assert "True retention" in text and "Hardest cards" in text, text[:400]
bad = [line for line in text.splitlines() if len(line) > 60 or not (line.isascii() or "Карта" in line)]
assert not bad, bad[:5]
PY
TERM=xterm LANG=C.UTF-8 "$JATTA" stats --db "$db" --lang kk >"$work/text-kk.txt"
grep -q 'Нақты есте сақтау' "$work/text-kk.txt" || { echo "FAIL: no Kazakh report" >&2; exit 1; }
grep -q '[▁▂▃▄▅▆▇█]' "$work/text-kk.txt" || { echo "FAIL: no block characters in a UTF-8 terminal" >&2; exit 1; }
echo "PASS stats-recompute"
