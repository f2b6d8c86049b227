#!/usr/bin/env bash
# The full screen on a card whose prompt is one unbroken word of 100,000
# characters: wrapping was quadratic (5.9 s per key in a release build).
# The real binary in tmux must show the card, and answer keys, within
# seconds even in a debug build.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages tmux python3 || exit 2
. scripts/lib/jatta-binary.sh
work=$(mktemp -d)
sock="jatta-wrap-$$"
export HOME="$work/home" JATTA_DB="$work/progress.sqlite" LANG=C.UTF-8 LC_ALL=C.UTF-8 JATTA_LANG=en
mkdir -p "$HOME"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "hostile-wrap: FAIL: $*" >&2; tm capture-pane -p -t wrap >&2 2>/dev/null; exit 1; }
# wait_gone TEXT SECONDS: poll the screen until TEXT is gone.
wait_gone() {
    local deadline=$(( $(date +%s%N) / 1000000 + $2 * 1000 ))
    while [ $(( $(date +%s%N) / 1000000 )) -le "$deadline" ]; do
        tm capture-pane -p -t wrap | grep -qF -- "$1" || return 0
        sleep 0.05
    done
    fail "«$1» did not go within $2 s"
}
# wait_for TEXT SECONDS: poll the screen until TEXT appears.
wait_for() {
    local deadline=$(( $(date +%s%N) / 1000000 + $2 * 1000 ))
    while [ $(( $(date +%s%N) / 1000000 )) -le "$deadline" ]; do
        tm capture-pane -p -t wrap | grep -qF -- "$1" && return 0
        sleep 0.05
    done
    fail "«$1» did not appear within $2 s"
}
python3 -c '
import sys
open(sys.argv[1], "w").write("Q: Ұзын " + "әб" * 50000 + " сөз?\nA: иә\n")' "$work/long.deck"

tm new-session -d -s wrap -x 80 -y 24 "'$JATTA' study '$work/long.deck'; sleep 30"
wait_for "long.deck" 20
start=$(date +%s%N)
tm send-keys -t wrap Enter
wait_for "Ұзын" 4
# Each key redraws the card: the help overlay on and off, twice.
for _ in 1 2; do
    tm send-keys -t wrap '?'; wait_for "Keys" 4
    tm send-keys -t wrap '?'; wait_gone "Keys" 4; wait_for "Ұзын" 4
done
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
echo "hostile-wrap: ok (card and four redraws in $elapsed ms)"
