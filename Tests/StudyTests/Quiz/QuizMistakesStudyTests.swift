import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

struct QuizMistakesStudyTests {
    let now = QuizFixtures.start

    func state(progress: ProgressSnapshot = ProgressSnapshot()) throws -> TrainerState {
        TrainerState(
            catalog: StudyCatalog(decks: [QuizFixtures.deck], progress: progress),
            scheduler: try Scheduler(SchedulerConfiguration()), dayEnd: now.addingTimeInterval(3600), now: now)
    }

    @Test func theMissedFacesAreAskedInOrderEvenWhenNotDue() throws {
        let g = QuizFixtures.glossary
        let reverse = g[1].id.rawValue + "/reverse"
        // The first face was reviewed well: due in a month, so a normal
        // session would not show it today.
        let later = CardSchedule(state: .review, step: nil, memory: MemoryState(stability: 30, difficulty: 5),
                                 due: now.addingTimeInterval(30 * 86400), lastReview: now.addingTimeInterval(-3600), reps: 3)
        var s = try state(progress: ProgressSnapshot(schedules: [reverse: later]))
        Trainer.startMistakes(&s, keys: [reverse, "no-such-card", g[3].id.rawValue], now: now)
        guard case .study(let session) = s.mode else {
            Issue.record("no session started")
            return
        }
        #expect(session.current?.item.key == reverse)
        #expect(session.queue.waiting.map(\.key) == [g[3].id.rawValue])
    }

    @Test func hiddenFacesStayHiddenAndNothingLeftStaysHome() throws {
        let key = QuizFixtures.glossary[0].id.rawValue
        var s = try state(progress: ProgressSnapshot(suspended: [key]))
        Trainer.startMistakes(&s, keys: [key], now: now)
        #expect(s.session == nil)
        #expect(s.notice == .nothingToStudy)
    }
}
