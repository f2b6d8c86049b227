#!/usr/bin/env bash
# Regenerates the FSRS reference vectors that `swift test` checks against,
# from the pinned reference implementations (scripts/oracle/requirements.txt).
# The seed and counts are fixed so that the files only change when a pinned
# version or the history generator changes.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-oracle
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/oracle/requirements.txt
out=Tests/FSRSTests/Fixtures
seed=20240101
"$venv/bin/python" scripts/oracle/fsrs_oracle.py generate --engine py --seed "$seed" -n 300 \
    > "$out/py-fsrs-6.3.2.jsonl"
"$venv/bin/python" scripts/oracle/fsrs_oracle.py generate --engine rs --seed "$seed" -n 300 \
    --time-zone America/New_York --rollover-hour 4 > "$out/fsrs-rs-0.9.3-anki-days.jsonl"
wc -l "$out"/*.jsonl
