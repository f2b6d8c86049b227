import DeckFormat
import FSRS
import Foundation
import Interchange
import ReviewStore
import Testing

@testable import jatta

/// `export --with-progress` reads each face's answers either face by face
/// or in one pass over the log, by the size of the log; both give one
/// package.
@Suite struct AnkiProgressExportTests {
    @Test func aPassOverTheLogGivesWhatEachFacesHistoryGives() throws {
        let deck = DeckParser.parse(
            "T: Гегемония\nD: Бір мемлекеттің басымдығы\n\nQ: БҰҰ қашан құрылды?\nA: 1945\n\nQ: Режим дегеніміз не?\nA: Ережелер\n",
            file: "ir/l4.deck"
        ).deck
        let store = try ProgressStore()
        let scheduler = try Scheduler(SchedulerConfiguration())
        var rng = SeededGenerator(seed: 17)
        let start = Date(timeIntervalSince1970: 1_760_000_000)
        var schedules: [String: CardSchedule] = [:]
        let faces = deck.cards.flatMap { card in card.faces }
        for step in 0..<60 {
            let face = faces[Int.random(in: 0..<faces.count, using: &rng)]
            // Some answers share a time, to pin the order of ties.
            let time = start.addingTimeInterval(Double(step / 2) * 3_600)
            let rating = Rating(rawValue: Int.random(in: 1...4, using: &rng))!
            let before = schedules[face.key]
            let after = scheduler.review(before ?? .new(at: time), rating: rating, at: time, cardKey: face.key)
            try store.record(
                RecordedAnswer(
                    key: face.key, deckFile: deck.file, prompt: face.card.prompt, level: 1, rating: rating, time: time,
                    durationMilliseconds: 3_000 + step, kind: .study, sessionID: "s", before: before, after: after))
            schedules[face.key] = after
            if step % 7 == 6 {
                _ = try store.undoLast(sessionID: "s", at: time)
                schedules[face.key] = try store.schedules(for: [face.key])[face.key]
            }
        }
        let facewise = try AnkiProgressExport.progress(of: [deck], store: store, entriesPerHistoryRead: .max / 1_000)
        let onePass = try AnkiProgressExport.progress(of: [deck], store: store, entriesPerHistoryRead: 0)
        #expect(!facewise.schedules.isEmpty)
        #expect(facewise.schedules == onePass.schedules)
        #expect(facewise.schedules.values.contains { $0.reviews.count > 1 })
    }
}
