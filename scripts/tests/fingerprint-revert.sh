#!/usr/bin/env bash
# A card cut from one deck file and pasted into another, studied, then the
# edit reverted (`git checkout a.deck b.deck`) must end up back under its
# first file, on the real binary (docs/progress-store.md, registration):
# while only b.deck was studied the card moved to it card by card, and that
# must make a.deck's fingerprint stale, or a.deck, back as it was, is
# skipped and the card stays counted under b.deck.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages sqlite3 python3 git >/dev/null || { echo "FAIL: sqlite3, python3 and git are needed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" TZ=UTC
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=s GIT_AUTHOR_EMAIL=s@example.org GIT_COMMITTER_NAME=s GIT_COMMITTER_EMAIL=s@example.org
unset JATTA_DB JATTA_DECK_INDEX
failures=0
fail() { echo "fingerprint-revert: FAIL: $*" >&2; failures=$((failures + 1)); }
course="$HOME/course"
db="$work/progress.sqlite"
mkdir -p "$course" "$XDG_CACHE_HOME"
cd "$course" || exit 1

card() { printf 'Q: Question %s?\nA: Answer %s\nid: %s\n\n' "$1" "$1" "$1"; }
{ printf '# A\nnamespace: fp\n\n'; card a1; card a2; card cut; } >a.deck
{ printf '# B\nnamespace: fp\n\n'; card b1; card b2; } >b.deck
git init -q . && git add a.deck b.deck && git commit -qm decks || { echo "FAIL: git" >&2; exit 1; }

# Per deck file (as `stats --json` names it), how many cards it holds.
totals() {
    "$JATTA" stats --json --lang en "$@" --db "$db" 2>"$work/err" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
counts = {}
for group in doc["statistics"]["knowledgeGroups"]:
    counts[group["deckFile"]] = counts.get(group["deckFile"], 0) + group["knowledge"]["total"]
print(" ".join(f"{name}={counts[name]}" for name in sorted(counts)))' || cat "$work/err" >&2
}
study() { "$JATTA" study "$@" --plain --lang en --db "$db" <<<"$(printf 'g\n3\n%.0s' 1 2 3)" >/dev/null 2>"$work/err" || true; }

study a.deck b.deck
before=$(totals a.deck b.deck)
[ "$before" = "a.deck=3 b.deck=2" ] || fail "the decks as written are counted as $before"

# The card is cut from a.deck and pasted into b.deck; only b.deck is studied.
{ printf '# A\nnamespace: fp\n\n'; card a1; card a2; } >a.deck
{ printf '# B\nnamespace: fp\n\n'; card b1; card b2; card cut; } >b.deck
study b.deck
[ "$(sqlite3 "$db" "SELECT deck_file FROM card WHERE key = 'fp:cut'")" = "$course/b.deck" ] \
    || fail "the pasted card is not under b.deck: $(sqlite3 "$db" "SELECT deck_file FROM card WHERE key = 'fp:cut'")"

[ "$(sqlite3 "$db" "SELECT count(*) FROM review_log WHERE key = 'fp:cut' AND deck_file = '$course/b.deck'")" = 1 ] \
    || fail "the pasted card was not answered under b.deck"

# The edit is reverted: both files are back byte for byte.
git checkout -q a.deck b.deck
study a.deck b.deck
[ "$(sqlite3 "$db" "SELECT deck_file FROM card WHERE key = 'fp:cut'")" = "$course/a.deck" ] \
    || fail "after the revert the card is under $(sqlite3 "$db" "SELECT deck_file FROM card WHERE key = 'fp:cut'")"
[ "$(sqlite3 "$db" "SELECT count(*) FROM card_state WHERE key = 'fp:cut'")" = 1 ] || fail "the card's progress is lost"
after=$(totals a.deck b.deck)
[ "$after" = "$before" ] || fail "after the revert stats counts $after, not $before"

[ "$failures" = 0 ] && echo "fingerprint-revert: ok"
exit $((failures > 0))
