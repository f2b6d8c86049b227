import DeckFormat
import FSRS
import Foundation
import KazakhText

/// The study trainer as a pure state machine: `update(state, event)` gives
/// the next state and the effects to carry out. Nothing here reads a clock,
/// a file or a key.
public enum Trainer {
    public static func update(_ state: TrainerState, _ event: TrainerEvent) -> (TrainerState, [TrainerEffect]) {
        var s = state
        var effects: [TrainerEffect] = []
        s.notice = nil
        let now = event.time
        s.now = now

        switch event.action {
        case .toggleHelp:
            s.showsHelp.toggle()
            s.helpPage = 0
            return (s, [])
        case .quit:
            // An answer already checked is kept, as when leaving to the summary.
            if !s.showsHelp, case .study(var session) = s.mode {
                keepCheckedAnswer(&s, &session, now: now, effects: &effects)
            }
            return (s, effects + [.quit])
        case .historyLoaded(let keys, let entries):
            // An answer from the store, not the student's doing: the notice stays.
            s.notice = state.notice
            receiveHistory(&s, keys: keys, entries)
            return (s, [])
        case .reload(let decks, let errors):
            reload(&s, decks: decks, errors: errors, now: now)
            return (s, [])
        case .effectFailed(let outcome):
            if case .undoRefused(let key, let current) = outcome { keepRefusedUndo(&s, key: key, current: current, now: now) }
            if case .statisticsUnavailable = outcome, case .statistics = s.mode { s.mode = .home }
            s.notice = .effectFailed(outcome)
            return (s, [])
        case .newDay(let dayEnd):
            rollOver(&s, dayEnd: dayEnd, now: now)
            return (s, [])
        case .examChanged(let update):
            applyExam(&s, update, now: now)
        case .showStatistics(let figures):
            // Figures arriving after the student left the screen are dropped.
            if case .statistics(var screen) = s.mode {
                screen.figures = figures
                s.mode = .statistics(screen)
            }
            return (s, [])
        default:
            break
        }
        if s.showsHelp {
            // The overlay swallows everything but help, back, quit and paging.
            switch event.action {
            case .back: s.showsHelp = false
            // The view stops at the last page; the runtime, which knows how
            // many pages the screen holds, stops the count there too.
            case .scroll(let pages): s.helpPage = max(0, s.helpPage + pages)
            default: break
            }
            return (s, [])
        }

        switch s.mode {
        case .home:
            updateHome(&s, event.action, now: now, effects: &effects)
        case .study(var session):
            updateStudy(&s, &session, event.action, now: now, effects: &effects)
        case .statistics(let screen):
            StatisticsNavigation.update(&s, screen, event.action, now: now)
        case .summary(_, var session):
            switch event.action {
            case .back, .reveal, .acceptRating:
                s.mode = .home
                // Home shows today's plan and forecast, answers included.
                refreshExams(&s, now: now)
            case .undo where !session.undoStack.isEmpty:
                s.mode = .study(session)
                undo(&s, &session, now: now, effects: &effects)
                s.mode = .study(session)
            default: break
            }
        }
        return (s, effects)
    }

    // MARK: Home

    static func updateHome(_ s: inout TrainerState, _ action: TrainerAction, now: Date, effects: inout [TrainerEffect]) {
        if s.home.panel != nil {
            updatePanel(&s, action, now: now, effects: &effects)
            return
        }
        let rows = s.catalog.decks.count + 1
        if s.home.examEntry != nil {
            typeExamDate(&s, action, effects: &effects)
            return
        }
        switch action {
        case .openSearch:
            s.home.panel = .search(SearchPanel())
        case .openCustomStudy:
            s.home.panel = .custom(CustomMenu())
        case .moveSelection(let delta):
            s.home.selection = min(max(0, s.home.selection + delta), rows - 1)
            if let tag = s.home.tag, !s.catalog.tags(in: selectedDecks(s)).contains(tag) { s.home.tag = nil }
        case .cycleLevel:
            s.home.level = s.home.level.map { $0 >= 3 ? nil : $0 + 1 } ?? 1
        case .cycleTag:
            let tags = s.catalog.tags(in: selectedDecks(s))
            if let tag = s.home.tag, let i = tags.firstIndex(of: tag) {
                s.home.tag = i + 1 < tags.count ? tags[i + 1] : nil
            } else {
                s.home.tag = tags.first
            }
        case .start, .reveal, .acceptRating:
            effects += start(&s, filter: homeFilter(s, decks: selectedDecks(s)), now: now)
        case .startAll:
            effects += start(&s, filter: homeFilter(s, decks: nil), now: now)
        case .beginExamDate:
            s.home.examEntry = ""
        case .openStatistics:
            let filter = homeFilter(s, decks: selectedDecks(s))
            // The forecast of every exam covering one of the row's decks.
            let exams = s.exams.filter { exam in filter.deckFiles.map { !$0.isDisjoint(with: exam.deckFiles) } ?? true }
            s.mode = .statistics(StatisticsScreen(filter: filter, exams: exams))
            effects.append(.loadStatistics(filter))
        case .back:
            effects.append(.quit)
        default:
            break
        }
    }

    /// The decks of the selected home row: nil for "all decks".
    public static func selectedDecks(_ s: TrainerState) -> Set<String>? {
        let i = s.home.selection - 1
        guard s.catalog.decks.indices.contains(i) else { return nil }
        return [s.catalog.decks[i].file]
    }

    static func homeFilter(_ s: TrainerState, decks: Set<String>?) -> StudyFilter {
        StudyFilter(deckFiles: decks, level: s.home.level, tag: s.home.tag)
    }

    /// Opens a session on `filter`, or stays home with a notice when
    /// nothing is due. Extra new faces raise today's allowance, and the
    /// effect returned keeps the raise in the store for the rest of the day.
    @discardableResult
    public static func start(_ s: inout TrainerState, filter: StudyFilter, now: Date, custom: CustomStudy? = nil)
        -> [TrainerEffect]
    {
        var effects: [TrainerEffect] = []
        if case .extraNew(let more)? = custom?.selection, more > 0 {
            s.limits.extraNewToday += more
            effects.append(.keepExtraNew(ExtraNewToday(count: s.limits.extraNewToday, until: s.dayEnd)))
        }
        let queue: StudyQueue
        if let custom, custom.selection.buildsOwnQueue {
            queue = custom.queue(catalog: s.catalog, filter: filter, now: now, dayEnd: s.dayEnd)
        } else {
            queue = QueueBuilder.build(
                catalog: s.catalog, filter: filter, limits: s.limits, now: now, dayEnd: s.dayEnd,
                newRoom: s.newRoom(decks: filter.deckFiles))
        }
        var session = SessionState(filter: filter, queue: queue, startedAt: now, custom: custom)
        session.keyboard = s.keyboard
        advance(&session, state: s, now: now)
        if session.current == nil {
            s.notice = .nothingToStudy
            return effects
        }
        s.mode = .study(session)
        return effects
    }

    // MARK: Study

    static func updateStudy(
        _ s: inout TrainerState, _ session: inout SessionState, _ action: TrainerAction, now: Date,
        effects: inout [TrainerEffect]
    ) {
        defer { if case .study = s.mode { s.mode = .study(session) } }
        if action == .back {
            keepCheckedAnswer(&s, &session, now: now, effects: &effects)
            if case .study = s.mode { finish(&s, session, now: now) }
            return
        }
        if action == .undo {
            undo(&s, &session, now: now, effects: &effects)
            return
        }
        guard var attempt = session.current else {
            finish(&s, session, now: now)
            return
        }
        switch action {
        case .bury, .suspend:
            let key = attempt.item.key
            session.queue.remove(key: key)
            session.undoStack.append(.hidden(attempt.item, suspended: action == .suspend))
            if action == .bury {
                s.catalog.progress.buriedUntil[key] = s.dayEnd
                effects.append(.bury(key: key, until: s.dayEnd))
                s.notice = .buried
            } else {
                s.catalog.progress.suspended.insert(key)
                effects.append(.suspend(key: key))
                s.notice = .suspended
            }
            session.current = nil
            advance(&session, state: s, now: now)
            if session.current == nil { finish(&s, session, now: now) }
            return
        case .edit:
            effects.append(.edit(attempt.item.card.location))
            return
        case .scroll(let pages):
            // The view clamps to the text; the bound only keeps a held key from
            // winding up a long way back.
            attempt.scroll = min(max(-100, attempt.scroll + pages), 100)
            session.current = attempt
            return
        default:
            break
        }
        if attempt.revealed {
            if let rating = ratingAction(action, attempt: &attempt) {
                session.current = attempt
                grade(&s, &session, rating: rating, now: now, effects: &effects)
                return
            }
        } else {
            if attempt.style == .typed, action == .reveal, s.checker == nil {
                s.checker = TypedAnswer.checker(for: s.catalog.decks)
            }
            answerAction(
                action, attempt: &attempt, checker: s.checker ?? AnswerChecker(knownAnswers: []),
                keyboard: &session.keyboard)
            s.keyboard = session.keyboard
        }
        session.current = attempt
    }

    /// Handles an action before the answer is shown.
    static func answerAction(
        _ action: TrainerAction, attempt a: inout Attempt, checker: AnswerChecker, keyboard: inout KeyboardProfile
    ) {
        switch (a.style, action) {
        case (.typed, .type(let ch)):
            a.typed.append(ch)
        case (.typed, .deleteBackward):
            if !a.typed.isEmpty { a.typed.removeLast() }
        case (.typed, .reveal):
            a.verdict =
                TypedAnswer.check(typed: a.typed, face: a.item.face, checker: checker, profile: keyboard) ?? .wrong(nil)
            keyboard = keyboard.updated(afterTyping: a.typed)
            reveal(&a)
        case (.choice, .pickOption(let n)):
            let i = n - 1
            guard a.options.indices.contains(i) else { return }
            a.cursor = i
            if isMultiple(a) {
                if a.picked.contains(i) { a.picked.remove(i) } else { a.picked.insert(i) }
            } else {
                a.picked = [i]
                submitChoice(&a)
            }
        case (.choice, .moveCursor(let d)):
            a.cursor = clamp(a.cursor + d, count: a.options.count)
        case (.choice, .toggleAtCursor):
            guard a.options.indices.contains(a.cursor) else { return }
            if isMultiple(a) {
                if a.picked.contains(a.cursor) { a.picked.remove(a.cursor) } else { a.picked.insert(a.cursor) }
            } else {
                a.picked = [a.cursor]
            }
        case (.choice, .reveal):
            if a.picked.isEmpty, !isMultiple(a), a.options.indices.contains(a.cursor) { a.picked = [a.cursor] }
            submitChoice(&a)
        case (.selfGraded, .reveal), (.keyPoints, .reveal):
            reveal(&a)
            if a.style == .keyPoints {
                a.selectedRating = Attempt.suggestedRating(ticked: 0, of: a.keyPoints.count)
            }
        default:
            break
        }
    }

    static func isMultiple(_ a: Attempt) -> Bool { a.options.filter(\.isCorrect).count > 1 }

    static func submitChoice(_ a: inout Attempt) {
        a.verdict = a.choiceVerdict
        reveal(&a)
    }

    static func reveal(_ a: inout Attempt) {
        a.revealed = true
        a.cursor = 0
        a.scroll = 0
        if let verdict = a.verdict { a.selectedRating = verdict.suggestedRating }
    }

    /// Handles an action once the answer is shown; returns the grade when
    /// the action gives one.
    static func ratingAction(_ action: TrainerAction, attempt a: inout Attempt) -> Rating? {
        switch action {
        case .grade(let r):
            return r
        case .acceptRating, .reveal:
            return a.selectedRating
        case .moveRating(let d):
            let raw = min(max(Rating.again.rawValue, a.selectedRating.rawValue + d), Rating.easy.rawValue)
            a.selectedRating = Rating(rawValue: raw) ?? a.selectedRating
        case .toggleKeyPoint(let n) where a.style == .keyPoints:
            toggleTick(&a, n - 1)
        case .moveCursor(let d) where a.style == .keyPoints:
            a.cursor = clamp(a.cursor + d, count: a.keyPoints.count)
        case .toggleAtCursor where a.style == .keyPoints:
            toggleTick(&a, a.cursor)
        default:
            break
        }
        return nil
    }

    static func toggleTick(_ a: inout Attempt, _ i: Int) {
        guard a.keyPoints.indices.contains(i) else { return }
        a.cursor = i
        if a.ticked.contains(i) { a.ticked.remove(i) } else { a.ticked.insert(i) }
        a.selectedRating = Attempt.suggestedRating(ticked: a.ticked.count, of: a.keyPoints.count)
    }

    static func clamp(_ i: Int, count: Int) -> Int { min(max(0, i), max(0, count - 1)) }

    /// Records the grade, sends the face back into the session if it is
    /// still learning, and shows the next one.
    static func grade(
        _ s: inout TrainerState, _ session: inout SessionState, rating: Rating, now: Date,
        effects: inout [TrainerEffect]
    ) {
        guard let attempt = session.current else { return }
        let item = attempt.item
        if session.practice {
            practise(&s, &session, rating: rating, now: now)
            return
        }
        let after = s.scheduler.review(item.schedule, rating: rating, at: now, cardKey: item.key)
        let duration = max(0, now.timeIntervalSince(attempt.shownAt))
        effects.append(
            .record(
                ReviewRecord(
                    key: item.key, deckFile: item.deckFile, prompt: promptText(item.face), rating: rating,
                    reviewedAt: now, duration: duration, before: item.schedule, after: after, level: item.card.level,
                    overruled: attempt.verdict.map { !$0.isCorrect && rating != .again } ?? false)))
        s.catalog.progress.schedules[item.key] = after
        if item.schedule.isNew {
            s.catalog.progress.newStudiedToday += 1
            s.introducedToday.insert(item.key)
        } else {
            s.catalog.progress.reviewsDoneToday += 1
        }
        let requeued = after.state != .review && after.due < s.dayEnd
        if requeued {
            var again = item
            again.schedule = after
            session.queue.scheduleAgain(again)
        }
        var given = GivenAnswer(item: item, rating: rating, after: after, requeued: requeued, duration: duration)
        if rating == .again {
            // Failed now: custom study's "failed today" knows it at once.
            given.previousFailure = s.catalog.progress.failures[item.key]
            s.catalog.progress.failures[item.key] = now
        }
        session.answers.append(given)
        session.undoStack.append(.answer(given))
        session.current = nil
        advance(&session, state: s, now: now)
        if session.current == nil { finish(&s, session, now: now) }
    }

    /// Records the face on screen when its answer was already checked (a
    /// pick, a typed answer, ticked key points): the student saw the verdict,
    /// so leaving the card must not lose it. It is graded with the grade
    /// shown as suggested. A face not yet checked is left unanswered.
    static func keepCheckedAnswer(
        _ s: inout TrainerState, _ session: inout SessionState, now: Date, effects: inout [TrainerEffect]
    ) {
        guard let attempt = session.current, attempt.revealed else { return }
        let checked = attempt.verdict != nil || (attempt.style == .keyPoints && !attempt.ticked.isEmpty)
        guard checked else { return }
        grade(&s, &session, rating: attempt.selectedRating, now: now, effects: &effects)
        if case .summary = s.mode { return }
        s.mode = .study(session)
    }

    /// The text logged as the face's prompt.
    public static func promptText(_ face: StudyFace) -> String {
        if face.direction == .reverse, case .term(let t) = face.card.content { return t.definition }
        return face.card.prompt
    }

    /// Takes back the last answer, burial or suspension: the store forgets
    /// it, the face's progress goes back, and the face is asked again now.
    static func undo(_ s: inout TrainerState, _ session: inout SessionState, now: Date, effects: inout [TrainerEffect]) {
        guard let step = session.undoStack.popLast() else {
            s.notice = .nothingToUndo
            return
        }
        session.pendingUndo = step
        let item: StudyItem
        var hidingUndone: Bool?
        switch step {
        case .answer(let last) where session.practice:
            // A practice answer changed nothing and never reached the store.
            item = last.item
            if !session.answers.isEmpty { session.answers.removeLast() }
            session.pendingUndo = nil
        case .answer(let last):
            item = last.item
            if !session.answers.isEmpty { session.answers.removeLast() }
            if last.rating == .again { s.catalog.progress.failures[item.key] = last.previousFailure }
            if last.item.schedule.isNew {
                s.catalog.progress.schedules[item.key] = nil
                s.catalog.progress.newStudiedToday = max(0, s.catalog.progress.newStudiedToday - 1)
                s.introducedToday.remove(item.key)
            } else {
                s.catalog.progress.schedules[item.key] = last.item.schedule
                s.catalog.progress.reviewsDoneToday = max(0, s.catalog.progress.reviewsDoneToday - 1)
            }
        case .hidden(let hidden, let suspended):
            item = hidden
            hidingUndone = suspended
            if suspended {
                s.catalog.progress.suspended.remove(item.key)
            } else {
                s.catalog.progress.buriedUntil[item.key] = nil
            }
        }
        if session.pendingUndo != nil { effects.append(.undoLast(key: item.key)) }
        session.queue.remove(key: item.key)
        if let current = session.current, current.item.key != item.key {
            session.queue.waiting.insert(current.item, at: 0)
        }
        session.current = makeAttempt(item, state: s, now: now)
        s.notice = hidingUndone.map { .hidingUndone(suspended: $0) } ?? .undone
    }

    /// Shows the next face, with its button previews.
    static func advance(_ session: inout SessionState, state: TrainerState, now: Date) {
        guard session.current == nil else { return }
        if let item = session.queue.next(at: now, learnAhead: state.limits.learnAhead) {
            session.current = makeAttempt(item, state: state, now: now)
        }
    }

    static func makeAttempt(_ item: StudyItem, state: TrainerState, now: Date) -> Attempt {
        Attempt(item: item, shownAt: now, previews: state.scheduler.preview(item.schedule, at: now, cardKey: item.key))
    }

    /// Ends the session and shows its summary.
    static func finish(_ s: inout TrainerState, _ session: SessionState, now: Date) {
        let answers = session.answers
        let facesStudied = Set(answers.map(\.item.key)).count
        let correct = answers.filter { $0.rating != .again }.count
        var nextDue: Date? = nil
        let tomorrowEnd = s.dayEnd.addingTimeInterval(86_400)
        // Faces the session did not get to come first: a new face or an
        // overdue review is due now, a face in learning when its step ends.
        for item in session.itemsLeft {
            let due = item.schedule.isNew ? now : max(now, item.schedule.due)
            if nextDue.map({ due < $0 }) ?? true { nextDue = due }
        }
        let studied = s.catalog.studiedDue(matching: session.filter, now: now, before: tomorrowEnd)
        if let due = studied.next, nextDue.map({ due < $0 }) ?? true { nextDue = due }
        s.mode = .summary(
            SessionSummary(
                facesStudied: facesStudied, answers: answers.count, correct: correct,
                timeSpent: max(0, now.timeIntervalSince(session.startedAt)), nextDue: nextDue,
                dueTomorrow: studied.before),
            session)
    }

    /// Follows the store after it refused an undo: the answer stands, so the
    /// face undo brought back is not asked again, and its schedule is the
    /// store's (another session changed it).
    static func keepRefusedUndo(_ s: inout TrainerState, key: String, current: CardSchedule?, now: Date) {
        if let current { s.catalog.progress.schedules[key] = current }
        guard case .study(var session) = s.mode else { return }
        if case .answer(let kept)? = session.pendingUndo, kept.item.key == key {
            // The answer stands in the log: it counts in the summary and
            // against the day's limits again.
            session.answers.append(kept)
            if kept.rating == .again { s.catalog.progress.failures[key] = now }
            if kept.item.schedule.isNew {
                s.catalog.progress.newStudiedToday += 1
            } else {
                s.catalog.progress.reviewsDoneToday += 1
            }
        }
        session.pendingUndo = nil
        guard session.current?.item.key == key else {
            s.mode = .study(session)
            return
        }
        session.current = nil
        advance(&session, state: s, now: now)
        if session.current == nil {
            finish(&s, session, now: now)
        } else {
            s.mode = .study(session)
        }
    }

    /// Starts a new study day: the daily limits count from zero again,
    /// burials that ended come back, and a running session draws from
    /// today's queue (the face on screen stays).
    static func rollOver(_ s: inout TrainerState, dayEnd: Date, now: Date) {
        s.dayEnd = dayEnd
        // Extra new faces were allowed for the day that ended.
        s.limits.extraNewToday = 0
        s.catalog.progress.newStudiedToday = 0
        s.catalog.progress.reviewsDoneToday = 0
        s.catalog.progress.buriedUntil = s.catalog.progress.buriedUntil.filter { $0.value > now }
        // A new day: one day fewer to each exam, nothing introduced yet.
        s.introducedToday = []
        refreshExams(&s, now: now)
        // A custom session keeps the faces the student chose.
        guard case .study(var session) = s.mode, session.custom == nil else { return }
        session.queue = QueueBuilder.build(
            catalog: s.catalog, filter: session.filter, limits: s.limits, now: now, dayEnd: dayEnd,
            newRoom: s.newRoom(decks: session.filter.deckFiles))
        if let current = session.current { session.queue.remove(key: current.item.key) }
        s.mode = .study(session)
    }

    /// Puts re-read decks in place: faces keep their keys, so the session
    /// goes on with the fixed text. A face whose card is gone is dropped when
    /// the decks read cleanly (the author removed it); when the re-read found
    /// errors the card may only be broken, so the face keeps its last good
    /// version for this session and the notice says so.
    static func reload(_ s: inout TrainerState, decks: [Deck], errors: [Diagnostic] = [], now: Date) {
        s.catalog.decks = decks
        s.checker = nil
        // The cards the session's items name, as the decks now have them
        // (a later deck's card of the same id wins). Only those are kept:
        // a table of every card, to look up the few hundred a session
        // holds, took most of the reload after an edit at 100,000 cards.
        var wanted = Set<String>()
        if case .study(let session) = s.mode {
            for item in session.itemsLeft { wanted.insert(item.card.id.rawValue) }
        }
        var cards: [String: (Card, String)] = [:]
        cards.reserveCapacity(wanted.count)
        // A choice card whose `*` was removed while it waited is gone too:
        // it can no longer be answered right.
        for deck in decks where !wanted.isEmpty {
            for card in deck.cards where card.isAnswerable {
                let id = card.id.rawValue
                if wanted.contains(id) { cards[id] = (card, deck.file) }
            }
        }
        let keepsLost = !errors.isEmpty
        func isLost(_ item: StudyItem) -> Bool {
            guard let (card, _) = cards[item.card.id.rawValue] else { return true }
            return item.face.direction == .reverse && card.kind != .term
        }
        func refreshed(_ item: StudyItem) -> StudyItem? {
            if isLost(item) { return keepsLost ? item : nil }
            guard let (card, file) = cards[item.card.id.rawValue] else { return nil }
            var copy = item
            copy.face = StudyFace(card: card, direction: item.face.direction)
            copy.deckFile = file
            return copy
        }
        func notice(keptCard: Bool) -> Notice {
            guard let first = errors.first else { return .reloaded }
            return .reloadedWithErrors(ReloadProblems(errorCount: errors.count, first: first, keptLastGoodCard: keptCard))
        }
        s.notice = notice(keptCard: false)
        guard case .study(var session) = s.mode else { return }
        session.queue.waiting = session.queue.waiting.compactMap(refreshed)
        session.queue.learning = session.queue.learning.compactMap(refreshed)
        if let current = session.current {
            if let item = refreshed(current.item) {
                s.notice = notice(keptCard: isLost(current.item))
                // The text may have changed under the student: ask again.
                session.current = makeAttempt(item, state: s, now: current.shownAt)
            } else {
                session.current = nil
                s.notice = .cardRemoved
                advance(&session, state: s, now: now)
            }
        }
        if session.current == nil {
            finish(&s, session, now: now)
        } else {
            s.mode = .study(session)
        }
    }
}
