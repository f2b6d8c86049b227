import Foundation

/// Deck index entries written on a thread of their own while the command
/// goes on with the decks (`DeckIndex.EntryWriting.later`): after an edit
/// of one 10,000-card file, encoding and writing its entry took 14 ms of
/// the start. The process waits for every entry handed here when it ends,
/// however it ends through `exit` (the command returning, or an exit
/// status), so an entry is never left half written by jatta itself; one
/// left by a killed process is a damaged entry, parsed again.
enum DeckIndexWrites {
    /// One thread, entries in the order handed over (one file's entry is
    /// never written by two at once).
    private static let queue = DispatchQueue(label: "jatta.deck-index-writes")
    private static let pending = DispatchGroup()
    /// Registered with the first entry handed over.
    private static let waitedForAtExit: Void = { atexit { DeckIndexWrites.waitForAll() } }()

    /// Writes `write` on the index's thread.
    static func add(_ write: @escaping @Sendable () -> Void) {
        _ = waitedForAtExit
        queue.async(group: pending, execute: write)
    }

    /// Returns once every entry handed over is written.
    static func waitForAll() { pending.wait() }
}
