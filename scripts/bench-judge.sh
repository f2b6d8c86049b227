#!/usr/bin/env bash
# Answer-checker benchmark on the release build:
#   scripts/bench-judge.sh [DECK|DIR ...] [--known N] [--rounds N]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift build -c release --product jatta-bench >/dev/null
"$(swift build -c release --show-bin-path)/jatta-bench" judge "$@"
