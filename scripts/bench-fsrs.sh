#!/usr/bin/env bash
# Replays 1,000,000 reviews (100,000 cards x 10) into FSRS memory states with
# jatta (release build) and with fsrs-rs-python (Anki's engine) on the same
# histories, and prints both times and their ratios, by wall clock and by CPU
# time (other load on a shared machine inflates the first much more). Best of
# five runs each.
#   scripts/bench-fsrs.sh [CARDS] [REVIEWS_PER_CARD]
set -euo pipefail
cd "$(dirname "$0")/.."
cards="${1:-100000}"
reviews="${2:-10}"

. scripts/lib/oracle-venv.sh

swift build -c release --product jatta-bench >/dev/null
bench="$(swift build -c release --show-bin-path)/jatta-bench"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rs_out="$("$ORACLE_PYTHON" scripts/oracle/fsrs_bench.py "$work/histories.txt" "$work/rs.txt" \
    --cards "$cards" --reviews "$reviews")"
jatta_out="$("$bench" fsrs "$work/histories.txt" "$work/rs.txt" 5)"
echo "$jatta_out"
echo "$rs_out"
rs_s="$(echo "$rs_out" | awk '/fsrs-rs-python seconds:/ {print $3}')"
jatta_s="$(echo "$jatta_out" | awk '/jatta seconds:/ {print $3}')"
rs_cpu="$(echo "$rs_out" | awk '/fsrs-rs-python cpu seconds:/ {print $4}')"
jatta_cpu="$(echo "$jatta_out" | awk '/jatta cpu seconds:/ {print $4}')"
awk -v j="$jatta_s" -v r="$rs_s" -v jc="$jatta_cpu" -v rc="$rs_cpu" -v n="$((cards * reviews))" 'BEGIN {
    printf "reviews: %d\njatta: %.4f s (%.1f ns/review), cpu %.4f s\nfsrs-rs-python: %.4f s (%.1f ns/review), cpu %.4f s\n", n, j, j * 1e9 / n, jc, r, r * 1e9 / n, rc
    printf "ratio fsrs-rs / jatta: %.2f by wall clock, %.2f by CPU time (above 1 means jatta is faster)\n", r / j, rc / jc
}'
