#!/usr/bin/env bash
# jatta judge on two 120 KB answers (60,000 Cyrillic letters each): the edit
# distance must keep memory linear in the shorter text and time banded by
# the largest distance that could still be accepted (issue 19: two 16,000
# letter strings took 41 s and 2 GB; two 120 KB strings ran out of memory).
# Measured with /usr/bin/time on the real binary. Exits non-zero on failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. scripts/lib/deps.sh
jatta_ensure_packages time || exit 1
. scripts/lib/jatta-binary.sh
jatta=$JATTA
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "judge-long.sh: FAIL: $*"; exit 1; }

# Limits for the debug build on a slow shared machine; the old table needed
# 60,000² cells (tens of gigabytes) for these inputs.
max_kb=300000
max_seconds=30

# run NAME EXPECTED-HEAD ANSWER TYPED: judges, checks the verdict's first
# line, and the peak memory and wall time of the whole process.
run() {
    local name=$1 want=$2 expected=$3 typed=$4
    /usr/bin/time -f '%M %e' -o "$work/$name.time" "$jatta" judge "$expected" "$typed" >"$work/$name.out" 2>"$work/$name.err" \
        || fail "$name: exit status $? ($(cat "$work/$name.err"))"
    head -n 1 "$work/$name.out" | grep -q "^$want" || fail "$name: wanted '$want', got: $(head -c 200 "$work/$name.out")"
    read -r kb seconds <"$work/$name.time"
    [ "$kb" -le "$max_kb" ] || fail "$name: peak memory $kb kB > $max_kb kB"
    awk -v s="$seconds" -v m="$max_seconds" 'BEGIN { exit !(s <= m) }' || fail "$name: took $seconds s > $max_seconds s"
    echo "judge-long.sh: $name: $kb kB, $seconds s"
}

long=$(yes 'саясат' | head -n 10000 | tr -d '\n')
[ "$(printf %s "$long" | wc -c)" = 120000 ] || fail "the long answer is not 120,000 bytes"
# One letter added and two dropped, far apart: a typo of a very long word.
near="${long:0:30000}ы${long:30000}"
near="${near:0:45000}${near:45002}"
# Another text of the same size: far from the answer.
far=$(yes 'мемлекет' | head -n 7500 | tr -d '\n')

run near "accepted (tier: typo)" "$long" "$near"
run far "wrong (tier: wrong)" "$long" "$far"
run same "accepted (tier: exact)" "$long" "$long"
echo "judge-long.sh: ok"
