#!/usr/bin/env bash
# study and quiz start through one session host: the same deck errors are
# reported the same way (the first five and how many more — the quiz used
# to drop the count), and plain-mode input of any length gets a message
# rather than a crash in either command.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/jatta-binary.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "session-host: FAIL: $*" >&2; exit 1; }
export HOME="$work" JATTA_DB="$work/p.sqlite" JATTA_LANG=en

{
    printf '# Broken\n\nQ: Capital of France?\nA: Paris\n\nQ: Pick one\n* Yes\n- No\n- Maybe\n\n'
    for i in 1 2 3 4 5 6 7; do printf 'levle%d: 2\n\n' "$i"; done
} >"$work/broken.deck"

printf '' | "$JATTA" study --plain "$work/broken.deck" >/dev/null 2>"$work/study.err"
printf '' | "$JATTA" quiz --plain --seed 1 "$work/broken.deck" >/dev/null 2>"$work/quiz.err"
grep -qF "… 2 more errors (jatta check)" "$work/study.err" || fail "study: no count of the other errors: $(cat "$work/study.err")"
grep -qF "… 2 more errors (jatta check)" "$work/quiz.err" || fail "quiz: no count of the other errors: $(cat "$work/quiz.err")"
diff <(grep -F "broken.deck" "$work/study.err") <(grep -F "broken.deck" "$work/quiz.err") >/dev/null \
    || fail "study and quiz report the deck errors differently"

# A 40-digit number where an option number is expected: a message, no trap.
long=1234567890123456789012345678901234567890
printf '# Choice\n\nQ: Pick one\n* Yes\n- No\n- Maybe\n' >"$work/choice.deck"
for command in "study --plain" "quiz --plain --practice --seed 1"; do
    status=0
    printf '%s\n1\n\n3\n\n' "$long" | "$JATTA" $command "$work/choice.deck" >"$work/out" 2>"$work/err" || status=$?
    [ "$status" = 0 ] || fail "$command: exit status $status with a long number: $(tail -5 "$work/err")"
    grep -qE "Not understood|No such number" "$work/out" || fail "$command: no message for a long number: $(cat "$work/out")"
done
# A deck file with no card yet (an instructor's new deck): both commands
# say so, naming it, with 65 (no usable card); not "no decks found" (study
# said so, exit 0) nor a level or tag nobody chose (quiz). A deck with a
# card beside it is studied as before.
printf '# Empty\n\n' >"$work/empty.deck"
for command in "study --plain" "quiz --plain --seed 1"; do
    for language in en kk; do
        status=0
        printf '' | JATTA_LANG=$language "$JATTA" $command "$work/empty.deck" >"$work/out" 2>"$work/err" || status=$?
        [ "$status" = 65 ] || fail "$command ($language) on an empty deck: exit $status: $(cat "$work/err")"
        grep -qF "$work/empty.deck" "$work/err" || fail "$command ($language): the empty deck is not named: $(cat "$work/err")"
        ! grep -qE "No decks found|Десте табылмады|level or tag|деңгейді" "$work/out" "$work/err" \
            || fail "$command ($language): the wrong reason for an empty deck: $(cat "$work/out" "$work/err")"
    done
    grep -qF "әлі карта жоқ" "$work/err" || fail "$command: no Kazakh message: $(cat "$work/err")"
    status=0
    printf '' | "$JATTA" $command "$work/empty.deck" "$work/choice.deck" >"$work/out" 2>"$work/err" || status=$?
    [ "$status" = 0 ] || fail "$command: an empty deck beside a full one: exit $status: $(cat "$work/err")"
done
# --level or --tag that no card matches at all (a mistyped tag): study says
# so with the tags the decks have, 65; it said "Nothing to study here right
# now", exit 0, as if the day's work were done. A tag that matches opens
# the session as before.
printf '# Tagged\n\nQ: Capital of France?\nA: Paris\ntags: europe, capitals\n' >"$work/tagged.deck"
status=0
printf '' | JATTA_LANG=en "$JATTA" study --plain --tag eurpe "$work/tagged.deck" >"$work/out" 2>"$work/err" || status=$?
[ "$status" = 65 ] || fail "study --tag with no match: exit $status: $(cat "$work/out" "$work/err")"
grep -qF "No card in these decks matches --tag eurpe. Their tags: capitals, europe." "$work/err" \
    || fail "study --tag with no match: $(cat "$work/err")"
status=0
printf '' | JATTA_LANG=kk "$JATTA" study --plain --level 3 "$work/tagged.deck" >"$work/out" 2>"$work/err" || status=$?
[ "$status" = 65 ] || fail "study --level with no match: exit $status"
grep -qF "Бұл дестелерде --level 3 шартына сай карта жоқ." "$work/err" || fail "study --level with no match (kk): $(cat "$work/err")"
status=0
printf '' | JATTA_LANG=en "$JATTA" study --plain --tag europe "$work/tagged.deck" >"$work/out" 2>"$work/err" || status=$?
[ "$status" = 0 ] || fail "study --tag that matches: exit $status: $(cat "$work/err")"
grep -qF "Capital of France?" "$work/out" || fail "study --tag that matches did not ask the card: $(cat "$work/out")"
# A mistyped command runs the default one (study) on a path that does not
# exist: the message names the command meant. A missing path that looks
# like one gets no such guess. `jatta format` is `jatta fmt`.
status=0
printf '' | JATTA_LANG=en "$JATTA" chek "$work/tagged.deck" >/dev/null 2>"$work/err" || status=$?
[ "$status" = 66 ] || fail "jatta chek: exit $status"
grep -qF "'chek' is not a jatta command; did you mean jatta check?" "$work/err" || fail "jatta chek: $(cat "$work/err")"
printf '' | JATTA_LANG=en "$JATTA" hist >/dev/null 2>"$work/err"
grep -qF "did you mean jatta history?" "$work/err" || fail "jatta hist: $(cat "$work/err")"
printf '' | JATTA_LANG=en "$JATTA" "$work/missing.deck" >/dev/null 2>"$work/err"
! grep -qF "not a jatta command" "$work/err" || fail "a missing deck path got a command guess: $(cat "$work/err")"
printf 'Q: Capital of France?\nA:Paris  \n' >"$work/messy.deck"
"$JATTA" format "$work/messy.deck" >/dev/null 2>&1 || fail "jatta format is not jatta fmt"
grep -qx 'A: Paris' "$work/messy.deck" || fail "jatta format did not repair: $(cat "$work/messy.deck")"
echo "session-host: ok"
