#!/usr/bin/env bash
# The compact review log (issue 20, migration scale-2-compact-log) on the
# real binary: a database made by jatta 0.2 (scripts/tests/fixtures/
# make-progress-0.2.sh: answers, undos, buries, suspensions, quizzes) is
# opened by today's jatta, and every log row — kind, times, rating,
# session, the whole progress before and after — and every card state
# reads back exactly as 0.2 stored them; answering and undoing go on
# working on the migrated file, and the file shrinks.
set -uo pipefail
. "$(dirname "$0")/../lib/midday-tz.sh"
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
jatta=$JATTA
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "compact-log: FAIL: $*" >&2; failures=$((failures + 1)); }
q() { sqlite3 "$1" "$2"; }

db="$work/progress.sqlite"
cp scripts/tests/fixtures/progress-0.2.sqlite "$db"
[ "$(q "$db" "SELECT type FROM sqlite_master WHERE name = 'review_log'")" = table ] || fail "the fixture is not in the first layout"
# Every column of every row, as 0.2 stored them.
q "$db" "SELECT * FROM review_log ORDER BY id" >"$work/log-before"
# The state as the first layout held it (later migrations add columns).
state_columns="key, state, step, stability, difficulty, due, last_review, reps, lapses, suspended, buried_until, log_id"
q "$db" "SELECT $state_columns FROM card_state ORDER BY key" >"$work/state-before"
python3 scripts/lib/registry_rows.py "$db" >"$work/card-before"
size_before=$(stat -c %s "$db")
[ "$(wc -l <"$work/log-before")" -gt 200 ] || fail "the fixture holds too few log rows"

"$jatta" debug verify --db "$db" >"$work/verify" 2>&1 || fail "verify after the migration: $(cat "$work/verify")"
[ "$(q "$db" "SELECT type FROM sqlite_master WHERE name = 'review_log'")" = view ] || fail "the log was not converted"
q "$db" "SELECT * FROM review_log ORDER BY id" >"$work/log-after"
q "$db" "SELECT $state_columns FROM card_state ORDER BY key" >"$work/state-after"
python3 scripts/lib/registry_rows.py "$db" >"$work/card-after"
cmp -s "$work/log-before" "$work/log-after" || fail "log rows differ after the migration: $(diff "$work/log-before" "$work/log-after" | head -5)"
cmp -s "$work/state-before" "$work/state-after" || fail "card states differ after the migration"
cmp -s "$work/card-before" "$work/card-after" || fail "the card registry differs after the migration"
# jatta 0.2 derived every `before` from the previous `after`: none is stored.
[ "$(q "$db" "SELECT count(*) FROM review_before")" = 0 ] || fail "a before state was stored although it follows from the log"
size_after=$(stat -c %s "$db")
[ "$size_after" -lt "$size_before" ] || fail "the file did not shrink ($size_before → $size_after bytes)"

# Answering and undoing on the migrated file: the log grows by the answers
# and undo entries, old rows stay as they were, the state is the fold.
printf '\n1\n3\nu\nu\n3\n\n2\nq\nq\n' | "$jatta" study decks/ --plain --lang en --db "$db" >/dev/null 2>"$work/err" \
    || fail "study on the migrated file: $(head -3 "$work/err")"
n=$(wc -l <"$work/log-before")
# Studying `decks/` respells 0.2's typed deck file names as the stored
# names (docs/progress-store.md, "Deck file names"): only the folder is added.
q "$db" "SELECT * FROM review_log ORDER BY id LIMIT $n" | sed "s|$(pwd -P)/decks/|decks/|" | cmp -s - "$work/log-before" \
    || fail "old rows changed after new answers"
[ "$(q "$db" "SELECT count(*) FROM review_log WHERE kind = 'undo' AND id > (SELECT max(id) FROM review_log) - 10")" -ge 1 ] \
    || fail "no undo recorded on the migrated file"
"$jatta" debug verify --db "$db" >"$work/verify" 2>&1 || fail "verify after new answers: $(cat "$work/verify")"
q "$db" "DELETE FROM review_log" 2>/dev/null && fail "the log can be deleted through its view"
q "$db" "DELETE FROM review" 2>/dev/null && fail "the compact log is no longer append-only"
q "$db" "UPDATE review SET duration_ms = 1" 2>/dev/null && fail "the compact log can be updated"

if [ "$failures" -gt 0 ]; then
    echo "compact-log: $failures failure(s)" >&2
    exit 1
fi
echo "compact-log: ok (file $size_before → $size_after bytes)"
