#!/usr/bin/env bash
# Bad situations through the real binary: each must print a message in
# Kazakh and English, exit non-zero, and leave the data untouched.
#   - a database written by a newer jatta (unknown migration)
#   - a file that is not a database; a corrupt database
#   - a read-only folder (run as an unprivileged user when we are root,
#     since root ignores permissions)
#   - no space left: a 1 MiB tmpfs, when this machine lets us mount one
set -euo pipefail
source "$(dirname "$0")/../lib/store-tests.sh"

work=$(mktemp -d)
chmod 755 "$work"
mounted=""
cleanup() {
    [ -n "$mounted" ] && umount "$mounted" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
checked=()

# expect_refusal NAME ENGLISH_FRAGMENT KAZAKH_FRAGMENT FILE -- COMMAND...
expect_refusal() {
    local name=$1 english=$2 kazakh=$3 file=$4
    shift 5
    local before after status=0
    before=$(sha256sum "$file" | cut -d' ' -f1)
    "$@" >"$work/out" 2>"$work/err" || status=$?
    [ "$status" -ne 0 ] || fail "$name: exit status 0"
    grep -qF "$english" "$work/err" || { cat "$work/err" >&2; fail "$name: no English message ($english)"; }
    grep -qF "$kazakh" "$work/err" || { cat "$work/err" >&2; fail "$name: no Kazakh message ($kazakh)"; }
    after=$(sha256sum "$file" | cut -d' ' -f1)
    [ "$before" = "$after" ] || fail "$name: the file changed"
    checked+=("$name")
}

# expect_refusal_in_each_language NAME ENGLISH KAZAKH FILE -- COMMAND...:
# the command given --lang en says the English, --lang kk the Kazakh.
expect_refusal_in_each_language() {
    local name=$1 english=$2 kazakh=$3 file=$4
    shift 5
    expect_refusal "$name" "$english" "jatta: $file: " "$file" -- "$@" --lang en
    grep -qF "$kazakh" "$work/err" && fail "$name: --lang en said the Kazakh too"
    expect_refusal "$name" "$kazakh" "jatta: $file: " "$file" -- "$@" --lang kk
    grep -qF "$english" "$work/err" && fail "$name: --lang kk said the English too"
    true
}

# A real database with some answers.
good="$work/good.sqlite"
"$JATTA" debug answer-loop --db "$good" --count 50 >/dev/null

# Newer jatta: plant a migration this binary does not know.
newer="$work/newer.sqlite"
cp "$good" "$newer"
sql "$newer" "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')"
expect_refusal_in_each_language "newer schema (history)" "newer jatta" "жаңарақ нұсқасы" "$newer" -- "$JATTA" history --db "$newer"
expect_refusal "newer schema (answer)" "newer jatta" "жаңарақ нұсқасы" "$newer" -- "$JATTA" debug answer-loop --db "$newer" --count 1

# Not a database.
notdb="$work/notes.txt"
printf 'Q: Лениннің пікірінше...\nA: Империализм\n' >"$notdb"
expect_refusal_in_each_language "not a database" "not an SQLite database" "SQLite дерекқоры емес" "$notdb" -- "$JATTA" history --db "$notdb"
# A session names the file its message is about (0.17 said only "jatta:
# Cannot create the folder for the progress database.", no folder named).
status=0
"$JATTA" study --plain --lang en --db "$notdb" decks </dev/null >/dev/null 2>"$work/err" || status=$?
[ "$status" -eq 74 ] || fail "study on a file that is not a database: exit $status"
grep -qF "jatta: $notdb: This file is not a progress database" "$work/err" || fail "study: the file is not named: $(cat "$work/err")"
printf 'x' >"$work/blocker"
status=0
"$JATTA" study --plain --lang kk --db "$work/blocker/sub/p.sqlite" decks </dev/null >/dev/null 2>"$work/err" || status=$?
[ "$status" -eq 74 ] || fail "study with a database folder that cannot be made: exit $status"
grep -qF "jatta: $work/blocker/sub: Үлгерім дерекқорына арналған қалтаны құру мүмкін емес." "$work/err" \
    || fail "study: the folder is not named: $(cat "$work/err")"

# Corrupt: scramble every page after the first.
corrupt="$work/corrupt.sqlite"
cp "$good" "$corrupt"
size=$(stat -c %s "$corrupt")
head -c $((size - 4096)) /dev/urandom | dd of="$corrupt" bs=4096 seek=1 conv=notrunc status=none
expect_refusal_in_each_language "corrupt database" "is damaged" "бүлінген" "$corrupt" -- "$JATTA" history --db "$corrupt"

# Read-only folder: a new database cannot be created, and an existing one
# cannot be written; either way nothing appears and nothing changes.
ro="$work/readonly"
mkdir "$ro"
cp "$good" "$ro/progress.sqlite"
chmod 555 "$ro"
chmod 444 "$ro/progress.sqlite"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
expect_refusal "read-only folder (existing database)" "read-only" "тек оқуға" "$ro/progress.sqlite" -- \
    "${as_user[@]}" "$JATTA" debug answer-loop --db "$ro/progress.sqlite" --count 1
status=0
"${as_user[@]}" "$JATTA" debug answer-loop --db "$ro/new.sqlite" --count 1 >"$work/out" 2>"$work/err" || status=$?
[ "$status" -ne 0 ] || fail "read-only folder (new database): exit status 0"
grep -qF "Cannot open the progress database" "$work/err" || { cat "$work/err" >&2; fail "read-only folder (new database): message"; }
grep -qF "ашу мүмкін емес" "$work/err" || fail "read-only folder (new database): Kazakh message"
[ ! -e "$ro/new.sqlite" ] || fail "read-only folder: a file appeared"
checked+=("read-only folder (new database)")

# Disk full: a tiny tmpfs. The loop must stop with the message, and every
# answer it reported must still be there.
full="$work/full"
mkdir "$full"
if mount -t tmpfs -o size=1m tmpfs "$full" 2>/dev/null; then
    mounted="$full"
    status=0
    "$JATTA" debug answer-loop --db "$full/progress.sqlite" --cards 100000 >"$work/full.out" 2>"$work/full.err" || status=$?
    [ "$status" -ne 0 ] || fail "disk full: exit status 0"
    grep -qF "No space left" "$work/full.err" || { cat "$work/full.err" >&2; fail "disk full: no English message"; }
    grep -qF "орын қалмады" "$work/full.err" || fail "disk full: no Kazakh message"
    reported=$(grep -cE '^[0-9]+$' "$work/full.out" || true)
    [ "$reported" -gt 0 ] || fail "disk full: nothing was recorded before the disk filled"
    "$JATTA" debug verify --db "$full/progress.sqlite" --ids "$work/full.out" >"$work/verify" || { cat "$work/verify" >&2; fail "disk full: verify"; }
    checked+=("disk full on a 1 MiB tmpfs ($reported answers kept)")
else
    echo "store-bad-situations: cannot mount a tmpfs here; disk full is covered by the max_page_count unit test" >&2
fi

printf 'store-bad-situations: %s\n' "${checked[@]}"
