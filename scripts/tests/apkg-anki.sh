#!/usr/bin/env bash
# Anki packages through the real binary and the real Anki (anki 26.9.3 from
# PyPI, in .venv-oracle/): the bundled decks and a deck with every kind and
# edge case are exported and imported into a fresh Anki collection, which is
# read back note by note against `jatta list --json` (scripts/tests/apkg_anki.py);
# an edited deck exported again updates the notes instead of adding copies;
# an existing output is kept without --force.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages python3 python3-venv || { echo "FAIL: python3 and python3-venv are needed" >&2; exit 1; }
venv=.venv-oracle
if ! "$venv/bin/python" -c 'import anki.buildinfo as b, sys; sys.exit(b.version != "26.09.3")' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q anki==26.9.3 || { echo "FAIL: could not install anki==26.9.3 from PyPI" >&2; exit 1; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "apkg-anki: FAIL: $*" >&2; failures=$((failures + 1)); }

# The deck titles by file, as the deck files write them (`# Title`).
titles() {
    python3 - "$@" <<'PY'
import json, sys, os
out = {}
for path in sys.argv[1:]:
    files = [path] if os.path.isfile(path) else sorted(
        os.path.join(path, f) for f in os.listdir(path) if f.endswith(".deck"))
    for f in files:
        first = open(f, encoding="utf-8").readline()
        out[f] = first[2:].strip() if first.startswith("# ") else os.path.basename(f)
print(json.dumps(out, ensure_ascii=False))
PY
}

check() {  # check NAME DECK... : export, import into a fresh collection, compare
    local name=$1; shift
    "$JATTA" export --to apkg "$@" -o "$work/$name.apkg" 2>"$work/err" || { fail "$name: export: $(cat "$work/err")"; return; }
    "$JATTA" list --json "$@" >"$work/$name.jsonl" 2>/dev/null
    titles "$@" >"$work/$name-titles.json"
    "$venv/bin/python" scripts/tests/apkg_anki.py "$work/$name.anki2" "$work/$name.apkg" \
        "$work/$name.jsonl" "$work/$name-titles.json" first || fail "$name: Anki does not hold the cards as jatta does"
}

# 1. The bundled decks, and a deck with every kind and its edge cases
#    (HTML characters, several answers, a cloze with alternatives and
#    escaped braces, multi-line key points, tags with spaces, levels).
check bundled decks
edge=scripts/tests/fixtures/apkg/every-kind.deck
check edge "$edge"

# 2. The edited deck exported again: Anki updates the notes it has.
cp "$edge" "$work/every-kind.deck"
sed -i 's/^A: 1992$/A: 1992 жыл/; s/^D: Билік жүргізу тәсілі;$/D: Билікті жүргізу тәсілі;/' "$work/every-kind.deck"
# Anki takes a note only when it is newer than its own, by the second.
sleep 1.1
"$JATTA" export --to apkg "$work/every-kind.deck" -o "$work/edited.apkg" 2>"$work/err" || fail "edited export: $(cat "$work/err")"
"$JATTA" list --json "$work/every-kind.deck" >"$work/edited.jsonl" 2>/dev/null
titles "$work/every-kind.deck" >"$work/edited-titles.json"
"$venv/bin/python" scripts/tests/apkg_anki.py "$work/edge.anki2" "$work/edited.apkg" \
    "$work/edited.jsonl" "$work/edited-titles.json" again || fail "edited deck: notes not updated in place"

# 3. An existing file is kept without --force, replaced with it.
printf 'keep me' >"$work/keep.apkg"
"$JATTA" export --to apkg "$edge" -o "$work/keep.apkg" 2>"$work/err"; status=$?
[ "$status" -eq 73 ] || fail "existing output: exit status $status, expected 73"
[ "$(cat "$work/keep.apkg")" = "keep me" ] || fail "existing output was overwritten without --force"
grep -q -- '--force' "$work/err" || fail "existing output: the message does not name --force"
"$JATTA" export --to apkg "$edge" -o "$work/keep.apkg" --force 2>/dev/null || fail "--force did not replace the output"
unzip -l "$work/keep.apkg" 2>/dev/null | grep -q collection.anki2 || python3 -c '
import zipfile, sys; sys.exit("collection.anki2" not in zipfile.ZipFile(sys.argv[1]).namelist())' "$work/keep.apkg" \
    || fail "--force output is not a package"

if [ "$failures" -gt 0 ]; then echo "FAIL apkg-anki ($failures)"; exit 1; fi
echo "PASS apkg-anki"
