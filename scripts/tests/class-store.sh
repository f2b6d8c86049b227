#!/usr/bin/env bash
# Two students sync to a throw-away PostgreSQL class server and the
# instructor's report is checked against figures recomputed from the
# students' raw rows (class_check.py). Also: a sync sent twice stores
# nothing twice; a sync cut in the middle resumes; a server that is down
# costs one line and no answers; the sync after a session does not delay
# it; passwords never go in the address, the store or the output; sslmode
# is honoured.
set -euo pipefail
. "$(dirname "$0")/../lib/midday-tz.sh"
cd "$(dirname "$0")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages postgresql python3
. scripts/lib/jatta-binary.sh
. scripts/lib/class-server.sh

WORK=$(mktemp -d)
trap 'class_server_stop; rm -rf "$WORK"' EXIT
fail() { echo "class-store: FAIL: $*" >&2; exit 1; }
deck=scripts/tests/fixtures/class/choices.deck

class_server_start "$WORK/server"
"$JATTA" class setup "$(class_url admin)" >"$WORK/setup.out" || fail "setup failed"
grep -q "class-3-security" "$WORK/setup.out" || fail "setup applied no migrations: $(cat "$WORK/setup.out")"
"$JATTA" class setup "$(class_url admin)" | grep -q "up to date" || fail "a second setup is not a no-op"

class_add_role prof prof-secret-1 jatta_instructor
class_add_role alice alice-secret-2 jatta_student
class_add_role bob bob-secret-3 jatta_student
class_sql admin -c "SELECT jatta.create_class('IR101', 'prof', 'Халықаралық қатынастар')" \
    -c "SELECT jatta.add_student('IR101', 'alice')" -c "SELECT jatta.add_student('IR101', 'bob')" >/dev/null

# A password in the address is refused before anything is stored or sent.
if "$JATTA" class join "postgresql://alice:alice-secret-2@/jatta?host=$CLASS_SOCKET&port=$CLASS_PORT&class=IR101" \
    --db "$WORK/alice.sqlite" >"$WORK/pw.out" 2>&1; then
    fail "an address with a password was accepted"
fi
grep -q "must not hold a password" "$WORK/pw.out" || fail "no password message: $(cat "$WORK/pw.out")"
[ ! -e "$WORK/alice.sqlite" ] || ! sqlite3 "$WORK/alice.sqlite" "SELECT value FROM student_setting" 2>/dev/null \
    | grep -q secret || fail "the password reached the store"

# sslmode is honoured: the test server has no TLS, so require must fail.
if "$JATTA" class join "$(class_tcp_url alice IR101 require)" \
    --db "$WORK/ssl.sqlite" >"$WORK/ssl.out" 2>&1; then
    fail "sslmode=require connected to a server without TLS"
fi
grep -qi "ssl" "$WORK/ssl.out" || fail "no SSL reason: $(cat "$WORK/ssl.out")"
# The same over TCP with sslmode=disable connects (so the refusal above was TLS).
"$JATTA" class join "$(class_tcp_url alice IR101 disable)" --db "$WORK/tcp.sqlite" >/dev/null \
    || fail "loopback TCP without TLS did not connect"

# History before joining: varied answers (review state, lapses, undone
# answers) and real quizzes with chosen options.
"$JATTA" debug answer-loop --db "$WORK/alice.sqlite" --count 300 --cards 25 --seed 11 --start 1764000000000 \
    --undo-every 7 --session a-loop >/dev/null
"$JATTA" debug answer-loop --db "$WORK/bob.sqlite" --count 250 --cards 25 --seed 22 --start 1764000000000 \
    --undo-every 9 --session b-loop >/dev/null
quiz() { # DB SEED ANSWERS...
    local db=$1 seed=$2
    shift 2
    printf '%s\n' "$@" | "$JATTA" quiz "$deck" --plain --lang en --seed "$seed" --db "$db" >/dev/null 2>&1
}
quiz "$WORK/alice.sqlite" 1 1 2 3 1 2
quiz "$WORK/alice.sqlite" 2 2 2 2 2 2
quiz "$WORK/bob.sqlite" 3 3 1 1 2 3
quiz "$WORK/bob.sqlite" 4 1 1 1 1 1
quiz "$WORK/bob.sqlite" 5 2 3 2 1 1

# Joining sends everything at once (in several batches here).
"$JATTA" class join "$(class_url alice IR101)" --db "$WORK/alice.sqlite" >"$WORK/join-a.out" || fail "alice could not join"
grep -q "Joined class IR101" "$WORK/join-a.out" || fail "no join message: $(cat "$WORK/join-a.out")"
# Bob's first sync is cut after two batches of 50: a trigger the
# administrator adds refuses one of his answers after the hundredth.
cut=$(sqlite3 "$WORK/bob.sqlite" "SELECT min(id) FROM review_log WHERE id > 110 AND kind = 'study'
    AND id NOT IN (SELECT undoes FROM review_log WHERE undoes IS NOT NULL)")
class_sql admin -c "CREATE FUNCTION public.cut() RETURNS trigger LANGUAGE plpgsql AS \$\$
    BEGIN IF NEW.student = 'bob' AND NEW.log_id = $cut THEN RAISE EXCEPTION 'cut'; END IF; RETURN NEW; END \$\$" \
    -c "CREATE TRIGGER cut BEFORE INSERT ON jatta.review FOR EACH ROW EXECUTE FUNCTION public.cut()" >/dev/null
# Join stores the class even when its first sync fails.
"$JATTA" class join "$(class_url bob IR101)" --db "$WORK/bob.sqlite" >/dev/null 2>&1 || true
"$JATTA" sync --db "$WORK/bob.sqlite" --batch-size 50 >"$WORK/cut.out" 2>&1 && fail "the cut sync succeeded"
sent=$(class_sql admin -c "SELECT count(*) FROM jatta.review WHERE student = 'bob'")
[ "$sent" -gt 0 ] || fail "no whole batch was kept before the cut"
class_sql admin -c "DROP TRIGGER cut ON jatta.review" >/dev/null
# The rest goes in batches of 3, so every 5-question quiz attempt is split
# over batches (the item sums must then correct the attempt's earlier
# answers, whose "rest of the test" changes).
"$JATTA" sync --db "$WORK/bob.sqlite" --batch-size 3 >"$WORK/resume.out" || fail "the resumed sync failed"

# Every answer that is not undone is on the server exactly once.
for who in alice bob; do
    want=$(sqlite3 "$WORK/$who.sqlite" "SELECT count(*) FROM review_log WHERE kind IN ('study','quiz','override')
        AND id NOT IN (SELECT undoes FROM review_log WHERE undoes IS NOT NULL)")
    got=$(class_sql admin -c "SELECT count(*) FROM jatta.review WHERE student = '$who'")
    [ "$got" = "$want" ] || fail "$who: $got rows on the server, $want answers in the store"
done

# A second progress database of a student already in the class (another
# computer): its log ids overlap the first's, whose rows the server holds,
# so its answers would be skipped or dropped under "nothing new to send".
# The sync refuses and says why (status 1); nothing reaches the server.
quiz "$WORK/alice-lab.sqlite" 5 1 2 3 1 2
rows_before=$(class_sql admin -c "SELECT count(*) FROM jatta.review WHERE student = 'alice'")
status=0
"$JATTA" class join "$(class_url alice IR101)" --db "$WORK/alice-lab.sqlite" --lang en >"$WORK/lab.out" 2>&1 || status=$?
[ "$status" = 1 ] || fail "a second database of alice joined with status $status: $(cat "$WORK/lab.out")"
grep -q "another progress database" "$WORK/lab.out" || fail "the second database is not said: $(cat "$WORK/lab.out")"
[ "$(class_sql admin -c "SELECT count(*) FROM jatta.review WHERE student = 'alice'")" = "$rows_before" ] \
    || fail "the second database's answers reached the server"
"$JATTA" sync --db "$WORK/alice.sqlite" | grep -q "nothing new" || fail "alice's own database no longer syncs"

# A wrong or missing password: the server was reached and refused the
# login. Status 1 and "refused", not 75 and "the next sync sends it".
printf '*:*:*:alice:WRONG-PASSWORD\n' >"$WORK/badpass"; chmod 600 "$WORK/badpass"
status=0
PGPASSFILE="$WORK/badpass" "$JATTA" sync --db "$WORK/alice.sqlite" --lang en >"$WORK/badpass.out" 2>&1 || status=$?
[ "$status" = 1 ] || fail "sync with a wrong password exited with $status: $(cat "$WORK/badpass.out")"
grep -q "refused the login" "$WORK/badpass.out" || fail "a wrong password is not said as a refusal: $(cat "$WORK/badpass.out")"
! grep -q "next sync" "$WORK/badpass.out" || fail "a wrong password promises the next sync: $(cat "$WORK/badpass.out")"
status=0
PGPASSFILE=/nonexistent PGPASSWORD= "$JATTA" sync --db "$WORK/alice.sqlite" --lang en >"$WORK/nopass.out" 2>&1 || status=$?
[ "$status" = 1 ] || fail "sync with no password exited with $status: $(cat "$WORK/nopass.out")"

# Sending again adds nothing, and nothing twice: a second sync has nothing
# to send, and a batch replayed by hand is ignored, summaries unchanged.
"$JATTA" sync --db "$WORK/alice.sqlite" | grep -q "nothing new" || fail "a second sync sent something"
before=$(class_sql admin -c "SELECT sum(reviews) FROM jatta.card_summary")
class_sql alice -c "INSERT INTO jatta.review (class_id, log_id, card_key, at, kind, rating)
    SELECT class_id, log_id, card_key, at, kind, rating FROM jatta.review WHERE student = 'alice' LIMIT 20
    ON CONFLICT DO NOTHING" >/dev/null
after=$(class_sql admin -c "SELECT sum(reviews) FROM jatta.card_summary")
[ "$before" = "$after" ] || fail "a replayed batch changed the summaries ($before → $after)"

# The summaries the trigger keeps equal a recount from the raw rows.
drift=$(class_sql admin -c "SELECT count(*) FROM jatta.card_summary s FULL JOIN (
    SELECT class_id, card_key, count(*) AS n, count(*) FILTER (WHERE rating = 1 AND state_before = 2) AS l,
           count(DISTINCT student) AS st FROM jatta.review GROUP BY 1, 2) r USING (class_id, card_key)
    WHERE s.reviews IS DISTINCT FROM r.n OR s.lapses IS DISTINCT FROM r.l OR s.students IS DISTINCT FROM r.st")
[ "$drift" = 0 ] || fail "$drift card summaries differ from the raw rows"

# The instructor's report equals figures recomputed from the students' stores.
"$JATTA" class report --server "$(class_url prof IR101)" --json >"$WORK/report.json" || fail "report failed"
python3 scripts/tests/class_check.py "$WORK/report.json" alice="$WORK/alice.sqlite" bob="$WORK/bob.sqlite" \
    || fail "the report differs from the raw rows"
"$JATTA" class report --server "$(class_url prof IR101)" --deck "$deck" >"$WORK/report.txt" || fail "text report failed"
grep -q "choices.deck:[0-9]" "$WORK/report.txt" || fail "no FILE:LINE in the text report"
grep -q "bob:" "$WORK/report.txt" || fail "no students in the text report"
# The instructor's checkout need not spell the deck as the students did
# (they quizzed and synced from the repository's top folder): --deck
# matches the cards by key and names them at the instructor's file.
(cd "$(dirname "$deck")" && "$JATTA" class report --server "$(class_url prof IR101)" --deck "$(basename "$deck")" --json) \
    >"$WORK/report-here.json" || fail "report from the deck's folder failed"
python3 - "$WORK/report.json" "$WORK/report-here.json" "$deck" <<'PY' || fail "--deck from another folder lost cards"
import json, sys
everything, here = (json.load(open(f))["cards"] for f in sys.argv[1:3])
name = sys.argv[3].rsplit("/", 1)[-1]
want = sorted(c["key"] for c in everything if c["deckFile"].endswith(name))
got = sorted(c["key"] for c in here)
assert want and got == want, f"{len(got)} cards, want {len(want)}"
assert all(c["deckFile"] == name and c["line"] for c in here), here[0]
PY

# A session ends at once even when the class server is unreachable (a
# black-hole address): the sync runs in the background and says one line.
cp "$WORK/alice.sqlite" "$WORK/away.sqlite"
sqlite3 "$WORK/away.sqlite" "UPDATE student_setting SET value = 'host=192.0.2.1 port=5432 dbname=jatta user=alice connect_timeout=3' WHERE name = 'class.connection'"
start=$(date +%s%N)
quiz "$WORK/away.sqlite" 6 1 1 1 1 1 2>"$WORK/away.err" || fail "the quiz failed with the server away"
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$elapsed" -lt 2500 ] || fail "the session took $elapsed ms with the server away"
status=0
"$JATTA" sync --db "$WORK/away.sqlite" >"$WORK/away.out" 2>&1 || status=$?
[ "$status" = 75 ] || fail "sync to an unreachable server exited with $status"
[ "$(wc -l <"$WORK/away.out")" = 1 ] || fail "not one line: $(cat "$WORK/away.out")"
# A join that cannot reach the server says that nothing was joined.
status=0
"$JATTA" class join 'host=192.0.2.1 port=5432 dbname=jatta user=alice connect_timeout=2' --class IR101 \
    --db "$WORK/not-joined.sqlite" --lang en >"$WORK/join-away.out" 2>&1 || status=$?
[ "$status" = 75 ] || fail "class join to an unreachable server exited with $status"
grep -q "the class was not joined" "$WORK/join-away.out" || fail "a failed join does not say so: $(cat "$WORK/join-away.out")"
grep -q "kept" "$WORK/away.out" || fail "the notice does not say the answers are kept"

# Server down: one line, status 75, studying goes on; back up: catches up.
class_server_stop
quiz "$WORK/alice.sqlite" 7 3 3 3 3 3 || fail "the quiz failed with the server down"
status=0
"$JATTA" sync --db "$WORK/alice.sqlite" >"$WORK/down.out" 2>&1 || status=$?
[ "$status" = 75 ] || fail "sync with the server down exited with $status"
[ "$(wc -l <"$WORK/down.out")" = 1 ] || fail "not one line: $(cat "$WORK/down.out")"
class_server_resume || fail "the server did not start again"
# The next session's background sync catches up by itself.
quiz "$WORK/alice.sqlite" 8 2 1 3 2 1
want=$(sqlite3 "$WORK/alice.sqlite" "SELECT count(*) FROM review_log WHERE kind IN ('study','quiz','override')
    AND id NOT IN (SELECT undoes FROM review_log WHERE undoes IS NOT NULL)")
for _ in $(seq 50); do
    got=$(class_sql admin -c "SELECT count(*) FROM jatta.review WHERE student = 'alice'")
    [ "$got" = "$want" ] && break
    sleep 0.2
done
[ "$got" = "$want" ] || fail "the background sync after the session did not catch up ($got of $want)"

# sync --deck naming a deck that cannot be read says so (66): the lines
# and readiness it would send are not sent.
status=0
"$JATTA" sync --db "$WORK/alice.sqlite" --deck "$WORK/no/such.deck" --lang en >"$WORK/nodeck.out" 2>&1 || status=$?
[ "$status" = 66 ] || fail "sync --deck of a missing deck exited with $status: $(cat "$WORK/nodeck.out")"
grep -q "no/such.deck" "$WORK/nodeck.out" || fail "the missing deck is not named: $(cat "$WORK/nodeck.out")"

# A class store set up by a newer jatta: setup leaves it alone and says
# to update jatta, in the language asked for (it said "refused (jatta):
# newer schema", English inside the Kazakh line).
class_sql admin -c "INSERT INTO jatta.migration (name) VALUES ('class-9-from-a-newer-jatta')" >/dev/null
status=0
"$JATTA" class setup "$(class_url admin)" --lang kk >"$WORK/newer.out" 2>&1 || status=$?
[ "$status" = 1 ] || fail "setup of a newer class store exited with $status"
grep -q "жаңарақ нұсқасы" "$WORK/newer.out" && ! grep -qE "newer schema|set up by|refused" "$WORK/newer.out" \
    || fail "a newer class store is not said in Kazakh: $(cat "$WORK/newer.out")"
class_sql admin -c "DELETE FROM jatta.migration WHERE name = 'class-9-from-a-newer-jatta'" >/dev/null

# Passwords appear nowhere: not in the stores, not in any output.
for f in "$WORK"/*.sqlite "$WORK"/*.out "$WORK"/*.txt "$WORK"/*.json; do
    ! grep -q "secret" "$f" || fail "a password reached $f"
done
echo "class-store: ok"
