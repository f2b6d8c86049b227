#!/usr/bin/env bash
# Wrong messages a careless user meets, on the real binary: each situation
# must be named for what it is (a symbolic link loop, an unreadable
# subfolder, a file name that is not UTF-8, CR-only line ends, UTF-16, a
# quiz of choice cards with no wrong option, a read-only folder, a full
# disk, --limit 0, a flood of duplicate-prompt warnings).
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages python3 util-linux || exit 2
work="$(mktemp -d)"
mounted=""
cleanup() {
    [ -n "$mounted" ] && umount "$mounted" 2>/dev/null
    chmod -R u+rwX "$work" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"
failures=0
fail() { echo "hostile-messages: FAIL: $*" >&2; failures=$((failures + 1)); }
card='Q: Режим дегеніміз не?\nA: Келісім құралы.\n'

# As another user when we are root (root reads every folder), so that
# permissions mean what they mean for a student.
# The student runs a copy in the scratch folder: the build folder's parents
# need not be open to other users.
cp "$JATTA" "$work/jatta"; chmod 755 "$work/jatta"
as_student() {
    shift
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$work/jatta" "$@"
    else "$work/jatta" "$@"; fi
}
student_owns() { [ "$(id -u)" -eq 0 ] && chown -R nobody "$@"; }

# Symbolic link loop: not "no such file".
ln -s loop2.deck "$work/loop1.deck"; ln -s loop1.deck "$work/loop2.deck"
out=$("$JATTA" check "$work/loop1.deck" 2>&1)
grep -qF "symbolic link loop" <<<"$out" || fail "symlink loop: $out"
grep -qF "no such file" <<<"$out" && fail "symlink loop still reported as 'no such file'"
rm "$work/loop1.deck" "$work/loop2.deck"

# An unreadable subfolder is reported, not skipped in silence.
mkdir -p "$work/course/hidden-from-me"
printf "$card" >"$work/course/a.deck"
printf 'Q: Екінші сұрақ?\nA: иә\n' >"$work/course/hidden-from-me/b.deck"
student_owns "$work/course"
chmod -R a+rX "$work/course"; chmod 000 "$work/course/hidden-from-me"
out=$(as_student "$JATTA" check "$work/course" 2>&1); status=$?
grep -qF "hidden-from-me" <<<"$out" && grep -qF "permission denied" <<<"$out" \
    || fail "unreadable subfolder skipped in silence: $out"
[ "$status" -eq 2 ] || fail "unreadable subfolder: exit status $status, expected 2"
chmod 755 "$work/course/hidden-from-me"

# File names that are not UTF-8 (CP1251 from a Windows zip file).
mkdir "$work/zip"
printf "$card" >"$work/zip/$(printf '\xd0\xe5\xe6\xe8\xec').deck"
out=$("$JATTA" check "$work/zip" 2>&1)
grep -qF "not UTF-8" <<<"$out" || fail "CP1251 name in a folder: $out"
grep -qF "Режим.deck" <<<"$out" || fail "CP1251 name not shown readably: $out"
out=$(cd "$work/zip" && "$JATTA" check "$(printf '\xd0\xe5\xe6\xe8\xec').deck" 2>&1)
grep -qF "not UTF-8" <<<"$out" || fail "CP1251 name given by name: $out"

# CR-only line ends: the cards are read, not "0 cards".
printf 'Q: Режим дегеніміз не?\rA: Келісім құралы.\r\rQ: Гегемония?\rA: Үстемдік.\r' >"$work/mac.deck"
out=$("$JATTA" check --lang en "$work/mac.deck" 2>&1)
grep -qF "(2 cards)" <<<"$out" || fail "CR-only line ends: $out"

# UTF-16 (with and without a byte-order mark) is named as UTF-16.
printf "$card" | iconv -f UTF-8 -t UTF-16 >"$work/bom.deck"
printf "$card" | iconv -f UTF-8 -t UTF-16LE >"$work/le.deck"
for f in bom le; do
    out=$("$JATTA" check --lang en "$work/$f.deck" 2>&1)
    grep -qF "UTF-16" <<<"$out" || fail "UTF-16 ($f): $out"
    grep -qiF "zero byte" <<<"$out" && fail "UTF-16 ($f) still reported as a zero byte"
done

# A quiz whose choice cards have only correct options says so.
printf 'Q: Қайсысы дұрыс?\n* бір\n* екі\n' >"$work/all-correct.deck"
out=$("$JATTA" quiz --plain --no-record --lang en "$work/all-correct.deck" </dev/null 2>&1); status=$?
grep -qF "only correct options" <<<"$out" || fail "all-correct quiz: $out"
grep -qF "check the level or tag" <<<"$out" && fail "all-correct quiz still blames the level or tag"
[ "$status" -ne 0 ] || fail "all-correct quiz: exit status 0"

# history on a database in a read-only folder.
mkdir "$work/ro"
"$JATTA" debug answer-loop --db "$work/ro/p.sqlite" --count 3 --cards 2 --seed 1 >/dev/null
student_owns "$work/ro"; chmod 555 "$work/ro"
db_hash=$(sha256sum "$work/ro/p.sqlite")
out=$(as_student "$JATTA" history --db "$work/ro/p.sqlite" --lang en 2>&1); status=$?
[ "$status" -eq 0 ] || fail "history in a read-only folder: exit status $status: $out"
[ "$(grep -c '^#[0-9]' <<<"$out")" -eq 3 ] || fail "history in a read-only folder: not the 3 entries: $out"
[ "$(sha256sum "$work/ro/p.sqlite")" = "$db_hash" ] || fail "history changed the database"
chmod 755 "$work/ro"

# --limit 0 is a usage error, not "Nothing recorded yet".
out=$("$JATTA" history --db "$work/ro/p.sqlite" --limit 0 --lang en 2>&1); status=$?
grep -qF "Nothing recorded" <<<"$out" && fail "history --limit 0 says nothing was recorded"
[ "$status" -eq 64 ] || fail "history --limit 0: exit status $status, expected 64"

# The 500-per-file cap holds for duplicate-prompt warnings too.
python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    for i in range(2000): f.write("Q: Бір сұрақ?\nA: иә\n\n")' "$work/dup.deck"
out=$("$JATTA" check "$work/dup.deck" 2>&1)
n=$(grep -c "duplicate-prompt" <<<"$out")
[ "$n" -le 500 ] || fail "duplicate-prompt warnings not capped: $n"
grep -qF "too-many-diagnostics" <<<"$out" || fail "no note that warnings were left out"

# A full disk is "disk full", not "input/output error".
if mount -t tmpfs -o size=1m tmpfs "$work/ro" 2>/dev/null; then
    mounted="$work/ro"
    "$JATTA" debug answer-loop --db "$work/ro/p.sqlite" --count 3 --cards 2 --seed 1 >/dev/null
    dd if=/dev/zero of="$work/ro/fill" bs=4k 2>/dev/null
    out=$("$JATTA" debug answer-loop --db "$work/ro/p.sqlite" --count 1 --cards 2 --seed 2 2>&1)
    grep -qF "No space left on the disk" <<<"$out" || fail "store on a full disk: $out"
    grep -qF "input/output error" <<<"$out" && fail "store on a full disk says input/output error"
    out=$("$JATTA" history --db "$work/ro/p.sqlite" 2>&1) || fail "history on a full disk: $out"
    out=$("$JATTA" extract "$work/mac.deck" -o "$work/ro/out.deck" --lang en 2>&1)
    grep -qF "disk full" <<<"$out" || fail "extract -o on a full disk: $out"
    # A start on a full disk has answered nothing: it must not say an
    # answer was lost (it did: "The last answer was not recorded").
    printf 'Q: Астанасы?\nA: Астана\n\nQ: Алматы?\nA: Оңтүстікте\n' >"$work/two.deck"
    status=0
    out=$("$JATTA" study --plain --lang en --db "$work/ro/new.sqlite" "$work/two.deck" </dev/null 2>&1) || status=$?
    [ "$status" -eq 74 ] || fail "study on a full disk: exit status $status, expected 74: $out"
    grep -qF "No space left on the disk" <<<"$out" || fail "study on a full disk: $out"
    grep -qiF "not recorded" <<<"$out" && fail "study on a full disk, before any answer, says something was not recorded: $out"
    # The disk fills during a session: the answer given then is the one
    # thing lost, and the session says so; the earlier answer is kept.
    rm -f "$work/ro/fill" "$work/ro/new.sqlite"*
    mkfifo "$work/in"
    ("$JATTA" study --plain --lang en --db "$work/ro/s.sqlite" "$work/two.deck" <"$work/in" >"$work/s.out" 2>"$work/s.err"
        echo $? >"$work/s.status") &
    exec 7>"$work/in"
    printf '\n3\n' >&7
    for _ in $(seq 100); do grep -qF '[2/' "$work/s.out" && break; sleep 0.1; done
    grep -qF '[2/' "$work/s.out" || fail "session on the tmpfs: no second card: $(cat "$work/s.out" "$work/s.err")"
    dd if=/dev/zero of="$work/ro/fill" bs=4k 2>/dev/null
    printf '\n3\n' >&7
    exec 7>&-
    wait
    [ "$(cat "$work/s.status")" = 74 ] || fail "disk filled in a session: exit status $(cat "$work/s.status"), expected 74: $(cat "$work/s.err")"
    grep -qF "No space left on the disk" "$work/s.err" || fail "disk filled in a session: $(cat "$work/s.err")"
    grep -qF "What you did last (an answer, an undo, a burial) was not recorded" "$work/s.err" \
        || fail "disk filled in a session: the lost answer is not named: $(cat "$work/s.err")"
    rm -f "$work/ro/fill"
    [ "$("$JATTA" history --db "$work/ro/s.sqlite" | grep -c 'Астана\|Алматы')" -eq 1 ] \
        || fail "disk filled in a session: the first answer is not kept: $("$JATTA" history --db "$work/ro/s.sqlite")"
    umount "$work/ro"; mounted=""
else
    # As store-bad-situations.sh: said loudly, not failed, where the
    # machine forbids mounting (an unprivileged container).
    echo "hostile-messages: SKIPPED: cannot mount a tmpfs to fill here; the disk-full messages are untested on this machine" >&2
fi

[ "$failures" -eq 0 ] || { echo "hostile-messages: $failures failure(s)" >&2; exit 1; }
echo "hostile-messages: ok"
