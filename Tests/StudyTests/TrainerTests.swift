import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

@Suite struct TrainerTests {
    let deck = Fixtures.deck()
    var scheduler: Scheduler { Fixtures.scheduler() }

    /// A state studying only the card at `index` of the fixture deck.
    func studying(_ index: Int, direction: StudyFace.Direction = .forward) -> TrainerState {
        var s = Fixtures.state()
        let card = deck.cards[index]
        let key = StudyFace(card: card, direction: direction).key
        // Hide every other face so the session holds exactly this one.
        s.catalog.progress.suspended = Set(deck.cards.flatMap(\.faces).map(\.key)).subtracting([key])
        Trainer.start(&s, filter: .all, now: Fixtures.now)
        return s
    }

    @Test func homeStartsASessionOnTheSelectedDeck() {
        let other = Fixtures.deck("Q: Басқа?\nA: Иә\n", file: "decks/other.deck")
        let (s, effects) = Fixtures.run(Fixtures.state([deck, other]), [.moveSelection(1), .moveSelection(1), .start])
        #expect(effects.isEmpty)
        #expect(s.session?.current?.item.deckFile == "decks/other.deck")
        #expect(s.session?.left == 1)
    }

    @Test func homeFiltersCycle() {
        let (s, _) = Fixtures.run(Fixtures.state(), [.cycleLevel, .cycleLevel, .cycleTag])
        #expect(s.home.level == 2)
        #expect(s.home.tag == "Глоссарий")
        let (wrapped, _) = Fixtures.run(s, [.cycleLevel, .cycleLevel])
        #expect(wrapped.home.level == nil)
    }

    @Test func selfGradedFaceRecordsWhatTheSchedulerGives() throws {
        let s0 = studying(1)
        let attempt = try #require(s0.session?.current)
        #expect(attempt.style == .selfGraded)
        #expect(attempt.previews == scheduler.preview(attempt.item.schedule, at: Fixtures.now, cardKey: attempt.item.key))

        let (s1, e1) = Fixtures.run(s0, [.reveal])
        #expect(e1.isEmpty)
        #expect(s1.session?.current?.revealed == true)

        let answeredAt = Fixtures.now.addingTimeInterval(12)
        let (s2, e2) = Trainer.update(s1, TrainerEvent(.grade(.good), at: answeredAt))
        let record = try #require(Fixtures.records(e2).first)
        #expect(record.key == deck.cards[1].id.rawValue)
        #expect(record.rating == .good)
        #expect(record.duration == 12)
        #expect(record.before.isNew)
        #expect(record.after == scheduler.review(record.before, rating: .good, at: answeredAt, cardKey: record.key))
        #expect(record.level == 1)
        #expect(!record.overruled)
        // Good on a new card moves it to the second learning step: it comes
        // back within the session, so the session goes on with it.
        #expect(s2.catalog.progress.schedules[record.key] == record.after)
        #expect(s2.session?.queue.learning.map(\.key) == [record.key] || s2.session?.current?.item.key == record.key)
    }

    @Test func learningStepsBringTheFaceBackWithinTheSession() throws {
        var s = studying(1)
        var t = Fixtures.now
        var answers = 0
        // Again, then Good twice: steps of 1 and 10 minutes, then graduation.
        for rating in [Rating.again, .good, .good] {
            let key = try #require(s.session?.current?.item.key)
            #expect(key == deck.cards[1].id.rawValue)
            s = Trainer.update(s, TrainerEvent(.reveal, at: t)).0
            let (next, effects) = Trainer.update(s, TrainerEvent(.grade(rating), at: t))
            s = next
            answers += Fixtures.records(effects).count
            t = t.addingTimeInterval(11 * 60)
            s = Trainer.update(s, TrainerEvent(.toggleHelp, at: t)).0
            s = Trainer.update(s, TrainerEvent(.toggleHelp, at: t)).0
        }
        #expect(answers == 3)
        guard case .summary(let summary, _) = s.mode else {
            Issue.record("the session should be over once the card graduated")
            return
        }
        #expect(summary.answers == 3)
        #expect(summary.facesStudied == 1)
        #expect(summary.correct == 2)
        #expect(s.catalog.progress.schedules[deck.cards[1].id.rawValue]?.state == .review)
    }

    @Test func typedAnswerIsCheckedAndSuggestsTheGrade() throws {
        let s0 = studying(0, direction: .reverse)
        #expect(s0.session?.current?.style == .typed)
        let (s1, _) = Fixtures.run(s0, "  режим ".map { .type($0) } + [.reveal])
        let attempt = try #require(s1.session?.current)
        #expect(attempt.verdict == .correct)
        #expect(attempt.selectedRating == .good)
        let (_, effects) = Fixtures.run(s1, [.acceptRating])
        #expect(Fixtures.records(effects).map(\.rating) == [.good])
    }

    @Test func anotherKeyboardsLettersSuggestGoodButATypoHard() throws {
        // As a quiz grades them: Russian-layout letters are the keyboard's
        // doing, not a weaker recall; a misspelling is.
        let kz = Fixtures.deck("T: Тәуелсіздік\nD: Егемен ел болу.\n")
        func answer(_ typed: String) -> Attempt? {
            var s = Fixtures.state([kz])
            Trainer.start(&s, filter: .all, now: Fixtures.now)
            // The forward face first; the typed reverse face follows it.
            let (typing, _) = Fixtures.run(s, [.reveal, .grade(.easy)])
            #expect(typing.session?.current?.style == .typed)
            return Fixtures.run(typing, typed.map { .type($0) } + [.reveal]).0.session?.current
        }
        let russian = try #require(answer("Тауелсиздик"))
        guard case .noted(let note) = russian.verdict else {
            Issue.record("not a noted verdict: \(String(describing: russian.verdict))")
            return
        }
        #expect(note.kk.contains("Тәуелсіздік"))
        #expect(russian.selectedRating == .good)
        let typo = try #require(answer("Тәулсіздік"))
        #expect(typo.verdict.map { if case .close = $0 { true } else { false } } == true)
        #expect(typo.selectedRating == .hard)
    }

    @Test func wrongTypedAnswerSuggestsAgainAndOverrulingIsLogged() throws {
        let s0 = studying(3)
        let (s1, _) = Fixtures.run(s0, "1991".map { .type($0) } + [.reveal])
        let attempt = try #require(s1.session?.current)
        #expect(attempt.verdict?.isCorrect == false)
        #expect(attempt.selectedRating == .again)
        let (_, effects) = Fixtures.run(s1, [.grade(.hard)])
        let record = try #require(Fixtures.records(effects).first)
        #expect(record.rating == .hard)
        #expect(record.overruled)
    }

    @Test func backspaceEditsTheTypedAnswer() {
        let (s, _) = Fixtures.run(studying(3), [.type("1"), .type("9"), .type("8"), .deleteBackward, .type("9"), .type("2")])
        #expect(s.session?.current?.typed == "1992")
    }

    @Test func blankTypedAnswerMeansNotKnown() {
        let (s, _) = Fixtures.run(studying(3), [.reveal])
        #expect(s.session?.current?.verdict == .blank)
        #expect(s.session?.current?.selectedRating == .again)
    }

    @Test func choiceIsGradedFromThePick() throws {
        let s0 = studying(2)
        let options = try #require(s0.session?.current?.options)
        #expect(Set(options.map(\.text)) == ["Империализм", "Неоколониализм", "Гегемония"])
        let right = try #require(options.firstIndex { $0.isCorrect }) + 1
        let wrong = try #require(options.firstIndex { !$0.isCorrect }) + 1

        let (good, _) = Fixtures.run(s0, [.pickOption(right)])
        #expect(good.session?.current?.revealed == true)
        #expect(good.session?.current?.verdict == .correct)
        #expect(good.session?.current?.selectedRating == .good)

        let (bad, _) = Fixtures.run(s0, [.pickOption(wrong)])
        #expect(bad.session?.current?.verdict?.isCorrect == false)
        let (_, effects) = Fixtures.run(bad, [.acceptRating])
        #expect(Fixtures.records(effects).map(\.rating) == [.again])
    }

    @Test func choiceWithSeveralRightOptionsNeedsThemAll() throws {
        let multi = Fixtures.deck("Q: Жұп сандар?\n* 2\n* 4\n- 3\n")
        var s = Fixtures.state([multi])
        Trainer.start(&s, filter: .all, now: Fixtures.now)
        let options = try #require(s.session?.current?.options)
        let right = options.indices.filter { options[$0].isCorrect }.map { $0 + 1 }
        let (one, _) = Fixtures.run(s, [.pickOption(right[0]), .reveal])
        #expect(one.session?.current?.verdict?.isCorrect == false)
        let (both, _) = Fixtures.run(s, [.pickOption(right[0]), .pickOption(right[1]), .reveal])
        #expect(both.session?.current?.verdict == .correct)
    }

    @Test func optionOrderIsShuffledButStable() throws {
        let a = try #require(studying(2).session?.current?.options)
        let b = try #require(studying(2).session?.current?.options)
        #expect(a == b)
        // Across many seeds, the right option is not always first.
        let firsts = (0..<20).map { Attempt.shuffled([0, 1, 2], seed: "k\($0)")[0] }
        #expect(Set(firsts).count > 1)
    }

    @Test func tickedKeyPointsSuggestTheGrade() throws {
        let (s0, _) = Fixtures.run(studying(4), [.reveal])
        #expect(s0.session?.current?.style == .keyPoints)
        #expect(s0.session?.current?.selectedRating == .again)
        let (one, _) = Fixtures.run(s0, [.toggleKeyPoint(2)])
        #expect(one.session?.current?.selectedRating == .hard)
        let (two, _) = Fixtures.run(one, [.moveCursor(1), .toggleAtCursor])
        #expect(two.session?.current?.ticked == [1, 2])
        #expect(two.session?.current?.selectedRating == .good)
        // The student may still choose another grade.
        let (_, effects) = Fixtures.run(two, [.moveRating(1), .acceptRating])
        #expect(Fixtures.records(effects).map(\.rating) == [.easy])
        #expect(Attempt.suggestedRating(ticked: 3, of: 3) == .good)
    }

    @Test func undoRestoresTheFaceAndItsProgress() throws {
        let s0 = Fixtures.run(Fixtures.state(), [.start]).0
        let first = try #require(s0.session?.current?.item)
        let (s1, e1) = Fixtures.run(s0, [.reveal, .grade(.easy)])
        #expect(Fixtures.records(e1).count == 1)
        #expect(s1.catalog.progress.schedules[first.key] != nil)
        #expect(s1.catalog.progress.newStudiedToday == 1)
        let second = try #require(s1.session?.current?.item)

        let (s2, e2) = Fixtures.run(s1, [.undo])
        #expect(e2 == [.undoLast(key: first.key)])
        #expect(s2.session?.current?.item == first)
        #expect(s2.session?.current?.revealed == false)
        #expect(s2.catalog.progress.schedules[first.key] == nil)
        #expect(s2.catalog.progress.newStudiedToday == 0)
        #expect(s2.session?.done == 0)
        #expect(s2.session?.queue.waiting.first == second)
        #expect(s2.notice == .undone)

        let (s3, e3) = Fixtures.run(s2, [.undo])
        #expect(e3.isEmpty)
        #expect(s3.notice == .nothingToUndo)
    }

    @Test func buryAndSuspendHideTheFaceAndCanBeUndone() throws {
        let s0 = Fixtures.run(Fixtures.state(), [.start]).0
        let first = try #require(s0.session?.current?.item.key)
        let (s1, e1) = Fixtures.run(s0, [.bury])
        #expect(e1 == [.bury(key: first, until: Fixtures.dayEnd)])
        #expect(s1.session?.current?.item.key != first)
        #expect(s1.catalog.progress.buriedUntil[first] == Fixtures.dayEnd)
        let second = try #require(s1.session?.current?.item.key)
        let (s2, e2) = Fixtures.run(s1, [.suspend])
        #expect(e2 == [.suspend(key: second)])
        #expect(s2.catalog.progress.suspended.contains(second))

        // Each undo says what it took back: nothing was answered.
        let (s2b, _) = Fixtures.run(s2, [.undo])
        #expect(s2b.notice == .hidingUndone(suspended: true))
        let (s3, e3) = Fixtures.run(s2, [.undo, .undo])
        #expect(s3.notice == .hidingUndone(suspended: false))
        #expect(e3 == [.undoLast(key: second), .undoLast(key: first)])
        #expect(s3.session?.current?.item.key == first)
        #expect(s3.catalog.progress.suspended.isEmpty)
        #expect(s3.catalog.progress.buriedUntil.isEmpty)
    }

    @Test func undoWorksFromTheSummary() throws {
        let s0 = studying(1)
        let (s1, _) = Fixtures.run(s0, [.reveal, .grade(.easy)])
        guard case .summary = s1.mode else {
            Issue.record("Easy graduates the only card, ending the session")
            return
        }
        let (s2, effects) = Fixtures.run(s1, [.undo])
        #expect(effects == [.undoLast(key: deck.cards[1].id.rawValue)])
        #expect(s2.session?.current?.item.key == deck.cards[1].id.rawValue)
    }

    @Test func quitAndBackAndEdit() throws {
        let s0 = studying(1)
        #expect(Fixtures.run(s0, [.quit]).1 == [.quit])
        #expect(Fixtures.run(s0, [.edit]).1 == [.edit(deck.cards[1].location)])
        let (ended, effects) = Fixtures.run(s0, [.back])
        #expect(effects.isEmpty)
        guard case .summary(let summary, _) = ended.mode else {
            Issue.record("back ends the session")
            return
        }
        #expect(summary.answers == 0)
        #expect(Fixtures.run(ended, [.back]).0.session == nil)
        #expect(Fixtures.run(Fixtures.state(), [.back]).1 == [.quit])
    }

    @Test func helpOverlaySwallowsKeysUntilClosed() {
        let s0 = studying(1)
        let (s1, e1) = Fixtures.run(s0, [.toggleHelp, .reveal, .grade(.good)])
        #expect(e1.isEmpty)
        #expect(s1.showsHelp)
        #expect(s1.session?.current?.revealed == false)
        let (s2, _) = Fixtures.run(s1, [.back])
        #expect(!s2.showsHelp)
        #expect(s2.session != nil)
    }

    @Test func reloadKeepsProgressKeysAndShowsTheFixedText() throws {
        let s0 = studying(1)
        let fixed = Fixtures.deck(Fixtures.text.replacingOccurrences(of: "A: Астана", with: "A: Астана қаласы"))
        let (s1, _) = Fixtures.run(s0, [.reload([fixed])])
        #expect(s1.session?.current?.item.key == deck.cards[1].id.rawValue)
        #expect(s1.session?.current?.item.card.answer == "Астана қаласы")
        #expect(s1.notice == .reloaded)

        let removed = Fixtures.deck("Q: Басқа?\nA: Иә\n")
        let (s2, _) = Fixtures.run(s0, [.reload([removed])])
        #expect(s2.session == nil)
    }

    @Test func aChoiceCardWhoseCorrectMarkIsRemovedLeavesTheSession() {
        let s0 = studying(2)
        #expect(s0.session?.current?.item.card.kind == .choice)
        let unmarked = Fixtures.deck(Fixtures.text.replacingOccurrences(of: "* Империализм", with: "- Империализм"))
        #expect(unmarked.cards.count == deck.cards.count)  // still in the deck, with a warning
        let (s1, _) = Fixtures.run(s0, [.reload([unmarked])])
        #expect(s1.session == nil)
        #expect(s1.notice == .cardRemoved)
    }

    /// Errors the re-read found travel with the reload: the notice carries
    /// their count and the first one, and a card that still parses shows
    /// its new text.
    @Test func reloadWithErrorsReportsTheFirstAndTheCount() throws {
        let s0 = studying(1)
        let source = Fixtures.text.replacingOccurrences(of: "level: 1", with: "levle: 1")
            .replacingOccurrences(of: "C: Қазақстан БҰҰ-ға {1992} жылы", with: "C: Қазақстан БҰҰ-ға {1992 жылы")
        let parsed = DeckParser.parse(Array(source.utf8), file: "decks/test.deck")
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        try #require(errors.count == 2)
        let (s1, _) = Fixtures.run(s0, [.reload([parsed.deck], errors: errors)])
        guard case .reloadedWithErrors(let problems) = s1.notice else {
            Issue.record("expected a notice with the errors, got \(String(describing: s1.notice))")
            return
        }
        #expect(problems.errorCount == 2)
        #expect(problems.first == errors[0])
        #expect(problems.first.location.line == 13)
        #expect(problems.first.code == "unknown-field")
        #expect(!problems.keptLastGoodCard)
        #expect(s1.session?.current?.item.key == deck.cards[1].id.rawValue)
    }

    /// An edit that leaves the card unreadable keeps its last good version
    /// for this session (the deck has errors, so the card may only be
    /// broken); a clean deck without the card drops it as before.
    @Test func reloadKeepsTheLastGoodCardWhenTheEditBrokeIt() throws {
        let s0 = studying(1)
        let before = try #require(s0.session?.current?.item)
        let broken = Fixtures.text.replacingOccurrences(of: "Q: Қазақстанның астанасы?\nA: Астана\n", with: "Q: Қазақстанның астанасы?\n")
        let parsed = DeckParser.parse(Array(broken.utf8), file: "decks/test.deck")
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        try #require(!errors.isEmpty)
        try #require(!parsed.deck.cards.contains { $0.id == before.card.id })
        let (s1, _) = Fixtures.run(s0, [.reload([parsed.deck], errors: errors)])
        #expect(s1.session?.current?.item.key == before.key)
        #expect(s1.session?.current?.item.card.answer == "Астана")
        guard case .reloadedWithErrors(let problems) = s1.notice else {
            Issue.record("expected a notice with the errors, got \(String(describing: s1.notice))")
            return
        }
        #expect(problems.keptLastGoodCard)
        // Studying goes on from the kept version: grading it records its key.
        let (_, effects) = Fixtures.run(s1, [.reveal, .grade(.good)])
        #expect(Fixtures.records(effects).map(\.key) == [before.key])
    }

    @Test func nothingToStudyStaysHome() {
        var progress = ProgressSnapshot()
        progress.suspended = Set(deck.cards.flatMap(\.faces).map(\.key))
        let (s, _) = Fixtures.run(Fixtures.state(progress: progress), [.start])
        #expect(s.session == nil)
        #expect(s.notice == .nothingToStudy)
    }

    @Test func summaryCountsAndNextDue() throws {
        let (s, _) = Fixtures.run(studying(1), [.reveal, .grade(.again), .back], from: Fixtures.now, step: 5)
        guard case .summary(let summary, _) = s.mode else {
            Issue.record("back ends the session")
            return
        }
        #expect(summary.answers == 1)
        #expect(summary.correct == 0)
        #expect(summary.shareCorrect == 0)
        #expect(summary.timeSpent == 10)
        let schedule = try #require(s.catalog.progress.schedules[deck.cards[1].id.rawValue])
        #expect(summary.nextDue == schedule.due)
        #expect(summary.dueTomorrow == 1)
    }
}
