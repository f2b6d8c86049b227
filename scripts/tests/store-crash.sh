#!/usr/bin/env bash
# Crash safety of the progress store with real processes: a child records
# answers in a loop and prints each answer's id after its commit; it is killed
# with SIGKILL at random moments, STORE_CRASH_KILLS times (default 120). Then
# SQLite's integrity check must pass, every reported id must be in the log,
# no id may have been reported twice (a lost commit would hand its id out
# again), and the card state must equal the state rebuilt from the log.
# Then STORE_CRASH_EARLY_KILLS (default 20) kills while a new database is
# being created: each must still open and take answers.
set -euo pipefail
source "$(dirname "$0")/../lib/store-tests.sh"

kills=${STORE_CRASH_KILLS:-120}
seed=${STORE_CRASH_SEED:-$(date +%s)}
RANDOM=$seed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/progress.sqlite"
reported="$work/reported.txt"
: >"$reported"

mid_run=0
for i in $(seq 1 "$kills"); do
    "$JATTA" debug answer-loop --db "$db" --seed "$i" --cards 200 >"$work/out" 2>"$work/err" &
    pid=$!
    # 30–500 ms: past start-up, at an arbitrary point of an answer.
    sleep "$(printf '0.%03d' $((30 + RANDOM % 470)))"
    if ! kill -KILL "$pid" 2>/dev/null; then
        wait "$pid" || true
        cat "$work/err" >&2
        fail "run $i: the answer loop stopped by itself"
    fi
    wait "$pid" 2>/dev/null || true
    [ -s "$work/err" ] && { cat "$work/err" >&2; fail "run $i: the answer loop reported an error"; }
    # Only whole lines: a line is written in one write(2) after the commit.
    grep -E '^[0-9]+$' "$work/out" >>"$reported" || true
    [ -s "$work/out" ] && mid_run=$((mid_run + 1))
    if (( i % 20 == 0 )); then
        check=$(integrity_check "$db")
        [ "$check" = "ok" ] || fail "after kill $i: integrity_check says: $check"
    fi
done

check=$(integrity_check "$db")
[ "$check" = "ok" ] || fail "integrity_check says: $check"

# Kills while a new database is being created and migrated (0–60 ms after
# start): whatever is left must open, pass the integrity check and take answers.
early=${STORE_CRASH_EARLY_KILLS:-20}
for i in $(seq 1 "$early"); do
    fresh="$work/fresh-$i.sqlite"
    "$JATTA" debug answer-loop --db "$fresh" --seed "$i" >/dev/null 2>"$work/err" &
    pid=$!
    sleep "$(printf '0.%03d' $((RANDOM % 60)))"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    "$JATTA" debug answer-loop --db "$fresh" --count 3 >"$work/fresh.out" 2>"$work/err" \
        || { cat "$work/err" >&2; fail "early kill $i: the half-created database does not take answers"; }
    "$JATTA" debug verify --db "$fresh" --ids "$work/fresh.out" >"$work/verify" \
        || { cat "$work/verify" >&2; fail "early kill $i: verify"; }
    rm -f "$fresh" "$fresh-wal" "$fresh-shm"
done

LC_ALL=C sort "$reported" >"$work/reported.sorted"
duplicates=$(uniq -d "$work/reported.sorted" | wc -l)
[ "$duplicates" -eq 0 ] || fail "$duplicates id(s) reported twice: a committed answer was lost and its id reused"
log_ids "$db" >"$work/log.sorted"
missing=$(LC_ALL=C comm -23 "$work/reported.sorted" "$work/log.sorted" | wc -l)
[ "$missing" -eq 0 ] || fail "$missing reported answer(s) missing from the log"

"$JATTA" debug verify --db "$db" --ids "$reported" >"$work/verify" || { cat "$work/verify" >&2; fail "jatta debug verify"; }

logged=$(wc -l <"$work/log.sorted")
answers=$(wc -l <"$reported")
[ "$answers" -gt 0 ] || fail "no answer was reported: the kills tested nothing"
# Most kills must land while answers are being written, or the test checks
# only start-up.
[ $((2 * mid_run)) -gt "$kills" ] || fail "only $mid_run of $kills kills landed mid-answer"
echo "store-crash: seed $seed; $kills SIGKILLs ($mid_run while answering) + $early during creation of a new database; $answers answers reported, all $answers in the log ($logged log entries, $((logged - answers)) committed but not yet reported at the kill); integrity_check ok; state = rebuild from log"
