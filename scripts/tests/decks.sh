#!/usr/bin/env bash
# The curated decks in decks/ pass `jatta check --werror` with nothing to
# report, and `jatta list --json` shows every card written in them.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
jatta=$JATTA
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "decks: FAIL: $*" >&2; failures=$((failures + 1)); }

out="$("$jatta" check --werror decks 2>&1)"; status=$?
[ "$status" -eq 0 ] || fail "jatta check --werror decks: exit status $status"
if grep -Eq ': (error|warning): ' <<<"$out"; then
    fail "jatta check reported problems:"
    echo "$out" >&2
fi

# Each card starts with a Q:, T: or C: line; each is one JSON line.
written="$(cat decks/*.deck | grep -Ec '^(Q|T|C):')"
listed="$("$jatta" list --json decks 2>"$work/stderr")"; status=$?
errors="$(cat "$work/stderr")"
[ "$status" -eq 0 ] || fail "jatta list --json decks: exit status $status"
[ -z "$errors" ] || fail "jatta list --json decks wrote to standard error: $errors"
count="$(grep -c '^{' <<<"$listed")"
[ "$count" -eq "$written" ] || fail "jatta list shows $count cards, the deck files start $written"
# Every listed card carries a seed source and a level.
missing="$(grep -Evc '"source":"[0-9]{3}_[0-9a-f]{16}\.txt:[1-9][0-9]*".*"level":[123]|"level":[123].*"source":"[0-9]{3}_[0-9a-f]{16}\.txt:[1-9][0-9]*"' <<<"$listed")"
[ "$missing" -eq 0 ] || fail "$missing listed cards lack a FILE:LINE seed source or a level 1-3"

[ "$failures" -eq 0 ] || exit 1
echo "decks: ok ($count cards, jatta check clean)"
