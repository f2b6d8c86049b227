import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// What the student saw is what is kept: an answer checked on screen is
/// recorded when the student leaves the card, the summary's "next due" says
/// "now" while cards wait, help paging does not wind below its first page,
/// and effects that failed come back as notices.
@Suite struct LeavingTheCardTests {
    let deck = Fixtures.deck()

    /// Only the multiple-choice card (index 2) and the question (index 1).
    func choiceFirst() -> TrainerState {
        var s = Fixtures.state()
        let keep = [deck.cards[2], deck.cards[1]].map { StudyFace(card: $0, direction: .forward).key }
        s.catalog.progress.suspended = Set(deck.cards.flatMap(\.faces).map(\.key)).subtracting(keep)
        return s
    }

    /// Starts a session and picks the right option of the choice face
    /// ("Дұрыс!" on screen), whichever of the two faces comes first.
    func pickedRightOption() throws -> TrainerState {
        var s = choiceFirst()
        Trainer.start(&s, filter: .all, now: Fixtures.now)
        if s.session?.current?.style != .choice {
            s = Fixtures.run(s, [.reveal, .grade(.good)]).0
        }
        let attempt = try #require(s.session?.current)
        #expect(attempt.style == .choice)
        let rightIndex = attempt.options.firstIndex { $0.isCorrect }
        let right = try #require(rightIndex)
        s = Fixtures.run(s, [.pickOption(right + 1)]).0
        #expect(s.session?.current?.verdict?.isCorrect == true)
        return s
    }

    @Test func aCheckedPickIsRecordedWhenTheStudentLeaves() throws {
        let picked = try pickedRightOption()
        let before = picked.session?.answers.count ?? 0
        let (s, effects) = Fixtures.run(picked, [.back])
        let records = Fixtures.records(effects)
        #expect(records.count == 1)
        #expect(records.first?.rating == .good)
        guard case .summary(let summary, _) = s.mode else {
            Issue.record("no summary")
            return
        }
        #expect(summary.answers == before + 1)
    }

    @Test func aCheckedPickIsRecordedWhenTheStudentQuits() throws {
        let (_, effects) = Fixtures.run(try pickedRightOption(), [.quit])
        #expect(Fixtures.records(effects).count == 1)
        #expect(effects.last == .quit)
    }

    @Test func anUncheckedFaceIsNotRecorded() {
        var s = choiceFirst()
        Trainer.start(&s, filter: .all, now: Fixtures.now)
        let (_, effects) = Fixtures.run(s, [.back])
        #expect(Fixtures.records(effects).isEmpty)
    }

    @Test func tickedKeyPointsAreRecordedWhenTheStudentLeaves() throws {
        var s = Fixtures.state()
        let open = StudyFace(card: deck.cards[4], direction: .forward).key
        s.catalog.progress.suspended = Set(deck.cards.flatMap(\.faces).map(\.key)).subtracting([open])
        Trainer.start(&s, filter: .all, now: Fixtures.now)
        #expect(s.session?.current?.style == .keyPoints)
        let (_, effects) = Fixtures.run(s, [.reveal, .toggleKeyPoint(1), .toggleKeyPoint(2), .back])
        #expect(Fixtures.records(effects).count == 1)
    }

    @Test func theSummarySaysNowWhileCardsWait() {
        var s = Fixtures.state()
        Trainer.start(&s, filter: .all, now: Fixtures.now)
        let waiting = s.session?.left ?? 0
        #expect(waiting > 2)
        let (ended, _) = Fixtures.run(s, [.reveal, .grade(.easy), .back])
        guard case .summary(let summary, _) = ended.mode else {
            Issue.record("no summary")
            return
        }
        let endedAt = ended.now
        #expect(summary.nextDue == endedAt)
    }

    @Test func helpPagingStopsAtTheFirstPage() {
        let (s, _) = Fixtures.run(Fixtures.state(), [.toggleHelp, .scroll(-1), .scroll(-1)])
        #expect(s.helpPage == 0)
        let (down, _) = Fixtures.run(s, [.scroll(1)])
        #expect(down.helpPage == 1)
    }

    @Test func aFailedEffectIsANoticeAndTheSessionGoesOn() {
        var s = Fixtures.state()
        Trainer.start(&s, filter: .all, now: Fixtures.now)
        let shown = s.session?.current?.item.key
        let (after, effects) = Fixtures.run(s, [.effectFailed(.editorNotFound(command: "vim"))])
        #expect(effects.isEmpty)
        #expect(after.notice == .effectFailed(.editorNotFound(command: "vim")))
        #expect(after.session?.current?.item.key == shown)
    }
}

/// A session left open past the 4 a.m. rollover moves to the new day.
@Suite struct DayRolloverTests {
    @Test func crossingTheRolloverRestartsTheDailyLimitsAndRefreshesTheQueue() {
        let deck = Fixtures.deck()
        var s = Fixtures.state(limits: StudyLimits(newPerDay: 1, reviewsPerDay: 10))
        Trainer.start(&s, filter: .all, now: Fixtures.now)
        // The one new face of today, answered Easy: nothing else today.
        s = Fixtures.run(s, [.reveal, .grade(.easy)]).0
        guard case .summary = s.mode else {
            Issue.record("the daily limit should end the session")
            return
        }
        // Back home, the next morning after 4 a.m.: the day boundary moves on
        // and a new session gets today's new face.
        let morning = Fixtures.dayEnd.addingTimeInterval(3600)
        s = Fixtures.run(s, [.back], from: morning).0
        let (next, effects) = Trainer.update(s, TrainerEvent(.newDay(dayEnd: Fixtures.dayEnd.addingTimeInterval(86_400)), at: morning))
        #expect(effects.isEmpty)
        #expect(next.dayEnd == Fixtures.dayEnd.addingTimeInterval(86_400))
        #expect(next.catalog.progress.newStudiedToday == 0)
        var started = next
        Trainer.start(&started, filter: .all, now: morning)
        #expect(started.session?.current != nil)
        _ = deck
    }

    @Test func aRunningSessionGetsTheNewDaysQueue() {
        var s = Fixtures.state(limits: StudyLimits(newPerDay: 2, reviewsPerDay: 10))
        Trainer.start(&s, filter: .all, now: Fixtures.now)
        s = Fixtures.run(s, [.reveal, .grade(.easy)]).0
        // One new face answered, one on screen: today's limit is used up.
        #expect(s.session?.left == 1)
        let morning = Fixtures.dayEnd.addingTimeInterval(60)
        let (next, _) = Trainer.update(s, TrainerEvent(.newDay(dayEnd: Fixtures.dayEnd.addingTimeInterval(86_400)), at: morning))
        // The face on screen stays; the queue is the new day's: new faces
        // again, up to the limit of two — the one on screen is one of them,
        // and is not queued twice.
        #expect(next.session?.current?.item.key == s.session?.current?.item.key)
        #expect(next.session?.left == 2)
        #expect(next.session?.queue.waiting.contains { $0.key == s.session?.current?.item.key } == false)
    }
}
