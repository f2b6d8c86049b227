#!/usr/bin/env bash
# Precision and recall of `jatta extract` over the lecture corpus in
# corpus/ (level questions, tasks, glossary terms), lecture by lecture,
# with what was missed and what was taken wrongly. Builds the tests if
# needed; exits non-zero when the corpus goals are not met.
set -uo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests >/dev/null || exit 1
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
JATTA_CORPUS_REPORT="$report" swift test --skip-build --filter 'CorpusTests' >/dev/null 2>&1
status=$?
sed 's/^corpus: //' "$report"
[ "$status" -eq 0 ] || { echo "corpus-score: goals not met" >&2; exit 1; }
