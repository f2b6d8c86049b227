#!/usr/bin/env bash
# Nothing the student sees depends on the compiled deck index: every
# command's output (study in plain mode and its full screen in tmux, list,
# list --json, check, quiz, judge) is byte for byte the same with the index
# switched off, built cold, read warm (without reading the unchanged deck
# file), damaged (a card body too), written by another build, and after an
# edit that keeps the file's size and modification time.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
registry_rows_dir="$(pwd)/scripts/lib"
root=$(pwd)
. scripts/lib/midday-tz.sh
command -v tmux >/dev/null 2>&1 || { echo "deck-index: FAIL: tmux is not installed" >&2; exit 1; }
. scripts/lib/deps.sh
jatta_ensure_packages python3 inotifywait || { echo "deck-index: FAIL: python3 and inotify-tools are needed" >&2; exit 1; }
. scripts/lib/jatta-binary.sh

work=$(mktemp -d)
sock="jatta-deck-index-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$work"' EXIT
fail() { echo "deck-index: FAIL: $*" >&2; exit 1; }
export HOME="$work/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CACHE_HOME="$work/cache"
unset JATTA_LANG JATTA_DB JATTA_DECK_INDEX
mkdir -p "$HOME" "$work/decks"
cp decks/*.deck scripts/tests/fixtures/*.deck "$work/decks/"
# Files under 16 KiB are parsed, not indexed (ten-mistakes.deck); the
# bundled decks are indexed, and one deck larger than any (every bundled
# card twice over, so lint finds duplicates too).
cat decks/*.deck decks/*.deck >"$work/decks/big.deck"
[ "$(stat -c %s "$work/decks/big.deck")" -ge 65536 ] || { echo "deck-index: FAIL: big.deck is too small to be indexed" >&2; exit 1; }
index="$work/cache/jatta/deck-index"

# Every command's output, into folder $1 (the progress database starts empty
# each time, so study shows the same first cards).
outputs() {
    local out=$1
    mkdir -p "$out"
    rm -f "$work/p.sqlite"*
    (
        cd "$work"
        printf '\n3\n\n3\nq\n' | "$JATTA" study --plain --lang en --db "$work/p.sqlite" decks >"$out/study.txt" 2>&1
        echo "exit $?" >>"$out/study.txt"
        "$JATTA" list decks >"$out/list.txt" 2>&1; echo "exit $?" >>"$out/list.txt"
        "$JATTA" list --json decks >"$out/list.json" 2>&1; echo "exit $?" >>"$out/list.json"
        "$JATTA" check decks >"$out/check.txt" 2>&1; echo "exit $?" >>"$out/check.txt"
        "$JATTA" check --lang kk decks/ten-mistakes.deck >"$out/check-kk.txt" 2>&1; echo "exit $?" >>"$out/check-kk.txt"
        printf '1992\n\nРежим\n\n' | "$JATTA" quiz --plain --no-record --seed 7 --count 4 --lang en decks \
            >"$out/quiz.txt" 2>&1
        echo "exit $?" >>"$out/quiz.txt"
        "$JATTA" judge --deck decks "Режим" "режм" >"$out/judge.txt" 2>&1; echo "exit $?" >>"$out/judge.txt"
    )
    # The full screen: the home screen and the first card, 80×24.
    rm -f "$work/p.sqlite"*
    tm kill-session -t s >/dev/null 2>&1
    tm new-session -d -s s -x 80 -y 24 "env -u TMUX PS1='$ ' bash --norc --noprofile -i"
    tm send-keys -t s "cd '$work' && '$JATTA' study --lang kk --db '$work/p.sqlite' decks" Enter
    local i
    for i in $(seq 100); do tm capture-pane -p -t s | grep -qF "Барлық десте" && break; sleep 0.1; done
    tm capture-pane -p -t s >"$out/home-screen.txt"
    tm send-keys -t s Enter
    sleep 0.5
    tm capture-pane -p -t s >"$out/first-card-screen.txt"
    tm send-keys -t s q
    sleep 0.2
    tm send-keys -t s q
    tm kill-session -t s >/dev/null 2>&1
}
# Waits until every deck file in folder $1 last changed more than 3 s ago:
# an entry vouches for its file's status only when the file had settled
# before it was written (DeckIndex), so entries written now are trusted
# later.
settle() {
    local newest
    newest=$(stat -c %Z "$1"/*.deck | sort -n | tail -1)
    while [ "$(date +%s)" -le $((newest + 3)) ]; do sleep 0.2; done
}
# Runs "$@" and fails when it read the bytes of clean.deck (inotify's
# access event; opening it for its status is no read).
reads_no_deck() {
    local events="$work/events.txt"
    inotifywait -q -m -e access --format '%e' "$work/clean/clean.deck" >"$events" 2>/dev/null &
    local watcher=$!
    sleep 0.3
    "$@" >/dev/null 2>&1
    sleep 0.2
    kill "$watcher" 2>/dev/null
    wait "$watcher" 2>/dev/null
    [ ! -s "$events" ] || fail "$* read clean.deck although it had not changed"
}
same() { # NAME: outputs/NAME equal to outputs/off
    diff -r "$work/out-off" "$work/out-$1" >"$work/diff.txt" || { cat "$work/diff.txt" >&2; fail "$1: output differs from the run without the index"; }
}

JATTA_DECK_INDEX=off outputs "$work/out-off"
[ -e "$index" ] && fail "JATTA_DECK_INDEX=off wrote an index"
grep -q "Барлық десте" "$work/out-off/home-screen.txt" || fail "no home screen captured"
grep -q "ten-mistakes.deck:" "$work/out-off/check.txt" || fail "check found nothing to report: the test would prove little"

settle "$work/decks"
outputs "$work/out-cold"
same cold
entries=$(ls "$index" | grep -c '\.deckindex$')
indexed=$(find "$work/decks" -name '*.deck' -size +16383c | wc -l)
[ "$indexed" -ge 2 ] && [ -n "$(find "$work/decks" -name '*.deck' -size -16384c)" ] \
    || fail "the decks should hold files on both sides of 16 KiB"
[ "$entries" -eq "$indexed" ] || fail "expected an entry for each of the $indexed decks of 16 KiB or more, found $entries"
lints=$(ls "$index" | grep -c '\.cross-deck-lint$')
[ "$lints" -eq 1 ] || fail "expected the cross-deck lint kept once, found $lints"

# Warm: the entries are read, not rewritten.
touch -d '2001-01-01' "$index"/*
outputs "$work/out-warm"
same warm
[ -z "$(find "$index" -newermt '2002-01-01' -type f)" ] || fail "a warm start rewrote entries it should have read"
# ... and does not read an unchanged deck file at all: its status vouches.
# (A deck without findings: showing a finding reads the lines it points to.)
# clean_deck FILE COUNT: a deck of COUNT questions in which check finds
# nothing.
clean_deck() {
    python3 - "$1" "$2" <<'PY' || fail "could not write $1"
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("# Таза десте\n\n")
    for i in range(int(sys.argv[2])):
        f.write(f"Q: Таза сұрақ нөмірі {i}?\nA: Жауап {i}.\n\n")
PY
}
mkdir -p "$work/clean"
clean_deck "$work/clean/clean.deck" 1500
[ "$(stat -c %s "$work/clean/clean.deck")" -ge 65536 ] || fail "clean.deck is too small to be indexed"
settle "$work/clean"
(
    cd "$work"
    export XDG_CACHE_HOME="$work/cache-clean"
    "$JATTA" check clean >/dev/null 2>&1 || fail "check found problems in the clean deck"
    reads_no_deck "$JATTA" study --plain --lang en --db "$work/w.sqlite" clean
    reads_no_deck "$JATTA" list --json clean
    reads_no_deck "$JATTA" check clean
) || exit 1
# Without the index, the watch sees the read (so it proves something).
(
    cd "$work"
    export XDG_CACHE_HOME="$work/cache-clean"
    JATTA_DECK_INDEX=off reads_no_deck "$JATTA" list clean
) 2>/dev/null && fail "the watch saw no read of clean.deck even without the index"

# A card body damaged in the entry: bodies are checked block by block when
# read, so the damage is found as a card is shown; the deck file gives the
# bodies instead, the entry is removed, and the next start rebuilds it.
entry=$(ls -S "$index"/*.deckindex | head -n 1)   # big.deck's, the largest
python3 - "$entry" <<'PY' || fail "could not damage the entry"
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[len(b) - 100] ^= 0x41   # deep in the bodies, past the head
open(p, "wb").write(b)
PY
outputs "$work/out-body-damaged"
same body-damaged
[ -e "$entry" ] || fail "the entry with a damaged body was not rebuilt"

# Damaged entries: garbage, cut short, emptied.
n=0
for e in "$index"/*; do
    case $((n % 3)) in
    0) head -c 300 /dev/urandom >"$e" ;;
    1) truncate -s $(( $(stat -c %s "$e") / 2 )) "$e" ;;
    2) : >"$e" ;;
    esac
    n=$((n + 1))
done
outputs "$work/out-damaged"
same damaged

# Written by another build: a copy of the binary has another stamp, so it
# rebuilds every entry (and still shows the same).
cp "$JATTA" "$work/jatta-copy"
touch -d '2001-01-01' "$index"/*
JATTA="$work/jatta-copy" outputs "$work/out-other-build"
same other-build
[ -z "$(find "$index" -not -newermt '2002-01-01' -type f)" ] || fail "entries of another build were not rebuilt"

# An edit that keeps the size and the modification time: caught by the hash.
f="$work/decks/big.deck"
python3 - "$f" <<'PY' || fail "could not edit the deck"
import os, sys
p = sys.argv[1]
st = os.stat(p)
text = open(p, encoding="utf-8").read()
assert "Режим" in text
text = text.replace("Режим", "Рэжим", 1)   # same byte length (е and э are both two bytes)
open(p, "w", encoding="utf-8").write(text)
os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))
assert os.stat(p).st_size == st.st_size
PY
# Past the time an edit needs to settle: only the change time, which no
# one can set back, tells the file from the one the entry was made from.
settle "$work/decks"
JATTA_DECK_INDEX=off outputs "$work/out-off"
outputs "$work/out-edited"
same edited
grep -q "Рэжим" "$work/out-edited/list.txt" || fail "the edited card is not listed"
grep -q "big.deck" "$work/out-off/list.txt" || fail "big.deck is not listed"
# The registry: a start with the index registers an unchanged deck by the
# fingerprint the entry keeps, without visiting its cards. After a study, an
# edit that adds a card, and another study on the same store, the
# registry must be what the same steps give with the index off.
registry() { # DB -> the registry's rows (not the time first seen)
    python3 - "$1" "$registry_rows_dir" <<'PY'
import sqlite3, sys
sys.path.insert(0, sys.argv[2])
from registry_rows import decode
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT key, deck_file, prompt, level FROM card ORDER BY key"):
    print(repr(tuple(decode(v) for v in row)))
for row in db.execute("SELECT deck_file, fingerprint FROM registered_deck ORDER BY deck_file"):
    print(repr(row))
PY
}
registry_steps() { # OUT
    rm -f "$work/r.sqlite"* "$work/decks/big.deck"
    cat decks/*.deck decks/*.deck >"$work/decks/big.deck"
    (
        cd "$work"
        "$JATTA" study --plain --lang en --db "$work/r.sqlite" decks </dev/null >/dev/null 2>&1
        "$JATTA" study --plain --lang en --db "$work/r.sqlite" decks </dev/null >/dev/null 2>&1
        printf '\nQ: Тіркеуге жаңа сұрақ?\nA: Иә.\n' >>decks/big.deck
        "$JATTA" study --plain --lang en --db "$work/r.sqlite" decks </dev/null >/dev/null 2>&1
    )
    registry "$work/r.sqlite" >"$1"
}
JATTA_DECK_INDEX=off registry_steps "$work/registry-off.txt"
registry_steps "$work/registry-index.txt"
grep -q "Тіркеуге жаңа сұрақ" "$work/registry-off.txt" || fail "the added card is not registered: the test would prove little"
diff "$work/registry-off.txt" "$work/registry-index.txt" >&2 || fail "the registry differs with the index"

# Entries are written on a thread of their own while the command goes on
# (DeckIndexWrites): a command that ends right after reading the decks still
# leaves each entry whole, and no temporary file behind.
mkdir -p "$work/quick/decks"
clean_deck "$work/quick/decks/many.deck" 6000
settle "$work/quick/decks"
quick_index="$work/quick/index"
for attempt in 1 2 3; do
    rm -rf "$quick_index"
    (cd "$work/quick" && JATTA_DECK_INDEX="$quick_index" "$JATTA" check decks >/dev/null 2>&1)
    [ "$(find "$quick_index" -name '*.deckindex' | wc -l)" -eq 1 ] \
        || fail "check ended before the entry of many.deck was written: $(ls "$quick_index" 2>&1)"
    [ -z "$(find "$quick_index" -name '*.tmp')" ] || fail "an entry was left half written: $(ls "$quick_index")"
    touch -d '2001-01-01' "$quick_index"/*
    (cd "$work/quick" && JATTA_DECK_INDEX="$quick_index" "$JATTA" check decks >/dev/null 2>&1)
    [ -z "$(find "$quick_index" -name '*.deckindex' -newermt '2002-01-01')" ] \
        || fail "the entry written as check ended was not read back: it was written again"
done

echo "deck-index: ok"
