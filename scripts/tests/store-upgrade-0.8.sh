#!/usr/bin/env bash
# A store written by jatta 0.8 (scripts/tests/fixtures/progress-0.8.sqlite,
# made by make-progress-0.8.sh with that release's binary) upgraded by
# today's jatta, on the real binary: the log's time index gives way to the
# kept hours (migration store-1-review-hours; docs/progress-store.md, "The
# store's size") and the file is compacted, and nothing the store means
# changes:
#
# 1. every card, state, group, log entry (answers, undos, buries,
#    suspensions, quiz answers), summary, fingerprint, exam, setting and
#    parameter set reads back the same, column by column;
# 2. `stats --json` at the fixture's moment is what 0.8 printed for it;
# 3. the time index is gone, every entry lies inside its hour's kept
#    range, and `debug verify` finds the state the
#    fold of the log and the kept counts and summaries right;
# 4. studying on keeps the hours right, and the day's new-card limit
#    holds across sessions (each start counts the day's answers).
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages sqlite3 python3 faketime >/dev/null || { echo "FAIL: sqlite3, python3 and faketime are needed" >&2; exit 1; }
repo=$(pwd)

. "$repo/scripts/lib/store-upgrade.sh"
upgrade_test store-upgrade-0.8

db="$work/progress.sqlite"
cp "$repo/scripts/tests/fixtures/progress-0.8.sqlite" "$db"
[ "$(q "$db" "SELECT count(*) FROM sqlite_master WHERE name = 'review_by_time'")" = 1 ] \
    || fail "the fixture is not a 0.8 store (no time index)"
[ "$(q "$db" "SELECT count(*) FROM review_log WHERE kind = 'undo'")" -gt 0 ] || fail "the fixture holds no undo"
[ "$(q "$db" "SELECT count(*) FROM quiz_answer")" -gt 0 ] || fail "the fixture holds no quiz answer"

# --- 1 and 2: the upgrade, read by stats ---------------------------------------
upgrade_reads_the_same 0.8 "$db"
cd "$work"

# --- 3: the layout ----------------------------------------------------------------
[ "$(q "$db" "SELECT count(*) FROM grdb_migrations WHERE identifier = 'store-1-review-hours'")" = 1 ] \
    || fail "the migration was not applied"
[ "$(q "$db" "SELECT count(*) FROM sqlite_master WHERE name = 'review_by_time'")" = 0 ] || fail "the time index is still there"
# The latest hour is open: its range runs to the newest id.
outside="SELECT count(*) FROM review r LEFT JOIN review_hour h ON h.hour = r.at / 3600000
    WHERE h.hour IS NULL OR r.id NOT BETWEEN h.first_id AND CASE WHEN h.hour = (SELECT max(hour) FROM review_hour)
        THEN (SELECT max(id) FROM review) ELSE h.last_id END"
[ "$(q "$db" "$outside")" = 0 ] || fail "entries outside their hour's kept range: $(q "$db" "$outside")"
"$JATTA" debug verify --db "$db" >"$work/verify" 2>&1 || fail "verify after the upgrade: $(head -3 "$work/verify")"

# --- 4: studying on -----------------------------------------------------------------
mkdir -p "$work/course"
cp -r "$repo/decks" "$work/course/decks"
cd "$work/course"
. "$repo/scripts/lib/student-lines.sh"
today="2026-11-02 12:00:00"
before_ids=$(q "$db" "SELECT max(id) FROM review")
# Three sessions of the same day, each taking every suggested grade, with
# at most 2 new cards a day: the limit holds only if each start counts
# the day's answers, which it reads through the kept hours.
for session in 1 2 3; do
    printf '\n%.0s' {1..80} | faketime "$today" "$JATTA" study decks --plain --lang en --new-limit 2 --review-limit 0 \
        --db "$db" >/dev/null 2>"$work/err" || fail "study after the upgrade: $(head -3 "$work/err")"
done
[ "$(q "$db" "SELECT max(id) FROM review")" -gt "$before_ids" ] || fail "nothing was recorded after the upgrade"
[ "$(q "$db" "$outside")" = 0 ] || fail "entries recorded since lie outside their hour's range"
new_today=$(q "$db" "SELECT count(DISTINCT e.key) FROM review_log e
    WHERE e.at >= strftime('%s', '2026-11-02') * 1000 AND e.kind IN ('study', 'quiz', 'override') AND e.b_state IS NULL
    AND NOT EXISTS (SELECT 1 FROM review_log u WHERE u.undoes = e.id)")
[ "$new_today" = 2 ] || fail "$new_today new cards studied in three sessions of a day with a limit of 2"
"$JATTA" debug verify --db "$db" >"$work/verify" 2>&1 || fail "verify after studying on: $(head -3 "$work/verify")"

upgrade_test_end
