#!/usr/bin/env bash
# Time and peak memory of `jatta extract` (release build) on the hostile
# files of issue 19 (scripts/gen-hostile-lectures.py): text with many `<`,
# a large HTML page, one long line, one line of level labels. Usage: bench-extract-hostile.sh [MB]
# (default 20; issue 19 measured a 60 MB page and a 21 MB line).
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-20}"
swift build -c release --product jatta >/dev/null
jatta="$(swift build -c release --show-bin-path)/jatta"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/gen-hostile-lectures.py "$work" "$mb"
for name in lt.txt page.html line.txt labels.txt; do
    bytes=$(wc -c <"$work/$name")
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$jatta" extract "$work/$name" -o "$work/out.deck" 2>/dev/null
    read -r wall user sys kb <"$work/time"
    # CPU time as well: wall time grows when other jobs share the cores.
    echo "bench-extract-hostile: $name $(( bytes / 1048576 )) MB: wall ${wall} s, CPU $(echo "$user + $sys" | bc) s, peak $(( kb / 1024 )) MB ($(echo "scale=1; $kb * 1024 / $bytes" | bc)x the input)"
done
