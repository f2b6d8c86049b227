#!/usr/bin/env bash
# Process-level checks of `jatta quiz` without curses: plain mode through a
# pipe, the JSON result on standard output, the same seed giving the same
# quiz, and bad input ending with a message and a non-zero status.
set -euo pipefail
. "$(dirname "$0")/../lib/midday-tz.sh"

cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "quiz-plain: FAIL: $*" >&2; exit 1; }

cat >"$WORK/test.deck" <<'DECK'
# Тест
C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.
source: seeds/003.txt:10

C: Қазақстан Республикасының Тәуелсіздігі {1991} жылы жарияланды.
source: seeds/003.txt:20

C: ЕҚЫҰ-ның Астана саммиті {2010} жылы өтті.
source: seeds/004.txt:7
DECK

run() { "$JATTA" quiz "$WORK/test.deck" --plain --seed 5 --lang kk --db "$WORK/p.sqlite" "$@"; }

# Plain mode through a pipe, the result as JSON on standard output (the
# dialogue then goes to standard error). Typing 1992 three times gets one
# question right whatever the order.
printf '1992\n1992\n1992\n' | run --json - >"$WORK/out.json" 2>"$WORK/dialogue.txt" \
    || fail "plain quiz exited with $?"
grep -q "Нәтиже: 1 / 3 (33%)" "$WORK/dialogue.txt" || fail "no score in the dialogue"
grep -q "Дұрыс жауап: 1991" "$WORK/dialogue.txt" || fail "the mistake's right answer is missing"
python3 - "$WORK/out.json" <<'PY' || fail "bad JSON on standard output"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["score"] == {"credit": 1, "percent": 33, "total": 3}, r["score"]
assert r["seed"] == "5" and r["mode"] == "exam" and r["endReason"] == "completed"
assert len(r["mistakes"]) == 2
PY

# The same seed gives the same questions in the same order.
printf '\n\n\n' | run --no-record --json "$WORK/a.json" >/dev/null
printf '\n\n\n' | run --no-record --json "$WORK/b.json" >/dev/null
python3 - "$WORK/a.json" "$WORK/b.json" <<'PY' || fail "the same seed gave a different quiz"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
strip = lambda r: [(q["key"], q["prompt"], q.get("options")) for q in r["questions"]]
assert strip(a) == strip(b)
assert all(q["outcome"] == "skipped" for q in a["questions"])
PY

# End of input stops the quiz; its report is still given.
: | run --no-record >"$WORK/eof.txt" || fail "end of input is not an error"
# Without --plain, input that is not a terminal falls back to plain mode and
# says so in one line, as the study trainer does.
: | "$JATTA" quiz "$WORK/test.deck" --seed 5 --lang kk --no-record >/dev/null 2>"$WORK/notice.txt" \
    || fail "a piped quiz without --plain failed"
grep -qF "jatta: терминал емес, жай мәтін режимі (--plain)" "$WORK/notice.txt" || fail "no plain-mode notice: $(cat "$WORK/notice.txt")"
grep -q "Сынақ тоқтатылды" "$WORK/eof.txt" || fail "no report after end of input"
# A prompt left unanswered at the end of input still ends its line: the
# shell's prompt must not follow "… Enter — шығу:" on the same line.
[ "$(tail -c 1 "$WORK/eof.txt" | od -An -c | tr -d ' ')" = '\n' ] || fail "the last prompt's line is not ended"
grep -q "Enter — шығу: $" "$WORK/eof.txt" || fail "no study prompt after the report"

# A --no-record quiz opens no store; a study session started from its
# report runs on an empty one in memory, made only then: the mistakes are
# asked and graded, and no database is written.
printf '\n\n\ns\n1990\n' | "$JATTA" quiz "$WORK/test.deck" --plain --seed 5 --lang en --no-record \
    --db "$WORK/unwritten.sqlite" >"$WORK/mistakes.txt" 2>&1 || fail "studying a --no-record quiz's mistakes failed"
grep -q "^\[1/3\] Fill in the gap" "$WORK/mistakes.txt" || fail "no study session after a --no-record quiz"
# 1990 is none of the three years, whichever card comes first.
grep -Eq "Wrong\. The answer is «(1991|1992|2010)»" "$WORK/mistakes.txt" || fail "the study session did not grade the answer"
[ ! -e "$WORK/unwritten.sqlite" ] || fail "a --no-record quiz wrote a database"

# Bad input: a message and a non-zero status, never a crash.
expect_status() {
    local want="$1"; shift
    set +e
    "$@" </dev/null >"$WORK/bad.out" 2>"$WORK/bad.err"
    local got=$?
    set -e
    [ "$got" = "$want" ] || fail "'$*' exited with $got, not $want"
    [ -s "$WORK/bad.err" ] || fail "'$*' gave no message"
}
expect_status 64 "$JATTA" quiz "$WORK/test.deck" --plain --level 5
expect_status 64 "$JATTA" quiz "$WORK/test.deck" --plain --count 0
expect_status 64 "$JATTA" quiz "$WORK/test.deck" --plain --time -3
expect_status 66 "$JATTA" quiz "$WORK/missing.deck" --plain --db "$WORK/p.sqlite"
expect_status 65 "$JATTA" quiz "$WORK/test.deck" --plain --tag "жоқ-тег" --db "$WORK/p.sqlite"
echo "not a database" >"$WORK/broken.sqlite"
expect_status 74 "$JATTA" quiz "$WORK/test.deck" --plain --db "$WORK/broken.sqlite"
grep -q "not a database" "$WORK/broken.sqlite" || fail "the broken database was overwritten"

# No deck at all (no ./decks, no decks named): said as study says it, not
# "check the level or tag", which were never given.
mkdir -p "$WORK/empty"
set +e
(cd "$WORK/empty" && "$JATTA" quiz --plain --no-record --lang en </dev/null >/dev/null 2>"$WORK/nodecks.err")
[ $? -eq 66 ] || fail "quiz with no decks: not 66"
grep -qF "No decks found" "$WORK/nodecks.err" || fail "quiz with no decks said: $(cat "$WORK/nodecks.err")"
set -e

# --json FILE that cannot take a report is refused before the first
# question (73, nothing recorded); a full disk is found at the end (73).
answers_in() { "$JATTA" history --db "$1" 2>/dev/null | grep -c " quiz " ; }
set +e
printf '1992\n1992\n1992\n' | "$JATTA" quiz "$WORK/test.deck" --plain --seed 5 --db "$WORK/j.sqlite" --json "$WORK" >/dev/null 2>&1
[ $? -eq 73 ] || fail "--json FOLDER: not 73"
printf '1992\n1992\n1992\n' | "$JATTA" quiz "$WORK/test.deck" --plain --seed 5 --db "$WORK/j.sqlite" --json "$WORK/none/r.json" >/dev/null 2>&1
[ $? -eq 73 ] || fail "--json in a missing folder: not 73"
[ "$(answers_in "$WORK/j.sqlite")" = 0 ] || fail "a quiz refused for its --json recorded answers"
printf '1992\n1992\n1992\n' | run --no-record --json /dev/full >/dev/null 2>"$WORK/err"
[ $? -eq 73 ] || fail "--json /dev/full: not 73"
[ "$(grep -c "/dev/full" "$WORK/err")" = 1 ] || fail "--json /dev/full: not said once: $(cat "$WORK/err")"
# A link is written through, never replaced: /dev/stderr's kind of link
# reaches the stream once; a link to a report replaces the report.
ln -s /proc/self/fd/2 "$WORK/err-link"
printf '\n\n\n' | run --no-record --json "$WORK/err-link" >/dev/null 2>"$WORK/streamed"
[ -L "$WORK/err-link" ] || fail "--json through a link to a stream replaced the link"
[ "$(grep -c '"seed"' "$WORK/streamed")" = 1 ] || fail "--json through /proc/self/fd/2: not one report in the stream"
mkfifo "$WORK/fifo"
cat "$WORK/fifo" >"$WORK/from-fifo" &
printf '\n\n\n' | run --no-record --json "$WORK/fifo" >/dev/null 2>&1
wait
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/from-fifo" || fail "--json FIFO: not one JSON report"
printf '\n\n\n' | run --no-record --json "$WORK/a.json" >/dev/null
ln -s "$WORK/a.json" "$WORK/a-link.json"
printf '\n\n\n' | run --no-record --json "$WORK/a-link.json" >/dev/null || fail "--json through a link to a report: exit $?"
[ -L "$WORK/a-link.json" ] || fail "--json through a link to a report replaced the link"
# The store locked by another program once the quiz has begun: the quiz
# goes on (its score), and the end names the file and how many answers
# of the quiz it does not hold.
printf '1992\n' | run --count 1 >/dev/null 2>&1
# (An answer waits for the lock through its busy timeout and retries,
# about 20 s, before it is given up: the lock is held longer.)
python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None); time.sleep(1.5); c.execute("BEGIN IMMEDIATE"); time.sleep(60)' "$WORK/p.sqlite" &
locker=$!
( sleep 3; printf '1992\n1992\n1992\n' ) | run --count 3 >/dev/null 2>"$WORK/locked.err"
status=$?
kill "$locker" 2>/dev/null; wait "$locker" 2>/dev/null
[ "$status" -eq 74 ] || fail "a quiz whose store was locked: exit $status, expected 74: $(cat "$WORK/locked.err")"
grep -qF "$WORK/p.sqlite" "$WORK/locked.err" || fail "the store failure does not name the file: $(cat "$WORK/locked.err")"
grep -qE "3 жауабы жазылмады|3 answers of this quiz were not recorded" "$WORK/locked.err" \
    || fail "the store failure does not say how many answers were lost: $(cat "$WORK/locked.err")"
set -e

echo "quiz-plain: ok"
