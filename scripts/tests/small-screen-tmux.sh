#!/usr/bin/env bash
# The real trainer in tmux shrunk below its minimum size: while the screen
# says "terminal too small", keys that answer, grade, bury or tick do
# nothing (they used to grade a card the student could not see); after
# resizing back the card is as it was, and nothing was recorded.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages tmux || { echo "FAIL: tmux is needed" >&2; exit 1; }
. scripts/lib/jatta-binary.sh
work=$(mktemp -d)
sock="jatta-small-$$"
pane=small
export HOME="$work/home" JATTA_DB="$work/progress.sqlite" LANG=C.UTF-8 LC_ALL=C.UTF-8 JATTA_LANG=en
. scripts/lib/midday-tz.sh
mkdir -p "$HOME"
. scripts/lib/tmux-pane.sh
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
printf '# One\n\nQ: Capital of Gaul?\nA: Lutetia\n' >"$work/one.deck"

tm new-session -d -s small -x 80 -y 24 "env -u TMUX PS1='$ ' bash --norc --noprofile -i"
tm send-keys -t small "clear; '$JATTA' study '$work/one.deck'; echo EXIT=\$?" Enter
wait_for "All decks"
tm send-keys -t small Enter
wait_for "Capital of Gaul?"

tm resize-window -t small -x 30 -y 8
wait_for "Terminal too small"
# Show the answer, grade, bury, suspend, undo: none may act unseen.
for key in Space 1 3 Enter b '!' u; do
    tm send-keys -t small "$key"
    sleep 0.1
done
tm resize-window -t small -x 80 -y 24
wait_for "Capital of Gaul?"
screen | grep -qF "Lutetia" && fail "the answer was revealed while the screen was too small"
screen | grep -qE "buried|suspended" && fail "the card was hidden while the screen was too small"
tm send-keys -t small F10
wait_for "EXIT=0"
[ -z "$("$JATTA" history 2>/dev/null | grep -E ' (study|bury|suspend) ')" ] \
    || fail "something was recorded while the screen was too small: $("$JATTA" history)"
echo "small-screen-tmux: ok"
