#!/usr/bin/env bash
# Class store benchmark on loopback (issue 18): a throw-away PostgreSQL
# cluster holding STUDENTS × CARDS × REVIEWS answers (default 300 × 5,000 ×
# 10 = 15 million rows), then, with the release binary over TCP to 127.0.0.1:
#   - the instructor's report (goal ≤ 1 s), three runs;
#   - a first sync of FIRST answers (default 50,000; goal ≤ 5 s);
#   - a daily sync of DAILY new answers (default 200; goal ≤ 200 ms), and
#     one with nothing new, three runs each;
#   - CONCURRENT students syncing at once (default 50; none may fail);
# and the database's size. Every figure comes with wall time, the client's
# CPU, the server's CPU (its reaped backends) and the load average: the
# machine may be shared, and wall time alone then says little.
#
# The class is loaded in bulk, as an administrator would import one: the
# rows go in server-side with the summary trigger off, then every summary
# is built by jatta.summarise_loaded(), whose body is the trigger's own
# rule (scripts/tests/class-bulk.sh checks both give the same summaries).
#
#   STUDENTS=30 CARDS=1000 scripts/bench-class.sh     a smaller class
#   JATTA=.build/debug/jatta scripts/bench-class.sh    another binary
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. scripts/lib/deps.sh
jatta_ensure_packages postgresql python3 sqlite3 time
. scripts/lib/release-build.sh
# JATTA=PATH times another binary (e.g. main's, side by side).
if [ -z "${JATTA:-}" ]; then
    if jatta_release_is_stale; then jatta_release_build; fi
    JATTA=$jatta_release_binary
fi
. scripts/lib/class-server.sh

STUDENTS=${STUDENTS:-300}
CARDS=${CARDS:-5000}
REVIEWS=${REVIEWS:-10}
FIRST=${FIRST:-50000}
DAILY=${DAILY:-200}
CONCURRENT=${CONCURRENT:-50}
WORK=$(mktemp -d)
trap 'class_server_stop; rm -rf "$WORK"' EXIT

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# The server's CPU in clock ticks: the postmaster's own and that of the
# backends it has reaped (a connection's backend exits when it closes).
server_ticks() {
    local pid
    pid=$(head -1 "$WORK/server/data/postmaster.pid")
    awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat"
}
tick=$(getconf CLK_TCK)
# measure LABEL COMMAND...: runs COMMAND (stdout to $WORK/out), prints wall,
# client CPU, server CPU and the load average before it started.
measure() {
    local label=$1 before_load before_ticks start times
    shift
    before_load=$(load)
    before_ticks=$(server_ticks)
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$WORK/time" "$@" >"$WORK/out"
    local wall
    wall=$(ms "$start")
    sleep 0.2 # the backend's exit is reaped just after the client leaves
    read -r user sys <"$WORK/time"
    printf '%s: %s ms wall, client CPU %s ms, server CPU %d ms, load %s\n' "$label" "$wall" \
        "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", (u + s) * 1000 }')" \
        $(( ($(server_ticks) - before_ticks) * 1000 / tick )) "$before_load"
}

CLASS_SERVER_OPTIONS="-c shared_buffers=512MB -c max_connections=200 -c max_wal_size=4GB -c synchronous_commit=on -c maintenance_work_mem=512MB -c work_mem=64MB"
class_server_start "$WORK/server"
"$JATTA" class setup "$(class_url admin)" >/dev/null
class_add_role prof prof-pw jatta_instructor
class_sql admin -c "SELECT jatta.create_class('BENCH', 'prof')" >/dev/null
echo "loading $STUDENTS students × $CARDS cards × $REVIEWS answers = $((STUDENTS * CARDS * REVIEWS)) rows (load $(load)) …"
start=$(date +%s%N)
cpu_start=$(server_ticks)
class_sql admin -c "INSERT INTO jatta.card (class_id, card_key, deck_file, prompt, level, line)
    SELECT 'BENCH', 'card-' || c, 'bench.deck', 'Сұрақ ' || c, 1 + c % 3, 1 + c * 4 FROM generate_series(0, $CARDS - 1) c" \
    -c "SELECT jatta.add_student('BENCH', ('student' || s)::name) FROM generate_series(1, $STUDENTS) s" >/dev/null
per_student=$((CARDS * REVIEWS))
chunk=25
class_sql admin -c "ALTER TABLE jatta.review DISABLE TRIGGER review_summaries"
for first in $(seq 1 "$chunk" "$STUDENTS"); do
    last=$((first + chunk - 1)); [ "$last" -le "$STUDENTS" ] || last=$STUDENTS
    class_sql admin -c "
    INSERT INTO jatta.review (class_id, student, log_id, card_key, at, kind, rating, duration_ms, session,
        state_before, state_after, stability, difficulty, credit, chosen)
    SELECT 'BENCH', ('student' || s)::name, g, 'card-' || ((g * 7919 + s) % $CARDS),
        timestamptz '2026-09-01' + g * interval '2 minutes',
        CASE WHEN g % 10 = 0 THEN 'quiz' ELSE 'study' END,
        CASE WHEN r < 12 THEN 1 WHEN r < 20 THEN 2 WHEN r < 90 THEN 3 ELSE 4 END,
        1000 + r * 100, 'q' || s || '-' || (g / 100),
        CASE WHEN g > $CARDS THEN 2 ELSE NULL END, CASE WHEN r < 12 THEN 3 ELSE 2 END,
        1 + r, 1 + r / 11.0,
        CASE WHEN g % 10 = 0 THEN CASE WHEN r < 30 THEN 0 ELSE 1 END END,
        CASE WHEN g % 10 = 0 AND r < 30 THEN 'option ' || (r % 3) END
    FROM generate_series($first, $last) s, generate_series(1, $per_student) g,
        LATERAL (SELECT ((g * 2654435761 + s * 40503) % 100)::int AS r) x" >/dev/null
    echo "  rows of $last students in ($(ms "$start") ms, load $(load))"
done
class_sql admin -c "ALTER TABLE jatta.review ENABLE TRIGGER review_summaries"
rows_done=$(ms "$start")
for first in $(seq 1 "$chunk" "$STUDENTS"); do
    last=$((first + chunk - 1)); [ "$last" -le "$STUDENTS" ] || last=$STUDENTS
    class_sql admin -c "CREATE TEMP VIEW fresh AS SELECT * FROM jatta.review WHERE class_id = 'BENCH'
        AND student IN (SELECT ('student' || s)::name FROM generate_series($first, $last) s)" \
        -c "SELECT jatta.summarise_loaded()" >/dev/null
    echo "  summaries of $last students ($(ms "$start") ms, load $(load))"
done
summaries_done=$(ms "$start")
class_sql admin -c "VACUUM ANALYZE" >/dev/null
echo "load: $(ms "$start") ms wall (rows $rows_done ms, summaries $((summaries_done - rows_done)) ms, vacuum $(( $(ms "$start") - summaries_done )) ms), server CPU $(( ($(server_ticks) - cpu_start) * 1000 / tick )) ms; rows: $(class_sql admin -c "SELECT count(*) FROM jatta.review")"
echo "database size: $(class_sql admin -c "SELECT pg_size_pretty(pg_database_size('jatta'))")"

url_prof="$(class_tcp_url prof BENCH disable)"
for run in 1 2 3; do
    measure "report ($run)" "$JATTA" class report --server "$url_prof" --json
done
cp "$WORK/out" "$WORK/report.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('  report covers', r['studentCount'], 'students,', len(r['cards']), 'cards')" "$WORK/report.json"

# A new student's first sync, then a day's answers.
class_add_role newcomer newcomer-pw jatta_student
class_sql admin -c "SELECT jatta.add_student('BENCH', 'newcomer')" >/dev/null
"$JATTA" debug answer-loop --db "$WORK/new.sqlite" --count 1 --cards 1 --seed 1 >/dev/null
python3 scripts/class_bench_store.py "$WORK/new.sqlite" "$FIRST" "$CARDS" 1
sqlite3 "$WORK/new.sqlite" "INSERT INTO student_setting VALUES ('class.connection', 'postgresql://newcomer@127.0.0.1:$CLASS_PORT/jatta?sslmode=disable'), ('class.id', 'BENCH')"
measure "first sync" "$JATTA" sync --db "$WORK/new.sqlite"
echo "  ($(cat "$WORK/out"))"
for run in 1 2 3; do
    python3 scripts/class_bench_store.py "$WORK/new.sqlite" "$DAILY" "$CARDS" $((run + 1))
    measure "daily sync ($run)" "$JATTA" sync --db "$WORK/new.sqlite"
    echo "  ($(cat "$WORK/out"))"
done
for run in 1 2 3; do
    measure "sync with nothing new ($run)" "$JATTA" sync --db "$WORK/new.sqlite"
done

# Many students at once, each with a day's answers.
"$JATTA" debug answer-loop --db "$WORK/template.sqlite" --count 1 --cards 1 --seed 1 >/dev/null
python3 scripts/class_bench_store.py "$WORK/template.sqlite" "$DAILY" "$CARDS" 3
for c in $(seq 1 "$CONCURRENT"); do
    class_add_role "many$c" "many$c-pw" jatta_student
    class_sql admin -c "SELECT jatta.add_student('BENCH', 'many$c')" >/dev/null
    cp "$WORK/template.sqlite" "$WORK/many$c.sqlite"
    sqlite3 "$WORK/many$c.sqlite" "INSERT INTO student_setting VALUES ('class.connection', 'postgresql://many$c@127.0.0.1:$CLASS_PORT/jatta?sslmode=disable'), ('class.id', 'BENCH')"
done
start=$(date +%s%N)
before_load=$(load)
before_ticks=$(server_ticks)
pids=()
for c in $(seq 1 "$CONCURRENT"); do
    "$JATTA" sync --db "$WORK/many$c.sqlite" >"$WORK/many$c.out" 2>&1 &
    pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
elapsed=$(ms "$start")
stored=$(class_sql admin -c "SELECT count(*) FROM jatta.review WHERE student LIKE 'many%'")
per=$(sqlite3 "$WORK/template.sqlite" "SELECT count(*) FROM review_log")
sleep 0.2
echo "$CONCURRENT concurrent syncs: $elapsed ms wall, $failed failed, $stored rows stored (want $((CONCURRENT * per))), server CPU $(( ($(server_ticks) - before_ticks) * 1000 / tick )) ms, load $before_load"
echo "database size: $(class_sql admin -c "SELECT pg_size_pretty(pg_database_size('jatta'))")"
