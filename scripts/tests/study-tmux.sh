#!/usr/bin/env bash
# End-to-end test of the study trainer: the real binary in tmux, driven by
# send-keys and read back with capture-pane. Studies three cards of the
# bundled decks in the Kazakh interface with Kazakh-layout keys, checks the
# answers in `jatta history`, undoes one, resizes, quits, restarts to find
# the progress kept, and checks Ctrl-C, Ctrl-Z/fg, TERM=dumb and plain mode.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)

command -v tmux >/dev/null 2>&1 || { echo "FAIL: tmux is not installed" >&2; exit 1; }
. scripts/lib/jatta-binary.sh

work=$(mktemp -d)
sock="jatta-study-$$"
export HOME="$work/home" JATTA_DB="$work/progress.sqlite" LANG=C.UTF-8 LC_ALL=C.UTF-8
. scripts/lib/midday-tz.sh
mkdir -p "$HOME"
unset JATTA_LANG
pane=study
. scripts/lib/tmux-pane.sh
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT

# start_shell: a fresh interactive shell in an 80×24 window, in the repo.
start_shell() {
    tm kill-session -t study >/dev/null 2>&1
    tm new-session -d -s study -x 80 -y 24 "env -u TMUX PS1='$ ' bash --norc --noprofile -i"
    tm send-keys -t study "cd '$root'" Enter
}
run_jatta() { tm send-keys -t study "'$JATTA' $* ; echo JATTA-EXIT=\$?" Enter; }

# The counts of the "all decks" row: new learning due.
all_counts() { screen | grep -F "Барлық десте" | awk '{print $(NF-5), $(NF-4), $(NF-3)}'; }

# answer_card KEY: answers the card on screen whatever its kind, then
# grades it with KEY; waits until the "done" count reaches $2.
answer_card() {
    local grade=$1 done_after=$2 s
    s=$(screen)
    if grep -qF "Жауабыңыз:" <<<"$s"; then
        tm send-keys -t study Enter          # typed: submit an empty answer
    elif grep -qF "Enter тексеру" <<<"$s"; then
        tm send-keys -t study 1              # multiple choice: pick option 1
    else
        tm send-keys -t study Space          # reveal
    fi
    wait_for "Қайтадан"
    tm send-keys -t study -l "$grade"
    wait_for "$done_after өтті"
}

# --- 1. Home screen in Kazakh with the bundled decks ---------------------
start_shell
run_jatta --lang kk
wait_for "Барлық десте"
screen | grep -qF "Қайталау" || fail "no Kazakh column header"
read -r new0 learn0 due0 <<<"$(all_counts)"
[ "$new0" -gt 3 ] 2>/dev/null || fail "expected new cards in the bundled decks, got «$new0»"

# --- 2. Study three cards with Kazakh-layout keys -------------------------
tm send-keys -t study Enter
wait_for "0 өтті"
screen | grep -qE "[әіңғүұқөһ]" || fail "no Kazakh letters on the study screen"
answer_card "і" 1      # Kazakh layout key 3: Жақсы
answer_card "ң" 2      # Kazakh layout key 4: Оңай
answer_card "3" 3      # Latin digit: Жақсы

# --- 3. Undo with the Cyrillic twin of u ----------------------------------
tm send-keys -t study -l "г"
wait_for "Соңғы жауап қайтарылды"
wait_for "2 өтті"

# --- 4. Resize: too small, then large again ----------------------------------
tm resize-window -t study -x 30 -y 8
wait_for "Терминал тым кішкентай"
tm resize-window -t study -x 100 -y 30
wait_for "2 өтті"
wait_gone "Терминал тым кішкентай"

# --- 5. Quit (й = q on the Russian/Kazakh layout) ----------------------------
# The card undo brought back may be one whose answer is typed (new cards
# mix kinds): there й is a letter of the answer, and Esc ends.
if screen | grep -qF "Жауабыңыз:"; then
    tm send-keys -t study -l "й"
    wait_for "Жауабыңыз: й"
    tm send-keys -t study Escape
else
    tm send-keys -t study -l "й"
fi
wait_for "Сессия аяқталды"
screen | grep -qF "Оқылған карталар:" || fail "no summary"
tm send-keys -t study -l "й"
wait_for "JATTA-EXIT=0"

# --- 6. The answers are in the history ---------------------------------------
history=$("$JATTA" history) || fail "jatta history failed"
# Answers: study, or override when a typed answer judged wrong was graded
# Good (new cards mix kinds, so the third may be a typed one).
studies=$(grep -cE "  (study|override)  " <<<"$history")
undos=$(grep -c "  undo  " <<<"$history")
[ "$studies" = 3 ] || fail "expected 3 study entries, got $studies: $history"
[ "$undos" = 1 ] || fail "expected 1 undo entry, got $undos: $history"
grep -E "  (study|override)  " <<<"$history" | grep -F "(undone by" | grep -qF "  good  " || fail "the undone answer should be the third (good): $history"
grep -E "  (study|override)  " <<<"$history" | grep -vF "(undone by" | grep -qF "  easy  " || fail "the easy answer should be kept: $history"

# --- 7. Restart: progress kept ---------------------------------------------------
tm resize-window -t study -x 80 -y 24
run_jatta --lang kk
wait_for "Барлық десте"
read -r new1 learn1 due1 <<<"$(all_counts)"
[ "$new1" = $((new0 - 2)) ] || fail "after two kept answers new should be $((new0 - 2)), got $new1"
[ "$learn1" = $((learn0 + 1)) ] || fail "the card graded Good should be in learning: $learn0 → $learn1"

# --- 8. Ctrl-Z, fg redraws; Ctrl-C restores the terminal (status 130) ----------
tm send-keys -t study Enter
wait_for "0 өтті"
# b: bury a card never answered before; on a card whose answer is typed
# letters are text, so there F3 buries.
if screen | grep -qF "Жауабыңыз:"; then
    tm send-keys -t study F3
else
    tm send-keys -t study -l "и"
fi
wait_for "Карта ертеңге дейін тығылды"
tm send-keys -t study C-z
wait_for "Stopped"
# The rest of the command line is dropped when a job stops, so fg reports.
tm send-keys -t study "clear; fg; echo JATTA-EXIT=\$?" Enter
wait_for "0 өтті"
tm send-keys -t study C-c
wait_for "JATTA-EXIT=130"
# The marker is split in the typed command so that only the output matches it.
tm send-keys -t study "stty -a | grep -o -- '-*icanon' | sed 's/^/MO''DE=/'" Enter
wait_for "MODE="
screen | grep -q "MODE=icanon" || fail "Ctrl-C left the terminal in raw mode"

# SIGTERM (e.g. the ssh session's end) restores the terminal too: 128+15.
run_jatta --lang kk
wait_for "Барлық десте"
shell_pid=$(tm list-panes -t study -F '#{pane_pid}')
jatta_pid=$(ps -o pid= --ppid "$shell_pid" | tr -d ' ' | head -n 1)
[ -n "$jatta_pid" ] || fail "could not find the jatta process"
kill -TERM "$jatta_pid"
wait_for "JATTA-EXIT=143"
tm send-keys -t study "clear; stty -a | grep -o -- '-*icanon' | sed 's/^/MO''DE2=/'" Enter
wait_for "MODE2="
screen | grep -q "MODE2=icanon" || fail "SIGTERM left the terminal in raw mode"

# --- 9. No usable terminal: exit status 64 with a message -----------------------
tm send-keys -t study "clear; TERM=dumb '$JATTA' --lang en; echo DUMB-EXIT=\$?" Enter
wait_for "DUMB-EXIT=64"
screen | grep -qF "cannot move the cursor" || fail "no message for TERM=dumb"
tm send-keys -t study "clear; env -u TERM '$JATTA' --lang en; echo UNSET-EXIT=\$?" Enter
wait_for "UNSET-EXIT=64"
screen | grep -qF "TERM is not set" || fail "no message for TERM unset"

# --- 10. Not a terminal: plain mode with a notice ---------------------------------
out=$(printf '\n1\n' | "$JATTA" study --lang kk decks 2>"$work/err") || fail "plain mode: exit $? (expected 0): $(cat "$work/err")"
grep -qF "жай мәтін режимі" "$work/err" || fail "no plain-mode notice: $(cat "$work/err")"
grep -qF "Баға:" <<<"$out" || fail "plain mode did not ask for a grade: $out"
[ "$("$JATTA" history | grep -cE "  (study|override)  ")" = 4 ] || fail "the plain-mode answer was not recorded"
[ "$("$JATTA" history | grep -c "  bury  ")" = 1 ] || fail "the burial was not recorded"

# --- 11. e opens $EDITOR at the card's line, then the deck is read again ----------
mkdir -p "$work/decks"
printf '# Тексеру\n\nQ: Алматы қай жерде?\nA: Оңтүстікте\n' >"$work/decks/edit.deck"
# Named vi, so jatta passes it +LINE as it does to the real vi.
mkdir -p "$work/fixer"
cat >"$work/fixer/vi" <<'SH'
#!/bin/sh
# Records how it was called and fixes the answer on the line after the card.
echo "$@" >"$(dirname "$0")/../editor-args"
line=${1#+}
sed -i "$((line + 1))s/\$/, Іле Алатауының етегінде/" "$2"
SH
chmod +x "$work/fixer/vi"
tm send-keys -t study "clear; EDITOR='$work/fixer/vi' '$JATTA' --lang kk '$work/decks'; echo EDIT-EXIT=\$?" Enter
wait_for "Барлық десте"
tm send-keys -t study Enter
wait_for "Алматы қай жерде?"
tm send-keys -t study -l "у"       # e on the Russian/Kazakh layout
wait_for "Десте қайта оқылды"
[ "$(cat "$work/editor-args")" = "+3 $work/decks/edit.deck" ] || fail "editor called with «$(cat "$work/editor-args")»"
tm send-keys -t study Space
wait_for "Іле Алатауының етегінде"
tm send-keys -t study F10
wait_for "EDIT-EXIT=0"

# --- 11b. An edit that breaks the deck: the reload names the error -------------
mkdir -p "$work/broken"
printf '# Тексеру\n\nQ: Алматы қай жерде?\nA: Оңтүстікте\n' >"$work/broken/b.deck"
mkdir -p "$work/breaker"
cat >"$work/breaker/vi" <<'SH'
#!/bin/sh
# Mistypes a field on the line after the answer.
line=${1#+}
sed -i "$((line + 1))a levle: 2" "$2"
SH
chmod +x "$work/breaker/vi"
tm send-keys -t study "clear; EDITOR='$work/breaker/vi' '$JATTA' --lang kk '$work/broken'; echo BREAK-EXIT=\$?" Enter
wait_for "Барлық десте"
tm send-keys -t study Enter
wait_for "Алматы қай жерде?"
tm send-keys -t study e
wait_for "Десте қайта оқылды: 1 қате —"
screen | tr -s '\n' ' ' | tr -s ' ' | grep -qF "b.deck:5:1 белгісіз өріс" || fail "full screen: reload does not name the error: $(screen)"
tm send-keys -t study F10
wait_for "BREAK-EXIT=0"
printf '# Тексеру\n\nQ: Алматы қай жерде?\nA: Оңтүстікте\n' >"$work/broken/b.deck"
out=$(printf 'e\n' | EDITOR="$work/breaker/vi" "$JATTA" study --plain --lang en "$work/broken" 2>/dev/null) \
    || fail "plain mode with a broken reload: exit $? (expected 0)"
grep -qF "* Deck reloaded: 1 error — $work/broken/b.deck:5:1 unknown field 'levle:'" <<<"$out" \
    || fail "plain mode: reload does not name the error: $out"

# --- 12. A non-UTF-8 locale falls back to C.UTF-8 with a warning -----------------
LC_ALL=C LANG=C "$JATTA" study --plain --lang en decks </dev/null >/dev/null 2>"$work/err" \
    || fail "C locale, plain mode: exit $? (expected 0): $(cat "$work/err")"
grep -qF "the locale is not UTF-8" "$work/err" || fail "no locale warning: $(cat "$work/err")"
tm send-keys -t study "clear; LC_ALL=C LANG=C '$JATTA' --lang kk; echo C-EXIT=\$?" Enter
wait_for "Барлық десте"
tm send-keys -t study q
wait_for "C-EXIT=0"

# --- 13. An answer checked is kept however the session ends -----------------
# The student saw "Correct!": Ctrl-C, a lost terminal (the tmux server
# killed under the session) and, in plain mode, the end of input record it
# with the grade suggested, as q does. A card not checked is not recorded.
mkdir -p "$work/gap"
printf '# Т\n\nC: Қазақстан БҰҰ-ға {1992} жылы мүше болды.\n' >"$work/gap/c.deck"
answers() { JATTA_DB="$1" "$JATTA" history 2>/dev/null | grep -c " study " ; }
tm send-keys -t study "clear; JATTA_DB='$work/ctrl-c.sqlite' '$JATTA' --lang en '$work/gap'; echo GAP-EXIT=\$?" Enter
wait_for "All decks"
tm send-keys -t study Enter
wait_for "Your answer:"
tm send-keys -t study -l "1992"
tm send-keys -t study Enter
wait_for "Correct"
tm send-keys -t study C-c
wait_for "GAP-EXIT=130"
[ "$(answers "$work/ctrl-c.sqlite")" = 1 ] || fail "Ctrl-C after a checked answer lost it: $(JATTA_DB="$work/ctrl-c.sqlite" "$JATTA" history 2>&1)"
tm send-keys -t study "clear; JATTA_DB='$work/unchecked.sqlite' '$JATTA' --lang en '$work/gap'; echo GAP-EXIT=\$?" Enter
wait_for "All decks"
tm send-keys -t study Enter
wait_for "Your answer:"
tm send-keys -t study C-c
wait_for "GAP-EXIT=130"
[ "$(answers "$work/unchecked.sqlite")" = 0 ] || fail "Ctrl-C before the answer was checked recorded one"
tm new-session -d -s lost -x 80 -y 24 "JATTA_DB='$work/lost.sqlite' '$JATTA' --lang en '$work/gap'"
for _ in $(seq 50); do tm capture-pane -p -t lost 2>/dev/null | grep -qF "All decks" && break; sleep 0.1; done
tm send-keys -t lost Enter
for _ in $(seq 50); do tm capture-pane -p -t lost 2>/dev/null | grep -qF "Your answer:" && break; sleep 0.1; done
tm send-keys -t lost -l "1992"
tm send-keys -t lost Enter
for _ in $(seq 50); do tm capture-pane -p -t lost 2>/dev/null | grep -qF "Correct" && break; sleep 0.1; done
tm kill-server >/dev/null 2>&1
for _ in $(seq 50); do pgrep -f "$work/gap" >/dev/null || break; sleep 0.1; done
pgrep -f "$work/gap" >/dev/null && fail "jatta still runs after its terminal was lost"
[ "$(answers "$work/lost.sqlite")" = 1 ] || fail "a lost terminal after a checked answer lost it"
printf '1992\n' | JATTA_DB="$work/eof.sqlite" "$JATTA" study --plain --lang en "$work/gap" >/dev/null 2>&1 \
    || fail "plain mode ending after a checked answer: exit $?"
[ "$(answers "$work/eof.sqlite")" = 1 ] || fail "plain mode: the end of input after a checked answer lost it"

# A deck whose only card cannot be asked (multiple choice with no correct
# option): 65 and why, not "nothing to study right now", status 0.
printf 'Q: Неше?\n- үш\n- төрт\n' >"$work/unaskable.deck"
"$JATTA" study --plain --lang en --db "$work/unaskable.sqlite" "$work/unaskable.deck" </dev/null >/dev/null 2>"$work/unaskable.err"
status=$?
[ "$status" = 65 ] || fail "a deck of no askable card: exit $status (expected 65): $(cat "$work/unaskable.err")"
grep -qF "No card here can be asked" "$work/unaskable.err" || fail "a deck of no askable card: $(cat "$work/unaskable.err")"

echo "study-tmux: ok"
