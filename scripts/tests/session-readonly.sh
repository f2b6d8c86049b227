#!/usr/bin/env bash
# A progress database that cannot be written is refused when study or quiz
# starts — before the first card or question, with a message and status 74 —
# rather than at the first answer (study) or after the whole quiz.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/jatta-binary.sh
work=$(mktemp -d)
logs=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work" "$logs"' EXIT
chmod 755 "$work"
fail() { echo "session-readonly: FAIL: $*" >&2; exit 1; }
printf '# Capitals\n\nQ: Capital of France?\nA: Paris\n\nT: Paris\nD: The capital of France.\n' >"$work/capitals.deck"
chmod 644 "$work/capitals.deck"
db="$work/progress.sqlite"
printf '\n3\n' | "$JATTA" study --plain --lang en --db "$db" "$work/capitals.deck" >/dev/null 2>&1 \
    || fail "could not make a database"
# The student's own folder stays writable (SQLite can make its side files);
# only the database file is read-only. Root writes through any permission:
# run as nobody then, owning the folder.
as_user=()
if [ "$(id -u)" -eq 0 ]; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    chown -R 65534:65534 "$work"
fi
chmod 444 "$db"
before=$(sha256sum "$db")

for command in "study --plain" "quiz --plain --seed 1"; do
    status=0
    printf '\n3\n\n3\n\n\n' | HOME="$work" "${as_user[@]}" "$JATTA" $command --lang en --db "$db" "$work/capitals.deck" \
        >"$logs/out" 2>"$logs/err" || status=$?
    out=$(cat "$logs/out"); err=$(cat "$logs/err"); rm -f "$logs/out" "$logs/err"
    [ "$status" = 74 ] || fail "$command: exit status $status, not 74 (stderr: $err)"
    grep -qE "Capital|capital|Paris" <<<"$out$err" && fail "$command: a card was shown before the database was found read-only: $out"
    grep -qiE "read-only|cannot open|тек оқуға|ашу мүмкін емес" <<<"$err" || fail "$command: no message: $err"
done
[ "$before" = "$(sha256sum "$db")" ] || fail "the database changed"
echo "session-readonly: ok"
