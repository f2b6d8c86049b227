#!/usr/bin/env bash
# A deck file's identity in the progress store does not depend on how its
# path was typed (docs/progress-store.md, "Deck file names"), on the real
# binary:
#
# 1. Spellings: a course is studied (answers, undos, buries, suspensions,
#    a quiz) as `decks`; then started and its statistics read as `./decks`,
#    `decks/`, the absolute path, `decks/../decks`, a symbolic link to the
#    folder, `$HOME/...` and one file by a path through the link. The store
#    must not change by a byte of what it means (registry, groups, states,
#    fingerprints, log, summaries: no card re-registered, no answer moved)
#    and `stats --json` must give the same files and figures. An answer
#    given through the link is logged under the same file name.
# 2. A renamed deck file (`mv a.deck b.deck`, as `git mv` does) moves its
#    cards as a whole: their groups keep their numbers, states and answer
#    summaries are left as they were, and `debug verify` finds the kept
#    counts and summaries equal to a recomputation from the log.
# 3. A store made by jatta 0.7 (scripts/tests/fixtures/progress-0.7.sqlite,
#    deck files stored as typed, relative to the repository root) opened
#    from a folder holding the same decks: every card, state, log row,
#    group and summary is kept, only each deck file's name becomes the
#    stored name, and the statistics are those read before the upgrade.
set -uo pipefail
cd "$(dirname "$0")/../.."
registry_rows="$(pwd)/scripts/lib/registry_rows.py"
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages sqlite3 python3 >/dev/null || { echo "FAIL: sqlite3 and python3 are needed" >&2; exit 1; }
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" TZ=UTC
unset JATTA_DB JATTA_DECK_INDEX
mkdir -p "$HOME/course/decks" "$XDG_CACHE_HOME"
failures=0
fail() { echo "deck-paths: FAIL: $*" >&2; failures=$((failures + 1)); }
q() { sqlite3 "$1" "$2"; }

# Every table of what the store means, in a fixed order. `$2` is a prefix
# taken out of every deck file name (the folder the upgrade adds).
dump() {
    local db=$1 prefix=${2:-}
    local name="replace(deck_file, '$prefix', '')"
    python3 "$registry_rows" "$db" key "$name" prompt level first_seen answered
    echo ---
    q "$db" "SELECT * FROM card_state ORDER BY key"
    echo ---
    q "$db" "SELECT id, $name, level_key, total, answered FROM card_group ORDER BY id"
    echo ---
    q "$db" "SELECT id, key, $name, session, at, kind, rating, duration_ms, undoes, b_state, b_step, b_stability,
        b_difficulty, b_due, b_last_review, b_reps, b_lapses, b_suspended, b_buried_until, a_state, a_step,
        a_stability, a_difficulty, a_due, a_last_review, a_reps, a_lapses, a_suspended, a_buried_until
        FROM review_log ORDER BY id"
    echo ---
    q "$db" "SELECT slot, $name, grp, answers, correct, duration_ms, young_passed, young_failed, mature_passed,
        mature_failed FROM answer_slot ORDER BY 1, 2, 3"
    echo ---
    q "$db" "SELECT session, key, $name, first_at, answers, correct FROM quiz_summary ORDER BY 1, 2, 3"
    echo ---
    q "$db" "SELECT * FROM quiz_answer ORDER BY log_id"
}
# `stats --json` without its clock (the figures are read at one moment).
stats() {
    "$JATTA" stats --json --lang en "$@" 2>&1 | python3 -c '
import json, sys
doc = json.load(sys.stdin)
doc.pop("paths", None)
doc["statistics"].pop("now", None)
print(json.dumps(doc, sort_keys=True, ensure_ascii=False))'
}
. scripts/lib/student-lines.sh

# --- 1. Spellings ------------------------------------------------------------
course="$HOME/course"
cp "$repo"/decks/*.deck "$course/decks/"
# One file large enough for the deck index (64 KiB and more), so both ways
# of registering (the index's kept fingerprint, and the cards') are met.
python3 - "$course/decks/big.deck" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("# Big\nnamespace: big\n\n")
    for i in range(2500):
        f.write(f"Q: Big question {i}?\nA: Answer {i}\nlevel: {i % 3 + 1}\nid: b{i}\n\n")
PY
ln -s "$course/decks" "$HOME/link"
db="$work/progress.sqlite"
cd "$course"
student_lines 1 150 | "$JATTA" study decks --plain --lang en --db "$db" >/dev/null 2>"$work/err" || fail "study decks: $(head -3 "$work/err")"
printf "1\n%.0s" {1..60} | "$JATTA" quiz decks --plain --seed 3 --count 20 --lang en --db "$db" >/dev/null 2>&1
"$JATTA" study decks --plain --lang en --db "$db" </dev/null >/dev/null 2>&1
[ "$(q "$db" "SELECT count(*) FROM review_log WHERE kind IN ('study', 'quiz')")" -ge 20 ] || fail "too few answers recorded"
real=$(cd "$course/decks" && pwd -P)
[ "$(q "$db" "SELECT count(*) FROM card WHERE deck_file NOT LIKE '$real/%'")" = 0 ] \
    || fail "a card's deck file is not the stored name: $(q "$db" "SELECT DISTINCT deck_file FROM card" | head -3)"
dump "$db" >"$work/spelt-before"
q "$db" "SELECT * FROM registered_deck ORDER BY 1" >"$work/fingerprints-before"
stats decks --db "$db" >"$work/stats-before"
grep -q '"deckFile": "decks/big.deck"' "$work/stats-before" || fail "stats does not name files relative to the current folder: $(head -c 300 "$work/stats-before")"
for spelling in ./decks decks/ "$course/decks" decks/../decks "$HOME/link" "$HOME/link/" "$HOME/course/./decks"; do
    "$JATTA" study "$spelling" --plain --lang en --db "$db" </dev/null >/dev/null 2>"$work/err" \
        || fail "study $spelling: $(head -3 "$work/err")"
    dump "$db" >"$work/spelt-after"
    cmp -s "$work/spelt-before" "$work/spelt-after" \
        || fail "the store changed after study $spelling: $(diff "$work/spelt-before" "$work/spelt-after" | head -4 | cut -c1-300)"
    q "$db" "SELECT * FROM registered_deck ORDER BY 1" | cmp -s - "$work/fingerprints-before" \
        || fail "the decks were registered again after study $spelling"
    stats "$spelling" --db "$db" >"$work/stats-after"
    cmp -s "$work/stats-before" "$work/stats-after" \
        || fail "stats --json differs for $spelling: $(diff "$work/stats-before" "$work/stats-after" | head -4 | cut -c1-300)"
done
# One file through the link, from another folder.
(cd "$work" && "$JATTA" study "$HOME/link/big.deck" --plain --lang en --db "$db" </dev/null >/dev/null 2>&1)
dump "$db" | cmp -s - "$work/spelt-before" || fail "the store changed after studying one file through the link"
# An answer through the link is logged under the file's stored name.
printf '\n3\nq\nq\n' | "$JATTA" study "$HOME/link" --plain --lang en --db "$db" >/dev/null 2>&1
[ "$(q "$db" "SELECT deck_file FROM review_log WHERE id = (SELECT max(id) FROM review)" | cut -c1-${#real})" = "$real" ] \
    || fail "an answer through the link is logged as $(q "$db" "SELECT deck_file FROM review_log ORDER BY id DESC LIMIT 1")"
"$JATTA" debug verify --db "$db" >"$work/verify" 2>&1 || fail "verify after the spellings: $(head -3 "$work/verify")"

# --- 2. A renamed deck file ---------------------------------------------------
q "$db" "SELECT key, grp FROM card_state WHERE key LIKE 'big:%' ORDER BY key" >"$work/grp-before"
q "$db" "SELECT id, level_key, total, answered FROM card_group WHERE deck_file = '$real/big.deck' ORDER BY id" >"$work/groups-before"
q "$db" "SELECT * FROM answer_slot ORDER BY 1, 2, 3" >"$work/slots-before"
[ -s "$work/grp-before" ] || fail "no card of the big deck was answered"
mv "$course/decks/big.deck" "$course/decks/renamed.deck"
"$JATTA" study decks --plain --lang en --db "$db" </dev/null >/dev/null 2>"$work/err" || fail "study after the rename: $(head -3 "$work/err")"
[ "$(q "$db" "SELECT count(*) FROM card WHERE key LIKE 'big:%' AND deck_file <> '$real/renamed.deck'")" = 0 ] \
    || fail "the renamed file's cards did not all move"
q "$db" "SELECT id, level_key, total, answered FROM card_group WHERE deck_file = '$real/renamed.deck' ORDER BY id" \
    | cmp -s - "$work/groups-before" || fail "the renamed file's groups were not moved whole"
[ "$(q "$db" "SELECT count(*) FROM card_group WHERE deck_file = '$real/big.deck'")" = 0 ] || fail "the old file's groups are left"
q "$db" "SELECT key, grp FROM card_state WHERE key LIKE 'big:%' ORDER BY key" | cmp -s - "$work/grp-before" \
    || fail "the renamed file's states changed groups"
q "$db" "SELECT * FROM answer_slot ORDER BY 1, 2, 3" | cmp -s - "$work/slots-before" || fail "answer summaries changed on a rename"
"$JATTA" debug verify --db "$db" >"$work/verify" 2>&1 || fail "verify after the rename: $(head -3 "$work/verify")"

# --- 3. A store made by jatta 0.7 -----------------------------------------------
old="$work/old"
mkdir -p "$old/examples"
cp -r "$repo/decks" "$old/decks"
cp "$repo/examples/sayasat.deck" "$old/examples/"
db="$work/progress-0.7.sqlite"
cp "$repo/scripts/tests/fixtures/progress-0.7.sqlite" "$db"
[ "$(q "$db" "SELECT count(*) FROM card WHERE deck_file LIKE '/%'")" = 0 ] || fail "the fixture does not hold typed names"
cd "$old"
dump "$db" >"$work/old-before"
stats --db "$db" >"$work/old-stats-before"
# Files named before anything respelt them (only stats ran since the
# upgrade): the answers kept under the typed names still count.
stats decks examples/sayasat.deck --db "$db" >"$work/old-named-before"
"$JATTA" study decks examples/sayasat.deck --plain --lang en --db "$db" </dev/null >/dev/null 2>"$work/err" \
    || fail "study on the 0.7 store: $(head -3 "$work/err")"
oldreal=$(pwd -P)
[ "$(q "$db" "SELECT count(*) FROM card WHERE deck_file NOT LIKE '$oldreal/%'")" = 0 ] \
    || fail "cards left under their typed names: $(q "$db" "SELECT DISTINCT deck_file FROM card" | head -3)"
dump "$db" "$oldreal/" >"$work/old-after"
cmp -s "$work/old-before" "$work/old-after" \
    || fail "the upgrade changed more than the names: $(diff "$work/old-before" "$work/old-after" | head -6 | cut -c1-300)"
stats --db "$db" >"$work/old-stats-after"
stats decks examples/sayasat.deck --db "$db" >"$work/old-named-after"
cmp -s "$work/old-named-before" "$work/old-named-after" \
    || fail "stats naming the files differ before and after the upgrade: $(diff "$work/old-named-before" "$work/old-named-after" | head -4 | cut -c1-300)"
cmp -s "$work/old-stats-before" "$work/old-stats-after" \
    || fail "stats differ after the upgrade: $(diff "$work/old-stats-before" "$work/old-stats-after" | head -4 | cut -c1-300)"
"$JATTA" debug verify --db "$db" >"$work/verify" 2>&1 || fail "verify after the upgrade: $(head -3 "$work/verify")"
"$JATTA" history --db "$db" --limit 3 --lang en >"$work/history" 2>&1
grep -q " decks/" "$work/history" || fail "history does not name files relative to the current folder: $(head -3 "$work/history")"

if [ "$failures" -gt 0 ]; then
    echo "deck-paths: $failures failure(s)" >&2
    exit 1
fi
echo "deck-paths: ok"
