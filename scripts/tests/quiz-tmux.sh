#!/usr/bin/env bash
# End to end: takes a timed five-question quiz in the Kazakh interface in a
# real terminal (tmux, 80x24), answers it by reading the screen, and checks
# the report on screen, the JSON result and the review log.
set -euo pipefail
. "$(dirname "$0")/../lib/midday-tz.sh"

cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh

WORK="$(mktemp -d)"
SOCKET="jatta-quiz-test-$$"
cleanup() {
    tmux -L "$SOCKET" kill-server 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "quiz-tmux: FAIL: $*" >&2
    echo "--- screen ---" >&2
    tmux -L "$SOCKET" capture-pane -p -t quiz >&2 2>/dev/null || true
    exit 1
}

# Five level-1 cards whose right answers do not depend on the question order:
# two clozes (one answered right, one wrong), two multiple-choice cards and a
# term typed with Russian-layout letters (к for қ), which is accepted.
cat >"$WORK/test.deck" <<'DECK'
# Тест
lang: kk

C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.
source: seeds/003.txt:10

C: Қазақстан Республикасының Тәуелсіздігі {1991} жылы жарияланды.
source: seeds/003.txt:20

Q: Лениннің пікірінше капитализмнің ең соңғы сатысы қалай аталады?
* Империализм
- Неоколониализм
- Гегемония

Q: Қазақстанның астанасы қай қала?
* Астана
- Алматы
- Шымкент

T: Бейтараптық
D: Мемлекеттің соғысқа қатыспау саясаты.
DECK

screen() { tmux -L "$SOCKET" capture-pane -p -t quiz; }

wait_for() {
    local pattern="$1"
    for _ in $(seq 1 100); do
        if screen | grep -q -- "$pattern"; then return 0; fi
        sleep 0.1
    done
    fail "the screen never showed: $pattern"
}

# wait_gone TEXT: poll until TEXT is no longer on screen.
wait_gone() {
    for _ in $(seq 1 100); do
        screen | grep -qF -- "$1" || return 0
        sleep 0.1
    done
    fail "the screen still shows: $1"
}

tmux -L "$SOCKET" -u new-session -d -s quiz -x 80 -y 24 \
    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color JATTA_LANG=kk '$JATTA' quiz '$WORK/test.deck' \
        --level 1 --count 5 --time 10 --seed 20261122 --db '$WORK/progress.sqlite' --json '$WORK/result.json'; \
        echo EXIT=\$?; sleep 30"

for n in 1 2 3 4 5; do
    wait_for "Сұрақ $n/5"
    page="$(screen)"
    echo "$page" | grep -Eq "Қалды [0-9]+:[0-9]{2}" || fail "no timer on question $n"
    if echo "$page" | grep -q "( ) Империализм\|( ) Астана"; then
        # Pick the right option by its number on screen.
        number="$(echo "$page" | grep -o '[0-9]\. ( ) \(Империализм\|Астана\)' | head -1 | cut -c1)"
        tmux -L "$SOCKET" send-keys -t quiz "$number"
        wait_for "(•)"
        tmux -L "$SOCKET" send-keys -t quiz Enter
    elif echo "$page" | grep -q "соғысқа қатыспау"; then
        tmux -L "$SOCKET" send-keys -t quiz -l "бейтараптык"
        wait_for "Жауап: бейтараптык"
        tmux -L "$SOCKET" send-keys -t quiz Enter
    else
        tmux -L "$SOCKET" send-keys -t quiz -l "1992"
        wait_for "Жауап: 1992"
        tmux -L "$SOCKET" send-keys -t quiz Enter
    fi
done

wait_for "Сынақ аяқталды"
report="$(screen)"
echo "$report" | grep -q "Нәтиже: 4 / 5 (80%)" || fail "wrong overall score"
echo "$report" | grep -q "1-деңгей: 4 / 5 (80%)" || fail "wrong score by level"
echo "$report" | grep -q "Кездейсоқтық кілті (--seed): 20261122" || fail "seed not shown"
echo "$report" | grep -q "Қателер (1):" || fail "the mistake count is wrong"
echo "$report" | grep -q "Тәуелсіздігі \[…\] жылы жарияланды" || fail "the missed question is not listed"
echo "$report" | grep -q "Сіздің жауабыңыз: 1992" || fail "the given answer is not shown"
echo "$report" | grep -q "Дұрыс жауап: 1991" || fail "the right answer is not shown"
echo "$report" | grep -q "Дереккөзі: seeds/003.txt:20" || fail "the source is not shown"

# S on the Kazakh layout types ы: study the mistakes at once. The study
# session opens on the missed cloze, not due otherwise until later.
tmux -L "$SOCKET" send-keys -t quiz -l "ы"
wait_gone "Сынақ аяқталды"
# "өтті" is in the study screen's status line only, never in the quiz report.
wait_for "өтті"
screen | grep -q "Тәуелсіздігі" || fail "the study session does not open on the missed card"
tmux -L "$SOCKET" send-keys -t quiz Escape
sleep 0.3
tmux -L "$SOCKET" send-keys -t quiz Escape
sleep 0.3
tmux -L "$SOCKET" send-keys -t quiz Escape
wait_for "EXIT=0"

python3 - "$WORK/result.json" "$WORK/progress.sqlite" <<'PY' || fail "the JSON result or the review log is wrong"
import json, sqlite3, sys
result = json.load(open(sys.argv[1]))
assert result["seed"] == "20261122", result["seed"]
assert result["score"]["total"] == 5 and result["score"]["credit"] == 4, result["score"]
assert [s["level"] for s in result["scoreByLevel"]] == [1]
assert result["timeLimitSeconds"] == 600
assert result["endReason"] == "completed"
outcomes = sorted(q["outcome"] for q in result["questions"])
assert outcomes == ["accepted", "correct", "correct", "correct", "wrong"], outcomes
term = [q for q in result["questions"] if q["key"].endswith("/reverse")][0]
assert term["tier"] == "keyboard", term
db = sqlite3.connect(sys.argv[2])
kinds = [row[0] for row in db.execute("SELECT kind FROM review_log ORDER BY id")]
assert kinds == ["quiz"] * 5, kinds
PY

echo "quiz-tmux: ok"
