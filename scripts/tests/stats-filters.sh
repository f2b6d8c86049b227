#!/usr/bin/env bash
# `jatta stats DECK --level N` and `--tag T` checked by an outsider: a deck
# of 140 cards over three levels, ten of them under a section (the tag
# "rare"), is answered for 300 days (study and quiz answers, undos,
# suspensions) through the binary; then the figures of each filter are
# recomputed from the raw tables by scripts/tests/stats_recompute.py with
# only that filter's cards. A tag of few cards is read card by card through
# the log's per-card index, a level (a third of the cards) in one pass over
# the log while the registry does not know the levels, and from the kept
# summary of its groups of deck file and level once the trainer registered
# the deck: all are checked, and a filter of both. A tag on all but the last
# ten cards ("common") is read from its groups' kept rows less the answers
# of the ten cards it leaves out.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages python3 tzdata || { echo "FAIL: python3 is needed" >&2; exit 1; }

repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=Etc/GMT-5
# The deck, and the keys of each filter as the generator knows them: key
# = namespace:id, level = i mod 3 + 1, the last ten cards under "## rare".
mkdir -p "$work/debug"
python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
lines = ["# Filters", "namespace: filters", ""]
keys = {"all": [], "level2": [], "rare": [], "rare3": [], "common": [], "common2": []}
for i in range(140):
    if i == 0:
        lines += ["## common", ""]
    if i == 130:
        lines += ["## rare", ""]
    level = i % 3 + 1
    lines += [f"Q: Question {i}?", f"A: Answer {i}", f"level: {level}", f"id: q{i}", ""]
    key = f"filters:q{i}"
    keys["all"].append(key)
    if level == 2:
        keys["level2"].append(key)
    if i < 130:
        keys["common"].append(key)
        if level == 2:
            keys["common2"].append(key)
    if i >= 130:
        keys["rare"].append(key)
        if level == 3:
            keys["rare3"].append(key)
open(os.path.join(work, "debug", "answer-loop.deck"), "w").write("\n".join(lines))
for name, ks in keys.items():
    open(os.path.join(work, name + ".keys"), "w").write("\n".join(ks) + "\n")
PY
cd "$work"
db="$work/progress.sqlite"
now=$(( $(date +%s) * 1000 ))
day=86400000
"$JATTA" debug answer-loop --db "$db" --seed 5 --keys all.keys --count 3000 \
    --start $((now - 300 * day)) --step $((290 * day / 3000)) --undo-every 23 --suspend-every 97 >/dev/null
"$JATTA" debug answer-loop --db "$db" --seed 6 --keys all.keys --count 400 \
    --start $((now - 5 * day)) --step $((5 * day / 400 - 1000)) --undo-every 31 >/dev/null
for q in 1 2; do
    "$JATTA" debug answer-loop --db "$db" --seed $((30 + q)) --keys all.keys --count 40 --kind quiz \
        --session "quiz-$q" --start $((now - (3 - q) * day)) --step 30000 --undo-every 9 >/dev/null
done
check() {  # check KEYS ARGS...: the filtered figures against the recomputation
    local keys=$1; shift
    "$JATTA" stats --db "$db" --json --at "$now" debug/answer-loop.deck "$@" >"$work/stats.json"
    python3 "$repo/scripts/tests/stats_recompute.py" "$db" "$work/stats.json" "$now" "$work/$keys" \
        || { echo "FAIL: jatta stats $* differs from the recomputation" >&2; exit 1; }
}
check rare.keys --tag rare
check level2.keys --level 2
check rare3.keys --tag rare --level 3
check common.keys --tag common
check common2.keys --tag common --level 2
check all.keys
# The statistics' copy of the registry, over three levels, suspensions and undos.
python3 "$repo/scripts/tests/kept_groups.py" "$db"
# The deck registered as the trainer's start registers it: the registry
# now knows each card's level, the answers move with their cards to the
# groups of deck file and level, and a level's answers come from the kept
# summary of its groups (a tag's still from the log, card by card).
"$JATTA" study --plain --db "$db" debug/answer-loop.deck </dev/null >/dev/null
python3 - "$db" <<'PY'
import sqlite3, sys
levels = {l for (l,) in sqlite3.connect(sys.argv[1]).execute("SELECT level_key FROM card_group WHERE total > 0")}
if levels != {1, 2, 3}:
    sys.exit(f"FAIL: the registry's levels are {levels}, not 1, 2 and 3")
PY
python3 "$repo/scripts/tests/stats_summaries.py" "$db"
check rare.keys --tag rare
check level2.keys --level 2
check rare3.keys --tag rare --level 3
check common.keys --tag common
check common2.keys --tag common --level 2
check all.keys
echo "PASS stats-filters"
