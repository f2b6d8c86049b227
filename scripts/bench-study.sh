#!/usr/bin/env bash
# Figures for the study trainer on the release build, whole process:
#   1. start → first card drawn, full-screen in tmux (80×24) and in plain mode;
#   2. peak memory (max RSS) of those runs;
#   3. in-process time from a key press to a new frame (jatta-bench study).
# Usage: scripts/bench-study.sh [--static] [RUNS]   (default 20 runs per figure)
#   --static  build with --static-swift-stdlib (in .build-static), as a
#             shipped binary would be: about 5 MiB less memory per process.
# The full-screen run sets JATTA_EXIT_AFTER_FIRST_CARD=1, which makes jatta
# open a session on all decks and exit right after drawing its first card.
set -euo pipefail
cd "$(dirname "$0")/.."
build=(-c release)
if [ "${1:-}" = "--static" ]; then
    # The installed binary's own flags (a build with others would rebuild
    # its folder from scratch).
    root=$(pwd)
    . scripts/lib/release-build.sh
    build=("${jatta_release_flags[@]}")
    shift
fi
runs=${1:-20}
swift build "${build[@]}" --product jatta >/dev/null
swift build "${build[@]}" --product jatta-bench >/dev/null
bin=$(swift build "${build[@]}" --show-bin-path)
work=$(mktemp -d)
sock="jatta-bench-study-$$"
trap 'tmux -L "$sock" kill-server >/dev/null 2>&1; sleep 0.2; rm -rf "$work"' EXIT
export HOME="$work" JATTA_DB="$work/progress.sqlite" LANG=C.UTF-8 LC_ALL=C.UTF-8

# Peak RSS in KiB of a command: GNU time when installed, else the kernel's
# accounting of the waited-for child read from Python.
peak_kib() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null </dev/null | tail -n 1
    else
        python3 - "$@" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
    fi
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

# Warm the database (first open creates the schema) and the file cache.
"$bin/jatta" study --plain decks </dev/null >/dev/null 2>&1 || true

echo "== start → first card, plain mode (prints the first card, exits at end of input), ms"
for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$bin/jatta" study --plain --lang kk decks </dev/null >/dev/null 2>&1; e=$(date +%s%N)
    echo $(( (e - s) / 1000 ))
done | awk '{printf "%.3f\n", $1/1000}' | median; echo " ms (median of $runs)"

echo "== start → first card drawn, full screen in tmux 80x24 (exits right after the first frame), ms"
tmux -L "$sock" -f /dev/null new-session -d -s b -x 80 -y 24 "bash --norc --noprofile"
: >"$work/tui.txt"
cat >"$work/one.sh" <<SH
s=\$(date +%s%N); JATTA_EXIT_AFTER_FIRST_CARD=1 '$bin/jatta' study --lang kk decks; e=\$(date +%s%N)
echo \$(( (e - s) / 1000 )) >>'$work/tui.txt'
SH
for _ in $(seq "$runs"); do
    n=$(wc -l <"$work/tui.txt")
    tmux -L "$sock" send-keys -t b "bash '$work/one.sh'" Enter
    for _ in $(seq 200); do [ "$(wc -l <"$work/tui.txt")" -gt "$n" ] && break; sleep 0.05; done
done
awk '{printf "%.3f\n", $1/1000}' "$work/tui.txt" | median; echo " ms (median of $(wc -l <"$work/tui.txt"))"

echo "== peak memory (max RSS), MiB"
printf 'plain mode, first card:        '; peak_kib "$bin/jatta" study --plain decks | awk '{printf "%.1f\n", $1/1024}'
cat >"$work/mem.sh" <<SH
if [ -x /usr/bin/time ]; then
  JATTA_EXIT_AFTER_FIRST_CARD=1 /usr/bin/time -f '%M' -o '$work/tui-mem.txt' '$bin/jatta' study --lang kk decks
fi
SH
tmux -L "$sock" send-keys -t b "bash '$work/mem.sh'; echo done >'$work/mem-done'" Enter
for _ in $(seq 200); do [ -e "$work/mem-done" ] && break; sleep 0.05; done
if [ -s "$work/tui-mem.txt" ]; then
    printf 'full screen, first card drawn: '; tail -n 1 "$work/tui-mem.txt" | awk '{printf "%.1f\n", $1/1024}'
fi

echo "== key press → new frame, in process (KeyMap + update + view + diff), 80x24"
"$bin/jatta-bench" study decks --keys 20000
