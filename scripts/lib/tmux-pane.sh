# Sourced by process tests that drive jatta in tmux. Set `sock` (the tmux
# socket name, own per test) and `pane` (the session name) first; gives:
#   tm ARGS...           tmux on that socket, without any user config
#   screen               the pane's text
#   fail MESSAGE         says what failed, shows the pane, exits 1
#   wait_for TEXT [S]    polls the pane until TEXT appears (default 10 s)
#   wait_gone TEXT [S]   polls until TEXT is gone
tm() { tmux -L "$sock" -f /dev/null "$@"; }
screen() { tm capture-pane -p -t "$pane"; }
fail() {
    echo "FAIL: $*" >&2
    echo "---- screen ----" >&2
    tm capture-pane -p -t "$pane" >&2 2>/dev/null
    exit 1
}
wait_for() {
    local deadline=$(( $(date +%s) + ${2:-10} ))
    while [ "$(date +%s)" -le "$deadline" ]; do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    fail "timed out waiting for «$1»"
}
wait_gone() {
    local deadline=$(( $(date +%s) + ${2:-10} ))
    while [ "$(date +%s)" -le "$deadline" ]; do
        screen | grep -qF -- "$1" || return 0
        sleep 0.1
    done
    fail "timed out waiting for «$1» to go"
}
