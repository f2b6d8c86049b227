#!/usr/bin/env bash
# A store written by jatta 0.9 (scripts/tests/fixtures/progress-0.9.sqlite,
# made by make-progress-0.9.sh with that release's binary) upgraded by
# today's jatta, on the real binary: the log's kind, rating, state, step
# and suspended flag go into one integer (migration store-2-packed-review;
# docs/progress-store.md, "The store's size") and the file is compacted,
# and nothing the store means or does changes:
#
# 1. every card, state, group, log entry (answers, undos, buries,
#    suspensions, adoptions, quiz answers), summary, fingerprint, exam,
#    setting and parameter set reads back the same, column by column;
# 2. `stats --json` at the fixture's moment and `history --json` are what
#    0.9 printed for it;
# 3. the five columns are gone from `review`, its rows are smaller, and
#    `debug verify` finds the state the fold of the log and the kept
#    counts, summaries and hours right;
# 4. one more study session at a fixed moment (answers, undos, buries, a
#    suspension) prints, appends and leaves the states exactly as 0.9's
#    binary did on the same store.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages sqlite3 python3 faketime >/dev/null || { echo "FAIL: sqlite3, python3 and faketime are needed" >&2; exit 1; }
repo=$(pwd)
fixtures="$repo/scripts/tests/fixtures"
. "$repo/scripts/lib/student-lines.sh"
. "$repo/scripts/lib/store-upgrade.sh"
upgrade_test store-upgrade-0.9
# The bytes the log's rows hold (the fixture is too small for its pages
# to tell).
size() { q "$1" "SELECT sum(payload) FROM dbstat WHERE name = 'review'"; }

db="$work/progress.sqlite"
cp "$fixtures/progress-0.9.sqlite" "$db"
[ "$(q "$db" "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1")" = store-1-review-hours ] \
    || fail "the fixture is not a 0.9 store"
for kind in study quiz override suspend bury undo adopt; do
    [ "$(q "$db" "SELECT count(*) FROM review_log WHERE kind = '$kind'")" -gt 0 ] || fail "the fixture holds no $kind entry"
done
size_before=$(size "$db")

# --- 1 and 2: the upgrade, read by stats and history ------------------------------
upgrade_reads_the_same 0.9 "$db"
cd "$work"
"$JATTA" history --json --lang en --db "$db" 2>"$work/err" | from_course >"$work/history" || fail "history: $(head -3 "$work/err")"
from_course <"$fixtures/progress-0.9.history.json" >"$work/history-0.9"
cmp -s "$work/history-0.9" "$work/history" \
    || fail "history --json differs from 0.9's: $(diff "$work/history-0.9" "$work/history" | head -4 | cut -c1-300)"

# --- 3: the layout ----------------------------------------------------------------
[ "$(q "$db" "SELECT count(*) FROM grdb_migrations WHERE identifier = 'store-2-packed-review'")" = 1 ] \
    || fail "the migration was not applied"
columns=$(q "$db" "SELECT group_concat(name, ' ') FROM pragma_table_info('review')")
case " $columns " in
*" shape "*) ;;
*) fail "review has no shape: $columns" ;;
esac
for gone in kind rating state step suspended; do
    case " $columns " in *" $gone "*) fail "review still has $gone: $columns" ;; esac
done
size_after=$(size "$db")
[ "$size_after" -lt "$size_before" ] || fail "the log's rows did not shrink: $size_before → $size_after bytes"
"$JATTA" debug verify --db "$db" >"$work/verify" 2>&1 || fail "verify after the upgrade: $(head -3 "$work/verify")"

# --- 4: studying on, as 0.9 did ---------------------------------------------------------
# Since 0.18 taking back a burial or a suspension says so; 0.9 said "Last
# answer undone" for every undo. The store's side is what is compared.
study_on "$JATTA" "$db" "$work/on" \
    | sed -e 's/^\* \(Suspension\|Burial\) undone: the card is back$/* Last answer undone/' >"$work/on.txt"
cmp -s "$fixtures/progress-0.9.on.txt" "$work/on.txt" \
    || fail "a session after the upgrade differs from 0.9's: $(diff "$fixtures/progress-0.9.on.txt" "$work/on.txt" | head -6 | cut -c1-300)"
"$JATTA" debug verify --db "$db" >"$work/verify" 2>&1 || fail "verify after studying on: $(head -3 "$work/verify")"

upgrade_test_end "the log's rows $size_before → $size_after bytes"
