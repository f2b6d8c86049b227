#!/usr/bin/env bash
# Prints the two error rates of the answer checker over the judgement tables
# (Tests/KazakhTextTests/Fixtures/judgements*.tsv): the share of plain typos
# refused (goal ≤ 1%) and of different words accepted (goal 0). The test
# behind it fails when either goal is missed.
#   bash scripts/judgement-rates.sh
set -uo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests >/dev/null 2>&1 || { swift build --build-tests; exit 1; }
out=$(swift test --skip-build --filter JudgementRates 2>&1)
status=$?
printf '%s\n' "$out" | grep -a -m1 "judgement rates:" || { printf '%s\n' "$out"; exit 1; }
exit $status
