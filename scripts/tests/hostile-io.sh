#!/usr/bin/env bash
# What a careless user or an attacker can point jatta at, on the real
# binary: failed writes to standard output and error (a full disk, a reader
# that went away), output files that would clobber a deck or a database,
# odd --db paths and the database's permissions, a damaged progress store,
# and control characters in decks and file names. Each check names the
# finding it pins; file hashes prove nothing was lost.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages sqlite3 python3 || exit 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "hostile-io: FAIL: $*" >&2; failures=$((failures + 1)); }
# A trap ("Program crashed", SIGILL 132, SIGTRAP 133, SIGABRT 134, SIGSEGV 139).
crashed() { [ "$1" -eq 132 ] || [ "$1" -eq 133 ] || [ "$1" -eq 134 ] || [ "$1" -eq 139 ]; }
hash() { sha256sum "$1" | cut -d' ' -f1; }

cat >"$work/test.deck" <<'DECK'
# Тест
C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.

Q: Неолиберализм дегеніміз не?
A: Халықаралық ынтымақтастық теориясы.
DECK
# A deck big enough that its listing overflows a pipe's buffer.
python3 - "$work/big.deck" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(4000):
        f.write(f"Q: Сұрақ нөмірі {i} қандай?\nA: Жауап {i}\n\n")
PY
lecture="$work/lecture.txt"
printf 'Дәріс 1. Тест\n\nГлоссарий\nРежим – мемлекеттердің келісімі.\n' >"$lecture"

# --- Failed writes: a full disk is a message and exit 74, never a trap ---
expect_full() {  # NAME STATUS STDERR-FILE
    local name=$1 status=$2 err=$3
    crashed "$status" && fail "$name > /dev/full crashed (status $status)"
    [ "$status" -eq 74 ] || fail "$name > /dev/full: exit status $status, expected 74"
    grep -qF "disk full" "$err" || fail "$name > /dev/full: no 'disk full' message: $(head -c 300 "$err")"
    grep -qF "дискіде орын қалмады" "$err" || fail "$name > /dev/full: no Kazakh message"
}
"$JATTA" list --json "$work/test.deck" >/dev/full 2>"$work/err"; expect_full "list --json" $? "$work/err"
"$JATTA" list "$work/test.deck" >/dev/full 2>"$work/err"; expect_full "list" $? "$work/err"
"$JATTA" extract "$lecture" >/dev/full 2>"$work/err"; expect_full "extract" $? "$work/err"
"$JATTA" check "$work/test.deck" >/dev/full 2>"$work/err"; expect_full "check" $? "$work/err"
"$JATTA" judge "режим" "режим" >/dev/full 2>"$work/err"; expect_full "judge" $? "$work/err"
"$JATTA" history --db "$work/none.sqlite" >/dev/full 2>"$work/err"; expect_full "history" $? "$work/err"
"$JATTA" unsuspend --db "$work/none.sqlite" >/dev/full 2>"$work/err"; expect_full "unsuspend" $? "$work/err"
"$JATTA" stats --db "$work/none.sqlite" --json >/dev/full 2>"$work/err"; expect_full "stats --json" $? "$work/err"
"$JATTA" stats --db "$work/none.sqlite" >/dev/full 2>"$work/err"; expect_full "stats" $? "$work/err"
"$JATTA" optimize --db "$work/none.sqlite" --dry-run >/dev/full 2>"$work/err"; expect_full "optimize" $? "$work/err"
"$JATTA" exam --db "$work/none.sqlite" >/dev/full 2>"$work/err"; expect_full "exam" $? "$work/err"
# What the argument parser prints itself: help and the version.
"$JATTA" --help >/dev/full 2>"$work/err"; expect_full "--help" $? "$work/err"
"$JATTA" export --help >/dev/full 2>"$work/err"; expect_full "export --help" $? "$work/err"
"$JATTA" --version >/dev/full 2>"$work/err"; expect_full "--version" $? "$work/err"
# A word the deck holds: the cards found go to standard output.
"$JATTA" find неолиберализм "$work/test.deck" >/dev/full 2>"$work/err"; expect_full "find" $? "$work/err"
# The commands that rewrite deck files report what they did and would do:
# a full disk ends them with 74, never a trap (fmt crashed in FileHandle).
printf 'Q;  Неше?\nA :үш\n' >"$work/fmt.deck"
"$JATTA" fmt --check "$work/fmt.deck" >/dev/full 2>"$work/err"; expect_full "fmt --check" $? "$work/err"
printf 'Q: Неше?\nA: үш\n' >"$work/pin.deck"
"$JATTA" pin-ids --dry-run "$work/pin.deck" >/dev/full 2>"$work/err"; expect_full "pin-ids --dry-run" $? "$work/err"
# A plain session whose output goes nowhere says so once it ends, and
# keeps the answers it was given.
printf ' \n3\n \n3\n' | "$JATTA" study --plain "$work/test.deck" --db "$work/session.sqlite" >/dev/full 2>"$work/err"
expect_full "study --plain" $? "$work/err"
[ "$(sqlite3 "$work/session.sqlite" "SELECT count(*) FROM review_log WHERE kind = 'study'")" -gt 0 ] \
    || fail "study --plain > /dev/full recorded no answer"
printf '1\n1\n' | "$JATTA" quiz --plain --no-record --count 2 --seed 1 "$work/test.deck" --db "$work/session.sqlite" \
    >/dev/full 2>"$work/err"
expect_full "quiz --plain" $? "$work/err"
# A file output on a full disk names the reason, not an error type.
"$JATTA" export --to gift "$work/test.deck" -o /dev/full --force >/dev/null 2>"$work/err"
grep -qF "disk full" "$work/err" || fail "export -o /dev/full: no 'disk full' message: $(head -c 300 "$work/err")"
echo '{"card_id": 1, "config": {}, "reviews": [{"t": 1700000000, "rating": 3}]}' \
    | "$JATTA" fsrs replay >/dev/full 2>"$work/err"; expect_full "fsrs replay" $? "$work/err"
# Found by replay-fuzz: a high surrogate followed by another high
# surrogate overflowed while combining them.
printf '%s\n' '{"card_id": "\udaca\ud9da", "config": {}, "reviews": []}' | "$JATTA" fsrs replay >"$work/out" 2>"$work/err"
status=$?
crashed "$status" && fail "fsrs replay on two high surrogates crashed (status $status)"
[ "$status" -eq 0 ] || fail "fsrs replay on two high surrogates: exit status $status: $(cat "$work/err")"
grep -qF '"engine"' "$work/out" || fail "fsrs replay on two high surrogates: no output line"
# Both streams full: nothing can be said, but nothing may crash.
"$JATTA" check "$work/test.deck" >/dev/full 2>/dev/full; status=$?
crashed "$status" && fail "check with both streams full crashed (status $status)"
[ "$status" -eq 74 ] || fail "check with both streams full: exit status $status, expected 74"

# --- A reader that goes away (SIGPIPE ignored, as some shells and CI do):
#     quiet, no crash, no message ---
for args in "list $work/big.deck" "list --json $work/big.deck"; do
    # shellcheck disable=SC2086
    (trap '' PIPE; "$JATTA" $args 2>"$work/err"; echo $? >"$work/status") | head -c 100 >/dev/null
    status=$(cat "$work/status")
    crashed "$status" && fail "$args | head crashed (status $status)"
    [ "$status" -eq 141 ] || fail "$args | head: exit status $status, expected 141 (closed pipe)"
    [ ! -s "$work/err" ] || fail "$args | head: said something on a closed pipe: $(head -c 200 "$work/err")"
done

# --- Output files never clobber what is not a previous output of their kind ---
cp "$work/test.deck" "$work/victim.deck"
"$JATTA" debug answer-loop --db "$work/victim.sqlite" --count 3 --cards 2 --seed 1 >/dev/null
deck_hash=$(hash "$work/victim.deck"); db_hash=$(hash "$work/victim.sqlite")
"$JATTA" quiz "$work/test.deck" --plain --no-record --seed 1 --json "$work/victim.deck" </dev/null >/dev/null 2>"$work/err"
status=$?
[ "$status" -eq 73 ] || fail "quiz --json DECK: exit status $status, expected 73"
[ "$(hash "$work/victim.deck")" = "$deck_hash" ] || fail "quiz --json DECK overwrote the deck"
grep -qF "a deck with 2 cards" "$work/err" || fail "quiz --json DECK: message does not say a deck would be lost: $(cat "$work/err")"
grep -qF -- "--force" "$work/err" || fail "quiz --json DECK: message does not name --force"
"$JATTA" quiz "$work/test.deck" --plain --no-record --seed 1 --json "$work/victim.sqlite" </dev/null >/dev/null 2>"$work/err"
status=$?
[ "$status" -eq 73 ] || fail "quiz --json DATABASE: exit status $status, expected 73"
[ "$(hash "$work/victim.sqlite")" = "$db_hash" ] || fail "quiz --json DATABASE overwrote the progress database"
grep -qF "SQLite database" "$work/err" || fail "quiz --json DATABASE: message does not say a database would be lost"
printf 'notes I keep\n' >"$work/notes.txt"
"$JATTA" quiz "$work/test.deck" --plain --no-record --seed 1 --json "$work/notes.txt" </dev/null >/dev/null 2>"$work/err"
[ "$(cat "$work/notes.txt")" = "notes I keep" ] || fail "quiz --json FILE overwrote an unrelated file"
grep -qF "a file of 13 bytes" "$work/err" || fail "quiz --json FILE: message does not say what would be lost"
# A previous report is replaced without --force; --force replaces anything.
"$JATTA" quiz "$work/test.deck" --plain --no-record --seed 1 --json "$work/report.json" </dev/null >/dev/null 2>&1 \
    || fail "quiz --json NEW failed"
"$JATTA" quiz "$work/test.deck" --plain --no-record --seed 2 --json "$work/report.json" </dev/null >/dev/null 2>&1 \
    || fail "quiz --json PREVIOUS-REPORT was refused"
grep -q '"seed" : "2"' "$work/report.json" || fail "quiz --json PREVIOUS-REPORT was not replaced"
"$JATTA" quiz "$work/test.deck" --plain --no-record --seed 1 --json "$work/notes.txt" --force </dev/null >/dev/null 2>&1 \
    || fail "quiz --json FILE --force failed"
grep -q '"seed"' "$work/notes.txt" || fail "quiz --json FILE --force did not replace the file"
# extract -o: a deck someone wrote is kept; an unreviewed draft is replaced.
cp "$work/test.deck" "$work/victim2.deck"; deck_hash=$(hash "$work/victim2.deck")
"$JATTA" extract "$lecture" -o "$work/victim2.deck" 2>"$work/err"; status=$?
[ "$status" -eq 73 ] || fail "extract -o DECK: exit status $status, expected 73"
[ "$(hash "$work/victim2.deck")" = "$deck_hash" ] || fail "extract -o DECK overwrote the deck"
grep -qF "a deck with 2 cards" "$work/err" || fail "extract -o DECK: message does not say what would be lost"
"$JATTA" extract "$lecture" -o "$work/draft.deck" 2>/dev/null || fail "extract -o NEW failed"
"$JATTA" extract "$lecture" -o "$work/draft.deck" 2>"$work/err" || fail "extract -o PREVIOUS-DRAFT was refused: $(cat "$work/err")"
"$JATTA" extract "$lecture" -o "$work/victim2.deck" --force 2>/dev/null || fail "extract -o DECK --force failed"
grep -qF "jatta extract" "$work/victim2.deck" || fail "extract -o DECK --force did not write the draft"
# Devices are still written into.
"$JATTA" extract "$lecture" -o /dev/null 2>/dev/null || fail "extract -o /dev/null refused"

# --- --db edge cases ---
rm -f /dev/null-journal 2>/dev/null
"$JATTA" history --db /dev/null >/dev/null 2>"$work/err"; status=$?
[ "$status" -ne 0 ] || fail "history --db /dev/null: exit status 0"
[ -e /dev/null-journal ] && { fail "history --db /dev/null created /dev/null-journal"; rm -f /dev/null-journal; }
grep -qF "a device, not a database file" "$work/err" || fail "history --db /dev/null: message: $(cat "$work/err")"
: >"$work/empty.sqlite"
out=$("$JATTA" history --db "$work/empty.sqlite" --lang en 2>&1); status=$?
[ "$status" -eq 0 ] || fail "history on an empty file: exit status $status ($out)"
[ ! -s "$work/empty.sqlite" ] || fail "history wrote a schema into an empty file"
[ ! -e "$work/empty.sqlite-wal" ] || fail "history created a WAL beside an empty file"
"$JATTA" history --db '' >/dev/null 2>"$work/err"; status=$?
[ "$status" -eq 64 ] || fail "history --db '': exit status $status, expected 64 (usage)"
grep -qF "needs a path" "$work/err" || fail "history --db '': message: $(cat "$work/err")"
mkfifo "$work/fifo"
timeout 10 "$JATTA" history --db "$work/fifo" >/dev/null 2>"$work/err"; status=$?
[ "$status" -eq 124 ] && fail "history --db FIFO hangs"
[ "$status" -ne 0 ] || fail "history --db FIFO: exit status 0"
grep -qF "FIFO" "$work/err" || fail "history --db FIFO: message: $(cat "$work/err")"
mkdir "$work/folder"
"$JATTA" history --db "$work/folder" >/dev/null 2>"$work/err"
grep -qF "is a folder, not a database file" "$work/err" || fail "history --db DIR: message: $(cat "$work/err")"
grep -qF "not an SQLite database" "$work/err" && fail "history --db DIR still says 'not an SQLite database'"
# Database, WAL and SHM: the owner's alone, whatever the umask.
(umask 022; exec "$JATTA" debug answer-loop --db "$work/private.sqlite" --cards 5 --seed 3 >/dev/null 2>&1) &
loop=$!
for _ in $(seq 100); do [ -e "$work/private.sqlite-shm" ] && [ -e "$work/private.sqlite-wal" ] && break; sleep 0.1; done
for f in private.sqlite private.sqlite-wal private.sqlite-shm; do
    [ -e "$work/$f" ] || { fail "$f was never created"; continue; }
    mode=$(stat -c %a "$work/$f")
    [ "$mode" = 600 ] || fail "$f created with mode $mode, expected 600"
done
kill "$loop" 2>/dev/null; wait "$loop" 2>/dev/null

# --- A damaged progress store: a corrupt-store message naming the card ---
"$JATTA" debug answer-loop --db "$work/bad.sqlite" --count 4 --cards 2 --seed 5 >/dev/null
key=$(sqlite3 "$work/bad.sqlite" "SELECT key FROM review_log LIMIT 1")
sqlite3 "$work/bad.sqlite" "DROP TRIGGER review_no_update; PRAGMA ignore_check_constraints = ON;
    UPDATE review SET stability = 'abc', shape = -1 WHERE card = (SELECT id FROM log_card WHERE key = '$key');"
bad_hash=$(hash "$work/bad.sqlite")
"$JATTA" history --db "$work/bad.sqlite" --lang en >/dev/null 2>"$work/err"; status=$?
crashed "$status" && fail "history on text in a numeric column crashed (status $status)"
[ "$status" -ne 0 ] || fail "history on a damaged store: exit status 0"
grep -qF "damaged" "$work/err" && grep -qF "$key" "$work/err" \
    || fail "history on a damaged store: no corrupt-store message naming $key: $(cat "$work/err")"
[ "$(hash "$work/bad.sqlite")" = "$bad_hash" ] || fail "history changed a damaged store"

# --- Control characters from decks and file names never reach the terminal ---
printf 'Q: Title\033]0;pwned\007 clear\033[2J clip\033]52;c;ZXZpbA==\007?\nA: ok\033[31m\n' >"$work/evil.deck"
evil_name="$work/$(printf 'bad\033[2Jname').deck"
printf 'Q: broken\nlevel: 9\n' >"$evil_name"
check_clean() {  # NAME FILE
    if grep -qP '[\x00-\x08\x0B-\x1F\x7F]' "$2"; then fail "$1 wrote a control character: $(grep -aP '[\x00-\x08\x0B-\x1F\x7F]' "$2" | od -c | head -3)"; fi
}
"$JATTA" list "$work/evil.deck" >"$work/out" 2>&1; check_clean "list" "$work/out"
grep -qF "Title␛]0;pwned" "$work/out" || fail "list does not show the ESC visibly"
"$JATTA" check "$evil_name" >"$work/out" 2>&1; check_clean "check (file name)" "$work/out"
grep -qF "bad␛[2Jname" "$work/out" || fail "check does not show the file name's ESC visibly"
printf 's\n\nq\n' | "$JATTA" study --plain --db "$work/s.sqlite" "$work/evil.deck" >"$work/out" 2>&1
check_clean "study --plain" "$work/out"
grep -qF "␛]0;pwned" "$work/out" || fail "study --plain did not show the prompt at all"
printf 'x\n' | "$JATTA" quiz --plain --no-record --seed 1 "$work/evil.deck" >"$work/out" 2>&1
check_clean "quiz --plain" "$work/out"
# fmt and pin-ids name the files they change (and the ones they cannot).
evil_fmt="$work/$(printf 'fmt\033]0;pwned\007name').deck"
printf 'Q;  Неше?\nA :үш\n' >"$evil_fmt"
"$JATTA" fmt --check "$evil_fmt" >"$work/out" 2>&1; check_clean "fmt (file name)" "$work/out"
grep -qF "fmt␛]0;pwned␇name" "$work/out" || fail "fmt does not show the file name's ESC visibly: $(head -c 300 "$work/out")"
evil_pin="$work/$(printf 'pin\033]0;pwned\007name').deck"
printf 'Q: Неше?\nA: үш\n' >"$evil_pin"
"$JATTA" pin-ids --dry-run "$evil_pin" >"$work/out" 2>&1; check_clean "pin-ids (file name)" "$work/out"
grep -qF "pin␛]0;pwned␇name" "$work/out" || fail "pin-ids does not show the file name's ESC visibly: $(head -c 300 "$work/out")"

[ "$failures" -eq 0 ] || { echo "hostile-io: $failures failure(s)" >&2; exit 1; }
echo "hostile-io: ok"
