import FSRS
import Foundation
import Interchange
import ReviewStore
import Testing

@testable import jatta

/// `import apkg --with-progress` records many faces per transaction; the
/// store it makes is the one recording face by face makes.
@Suite struct AnkiProgressImportTests {
    static let day: Int64 = 86_400_000
    static let start: Int64 = 1_760_000_000_000

    /// Faces with a few answers each, one suspended, one key twice (two
    /// notes with one prompt).
    static func histories() -> [AnkiFaceHistory] {
        var rng = SeededGenerator(seed: 21)
        var result: [AnkiFaceHistory] = []
        for face in 0..<12 {
            let count = Int.random(in: 1...5, using: &rng)
            let answers = (0..<count).map { i in
                AnkiFaceHistory.Answer(
                    time: start + Int64(face) * 1_000 + Int64(i) * day, rating: Int.random(in: 1...4, using: &rng),
                    milliseconds: 4_000)
            }
            let key = face == 2 ? "q-1" : "q-\(face)"
            result.append(
                AnkiFaceHistory(
                    key: key, prompt: "Сұрақ \(face)", level: 1, answers: answers,
                    final: AnkiFaceHistory.Final(state: 2, due: start / 1000 + 40 * 86_400, stability: 12, difficulty: 5),
                    suspended: face == 5))
        }
        return result
    }

    /// The store after importing the histories, its log and states as rows.
    static func imported(batch: Int) throws -> (AnkiProgressImport.Outcome, [ReviewLogEntry], [String: CardProgress]) {
        let store = try ProgressStore()
        let scheduler = try Scheduler(SchedulerConfiguration())
        let outcome = try AnkiProgressImport.record(
            histories(), deckFile: "/decks/anki.deck", store: store, scheduler: scheduler, answersPerTransaction: batch)
        let log = try store.log()
        return (outcome, log, try store.progress(for: Array(Set(log.map(\.key)))))
    }

    @Test func manyFacesPerTransactionMakeTheStoreOneFaceAtATimeMakes() throws {
        let (oneByOne, log, states) = try Self.imported(batch: 1)
        for batch in [2, 7, 1_000] {
            let (outcome, batchedLog, batchedStates) = try Self.imported(batch: batch)
            #expect(outcome == oneByOne)
            #expect(batchedLog.map(\.id) == log.map(\.id))
            #expect(batchedLog.map(\.key) == log.map(\.key))
            #expect(batchedLog.map(\.kind) == log.map(\.kind))
            #expect(batchedLog.map(\.time) == log.map(\.time))
            #expect(batchedStates == states)
        }
        // The second face of key q-1, in the same transaction as the first,
        // is left alone, as a face after one already in the store is.
        #expect(oneByOne.skipped == 1)
        #expect(oneByOne.faces == 11)
        #expect(log.filter { $0.key == "q-1" && $0.kind.isAnswer }.count == Self.histories()[1].answers.count)
        #expect(log.contains { $0.key == "q-5" && $0.kind == .suspend })
    }
}
