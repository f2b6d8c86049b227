#!/usr/bin/env bash
# Two jatta processes answering the same cards in one database at the same
# time, while a third reads the history: no answer may be lost, none may
# fail, and the state must still equal the fold of the log.
set -euo pipefail
source "$(dirname "$0")/../lib/store-tests.sh"

per_writer=${STORE_CONCURRENCY_ANSWERS:-400}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/progress.sqlite"

"$JATTA" debug answer-loop --db "$db" --count "$per_writer" --cards 20 --session A --seed 1 >"$work/a.out" 2>"$work/a.err" &
a=$!
"$JATTA" debug answer-loop --db "$db" --count "$per_writer" --cards 20 --session B --seed 2 >"$work/b.out" 2>"$work/b.err" &
b=$!
reads=0
while kill -0 "$a" 2>/dev/null || kill -0 "$b" 2>/dev/null; do
    if [ -e "$db" ]; then
        "$JATTA" history --db "$db" --limit 5 >/dev/null 2>"$work/r.err" || { cat "$work/r.err" >&2; fail "a reader failed while two processes wrote"; }
        reads=$((reads + 1))
    fi
done
wait "$a" || { cat "$work/a.err" >&2; fail "writer A failed"; }
wait "$b" || { cat "$work/b.err" >&2; fail "writer B failed"; }

for w in a b; do
    n=$(grep -cE '^[0-9]+$' "$work/$w.out" || true)
    [ "$n" -eq "$per_writer" ] || fail "writer $w reported $n answers, expected $per_writer"
done
cat "$work/a.out" "$work/b.out" | LC_ALL=C sort >"$work/reported.sorted"
duplicates=$(uniq -d "$work/reported.sorted" | wc -l)
[ "$duplicates" -eq 0 ] || fail "$duplicates id(s) handed out twice"
log_ids "$db" >"$work/log.sorted"
cmp -s "$work/reported.sorted" "$work/log.sorted" || fail "the log and the reported answers differ"
per_session=$(sql "$db" "SELECT session, count(*) FROM review_log GROUP BY session ORDER BY session" | tr '\n' ' ')
[ "$per_session" = "A|$per_writer B|$per_writer " ] || fail "answers per session: $per_session"
# Interleaving: the two sessions' answers alternate rather than run one after the other.
switches=$(sql "$db" "SELECT count(*) FROM review_log e JOIN review_log p ON p.id = e.id - 1 WHERE p.session != e.session")
[ "$switches" -gt 0 ] || fail "no hand-overs between writers: one ran entirely after the other"
[ "$(integrity_check "$db")" = "ok" ] || fail "integrity_check"
"$JATTA" debug verify --db "$db" >"$work/verify" || { cat "$work/verify" >&2; fail "jatta debug verify"; }
echo "store-concurrency: 2 writers × $per_writer answers on the same 20 cards: $((2 * per_writer)) reported, $((2 * per_writer)) in the log, none lost; $switches hand-overs between writers; $reads concurrent history reads; integrity ok; state = rebuild from log"

# Eight processes opening one new database at the same moment, forty times:
# every one must open it and record its answers (0.17 failed some of them
# with "locked for too long": switching a new file to WAL is refused at once,
# without waiting, while another process is opening it).
opened_rounds=${STORE_CONCURRENCY_OPEN_ROUNDS:-40}
for round in $(seq 1 "$opened_rounds"); do
    fresh="$work/fresh-$round.sqlite"
    pids=()
    for w in 1 2 3 4 5 6 7 8; do
        "$JATTA" debug answer-loop --db "$fresh" --count 3 --cards 5 --session "S$w" --seed "$w" \
            >/dev/null 2>"$work/open-$w.err" &
        pids+=($!)
    done
    for w in 1 2 3 4 5 6 7 8; do
        wait "${pids[$((w - 1))]}" || { cat "$work/open-$w.err" >&2; fail "round $round: process $w of 8 opening a new database failed"; }
    done
    logged=$(sql "$fresh" "SELECT count(*) FROM review_log")
    [ "$logged" -eq 24 ] || fail "round $round: $logged answers in the log, expected 24"
done
echo "store-concurrency: 8 processes opening one new database at once, $opened_rounds rounds: all opened it, 24 answers each round"
