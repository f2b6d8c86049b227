/// The class store's schema on PostgreSQL, as migrations applied in order by
/// `jatta class setup` (an administrator's role). Like the local store's,
/// migrations are only ever appended, never edited; `jatta.migration` lists
/// those applied. docs/class.md explains every table.
///
/// Who may do what is decided by the server, not by jatta: every student
/// and instructor logs in as their own role, and row-level security hides
/// and protects rows. Students may insert and read only their own rows and
/// can never change or delete one; an instructor reads the classes they own.
/// The summary tables are written only by a trigger that runs as the
/// schema's owner.
public enum ClassSchema {
    /// The migrations, oldest first: (name, SQL).
    public static let migrations: [(name: String, sql: String)] = [
        ("class-1-tables", tables),
        ("class-2-summaries", summaries),
        ("class-3-security", security),
        ("class-4-set-based-sync", setBasedSync),
    ]

    /// Classes, their members, the decks' cards and the review log.
    /// `review` is keyed by the student's own log id, so a row sent twice is
    /// stored once; its state and stability are the card's after the answer,
    /// `state_before` is what true retention and lapses are counted from
    /// (2 = review, as FSRS numbers states). `credit` (0…1) and `chosen`
    /// exist for quiz answers only.
    static let tables = """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jatta_student') THEN
                CREATE ROLE jatta_student NOLOGIN;
            END IF;
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jatta_instructor') THEN
                CREATE ROLE jatta_instructor NOLOGIN;
            END IF;
        END $$;

        CREATE TABLE jatta.class (
            id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_.-]{1,64}$'),
            title text NOT NULL DEFAULT '',
            instructor name NOT NULL,
            exam_date date,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX class_by_instructor ON jatta.class (instructor);

        CREATE TABLE jatta.member (
            class_id text NOT NULL REFERENCES jatta.class (id),
            student name NOT NULL,
            PRIMARY KEY (class_id, student)
        );
        CREATE INDEX member_by_student ON jatta.member (student);

        CREATE TABLE jatta.card (
            class_id text NOT NULL REFERENCES jatta.class (id),
            card_key text NOT NULL CHECK (length(card_key) <= 300),
            deck_file text NOT NULL CHECK (length(deck_file) <= 1000),
            prompt text NOT NULL CHECK (length(prompt) <= 20000),
            level smallint CHECK (level BETWEEN 1 AND 3),
            line integer CHECK (line > 0),
            PRIMARY KEY (class_id, card_key)
        );

        CREATE TABLE jatta.review (
            class_id text NOT NULL,
            student name NOT NULL DEFAULT session_user,
            log_id bigint NOT NULL CHECK (log_id > 0),
            card_key text NOT NULL CHECK (length(card_key) <= 300),
            at timestamptz NOT NULL,
            kind text NOT NULL CHECK (kind IN ('study', 'quiz', 'override')),
            rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 4),
            duration_ms integer CHECK (duration_ms >= 0),
            session text CHECK (length(session) <= 200),
            state_before smallint CHECK (state_before BETWEEN 1 AND 3),
            state_after smallint CHECK (state_after BETWEEN 1 AND 3),
            stability real,
            difficulty real,
            credit real CHECK (credit BETWEEN 0 AND 1),
            chosen text CHECK (length(chosen) <= 5000),
            PRIMARY KEY (class_id, student, log_id),
            FOREIGN KEY (class_id, student) REFERENCES jatta.member (class_id, student)
        );
        -- A quiz attempt's answers, for the item sums when a later batch
        -- adds to an attempt already stored.
        CREATE INDEX review_quiz_attempt ON jatta.review (class_id, student, session)
            WHERE kind = 'quiz' AND credit IS NOT NULL;
        """

    /// Per-card and per-student figures kept up to date by one statement
    /// trigger on `review`, so a report reads a few thousand summary rows
    /// instead of the whole log. The trigger sees only rows actually
    /// inserted (a row sent twice adds nothing). `student_card` keeps each
    /// student's latest difficulty of a card; `card_summary.difficulty_sum`
    /// is the sum of those, so the class mean follows every answer.
    /// `quiz_attempt` holds each quiz session's total mark, the "rest of the
    /// test" of Moodle's discrimination index; `item_sums` that index's
    /// running sums per card, `wrong_option` the counts of wrong choices.
    static let summaries = """
        CREATE TABLE jatta.student_card (
            class_id text NOT NULL,
            student name NOT NULL,
            card_key text NOT NULL,
            reviews integer NOT NULL,
            lapses integer NOT NULL,
            difficulty real,
            last_log_id bigint NOT NULL,
            last_at timestamptz NOT NULL,
            PRIMARY KEY (class_id, student, card_key)
        );

        CREATE TABLE jatta.card_summary (
            class_id text NOT NULL,
            card_key text NOT NULL,
            students integer NOT NULL,
            reviews bigint NOT NULL,
            lapses bigint NOT NULL,
            review_state_reviews bigint NOT NULL,
            review_state_passed bigint NOT NULL,
            difficulty_sum double precision NOT NULL,
            difficulty_count integer NOT NULL,
            duration_ms bigint NOT NULL,
            PRIMARY KEY (class_id, card_key)
        );

        CREATE TABLE jatta.student_summary (
            class_id text NOT NULL,
            student name NOT NULL,
            cards_seen integer NOT NULL,
            reviews bigint NOT NULL,
            review_state_reviews bigint NOT NULL,
            review_state_passed bigint NOT NULL,
            duration_ms bigint NOT NULL,
            last_at timestamptz NOT NULL,
            last_log_id bigint NOT NULL,
            PRIMARY KEY (class_id, student)
        );

        CREATE TABLE jatta.quiz_attempt (
            class_id text NOT NULL,
            student name NOT NULL,
            session text NOT NULL,
            marks double precision NOT NULL,
            questions integer NOT NULL,
            PRIMARY KEY (class_id, student, session)
        );

        -- Moodle's item analysis as running sums per card (see ItemAnalysis):
        -- x the mark, y the rest of the attempt.
        CREATE TABLE jatta.item_sums (
            class_id text NOT NULL,
            card_key text NOT NULL,
            attempts double precision NOT NULL,
            sum_mark double precision NOT NULL,
            sum_rest double precision NOT NULL,
            sum_mark_squared double precision NOT NULL,
            sum_rest_squared double precision NOT NULL,
            sum_product double precision NOT NULL,
            PRIMARY KEY (class_id, card_key)
        );

        -- How often each wrong option was chosen (keyed by its hash: an
        -- option may be longer than an index entry may be).
        CREATE TABLE jatta.wrong_option (
            class_id text NOT NULL,
            card_key text NOT NULL,
            chosen text NOT NULL,
            times bigint NOT NULL
        );
        CREATE UNIQUE INDEX wrong_option_key ON jatta.wrong_option (class_id, card_key, md5(chosen));

        CREATE FUNCTION jatta.summarise_reviews() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = jatta, pg_temp AS $$
        BEGIN
            -- Item sums first, while quiz_attempt still holds the totals
            -- before this statement: when a batch adds answers to an attempt
            -- already stored, the attempt's earlier answers change their
            -- "rest of the test", so their old terms are taken out and every
            -- answer of the attempt is added back with the new total.
            -- Upserts go in key order, so concurrent syncs lock summary rows
            -- in one order and cannot deadlock on them.
            WITH touched AS (
                SELECT class_id, student, session, sum(credit) AS added
                FROM fresh WHERE kind = 'quiz' AND credit IS NOT NULL AND session IS NOT NULL
                GROUP BY class_id, student, session
            ), totals AS (
                -- LATERAL: the planner knows nothing of a transition table's
                -- size, and must not trade these key lookups for scans of
                -- tables that grow with the class.
                SELECT t.class_id, t.student, t.session, coalesce(a.marks, 0) AS old_total,
                       coalesce(a.marks, 0) + t.added AS new_total
                FROM touched t LEFT JOIN LATERAL (
                    SELECT q.marks FROM quiz_attempt q
                    WHERE q.class_id = t.class_id AND q.student = t.student AND q.session = t.session
                ) a ON true
            ), fresh_ids AS (
                SELECT class_id, student, log_id FROM fresh
            ), answers AS (
                SELECT r.class_id, r.card_key, r.credit AS x, t.new_total, t.old_total, f.log_id IS NOT NULL AS is_new
                FROM totals t CROSS JOIN LATERAL (
                    SELECT r.class_id, r.student, r.log_id, r.card_key, r.credit FROM review r
                    WHERE r.class_id = t.class_id AND r.student = t.student AND r.session = t.session
                      AND r.kind = 'quiz' AND r.credit IS NOT NULL
                ) r
                LEFT JOIN fresh_ids f ON f.class_id = r.class_id AND f.student = r.student AND f.log_id = r.log_id
            ), terms AS (
                SELECT class_id, card_key, 1 AS sign, x, new_total - x AS y FROM answers
                UNION ALL
                SELECT class_id, card_key, -1, x, old_total - x FROM answers WHERE NOT is_new
            )
            INSERT INTO item_sums AS i (class_id, card_key, attempts, sum_mark, sum_rest, sum_mark_squared,
                sum_rest_squared, sum_product)
            SELECT class_id, card_key, sum(sign), sum(sign * x), sum(sign * y), sum(sign * x * x), sum(sign * y * y),
                   sum(sign * x * y)
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

            WITH per_student_card AS (
                SELECT class_id, student, card_key, count(*) AS reviews,
                       count(*) FILTER (WHERE rating = 1 AND state_before = 2) AS lapses,
                       max(at) AS last_at, max(log_id) AS last_log_id,
                       (array_agg(difficulty ORDER BY log_id DESC))[1] AS difficulty
                FROM fresh GROUP BY class_id, student, card_key
            ), merged AS (
                -- Each (student, card) with what the table holds now, looked
                -- up by key (LATERAL), and the values it will hold: a join
                -- of two CTEs would be planned as a nested loop over
                -- thousands of rows each.
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
            ), changes AS (
                SELECT class_id, student, card_key, first_time,
                       coalesce(difficulty, 0) - coalesce(old_difficulty, 0) AS difficulty_change,
                       (difficulty IS NOT NULL)::int - (old_difficulty IS NOT NULL)::int AS difficulty_count_change
                FROM merged
            ), per_card AS (
                SELECT class_id, card_key, count(*) AS reviews,
                       count(*) FILTER (WHERE rating = 1 AND state_before = 2) AS lapses,
                       count(*) FILTER (WHERE state_before = 2) AS review_state_reviews,
                       count(*) FILTER (WHERE state_before = 2 AND rating > 1) AS review_state_passed,
                       coalesce(sum(duration_ms), 0) AS duration_ms
                FROM fresh GROUP BY class_id, card_key
            ), card_changes AS (
                SELECT class_id, card_key, count(*) FILTER (WHERE first_time) AS students,
                       sum(difficulty_change) AS difficulty_change, sum(difficulty_count_change) AS difficulty_count_change
                FROM changes GROUP BY class_id, card_key
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
            ), per_student AS (
                SELECT f.class_id, f.student, count(*) AS reviews,
                       count(*) FILTER (WHERE state_before = 2) AS review_state_reviews,
                       count(*) FILTER (WHERE state_before = 2 AND rating > 1) AS review_state_passed,
                       coalesce(sum(duration_ms), 0) AS duration_ms, max(at) AS last_at, max(log_id) AS last_log_id,
                       (SELECT count(*) FROM changes c
                        WHERE c.first_time AND c.class_id = f.class_id AND c.student = f.student) AS new_cards
                FROM fresh f GROUP BY f.class_id, f.student
            ), quiz AS (
                INSERT INTO quiz_attempt AS q (class_id, student, session, marks, questions)
                SELECT class_id, student, session, sum(credit), count(*)
                FROM fresh WHERE kind = 'quiz' AND credit IS NOT NULL AND session IS NOT NULL
                GROUP BY class_id, student, session ORDER BY class_id, student, session
                ON CONFLICT (class_id, student, session) DO UPDATE SET
                    marks = q.marks + EXCLUDED.marks, questions = q.questions + EXCLUDED.questions
                RETURNING 1
            )
            INSERT INTO student_summary AS s (class_id, student, cards_seen, reviews, review_state_reviews,
                review_state_passed, duration_ms, last_at, last_log_id)
            SELECT class_id, student, new_cards, reviews, review_state_reviews, review_state_passed, duration_ms,
                   last_at, last_log_id
            FROM per_student ORDER BY class_id, student
            ON CONFLICT (class_id, student) DO UPDATE SET
                cards_seen = s.cards_seen + EXCLUDED.cards_seen,
                reviews = s.reviews + EXCLUDED.reviews,
                review_state_reviews = s.review_state_reviews + EXCLUDED.review_state_reviews,
                review_state_passed = s.review_state_passed + EXCLUDED.review_state_passed,
                duration_ms = s.duration_ms + EXCLUDED.duration_ms,
                last_at = greatest(s.last_at, EXCLUDED.last_at),
                last_log_id = greatest(s.last_log_id, EXCLUDED.last_log_id);
            RETURN NULL;
        END $$;

        CREATE TRIGGER review_summaries AFTER INSERT ON jatta.review
            REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION jatta.summarise_reviews();
        """

    /// Roles and row-level security. Nothing is granted to PUBLIC; students
    /// get SELECT and INSERT on their own rows only (no UPDATE, no DELETE:
    /// a row once sent stays as sent), instructors SELECT on the classes
    /// whose `instructor` they are, plus the right to record where each card
    /// sits in its deck. `class`, `member` and the summaries are written
    /// only by the administrator and the trigger.
    static let security = """
        REVOKE ALL ON ALL TABLES IN SCHEMA jatta FROM PUBLIC;
        REVOKE ALL ON SCHEMA jatta FROM PUBLIC;
        REVOKE ALL ON FUNCTION jatta.summarise_reviews() FROM PUBLIC;
        GRANT USAGE ON SCHEMA jatta TO jatta_student, jatta_instructor;

        ALTER TABLE jatta.class ENABLE ROW LEVEL SECURITY;
        ALTER TABLE jatta.member ENABLE ROW LEVEL SECURITY;
        ALTER TABLE jatta.card ENABLE ROW LEVEL SECURITY;
        ALTER TABLE jatta.review ENABLE ROW LEVEL SECURITY;
        ALTER TABLE jatta.student_card ENABLE ROW LEVEL SECURITY;
        ALTER TABLE jatta.card_summary ENABLE ROW LEVEL SECURITY;
        ALTER TABLE jatta.student_summary ENABLE ROW LEVEL SECURITY;
        ALTER TABLE jatta.quiz_attempt ENABLE ROW LEVEL SECURITY;
        ALTER TABLE jatta.item_sums ENABLE ROW LEVEL SECURITY;
        ALTER TABLE jatta.wrong_option ENABLE ROW LEVEL SECURITY;

        -- Which classes the current role belongs to or teaches. SECURITY
        -- DEFINER so policies can ask without granting reads on other rows.
        CREATE FUNCTION jatta.is_member(target_class text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jatta, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM jatta.member m WHERE m.class_id = target_class AND m.student = session_user)
        $$;
        CREATE FUNCTION jatta.teaches(target_class text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = jatta, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM jatta.class c WHERE c.id = target_class AND c.instructor = session_user)
        $$;
        REVOKE ALL ON FUNCTION jatta.is_member(text), jatta.teaches(text) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION jatta.is_member(text), jatta.teaches(text) TO jatta_student, jatta_instructor;

        GRANT SELECT ON jatta.class TO jatta_student, jatta_instructor;
        CREATE POLICY class_visible ON jatta.class FOR SELECT
            USING (instructor = session_user OR jatta.is_member(id));

        GRANT SELECT ON jatta.member TO jatta_student, jatta_instructor;
        CREATE POLICY member_self ON jatta.member FOR SELECT TO jatta_student
            USING (student = session_user);
        CREATE POLICY member_of_own_class ON jatta.member FOR SELECT TO jatta_instructor
            USING (jatta.teaches(class_id));

        GRANT SELECT, INSERT ON jatta.card TO jatta_student;
        GRANT SELECT, INSERT, UPDATE ON jatta.card TO jatta_instructor;
        CREATE POLICY card_read ON jatta.card FOR SELECT
            USING (jatta.is_member(class_id) OR jatta.teaches(class_id));
        CREATE POLICY card_student_add ON jatta.card FOR INSERT TO jatta_student
            WITH CHECK (jatta.is_member(class_id));
        CREATE POLICY card_instructor_add ON jatta.card FOR INSERT TO jatta_instructor
            WITH CHECK (jatta.teaches(class_id));
        CREATE POLICY card_instructor_fix ON jatta.card FOR UPDATE TO jatta_instructor
            USING (jatta.teaches(class_id)) WITH CHECK (jatta.teaches(class_id));

        GRANT SELECT, INSERT ON jatta.review TO jatta_student;
        GRANT SELECT ON jatta.review TO jatta_instructor;
        CREATE POLICY review_own_read ON jatta.review FOR SELECT TO jatta_student
            USING (student = session_user);
        -- A subquery, not is_member(): evaluated once per statement rather
        -- than as a function call per inserted row.
        CREATE POLICY review_own_insert ON jatta.review FOR INSERT TO jatta_student
            WITH CHECK (student = session_user
                        AND class_id IN (SELECT m.class_id FROM jatta.member m WHERE m.student = session_user));
        CREATE POLICY review_instructor_read ON jatta.review FOR SELECT TO jatta_instructor
            USING (jatta.teaches(class_id));

        GRANT SELECT ON jatta.student_card, jatta.student_summary, jatta.quiz_attempt TO jatta_student, jatta_instructor;
        GRANT SELECT ON jatta.card_summary, jatta.item_sums, jatta.wrong_option TO jatta_instructor;
        CREATE POLICY student_card_own ON jatta.student_card FOR SELECT TO jatta_student USING (student = session_user);
        CREATE POLICY student_card_class ON jatta.student_card FOR SELECT TO jatta_instructor
            USING (jatta.teaches(class_id));
        CREATE POLICY student_summary_own ON jatta.student_summary FOR SELECT TO jatta_student
            USING (student = session_user);
        CREATE POLICY student_summary_class ON jatta.student_summary FOR SELECT TO jatta_instructor
            USING (jatta.teaches(class_id));
        CREATE POLICY quiz_attempt_own ON jatta.quiz_attempt FOR SELECT TO jatta_student USING (student = session_user);
        CREATE POLICY quiz_attempt_class ON jatta.quiz_attempt FOR SELECT TO jatta_instructor
            USING (jatta.teaches(class_id));
        CREATE POLICY card_summary_class ON jatta.card_summary FOR SELECT TO jatta_instructor
            USING (jatta.teaches(class_id));
        CREATE POLICY item_sums_class ON jatta.item_sums FOR SELECT TO jatta_instructor
            USING (jatta.teaches(class_id));
        CREATE POLICY wrong_option_class ON jatta.wrong_option FOR SELECT TO jatta_instructor
            USING (jatta.teaches(class_id));

        -- For the administrator: a class and its members in one call each.
        CREATE FUNCTION jatta.create_class(new_class text, instructor_role name, class_title text DEFAULT '')
        RETURNS void LANGUAGE sql AS $$
            INSERT INTO jatta.class (id, instructor, title) VALUES (new_class, instructor_role, class_title)
        $$;
        CREATE FUNCTION jatta.add_student(target_class text, student_role name) RETURNS void
        LANGUAGE sql AS $$
            INSERT INTO jatta.member (class_id, student) VALUES (target_class, student_role) ON CONFLICT DO NOTHING
        $$;
        REVOKE ALL ON FUNCTION jatta.create_class(text, name, text), jatta.add_student(text, name) FROM PUBLIC;
        """
}
