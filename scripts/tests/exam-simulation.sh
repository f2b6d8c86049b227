#!/usr/bin/env bash
# The exam simulation, small: simulated students with their own FSRS-6
# weights (unknown to the scheduler) prepare for exams 7 and 14 days ahead
# on a 100-card deck three ways; exam mode must beat both baselines on mean
# exam-day recall with no more answers than FSRS at 97 % (`--check`). The
# full table is in docs/exam.md.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/jatta-binary.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift build --product jatta-bench >"$log" 2>&1; then
    cat "$log" >&2
    echo "FAIL: swift build --product jatta-bench" >&2
    exit 1
fi
bench="$(swift build --show-bin-path)/jatta-bench"
out=$("$bench" exam-sim --students 12 --cards 100 --days 7,14 --seed 7 --check 2>&1)
status=$?
echo "$out"
grep -qF "seed 7" <<<"$out" || { echo "FAIL: the simulation does not print its seed" >&2; exit 1; }
[ "$(grep -c '^| 100 |' <<<"$out")" -eq 6 ] || { echo "FAIL: expected 6 rows (2 exams × 3 strategies)" >&2; exit 1; }
[ "$status" -eq 0 ] || { echo "FAIL: exam mode did not meet the goal (status $status)" >&2; exit 1; }
echo "exam-simulation: ok"
