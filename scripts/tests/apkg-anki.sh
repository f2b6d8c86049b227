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

# 4. Each bundled deck to Anki's format and back: the same cards, ids included.
cards() {  # the cards `jatta list --json` gives, without file and line
    "$JATTA" list --json "$@" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    c = json.loads(line); c.pop("file"); c.pop("line")
    print(json.dumps(c, ensure_ascii=False, sort_keys=True))'
}
for deck in decks/*.deck "$edge"; do
    name=$(basename "$deck" .deck)
    "$JATTA" export --to apkg "$deck" -o "$work/rt-$name.apkg" 2>/dev/null || fail "$name: export"
    "$JATTA" import apkg "$work/rt-$name.apkg" -o "$work/rt-$name.deck" 2>"$work/err" || fail "$name: import: $(cat "$work/err")"
    cards "$deck" >"$work/before"
    cards "$work/rt-$name.deck" >"$work/after"
    [ -s "$work/before" ] || fail "$name: no cards listed"
    cmp -s "$work/before" "$work/after" || fail "$name changed through .apkg: $(diff "$work/before" "$work/after" | head -4)"
    "$JATTA" check "$work/rt-$name.deck" >/dev/null 2>&1 || fail "$name: the imported deck does not check clean"
done

# 5. Packages Anki itself made, legacy (collection.anki21) and latest
#    (zstd collection.anki21b + meta): every note becomes the card the
#    notes' own text says (scripts/tests/apkg_from_anki.py), media named.
mkdir -p "$work/anki"
"$venv/bin/python" scripts/tests/apkg_from_anki.py "$work/anki" || fail "Anki could not make the packages"
for layout in legacy latest; do
    "$JATTA" import apkg "$work/anki/$layout.apkg" -o "$work/anki/$layout.deck" --lang en 2>"$work/err"; status=$?
    [ "$status" -eq 0 ] || fail "$layout: exit status $status: $(cat "$work/err")"
    grep -q 'note 6: warning: .*abai.jpg, abai.mp3 \[media-dropped\]' "$work/err" || fail "$layout: media not reported"
    grep -q 'note 5: warning: .*2 cloze numbers' "$work/err" || fail "$layout: merged cloze numbers not reported"
    # One note with a picture for its back, or a Cloze note without a
    # deletion, is skipped with its reason: it made the whole import fail.
    grep -q 'note 8: warning: .*\[empty-answer\]' "$work/err" || fail "$layout: a picture-only back not reported: $(cat "$work/err")"
    grep -q 'note 9: warning: .*\[cloze-without-deletion\]' "$work/err" || fail "$layout: a cloze without deletion not reported"
    "$JATTA" list --json "$work/anki/$layout.deck" 2>/dev/null | python3 -c '
import json, sys
expected = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
got = [json.loads(l) for l in sys.stdin]
assert len(got) == len(expected), f"{len(got)} cards, expected {len(expected)}"
for g, e in zip(got, expected):
    for key in ("kind", "prompt", "answer"):
        assert g[key] == e[key], f"{key}: {g[key]!r} != {e[key]!r}"
    assert sorted(g["tags"]) == e["tags"], f"tags {g['tags']} != {e['tags']}"
    assert len(g["faces"]) == (2 if e["kind"] == "term" else 1), f"faces {g['faces']}"
' "$work/anki/expected.jsonl" || fail "$layout: the cards differ from Anki's notes"
done
grep -qx '# Қазақ тілі::Сөздік' "$work/anki/latest.deck" || fail "latest: the deck name is not the title"

# 6. --with-progress: a student's history (answers over two months, some
#    undone, a card suspended) reaches Anki as the same schedule: state,
#    FSRS stability and difficulty, interval, due day, one review-log row
#    per answer kept (scripts/tests/apkg_progress.py).
"$JATTA" list --json "$edge" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    for face in json.loads(line)["faces"]: print(face)' >"$work/keys"
now=$(( $(date +%s) * 1000 )); day=86400000
"$JATTA" debug answer-loop --db "$work/progress.sqlite" --seed 5 --count 60 --keys "$work/keys" \
    --start $((now - 60 * day)) --step $((day * 59 / 60)) --undo-every 9 --suspend-every 31 >/dev/null \
    || fail "could not record the history"
"$JATTA" export --to apkg --with-progress --db "$work/progress.sqlite" "$edge" -o "$work/progress.apkg" 2>"$work/err" \
    || fail "export --with-progress: $(cat "$work/err")"
"$JATTA" history --db "$work/progress.sqlite" --json >"$work/history.json"
"$venv/bin/python" scripts/tests/apkg_progress.py "$work/progress.anki2" "$work/progress.apkg" "$work/history.json" \
    "$work/keys" || fail "--with-progress: Anki's schedule differs from jatta's"
"$JATTA" export --to gift --with-progress "$edge" -o "$work/x.gift" 2>/dev/null && fail "--with-progress accepted for gift"

# 7. import --with-progress: a history Anki made (FSRS on, one card
#    suspended) becomes the student's: per face, as many answers as Anki's
#    review log, Anki's state, memory state and due time (to the day for a
#    review card, which Anki schedules by the day), the suspension kept.
#    Importing again records nothing twice.
"$JATTA" import apkg --with-progress --db "$work/anki/progress.sqlite" "$work/anki/progress.apkg" \
    -o "$work/anki/progress.deck" 2>"$work/err" || fail "import --with-progress: $(cat "$work/err")"
"$JATTA" history --db "$work/anki/progress.sqlite" --json >"$work/anki/history.json"
check_history() {
    python3 - "$work/anki/progress.json" "$work/anki/history.json" <<'PY'
import json, sys
from datetime import datetime
anki = json.load(open(sys.argv[1], encoding="utf-8"))
history = json.load(open(sys.argv[2], encoding="utf-8"))
current, answers, prompt = {}, {}, {}
for e in history:  # newest first
    current.setdefault(e["card"], e["after"])
    prompt[e["card"]] = e["prompt"]
    if e["kind"] == "study" and e.get("undoneBy") is None:
        answers[e["card"]] = answers.get(e["card"], 0) + 1
ts = lambda t: datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp()
problems = []
assert anki, "Anki made no history"
for face in anki:
    keys = [k for k in current if prompt[k] == face["front"] and k.endswith("/reverse") == (face["ord"] == 1)]
    if len(keys) != 1:
        problems.append(f"{face['front']} ord {face['ord']}: {len(keys)} faces in jatta"); continue
    k, state = keys[0], current[keys[0]]
    if answers.get(k) != face["answers"]:
        problems.append(f"{k}: {answers.get(k)} answers in jatta, {face['answers']} in Anki")
    if state["state"] != {1: "learning", 2: "review", 3: "relearning"}[face["type"]]:
        problems.append(f"{k}: state {state['state']}, Anki type {face['type']}")
    if abs(state["stability"] - face["stability"]) > 1e-3 or abs(state["difficulty"] - face["difficulty"]) > 1e-3:
        problems.append(f"{k}: S {state['stability']} D {state['difficulty']}, Anki {face['stability']} {face['difficulty']}")
    slack = 86400 if face["type"] == 2 else 1
    if abs(ts(state["due"]) - face["due"]) > slack:
        problems.append(f"{k}: due {state['due']}, Anki {face['due']}")
    if state["suspended"] != face["suspended"]:
        problems.append(f"{k}: suspended {state['suspended']}, Anki {face['suspended']}")
for p in problems: print("apkg-anki:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
}
check_history || fail "import --with-progress: the store does not hold Anki's schedule"
"$JATTA" import apkg --with-progress --force --db "$work/anki/progress.sqlite" "$work/anki/progress.apkg" \
    -o "$work/anki/progress.deck" 2>"$work/err" || fail "second import --with-progress: $(cat "$work/err")"
"$JATTA" history --db "$work/anki/progress.sqlite" --json >"$work/anki/history.json"
check_history || fail "importing the package again changed the store"

if [ "$failures" -gt 0 ]; then echo "FAIL apkg-anki ($failures)"; exit 1; fi
echo "PASS apkg-anki"
