#!/usr/bin/env bash
# Quiz benchmark on the release build: making quizzes of 20, 100 and all
# questions from 5,000 glossary terms (plus multiple-choice and cloze cards)
# in ten decks, and judging typed answers against every known answer.
# Extra arguments go to `jatta-bench quiz` (--terms N, --repetitions N).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product jatta-bench
"$(swift build -c release --show-bin-path)/jatta-bench" quiz "$@"
