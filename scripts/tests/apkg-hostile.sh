#!/usr/bin/env bash
# `jatta import apkg` with packages from a hostile stranger
# (scripts/tests/apkg_hostile.py): a zip bomb (600 MiB of zeros in under
# 1 MiB) and a zstd bomb, paths that climb out or are absolute, a link, a
# truncated zip, a file that is no zip, garbage, truncated and foreign SQLite
# inside, too many rows, an unknown meta version, a damaged zstd stream, no
# collection, and the fuzzer's package whose deflate stream runs off the end
# of the file (issue 19: it once made the reader spin forever). Each: a
# clear message naming the problem's code, exit status 1, no deck written,
# nothing written outside, no temporary file left behind, and memory
# bounded (maximum resident size under 150 MiB).
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages python3 time zstd || { echo "FAIL: python3, time and zstd are needed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "apkg-hostile: FAIL: $*" >&2; failures=$((failures + 1)); }

"$JATTA" export --to apkg scripts/tests/fixtures/apkg/every-kind.deck -o "$work/valid.apkg" 2>/dev/null || fail "export"
mkdir "$work/in" "$work/out" "$work/tmp"
python3 scripts/tests/apkg_hostile.py "$work/in" "$work/valid.apkg" || fail "could not make the packages"
# A zstd bomb: meta says version 3, the collection inflates to 600 MiB.
head -c $((600 << 20)) /dev/zero | zstd -q -19 -o "$work/zeros.zst"
python3 - "$work/in/zstd-bomb.apkg" "$work/zeros.zst" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("meta", b"\x08\x03")
    z.write(sys.argv[2], "collection.anki21b")
PY
# The fuzzer's finding; its first byte is the harness's mode byte.
tail -c +2 scripts/fuzz/findings/apkg-fuzz-timeout-1 >"$work/in/fuzz-timeout-1.apkg"

expect() {  # expect NAME CODE
    local name=$1 code=$2
    TMPDIR="$work/tmp" /usr/bin/time -f '%M' -o "$work/rss" \
        "$JATTA" import apkg "$work/in/$name.apkg" -o "$work/out/$name.deck" --lang en 2>"$work/err"
    local status=$?
    [ "$status" -eq 1 ] || fail "$name: exit status $status, expected 1 ($(head -c 300 "$work/err"))"
    grep -q "error: .*\[$code\]" "$work/err" || fail "$name: no [$code] error: $(head -c 300 "$work/err")"
    [ ! -e "$work/out/$name.deck" ] || fail "$name: a deck was written"
    [ -z "$(ls -A "$work/tmp")" ] || fail "$name: temporary files left: $(ls -A "$work/tmp")"
    local rss; rss=$(tail -1 "$work/rss")
    [ "$rss" -lt 153600 ] || fail "$name: maximum resident size $rss KiB"
}
expect bomb too-large
expect zstd-bomb too-large
expect climb unsafe-entry
expect absolute unsafe-entry
expect link unsafe-entry
expect truncated not-a-zip
expect magic not-a-zip
# The reason in words, not the zip library's name for it.
grep -qF "it is damaged: no end of central directory (cut short, or not a zip at all)" "$work/err" \
    || fail "magic: the reason is not in words: $(head -c 300 "$work/err")"
! grep -q "missingEndOfCentralDirectoryRecord" "$work/err" || fail "magic: the zip library's case name was printed"
expect garbage-sqlite bad-collection
expect truncated-sqlite bad-collection
expect foreign-sqlite bad-collection
expect many-rows too-many-rows
expect unknown-version unknown-version
expect bad-zstd bad-compression
expect no-collection no-collection
# The finding must be refused, and within 10 s, not spin.
timeout 10 "$JATTA" import apkg "$work/in/fuzz-timeout-1.apkg" -o "$work/out/fuzz.deck" --lang en 2>"$work/err"
status=$?
if [ "$status" -eq 124 ]; then fail "fuzz-timeout-1: still reading after 10 s"; else expect fuzz-timeout-1 not-a-zip; fi
[ ! -e "$work/escaped.txt" ] && [ ! -e /tmp/absolute-escape.txt ] || fail "an entry was written outside"
# Kazakh messages too.
"$JATTA" import apkg "$work/in/bomb.apkg" -o "$work/out/kk.deck" --lang kk 2>"$work/err"
grep -q 'zip-бомба' "$work/err" || fail "no Kazakh message for a zip bomb: $(cat "$work/err")"
# The valid package still imports.
"$JATTA" import apkg "$work/valid.apkg" -o "$work/out/valid.deck" 2>/dev/null || fail "the valid package does not import"

if [ "$failures" -gt 0 ]; then echo "FAIL apkg-hostile ($failures)"; exit 1; fi
echo "PASS apkg-hostile"
