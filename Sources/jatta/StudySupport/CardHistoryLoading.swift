import Foundation
import ReviewStore
import Study
import TerminalUI

/// Reads a card's history for the card info, told in the words of
/// `jatta history` (one set of words for a log entry, wherever shown).
enum CardHistoryLoading {
    /// The log entries of `keys` (a card's faces), newest first.
    static func entries(store: ProgressStore, keys: [String], language: Language) throws -> [CardHistoryEntry] {
        let words = HistoryWords.of(language)
        var log: [ReviewLogEntry] = []
        for key in keys { log += try store.history(key: key) }
        return log.sorted { $0.id > $1.id }.map { e in
            CardHistoryEntry(
                key: e.key, time: e.time, kind: words.kind(e.kind), rating: e.rating, undone: e.undoneBy != nil,
                stageAfter: e.after.schedule.map { words.state($0.state) }, dueAfter: e.after.schedule?.due)
        }
    }
}
