#!/usr/bin/env bash
# Fuzzes DeckParser (and the print/parse round trip) with libFuzzer.
#   scripts/fuzz-parse.sh [SECONDS]     (default 60)
# The corpus and any crashing input are kept in .build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=.build-fuzz
mkdir -p "$out/modules" "$out/corpus"
flags=(-parse-as-library -O -g -sanitize=fuzzer,address -wmo)
swiftc "${flags[@]}" -emit-module -emit-module-path "$out/modules/KazakhText.swiftmodule" -module-name KazakhText \
    -emit-object -o "$out/KazakhText.o" Sources/KazakhText/*.swift
swiftc "${flags[@]}" -I "$out/modules" -emit-module -emit-module-path "$out/modules/DeckFormat.swiftmodule" \
    -module-name DeckFormat -emit-object -o "$out/DeckFormat.o" Sources/DeckFormat/*.swift
swiftc "${flags[@]}" -I "$out/modules" -use-ld=lld -o "$out/parse-fuzz" \
    scripts/fuzz/parse-fuzz.swift "$out/KazakhText.o" "$out/DeckFormat.o"
# Seed the corpus with the repository's decks and docs examples.
cp scripts/tests/fixtures/*.deck "$out/corpus/" 2>/dev/null || true
cp docs/deck-format.md "$out/corpus/" 2>/dev/null || true
SWIFT_BACKTRACE=enable=no "$out/parse-fuzz" -max_total_time="$seconds" -max_len=4096 \
    -artifact_prefix="$out/" "$out/corpus"
