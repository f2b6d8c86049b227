#!/usr/bin/env bash
# Times `jatta extract` (release build) on the seed lectures: the whole
# command, from reading the files to writing the decks, as an instructor
# runs it. Prints the medians of RUNS runs (default 9): wall-clock time and
# CPU time (user + system; wall time grows when other jobs share the cores).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-9}"
[ -d ../shared/seeds ] || { echo "bench-extract: ../shared/seeds is absent" >&2; exit 2; }
swift build -c release --product jatta >/dev/null
jatta="$(swift build -c release --show-bin-path)/jatta"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bytes=$(cat ../shared/seeds/* | wc -c)
walls=()
cpus=()
for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$out/time" "$jatta" extract ../shared/seeds/* --output-dir "$out/drafts" 2>/dev/null
    read -r wall user sys <"$out/time"
    walls+=("$(echo "$wall * 1000 / 1" | bc)")
    cpus+=("$(echo "($user + $sys) * 1000 / 1" | bc)")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
wall=$(median "${walls[@]}")
cpu=$(median "${cpus[@]}")
echo "bench-extract: $(ls ../shared/seeds | wc -l) files, $bytes bytes, $runs runs"
echo "bench-extract: median wall ${wall} ms, median CPU ${cpu} ms ($(( bytes * 1000 / (cpu > 0 ? cpu : 1) / 1024 )) KiB/s of CPU)"
echo "bench-extract: wall (ms): ${walls[*]}"
echo "bench-extract: CPU (ms): ${cpus[*]}"
