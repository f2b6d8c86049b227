#!/usr/bin/env bash
# The process floor: what a start costs before and around reading decks,
# for the release build with the Swift runtime linked dynamically (plain
# `swift build -c release`, what the other bench scripts time) and linked in
# (`--static-swift-stdlib`, the installed binary: scripts/lib/release-build.sh).
# CPU time (task-clock) of `jatta --version` and of the first card on the
# bundled decks, `perf stat -r RUNS`, and the peak memory.
#   scripts/bench-floor.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/scripts/lib/release-build.sh"
runs=${1:-30}
command -v perf >/dev/null || { echo "bench-floor: perf is needed (apt-get install linux-perf)" >&2; exit 2; }
swift build -c release --product jatta >&2
dynamic="$(swift build -c release --show-bin-path)/jatta"
jatta_release_is_stale && { jatta_release_build || exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cpu() { perf stat -r "$runs" "$@" 2>&1 >/dev/null </dev/null | awk '/task-clock/ {print $1 " ms"}'; }
peak() { /usr/bin/time -f "%M KiB" "$@" 2>&1 >/dev/null </dev/null | tail -n 1; }
printf '%-10s %-22s %-22s %s\n' build "--version" "bundled first card" "bundled peak"
for build in dynamic static; do
    if [ "$build" = dynamic ]; then bin=$dynamic; else bin=$jatta_release_binary; fi
    mkdir -p "$work/$build"
    study=("$bin" study --plain "$root/decks" --db "$work/$build/progress.sqlite")
    export HOME="$work/$build" XDG_CACHE_HOME="$work/$build/cache"
    "${study[@]}" >/dev/null 2>&1 </dev/null || true
    printf '%-10s %-22s %-22s %s\n' "$build" "$(cpu "$bin" --version)" "$(cpu "${study[@]}")" "$(peak "${study[@]}")"
done
