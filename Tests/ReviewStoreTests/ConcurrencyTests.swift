import FSRS
import GRDB
import Foundation
import Testing
@testable import ReviewStore

/// Two connections to one file, writing at once from two threads. The
/// cross-process version with real jatta processes is
/// scripts/tests/store-concurrency.sh.
@Suite struct ConcurrencyTests {
    /// The loser of two processes creating one file may run `v2-adopt-kind`
    /// after the winner has run every migration, when `review_log` is a
    /// view: the edit must see that it was done, not call the file damaged
    /// (store-concurrency.sh failed so, now and then, under load).
    @Test func aLateAdoptKindEditFindsTheLogAlreadyAView() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("late.sqlite").path
        _ = try ProgressStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try Schema.allowAdoptEntries(db) }
    }

    /// Switching a new file to WAL meets SQLITE_BUSY without the busy
    /// handler while another connection is opening it, and the migrations
    /// of the first opener turn the others' tries away one after another:
    /// every opener must wait its turn, not fail (it did, in most rounds).
    @Test func connectionsOpeningOneNewFileAtOnceAllOpenIt() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for round in 0..<10 {
            let path = dir.appendingPathComponent("new-\(round).sqlite").path
            let opened = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<3 {
                    group.addTask { try ProgressStore(path: path).logCount() }
                }
                return try await group.reduce(into: 0) { $0 += 1 + $1 }
            }
            #expect(opened == 3)
            #expect(try ProgressStore(path: path).verify().isEmpty)
        }
    }

    @Test func twoConnectionsWritingAtOnceLoseNoAnswer() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("shared.sqlite").path
        let perWriter = 150
        let ids = try await withThrowingTaskGroup(of: [ReviewLogEntry.ID].self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = try ProgressStore(path: path)
                    var rng = SeededGenerator(seed: UInt64(60 + writer))
                    var ids: [ReviewLogEntry.ID] = []
                    for i in 0..<perWriter {
                        // Both writers answer the same ten cards, so they contend on rows too.
                        let key = "shared-\(i % 10)"
                        let time = t0.addingTimeInterval(Double(i))
                        let before = try store.schedules(for: [key])[key]
                        ids.append(try store.record(answer(key, at: time, session: "w\(writer)", before: before,
                            after: scheduleAfter(before, rating: .good, at: time, using: &rng))))
                    }
                    return ids
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let store = try ProgressStore(path: path)
        #expect(ids.count == 2 * perWriter)
        #expect(Set(ids).count == ids.count)
        #expect(Set(try store.log().map(\.id)) == Set(ids))
        #expect(try store.verify().isEmpty)
    }

    @Test func writerHeldOffPastTheTimeoutGetsBusyAndWritesNothing() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("locked.sqlite").path
        let holder = try ProgressStore(path: path)
        let waiter = try ProgressStore(path: path, options: StoreOptions(busyTimeout: 0.2, busyRetries: 1))
        try holder.withWriteLockHeld {
            #expect {
                try waiter.record(answer("k", at: t0, after: .new(at: t0)))
            } throws: { ($0 as? StoreError)?.kind == .busy }
        }
        #expect(try waiter.logCount() == 0)
        #expect(try waiter.record(answer("k", at: t0, after: .new(at: t0))) > 0)
    }
}
