import Foundation

/// What the keys do on the statistics screen: turn pages, go back home,
/// and study the hardest cards listed.
enum StatisticsNavigation {
    static func update(_ s: inout TrainerState, _ screen: StatisticsScreen, _ action: TrainerAction, now: Date) {
        var screen = screen
        switch action {
        case .back:
            s.mode = .home
        case .scroll(let pages):
            screen.page = max(0, screen.page + pages)
            s.mode = .statistics(screen)
        case .studyHardest:
            studyHardest(&s, screen, now: now)
        default:
            break
        }
    }

    /// Opens a session on the hardest cards of the screen, hardest first,
    /// whether due or not (asked ahead of time, they are graded as any early
    /// review is). Cards hidden now (buried) are left out, as every queue
    /// leaves them out; with none left the screen stays and says so.
    static func studyHardest(_ s: inout TrainerState, _ screen: StatisticsScreen, now: Date) {
        guard let hardest = screen.figures?.hardest, !hardest.isEmpty else {
            s.notice = .nothingToStudy
            return
        }
        var items: [String: StudyItem] = [:]
        for item in s.catalog.items(matching: screen.filter, now: now) where !s.catalog.progress.isHidden(item.key, at: now) {
            items[item.key] = item
        }
        let chosen = hardest.compactMap { items[$0.key] }
        guard !chosen.isEmpty else {
            s.notice = .nothingToStudy
            return
        }
        var session = SessionState(filter: screen.filter, queue: StudyQueue(waiting: chosen), startedAt: now)
        session.keyboard = s.keyboard
        Trainer.advance(&session, state: s, now: now)
        s.mode = .study(session)
    }
}
