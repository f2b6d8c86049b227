#!/usr/bin/env bash
# The real jatta binary on decks with planted mistakes, random bytes and
# bad paths: right places, right exit status, never a crash.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
jatta=$JATTA
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "check-cli: FAIL: $*" >&2; failures=$((failures + 1)); }

# 1. Ten planted mistakes, each at its line and column; exit status 1
#    (five are errors).
deck=scripts/tests/fixtures/ten-mistakes.deck
out="$("$jatta" check "$deck")"; status=$?
[ "$status" -eq 1 ] || fail "ten mistakes: exit status $status, expected 1"
for place in 2:7:\ warning 6:1:\ error 10:1:\ error 14:1:\ error 18:1:\ error 22:21:\ error \
    24:58:\ warning 26:8:\ warning 29:4:\ warning 32:1:\ error; do
    grep -qF "$deck:$place:" <<<"$out" || fail "ten mistakes: nothing reported at $place"
done
[ "$(grep -c "^$deck:" <<<"$out")" -eq 10 ] || fail "ten mistakes: expected exactly 10 diagnostics"
grep -qF 'C: Қазақстан БҰҰ-ға {1992 жылы мүше болды.' <<<"$out" || fail "ten mistakes: offending line not shown"
grep -qx '                    ^' <<<"$out" || fail "ten mistakes: caret not under column 21"

# 2. Kazakh messages by environment, JSON lines that parse.
out="$(JATTA_LANG=kk "$jatta" check "$deck")"
grep -qF 'белгісіз өріс' <<<"$out" || fail "JATTA_LANG=kk: no Kazakh message"
"$jatta" check --json "$deck" >"$work/out.json"
[ "$(wc -l <"$work/out.json")" -eq 10 ] || fail "--json: expected 10 lines"
command -v python3 >/dev/null || fail "python3 is needed to check the --json output"
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$work/out.json" || fail "--json: invalid JSON"
"$jatta" list --json "$deck" >"$work/list.json" 2>/dev/null
python3 -c '
import json, sys
cards = [json.loads(l) for l in open(sys.argv[1])]
# Six cards, less the one whose definition a stray line cuts off (not
# loaded half-broken).
assert len(cards) == 5, len(cards)
for c in cards:
    for k in ("id", "kind", "prompt", "answer", "level", "tags", "source", "file", "line", "faces"):
        assert k in c, k
# The warned cards are listed as written: no correct option, level 5.
choice = [c for c in cards if c["line"] == 18][0]
assert [o["correct"] for o in choice["options"]] == [False, False], choice
assert [c["level"] for c in cards if c["line"] == 24] == [5]
' "$work/list.json" || fail "list --json: wrong output"

# 3. Random bytes: an error and exit status 1, not a crash (status >= 128).
for round in 1 2 3 4 5; do
    head -c 200000 /dev/urandom >"$work/random.deck"
    [ $((round % 2)) -eq 0 ] && tr -d '\000' <"$work/random.deck" >"$work/r" && mv "$work/r" "$work/random.deck"
    out="$("$jatta" check "$work/random.deck" 2>&1)"; status=$?
    if [ "$status" -ne 1 ] || ! grep -q ': error: ' <<<"$out"; then
        mkdir -p .build && cp "$work/random.deck" ".build/check-cli-random-$round.deck"
        fail "random bytes round $round: exit status $status (input kept in .build/check-cli-random-$round.deck)"
    fi
done

# 4. The example decks are clean; a clean deck, a missing path, a usage error, --help, --version.
"$jatta" check examples >/dev/null; status=$?
[ "$status" -eq 0 ] || fail "examples: exit status $status, expected 0"
printf 'Q: Астана?\nA: Иә\n' >"$work/clean.deck"
"$jatta" check "$work/clean.deck" >/dev/null; status=$?
[ "$status" -eq 0 ] || fail "clean deck: exit status $status"
printf 'Q: Алматы?\nA: Иә\nlevel: 4\n' >"$work/warned.deck"
"$jatta" check "$work/warned.deck" >/dev/null; status=$?
[ "$status" -eq 0 ] || fail "warnings only: exit status $status, expected 0"
"$jatta" check --werror "$work/warned.deck" >/dev/null; status=$?
[ "$status" -eq 1 ] || fail "warnings with --werror: exit status $status, expected 1"
"$jatta" check "$work/missing.deck" >/dev/null; status=$?
[ "$status" -eq 2 ] || fail "missing path: exit status $status, expected 2"
# A missing path names no place inside a file and speaks one language, in
# every command that reads decks.
for command in check list "study --plain" "quiz --plain --no-record"; do
    # shellcheck disable=SC2086
    JATTA_DB="$work/progress.sqlite" "$jatta" $command --lang kk "$work/missing.deck" </dev/null >"$work/out" 2>"$work/err"; status=$?
    case "$command" in check | list) expected=2 ;; *) expected=66 ;; esac
    [ "$status" -eq "$expected" ] || fail "$command missing path: exit status $status, expected $expected"
    grep -qF "$work/missing.deck: " "$work/err" "$work/out" || fail "$command missing path: path not named"
    grep -qF 'мұндай файл да, қалта да жоқ' "$work/err" "$work/out" || fail "$command missing path: no Kazakh reason"
    ! grep -qE ':0:0|no such file' "$work/err" "$work/out" || fail "$command missing path: fake place or English reason: $(cat "$work/err")"
done
"$jatta" check --no-such-option "$work/clean.deck" >/dev/null 2>&1; status=$?
[ "$status" -eq 64 ] || fail "unknown option: exit status $status, expected 64"
for command in "" check list; do
    # shellcheck disable=SC2086
    "$jatta" $command --help >/dev/null || fail "jatta $command --help failed"
done
"$jatta" --version | grep -qE '^jatta [0-9]+\.[0-9]+\.[0-9]+ \(commit ' || fail "--version"

if [ "$failures" -ne 0 ]; then
    echo "check-cli: $failures failure(s)" >&2
    exit 1
fi
echo "check-cli: all passed"
