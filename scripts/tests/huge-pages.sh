#!/usr/bin/env bash
# A large collection's memory is asked for in huge pages, a small one's is
# not (AllocatorSetup, docs/progress-store.md "Memory at 100,000 cards"):
# through the real binary, full screen in tmux, the heap of a session on
# deck files of more than 1 MiB is marked for huge pages (MADV_HUGEPAGE,
# "hg" among its VmFlags in /proc/PID/smaps), and after the kept schedules
# of that store exceed 1 MiB too, a start reading them first marks it as
# well; a session on the bundled decks leaves the heap as the C library
# made it. Both show their first card.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages tmux python3 || { echo "huge-pages: FAIL: tmux and python3 are needed" >&2; exit 1; }
. scripts/lib/jatta-binary.sh

work=$(mktemp -d)
sock="jatta-huge-pages-$$"
pane=main
. scripts/lib/tmux-pane.sh
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$work"' EXIT
fail() {
    echo "huge-pages: FAIL: $*" >&2
    tm capture-pane -p -t "$pane" >&2 2>/dev/null
    exit 1
}
export HOME="$work/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CACHE_HOME="$work/cache"
unset JATTA_LANG JATTA_DB JATTA_DECK_INDEX
mkdir -p "$HOME" "$work/large"

thp=/sys/kernel/mm/transparent_hugepage/enabled
if [ ! -r "$thp" ] || grep -qF '[never]' "$thp"; then
    echo "SKIP: huge pages: this kernel gives none ($thp: $(cat "$thp" 2>/dev/null || echo absent))"
    exit 0
fi

# Two files of 8,000 question cards each, 1.4 MB in all.
python3 - "$work/large" <<'PY'
import sys
for f in range(2):
    with open(f"{sys.argv[1]}/part-{f}.deck", "w", encoding="utf-8") as out:
        out.write(f"# Үлкен жинақ {f}\nlang: kk\n\n")
        for n in range(8000):
            out.write(f"Q: Халықаралық қатынастар туралы сұрақ {f}-{n}?\nA: Жауап {f}-{n}.\n\n")
PY
size=$(cat "$work/large"/*.deck | wc -c)
[ "$size" -gt $((1024 * 1024)) ] || fail "the large collection is only $size bytes"

# heap_flags DB DECKS...: starts a full-screen session, waits for its first
# card, sets `flags` to the VmFlags of the process's heap, and ends the
# session (q), waiting for the process to end.
heap_flags() {
    local db=$1 pid
    shift
    tm kill-server >/dev/null 2>&1
    tm new-session -d -s "$pane" -x 80 -y 24 -e "JATTA_DB=$db" "$JATTA" study --lang en "$@"
    wait_for "Enter" 20
    pid=$(tm list-panes -t "$pane" -F '#{pane_pid}')
    [ -r "/proc/$pid/smaps" ] || fail "no /proc/$pid/smaps"
    flags=$(python3 - "/proc/$pid/smaps" <<'PY'
import sys
mapping = None
for line in open(sys.argv[1]):
    first = line.split()[0]
    if "-" in first and ":" not in first:
        mapping = line.split()[-1] if len(line.split()) >= 6 else ""
    elif first == "VmFlags:" and mapping == "[heap]":
        print(line.split(":", 1)[1].strip())
PY
)
    tm send-keys -t "$pane" q
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    fail "the session did not end after q"
}

heap_flags "$work/large.sqlite" "$work/large"
large=$flags
[ -n "$large" ] || fail "no heap found in the large session's smaps"
[[ " $large " == *" hg "* ]] || fail "a session on $size bytes of decks has a heap without huge pages: $large"

# The kept schedules alone: one deck file of two, below 1 MiB, but the
# store's kept table of both is read first (the one before kept it).
kept=$(find "$work/cache/jatta/deck-index/schedules" -name '*.schedules' -size +1M 2>/dev/null | head -n 1)
if [ -n "$kept" ]; then
    heap_flags "$work/large.sqlite" "$work/large/part-0.deck"
    one=$flags
    [[ " $one " == *" hg "* ]] || fail "a start reading $(stat -c %s "$kept") bytes of kept schedules has no huge pages: $one"
else
    # 16,000 faces keep about 1.5 MB of schedules; a smaller table is not
    # a failure of huge pages but of this test's set.
    fail "the large session kept no schedules of more than 1 MiB: $(ls -l "$work/cache/jatta/deck-index/schedules" 2>&1)"
fi

heap_flags "$work/small.sqlite" decks
small=$flags
[ -n "$small" ] || fail "no heap found in the bundled decks' session"
[[ " $small " != *" hg "* ]] || fail "the bundled decks' session asked for huge pages: $small"
echo "huge-pages: ok (large: $large; bundled: $small)"
