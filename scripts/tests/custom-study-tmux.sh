#!/usr/bin/env bash
# End-to-end test of custom study: the real binary in tmux (its own -L
# socket). A card answered Again and one suspended in plain mode; then on
# the home screen `/` finds the suspended card, its info shows the history
# from the store and `u` unsuspends it (logged); `c` opens custom study,
# "failed today" as a practice asks the failed card and writes nothing to
# the store; `jatta find` and `jatta study --search --practice` from the
# command line.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)

command -v tmux >/dev/null 2>&1 || { echo "FAIL: tmux is not installed" >&2; exit 1; }
. scripts/lib/jatta-binary.sh

work=$(mktemp -d)
sock="jatta-custom-$$"
export HOME="$work/home" JATTA_DB="$work/progress.sqlite" JATTA_DECK_INDEX=off LANG=C.UTF-8 LC_ALL=C.UTF-8
. scripts/lib/midday-tz.sh
mkdir -p "$HOME" "$work/decks"
unset JATTA_LANG
pane=custom
. scripts/lib/tmux-pane.sh
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT

cat >"$work/decks/c.deck" <<'DECK'
# Custom

Q: Қазақстанның астанасы?
A: Астана

Q: Алматы қай өңірде?
A: Оңтүстікте

T: Режим
D: Мемлекеттердің келісілген нормалары.
DECK

# --- 1. Plain mode: the first card Again, the next suspended ---------------
out=$(printf '\n1\n!\n' | "$JATTA" study --plain --lang en "$work/decks" 2>&1) || fail "plain study: exit $?: $out"
grep -qF "Қазақстанның астанасы?" <<<"$out" || fail "plain: first card not asked: $out"
grep -qF "Card suspended" <<<"$out" || fail "plain: nothing suspended: $out"
suspended=$("$JATTA" history --lang en | awk '$4 == "suspend" {print $5; exit}')
[ -n "$suspended" ] || fail "no suspend in the history: $("$JATTA" history --lang en)"

# --- 2. jatta find: the suspended card with its schedule; exit statuses -----
word=$([ "$suspended" = "${suspended#term}" ] && echo "АЛМАТЫ" || echo "РЕЖИМ")
found=$("$JATTA" find --lang en "$word" "$work/decks") || fail "find: exit $?"
grep -qF "$suspended" <<<"$found" || fail "find does not list $suspended: $found"
grep -qF "suspended" <<<"$found" || fail "find does not say suspended: $found"
out=$("$JATTA" find --lang en "жоқсөз" "$work/decks" 2>"$work/err"); st=$?
[ "$st" = 1 ] || fail "find with no match: exit $st (expected 1)"
# Its message on standard error, as every non-zero status's (it was on stdout).
[ -z "$out" ] || fail "find with no match printed on standard output: $out"
grep -qF "No card holds “жоқсөз”" "$work/err" || fail "find with no match: $(cat "$work/err")"
# An empty word (or only spaces) is a mistake, not a search that found
# nothing: usage error 64 with both languages' message, as study --search.
for empty in "" "   "; do
    "$JATTA" find --lang en "$empty" "$work/decks" >/dev/null 2>"$work/err"; st=$?
    [ "$st" = 64 ] || fail "find '$empty': exit $st (expected 64)"
    grep -qF "jatta find needs a word with a letter or a digit" "$work/err" || fail "find '$empty': message: $(cat "$work/err")"
    grep -qF "jatta find әріп не сан бар сөзді күтеді" "$work/err" || fail "find '$empty': no Kazakh message: $(cat "$work/err")"
done

# history --card: a mistyped id says so on standard error with status 1
# (it said "Nothing recorded yet.", as of an empty log); a card the store
# knows but nobody answered says that of the card, status 0.
"$JATTA" history --lang en --card "$suspended" | grep -qF "$suspended" || fail "history --card $suspended shows nothing"
out=$("$JATTA" history --lang en --card "no-such-card" 2>"$work/err"); st=$?
[ "$st" = 1 ] || fail "history --card of an unknown id: exit $st (expected 1)"
[ -z "$out" ] || fail "history --card of an unknown id printed: $out"
grep -qF "No card no-such-card in the progress database" "$work/err" || fail "history --card unknown: $(cat "$work/err")"
out=$("$JATTA" history --lang en --json --card "no-such-card" 2>/dev/null)
[ "$out" = "[]" ] || fail "history --json --card of an unknown id: $out"
# The same where no database exists yet (it said "Nothing recorded yet.", 0).
out=$("$JATTA" history --lang en --card "no-such-card" --db "$work/never-made.sqlite" 2>"$work/err"); st=$?
[ "$st" = 1 ] && [ -z "$out" ] || fail "history --card with no database: exit $st, printed $out"
grep -qF "No card no-such-card in the progress database" "$work/err" || fail "history --card, no database: $(cat "$work/err")"
[ ! -e "$work/never-made.sqlite" ] || fail "history created a database"
unanswered=""
for id in $("$JATTA" list --lang en "$work/decks" | awk 'NR > 1 {print $1}'); do
    [ "$("$JATTA" history --json --card "$id" 2>/dev/null)" = "[]" ] && { unanswered=$id; break; }
done
[ -n "$unanswered" ] || fail "the test found no card without history"
out=$("$JATTA" history --lang en --card "$unanswered" 2>&1); st=$?
[ "$st" = 0 ] || fail "history --card of a card not answered: exit $st ($out)"
[ "$out" = "Nothing recorded yet for $unanswered." ] || fail "history --card of a card not answered: $out"

# --- 3. Home screen: / search, card info, unsuspend -------------------------
tm new-session -d -s custom -x 90 -y 26 "env -u TMUX PS1='$ ' bash --norc --noprofile -i"
tm send-keys -t custom "cd '$root'; clear" Enter
tm send-keys -t custom "'$JATTA' --lang en '$work/decks'; echo JATTA-EXIT=\$?" Enter
wait_for "All decks"
tm send-keys -t custom /
wait_for "Word:"
tm send-keys -t custom -l "$word"
tm send-keys -t custom Enter
wait_for "1 card found"
screen | grep -qF "suspended" || fail "search does not show the card suspended"
tm send-keys -t custom Enter
wait_for "History (newest first)"
wait_for "· suspend"
tm send-keys -t custom u
wait_for "Card unsuspended"
wait_for "· unsuspend"
"$JATTA" history --lang en | awk '{print $4}' | grep -qx unsuspend || fail "unsuspend not in the review log"
tm send-keys -t custom Escape
wait_for "1 card found"
screen | grep -qF "suspended" && fail "the match still shows suspended after unsuspend"
tm send-keys -t custom Escape
wait_for "All decks"

# --- 4. c: failed today, as a practice: asked, nothing written ---------------
entries=$("$JATTA" history --lang en | wc -l)
tm send-keys -t custom c
wait_for "Custom study"
wait_for "Failed today (1)"
tm send-keys -t custom p
wait_for "Practice (no rescheduling): on"
tm send-keys -t custom Enter
wait_for "practice · not rescheduled"
screen | grep -qF "Қазақстанның астанасы?" || fail "the practice does not ask the failed card"
tm send-keys -t custom Space
wait_for "1 Again"
screen | grep -qE "1 Again [0-9]" && fail "practice buttons promise an interval"
tm send-keys -t custom 3
wait_for "Session finished"
[ "$("$JATTA" history --lang en | wc -l)" = "$entries" ] || fail "a practice answer reached the review log"
tm send-keys -t custom Enter
wait_for "All decks"
tm send-keys -t custom q
wait_for "JATTA-EXIT=0"

# --- 5. The command line: --search --practice, plain -------------------------
out=$(printf '\n4\n' | "$JATTA" study --plain --lang en --search астана --practice "$work/decks" 2>&1) \
    || fail "study --search --practice: exit $?: $out"
grep -qF "Қазақстанның астанасы?" <<<"$out" || fail "--search did not ask the card: $out"
[ "$("$JATTA" history --lang en | wc -l)" = "$entries" ] || fail "--practice wrote to the review log"
out=$("$JATTA" study --plain --lang en --failed today --ahead 2 "$work/decks" </dev/null 2>&1); st=$?
[ "$st" = 64 ] || fail "two custom selections: exit $st (expected 64): $out"
grep -qF "give only one of" <<<"$out" || fail "no message for two selections: $out"

echo "custom-study-tmux: ok"
