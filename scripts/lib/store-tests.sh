# Shared helpers for the store's process-level tests in scripts/tests/
# (sourced, not run).
# Builds the jatta binary if needed and sets JATTA to its path.

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/jatta-binary.sh

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# integrity_check DB: SQLite's own check, through the sqlite3 CLI when
# installed (an independent reader), else through Python's sqlite3 module.
integrity_check() {
    if command -v sqlite3 >/dev/null 2>&1; then
        sqlite3 "$1" 'PRAGMA integrity_check'
    else
        python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$1"
    fi
}

# log_ids DB: every id in the review log, one a line, sorted as text.
log_ids() {
    if command -v sqlite3 >/dev/null 2>&1; then
        sqlite3 "$1" 'SELECT id FROM review_log'
    else
        python3 -c 'import sqlite3,sys
for (i,) in sqlite3.connect(sys.argv[1]).execute("SELECT id FROM review_log"): print(i)' "$1"
    fi | LC_ALL=C sort
}

# sql DB STATEMENT: run one statement with an independent SQLite client.
sql() {
    if command -v sqlite3 >/dev/null 2>&1; then
        sqlite3 "$1" "$2"
    else
        python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1]); r=c.execute(sys.argv[2]).fetchall(); c.commit()
for row in r: print("|".join(map(str,row)))' "$1" "$2"
    fi
}
