#!/usr/bin/env bash
# A short libFuzzer run of every target (scripts/fuzz/): deck parser,
# lecture extraction, answer checker, plain-mode input lines, Anki packages,
# Moodle GIFT and Aiken files and `fsrs replay` JSON. Each runs 3,000 inputs from a fixed seed with a time limit per input
# and a memory limit, so a crash, a hang or a blow-up fails the suite; then
# every input in scripts/fuzz/findings/ is replayed on its target.
# Long runs: scripts/fuzz/run.sh SECONDS (see docs/security.md).
set -uo pipefail
cd "$(dirname "$0")/../.."
# A fixed seed and a fixed number of inputs make the smoke run the same on
# every machine, so the suite passes or fails for a reason that can be
# replayed; exploring is for the long runs (random seed, set by time).
runs=${JATTA_FUZZ_RUNS:-3000}
failed=0
if ! JATTA_FUZZ_SEED=${JATTA_FUZZ_SEED:-1} bash scripts/fuzz/run.sh -runs "$runs"; then
    echo "fuzz-smoke: FAIL: a fuzz target found a crash, a timeout or a blow-up (see .build-fuzz/findings-*)" >&2
    failed=1
fi
# Every kept finding is replayed on its target (named by the file's prefix,
# TARGET-crash-N, TARGET-timeout-N, …) with the long runs' limits, so a
# fixed finding that comes back fails the suite.
replayed=0
for finding in scripts/fuzz/findings/*; do
    [ -f "$finding" ] || continue
    name=$(basename "$finding")
    target=${name%-*-*}
    if [ ! -x ".build-fuzz/$target" ]; then
        echo "fuzz-smoke: FAIL: $name names no built target ($target)" >&2
        failed=1
        continue
    fi
    if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 ".build-fuzz/$target" -timeout=10 -rss_limit_mb=2048 \
        "$finding" >".build-fuzz/replay-$name.log" 2>&1; then
        echo "fuzz-smoke: FAIL: the finding $name fails again on $target (log .build-fuzz/replay-$name.log)" >&2
        failed=1
    fi
    replayed=$((replayed + 1))
done
[ "$failed" -eq 0 ] || exit 1
echo "fuzz-smoke: ok ($replayed findings replayed)"
