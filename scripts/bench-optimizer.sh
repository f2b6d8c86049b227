#!/usr/bin/env bash
# jatta's FSRS optimiser and fsrs-rs's (fsrs-rs-python 0.9.3) side by side on
# simulated students with known true parameters: 10,000 and 100,000 reviews,
# three students each (scripts/oracle/optimizer_compare.py). Both fit the same
# training items and are judged by fsrs-rs's evaluate on the same held-out
# items. Prints, per student: held-out log loss and RMSE(bins) of both fits,
# the error of the fitted weights, the fit time of each (inside its process)
# and the whole process time and peak memory of each (fsrs-rs in a Python
# process of its own). jatta runs from the release build. Each fit is timed
# three times, in turns with the other, and the best time is reported.
#   scripts/bench-optimizer.sh [USERS] [REVIEWS...]
set -euo pipefail
cd "$(dirname "$0")/.."
users="${1:-3}"
shift || true
sizes=("$@")
if [ "${#sizes[@]}" -eq 0 ]; then sizes=(10000 100000); fi

. scripts/lib/oracle-venv.sh

swift build -c release --product jatta >/dev/null
jatta="$(swift build -c release --show-bin-path)/jatta"
"$ORACLE_PYTHON" scripts/oracle/optimizer_compare.py --jatta "$jatta" --users "$users" \
    --reviews "${sizes[@]}" --repeat 3 --check
