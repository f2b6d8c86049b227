#!/usr/bin/env bash
# scripts/jatta as a newcomer meets it. In a fresh clone (no build yet) it
# says it is building, how long a first build takes, and lets SwiftPM's
# progress through — checked with a `swift` on PATH that prints progress and
# then fails, so the test does not pay a full release build. In this
# checkout, with the binary up to date, it runs the binary without calling
# swift at all; after a source file changes it builds again.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
repo=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "first-run: FAIL: $*" >&2; failures=$((failures + 1)); }

mkdir -p "$work/bin"
cat >"$work/bin/swift" <<'SWIFT'
#!/bin/sh
echo "swift $*" >>"$SWIFT_CALLS"
echo "[1/9] Compiling KazakhText AnswerChecker.swift"
echo "error: stopped by the test"
exit 1
SWIFT
chmod +x "$work/bin/swift"
export SWIFT_CALLS="$work/calls"

# 1. A fresh clone: the first run talks before and during the build.
git clone -q "$repo" "$work/clone" || { fail "git clone"; exit 1; }
PATH="$work/bin:$PATH" bash "$work/clone/scripts/jatta" --version >"$work/first.out" 2>&1
status=$?
[ "$status" -ne 0 ] || fail "a failed build exited 0"
grep -qF 'building' "$work/first.out" || fail "no word that it is building: $(cat "$work/first.out")"
grep -qE 'usually takes [0-9]+ to [0-9]+ minutes' "$work/first.out" || fail "no word on how long it takes"
grep -qF '[1/9] Compiling KazakhText' "$work/first.out" || fail "SwiftPM's progress was hidden"
grep -qF 'error: stopped by the test' "$work/first.out" || fail "the build error was hidden"
grep -q -- '-c release' "$SWIFT_CALLS" || fail "not a release build: $(cat "$SWIFT_CALLS")"
grep -qF -- "--scratch-path $work/clone/.build-static" "$SWIFT_CALLS" || fail "built elsewhere: $(cat "$SWIFT_CALLS")"

# 2. This checkout, built: no swift call, the binary answers at once.
bash scripts/stage-install >/dev/null 2>&1 || { fail "the release build failed"; exit 1; }
: >"$SWIFT_CALLS"
out=$(PATH="$work/bin:$PATH" bash scripts/jatta --version 2>&1) || fail "scripts/jatta --version: $out"
[ ! -s "$SWIFT_CALLS" ] || fail "swift was called with nothing changed: $(cat "$SWIFT_CALLS")"
[ "$out" = "$(.build-static/release/jatta --version)" ] || fail "scripts/jatta --version said: $out"

# 3. A source newer than the binary (its time only, so nothing really
#    needs rebuilding) makes scripts/jatta build again.
binary_time=$(stat -c %Y .build-static/release/jatta)
touch -d "@$((binary_time + 1))" "$work/newer"
source_file=Sources/jatta/JattaVersion.swift
source_time=$(stat -c %Y "$source_file")
touch -r "$work/newer" "$source_file"
PATH="$work/bin:$PATH" bash scripts/jatta --version >"$work/stale.out" 2>&1
touch -d "@$source_time" "$source_file"
grep -q -- '--product jatta' "$SWIFT_CALLS" || fail "a changed source did not rebuild: $(cat "$work/stale.out")"
grep -qF 'sources changed; rebuilding' "$work/stale.out" || fail "the rebuild was not announced"

[ "$failures" -eq 0 ] && echo "first-run: ok"
[ "$failures" -eq 0 ]
