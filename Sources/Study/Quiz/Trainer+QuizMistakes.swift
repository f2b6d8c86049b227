import Foundation

extension Trainer {
    /// Starts a study session on exactly these faces, due or not, in the
    /// order given: the mistakes of a quiz, studied at once from its report.
    /// Suspended and buried faces stay hidden; keys no deck knows are
    /// skipped. With nothing left, the trainer stays home with a notice.
    public static func startMistakes(_ s: inout TrainerState, keys: [String], now: Date) {
        var order: [String: Int] = [:]
        for (i, key) in keys.enumerated() where order[key] == nil { order[key] = i }
        let items = s.catalog.items(matching: .all, now: now)
            .filter { order[$0.key] != nil && !s.catalog.progress.isHidden($0.key, at: now) }
            .sorted { (order[$0.key] ?? Int.max) < (order[$1.key] ?? Int.max) }
        var session = SessionState(filter: .all, queue: StudyQueue(waiting: items), startedAt: now)
        advance(&session, state: s, now: now)
        guard session.current != nil else {
            s.notice = .nothingToStudy
            return
        }
        s.mode = .study(session)
    }
}
