import FSRS
import Foundation
import Testing
@testable import ReviewStore

@Suite struct RebuildTests {
    /// A long random mix of answers, undos (in and across sessions),
    /// suspends, buries and registry updates over 60 cards: after every
    /// hundred steps and at the end, the state folded from the log alone must
    /// equal the state kept incrementally, exactly.
    @Test(arguments: [UInt64(21), 22, 23])
    func stateRebuiltFromTheLogEqualsTheKeptState(seed: UInt64) throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: seed)
        let keys = (0..<60).map { "card-\($0)" }
        let sessions = ["s1", "s2", "s3"]
        var time = t0
        var undos = 0, conflicts = 0, answers = 0
        for step in 1...2_000 {
            time = time.addingTimeInterval(Double.random(in: 0.001...7200, using: &rng))
            let key = keys.randomElement(using: &rng) ?? "card-0"
            let session = sessions.randomElement(using: &rng)
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<65:
                let before = try store.schedules(for: [key])[key]
                let rating = Rating.allCases.randomElement(using: &rng) ?? .good
                let kind = AnswerKind.allCases.randomElement(using: &rng) ?? .study
                try store.record(
                    answer(key, deck: "deck-\(key.count % 3).deck", rating: rating, at: time, kind: kind,
                           session: session, before: before,
                           after: scheduleAfter(before, rating: rating, at: time, using: &rng)))
                answers += 1
            case 65..<82:
                do {
                    if try store.undoLast(sessionID: Bool.random(using: &rng) ? session : nil, at: time) != nil { undos += 1 }
                } catch let error as StoreError {
                    guard case .undoConflict = error.kind else { throw error }
                    conflicts += 1
                }
            case 82..<88:
                try expectRefusedOnlyIfUnregistered(store, key) { try store.suspend(key: key, at: time, sessionID: session) }
            case 88..<92:
                try expectRefusedOnlyIfUnregistered(store, key) { try store.unsuspend(key: key, at: time, sessionID: session) }
            case 92..<98:
                let until = Bool.random(using: &rng) ? time.addingTimeInterval(86400) : nil
                try expectRefusedOnlyIfUnregistered(store, key) {
                    try store.bury(key: key, until: until, at: time, sessionID: session)
                }
            default:
                try store.register([RegisteredCard(key: key, deckFile: "moved.deck", prompt: "edited \(step)")], at: time)
            }
            if step % 100 == 0 {
                #expect(try store.rebuiltProgress() == store.currentProgress(), "diverged at step \(step)")
            }
        }
        #expect(answers > 1_000 && undos > 100)
        let kept = try store.currentProgress()
        #expect(!kept.isEmpty)
        #expect(try store.rebuiltProgress() == kept)
        #expect(try store.verify().isEmpty)

        // The SQL counts agree with counting the same state in Swift.
        let dueBy = time.addingTimeInterval(86400)
        #expect(try store.counts(dueBy: dueBy, now: time) == referenceCounts(store, dueBy: dueBy, now: time))

        // Wiping the kept state and rebuilding it from the log gives it back.
        try store.executeRaw("DELETE FROM card_state")
        #expect(try store.currentProgress().isEmpty)
        try store.rebuildState()
        #expect(try store.currentProgress() == kept)
    }

    @Test func verifyNoticesAStateThatDisagreesWithTheLog() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 30)
        try store.record(answer("x", at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        try store.executeRaw("UPDATE card_state SET reps = 99")
        #expect(try store.verify() == ["card x: kept state differs from the log"])
    }

    /// Counts by the definitions in `CardCounts`, one card at a time.
    private func referenceCounts(_ store: ProgressStore, dueBy: Date, now: Date) throws -> [GroupCounts] {
        let progress = try store.currentProgress()
        var groups: [String: GroupCounts] = [:]
        for card in try store.registeredCards().values {
            let id = "\(card.deckFile)|\(card.level.map(String.init) ?? "")"
            var group = groups[id] ?? GroupCounts(deckFile: card.deckFile, level: card.level, counts: CardCounts())
            let p = progress[card.key] ?? .unseen
            group.counts.total += 1
            if let schedule = p.schedule {
                if schedule.state == .review { group.counts.review += 1 } else { group.counts.learning += 1 }
                if !p.isHidden(at: now) && schedule.due <= dueBy { group.counts.due += 1 }
            } else if !p.suspended {
                group.counts.new += 1
            }
            if p.suspended { group.counts.suspended += 1 }
            if !p.suspended, let until = p.buriedUntil, until > now { group.counts.buried += 1 }
            groups[id] = group
        }
        return groups.values.sorted { ($0.deckFile, $0.level ?? Int.min) < ($1.deckFile, $1.level ?? Int.min) }
    }

    /// Runs a suspend, unsuspend or bury of `key`: it must succeed on a
    /// registered card and fail with `unknownCard` on an unregistered one;
    /// any other error is a failure of the test.
    private func expectRefusedOnlyIfUnregistered(
        _ store: ProgressStore, _ key: String, _ change: () throws -> ReviewLogEntry
    ) throws {
        let registered = try store.registeredCards(keys: [key])[key] != nil
        do {
            _ = try change()
            if !registered { Issue.record("a change to the unregistered card \(key) was accepted") }
        } catch let error as StoreError {
            guard case .unknownCard(let unknown) = error.kind, unknown == key, !registered else {
                Issue.record("unexpected error for \(key) (registered: \(registered)): \(error)")
                return
            }
        } catch {
            Issue.record("unexpected error for \(key): \(error)")
        }
    }
}
