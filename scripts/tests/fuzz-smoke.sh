#!/usr/bin/env bash
# A short libFuzzer run of every target (scripts/fuzz/): deck parser,
# lecture extraction, answer checker, plain-mode input lines and
# `fsrs replay` JSON. Each runs a few seconds with a time limit per input
# and a memory limit, so a crash, a hang or a blow-up fails the suite.
# Long runs: scripts/fuzz/run.sh SECONDS (see docs/security.md).
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${JATTA_FUZZ_SECONDS:-5}
if ! bash scripts/fuzz/run.sh "$seconds"; then
    echo "fuzz-smoke: FAIL: a fuzz target found a crash, a timeout or a blow-up (see .build-fuzz/findings-*)" >&2
    exit 1
fi
echo "fuzz-smoke: ok"
