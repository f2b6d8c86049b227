#!/usr/bin/env bash
# A short libFuzzer run of every target (scripts/fuzz/): deck parser,
# lecture extraction, answer checker, plain-mode input lines, Anki packages,
# Moodle GIFT and Aiken files and `fsrs replay` JSON. Each runs 3,000 inputs from a fixed seed with a time limit per input
# and a memory limit, so a crash, a hang or a blow-up fails the suite.
# Long runs: scripts/fuzz/run.sh SECONDS (see docs/security.md).
set -uo pipefail
cd "$(dirname "$0")/../.."
# A fixed seed and a fixed number of inputs make the smoke run the same on
# every machine, so the suite passes or fails for a reason that can be
# replayed; exploring is for the long runs (random seed, set by time).
runs=${JATTA_FUZZ_RUNS:-3000}
if ! JATTA_FUZZ_SEED=${JATTA_FUZZ_SEED:-1} bash scripts/fuzz/run.sh -runs "$runs"; then
    echo "fuzz-smoke: FAIL: a fuzz target found a crash, a timeout or a blow-up (see .build-fuzz/findings-*)" >&2
    exit 1
fi
echo "fuzz-smoke: ok"
