#!/usr/bin/env bash
# End-to-end test of what lasts for the study day, on the real binary:
#   1. the home screen's exam lines follow the answers: in tmux, one new
#      face studied and back home, "3 new today" becomes "2 new today" and
#      the readiness line counts it (Kazakh and English);
#   2. extra new cards today (custom study) are kept in the progress store
#      for the day: a second start the same day still has them, a start
#      after midnight but before the 4 a.m. rollover too, and after the
#      rollover they are gone (faketime moves the clock of those starts).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)

. scripts/lib/deps.sh
jatta_ensure_packages tmux faketime >/dev/null || exit 1
. scripts/lib/jatta-binary.sh

work=$(mktemp -d)
sock="jatta-exam-day-$$"
export HOME="$work/home" JATTA_DB="$work/progress.sqlite" JATTA_DECK_INDEX=off LANG=C.UTF-8 LC_ALL=C.UTF-8
. scripts/lib/midday-tz.sh
mkdir -p "$HOME" "$work/decks" "$work/extra"
unset JATTA_LANG
pane=day
. scripts/lib/tmux-pane.sh
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT

# Thirty self-graded cards: an exam 12 days ahead paces 3 new a day.
deck() {
    echo "# $1"
    echo
    for i in $(seq 1 30); do
        printf 'Q: %s сұрақ %d?\nA: жауап %d\n\n' "$1" "$i" "$i"
    done
}
deck "Емтихан" >"$work/decks/e.deck"
deck "Қосымша" >"$work/extra/x.deck"

# --- 1. The home screen's exam lines after an answer ------------------------
# One new face from the home screen: reveal, Easy, then Esc to the summary
# and Esc home.
study_one_new_face() {
    tm send-keys -t day Enter
    wait_for "сұрақ"
    tm send-keys -t day Space
    sleep 0.3
    tm send-keys -t day 4
    sleep 0.3
    tm send-keys -t day Escape
    sleep 0.3
    tm send-keys -t day Escape
}
in12=$(date -d '+12 days' +%F)
"$JATTA" exam set "$in12" "$work/decks" >/dev/null 2>&1 || fail "exam set failed"
tm new-session -d -s day -x 80 -y 24 "env -u TMUX PS1='$ ' bash --norc --noprofile -i"
tm send-keys -t day "cd '$root'; clear; '$JATTA' --lang en '$work/decks'; echo JATTA-EXIT=\$?" Enter
wait_for "12 days to the exam · 3 new today"
wait_for "Ready for the exam: 0% of cards today"
study_one_new_face
wait_for "12 days to the exam · 2 new today"
tm send-keys -t day q
wait_for "JATTA-EXIT=0"
[ "$("$JATTA" history --lang en | grep -c 'study')" -ge 1 ] || fail "the answer was not recorded"
# The Kazakh lines, a second start the same day: the store agrees.
tm send-keys -t day "clear; '$JATTA' --lang kk '$work/decks'; echo JATTA-EXIT=\$?" Enter
wait_for "Емтиханға 12 күн · бүгін 2 жаңа"
study_one_new_face
wait_for "Емтиханға 12 күн · бүгін 1 жаңа"
tm send-keys -t day q
wait_for "JATTA-EXIT=0"

# --- 2. Extra new cards last for the study day ------------------------------
# A store of its own: the new faces of part 1 count in today's allowance.
export JATTA_DB="$work/extra.sqlite"
# A limit of 2 new a day and 3 extra: five new faces; one answered, then quit.
out=$(printf '\n4\n' | "$JATTA" study --plain --lang en --new-limit 2 --extra-new 3 "$work/extra" 2>&1) ||
    fail "plain study --extra-new: exit $?: $out"
grep -qF "[1/5] Question" <<<"$out" || fail "first run: $(head -5 <<<"$out")"
# Started again the same day: 2 + 3 - 1 = 4 new (without the stored raise, 1).
answers() { printf '\n4\n%.0s' $(seq 1 10); }
out=$(answers | "$JATTA" study --plain --lang en --new-limit 2 "$work/extra" 2>&1) || fail "second run: exit $?: $out"
grep -qF "[1/4] Question" <<<"$out" || fail "the extra new cards were lost on the second start: $(head -5 <<<"$out")"
grep -qF "Cards studied: 4" <<<"$out" || fail "second run: $(tail -5 <<<"$out")"
# After midnight but before 4 a.m. it is still the same study day: all five
# of today's new faces are done, nothing new is left.
night=$(date -d 'tomorrow 03:30' '+%F %T')
out=$(answers | faketime "$night" "$JATTA" study --plain --lang en --new-limit 2 "$work/extra" 2>&1)
grep -qF "Question" <<<"$out" && fail "at $night (before the rollover) more new cards came: $(head -5 <<<"$out")"
# After the rollover the raise is gone: the ordinary 2 new.
morning=$(date -d 'tomorrow 04:30' '+%F %T')
out=$(answers | faketime "$morning" "$JATTA" study --plain --lang en --new-limit 2 "$work/extra" 2>&1) ||
    fail "next-day run: exit $?: $out"
grep -qF "[1/2] Question" <<<"$out" || fail "at $morning the raise should be gone: $(head -5 <<<"$out")"
grep -qF "Cards studied: 2" <<<"$out" || fail "next-day run: $(tail -5 <<<"$out")"
echo "exam-day-tmux: ok"
