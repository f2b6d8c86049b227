import DeckFormat
import Foundation
import ReviewStore

/// Each imported card's faces with their Anki review log and schedule.
enum AnkiHistoryReader {
    static func histories(of cards: [Card], notes: [Int64], tables: AnkiTables) -> [AnkiFaceHistory] {
        var cardsOfNote: [Int64: [AnkiCardRow]] = [:]
        for card in tables.cards { cardsOfNote[card.noteID, default: []].append(card) }
        var reviewsOfCard: [Int64: [AnkiReviewRow]] = [:]
        // Answers only: manual reschedules and the like (ease 0, type 4
        // and up) are not a student's answer.
        for review in tables.reviews where (1...4).contains(review.ease) && review.type < 4 {
            reviewsOfCard[review.cardID, default: []].append(review)
        }
        var out: [AnkiFaceHistory] = []
        for (card, noteID) in zip(cards, notes) {
            let rows = (cardsOfNote[noteID] ?? []).sorted { $0.ordinal < $1.ordinal }
            let directions = AnkiExporter.faces(of: card)
            for (index, direction) in directions.enumerated() {
                // A term's faces are its first two templates; any other card
                // has one face, taken from the Anki card answered most
                // (a cloze with several numbers is one jatta card).
                let row: AnkiCardRow?
                if directions.count > 1 {
                    row = index < rows.count ? rows[index] : nil
                } else {
                    row = rows.max { (reviewsOfCard[$0.id]?.count ?? 0, $1.ordinal) < (reviewsOfCard[$1.id]?.count ?? 0, $0.ordinal) }
                }
                guard let row else { continue }
                let reviews = (reviewsOfCard[row.id] ?? []).sorted { $0.id < $1.id }
                guard let last = reviews.last else { continue }
                let answers = reviews.map {
                    AnkiFaceHistory.Answer(
                        time: $0.id, rating: Int($0.ease), milliseconds: Int(max(0, min($0.milliseconds, 3_600_000))))
                }
                out.append(
                    AnkiFaceHistory(
                        key: StudyFace(card: card, direction: direction).key, prompt: card.prompt, level: card.level,
                        answers: answers, final: final(of: row, lastReview: last.id / 1000), suspended: row.queue == -1))
            }
        }
        return out
    }

    /// The card's schedule in Anki: a review card is due its interval
    /// after the last review (which needs no knowledge of the collection's
    /// day count); a learning card's due is already a time.
    static func final(of row: AnkiCardRow, lastReview: Int64) -> AnkiFaceHistory.Final? {
        guard (1...3).contains(row.type) else { return nil }
        let memory = (row.data.data(using: .utf8)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        let due: Int64
        if row.type == 2 || row.due < 1_000_000_000 {
            due = lastReview + max(1, row.interval) * 86_400
        } else {
            due = row.due
        }
        let stability = (memory?["s"] as? NSNumber)?.doubleValue
        let difficulty = (memory?["d"] as? NSNumber)?.doubleValue
        let valid = stability.map { $0.isFinite && $0 > 0 } ?? false && difficulty.map { $0.isFinite && (1...10).contains($0) } ?? false
        return AnkiFaceHistory.Final(
            state: Int(row.type), due: due, stability: valid ? stability : nil, difficulty: valid ? difficulty : nil)
    }
}
