import Foundation

/// Reads a class's figures from the server's summary tables (and the quiz
/// answers, for item analysis) as the instructor's role. Row-level security
/// decides what the role sees; the check up front only turns "nothing
/// visible" into a clear message.
public enum ClassReportQuery {
    /// The report of `classID`; with `places`, only the cards of the
    /// instructor's decks, at their places there.
    public static func report(
        _ connection: PostgresConnection, classID: String, places: DeckPlaces?
    ) throws(ClassError) -> ClassReport {
        guard try connection.scalar("SELECT jatta.teaches($1)", [classID]) == "t" else {
            throw ClassError(.notMember, detail: classID)
        }
        var cards: [String: ClassReportBuilder.CardTally] = [:]
        for row in try connection.query(cardsSQL, [classID]) {
            let reader = RowReader(row)
            let key = try reader.text(0)
            var card = ClassReportBuilder.CardTally(
                key: key, deckFile: try reader.text(1), line: try reader.int(2), prompt: try reader.text(3),
                level: try reader.int(4))
            if let places {
                guard let placed = places.placed(card) else { continue }
                card = placed
            }
            card.students = try reader.int(5) ?? 0
            card.reviews = try reader.int(6) ?? 0
            card.lapses = try reader.int(7) ?? 0
            card.reviewStateReviews = try reader.int(8) ?? 0
            card.reviewStatePassed = try reader.int(9) ?? 0
            card.difficultySum = try reader.double(10) ?? 0
            card.difficultyCount = try reader.int(11) ?? 0
            card.durationMilliseconds = try reader.double(12) ?? 0
            cards[key] = card
        }
        for row in try connection.query(itemsSQL, [classID]) {
            let reader = RowReader(row)
            let key = try reader.text(0)
            guard cards[key] != nil else { continue }
            cards[key]?.item = ItemAnalysis(
                count: try reader.double(1) ?? 0, sumMark: try reader.double(2) ?? 0, sumRest: try reader.double(3) ?? 0,
                sumMarkSquared: try reader.double(4) ?? 0, sumRestSquared: try reader.double(5) ?? 0,
                sumProduct: try reader.double(6) ?? 0)
        }
        for row in try connection.query(wrongOptionsSQL, [classID]) {
            let reader = RowReader(row)
            let key = try reader.text(0)
            guard cards[key] != nil else { continue }
            cards[key]?.wrongOption = try reader.text(1)
            cards[key]?.wrongOptionCount = try reader.int(2) ?? 0
        }
        var students: [ClassReportBuilder.StudentTally] = []
        for row in try connection.query(studentsSQL, [classID]) {
            let reader = RowReader(row)
            var student = ClassReportBuilder.StudentTally(student: try reader.text(0))
            student.cardsSeen = try reader.int(1) ?? 0
            student.reviews = try reader.int(2) ?? 0
            student.reviewStateReviews = try reader.int(3) ?? 0
            student.reviewStatePassed = try reader.int(4) ?? 0
            student.lastActive = try reader.double(5).map { Date(timeIntervalSince1970: $0) }
            if let examDate = row.count > 6 ? row[6] : nil, let computed = try reader.double(7) {
                student.readiness = StudentReadiness(
                    examDate: examDate, computedAt: Date(timeIntervalSince1970: computed), cards: try reader.int(8) ?? 0,
                    readyToday: try reader.int(9) ?? 0, readyWithPlan: try reader.int(10) ?? 0)
            }
            students.append(student)
        }
        let examDate = try connection.scalar("SELECT exam_date::text FROM jatta.class WHERE id = $1", [classID])
        return ClassReportBuilder().build(
            classID: classID, cards: Array(cards.values), students: students, examDate: examDate)
    }

    static let cardsSQL = """
        SELECT s.card_key, c.deck_file, c.line, c.prompt, c.level, s.students, s.reviews, s.lapses,
               s.review_state_reviews, s.review_state_passed, s.difficulty_sum, s.difficulty_count, s.duration_ms
        FROM jatta.card_summary s JOIN jatta.card c USING (class_id, card_key)
        WHERE s.class_id = $1
        """

    /// The running sums of Moodle's item analysis, kept by the trigger.
    static let itemsSQL = """
        SELECT card_key, attempts, sum_mark, sum_rest, sum_mark_squared, sum_rest_squared, sum_product
        FROM jatta.item_sums WHERE class_id = $1
        """

    /// The wrong option chosen most often per card (ties: the first in text order).
    static let wrongOptionsSQL = """
        SELECT DISTINCT ON (card_key) card_key, chosen, times
        FROM jatta.wrong_option WHERE class_id = $1
        ORDER BY card_key, times DESC, chosen
        """

    /// Every member, also those who never synced (who has not started is
    /// worth knowing), with their newest readiness for the class's current
    /// exam date (one sent for an earlier date says nothing of this one).
    static let studentsSQL = """
        SELECT m.student, s.cards_seen, s.reviews, s.review_state_reviews, s.review_state_passed,
               extract(epoch FROM s.last_at), r.exam_date::text, extract(epoch FROM r.computed_at), r.cards,
               r.ready_today, r.ready_with_plan
        FROM jatta.member m LEFT JOIN jatta.student_summary s ON s.class_id = m.class_id AND s.student = m.student
        LEFT JOIN LATERAL (
            SELECT r.exam_date, r.computed_at, r.cards, r.ready_today, r.ready_with_plan
            FROM jatta.readiness r JOIN jatta.class c ON c.id = r.class_id AND c.exam_date = r.exam_date
            WHERE r.class_id = m.class_id AND r.student = m.student
            ORDER BY r.computed_at DESC LIMIT 1
        ) r ON true
        WHERE m.class_id = $1
        """
}

/// Reads text cells as numbers, reporting a cell it cannot read.
struct RowReader {
    let row: [String?]

    init(_ row: [String?]) { self.row = row }

    func text(_ index: Int) throws(ClassError) -> String {
        guard index < row.count, let value = row[index] else { throw ClassError(.unexpectedReply, detail: "column \(index)") }
        return value
    }

    func int(_ index: Int) throws(ClassError) -> Int? {
        guard index < row.count, let value = row[index] else { return nil }
        guard let number = Int(value) else { throw ClassError(.unexpectedReply, detail: "column \(index): \(value)") }
        return number
    }

    func double(_ index: Int) throws(ClassError) -> Double? {
        guard index < row.count, let value = row[index] else { return nil }
        guard let number = Double(value) else { throw ClassError(.unexpectedReply, detail: "column \(index): \(value)") }
        return number
    }
}
