#!/usr/bin/env bash
# `jatta stats --json` at scale, release build, whole process: builds (or
# reuses, with --dir DIR) the benchmark database of scripts/bench-store.sh —
# 100,000 cards, 1,000,000 review-log rows — then runs `jatta stats --json`
# and the text report RUNS times (default 7), printing the median wall
# time and the peak memory (max RSS) of each; then the same history rebuilt
# as an Anki collection (anki 26.9.3 from PyPI, scripts/lib/anki_collection.py)
# and Anki's own time for its statistics on it, as a whole process and
# in process (scripts/lib/anki_stats_time.py). With --dir the collection is
# kept there too.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
dir=""
if [ "${1:-}" = "--dir" ]; then dir=$2; fi
keep_dir=$dir
[ -n "$dir" ] || dir=$(mktemp -d)
[ -n "$keep_dir" ] || trap 'rm -rf "$dir"' EXIT
swift build -c release --product jatta
swift build -c release --product jatta-bench
bin=$(swift build -c release --show-bin-path)
db="$dir/progress.sqlite"
[ -f "$db" ] || "$bin/jatta-bench" store --dir "$dir" --keep --repetitions 1 >/dev/null
# measure LABEL COMMAND...: the median wall time, the median CPU time
# (user + system: what the process itself cost, whatever else the machine
# is doing) and the peak memory of RUNS runs.
measure() {
    local label=$1; shift
    local times=() cpu=() rss=()
    for _ in $(seq 1 "$runs"); do
        local start end
        start=$(date +%s%N)
        /usr/bin/time -f '%M %U %S' -o "$dir/rss" "$@" >/dev/null
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
        read -r kb user sys <"$dir/rss"
        rss+=("$kb")
        cpu+=("$(echo "($user + $sys) * 1000" | bc -l)")
    done
    local median peak cpu_median
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    cpu_median=$(printf '%s\n' "${cpu[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
    printf '%-28s median %7.1f ms wall, %6.0f ms CPU of %d, peak RSS %6.1f MiB\n' "$label" \
        "$(echo "$median / 1000" | bc -l)" "$cpu_median" "$runs" "$(echo "$peak / 1024" | bc -l)"
}
[ -f "$db" ] || { echo "FAIL: no benchmark database at $db" >&2; exit 1; }
echo "$(sqlite3 "$db" 'SELECT count(*) FROM card') cards, $(sqlite3 "$db" 'SELECT count(*) FROM review_log') log rows" 2>/dev/null || true
measure "jatta stats --json" "$bin/jatta" stats --db "$db" --json
measure "jatta stats (text)" "$bin/jatta" stats --db "$db" --lang en

# Anki's own time for the same statistics on the same history.
if . scripts/lib/anki-venv.sh; then
    collection="$dir/collection.anki2"
    if [ ! -f "$collection" ]; then
        "$bin/jatta" stats --db "$db" --json >"$dir/stats.json"
        "$ANKI_PYTHON" scripts/lib/anki_stats_time.py build "$db" "$dir/stats.json" "$collection"
    fi
    measure "python3 + import anki" "$ANKI_PYTHON" -c 'import anki.collection'
    measure "Anki open + graphs (whole)" "$ANKI_PYTHON" scripts/lib/anki_stats_time.py once "$collection"
    "$ANKI_PYTHON" scripts/lib/anki_stats_time.py repeat "$collection" "$runs"
else
    echo "Anki not measured: anki 26.9.3 could not be installed" >&2
fi
