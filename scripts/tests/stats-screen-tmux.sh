#!/usr/bin/env bash
# The statistics screen of the real trainer in tmux: three cards studied,
# then `s` on the home screen shows today's answers and the hardest cards
# with their deck lines; pages turn; `h` studies the hardest cards and the
# answer is recorded; at 60×15 every section is reachable by pages and
# nothing passes the edges; below the minimum size keys do nothing; the
# Kazakh interface; no colour under NO_COLOR (and colour without it);
# ASCII charts on TERM=linux.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages tmux python3 || { echo "FAIL: tmux and python3 are needed" >&2; exit 1; }
. scripts/lib/jatta-binary.sh
work=$(mktemp -d)
sock="jatta-stats-$$"
pane=stats0
export HOME="$work/home" JATTA_DB="$work/progress.sqlite" LANG=C.UTF-8 LC_ALL=C.UTF-8 JATTA_LANG=en
unset NO_COLOR
. scripts/lib/midday-tz.sh
mkdir -p "$HOME"
. scripts/lib/tmux-pane.sh
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
deck="$work/capitals.deck"
printf '# Capitals\n\nQ: Capital of Gaul?\nA: Lutetia\n\nQ: Capital of Kazakhstan?\nA: Astana\n\nQ: Capital of Egypt?\nA: Cairo\n' >"$deck"

# start W H [ENV...]: the trainer on the deck in a fresh W×H window. The
# new session is made before the old one goes, so the tmux server never
# runs out of sessions and exits under a client that is connecting.
runs=0
start() {
    local w=$1 h=$2 old=$pane; shift 2
    runs=$((runs + 1))
    pane="stats$runs"
    tm new-session -d -s "$pane" -x "$w" -y "$h" "env -u TMUX PS1='$ ' bash --norc --noprofile -i"
    tm kill-session -t "=$old" >/dev/null 2>&1  # "=": that name exactly, not a prefix of the new one
    tm send-keys -t "$pane" "clear; env $* '$JATTA' study '$deck'; echo EXIT=\$?" Enter
}
# pages_text: every page of the statistics screen, from the first to the last.
pages_text() {
    local i last=""
    tm send-keys -t "$pane" Home
    sleep 0.3
    for i in $(seq 1 30); do
        local now
        now=$(screen)
        [ "$now" = "$last" ] && break
        printf '%s\n' "$now"
        last=$now
        tm send-keys -t "$pane" PageDown
        sleep 0.3
    done
}
# fits W H TEXT-FILE: no row wider than W, pages no taller than H.
fits() {
    python3 - "$1" "$2" "$3" <<'PY' || fail "the statistics passed the edges of a $1×$2 terminal"
import sys, unicodedata
w, h, text = int(sys.argv[1]), int(sys.argv[2]), open(sys.argv[3], encoding="utf-8").read()
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
bad = [l for l in text.splitlines() if width(l) > w]
assert not bad, bad[:3]
PY
}

# --- Study three cards, then the statistics of all decks ----------------
start 80 24
wait_for "All decks" 30
tm send-keys -t "$pane" Enter
for n in 1 2 3; do
    wait_for "Capital of"
    tm send-keys -t "$pane" Space
    wait_for "Good"
    tm send-keys -t "$pane" 4   # Easy: straight to review, out of the session
    sleep 0.3
done
wait_for "Enter home"
tm send-keys -t "$pane" Enter
wait_for "s stats"
tm send-keys -t "$pane" s
wait_for "Statistics · All decks"
wait_for "3 cards, 3 answers, 100% correct"
screen | grep -qE '[▁▂▃▄▅▆▇█]' || fail "no block characters in a UTF-8 terminal"
screen | grep -qE ' 1/[2-9]' || fail "no page marker at 80×24"
pages_text >"$work/pages80.txt"; [ -n "${STATS_SCREEN_KEEP:-}" ] && cp "$work/pages80.txt" "$STATS_SCREEN_KEEP.80"
fits 80 24 "$work/pages80.txt"
for section in "Today" "Knowledge now" "Reviews due in the next 30 days" "Answers over the last 26 weeks" \
    "True retention" "Hardest cards" "Quizzes"; do
    grep -qF "$section" "$work/pages80.txt" || fail "section «$section» is on no page at 80×24"
done
grep -qE "capitals\.deck:(3|6|9) +Capital of" "$work/pages80.txt" || fail "the hardest cards lack their deck line"

# --- `h` studies the hardest cards: one answer more in the log ----------
tm send-keys -t "$pane" h
wait_for "Capital of"
tm send-keys -t "$pane" Space
wait_for "Good"
tm send-keys -t "$pane" 1
sleep 0.3
tm send-keys -t "$pane" Escape
wait_for "Enter home"
tm send-keys -t "$pane" Enter
wait_for "s stats"
"$JATTA" stats --json >"$work/stats.json" || fail "jatta stats failed"
python3 - "$work/stats.json" <<'PY' || fail "the answer given from the hardest cards was not recorded"
import json, sys
today = json.load(open(sys.argv[1]))["statistics"]["studiedToday"]
assert today["answers"] == 4 and today["correct"] == 3, today
PY
# The screen shows what the store now holds, and Escape goes home.
tm send-keys -t "$pane" s
wait_for "3 cards, 4 answers, 75% correct"
tm send-keys -t "$pane" Escape
wait_for "s stats"

# --- 60×15: every section on some page, nothing past the edges ----------
tm resize-window -t "$pane" -x 60 -y 15
sleep 0.3
tm send-keys -t "$pane" s
wait_for "Statistics"
pages_text >"$work/pages60.txt"; [ -n "${STATS_SCREEN_KEEP:-}" ] && cp "$work/pages60.txt" "$STATS_SCREEN_KEEP.60"
fits 60 15 "$work/pages60.txt"
for section in "Today" "Knowledge now" "Reviews due" "Answers over" "True retention" "Hardest cards" "Quizzes"; do
    grep -qF "$section" "$work/pages60.txt" || fail "section «$section» is on no page at 60×15"
done
# Below the trainer's minimum the screen says so and `h` studies nothing.
tm resize-window -t "$pane" -x 30 -y 8
wait_for "Terminal too small"
tm send-keys -t "$pane" h
sleep 0.3
tm resize-window -t "$pane" -x 60 -y 15
wait_for "Statistics"
tm send-keys -t "$pane" F10
wait_for "EXIT=0"
[ "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['statistics']['studiedToday']['answers'])" \
    <("$JATTA" stats --json))" = 4 ] || fail "a key acted while the terminal was too small"

# --- Kazakh, colour and NO_COLOR ---------------------------------------
start 80 24 JATTA_LANG=kk
wait_for "Барлық десте" 30
tm send-keys -t "$pane" s
wait_for "Статистика · Барлық десте"
wait_for "Бүгін"
tm capture-pane -e -p -t "$pane" | grep -qE $'\e\\[[0-9;]*3[1-7]m|\e\\[[0-9;]*38;5;' \
    || fail "no colour on the statistics screen where colour is allowed"
tm send-keys -t "$pane" F10
wait_for "EXIT=0"
start 80 24 NO_COLOR=1
wait_for "All decks" 30
tm send-keys -t "$pane" s
wait_for "Today"
tm capture-pane -e -p -t "$pane" | grep -qE $'\e\\[[0-9;]*3[1-7]m|\e\\[[0-9;]*38;5;' \
    && fail "colour on the statistics screen under NO_COLOR"
tm send-keys -t "$pane" F10
wait_for "EXIT=0"

# --- ASCII charts on the Linux console's TERM ----------------------------
start 80 24 TERM=linux
wait_for "All decks" 30
tm send-keys -t "$pane" s
wait_for "Reviews due"
screen | grep -qE '[▁▂▃▄▅▆▇█░▒▓]' && fail "block characters with TERM=linux"
screen | grep -qE '^  \|' || fail "no ASCII bars with TERM=linux"
tm send-keys -t "$pane" F10
wait_for "EXIT=0"
echo "stats-screen-tmux: ok"
