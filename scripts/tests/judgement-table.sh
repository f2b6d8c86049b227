#!/usr/bin/env bash
# The generated judgement table is what the rules give for today's decks:
# regenerating it from decks/ reproduces the committed fixture, so a deck
# change cannot leave the table (and the checker's specification) behind.
set -uo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/judgements/generate.py "$work/generated.tsv" >/dev/null || { echo "judgement-table: FAIL: the generator failed"; exit 1; }
if ! diff -q Tests/KazakhTextTests/Fixtures/judgements-generated.tsv "$work/generated.tsv" >/dev/null; then
    diff Tests/KazakhTextTests/Fixtures/judgements-generated.tsv "$work/generated.tsv" | head -20
    echo "judgement-table: FAIL: run python3 scripts/judgements/generate.py and commit the table"
    exit 1
fi
echo "judgement-table: ok"
