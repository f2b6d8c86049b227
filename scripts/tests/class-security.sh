#!/usr/bin/env bash
# Nobody sees or changes what is not theirs: connects to a throw-away class
# server as each role (two instructors, three students in two classes) and
# tries to read, change and delete others' rows, to change its own rows once
# sent, to widen its own rights, and to inject SQL through every text field
# a sync sends (card key, deck file, prompt, session, chosen option) and
# through the class id and the role name of the address.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages postgresql python3 sqlite3
. scripts/lib/jatta-binary.sh
. scripts/lib/class-server.sh

WORK=$(mktemp -d)
trap 'class_server_stop; rm -rf "$WORK"' EXIT
fail() { echo "class-security: FAIL: $*" >&2; exit 1; }

class_server_start "$WORK/server"
"$JATTA" class setup "$(class_url admin)" >/dev/null
class_add_role prof prof-pw jatta_instructor
class_add_role prof2 prof2-pw jatta_instructor
for s in alice bob carol mallory; do class_add_role "$s" "$s-pw" jatta_student; done
class_sql admin -c "SELECT jatta.create_class('IR101', 'prof')" -c "SELECT jatta.create_class('IR102', 'prof2')" \
    -c "SELECT jatta.add_student('IR101', 'alice')" -c "SELECT jatta.add_student('IR101', 'bob')" \
    -c "SELECT jatta.add_student('IR101', 'mallory')" -c "SELECT jatta.add_student('IR102', 'carol')" >/dev/null

seed=1
for pair in alice:IR101 bob:IR101 carol:IR102; do
    who=${pair%%:*} class=${pair#*:}
    "$JATTA" debug answer-loop --db "$WORK/$who.sqlite" --count 40 --cards 10 --seed $((seed++)) >/dev/null
    "$JATTA" class join "$(class_url "$who" "$class")" --db "$WORK/$who.sqlite" >/dev/null || fail "$who could not join"
done

# Mallory edits her own progress database (it is hers) so that every text
# field a sync sends carries SQL, quotes, placeholders or JSON.
"$JATTA" debug answer-loop --db "$WORK/mallory.sqlite" --count 3 --cards 3 --seed 9 >/dev/null
python3 - "$WORK/mallory.sqlite" >"$WORK/hostile.hex" <<'PY'
import sqlite3, sys
hostile = [
    "x'); DROP TABLE jatta.review; --",
    "'; DELETE FROM jatta.member; --",
    "$1 $2::text $$ $q$",
    "\\'; UPDATE jatta.review SET rating = 1; --",
    "'||(SELECT string_agg(student, ',') FROM jatta.review)||'",
    '"}], "log_id": 1, "student": "bob"} {"',
    "E'\\x27' \\\\ \" ' `",
    "Қазақ ‮ RTL 🙂",
    "\x1b[31mred\x1b]0;title\x07 \x9b2J",
]
db = sqlite3.connect(sys.argv[1])
for n, text in enumerate(hostile):
    key, deck, prompt, session, chosen = (f"{text}#{field}{n}" for field in ("key", "deck", "prompt", "session", "chosen"))
    db.execute("INSERT INTO card (key, deck_file, prompt, level, first_seen, answered) VALUES (?, ?, ?, 1, 0, 1)",
               (key, deck, prompt))
    db.execute(
        """INSERT INTO review_log (key, deck_file, session, at, kind, rating, duration_ms, b_suspended,
               a_state, a_step, a_stability, a_difficulty, a_due, a_last_review, a_reps, a_lapses, a_suspended)
           VALUES (?, ?, ?, 1764000000000, 'quiz', 1, 1000, 0, 1, 0, 1.0, 5.0, 1764000600000, 1764000000000, 1, 0, 0)""",
        (key, deck, session))
    # An insert through the review_log view leaves lastrowid as it was.
    log_id = db.execute("SELECT max(id) FROM review").fetchone()[0]
    db.execute("INSERT INTO quiz_answer (log_id, credit, chosen) VALUES (?, 0, ?)", (log_id, chosen))
    for value in (key, deck, prompt, session, chosen):
        print(value.encode().hex())
db.commit()
PY
"$JATTA" class join "$(class_url mallory IR101)" --db "$WORK/mallory.sqlite" >"$WORK/mallory.out" 2>&1 \
    || fail "mallory's sync failed: $(cat "$WORK/mallory.out")"
# Every hostile text arrived as data, byte for byte, and nothing else moved.
class_sql admin -c "SELECT encode(convert_to(v, 'UTF8'), 'hex') FROM (
    SELECT r.log_id, 1 AS f, r.card_key AS v FROM jatta.review r WHERE r.student = 'mallory' AND r.credit IS NOT NULL
    UNION ALL SELECT r.log_id, 2, c.deck_file FROM jatta.review r JOIN jatta.card c USING (class_id, card_key)
        WHERE r.student = 'mallory' AND r.credit IS NOT NULL
    UNION ALL SELECT r.log_id, 3, c.prompt FROM jatta.review r JOIN jatta.card c USING (class_id, card_key)
        WHERE r.student = 'mallory' AND r.credit IS NOT NULL
    UNION ALL SELECT r.log_id, 4, r.session FROM jatta.review r WHERE r.student = 'mallory' AND r.credit IS NOT NULL
    UNION ALL SELECT r.log_id, 5, r.chosen FROM jatta.review r WHERE r.student = 'mallory' AND r.credit IS NOT NULL
    ) t ORDER BY log_id, f" >"$WORK/stored.hex"
cmp -s "$WORK/hostile.hex" "$WORK/stored.hex" || fail "hostile text was not stored exactly as sent"
[ "$(class_sql admin -c "SELECT count(*) FROM jatta.member")" = 4 ] || fail "members changed"
[ "$(class_sql admin -c "SELECT count(*) FROM jatta.review WHERE student = 'bob' AND rating = 1")" \
    = "$(sqlite3 "$WORK/bob.sqlite" "SELECT count(*) FROM review_log WHERE rating = 1 AND kind = 'study'
        AND id NOT IN (SELECT undoes FROM review_log WHERE undoes IS NOT NULL)")" ] || fail "bob's ratings changed"
# The report shows the hostile text as text, without control sequences.
"$JATTA" class report --server "$(class_url prof IR101)" --top 1000 >"$WORK/report.txt" || fail "report failed"
grep -q "DROP TABLE" "$WORK/report.txt" || fail "the hostile prompt is missing from the report"
grep -q "red" "$WORK/report.txt" || fail "the prompt with escapes is missing from the report"
! grep -qP '[\x1b\x07]|\xc2\x9b' "$WORK/report.txt" || fail "a control character reached the report"

# Injection through the class id and the role name of the address.
"$JATTA" class join "$(class_url alice "IR101'%3B DROP TABLE jatta.review%3B--")" --db "$WORK/inj.sqlite" \
    >/dev/null 2>&1 && fail "a class id with SQL was joined"
"$JATTA" class join "postgresql://alice'%20OR%20'1'='1@/jatta?host=$CLASS_SOCKET&port=$CLASS_PORT&class=IR101" \
    --db "$WORK/inj2.sqlite" >/dev/null 2>&1 && fail "a role name with SQL logged in"
class_sql admin -c "SELECT count(*) FROM jatta.review" >/dev/null || fail "the review table is gone"

# denied ROLE SQL: the statement must fail (permission or policy).
denied() {
    if class_sql "$1" -c "$2" >"$WORK/out" 2>&1; then fail "$1 was allowed: $2 ($(cat "$WORK/out"))"; fi
    grep -qiE "permission denied|row-level security|must be owner|violates" "$WORK/out" \
        || fail "$1: $2 failed for another reason: $(cat "$WORK/out")"
}
# value ROLE SQL WANT: the query must give WANT.
value() {
    local got
    got=$(class_sql "$1" -c "$2" 2>&1) || fail "$1: $2 failed: $got"
    [ "$got" = "$3" ] || fail "$1: $2 gave '$got', want '$3'"
}
alice_rows=$(class_sql admin -c "SELECT count(*) FROM jatta.review WHERE student = 'alice'")
one_bob_row="SELECT class_id, 'bob', log_id + 100000, card_key, at, kind, rating FROM jatta.review WHERE student = 'alice' LIMIT 1"

# A student: own rows only, never changed once sent.
value alice "SELECT count(*) FROM jatta.review" "$alice_rows"
value alice "SELECT count(*) FROM jatta.review WHERE student <> 'alice'" 0
value alice "SELECT count(*) FROM jatta.student_card WHERE student <> 'alice'" 0
value alice "SELECT count(*) FROM jatta.student_summary" 1
value alice "SELECT count(*) FROM jatta.quiz_attempt WHERE student <> 'alice'" 0
value alice "SELECT count(*) FROM jatta.member" 1
value alice "SELECT string_agg(id, ',') FROM jatta.class" IR101
value alice "SELECT count(*) FROM jatta.card WHERE class_id = 'IR102'" 0
denied alice "UPDATE jatta.review SET rating = 4"
denied alice "UPDATE jatta.review SET rating = 4 WHERE student = 'alice'"
denied alice "DELETE FROM jatta.review"
denied alice "DELETE FROM jatta.review WHERE student = 'alice'"
denied alice "TRUNCATE jatta.review"
denied alice "INSERT INTO jatta.review (class_id, student, log_id, card_key, at, kind, rating)
    SELECT class_id, 'bob', log_id + 100000, card_key, at, kind, rating FROM jatta.review LIMIT 1"
denied alice "INSERT INTO jatta.review (class_id, log_id, card_key, at, kind, rating)
    SELECT 'IR102', log_id + 100000, card_key, at, kind, rating FROM jatta.review LIMIT 1"
denied alice "INSERT INTO jatta.card (class_id, card_key, deck_file, prompt) VALUES ('IR102', 'k', 'd', 'p')"
denied alice "UPDATE jatta.card SET prompt = 'changed'"
denied alice "DELETE FROM jatta.card"
denied alice "SELECT count(*) FROM jatta.card_summary"
denied alice "UPDATE jatta.student_summary SET reviews = 0"
denied alice "INSERT INTO jatta.student_summary VALUES ('IR101', 'alice', 0, 0, 0, 0, 0, now(), 0)"
denied alice "INSERT INTO jatta.member VALUES ('IR102', 'alice')"
denied alice "UPDATE jatta.class SET instructor = 'alice'"
denied alice "SELECT jatta.create_class('X', 'alice')"
denied alice "SELECT jatta.add_student('IR102', 'alice')"
denied alice "ALTER TABLE jatta.review DISABLE ROW LEVEL SECURITY"
denied alice "DROP POLICY review_own_read ON jatta.review"
denied alice "CREATE TABLE jatta.mine (x int)"
denied alice "SET ROLE bob"
# Taking on the group role changes nothing: rows belong to the login role.
value alice "SET ROLE jatta_student; SELECT count(*) FROM jatta.review WHERE student <> 'alice'" 0
value carol "SELECT count(*) FROM jatta.review WHERE class_id = 'IR101'" 0
value carol "SELECT count(*) FROM jatta.card WHERE class_id = 'IR101'" 0

# An instructor: the classes they teach, read-only.
value prof "SELECT string_agg(DISTINCT class_id, ',') FROM jatta.review" IR101
value prof "SELECT count(*) FROM jatta.review WHERE class_id = 'IR102'" 0
value prof "SELECT count(*) FROM jatta.card_summary WHERE class_id = 'IR102'" 0
value prof "SELECT count(*) FROM jatta.member WHERE class_id = 'IR102'" 0
value prof "SELECT string_agg(id, ',') FROM jatta.class" IR101
value prof2 "SELECT count(*) FROM jatta.review WHERE class_id = 'IR101'" 0
value prof2 "SELECT count(*) FROM jatta.student_summary WHERE class_id = 'IR101'" 0
denied prof "UPDATE jatta.review SET rating = 4"
denied prof "DELETE FROM jatta.review"
denied prof "INSERT INTO jatta.review (class_id, student, log_id, card_key, at, kind, rating) $one_bob_row"
denied prof "UPDATE jatta.card SET class_id = 'IR102' WHERE class_id = 'IR101'"
denied prof "INSERT INTO jatta.member VALUES ('IR101', 'carol')"
denied prof "UPDATE jatta.class SET instructor = 'prof' WHERE id = 'IR102'"
# Another class's cards are invisible to UPDATE too: nothing changes.
carol_cards=$(class_sql admin -c "SELECT md5(string_agg(prompt || coalesce(line::text, ''), ',' ORDER BY card_key)) FROM jatta.card WHERE class_id = 'IR102'")
class_sql prof -c "UPDATE jatta.card SET prompt = 'changed', line = 1 WHERE class_id = 'IR102'" >/dev/null
[ "$(class_sql admin -c "SELECT md5(string_agg(prompt || coalesce(line::text, ''), ',' ORDER BY card_key)) FROM jatta.card WHERE class_id = 'IR102'")" \
    = "$carol_cards" ] || fail "prof changed another class's cards"
# The report command itself refuses a class the role does not teach.
"$JATTA" class report --server "$(class_url prof IR102)" >/dev/null 2>&1 && fail "prof got IR102's report"
"$JATTA" class report --server "$(class_url alice IR101)" >/dev/null 2>&1 && fail "a student got the class report"
echo "class-security: ok"
