#!/usr/bin/env bash
# Instructions per byte of DeckParser.parse on the benchmark deck, counted
# by callgrind (independent of machine load), and the profile's top lines.
#   scripts/profile-parse.sh [CARDS]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "profile-parse: valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
swift build -c release --product jatta-bench >&2
bench="$(swift build -c release --show-bin-path)/jatta-bench"
# DeckParser.parse(_: [UInt8], file:), as the optimiser names its body.
symbol="$(nm "$bench" | awk '{print $3}' | grep -E '^\$s10DeckFormat0A6ParserO5parse_4file.*Says5UInt8VG_SStFZTf' | head -n 1)"
[ -n "$symbol" ] || symbol="$(nm "$bench" | awk '{print $3}' | grep -E '^\$s10DeckFormat0A6ParserO5parse_4file.*Says5UInt8VG_SStFZ$' | head -n 1)"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
# The benchmark exits 1 when its deck draws diagnostics (its random terms
# may recur in their definitions); the count is still the parse's.
log="$(valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect="$symbol" "$bench" parse "${1:-100000}" 1 2>&1 || true)"
bytes="$(grep -oE '\(([0-9]+) bytes\)' <<<"$log" | grep -oE '[0-9]+')"
instructions="$(callgrind_annotate "$out" | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')"
echo "parse: $instructions instructions for $bytes bytes: $(awk -v i="$instructions" -v b="$bytes" 'BEGIN {printf "%.1f", i / b}') per byte"
callgrind_annotate "$out" | grep -E '^ *[0-9,]+ \(' | sed -n 2,16p | cut -c1-160
