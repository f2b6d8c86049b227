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
