import FSRS
import Foundation
import ReviewStore

/// `jatta sync`: sends the student's answers the server does not have yet.
///
/// The server's own record (`student_summary.last_log_id`, kept by the
/// trigger in the transaction that stores the rows) says where to start, so
/// there is no local cursor to lose or to get ahead of the server. Rows go
/// oldest first in batches, one transaction each; the key (class, student,
/// log id) makes a row sent twice count once. A sync cut off in the middle
/// has committed whole batches only, and the next one starts after them.
public enum ClassSync {
    /// What one sync did.
    public struct Outcome: Equatable, Sendable {
        /// Answers sent (the server ignores those it already had).
        public var sent: Int
        /// Transactions committed.
        public var batches: Int
    }

    /// Rows per transaction. The summaries are upserted once per (student,
    /// card) and card per batch, so a larger batch does less of that work:
    /// a first sync of 50,000 answers over 5,000 cards upserts about 10,000
    /// summary rows in 2 batches, against 32,000 in 10 batches of 5,000
    /// (the server's CPU time was mostly that). A cut costs at most one
    /// batch, sent again by the next sync.
    public static let batchSize = 25_000

    /// The last log id the server holds from this role in this class, 0
    /// when none.
    public static func serverCursor(_ connection: PostgresConnection, classID: String) throws(ClassError) -> Int64 {
        let value = try connection.scalar(
            "SELECT last_log_id FROM jatta.student_summary WHERE class_id = $1 AND student = session_user", [classID])
        guard let value else { return 0 }
        guard let id = Int64(value) else { throw ClassError(.unexpectedReply, detail: "last_log_id") }
        return id
    }

    /// Checks the role may write to the class: a member (student) of it.
    public static func checkMembership(_ connection: PostgresConnection, classID: String) throws(ClassError) {
        let member = try connection.scalar("SELECT jatta.is_member($1)", [classID])
        guard member == "t" else { throw ClassError(.notMember, detail: classID) }
    }

    /// Sends everything after the server's cursor. `answers(after:limit:)`
    /// reads the local store (`ProgressStore.answers(after:limit:)`).
    public static func push(
        _ connection: PostgresConnection, classID: String, batchSize: Int = batchSize,
        answers: (Int64, Int) throws -> [SyncableAnswer]
    ) throws -> Outcome {
        var cursor = try serverCursor(connection, classID: classID)
        try checkSameStore(connection, classID: classID, cursor: cursor, answers: answers)
        var outcome = Outcome(sent: 0, batches: 0)
        while true {
            let batch = try answers(cursor, max(1, batchSize))
            guard let last = batch.last else { return outcome }
            try sendBatch(connection, parameters: parameters(classID: classID, batch: batch))
            outcome.sent += batch.count
            outcome.batches += 1
            cursor = last.entry.id
            // A short batch was the last: no need to ask the store again.
            if batch.count < max(1, batchSize) { return outcome }
        }
    }

    /// Refuses to send when the server's rows from this role came from
    /// another progress database (a second computer, a store begun anew):
    /// the server keys a role's rows by log id, and each store counts its
    /// own from 1, so this store's answers below the server's cursor were
    /// skipped and those at the same ids dropped as already held, and the
    /// sync said "nothing new to send". The answer the server holds at its
    /// cursor must be this store's answer with that id: the same card at
    /// the same time.
    static func checkSameStore(
        _ connection: PostgresConnection, classID: String, cursor: Int64, answers: (Int64, Int) throws -> [SyncableAnswer]
    ) throws {
        guard cursor > 0 else { return }
        let held = try connection.query(
            """
            SELECT card_key, round(extract(epoch FROM at) * 1000)::bigint FROM jatta.review
            WHERE class_id = $1 AND student = session_user AND log_id = $2
            """, [classID, String(cursor)])
        guard let row = held.first, row.count == 2, let serverKey = row[0], let serverTime = row[1].flatMap({ Int64($0) }) else {
            return
        }
        let mine = try answers(cursor - 1, 1).first
        let myTime = mine.map { Int64(($0.entry.time.timeIntervalSince1970 * 1000).rounded()) }
        guard let mine, mine.entry.id == cursor, mine.entry.key == serverKey, let myTime, abs(myTime - serverTime) <= 1
        else {
            throw ClassError(.otherStore, detail: classID)
        }
    }

    /// Sends one batch in one transaction: the batch is one statement, so
    /// it commits or fails whole by itself, with no BEGIN and COMMIT round
    /// trips. A deadlock or serialisation failure (another sync holding the
    /// same summary rows) only means "again": it is retried.
    static func sendBatch(_ connection: PostgresConnection, parameters: [String?]) throws(ClassError) {
        var attempt = 0
        while true {
            do {
                try connection.query(insertSQL, parameters)
                return
            } catch {
                attempt += 1
                guard case .server(let state) = error.kind, ["40P01", "40001"].contains(state), attempt < 5 else {
                    throw error
                }
            }
        }
    }

    /// One statement per batch: the answers arrive as one array parameter
    /// per column and are unpacked by the server, so nothing is pasted into
    /// SQL. The cards they name, each once, are registered in the same
    /// statement when the class does not have them yet (looked up first, so
    /// a card already there costs one index probe, not an attempted insert).
    static let insertSQL = """
        WITH cards AS (
            INSERT INTO jatta.card (class_id, card_key, deck_file, prompt, level)
            SELECT $1, c.card_key, c.deck_file, c.prompt, c.level
            FROM unnest($15::text[], $16::text[], $17::text[], $18::smallint[]) AS c(card_key, deck_file, prompt, level)
            WHERE NOT EXISTS (SELECT 1 FROM jatta.card k WHERE k.class_id = $1 AND k.card_key = c.card_key)
            ON CONFLICT DO NOTHING
            RETURNING 1
        )
        INSERT INTO jatta.review (class_id, student, log_id, card_key, at, kind, rating, duration_ms, session,
            state_before, state_after, stability, difficulty, credit, chosen)
        SELECT $1, session_user, r.log_id, r.card_key, to_timestamp(r.at_ms / 1000.0), r.kind, r.rating,
            r.duration_ms, r.session, r.state_before, r.state_after, r.stability, r.difficulty, r.credit, r.chosen
        FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::smallint[], $7::integer[], $8::text[],
            $9::smallint[], $10::smallint[], $11::real[], $12::real[], $13::real[], $14::text[])
            AS r(log_id, card_key, at_ms, kind, rating, duration_ms, session, state_before, state_after, stability,
                 difficulty, credit, chosen)
        ORDER BY r.log_id
        ON CONFLICT DO NOTHING
        """

    /// The statement's parameters for `batch`: the class, then the answers'
    /// columns, then the cards' (each card once, as its latest answer names
    /// it). An answer without a rating (none is sent) is left out.
    static func parameters(classID: String, batch: [SyncableAnswer]) -> [String?] {
        var answers = Array(repeating: PostgresArrayLiteral(), count: 13)
        var cards: [String: SyncableAnswer] = [:]
        var cardOrder: [String] = []
        for answer in batch {
            let entry = answer.entry
            guard let rating = entry.rating else { continue }
            let memory = entry.after.schedule?.memory
            let quiz = entry.kind == .quiz ? answer.quiz : nil
            answers[0].append(entry.id)
            answers[1].append(entry.key)
            answers[2].append(Int64((entry.time.timeIntervalSince1970 * 1000).rounded()))
            answers[3].append(entry.kind.rawValue)
            answers[4].append(rating.rawValue)
            answers[5].append(entry.durationMilliseconds)
            answers[6].append(entry.sessionID)
            answers[7].append(entry.before.schedule?.state.rawValue)
            answers[8].append(entry.after.schedule?.state.rawValue)
            answers[9].append(memory?.stability)
            answers[10].append(memory?.difficulty)
            answers[11].append(quiz?.credit)
            answers[12].append(quiz?.chosen)
            if cards.updateValue(answer, forKey: entry.key) == nil { cardOrder.append(entry.key) }
        }
        var cardColumns = Array(repeating: PostgresArrayLiteral(), count: 4)
        for key in cardOrder {
            guard let answer = cards[key] else { continue }
            cardColumns[0].append(key)
            cardColumns[1].append(answer.entry.deckFile)
            cardColumns[2].append(answer.prompt)
            cardColumns[3].append(answer.level.flatMap { (1...3).contains($0) ? $0 : nil })
        }
        return [classID] + answers.map(\.literal) + cardColumns.map(\.literal)
    }
}

extension ClassSync {
    /// Fills in where each card sits in its deck (`FILE:LINE` in the report)
    /// for the class's cards that have no line yet, from the decks the
    /// student studied: the local store keeps no lines, the loaded decks do.
    /// One statement; a card that has a line keeps it.
    public static func publishLines(_ connection: PostgresConnection, classID: String, lines: [String: Int])
        throws(ClassError)
    {
        var keys = PostgresArrayLiteral()
        var numbers = PostgresArrayLiteral()
        for (key, line) in lines.sorted(by: { $0.key < $1.key }) where line > 0 {
            keys.append(key)
            numbers.append(line)
        }
        try connection.query(
            """
            UPDATE jatta.card c SET line = x.line
            FROM unnest($2::text[], $3::integer[]) AS x(card_key, line)
            WHERE c.class_id = $1 AND c.card_key = x.card_key AND c.line IS NULL
            """, [classID, keys.literal, numbers.literal])
    }

    /// The class's exam date as `YYYY-MM-DD`, nil when none is set.
    public static func examDate(_ connection: PostgresConnection, classID: String) throws(ClassError) -> String? {
        try connection.scalar("SELECT exam_date::text FROM jatta.class WHERE id = $1", [classID])
    }

    /// Stores the student's latest forecast (one row per sync; a row once
    /// sent is never changed, the report reads the newest).
    public static func publishReadiness(_ connection: PostgresConnection, classID: String, _ readiness: StudentReadiness)
        throws(ClassError)
    {
        let milliseconds = Int64(((readiness.computedAt ?? Date()).timeIntervalSince1970 * 1000).rounded())
        try connection.query(
            """
            INSERT INTO jatta.readiness (class_id, computed_at, exam_date, cards, ready_today, ready_with_plan)
            VALUES ($1, to_timestamp($2::bigint / 1000.0), $3::date, $4, $5, $6)
            ON CONFLICT DO NOTHING
            """,
            [
                classID, "\(milliseconds)", readiness.examDate, "\(readiness.cards)", "\(readiness.readyToday)",
                "\(readiness.readyWithPlan)",
            ])
    }
}
