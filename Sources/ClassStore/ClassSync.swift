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

    /// Rows per transaction: large enough that a first sync of 50,000
    /// answers is 25 round trips, small enough that a cut costs little.
    public static let batchSize = 2000

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
        var outcome = Outcome(sent: 0, batches: 0)
        while true {
            let batch = try answers(cursor, max(1, batchSize))
            guard let last = batch.last else { return outcome }
            let payload = try rowsJSON(batch)
            try sendBatch(connection, classID: classID, payload: payload)
            outcome.sent += batch.count
            outcome.batches += 1
            cursor = last.entry.id
        }
    }

    /// Sends one batch in one transaction. A deadlock or serialisation
    /// failure (another sync holding the same summary rows) only means
    /// "again": the transaction rolled back whole, so it is retried.
    static func sendBatch(_ connection: PostgresConnection, classID: String, payload: String) throws(ClassError) {
        var attempt = 0
        while true {
            do {
                try connection.transaction { () throws(ClassError) in
                    _ = try connection.query(insertSQL, [classID, payload])
                }
                return
            } catch {
                attempt += 1
                guard case .server(let state) = error.kind, ["40P01", "40001"].contains(state), attempt < 5 else {
                    throw error
                }
            }
        }
    }

    /// One statement per batch: the rows arrive as one JSON parameter and
    /// are unpacked by the server, so nothing is pasted into SQL, and the
    /// cards they name are registered in the same transaction.
    static let insertSQL = """
        WITH incoming AS (
            SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(
                log_id bigint, card_key text, deck_file text, prompt text, level smallint, at_ms bigint,
                kind text, rating smallint, duration_ms integer, session text, state_before smallint,
                state_after smallint, stability real, difficulty real, credit real, chosen text)
        ), cards AS (
            INSERT INTO jatta.card (class_id, card_key, deck_file, prompt, level)
            SELECT DISTINCT ON (card_key) $1, card_key, deck_file, prompt, level
            FROM incoming ORDER BY card_key, log_id DESC
            ON CONFLICT DO NOTHING
            RETURNING 1
        )
        INSERT INTO jatta.review (class_id, student, log_id, card_key, at, kind, rating, duration_ms, session,
            state_before, state_after, stability, difficulty, credit, chosen)
        SELECT $1, session_user, log_id, card_key, to_timestamp(at_ms / 1000.0), kind, rating, duration_ms, session,
            state_before, state_after, stability, difficulty, credit, chosen
        FROM incoming ORDER BY log_id
        ON CONFLICT DO NOTHING
        """

    /// One row of the JSON parameter.
    struct Row: Encodable {
        let log_id: Int64
        let card_key: String
        let deck_file: String
        let prompt: String
        let level: Int?
        let at_ms: Int64
        let kind: String
        let rating: Int
        let duration_ms: Int?
        let session: String?
        let state_before: Int?
        let state_after: Int?
        let stability: Double?
        let difficulty: Double?
        let credit: Double?
        let chosen: String?
    }

    /// The batch as the JSON array `insertSQL` unpacks. PostgreSQL text
    /// cannot hold U+0000, so it is dropped rather than failing the batch.
    static func rowsJSON(_ batch: [SyncableAnswer]) throws -> String {
        func text(_ value: String) -> String { value.replacingOccurrences(of: "\u{0}", with: "") }
        let rows = batch.compactMap { answer -> Row? in
            let entry = answer.entry
            guard let rating = entry.rating else { return nil }
            let memory = entry.after.schedule?.memory
            return Row(
                log_id: entry.id, card_key: text(entry.key), deck_file: text(entry.deckFile), prompt: text(answer.prompt),
                level: answer.level.flatMap { (1...3).contains($0) ? $0 : nil },
                at_ms: Int64((entry.time.timeIntervalSince1970 * 1000).rounded()), kind: entry.kind.rawValue,
                rating: rating.rawValue, duration_ms: entry.durationMilliseconds, session: entry.sessionID.map(text),
                state_before: entry.before.schedule?.state.rawValue, state_after: entry.after.schedule?.state.rawValue,
                stability: memory?.stability, difficulty: memory?.difficulty,
                credit: entry.kind == .quiz ? answer.quiz?.credit : nil,
                chosen: entry.kind == .quiz ? answer.quiz?.chosen.map(text) : nil)
        }
        let data = try JSONEncoder().encode(rows)
        return String(decoding: data, as: UTF8.self)
    }
}
