#!/usr/bin/env bash
# Fresh comparison of jatta's FSRS scheduler with the reference implementations
# (py-fsrs 6.3.2 with 24-hour days, fsrs-rs 0.9.3 with Anki's scheduler days),
# on new random histories each run. Prints the seed; to replay a failure:
#   scripts/tests/fsrs-oracle.sh SEED [HISTORIES]
# Exits non-zero on any difference beyond the tolerances of
# scripts/oracle/fsrs_oracle.py compare.
set -euo pipefail
cd "$(dirname "$0")/../.."

seed="${1:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
count="${2:-500}"
zones=(America/New_York Europe/Berlin Asia/Almaty Australia/Sydney UTC)
zone="${zones[$((seed % ${#zones[@]}))]}"
echo "fsrs-oracle: seed $seed, $count random histories, scheduler days in $zone"
echo "fsrs-oracle: replay with: scripts/tests/fsrs-oracle.sh $seed $count"

. scripts/lib/oracle-venv.sh
py="$ORACLE_PYTHON"

. scripts/lib/jatta-binary.sh
jatta=$JATTA

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$py" scripts/oracle/fsrs_oracle.py generate --engine py --seed "$seed" -n "$count" > "$work/py.jsonl"
"$py" scripts/oracle/fsrs_oracle.py generate --engine rs --seed "$seed" -n "$count" \
    --time-zone "$zone" --rollover-hour 4 > "$work/rs.jsonl"
"$jatta" fsrs replay --elapsed 24h < "$work/py.jsonl" > "$work/jatta-py.jsonl"
"$jatta" fsrs replay --elapsed anki < "$work/rs.jsonl" > "$work/jatta-rs.jsonl"

status=0
"$py" scripts/oracle/fsrs_oracle.py compare --engine py "$work/py.jsonl" "$work/jatta-py.jsonl" || status=1
"$py" scripts/oracle/fsrs_oracle.py compare --engine rs "$work/rs.jsonl" "$work/jatta-rs.jsonl" || status=1
if [ "$status" -ne 0 ]; then
    echo "fsrs-oracle: FAILED (seed $seed)"
else
    echo "fsrs-oracle: passed (seed $seed)"
fi
exit "$status"
