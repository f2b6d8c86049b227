#!/usr/bin/env bash
# What a student's sync sends besides answers (issue 18), on a throw-away
# PostgreSQL server: where each card sits in its deck, so the instructor's
# report names FILE:LINE without --deck, and the student's readiness for the
# class's exam date, shown per student in the text, JSON and HTML reports.
# The background sync at the end of a session sends both (it has the
# session's decks). Lines are checked against the deck file read here;
# readiness against the student's own `jatta stats --json` forecast for the
# same date. Also: who may set the date, fill a line, send or read readiness.
set -euo pipefail
. "$(dirname "$0")/../lib/midday-tz.sh"
cd "$(dirname "$0")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages postgresql python3 sqlite3
. scripts/lib/jatta-binary.sh
. scripts/lib/class-server.sh

WORK=$(mktemp -d)
trap 'class_server_stop; rm -rf "$WORK"' EXIT
fail() { echo "class-readiness: FAIL: $*" >&2; exit 1; }
deck=scripts/tests/fixtures/class/choices.deck

class_server_start "$WORK/server"
"$JATTA" class setup "$(class_url admin)" >"$WORK/setup.out" || fail "setup failed"
grep -q "class-4-set-based-sync" "$WORK/setup.out" || fail "migration 4 not applied: $(cat "$WORK/setup.out")"
class_add_role prof prof-pw-1 jatta_instructor
class_add_role other other-pw-2 jatta_instructor
class_add_role alice alice-pw-3 jatta_student
class_add_role bob bob-pw-4 jatta_student
class_sql admin -c "SELECT jatta.create_class('EX1', 'prof')" -c "SELECT jatta.create_class('EX2', 'other')" \
    -c "SELECT jatta.add_student('EX1', 'alice')" -c "SELECT jatta.add_student('EX1', 'bob')" >/dev/null

# Only the class's instructor sets its exam date.
exam=$(date -d '+20 days' +%F)
if class_sql other -c "SELECT jatta.set_exam_date('EX1', '$exam')" >/dev/null 2>&1; then
    fail "another instructor set EX1's exam date"
fi
if class_sql alice -c "SELECT jatta.set_exam_date('EX1', '$exam')" >/dev/null 2>&1; then
    fail "a student set the exam date"
fi
class_sql prof -c "SELECT jatta.set_exam_date('EX1', '$exam')" >/dev/null || fail "the instructor could not set the date"
[ "$(class_sql admin -c "SELECT exam_date FROM jatta.class WHERE id = 'EX1'")" = "$exam" ] || fail "date not stored"

# Alice joins with no answers yet, then studies the deck (an answer and
# "easy" for each card): the session's background sync sends the answers,
# the lines and her readiness.
"$JATTA" class join "$(class_url alice EX1)" --db "$WORK/alice.sqlite" >/dev/null || fail "alice could not join"
printf '\n1\n4\n1\n4\n1\n4\n1\n4\n1\n4\nq\nq\n' \
    | "$JATTA" study "$deck" --plain --lang en --db "$WORK/alice.sqlite" >/dev/null 2>&1 || fail "the session failed"
for _ in $(seq 100); do
    got=$(class_sql admin -c "SELECT count(*) FROM jatta.readiness WHERE student = 'alice'")
    [ "$got" -ge 1 ] && break
    sleep 0.2
done
[ "$got" -ge 1 ] || fail "the background sync after the session sent no readiness"
[ "$(class_sql admin -c "SELECT count(*) FROM jatta.review WHERE student = 'alice'")" -gt 0 ] || fail "no answers sent"

# Every card the class has names the line of its question in the deck file.
class_sql admin -c "SELECT card_key, prompt, coalesce(line, 0) FROM jatta.card WHERE class_id = 'EX1'" -F $'\t' \
    >"$WORK/cards.tsv"
python3 - "$deck" "$WORK/cards.tsv" <<'EOF' || fail "card lines differ from the deck file"
import sys
deck_lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
rows = [l.split("\t") for l in open(sys.argv[2], encoding="utf-8").read().splitlines() if l]
assert rows, "no cards on the server"
for key, prompt, line in rows:
    want = [i + 1 for i, text in enumerate(deck_lines) if text.strip() == "Q: " + prompt]
    assert len(want) == 1, (prompt, want)
    assert int(line) == want[0], f"{key}: line {line}, the deck has it on {want[0]}"
print(f"class-readiness: {len(rows)} card lines match the deck")
EOF

# Readiness: what alice's own forecast says for the same day.
sent=$(class_sql admin -c "SELECT exam_date, cards, ready_today, ready_with_plan FROM jatta.readiness WHERE student = 'alice' ORDER BY computed_at DESC LIMIT 1" -F ' ')
"$JATTA" exam set "$exam" --db "$WORK/alice.sqlite" >/dev/null || fail "alice could not set her own exam"
"$JATTA" stats "$deck" --json --db "$WORK/alice.sqlite" >"$WORK/stats.json" || fail "stats --json failed"
own=$(python3 -c "
import json, sys
e = [x for x in json.load(open(sys.argv[1]))['exams'] if x['date'] == sys.argv[2]][0]
r = e['readiness']
print(e['date'], r['cards'], r['readyToday'], r['readyWithPlan'])" "$WORK/stats.json" "$exam")
[ "$sent" = "$own" ] || fail "sent readiness '$sent' differs from the student's own forecast '$own'"
[ "$(echo "$own" | cut -d' ' -f2)" -gt 0 ] || fail "the forecast counts no cards"
[ "$(echo "$own" | cut -d' ' -f4)" -gt 0 ] || fail "no card ready with the plan: the comparison would say little"

# The reports, without --deck: FILE:LINE, the exam date, readiness per
# student (bob never synced: not sent).
"$JATTA" class report --server "$(class_url prof EX1)" --json >"$WORK/report.json" || fail "JSON report failed"
python3 - "$WORK/report.json" "$sent" <<'EOF' || fail "the JSON report's readiness is wrong"
import json, sys
report = json.load(open(sys.argv[1]))
date, cards, today, plan = sys.argv[2].split()
assert report["examDate"] == date, report.get("examDate")
students = {s["student"]: s for s in report["students"]}
r = students["alice"]["readiness"]
assert (r["examDate"], r["cards"], r["readyToday"], r["readyWithPlan"]) == (date, int(cards), int(today), int(plan)), r
assert "readiness" not in students["bob"], students["bob"]
assert all(c["line"] for c in report["cards"]), [c for c in report["cards"] if not c.get("line")]
EOF
"$JATTA" class report --server "$(class_url prof EX1)" >"$WORK/report.txt" || fail "text report failed"
grep -q "choices.deck:[0-9]" "$WORK/report.txt" || fail "no FILE:LINE without --deck"
grep -q "Exam date: $exam" "$WORK/report.txt" || fail "no exam date in the text report"
read -r _ cards today plan <<<"$sent"
grep -A1 "^  alice:" "$WORK/report.txt" | grep -q "ready for the exam on $exam: $today of $cards cards" \
    || fail "no readiness for alice: $(grep -A1 "alice:" "$WORK/report.txt")"
grep -A1 "^  bob:" "$WORK/report.txt" | grep -q "not sent yet" || fail "bob's missing readiness not said"
"$JATTA" class report --server "$(class_url prof EX1)" --html "$WORK/report.html" >/dev/null || fail "HTML report failed"
grep -q "Ready for $exam" "$WORK/report.html" || fail "no readiness column in the HTML report"
grep -q "<td>$today / $cards " "$WORK/report.html" || fail "no readiness of alice in the HTML report"

# A readiness sent for an earlier date says nothing of a moved exam.
later=$(date -d '+40 days' +%F)
class_sql prof -c "SELECT jatta.set_exam_date('EX1', '$later')" >/dev/null
"$JATTA" class report --server "$(class_url prof EX1)" --json >"$WORK/moved.json"
python3 -c "
import json, sys
s = {s['student']: s for s in json.load(open(sys.argv[1]))['students']}
assert 'readiness' not in s['alice'], s['alice']" "$WORK/moved.json" || fail "a readiness for the old date was shown"
"$JATTA" sync --db "$WORK/alice.sqlite" --deck "$deck" >/dev/null || fail "sync --deck failed"
[ "$(class_sql admin -c "SELECT count(*) FROM jatta.readiness WHERE student = 'alice' AND exam_date = '$later'")" = 1 ] \
    || fail "sync --deck sent no readiness for the moved date"

# Rights: a line once set stays; a student changes nothing else of a card,
# sends no readiness for another, reads no other's; another instructor
# reads none of this class's.
class_sql alice -c "UPDATE jatta.card SET line = 999 WHERE class_id = 'EX1'" >/dev/null 2>&1 || true
[ "$(class_sql admin -c "SELECT count(*) FROM jatta.card WHERE line = 999")" = 0 ] || fail "a student moved a line already set"
if class_sql alice -c "UPDATE jatta.card SET prompt = 'x' WHERE class_id = 'EX1'" >/dev/null 2>&1; then
    fail "a student changed a prompt"
fi
if class_sql alice -c "INSERT INTO jatta.readiness (class_id, student, computed_at, exam_date, cards, ready_today, ready_with_plan)
    VALUES ('EX1', 'bob', now(), '$later', 5, 5, 5)" >/dev/null 2>&1; then
    fail "alice sent readiness as bob"
fi
if class_sql alice -c "INSERT INTO jatta.readiness (class_id, computed_at, exam_date, cards, ready_today, ready_with_plan)
    VALUES ('EX2', now(), '$later', 5, 5, 5)" >/dev/null 2>&1; then
    fail "alice sent readiness to a class she is not in"
fi
if class_sql alice -c "UPDATE jatta.readiness SET ready_today = 0" >/dev/null 2>&1; then
    fail "alice changed a readiness row already sent"
fi
[ "$(class_sql bob -c "SELECT count(*) FROM jatta.readiness")" = 0 ] || fail "bob reads alice's readiness"
[ "$(class_sql other -c "SELECT count(*) FROM jatta.readiness")" = 0 ] || fail "another instructor reads EX1's readiness"
[ "$(class_sql prof -c "SELECT count(*) FROM jatta.readiness")" -ge 2 ] || fail "the instructor cannot read readiness"
echo "class-readiness: ok"
