#!/usr/bin/env bash
# jatta's statistics against Anki's own: the same review history (study
# and quiz answers over a year and a half, undos, suspensions, burials) is
# recorded in jatta through the binary and rebuilt in an Anki collection
# (anki 26.9.3 from PyPI, in .venv-oracle/), then Anki's Future Due and
# True Retention (`col._backend.graphs`) are compared with `jatta stats
# --json` day for day, for two different histories (scripts/tests/stats_anki.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages python3 python3-venv tzdata || { echo "FAIL: python3, python3-venv and tzdata are needed" >&2; exit 1; }

. scripts/lib/anki-venv.sh || exit 1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=Etc/GMT-5  # five hours east of Greenwich (the sign is inverted)
day=86400000
for run in 1 2; do
    db="$work/progress-$run.sqlite"
    now=$(( $(date +%s) * 1000 ))
    "$JATTA" debug answer-loop --db "$db" --seed $((7 * run)) --cards 400 --count 3000 \
        --start $((now - 550 * day)) --step $((530 * day / 3000 + run * 977)) \
        --undo-every 37 --suspend-every 211 --bury-every 53 >/dev/null
    "$JATTA" debug answer-loop --db "$db" --seed $((8 * run)) --cards 400 --count 600 \
        --start $((now - 20 * day)) --step $((20 * day / 600 - 1000)) --undo-every 41 --bury-every 29 >/dev/null
    "$JATTA" debug answer-loop --db "$db" --seed $((9 * run)) --cards 400 --count 30 --kind quiz --session quiz \
        --start $((now - 3600 * 1000)) --step 60000 >/dev/null
    "$JATTA" stats --db "$db" --json --at "$now" >"$work/stats.json"
    "$ANKI_PYTHON" scripts/tests/stats_anki.py "$db" "$work/stats.json"
done
echo "PASS stats-anki"
