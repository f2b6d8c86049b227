# Sourced (not run) by the store upgrade tests in scripts/tests/ (store-upgrade-0.8.sh,
# store-upgrade-0.9.sh) and the fixture makers (fixtures/make-progress-0.8.sh,
# make-progress-0.9.sh), with $repo the repository root: how a fixture's
# history is made, what a store means, read the same way from any version,
# and what a binary does with a store, so an earlier release's result
# (kept beside its fixture) and today's are made the same way.

# scratch_home: a temporary folder $work, removed on exit, holding HOME
# and the cache and data folders, so that no run reads or writes the
# user's (nor a progress database or deck index named by the environment).
scratch_home() {
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    export HOME="$work/home" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data" TZ=UTC
    unset JATTA_DB JATTA_DECK_INDEX
    mkdir -p "$HOME"
}

# course_folder DIR: the course a history is made in: DIR/decks (the
# bundled decks) and DIR/examples/sayasat.deck.
course_folder() {
    mkdir -p "$1/examples"
    cp -r "$repo/decks" "$1/decks"
    cp "$repo/examples/sayasat.deck" "$1/examples/"
}

# upgrade_test NAME: a store upgrade test's setup: scratch_home, and
# `fail` counting failures under NAME (upgrade_test_end reports them).
upgrade_test() {
    test_name=$1
    failures=0
    scratch_home
}
fail() { echo "$test_name: FAIL: $*" >&2; failures=$((failures + 1)); }
q() { sqlite3 "$1" "$2"; }

# upgrade_test_end [DETAIL]: exits 1 after any failure, else says ok.
upgrade_test_end() {
    if [ "$failures" -gt 0 ]; then
        echo "$test_name: $failures failure(s)" >&2
        exit 1
    fi
    echo "$test_name: ok${1:+ ($1)}"
}

# make_history JATTA DB: from a course folder holding decks/ and
# examples/sayasat.deck, a student's history in DB: study sessions over
# several days (faketime) with answers, undos, buries and suspensions,
# two quizzes, an exam and a desired retention; then DB as one file.
make_history() {
    local jatta=$1 db=$2 day=0 seed at
    for seed in 1 2 3 4 5 6; do
        at="2026-10-$((10 + day * 3)) 09:00:00"
        student_lines "$seed" 200 | faketime "$at" "$jatta" study decks/ --plain --lang en --db "$db" >/dev/null 2>&1 || true
        student_lines "$((seed + 10))" 80 | faketime "$at" "$jatta" study examples/sayasat.deck --plain --lang en --db "$db" >/dev/null 2>&1 || true
        day=$((day + 1))
    done
    printf "1\n%.0s" {1..200} | faketime "2026-10-20 15:00:00" "$jatta" quiz decks/ --plain --seed 3 --count 30 --lang en --db "$db" >/dev/null 2>&1 || true
    printf "2\n%.0s" {1..200} | faketime "2026-10-27 15:00:00" "$jatta" quiz examples/sayasat.deck --plain --seed 5 --count 15 --lang en --db "$db" >/dev/null 2>&1 || true
    "$jatta" exam set 2026-12-20 decks --db "$db" >/dev/null
    "$jatta" optimize --retention 0.85 --db "$db" >/dev/null 2>&1 || true
    # One file, no write-ahead log beside it.
    sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;" >/dev/null
}

# dump DB: every table of what the store means, in a fixed order, read
# through the columns any version gives (the log through its view).
dump() {
    local db=$1
    python3 "$repo/scripts/lib/registry_rows.py" "$db"
    echo ---
    sqlite3 "$db" "SELECT * FROM card_state ORDER BY key"
    echo ---
    sqlite3 "$db" "SELECT * FROM card_group ORDER BY id"
    echo ---
    sqlite3 "$db" "SELECT id, key, deck_file, session, at, kind, rating, duration_ms, undoes, b_state, b_step, b_stability,
        b_difficulty, b_due, b_last_review, b_reps, b_lapses, b_suspended, b_buried_until, a_state, a_step,
        a_stability, a_difficulty, a_due, a_last_review, a_reps, a_lapses, a_suspended, a_buried_until
        FROM review_log ORDER BY id"
    echo ---
    sqlite3 "$db" "SELECT * FROM answer_slot ORDER BY 1, 2, 3"
    echo ---
    sqlite3 "$db" "SELECT * FROM quiz_summary ORDER BY 1, 2, 3"
    echo ---
    sqlite3 "$db" "SELECT * FROM quiz_answer ORDER BY log_id"
    echo ---
    # Each file's fingerprint; its list of faces (scale-3-registered-faces)
    # starts empty in an upgraded store and is made by its next registration.
    sqlite3 "$db" "SELECT deck_file, fingerprint FROM registered_deck ORDER BY 1"
    echo ---
    sqlite3 "$db" "SELECT * FROM exam ORDER BY id"
    echo ---
    sqlite3 "$db" "SELECT * FROM student_setting ORDER BY name"
    echo ---
    sqlite3 "$db" "SELECT * FROM fsrs_parameters ORDER BY id"
}

# normalized_stats < STATS_JSON: `stats --json` without its clock, deck
# file names from the course folder on (a fixture is made in a folder
# since gone, so the names are as far from here as from where it was read).
normalized_stats() {
    python3 -c '
import json, re, sys
doc = json.load(sys.stdin)
doc.pop("paths", None)
doc["statistics"].pop("now", None)
text = json.dumps(doc, sort_keys=True, ensure_ascii=False)
print(re.sub(r"\"[^\"]*course/", "\"", text))'
}

# from_course < TEXT: deck file names from the course folder on, as above.
from_course() { sed -E 's|"[^"]*course/|"|g'; }

# study_on JATTA DB FOLDER: one more study session on the bundled decks
# (copied into FOLDER) at a fixed moment, with answers, undos, buries and
# a suspension, the clock stopped (so times and durations repeat); prints `study --plain`'s output, the entries it appended
# (every column but the session, a new random id, and the deck file,
# named from FOLDER) and every card's state after it.
study_on() {
    local jatta=$1 db=$2 folder=$3 last
    mkdir -p "$folder"
    cp -r "$repo/decks" "$folder/decks"
    last=$(sqlite3 "$db" "SELECT max(id) FROM review_log")
    (cd "$folder" && student_lines 77 120 | faketime -f "2026-11-02 12:00:00" "$jatta" study decks --plain --lang en \
        --new-limit 5 --db "$db" 2>&1)
    echo "--- appended"
    sqlite3 "$db" "SELECT id, key, at, kind, rating, duration_ms, undoes, b_state, b_step, b_stability, b_difficulty,
        b_due, b_last_review, b_reps, b_lapses, b_suspended, b_buried_until, a_state, a_step, a_stability, a_difficulty,
        a_due, a_last_review, a_reps, a_lapses, a_suspended, a_buried_until FROM review_log WHERE id > $last ORDER BY id"
    echo "--- states"
    sqlite3 "$db" "SELECT * FROM card_state ORDER BY key"
}

# upgrade_reads_the_same VERSION DB: upgrades DB, a copy of
# fixtures/progress-VERSION.sqlite, by reading its statistics at the
# fixture's moment with today's $JATTA, and calls the test's `fail`
# unless they are what VERSION printed (progress-VERSION.stats.json) and
# every table reads back as before. Works in $work.
upgrade_reads_the_same() {
    local version=$1 db=$2
    dump "$db" >"$work/before"
    (cd "$work" && faketime "2026-11-02 12:00:00" "$JATTA" stats --json --lang en --db "$db") >"$work/stats.json" \
        2>"$work/err" || fail "stats on the $version store: $(head -3 "$work/err")"
    normalized_stats <"$work/stats.json" >"$work/stats-after"
    normalized_stats <"$repo/scripts/tests/fixtures/progress-$version.stats.json" >"$work/stats-$version"
    cmp -s "$work/stats-$version" "$work/stats-after" \
        || fail "stats --json differs from $version's: $(diff "$work/stats-$version" "$work/stats-after" | head -4 | cut -c1-300)"
    dump "$db" >"$work/after"
    cmp -s "$work/before" "$work/after" \
        || fail "the upgrade changed what the store holds: $(diff "$work/before" "$work/after" | head -6 | cut -c1-300)"
}
