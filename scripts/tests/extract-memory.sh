#!/usr/bin/env bash
# `jatta extract` on a large HTML page holds a small multiple of the page
# in memory (issue 19): it took nine times the page (566 MB for 60 MB),
# as every sentence, passage, glossary candidate and posting was one more
# copy of the text. The real binary extracts a page of some ten megabytes;
# its peak memory, above what the binary takes for an empty lecture, must
# stay under four times the page (it is about two and a half), with room
# for a loaded machine.
#   JATTA_TEST_BINARY=PATH bash scripts/tests/extract-memory.sh   (another build)
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ -n "${JATTA_TEST_BINARY:-}" ]; then JATTA=$JATTA_TEST_BINARY; else . scripts/lib/jatta-binary.sh; fi
jatta=$JATTA
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "extract-memory: FAIL: $*" >&2; exit 1; }

python3 scripts/gen-hostile-lectures.py "$work" 10
printf 'Дәріс 1. Сынақ\n\nРежим – ережелер жиынтығы.\n' >"$work/small.txt"

# peak FILE: the peak resident memory (KiB) of extracting FILE, or why not.
peak() {
    python3 - "$jatta" "$1" "$work/out.deck" <<'PY'
import resource, subprocess, sys
jatta, src, out = sys.argv[1:]
try:
    r = subprocess.run([jatta, "extract", src, "-o", out, "--force"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=600)
except subprocess.TimeoutExpired:
    print("timeout")
    sys.exit(0)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else "exit %d" % r.returncode)
PY
}

base=$(peak "$work/small.txt")
case "$base" in timeout | exit*) fail "small.txt: $base" ;; esac
bytes=$(wc -c <"$work/page.html")
used=$(peak "$work/page.html")
case "$used" in timeout | exit*) fail "page.html: $used" ;; esac
# The draft is the page's: its one term, defined on every paragraph.
grep -q '^T: Режим$' "$work/out.deck" || fail "page.html: the draft lost the page's term"
limit=$((base + bytes * 4 / 1024 + 16 * 1024))
echo "extract-memory: ${bytes} bytes: peak ${used} KiB, ${base} KiB for an empty lecture, limit ${limit} KiB"
[ "$used" -le "$limit" ] || fail "page.html: peak memory ${used} KiB for ${bytes} bytes (limit ${limit} KiB)"
echo "extract-memory: ok"
