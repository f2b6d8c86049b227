#!/usr/bin/env bash
# `jatta stats --json` carries each exam ahead with its plan and readiness
# (docs/stats.md, docs/exam.md). The figures are checked against what the
# test knows independently: the exam date it set, the decks' cards as
# `jatta list --json` gives them, and the faces it answered itself.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/jatta-binary.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" JATTA_DB="$work/progress.sqlite" LANG=C.UTF-8 LC_ALL=C.UTF-8
. scripts/lib/midday-tz.sh
mkdir -p "$HOME" "$work/decks"
unset JATTA_LANG
fail() { echo "FAIL: $*" >&2; exit 1; }

{
    printf '# Exam deck\n\n'
    for i in $(seq 1 12); do
        printf '## Level %d\n\n' $(( (i - 1) % 3 + 1 ))
        printf 'Q: Question number %d?\nA: answer %d\nlevel: %d\n\n' "$i" "$i" $(( (i - 1) % 3 + 1 ))
    done
} >"$work/decks/exam.deck"
"$JATTA" check "$work/decks" >/dev/null || fail "the test deck does not check"

# No exam yet: no "exams" key at all.
"$JATTA" stats --json "$work/decks" >"$work/none.json" || fail "stats --json without an exam failed"
python3 - "$work/none.json" <<'PY' || fail "an exams key without an exam"
import json, sys
assert "exams" not in json.load(open(sys.argv[1]))
PY

exam_day=$(python3 -c 'import datetime; print((datetime.date.today() + datetime.timedelta(days=10)).isoformat())')
"$JATTA" exam set "$exam_day" "$work/decks" >/dev/null || fail "exam set failed"
# Answer two faces Good in plain mode: a shown face is Enter, then 3.
printf '\n3\n\n3\n' | "$JATTA" study --plain "$work/decks" >/dev/null 2>&1
"$JATTA" list --json "$work/decks" >"$work/list.json" || fail "list --json failed"
"$JATTA" stats --json "$work/decks" >"$work/stats.json" || fail "stats --json failed"

python3 - "$work/stats.json" "$work/list.json" "$exam_day" "$JATTA_DB" <<'PY' || fail "stats --json exams disagree"
import datetime, json, sqlite3, sys
stats = json.load(open(sys.argv[1]))
cards = [json.loads(line) for line in open(sys.argv[2]) if line.strip()]
exam_day = sys.argv[3]
exams = stats.get("exams")
assert exams and len(exams) == 1, exams
e = exams[0]
assert e["date"] == exam_day, e["date"]
assert isinstance(e.get("studentExamID"), int) and "deckHeader" not in e, e
assert len(e["deckFiles"]) == 1 and e["deckFiles"][0].endswith("exam.deck"), e["deckFiles"]
# Days left: the exam day minus today's study day (the test runs at midday).
today = datetime.date.today()
assert e["daysLeft"] == (datetime.date.fromisoformat(exam_day) - today).days, (e["daysLeft"], today)
# Every card counts once for readiness, and per level as the deck says.
assert e["readiness"]["cards"] == len(cards), (e["readiness"], len(cards))
levels = {}
for c in cards:
    levels[c["level"]] = levels.get(c["level"], 0) + 1
got = {l["level"]: l["cards"] for l in e["readinessPerLevel"]}
assert got == levels, (got, levels)
for share in [e["readiness"]] + e["readinessPerLevel"]:
    assert 0 <= share["readyToday"] <= share["cards"] and 0 <= share["readyWithPlan"] <= share["cards"], share
# Faces never seen: the cards minus those the store holds a state for.
db = sqlite3.connect(sys.argv[4])
answered = db.execute("SELECT count(*) FROM card_state WHERE state IS NOT NULL").fetchone()[0]
assert answered >= 1, "the plain session answered nothing"
assert e["unseen"] == len(cards) - answered, (e["unseen"], len(cards), answered)
# The pace shows every card by two days before the exam (docs/exam.md);
# today's new faces are the pace less those already shown today.
assert e["newPerDay"] * (e["daysLeft"] - 2) >= len(cards), e
assert e["allSeenDaysBefore"] >= 2, e
assert e["newToday"] == max(0, e["newPerDay"] - answered), (e["newToday"], e["newPerDay"], answered)
assert e["fits"] == (e["busiestDay"] <= e["workload"]), e
PY
# A workload in minutes is counted in answers at the student's own pace:
# the mean time of their answers (docs/exam.md), read here from the log.
"$JATTA" exam set "$exam_day" "$work/decks" --minutes 10 >"$work/minutes.txt" || fail "exam set --minutes failed"
"$JATTA" stats --json "$work/decks" >"$work/minutes.json" || fail "stats --json failed"
python3 - "$work/minutes.json" "$JATTA_DB" <<'PY' || fail "--minutes was not counted at the student's pace"
import json, math, sqlite3, sys
e = json.load(open(sys.argv[1]))["exams"][0]
mean_ms = sqlite3.connect(sys.argv[2]).execute(
    "SELECT avg(duration_ms) FROM review_log WHERE kind IN ('study', 'quiz') AND undoes IS NULL").fetchone()[0]
want = max(1, math.floor(10 * 60 / (mean_ms / 1000)))
assert e["workload"] == want, (e["workload"], want, mean_ms)
PY
grep -q "10 minutes a day" "$work/minutes.txt" || fail "exam set --minutes did not say what it counted: $(cat "$work/minutes.txt")"
# Without any answer yet, 10 s an answer: 10 minutes are 60 answers.
JATTA_DB="$work/fresh.sqlite" "$JATTA" exam set "$exam_day" "$work/decks" --minutes 10 >/dev/null || fail "exam set --minutes on a new store failed"
JATTA_DB="$work/fresh.sqlite" "$JATTA" stats --json "$work/decks" >"$work/fresh.json" || fail "stats --json failed"
python3 -c 'import json,sys; w = json.load(open(sys.argv[1]))["exams"][0]["workload"]; sys.exit(w != 60 and f"workload {w}, not 60")' "$work/fresh.json" \
    || fail "a new store's pace is not 10 s an answer"
# --minutes with --workload, or below 1, is a usage error.
"$JATTA" exam set "$exam_day" --minutes 10 --workload 50 >/dev/null 2>&1; [ $? -eq 64 ] || fail "--minutes with --workload is not refused"
"$JATTA" exam set "$exam_day" --minutes 0 >/dev/null 2>&1; [ $? -eq 64 ] || fail "--minutes 0 is not refused"
# An exam set through a symbolic link to the decks' folder covers them
# when they are named by their real path, and the other way round; so
# does a path an older jatta stored lexically through the link.
ln -s "$work/decks" "$work/link"
covered() { # DB SPELLING: the exam date stats gives the decks under SPELLING
    JATTA_DB="$1" "$JATTA" stats --json "$2" | python3 -c 'import json,sys; print(",".join(e["date"] for e in json.load(sys.stdin).get("exams", [])))'
}
JATTA_DB="$work/link.sqlite" "$JATTA" exam set "$exam_day" "$work/link" >/dev/null || fail "exam set through a link failed"
[ "$(covered "$work/link.sqlite" "$work/decks")" = "$exam_day" ] || fail "an exam set through a link does not cover the real folder"
JATTA_DB="$work/real.sqlite" "$JATTA" exam set "$exam_day" "$work/decks" >/dev/null || fail "exam set failed"
[ "$(covered "$work/real.sqlite" "$work/link")" = "$exam_day" ] || fail "an exam set on the real folder does not cover the link"
sqlite3 "$work/link.sqlite" "UPDATE exam SET paths = '$work/link'"
[ "$(covered "$work/link.sqlite" "$work/decks")" = "$exam_day" ] || fail "a stored path through a link does not cover the real folder"
echo "exam-stats-json: ok"
