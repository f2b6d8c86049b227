#!/usr/bin/env bash
# `jatta stats --json` and the statistics screen at scale, release build:
# builds (or reuses, with --dir DIR) the collection of `jatta-bench
# scale-setup` — 100,000 cards in DIR/decks, about 1,000,000 review-log
# rows in DIR/progress.sqlite — then, RUNS times each (default 7):
# - `jatta stats --json` and the text report, whole process, printing the
#   median wall and CPU time and the peak memory (max RSS), and `jatta
#   stats --json` with a level filter and with the decks named; with
#   MAIN=path/to/jatta (another build, e.g. main's), that binary's runs
#   alternate with this build's on the same database at the same moment;
# - opening the statistics screen from the home screen of a session on
#   DIR/decks (`jatta debug statistics-screen-time`: the key, the store's
#   figures, the pages and the frame, without a terminal), in process;
# then the same history rebuilt as an Anki collection (anki 26.9.3 from
# PyPI, scripts/lib/anki_collection.py) and Anki's own time for its
# statistics on it, as a whole process and in process
# (scripts/lib/anki_stats_time.py). With --dir the collection is kept
# there too. The stats commands run from the repository, so the decks
# they read for the hardest cards' lines are the bundled ones.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
dir=""
if [ "${1:-}" = "--dir" ]; then dir=$2; fi
keep_dir=$dir
[ -n "$dir" ] || dir=$(mktemp -d)
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
[ -n "$keep_dir" ] || trap 'rm -rf "$dir"' EXIT
swift build -c release --product jatta
swift build -c release --product jatta-bench
bin=$(swift build -c release --show-bin-path)
db="$dir/progress.sqlite"
[ -f "$db" ] || "$bin/jatta-bench" scale-setup --cards 100000 --dir "$dir" >/dev/null
main=${MAIN:-}
# Each binary reads its own copy of the database: this build adds its
# migrations to its copy, which an older binary (MAIN) refuses to open.
this_db="$dir/progress-this.sqlite"
main_db="$dir/progress-main.sqlite"
cp "$db" "$this_db"
[ -z "$main" ] || cp "$db" "$main_db"
# measure LABEL COMMAND...: the median wall time, the median CPU time
# (user + system: what the process itself cost, whatever else the machine
# is doing) and the peak memory of RUNS runs.
measure() {
    local label=$1; shift
    local times=() cpu=() rss=()
    for _ in $(seq 1 "$runs"); do
        # The child's own rusage, to the microsecond (GNU time rounds CPU
        # time to 10 ms, a tenth of the goal).
        local micros kb user sys
        read -r micros kb user sys < <(python3 -c '
import resource, subprocess, sys, time
start = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
wall = time.monotonic() - start
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(int(wall * 1e6), r.ru_maxrss, r.ru_utime, r.ru_stime)' "$@")
        times+=("$micros")
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
# pair LABEL ARGS...: this build and, with MAIN, the other binary, each
# run in turn so both meet the same load; an argument @DB@ is each one's
# copy of the database.
pair() {
    local label=$1; shift
    local this_args=("${@//@DB@/$this_db}") main_args=("${@//@DB@/$main_db}")
    # Each binary keeps its own deck index (entries are stamped with the
    # binary, so a shared one would be rebuilt by each in turn).
    local this=(env XDG_CACHE_HOME="$dir/cache-this" "$bin/jatta") other=(env XDG_CACHE_HOME="$dir/cache-main" "$main")
    if [ -z "$main" ]; then
        measure "$label" "${this[@]}" "${this_args[@]}"
        return
    fi
    local saved=$runs
    local i
    : >"$dir/pair-this"; : >"$dir/pair-main"
    for i in $(seq 1 "$saved"); do
        runs=1 measure x "${this[@]}" "${this_args[@]}" >>"$dir/pair-this"
        runs=1 measure x "${other[@]}" "${main_args[@]}" >>"$dir/pair-main"
    done
    summarize "$label (this)" "$dir/pair-this"
    summarize "$label (MAIN)" "$dir/pair-main"
}
# summarize LABEL FILE: the medians and the peak of single-run lines of `measure`.
summarize() {
    local n m wall cpu peak
    n=$(wc -l <"$2")
    m=$(( (n + 1) / 2 ))
    wall=$(awk '{ print $3 }' "$2" | sort -n | sed -n "${m}p")
    cpu=$(awk '{ print $6 }' "$2" | sort -n | sed -n "${m}p")
    peak=$(awk '{ print $13 }' "$2" | sort -n | tail -1)
    printf '%-28s median %7.1f ms wall, %6.0f ms CPU of %d, peak RSS %6.1f MiB\n' "$1" "$wall" "$cpu" "$n" "$peak"
}
# The first run of this build migrates its copy: not timed.
"$bin/jatta" stats --db "$this_db" --json >/dev/null
pair "jatta --version (start-up)" --version
pair "jatta stats --json" stats --db @DB@ --json
pair "jatta stats (text)" stats --db @DB@ --lang en
# A level filter reads the decks (named as the store registered them,
# relative to DIR): most of its time is reading 100,000 cards.
# One run of each first, untimed, builds its deck index.
(cd "$dir" && XDG_CACHE_HOME="$dir/cache-this" "$bin/jatta" stats --db "$this_db" --json --level 2 decks >/dev/null)
[ -z "$main" ] || (cd "$dir" && XDG_CACHE_HOME="$dir/cache-main" "$main" stats --db "$main_db" --json --level 2 decks >/dev/null)
(cd "$dir" && pair "jatta stats --json --level 2" stats --db @DB@ --json --level 2 decks)
# The 100,000 cards' own decks named, without a filter: read one at a time
# for the hardest cards' lines and the exam dates (their index is warm).
(cd "$dir" && pair "jatta stats --json DECKS" stats --db @DB@ --json decks)
[ -z "$main" ] || cmp -s <("$bin/jatta" stats --db "$this_db" --json --at 1800000000000) \
    <("$main" stats --db "$main_db" --json --at 1800000000000) \
    && echo "jatta stats --json: the same bytes as MAIN's" || echo "jatta stats --json: NOT the same bytes as MAIN's"
# The statistics screen, opened RUNS times in one session on the decks
# the store registered (their files are named relative to DIR).
(cd "$dir" && XDG_CACHE_HOME="$dir/cache-this" "$bin/jatta" debug statistics-screen-time decks --db "$this_db" --runs "$runs")
(cd "$dir" && XDG_CACHE_HOME="$dir/cache-this" "$bin/jatta" debug statistics-screen-time decks --db "$this_db" \
    --runs "$runs" --columns 60 --lines 15)

# Anki's own time for the same statistics on the same history.
if . scripts/lib/anki-venv.sh; then
    collection="$dir/collection.anki2"
    if [ ! -f "$collection" ]; then
        "$bin/jatta" stats --db "$this_db" --json >"$dir/stats.json"
        "$ANKI_PYTHON" scripts/lib/anki_stats_time.py build "$this_db" "$dir/stats.json" "$collection"
    fi
    measure "python3 + import anki" "$ANKI_PYTHON" -c 'import anki.collection'
    measure "Anki open + graphs (whole)" "$ANKI_PYTHON" scripts/lib/anki_stats_time.py once "$collection"
    "$ANKI_PYTHON" scripts/lib/anki_stats_time.py repeat "$collection" "$runs"
else
    echo "Anki not measured: anki 26.9.3 could not be installed" >&2
fi
