#!/usr/bin/env bash
# `jatta stats --json` checked by an outsider: a history of a year and a
# half (study and quiz answers, undos, suspensions) is recorded through the
# binary, then every figure of the JSON is recomputed from the raw tables
# by scripts/tests/stats_recompute.py (Python's sqlite3, no jatta code), in
# a time zone 5 hours east of UTC so that days start at 4 a.m. local time.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages python3 tzdata || { echo "FAIL: python3 is needed" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/progress.sqlite"
export TZ=Etc/GMT-5  # five hours east of Greenwich, as Almaty (the sign is inverted)
now=$(( $(date +%s) * 1000 ))
day=86400000
# 4,000 study answers over 550 days, then 1,000 in the last 20 days (so
# today, yesterday and the week have reviews), then three quizzes.
"$JATTA" debug answer-loop --db "$db" --seed 7 --cards 300 --count 4000 \
    --start $((now - 550 * day)) --step $((530 * day / 4000)) --undo-every 37 --suspend-every 211 >/dev/null
"$JATTA" debug answer-loop --db "$db" --seed 8 --cards 300 --count 1000 \
    --start $((now - 20 * day)) --step $((20 * day / 1000 - 1000)) --undo-every 41 >/dev/null
for q in 1 2 3; do
    "$JATTA" debug answer-loop --db "$db" --seed $((20 + q)) --cards 300 --count 25 --kind quiz --session "quiz-$q" \
        --start $((now - (4 - q) * day)) --step 30000 --undo-every 9 >/dev/null
done
for at in "$now" $((now - 3 * 3600 * 1000)) $((now + 2 * day)); do
    "$JATTA" stats --db "$db" --json --at "$at" >"$work/stats.json"
    python3 scripts/tests/stats_recompute.py "$db" "$work/stats.json" "$at"
done
echo "PASS stats-recompute"
