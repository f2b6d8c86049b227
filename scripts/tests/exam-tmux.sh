#!/usr/bin/env bash
# End-to-end test of exam mode with the real binary: `jatta exam set`,
# `jatta exam`, `jatta exam clear`, a deck header's `exam:` date (and a bad
# one reported by `jatta check`), new faces paced by the plan in a study
# session, and the plan line on the home screen in Kazakh and English
# (tmux with its own socket).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)

command -v tmux >/dev/null 2>&1 || { echo "FAIL: tmux is not installed" >&2; exit 1; }
. scripts/lib/jatta-binary.sh

work=$(mktemp -d)
sock="jatta-exam-$$"
export HOME="$work/home" JATTA_DB="$work/progress.sqlite" LANG=C.UTF-8 LC_ALL=C.UTF-8
. scripts/lib/midday-tz.sh
mkdir -p "$HOME" "$work/decks" "$work/other" "$work/bad"
unset JATTA_LANG
pane=exam
. scripts/lib/tmux-pane.sh
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT

# A deck of N question cards (one face each), with an optional header line.
make_deck() {
    local file=$1 count=$2 header=${3:-}
    {
        printf '# Deck %s\n' "$(basename "$file")"
        [ -n "$header" ] && printf '%s\n' "$header"
        printf '\n'
        for i in $(seq 1 "$count"); do printf 'Q: %s question %d?\nA: answer %d\n\n' "$(basename "$file")" "$i" "$i"; done
    } >"$file"
}
# Midday in the local zone: the study day is the calendar day.
in12=$(date -d '+12 days' +%F)
in20=$(date -d '+20 days' +%F)
make_deck "$work/decks/a.deck" 30
make_deck "$work/other/b.deck" 36 "exam: $in20"
make_deck "$work/bad/c.deck" 2 "exam: 2026-02-30"

# --- 1. No exam yet; bad dates refused ---------------------------------
out=$("$JATTA" exam --lang en "$work/decks" 2>&1) || fail "jatta exam failed: $out"
grep -qF "No exam ahead" <<<"$out" || fail "expected no exam, got: $out"
out=$("$JATTA" exam set 2026-02-30 "$work/decks" --lang en 2>&1); status=$?
[ "$status" -eq 64 ] || fail "an impossible date should exit 64, got $status: $out"
grep -qF "'2026-02-30' is not a date" <<<"$out" || fail "no bad-date message: $out"
out=$("$JATTA" exam set "$(date -d '-1 day' +%F)" --lang kk 2>&1); status=$?
[ "$status" -eq 64 ] || fail "a past date should exit 64, got $status"
grep -qF "алда емес" <<<"$out" || fail "no Kazakh past-date message: $out"
# A usage error is said in both languages, as every other one is.
grep -qF " / the exam date " <<<"$out" || fail "the past-date message is not in both languages: $out"
# A path that holds no card (a README) makes no exam: 65, nothing stored.
printf '# Notes\n\nNothing to study here.\n' >"$work/README.md"
out=$("$JATTA" exam set "$(date -d '+30 day' +%F)" "$work/README.md" --lang en 2>&1); status=$?
[ "$status" -eq 65 ] || fail "an exam of a README should exit 65, got $status: $out"
grep -qF "holds no card" <<<"$out" || fail "no message for a path without cards: $out"
out=$("$JATTA" exam --lang en "$work/decks" 2>&1) || fail "jatta exam failed: $out"
grep -qF "No exam ahead" <<<"$out" || fail "an exam was stored for a README: $out"
[ -z "$("$JATTA" exam --lang en "$work/decks" 2>/dev/null | grep -F Exam)" ] || fail "a refused date was kept"

# --- 2. A bad header date is a warning with its place --------------------
out=$("$JATTA" check --lang en "$work/bad/c.deck" 2>&1)
grep -qF "c.deck:2:" <<<"$out" || fail "check does not place the bad exam date: $out"
grep -qF "2026-02-30" <<<"$out" || fail "check does not name the bad exam date: $out"

# --- 3. Set, show: 30 faces, 12 days, two free days → 3 a day -----------
out=$("$JATTA" exam set "$in12" "$work/decks" --lang en 2>&1) || fail "exam set failed: $out"
grep -qF "Exam set for $in12 (id 1)" <<<"$out" || fail "unexpected: $out"
out=$("$JATTA" exam --lang en "$work/decks" "$work/other" 2>&1) || fail "exam show failed: $out"
grep -qF "12 days to the exam · 3 new today · all cards seen 2 days before" <<<"$out" || fail "plan line: $out"
# The header's exam for the other deck: 36 faces over 18 days → 2 a day.
grep -qF "from the header of" <<<"$out" || fail "the deck header's exam is not shown: $out"
grep -qF "20 days to the exam · 2 new today · all cards seen 2 days before" <<<"$out" || fail "header plan: $out"
grep -qF "Ready for the exam: 0% of cards today" <<<"$out" || fail "readiness: $out"
# Asked from decks the exam does not cover, `jatta exam` names the exams
# ahead for other decks instead of saying there is none.
out=$("$JATTA" exam --lang en "$work/other" 2>&1) || fail "exam show on other decks failed: $out"
grep -qF "from the header of" <<<"$out" || fail "the other deck's own exam is not shown: $out"
mkdir -p "$work/elsewhere"
make_deck "$work/elsewhere/e.deck" 3
out=$("$JATTA" exam --lang en "$work/elsewhere" 2>&1) || fail "exam show on uncovered decks failed: $out"
grep -qF "No exam ahead for these decks. Exams ahead for other decks" <<<"$out" || fail "no word of the other exams: $out"
grep -qF "$in12 (id 1): " <<<"$out" || fail "the exam set is not listed: $out"
grep -qF "No exam ahead. Set one" <<<"$out" && fail "said there is no exam at all: $out"
# An exam a sooner one of the same decks shadows is still listed under the
# plan (no command showed it): a later exam for e.deck, a sooner one for
# every deck; then both cleared again.
"$JATTA" exam set "$in20" "$work/elsewhere/e.deck" >/dev/null 2>&1 || fail "set for e.deck failed"
"$JATTA" exam set "$in12" >/dev/null 2>&1 || fail "set for every deck failed"
out=$("$JATTA" exam --lang en "$work/elsewhere" 2>&1) || fail "exam show with a shadowed exam failed: $out"
grep -qF "Exam $in12 (id 3)" <<<"$out" || fail "the sooner exam is not planned: $out"
grep -qF "Other exams ahead, of other decks or after a sooner exam of the same decks" <<<"$out" || fail "no word of the later exam: $out"
grep -qE "^  $in20 \(id 2\): .*e\.deck$" <<<"$out" || fail "the later exam is not listed: $out"
"$JATTA" exam clear 2 3 >/dev/null 2>&1 || fail "clearing the two exams failed"
# The statistics report ends with the same forecast.
out=$("$JATTA" stats --lang en "$work/decks" 2>&1) || fail "stats failed: $out"
grep -qF "Ready for the exam: 0% of cards today" <<<"$out" || fail "stats shows no readiness: $out"
out=$("$JATTA" exam --lang kk "$work/decks" 2>&1)
grep -qF "Емтиханға 12 күн · бүгін 3 жаңа · барлығы 2 күн бұрын көрсетіледі" <<<"$out" || fail "Kazakh plan: $out"
# Setting the same decks again moves the exam instead of adding one.
"$JATTA" exam set "$in20" "$work/decks" >/dev/null 2>&1 || fail "second set failed"
"$JATTA" exam set "$in12" "$work/decks" >/dev/null 2>&1 || fail "third set failed"
[ "$("$JATTA" exam --lang en "$work/decks" | grep -c '^Exam ')" -eq 1 ] || fail "setting again added an exam"
# A workload that cannot fit says what is needed.
"$JATTA" exam set "$in12" "$work/decks" --workload 1 >/dev/null 2>&1 || fail "set with workload failed"
out=$("$JATTA" exam --lang en "$work/decks")
grep -qE "does not fit: needs [0-9]+ answers a day, you accept 1" <<<"$out" || fail "no cannot-fit message: $out"
"$JATTA" exam set "$in12" "$work/decks" >/dev/null 2>&1

# --- 4. A session introduces the plan's 3 new faces, not 20 -------------
printf '\n4\n%.0s' $(seq 1 10) | "$JATTA" study --plain --lang en "$work/decks" >"$work/session.txt" 2>&1 ||
    fail "plain session failed: $(cat "$work/session.txt")"
grep -qF "Cards studied: 3" "$work/session.txt" || fail "expected 3 new faces: $(tail -5 "$work/session.txt")"

# --- 5. Home screen shows the plan in both languages ---------------------
tm new-session -d -s exam -x 100 -y 24 "env -u TMUX PS1='$ ' bash --norc --noprofile -i"
tm send-keys -t exam "cd '$root'; '$JATTA' --lang kk '$work/decks'; echo JATTA-EXIT=\$?" Enter
wait_for "Емтиханға 12 күн · бүгін 0 жаңа · барлығы 2 күн бұрын көрсетіледі"
wait_for "Емтиханға дайындық: бүгін карталардың"
tm send-keys -t exam q
wait_for "JATTA-EXIT=0"
tm send-keys -t exam "clear; '$JATTA' --lang en '$work/decks'; echo JATTA-EXIT=\$?" Enter
wait_for "12 days to the exam · 0 new today · all cards seen 2 days before"
tm send-keys -t exam q
wait_for "JATTA-EXIT=0"

# --- 6. Setting the date from the home screen ----------------------------
# The other deck's header says 20 days; `x` on its row sets 30 days instead.
in30=$(date -d '+30 days' +%F)
tm send-keys -t exam "clear; '$JATTA' --lang en '$work/other'; echo JATTA-EXIT=\$?" Enter
wait_for "20 days to the exam"
tm send-keys -t exam Down
tm send-keys -t exam x
wait_for "Exam date (YYYY-MM-DD)"
tm send-keys -t exam -l "2026-02-30"
tm send-keys -t exam Enter
wait_for "'2026-02-30' is not a date after today"
tm send-keys -t exam x
tm send-keys -t exam -l "$in30"
tm send-keys -t exam Enter
wait_for "Exam set for $in30"
# 36 faces over 28 days at 2 a day: the last on day 17, 12 days before.
wait_for "30 days to the exam · 2 new today · all cards seen 12 days before"
tm send-keys -t exam q
wait_for "JATTA-EXIT=0"
out=$("$JATTA" exam --lang en "$work/other")
grep -qF "Exam $in30 (id" <<<"$out" || fail "the date set on the home screen was not stored: $out"
grep -qF "from the header" <<<"$out" && fail "the header's date still holds after the student set one: $out"

# --- 6. Clear: back to 20 new a day ---------------------------------------
out=$("$JATTA" exam clear 99 --lang en 2>&1); status=$?
[ "$status" -eq 1 ] || fail "an unknown id should exit 1, got $status"
out=$("$JATTA" exam clear 1 --lang en 2>&1); status=$?
# The id moved with each set; clear all instead when 1 is gone.
"$JATTA" exam clear --all --lang en >/dev/null 2>&1 || fail "clear --all failed"
grep -qF "No exam ahead" <<<"$("$JATTA" exam --lang en "$work/decks")" || fail "exam still shown after clear"
printf '\n4\n%.0s' $(seq 1 30) | "$JATTA" study --plain --lang en "$work/decks" >"$work/session2.txt" 2>&1
grep -qF "Cards studied: 17" "$work/session2.txt" || fail "without an exam 20 a day: $(tail -5 "$work/session2.txt")"
echo "exam-tmux: ok"
