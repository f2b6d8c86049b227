#!/usr/bin/env bash
# One summary rule for two ways in (issue 18): answers stored by syncs (the
# statement trigger, batch after batch, quiz attempts split across batches,
# rows sent twice) and answers loaded in bulk with the trigger off and then
# summarised by jatta.summarise_loaded() must leave the same summaries. Also:
# the per-statement membership check that replaced review's foreign key
# refuses answers of a role that is not in the class.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages postgresql
. scripts/lib/jatta-binary.sh
. scripts/lib/class-server.sh

WORK=$(mktemp -d)
trap 'class_server_stop; rm -rf "$WORK"' EXIT
fail() { echo "class-bulk: FAIL: $*" >&2; exit 1; }

class_server_start "$WORK/server"
"$JATTA" class setup "$(class_url admin)" >/dev/null || fail "setup failed"
class_add_role prof prof-pw jatta_instructor
class_sql admin -c "SELECT jatta.create_class('TRIG', 'prof')" -c "SELECT jatta.create_class('BULK', 'prof')" \
    -c "SELECT jatta.add_student(c, s) FROM unnest(ARRAY['TRIG', 'BULK']) c, unnest(ARRAY['s1', 's2', 's3']::name[]) s" \
    >/dev/null

# The same answers for both classes: three students, 40 cards, quizzes in
# attempts of 7 answers with wrong options, review-state lapses, answers
# with and without a difficulty. LOG_FROM..LOG_TO picks a slice.
rows() { # CLASS FROM TO
    echo "INSERT INTO jatta.review (class_id, student, log_id, card_key, at, kind, rating, duration_ms, session,
        state_before, state_after, stability, difficulty, credit, chosen)
    SELECT '$1', s, g, 'card-' || ((g * 7 + length(s)) % 40), timestamptz '2026-09-01' + g * interval '1 minute',
        CASE WHEN g % 3 = 0 THEN 'quiz' ELSE 'study' END, 1 + (g * 13 + ascii(right(s, 1))) % 4, 500 + g,
        CASE WHEN g % 3 = 0 THEN 'attempt-' || (g / 21) ELSE 'study-' || (g / 50) END,
        CASE WHEN g > 40 THEN 2 END, 2, 1 + g % 9, CASE WHEN g % 5 = 0 THEN NULL ELSE 1 + (g % 89) / 10.0 END,
        CASE WHEN g % 3 = 0 THEN ((g * 13 + ascii(right(s, 1))) % 4) / 3.0 END,
        CASE WHEN g % 3 = 0 AND (g * 13 + ascii(right(s, 1))) % 4 < 3 THEN 'wrong ' || (g % 4) END
    FROM unnest(ARRAY['s1', 's2', 's3']::name[]) s, generate_series($2, $3) g
    ON CONFLICT DO NOTHING"
}

# Through the trigger: uneven batches that cut quiz attempts, one batch
# sent again, one overlapping the previous.
for range in "1 50" "51 130" "51 130" "120 200" "201 333"; do
    set -- $range
    class_sql admin -c "$(rows TRIG "$1" "$2")" >/dev/null || fail "trigger batch $range failed"
done
# In bulk: trigger off, every row in one statement, then the same rule.
class_sql admin -c "ALTER TABLE jatta.review DISABLE TRIGGER review_summaries" -c "$(rows BULK 1 333)" \
    -c "ALTER TABLE jatta.review ENABLE TRIGGER review_summaries" >/dev/null || fail "bulk load failed"
class_sql admin -c "CREATE TEMP VIEW fresh AS SELECT * FROM jatta.review WHERE class_id = 'BULK'" \
    -c "SELECT jatta.summarise_loaded()" >/dev/null || fail "summarise_loaded failed"

[ "$(class_sql admin -c "SELECT count(*) FROM jatta.review WHERE class_id = 'TRIG'")" = 999 ] || fail "rows stored twice"
# Every summary table, both ways round; sums of marks (stored as real) to
# 4 places, since batches add them up in another order.
compare() { # TABLE COLUMNS
    local q="SELECT $2 FROM jatta.$1 WHERE class_id = "
    local diff
    diff=$(class_sql admin -c "($q'TRIG' EXCEPT $q'BULK') UNION ALL ($q'BULK' EXCEPT $q'TRIG')")
    [ -z "$diff" ] || fail "$1 differs between the trigger and the bulk rule: $diff"
    [ "$(class_sql admin -c "SELECT count(*) FROM jatta.$1 WHERE class_id = 'TRIG'")" -gt 0 ] || fail "$1 is empty"
}
compare student_card "student, card_key, reviews, lapses, round(difficulty::numeric, 4), last_log_id, last_at"
compare card_summary "card_key, students, reviews, lapses, review_state_reviews, review_state_passed,
    round(difficulty_sum::numeric, 4), difficulty_count, duration_ms"
compare student_summary "student, cards_seen, reviews, review_state_reviews, review_state_passed, duration_ms,
    last_at, last_log_id"
compare quiz_attempt "student, session, round(marks::numeric, 4), questions"
compare item_sums "card_key, round(attempts::numeric, 4), round(sum_mark::numeric, 4), round(sum_rest::numeric, 4),
    round(sum_mark_squared::numeric, 4), round(sum_rest_squared::numeric, 4), round(sum_product::numeric, 4)"
compare wrong_option "card_key, chosen, times"

# Answers of a role outside the class are refused, once per statement.
if class_sql admin -c "$(rows TRIG 400 401 | sed "s/ARRAY\['s1', 's2', 's3'\]/ARRAY['prof']/")" >"$WORK/out" 2>&1; then
    fail "answers of a non-member were stored"
fi
grep -q "not a member" "$WORK/out" || fail "no membership message: $(cat "$WORK/out")"
echo "class-bulk: ok"
