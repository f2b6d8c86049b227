#!/usr/bin/env bash
# The class report without a server, from collected result files (quiz
# --json, stats --json): its item analysis is checked against figures
# recomputed from the quiz files, its readiness against the stats files'
# exam forecasts, and its HTML form is opened in Debian's
# headless Chromium, which must draw the charts (their colours are counted
# in the screenshot) from the one file, with no script and nothing fetched.
set -euo pipefail
. "$(dirname "$0")/../lib/midday-tz.sh"
cd "$(dirname "$0")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages python3 chromium
. scripts/lib/jatta-binary.sh

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "class-html: FAIL: $*" >&2; exit 1; }
deck=scripts/tests/fixtures/class/choices.deck
mkdir "$WORK/results"

quiz() { # STUDENT SEED ANSWERS...
    local who=$1 seed=$2
    shift 2
    printf '%s\n' "$@" | "$JATTA" quiz "$deck" --plain --lang en --seed "$seed" --db "$WORK/$who.sqlite" \
        --json "$WORK/results/$who.quiz$seed.json" >/dev/null 2>&1
}
quiz alice 1 1 2 3 1 2
quiz alice 2 2 2 2 2 2
quiz bob 3 3 1 1 2 3
quiz bob 4 1 1 1 1 1
quiz carol 5 2 3 2 1 1
quiz carol 6 1 3 2 2 1
# Exams ahead: alice and bob on one day, carol on an earlier one. Files
# name no class date: the report takes the day most students' soonest exam
# falls on (not simply the earliest), and each student's readiness for it
# from their stats file.
exam=$(date -d '+15 days' +%F)
for who in alice bob carol; do
    day=$exam
    [ "$who" = carol ] && day=$(date -d '+5 days' +%F)
    "$JATTA" exam set "$day" --db "$WORK/$who.sqlite" >/dev/null || fail "$who's exam"
    "$JATTA" stats "$deck" --db "$WORK/$who.sqlite" --json >"$WORK/results/$who.stats.json"
done

"$JATTA" class report "$WORK"/results/*.json --json >"$WORK/report.json" || fail "report from files failed"
python3 - "$WORK/report.json" "$WORK"/results/*.quiz*.json <<'PY' || fail "the report differs from the quiz files"
import json, statistics, sys
from collections import Counter, defaultdict
report = {c["key"]: c for c in json.load(open(sys.argv[1]))["cards"]}
marks, rests, wrong, lines = defaultdict(list), defaultdict(list), defaultdict(Counter), {}
for path in sys.argv[2:]:
    quiz = json.load(open(path))
    total = sum(q["credit"] for q in quiz["questions"])
    for q in quiz["questions"]:
        marks[q["key"]].append(q["credit"])
        rests[q["key"]].append(total - q["credit"])
        lines[q["key"]] = int(q["location"][len(q["deck"]) + 1:].split(":")[0])
        if q["format"] == "choice" and q["credit"] < 1 and q.get("given"):
            wrong[q["key"]][q["given"]] += 1
assert sorted(report) == sorted(marks), (sorted(report), sorted(marks))
flagged = 0
for key, x in marks.items():
    card = report[key]
    assert abs(card["facilityIndex"] - 100 * statistics.fmean(x)) < 1e-9, key
    y = rests[key]
    want = 100 * statistics.correlation(x, y) if statistics.pvariance(x) > 0 and statistics.pvariance(y) > 0 else None
    got = card.get("discriminationIndex")
    assert (got is None) == (want is None) and (want is None or abs(got - want) < 1e-9), (key, got, want)
    top = sorted(wrong[key].items(), key=lambda kv: (-kv[1], kv[0]))
    assert card.get("mostChosenWrongOption") == (top[0][0] if top else None), key
    assert card["line"] == lines[key], (key, card["line"], lines[key])
    flagged += "negative-discrimination" in card["flags"]
    assert ("negative-discrimination" in card["flags"]) == (want is not None and want < 0), key
students = {s["student"]: s for s in json.load(open(sys.argv[1]))["students"]}
assert sorted(students) == ["alice", "bob", "carol"], students
print(f"files report matches the quiz files ({len(marks)} cards, {flagged} flagged)")
PY

python3 - "$WORK/report.json" "$exam" "$WORK/results" <<'PY' || fail "the files report's readiness differs from the stats files"
import json, sys
report = json.load(open(sys.argv[1]))
exam = sys.argv[2]
assert report.get("examDate") == exam, report.get("examDate")
students = {s["student"]: s for s in report["students"]}
for name in ("alice", "bob"):
    want = [e["readiness"] for e in json.load(open(f"{sys.argv[3]}/{name}.stats.json"))["exams"] if e["date"] == exam][0]
    got = students[name]["readiness"]
    assert (got["examDate"], got["cards"], got["readyToday"], got["readyWithPlan"]) \
        == (exam, want["cards"], want["readyToday"], want["readyWithPlan"]), (name, got, want)
    assert want["cards"] > 0, want
assert "readiness" not in students["carol"], students["carol"]
PY
# A quiz left without an answer (every question unanswered) is no answer
# and no card seen, as on the server, where such questions are not logged.
"$JATTA" quiz "$deck" --plain --no-record --lang en --seed 9 --count 3 --json "$WORK/dave.quiz9.json" </dev/null >/dev/null 2>&1
"$JATTA" class report "$WORK/dave.quiz9.json" --json >"$WORK/dave.json" || fail "report of an unanswered quiz failed"
python3 - "$WORK/dave.json" <<'PY' || fail "unanswered questions counted as answers: $(cat "$WORK/dave.json")"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["cards"] == [], report["cards"]
student = report["students"][0]
assert student["reviews"] == 0 and student["cardsSeen"] == 0, student
PY

"$JATTA" class report "$WORK"/results/*.json >"$WORK/report.txt" || fail "text report from files failed"
grep -q "Exam date: $exam" "$WORK/report.txt" || fail "no exam date in the files text report"
grep -A1 "^  alice:" "$WORK/report.txt" | grep -q "ready for the exam on $exam: [0-9]* of [0-9]* cards" \
    || fail "no readiness for alice in the text report"

# --deck from the deck's own folder: the quiz files name the deck as the
# students typed it, from the repository's top folder; the cards are
# matched by key and placed at the instructor's file.
(cd "$(dirname "$deck")" && "$JATTA" class report "$WORK"/results/*.json --deck "$(basename "$deck")" --json) \
    >"$WORK/report-here.json" || fail "files report with --deck from the deck's folder failed"
python3 - "$WORK/report.json" "$WORK/report-here.json" "$(basename "$deck")" <<'PY' || fail "--deck from another folder lost cards"
import json, sys
everything, here = ({c["key"]: c for c in json.load(open(f))["cards"]} for f in sys.argv[1:3])
assert everything and sorted(here) == sorted(everything), (len(here), len(everything))
assert all(c["deckFile"] == sys.argv[3] and c["line"] == everything[k]["line"] for k, c in here.items())
PY

# A file that is no result is refused by name.
printf '{"hello": 1}\n' >"$WORK/other.json"
if "$JATTA" class report "$WORK/other.json" >/dev/null 2>"$WORK/other.err"; then fail "a stranger file was read"; fi
grep -q "other.json" "$WORK/other.err" || fail "the bad file is not named: $(cat "$WORK/other.err")"

"$JATTA" class report "$WORK"/results/*.json --html "$WORK/report.html" || fail "--html failed"
# A report written before is replaced; a page that is not one (the
# instructor's notes) is not, without --force (73, untouched); a folder
# is refused before anything is read.
"$JATTA" class report "$WORK"/results/*.json --html "$WORK/report.html" || fail "--html over its own report failed"
printf '<p>my notes, not a jatta report</p>\n' >"$WORK/notes.html"
set +e
"$JATTA" class report "$WORK"/results/*.json --html "$WORK/notes.html" >/dev/null 2>"$WORK/notes.err"
[ $? -eq 73 ] || fail "--html over the instructor's notes: not 73"
grep -qF "my notes" "$WORK/notes.html" || fail "--html replaced the instructor's notes"
grep -qF "notes.html" "$WORK/notes.err" || fail "the refusal does not name the file: $(cat "$WORK/notes.err")"
"$JATTA" class report "$WORK"/results/*.json --html "$WORK/notes.html" --force || fail "--html --force failed"
grep -qF "<!DOCTYPE html>" "$WORK/notes.html" || fail "--html --force did not replace the page"
"$JATTA" class report "$WORK"/results/*.json --html "$WORK" >/dev/null 2>&1
[ $? -eq 73 ] || fail "--html FOLDER: not 73"
set -e
! grep -qi "<script" "$WORK/report.html" || fail "the page has a script"
! grep -oE '(src|href)="[^"]*"' "$WORK/report.html" | grep -q . || fail "the page loads something"
# Chromium, without network (every host name fails), renders the page.
browse() {
    chromium --headless --no-sandbox --disable-gpu --host-resolver-rules="MAP * ~NOTFOUND" \
        --user-data-dir="$WORK/profile" "$@" "file://$WORK/report.html" 2>>"$WORK/chromium.log"
}
browse --dump-dom >"$WORK/dom.html" || fail "chromium could not open the page"
grep -q "<svg" "$WORK/dom.html" || fail "no chart in the rendered page"
grep -q "Қазақстан астанасы қай қала?" "$WORK/dom.html" || fail "a prompt is missing from the rendered page"
browse --screenshot="$WORK/shot.png" --window-size=1000,1200 >/dev/null || fail "no screenshot"
# Bars (#4a7ab5) and the item-analysis points (green #2e7d32 or red #c0392b).
read -r bars green red < <(python3 scripts/tests/class_png.py "$WORK/shot.png" 4a7ab5 2e7d32 c0392b)
[ "$bars" -gt 1000 ] || fail "the bar charts were not drawn ($bars bar pixels)"
[ $((green + red)) -gt 20 ] || fail "the item-analysis points were not drawn ($green green, $red red)"
echo "class-html: ok"
