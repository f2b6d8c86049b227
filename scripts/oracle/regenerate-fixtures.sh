#!/usr/bin/env bash
# Regenerates the FSRS reference vectors that `swift test` checks against,
# from the pinned reference implementations (scripts/oracle/requirements.txt).
# The seed and counts are fixed so that the files only change when a pinned
# version or the history generator changes.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/oracle-venv.sh
out=Tests/FSRSTests/Fixtures
seed=20240101
"$ORACLE_PYTHON" scripts/oracle/fsrs_oracle.py generate --engine py --seed "$seed" -n 300 \
    > "$out/py-fsrs-6.3.2.jsonl"
"$ORACLE_PYTHON" scripts/oracle/fsrs_oracle.py generate --engine rs --seed "$seed" -n 300 \
    --time-zone America/New_York --rollover-hour 4 > "$out/fsrs-rs-0.9.3-anki-days.jsonl"
wc -l "$out"/*.jsonl
