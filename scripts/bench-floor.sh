#!/usr/bin/env bash
# The process floor: what a start costs before and around reading decks,
# for the release build with the Swift runtime linked dynamically (plain
# `swift build -c release`, what the other bench scripts time) and linked in
# (`--static-swift-stdlib`, the installed binary: scripts/lib/release-build.sh).
# CPU time (task-clock) of `jatta --version` and of the first card on the
# bundled decks, `perf stat -r RUNS`, and the peak memory; with --set, the
# same for `study --plain decks` in a copy of each set folder (one with
# decks/ and progress.sqlite, as `jatta-bench scale-setup` makes them).
#   scripts/bench-floor.sh [--set DIR]... [--baseline BIN] [RUNS]
#   --baseline BIN   also time BIN (e.g. a build of another commit) the same way
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. "$root/scripts/lib/release-build.sh"
runs=30 sets=() baseline=""
while [ $# -gt 0 ]; do
    case "$1" in
    --set) sets+=("$(realpath "$2")"); shift 2 ;;
    --baseline) baseline=$(realpath "$2"); shift 2 ;;
    -*) echo "bench-floor: unknown option $1" >&2; exit 2 ;;
    *) runs=$1; shift ;;
    esac
done
command -v perf >/dev/null || { echo "bench-floor: perf is needed (apt-get install linux-perf)" >&2; exit 2; }
swift build -c release --product jatta >&2
dynamic="$(swift build -c release --show-bin-path)/jatta"
jatta_release_is_stale && { jatta_release_build || exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cpu() { perf stat -r "$runs" -e task-clock "$@" 2>&1 >/dev/null </dev/null | awk '/task-clock/ {print $1 " ms"}'; }
peak() { /usr/bin/time -f "%M KiB" "$@" 2>&1 >/dev/null </dev/null | tail -n 1; }
echo "dynamic: $dynamic (swift build -c release: Swift runtime and Foundation as shared libraries)"
echo "static:  $jatta_release_binary (--static-swift-stdlib: the installed binary)"
[ -z "$baseline" ] || echo "baseline: $baseline"
builds=(dynamic static)
[ -z "$baseline" ] || builds+=(baseline)
binary_of() {
    case "$1" in
    dynamic) echo "$dynamic" ;;
    static) echo "$jatta_release_binary" ;;
    baseline) echo "$baseline" ;;
    esac
}
printf '%-10s %-22s %-22s %s\n' build "--version" "bundled first card" "bundled peak"
for build in "${builds[@]}"; do
    bin=$(binary_of "$build")
    mkdir -p "$work/$build"
    study=("$bin" study --plain "$root/decks" --db "$work/$build/progress.sqlite")
    export HOME="$work/$build" XDG_CACHE_HOME="$work/$build/cache"
    "${study[@]}" >/dev/null 2>&1 </dev/null || true
    printf '%-10s %-22s %-22s %s\n' "$build" "$(cpu "$bin" --version)" "$(cpu "${study[@]}")" "$(peak "${study[@]}")"
done
for set in "${sets[@]}"; do
    echo
    echo "study --plain decks in a copy of $set (each build its own copy and deck index)"
    printf '%-10s %-22s %s\n' build "first card" "peak"
    for build in "${builds[@]}"; do
        bin=$(binary_of "$build")
        copy="$work/$build/set"
        rm -rf "$copy"
        cp -r "$set" "$copy"
        export HOME="$work/$build" XDG_CACHE_HOME="$work/$build/cache"
        study=("$bin" study --plain decks --db "$copy/progress.sqlite")
        # The first start registers the decks and writes their index.
        (cd "$copy" && "${study[@]}" >/dev/null 2>&1 </dev/null) || true
        printf '%-10s %-22s %s\n' "$build" "$(cd "$copy" && cpu "${study[@]}")" "$(cd "$copy" && peak "${study[@]}")"
    done
done
