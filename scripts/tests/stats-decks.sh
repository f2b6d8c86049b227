#!/usr/bin/env bash
# `jatta stats DECKS` without a filter lists the deck files for the scope
# and reads the decks one at a time afterwards (docs/stats.md): the
# hardest cards' lines must still be found in every deck (checked against
# the lines the test wrote), every figure must equal those of the decks
# read all at once (as a filter reads them), a deck's exam date must still
# bring its exam, and a file that cannot be read must still be exit 66
# with nothing printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages python3 tzdata || { echo "FAIL: python3 is needed" >&2; exit 1; }

repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=Etc/GMT-5 HOME="$work/home" LANG=C.UTF-8 LC_ALL=C.UTF-8
unset JATTA_LANG JATTA_DB
mkdir -p "$HOME" "$work/decks/sub" "$work/debug"
fail() { echo "FAIL: $*" >&2; exit 1; }
# Three decks of 40 cards (key = ns:q<i>), each card's first line known.
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
lines_of = {}
keys = []
for d, name in enumerate(["a.deck", "b.deck", "sub/c.deck"]):
    lines = ["# Deck %d" % d, "namespace: ns%d" % d, "", "## all", ""]
    for i in range(40):
        lines_of["ns%d:q%d" % (d, i)] = ["decks/" + name, len(lines) + 1]
        lines += ["Q: Question %d of %d?" % (i, d), "A: Answer %d" % i, "id: q%d" % i, ""]
        keys.append("ns%d:q%d" % (d, i))
    open(os.path.join(work, "decks", name), "w").write("\n".join(lines))
open(os.path.join(work, "debug", "answer-loop.deck"), "w").write("# none\n")
open(os.path.join(work, "all.keys"), "w").write("\n".join(keys) + "\n")
json.dump(lines_of, open(os.path.join(work, "lines.json"), "w"))
PY
cd "$work"
db="$work/progress.sqlite"
now=$(( $(date +%s) * 1000 ))
day=86400000
"$JATTA" debug answer-loop --db "$db" --seed 7 --keys all.keys --count 2400 \
    --start $((now - 200 * day)) --step $((190 * day / 2400)) --undo-every 29 --suspend-every 101 >/dev/null
# Registered from their decks, as the trainer's start does.
"$JATTA" study --plain --db "$db" decks </dev/null >/dev/null
"$JATTA" stats --db "$db" --json --at "$now" decks >stats.json || fail "stats --json decks failed"
# The same figures as with every deck read at once (a tag on every card
# takes that way), whose lines were found in decks held together.
"$JATTA" stats --db "$db" --json --at "$now" --tag all decks >tagged.json || fail "stats --json --tag all failed"
python3 - stats.json tagged.json <<'PY' || fail "the decks read one by one give other figures"
import json, sys
a, b = (json.load(open(p))["statistics"] for p in sys.argv[1:3])
if a != b:
    sys.exit("statistics differ: " + " ".join(k for k in a if a[k] != b[k]))
if a["knowledge"]["total"] != 120 or a["knowledge"]["new"] == 120:
    sys.exit(f"knowledge: {a['knowledge']}")
PY
python3 - stats.json lines.json <<'PY' || fail "the hardest cards' lines are wrong"
import json, sys
stats = json.load(open(sys.argv[1]))
lines = json.load(open(sys.argv[2]))
hardest = stats["statistics"]["hardest"]
if len(hardest) != 10:
    sys.exit(f"{len(hardest)} hardest cards, not 10")
files = {h["deckFile"] for h in hardest}
if len(files) < 2:
    sys.exit(f"the hardest cards are all in {files}: the test shows nothing")
for h in hardest:
    want = lines[h["key"]]
    if [h["deckFile"], h.get("line")] != want:
        sys.exit(f"{h['key']}: {h['deckFile']}:{h.get('line')}, the deck has it at {want[0]}:{want[1]}")
if "exams" in stats:
    sys.exit("an exam without any exam date")
PY
# The same figures whether the decks are named by folder or file by file.
"$JATTA" stats --db "$db" --json --at "$now" decks/sub/c.deck decks/b.deck decks/a.deck >files.json
python3 - stats.json files.json <<'PY' || fail "naming the files gives other figures than the folder"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
if a["statistics"] != b["statistics"]:
    sys.exit("statistics differ")
PY
# A deck's exam date brings its exam: every deck is then read for the plan.
exam_day=$(python3 -c 'import datetime; print(datetime.date.today() + datetime.timedelta(days=20))')
sed -i "s/^namespace: ns2\$/namespace: ns2\nexam: $exam_day/" decks/sub/c.deck
"$JATTA" stats --db "$db" --json --at "$now" decks >exam.json || fail "stats --json with an exam failed"
python3 - exam.json "$exam_day" <<'PY' || fail "the deck's exam is missing"
import json, sys
exams = json.load(open(sys.argv[1])).get("exams") or []
if [(e["date"], e.get("deckHeader")) for e in exams] != [(sys.argv[2], "decks/sub/c.deck")]:
    sys.exit(f"exams: {exams}")
if exams[0]["deckFiles"] != ["decks/sub/c.deck"]:
    sys.exit(f"the exam's decks: {exams[0]['deckFiles']}")
PY
# The exam's plan from the decks read one by one, kept from the deck
# that names the date on, equals the plan from the decks read at once.
"$JATTA" stats --db "$db" --json --at "$now" --tag all decks >exam-tagged.json || fail "stats --json --tag all with an exam failed"
python3 - exam.json exam-tagged.json <<'PY' || fail "the exam's plan differs from the decks read at once"
import json, sys
a, b = (json.load(open(p)).get("exams") for p in sys.argv[1:3])
if not a or a != b:
    sys.exit(f"exams: {a} against {b}")
PY
# A named file that exists but cannot be read (a file with no readable
# content even for root), and a missing path: exit 66, nothing printed.
status=0
"$JATTA" stats --db "$db" --json decks /proc/self/mem >out.txt 2>err.txt || status=$?
[ "$status" = 66 ] || fail "an unreadable deck file: status $status, not 66"
[ ! -s out.txt ] || fail "an unreadable deck file: something printed"
grep -q "/proc/self/mem" err.txt || fail "an unreadable deck file is not named: $(cat err.txt)"
status=0
"$JATTA" stats --db "$db" decks missing.deck >out.txt 2>err.txt || status=$?
[ "$status" = 66 ] || fail "a missing deck: status $status, not 66"
[ ! -s out.txt ] || fail "a missing deck: something printed"
grep -q "missing.deck" err.txt || fail "a missing deck is not named: $(cat err.txt)"
echo "PASS stats-decks"
