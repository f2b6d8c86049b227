#!/usr/bin/env bash
# Times `jatta extract` (release build) on the seed lectures: the whole
# command, from reading the files to printing the decks, as an instructor
# runs it. Prints the median of RUNS runs (default 9) and the throughput.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-9}"
[ -d ../shared/seeds ] || { echo "bench-extract: ../shared/seeds is absent" >&2; exit 2; }
swift build -c release --product jatta >/dev/null
jatta="$(swift build -c release --show-bin-path)/jatta"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bytes=$(cat ../shared/seeds/* | wc -c)
times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$jatta" extract ../shared/seeds/* --output-dir "$out" 2>/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
echo "bench-extract: $(ls ../shared/seeds | wc -l) files, $bytes bytes, $runs runs"
echo "bench-extract: median ${median} ms, $(( bytes * 1000 / (median > 0 ? median : 1) / 1024 )) KiB/s"
echo "bench-extract: all runs (ms): ${times[*]}"
