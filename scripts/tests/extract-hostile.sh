#!/usr/bin/env bash
# `jatta extract` on hostile lecture files (issue 19), with the real
# binary: text and HTML with many `<` and no `>` (once quadratic: 1 MB
# never finished), one line of megabytes, and entities that decode to
# control characters (`&#0;`, `&#27;`), which must not reach the deck.
set -euo pipefail
cd "$(dirname "$0")/../.."

. scripts/lib/jatta-binary.sh
jatta=$JATTA
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "extract-hostile: FAIL: $*" >&2; exit 1; }

python3 scripts/gen-hostile-lectures.py "$work" 1

# Entities for NUL, ESC, BEL and CSI are dropped, the rest of the line kept.
"$jatta" extract "$work/controls.html" -o "$work/controls.deck" 2>"$work/err.txt" || fail "controls.html: exit $?"
if LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')" "$work/controls.deck"; then fail "a control character reached the deck"; fi
if python3 -c 'import sys; sys.exit(0 if b"\xc2\x9b" in open(sys.argv[1], "rb").read() else 1)' "$work/controls.deck"; then
    fail "a C1 control (CSI) reached the deck"
fi
grep -q '^T: Режим$' "$work/controls.deck" || fail "the term around the dropped entities was lost"
grep -q '^D: Мемлекеттердің ережелер жиынтығы.$' "$work/controls.deck" || fail "the definition around the dropped entities was lost"
grep -q '^Q: Режим\[2J\]0;title дегеніміз не?$' "$work/controls.deck" || fail "the question around the dropped entities was lost"
if LC_ALL=C grep -q "$(printf '\033')" "$work/err.txt"; then fail "a control character reached standard error"; fi

# A megabyte of `<` without `>`, as text and as HTML, a megabyte on one
# line, and a megabyte line of level labels: each finishes well inside the limit (the quadratic reading took
# hours), and the peak memory stays a small multiple of the input.
cp "$work/lt.txt" "$work/lt.html"
for name in lt.txt lt.html line.txt labels.txt; do
    bytes=$(wc -c <"$work/$name")
    peak=$(python3 - "$jatta" "$work/$name" "$work/out.deck" <<'PY'
import resource, subprocess, sys
jatta, src, out = sys.argv[1:]
try:
    r = subprocess.run([jatta, "extract", src, "-o", out], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
except subprocess.TimeoutExpired:
    print("timeout")
    sys.exit(0)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else "exit %d" % r.returncode)
PY
)
    case "$peak" in
        timeout) fail "$name: still running after 120 s" ;;
        exit*) fail "$name: $peak" ;;
    esac
    # ru_maxrss is in KiB; the binary alone takes some 30 MB.
    limit=$(( 40 * 1024 + bytes * 20 / 1024 ))
    [ "$peak" -le "$limit" ] || fail "$name: peak memory ${peak} KiB for ${bytes} bytes (limit ${limit} KiB)"
done
echo "extract-hostile: ok"
