#!/usr/bin/env bash
# Progress-store benchmark on the release build: builds a database with
# 100,000 cards and 1,000,000 review-log rows, then times open + today's
# queue, recording answers, counts and history, and prints the file size.
# Extra arguments go to `jatta-bench store` (e.g. --dir DIR --keep to reuse
# the database between runs, --cards N --reviews N for other sizes).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product jatta-bench
"$(swift build -c release --show-bin-path)/jatta-bench" store "$@"
