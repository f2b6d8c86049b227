/// The fourth class migration: a sync costs work per batch, not per row,
/// and students send what the report needs beyond their answers (where each
/// card sits in its deck, their readiness for the class's exam).
extension ClassSchema {
    /// What `class-4-set-based-sync` changes, and why:
    ///
    /// - `review`'s foreign key to `member` fired one check per inserted
    ///   row; the summary rule now checks membership once per statement.
    /// - The card policies asked `is_member()` / `teaches()` per row (a
    ///   function call with its own settings each time); they are subqueries
    ///   now, evaluated once per statement, as `review`'s insert policy was.
    /// - Students may fill in a card's `line` while it has none (the first
    ///   deck that says where a card sits wins; an instructor may correct it).
    /// - `readiness`: each student's forecast for the class's exam date, one
    ///   row per sync that sent one, never changed afterwards.
    /// - `jatta.set_exam_date`: the instructor sets their class's exam date.
    /// - The summary rule (`summaryRule`) becomes the body of both the
    ///   trigger and `jatta.summarise_loaded()`, so rows loaded in bulk with
    ///   the trigger off get their summaries by the same SQL.
    static let setBasedSync = """
        ALTER TABLE jatta.review DROP CONSTRAINT review_class_id_student_fkey;

        DROP POLICY card_read ON jatta.card;
        CREATE POLICY card_member_read ON jatta.card FOR SELECT TO jatta_student
            USING (class_id IN (SELECT m.class_id FROM jatta.member m WHERE m.student = session_user));
        CREATE POLICY card_instructor_read ON jatta.card FOR SELECT TO jatta_instructor
            USING (class_id IN (SELECT c.id FROM jatta.class c WHERE c.instructor = session_user));
        DROP POLICY card_student_add ON jatta.card;
        CREATE POLICY card_student_add ON jatta.card FOR INSERT TO jatta_student
            WITH CHECK (class_id IN (SELECT m.class_id FROM jatta.member m WHERE m.student = session_user));
        GRANT UPDATE (line) ON jatta.card TO jatta_student;
        CREATE POLICY card_student_line ON jatta.card FOR UPDATE TO jatta_student
            USING (line IS NULL AND class_id IN (SELECT m.class_id FROM jatta.member m WHERE m.student = session_user))
            WITH CHECK (class_id IN (SELECT m.class_id FROM jatta.member m WHERE m.student = session_user));

        CREATE TABLE jatta.readiness (
            class_id text NOT NULL,
            student name NOT NULL DEFAULT session_user,
            computed_at timestamptz NOT NULL,
            exam_date date NOT NULL,
            cards integer NOT NULL CHECK (cards >= 0),
            ready_today integer NOT NULL CHECK (ready_today BETWEEN 0 AND cards),
            ready_with_plan integer NOT NULL CHECK (ready_with_plan BETWEEN 0 AND cards),
            PRIMARY KEY (class_id, student, computed_at)
        );
        ALTER TABLE jatta.readiness ENABLE ROW LEVEL SECURITY;
        REVOKE ALL ON jatta.readiness FROM PUBLIC;
        GRANT SELECT, INSERT ON jatta.readiness TO jatta_student;
        GRANT SELECT ON jatta.readiness TO jatta_instructor;
        CREATE POLICY readiness_own_read ON jatta.readiness FOR SELECT TO jatta_student
            USING (student = session_user);
        CREATE POLICY readiness_own_insert ON jatta.readiness FOR INSERT TO jatta_student
            WITH CHECK (student = session_user
                        AND class_id IN (SELECT m.class_id FROM jatta.member m WHERE m.student = session_user));
        CREATE POLICY readiness_class ON jatta.readiness FOR SELECT TO jatta_instructor
            USING (jatta.teaches(class_id));

        CREATE FUNCTION jatta.set_exam_date(target_class text, new_date date) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = jatta, pg_temp AS $$
        BEGIN
            UPDATE jatta.class SET exam_date = new_date WHERE id = target_class AND instructor = session_user;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'not a class of yours: %', target_class USING ERRCODE = 'insufficient_privilege';
            END IF;
        END $$;
        REVOKE ALL ON FUNCTION jatta.set_exam_date(text, date) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION jatta.set_exam_date(text, date) TO jatta_instructor;

        CREATE OR REPLACE FUNCTION jatta.summarise_reviews() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = jatta, pg_temp AS $$
        BEGIN
        \(summaryRule)
            RETURN NULL;
        END $$;

        -- For an administrator's bulk load: the rows loaded with the trigger
        -- off, named `fresh` in pg_temp (a temporary table or view), get
        -- their summaries by the trigger's own rule. Not SECURITY DEFINER:
        -- only who may write the summaries may run it.
        CREATE FUNCTION jatta.summarise_loaded() RETURNS void
        LANGUAGE plpgsql SET search_path = jatta, pg_temp AS $$
        BEGIN
        \(summaryRule)
        END $$;
        REVOKE ALL ON FUNCTION jatta.summarise_loaded() FROM PUBLIC;
        """

    /// How rows just stored in `review` (the relation `fresh`) change the
    /// summaries: the one rule for the trigger and for a bulk load. Every
    /// statement is set-based over `fresh` and its upserts go in key order,
    /// so concurrent syncs lock summary rows in one order and cannot
    /// deadlock on them. Quiz statements run only when quiz answers came.
    static let summaryRule = """
            -- Only members' answers: checked once per statement (a foreign
            -- key would check every row).
            IF EXISTS (
                SELECT 1 FROM (SELECT DISTINCT class_id, student FROM fresh) f
                WHERE NOT EXISTS (SELECT 1 FROM member m WHERE m.class_id = f.class_id AND m.student = f.student)
            ) THEN
                RAISE EXCEPTION 'answers of a role that is not a member of the class'
                    USING ERRCODE = 'foreign_key_violation';
            END IF;

            IF EXISTS (SELECT 1 FROM fresh WHERE kind = 'quiz') THEN
                -- Item sums first, while quiz_attempt still holds the totals
                -- before this statement: when a batch adds answers to an
                -- attempt already stored, the attempt's earlier answers change
                -- their "rest of the test", so their old terms are taken out
                -- and every answer of the attempt is added back with the new
                -- total.
                -- Each attempt carries the log ids it got now, so telling an
                -- attempt's new answers from its earlier ones is a look at a
                -- few ids, not a join with the whole batch (which the
                -- planner, blind to a transition table's size, made a
                -- nested loop: quadratic in the batch).
                WITH touched AS (
                    SELECT class_id, student, session, sum(credit) AS added, array_agg(log_id) AS new_ids
                    FROM fresh WHERE kind = 'quiz' AND credit IS NOT NULL AND session IS NOT NULL
                    GROUP BY class_id, student, session
                ), totals AS (
                    -- LATERAL: the planner knows nothing of a transition
                    -- table's size, and must not trade these key lookups for
                    -- scans of tables that grow with the class.
                    SELECT t.class_id, t.student, t.session, t.new_ids, coalesce(a.marks, 0) AS old_total,
                           coalesce(a.marks, 0) + t.added AS new_total
                    FROM touched t LEFT JOIN LATERAL (
                        SELECT q.marks FROM quiz_attempt q
                        WHERE q.class_id = t.class_id AND q.student = t.student AND q.session = t.session
                    ) a ON true
                ), answers AS (
                    SELECT r.class_id, r.card_key, r.credit AS x, t.new_total, t.old_total,
                           r.log_id = ANY (t.new_ids) AS is_new
                    FROM totals t CROSS JOIN LATERAL (
                        SELECT r.class_id, r.log_id, r.card_key, r.credit FROM review r
                        WHERE r.class_id = t.class_id AND r.student = t.student AND r.session = t.session
                          AND r.kind = 'quiz' AND r.credit IS NOT NULL
                    ) r
                ), terms AS (
                    SELECT class_id, card_key, 1 AS sign, x, new_total - x AS y FROM answers
                    UNION ALL
                    SELECT class_id, card_key, -1, x, old_total - x FROM answers WHERE NOT is_new
                )
                INSERT INTO item_sums AS i (class_id, card_key, attempts, sum_mark, sum_rest, sum_mark_squared,
                    sum_rest_squared, sum_product)
                SELECT class_id, card_key, sum(sign), sum(sign * x), sum(sign * y), sum(sign * x * x),
                       sum(sign * y * y), sum(sign * x * y)
                FROM terms GROUP BY class_id, card_key ORDER BY class_id, card_key
                ON CONFLICT (class_id, card_key) DO UPDATE SET
                    attempts = i.attempts + EXCLUDED.attempts,
                    sum_mark = i.sum_mark + EXCLUDED.sum_mark,
                    sum_rest = i.sum_rest + EXCLUDED.sum_rest,
                    sum_mark_squared = i.sum_mark_squared + EXCLUDED.sum_mark_squared,
                    sum_rest_squared = i.sum_rest_squared + EXCLUDED.sum_rest_squared,
                    sum_product = i.sum_product + EXCLUDED.sum_product;

                INSERT INTO wrong_option AS w (class_id, card_key, chosen, times)
                SELECT class_id, card_key, chosen, count(*)
                FROM fresh WHERE kind = 'quiz' AND credit < 1 AND chosen <> ''
                GROUP BY class_id, card_key, chosen ORDER BY class_id, card_key, chosen
                ON CONFLICT (class_id, card_key, md5(chosen)) DO UPDATE SET times = w.times + EXCLUDED.times;

                INSERT INTO quiz_attempt AS q (class_id, student, session, marks, questions)
                SELECT class_id, student, session, sum(credit), count(*)
                FROM fresh WHERE kind = 'quiz' AND credit IS NOT NULL AND session IS NOT NULL
                GROUP BY class_id, student, session ORDER BY class_id, student, session
                ON CONFLICT (class_id, student, session) DO UPDATE SET
                    marks = q.marks + EXCLUDED.marks, questions = q.questions + EXCLUDED.questions;
            END IF;

            WITH per_student_card AS (
                SELECT class_id, student, card_key, count(*) AS reviews,
                       count(*) FILTER (WHERE rating = 1 AND state_before = 2) AS lapses,
                       max(at) AS last_at, max(log_id) AS last_log_id,
                       (array_agg(difficulty ORDER BY log_id DESC))[1] AS difficulty
                FROM fresh GROUP BY class_id, student, card_key
            ), merged AS (
                -- Each (student, card) with what the table holds now, looked
                -- up by key (LATERAL), and the values it will hold.
                SELECT p.class_id, p.student, p.card_key, p.reviews, p.lapses, p.last_log_id, p.last_at,
                       s.card_key IS NULL AS first_time, s.difficulty AS old_difficulty,
                       CASE WHEN s.card_key IS NULL OR p.last_log_id > s.last_log_id
                            THEN coalesce(p.difficulty, s.difficulty) ELSE s.difficulty END AS difficulty
                FROM per_student_card p LEFT JOIN LATERAL (
                    SELECT s.card_key, s.difficulty, s.last_log_id FROM student_card s
                    WHERE s.class_id = p.class_id AND s.student = p.student AND s.card_key = p.card_key
                ) s ON true
            ), upserted AS (
                INSERT INTO student_card AS s
                    (class_id, student, card_key, reviews, lapses, difficulty, last_log_id, last_at)
                SELECT class_id, student, card_key, reviews, lapses, difficulty, last_log_id, last_at
                FROM merged ORDER BY class_id, student, card_key
                ON CONFLICT (class_id, student, card_key) DO UPDATE SET
                    reviews = s.reviews + EXCLUDED.reviews,
                    lapses = s.lapses + EXCLUDED.lapses,
                    difficulty = EXCLUDED.difficulty,
                    last_log_id = greatest(s.last_log_id, EXCLUDED.last_log_id),
                    last_at = greatest(s.last_at, EXCLUDED.last_at)
                RETURNING 1
            ), card_changes AS (
                SELECT class_id, card_key, count(*) FILTER (WHERE first_time) AS students,
                       sum(coalesce(difficulty, 0) - coalesce(old_difficulty, 0)) AS difficulty_change,
                       sum((difficulty IS NOT NULL)::int - (old_difficulty IS NOT NULL)::int) AS difficulty_count_change
                FROM merged GROUP BY class_id, card_key
            ), per_card AS (
                SELECT class_id, card_key, count(*) AS reviews,
                       count(*) FILTER (WHERE rating = 1 AND state_before = 2) AS lapses,
                       count(*) FILTER (WHERE state_before = 2) AS review_state_reviews,
                       count(*) FILTER (WHERE state_before = 2 AND rating > 1) AS review_state_passed,
                       coalesce(sum(duration_ms), 0) AS duration_ms
                FROM fresh GROUP BY class_id, card_key
            ), cards AS (
                INSERT INTO card_summary AS c (class_id, card_key, students, reviews, lapses, review_state_reviews,
                    review_state_passed, difficulty_sum, difficulty_count, duration_ms)
                SELECT p.class_id, p.card_key, coalesce(k.students, 0), p.reviews, p.lapses, p.review_state_reviews,
                       p.review_state_passed, coalesce(k.difficulty_change, 0), coalesce(k.difficulty_count_change, 0),
                       p.duration_ms
                FROM per_card p LEFT JOIN card_changes k USING (class_id, card_key)
                ORDER BY p.class_id, p.card_key
                ON CONFLICT (class_id, card_key) DO UPDATE SET
                    students = c.students + EXCLUDED.students,
                    reviews = c.reviews + EXCLUDED.reviews,
                    lapses = c.lapses + EXCLUDED.lapses,
                    review_state_reviews = c.review_state_reviews + EXCLUDED.review_state_reviews,
                    review_state_passed = c.review_state_passed + EXCLUDED.review_state_passed,
                    difficulty_sum = c.difficulty_sum + EXCLUDED.difficulty_sum,
                    difficulty_count = c.difficulty_count + EXCLUDED.difficulty_count,
                    duration_ms = c.duration_ms + EXCLUDED.duration_ms
                RETURNING 1
            ), new_cards AS (
                SELECT class_id, student, count(*) FILTER (WHERE first_time) AS cards
                FROM merged GROUP BY class_id, student
            ), per_student AS (
                SELECT class_id, student, count(*) AS reviews,
                       count(*) FILTER (WHERE state_before = 2) AS review_state_reviews,
                       count(*) FILTER (WHERE state_before = 2 AND rating > 1) AS review_state_passed,
                       coalesce(sum(duration_ms), 0) AS duration_ms, max(at) AS last_at, max(log_id) AS last_log_id
                FROM fresh GROUP BY class_id, student
            )
            INSERT INTO student_summary AS s (class_id, student, cards_seen, reviews, review_state_reviews,
                review_state_passed, duration_ms, last_at, last_log_id)
            SELECT p.class_id, p.student, n.cards, p.reviews, p.review_state_reviews, p.review_state_passed,
                   p.duration_ms, p.last_at, p.last_log_id
            FROM per_student p JOIN new_cards n USING (class_id, student)
            ORDER BY p.class_id, p.student
            ON CONFLICT (class_id, student) DO UPDATE SET
                cards_seen = s.cards_seen + EXCLUDED.cards_seen,
                reviews = s.reviews + EXCLUDED.reviews,
                review_state_reviews = s.review_state_reviews + EXCLUDED.review_state_reviews,
                review_state_passed = s.review_state_passed + EXCLUDED.review_state_passed,
                duration_ms = s.duration_ms + EXCLUDED.duration_ms,
                last_at = greatest(s.last_at, EXCLUDED.last_at),
                last_log_id = greatest(s.last_log_id, EXCLUDED.last_log_id);
    """
}
