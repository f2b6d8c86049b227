#!/usr/bin/env bash
# Parse throughput of the release build: generates a 100,000-card Kazakh
# deck in memory and parses it several times.
#   scripts/bench-parse.sh [CARDS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product jatta-bench >&2
"$(swift build -c release --show-bin-path)/jatta-bench" parse "${1:-100000}" "${2:-7}"
