import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// Custom study: search, card info and unsuspend, the custom selections,
/// and practice sessions that leave the schedule alone.
@Suite struct CustomStudyTests {
    let deck = Fixtures.deck()
    var keys: [String] { deck.cards.flatMap(\.faces).map(\.key) }
    var termKey: String { deck.cards[0].id.rawValue }

    func review(dueIn: TimeInterval, lapses: Int = 0) -> CardSchedule {
        CardSchedule(
            state: .review, step: nil, memory: MemoryState(stability: 3, difficulty: 5),
            due: Fixtures.now.addingTimeInterval(dueIn), lastReview: Fixtures.now.addingTimeInterval(-3 * 86_400),
            reps: 2, lapses: lapses)
    }

    // MARK: Search

    @Test func searchFoldsKazakhCaseAndLookAlikesAndLooksInAnswers() {
        let catalog = StudyCatalog(decks: [deck])
        // Upper case Kazakh, and a Latin P inside a Cyrillic word.
        #expect(CardSearch.matches("РЕЖИМ", in: catalog).map(\.card.id) == [deck.cards[0].id])
        #expect(CardSearch.matches("Pежим", in: catalog).map(\.card.id) == [deck.cards[0].id])
        // A word of the answer (the definition), and of a choice's option.
        #expect(CardSearch.matches("қағидалары", in: catalog).map(\.card.id) == [deck.cards[0].id])
        #expect(CardSearch.matches("неоколониализм", in: catalog).map(\.card.id) == [deck.cards[2].id])
        #expect(CardSearch.matches("ӘЛЕМ", in: catalog).isEmpty)
        #expect(CardSearch.matches("  ", in: catalog).isEmpty)
    }

    /// Comparing folded texts byte by byte (`CardSearch.holds`) answers as
    /// comparing them as strings does: on generated texts of Kazakh,
    /// Latin and other letters, combining marks, spaces and punctuation,
    /// against queries cut from them and queries of the same letters.
    @Test func theByteComparisonOfASearchIsTheStringComparison() {
        let alphabet = Array("ӘәІіҢңҒғҮүҰұҚқӨөҺһЖжаеоeaoc  -.,«»\"'?ÅÄé\u{301}\u{306}\r\n\t日ё…–—№₸°×÷\u{A0}“”•′\u{2028}\u{200D}")
        var rng = SeededGenerator(seed: 20_261_206)
        func text(_ length: Int) -> String {
            String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        }
        var bytes = 0
        var threeByteSigns = 0
        for _ in 0..<5_000 {
            let haystack = text(Int(rng.next() % 30))
            let scalars = Array(haystack.unicodeScalars)
            let cut: String
            if scalars.isEmpty || rng.next() % 2 == 0 {
                cut = text(Int(rng.next() % 4) + 1)
            } else {
                let start = Int(rng.next() % UInt64(scalars.count))
                let end = min(scalars.count, start + Int(rng.next() % 5) + 1)
                cut = String(String.UnicodeScalarView(scalars[start..<end]))
            }
            let query = CardSearch.fold(cut)
            guard !query.isEmpty else { continue }
            #expect(
                CardSearch.holds(haystack, query) == CardSearch.fold(haystack).contains(query),
                "«\(haystack)» «\(query)»")
            var key = CardSearch.fold(haystack)
            var folded = query
            if key.withUTF8(CardSearch.isSimple) && folded.withUTF8(CardSearch.isSimple) {
                bytes += 1
                // Three-byte signs (a cloze's `[…]`, №, ₸) on that path too.
                if key.unicodeScalars.contains(where: { $0.value >= 0x800 }) { threeByteSigns += 1 }
            }
        }
        // Most pairs are compared by their bytes, so the comparison above
        // covers that path, signs of three bytes among them.
        #expect(bytes > 1_000)
        #expect(threeByteSigns > 100)
        // An empty query too (the search never asks it).
        for text in ["", "режим", "日本"] {
            #expect(CardSearch.holds(text, "") == CardSearch.fold(text).contains(""), "«\(text)»")
        }
    }

    /// A catalog whose keys are distinct and large enough to be searched
    /// in two halves at once finds the cards, in the order, that the
    /// search card by card with a set of the ids met finds.
    @Test func aSearchInTwoHalvesFindsWhatOneFinds() throws {
        let words = ["режим", "гегемония", "одақ", "мүдде", "егемендік"]
        var rng = SeededGenerator(seed: 20_261_207)
        let decks = (0..<5).map { d in
            Deck(
                file: "decks/d\(d).deck",
                cards: (0..<4_100).map { c in
                    let prompt = (0..<3).map { _ in words[Int(rng.next() % 5)] }.joined(separator: " ") + " \(d)-\(c) […]"
                    return Card(
                        id: CardID(rawValue: "q-\(d)-\(c)"),
                        content: .question(QuestionCard(question: prompt, answer: "жауап \(c % 7)")),
                        location: SourceLocation(file: "decks/d\(d).deck", line: c + 1))
                })
        }
        var split = StudyCatalog(decks: decks, progress: ProgressSnapshot())
        split.keysAreDistinct = true
        try #require(split.halves(matching: .all) != nil, "the catalog is searched in two halves")
        let whole = StudyCatalog(decks: decks, progress: ProgressSnapshot())
        for query in ["ГЕГЕМОНИЯ одақ", "жауап 3", "2-44", "режим режим", "ешқандай"] {
            let found = CardSearch.matches(query, in: split)
            #expect(found == CardSearch.matches(query, in: whole), "«\(query)»")
            #expect(query == "ешқандай" ? found.isEmpty : !found.isEmpty, "«\(query)»")
        }
        #expect(CardSearch.matches("жауап", in: split).count == 20_500)
    }

    @Test func aMatchShowsEachFaceWithItsSchedule() throws {
        var progress = ProgressSnapshot(schedules: [termKey: review(dueIn: 2 * 86_400, lapses: 2)])
        progress.suspended = [termKey + "/reverse"]
        let match = try #require(CardSearch.matches("режим", in: StudyCatalog(decks: [deck], progress: progress)).first)
        #expect(match.faces.map(\.key) == [termKey, termKey + "/reverse"])
        #expect(match.faces.map(\.stage) == [.review, .new])
        #expect(match.faces[0].schedule?.lapses == 2)
        #expect(match.suspendedKeys == [termKey + "/reverse"])
    }

    /// The custom-study menu's counts, made in one walk over the faces,
    /// are the sizes of the queues its choices start, for every filter,
    /// with failed, suspended and buried faces, and several days ahead.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func theMenusCountsAreTheQueuesSizes(seed: UInt64) {
        var catalog = SplitWalkTests.catalog(seed: seed, files: SplitWalkTests.files)
        let keys = catalog.decks.flatMap { $0.cards.flatMap { $0.faces.map(\.key) } }
        for (i, key) in keys.enumerated() {
            switch (i + Int(seed)) % 11 {
            case 0: catalog.progress.failures[key] = Fixtures.now.addingTimeInterval(-60)
            case 1: catalog.progress.failures[key] = Fixtures.now.addingTimeInterval(-3 * 86_400)
            case 2: catalog.progress.suspended.insert(key)
            case 3: catalog.progress.buriedUntil[key] = Fixtures.now.addingTimeInterval(3_600)
            case 4: catalog.progress.buriedUntil[key] = Fixtures.now.addingTimeInterval(-3_600)
            default: break
            }
        }
        let now = Fixtures.now, dayEnd = Fixtures.dayEnd
        for filter in [StudyFilter.all, StudyFilter(level: 2), StudyFilter(tag: "b"),
                       StudyFilter(deckFiles: ["decks/1.deck", "decks/4.deck"])]
        {
            let studies: [CustomStudy] = [
                CustomStudy(.failedToday), CustomStudy(.failedThisWeek), CustomStudy(.ahead(days: 0)),
                CustomStudy(.ahead(days: 3)), CustomStudy(.ahead(days: 40)), CustomStudy(.extraNew(10)),
                CustomStudy(.everything, practice: true),
            ]
            let counts = CustomStudy.counts(of: studies, catalog: catalog, filter: filter, now: now, dayEnd: dayEnd)
            let sizes = studies.map { $0.queue(catalog: catalog, filter: filter, now: now, dayEnd: dayEnd).count }
            #expect(counts == sizes, "seed \(seed), filter \(filter)")
            // Both as the selections say, counted here from every face made
            // into an item, hidden faces left out.
            let items = catalog.items(matching: filter, now: now).filter { !catalog.progress.isHidden($0.key, at: now) }
            func failed(since: Date) -> Int { items.count { (catalog.progress.failures[$0.key] ?? .distantPast) >= since } }
            func ahead(_ days: Double) -> Int {
                items.count { !$0.schedule.isNew && $0.schedule.due < dayEnd.addingTimeInterval(days * 86_400) }
            }
            let expected = [
                failed(since: dayEnd.addingTimeInterval(-86_400)), failed(since: now.addingTimeInterval(-CustomStudy.week)),
                ahead(0), ahead(3), ahead(40), 0, items.count,
            ]
            #expect(counts == expected, "seed \(seed), filter \(filter)")
            // Asked again (the next frame), the counts kept are the same.
            #expect(CustomStudy.counts(of: studies, catalog: catalog, filter: filter, now: now, dayEnd: dayEnd) == counts)
            // The catalog holds what each choice is about.
            if filter == .all { #expect(sizes[0] > 0 && sizes[1] > sizes[0] && sizes[4] > sizes[2], "seed \(seed)") }
        }
    }

    /// The menu's counts kept for the next frame are not given back once a
    /// burial has ended or a failure has left the last seven days.
    @Test func theMenusKeptCountsFollowTheClock() {
        var catalog = SplitWalkTests.catalog(seed: 3, files: SplitWalkTests.files)
        let now = Fixtures.now, dayEnd = Fixtures.dayEnd
        // Two faces a session may ask now.
        let keys = catalog.items(matching: .all, now: now).map(\.key).filter { !catalog.progress.isHidden($0, at: now) }
        catalog.progress.buriedUntil[keys[0]] = now.addingTimeInterval(600)
        catalog.progress.failures[keys[1]] = now.addingTimeInterval(-CustomStudy.week + 600)
        let studies = [CustomStudy(.failedThisWeek), CustomStudy(.everything)]
        func counted(at time: Date) -> [Int] {
            CustomStudy.counts(of: studies, catalog: catalog, filter: .all, now: time, dayEnd: dayEnd)
        }
        let before = counted(at: now)
        let later = counted(at: now.addingTimeInterval(1_200))
        #expect(later[0] == before[0] - 1)
        #expect(later[1] == before[1] + 1)
        #expect(counted(at: now) == before)
    }

    @Test func searchOpensCardInfoWhichLoadsHistoryAndUnsuspends() throws {
        var s = Fixtures.state()
        s.catalog.progress.suspended = [termKey, termKey + "/reverse"]
        var (state, effects) = Fixtures.run(s, [.openSearch] + "режим".map { .type($0) } + [.reveal])
        guard case .search(let search)? = state.home.panel else { throw Failure("no search panel") }
        #expect(search.matches.map(\.card.id) == [deck.cards[0].id])
        #expect(!search.editing)
        (state, effects) = Fixtures.run(state, [.showInfo])
        #expect(effects == [.loadHistory(keys: [termKey, termKey + "/reverse"])])
        let entry = CardHistoryEntry(
            key: termKey, time: Fixtures.now, kind: "suspend", rating: nil, undone: false, stageAfter: nil, dueAfter: nil)
        (state, _) = Fixtures.run(state, [.historyLoaded(keys: [termKey, termKey + "/reverse"], [entry])])
        guard case .cardInfo(let info)? = state.home.panel else { throw Failure("no card info") }
        #expect(info.history == [entry])
        (state, effects) = Fixtures.run(state, [.unsuspend])
        #expect(
            effects == [
                .unsuspend(key: termKey), .unsuspend(key: termKey + "/reverse"),
                .loadHistory(keys: [termKey, termKey + "/reverse"]),
            ])
        #expect(state.catalog.progress.suspended.isEmpty)
        #expect(state.notice == .unsuspended)
        // Again: nothing left to bring back, and nothing asked of the store.
        (state, effects) = Fixtures.run(state, [.unsuspend])
        #expect(effects.isEmpty)
        #expect(state.notice == .notSuspended)
        // Back to the matches, which show the faces as they are now.
        (state, _) = Fixtures.run(state, [.back])
        guard case .search(let back)? = state.home.panel else { throw Failure("not back at the search") }
        #expect(back.matches.first?.suspendedKeys == [])
    }

    @Test func practisingTheCardsFoundStartsAPracticeOnTheirFaces() {
        let (state, _) = Fixtures.run(Fixtures.state(), [.openSearch] + "режим".map { .type($0) } + [.reveal, .studyFound(practice: true)])
        let session = state.session
        #expect(session?.practice == true)
        #expect(session.map { [$0.current!.item.key] + $0.queue.waiting.map(\.key) } == [termKey, termKey + "/reverse"])
        #expect(state.home.panel == nil)
    }

    // MARK: Practice

    @Test func aPracticeRecordsNothingAndChangesNoSchedule() {
        let progress = ProgressSnapshot(schedules: [termKey: review(dueIn: 5 * 86_400)])
        var s = Fixtures.state(progress: progress)
        Trainer.start(&s, filter: .all, now: Fixtures.now, custom: CustomStudy(.everything, practice: true))
        let before = s.catalog.progress
        #expect(s.session?.left == keys.count)
        // The term (self-graded): Again, so it comes back at the end.
        let (state, effects) = Fixtures.run(s, [.reveal, .grade(.again)])
        #expect(effects.isEmpty)
        #expect(state.catalog.progress == before)
        #expect(state.session?.queue.waiting.last?.key == termKey)
        #expect(state.session?.answers.map(\.rating) == [.again])
        // Undo takes the answer back without asking the store for anything.
        let (undone, undoEffects) = Fixtures.run(state, [.undo])
        #expect(undoEffects.isEmpty)
        #expect(undone.session?.current?.item.key == termKey)
        #expect(undone.session?.answers.isEmpty == true)
    }

    @Test func realStudyRecordsAndPracticeDoesNotForTheSameAnswers() {
        // The same answer in a custom session that reschedules is recorded.
        var s = Fixtures.state()
        Trainer.start(&s, filter: .all, now: Fixtures.now, custom: CustomStudy(.everything))
        let (_, effects) = Fixtures.run(s, [.reveal, .grade(.good)])
        #expect(Fixtures.records(effects).map(\.key) == [termKey])
    }

    // MARK: Selections

    @Test func failedTodayAndThisWeekDrawFromTheFailures() {
        var progress = ProgressSnapshot(schedules: [
            keys[0]: review(dueIn: 600), keys[2]: review(dueIn: 3 * 86_400), keys[3]: review(dueIn: 86_400),
        ])
        progress.failures = [
            keys[0]: Fixtures.now.addingTimeInterval(-3600),  // today
            keys[2]: Fixtures.now.addingTimeInterval(-3 * 86_400),  // this week
            keys[3]: Fixtures.now.addingTimeInterval(-9 * 86_400),  // before the week
        ]
        let catalog = StudyCatalog(decks: [deck], progress: progress)
        func queue(_ selection: CustomStudy.Selection) -> [String] {
            CustomStudy(selection).queue(catalog: catalog, filter: .all, now: Fixtures.now, dayEnd: Fixtures.dayEnd)
                .waiting.map(\.key)
        }
        #expect(queue(.failedToday) == [keys[0]])
        #expect(queue(.failedThisWeek) == [keys[0], keys[2]])
    }

    @Test func aFaceFailedInThisRunIsFailedTodayUntilTheAnswerIsUndone() {
        var s = Fixtures.state()
        Trainer.start(&s, filter: .all, now: Fixtures.now)
        let (failed, _) = Fixtures.run(s, [.reveal, .grade(.again)])
        let failedToday = CustomStudy(.failedToday)
        func queue(_ state: TrainerState) -> [String] {
            failedToday.queue(catalog: state.catalog, filter: .all, now: Fixtures.now, dayEnd: Fixtures.dayEnd).waiting.map(\.key)
        }
        #expect(queue(failed) == [termKey])
        let (undone, _) = Fixtures.run(failed, [.undo])
        #expect(queue(undone).isEmpty)
        // A practice Again is not a failure.
        var p = Fixtures.state()
        Trainer.start(&p, filter: .all, now: Fixtures.now, custom: CustomStudy(.everything, practice: true))
        #expect(queue(Fixtures.run(p, [.reveal, .grade(.again)]).0).isEmpty)
    }

    @Test func studyAheadTakesFacesDueWithinTheDaysAndReschedules() {
        let progress = ProgressSnapshot(schedules: [
            keys[0]: review(dueIn: 2.5 * 86_400), keys[2]: review(dueIn: 10 * 86_400),
        ])
        var s = Fixtures.state(progress: progress)
        let dayEnd = Fixtures.dayEnd
        #expect(
            CustomStudy(.ahead(days: 1)).queue(catalog: s.catalog, filter: .all, now: Fixtures.now, dayEnd: dayEnd)
                .isEmpty)
        Trainer.start(&s, filter: .all, now: Fixtures.now, custom: CustomStudy(.ahead(days: 2)))
        #expect(s.session?.current?.item.key == keys[0])
        #expect(s.session?.queue.isEmpty == true)
        let (_, effects) = Fixtures.run(s, [.reveal, .grade(.good)])
        #expect(Fixtures.records(effects).map(\.key) == [keys[0]])
    }

    @Test func extraNewCardsRaiseTodaysAllowance() {
        var s = Fixtures.state(progress: ProgressSnapshot(newStudiedToday: 20))
        Trainer.start(&s, filter: .all, now: Fixtures.now)
        #expect(s.notice == .nothingToStudy)
        let effects = Trainer.start(&s, filter: .all, now: Fixtures.now, custom: CustomStudy(.extraNew(2)))
        #expect(s.session?.left == 2)
        #expect(s.limits.newPerDay == 20)
        #expect(s.limits.extraNewToday == 2)
        // Kept in the store until the study day ends.
        #expect(effects == [.keepExtraNew(ExtraNewToday(count: 2, until: Fixtures.dayEnd))])
        // A second raise the same day adds up.
        let more = Trainer.start(&s, filter: .all, now: Fixtures.now, custom: CustomStudy(.extraNew(3)))
        #expect(more == [.keepExtraNew(ExtraNewToday(count: 5, until: Fixtures.dayEnd))])
    }

    @Test func extraNewCardsEndWithTheirDay() {
        var s = Fixtures.state(progress: ProgressSnapshot(newStudiedToday: 20))
        Trainer.start(&s, filter: .all, now: Fixtures.now, custom: CustomStudy(.extraNew(2)))
        (s, _) = Fixtures.run(s, [.back, .back])
        let morning = Fixtures.dayEnd.addingTimeInterval(3600)
        s = Trainer.update(s, TrainerEvent(.newDay(dayEnd: Fixtures.dayEnd.addingTimeInterval(86_400)), at: morning)).0
        #expect(s.limits.extraNewToday == 0)
        #expect(s.limits.newRoom(studiedToday: 0) == 20)
    }

    @Test func extraNewTodayAsStoredHoldsUntilItsRollover() throws {
        let kept = ExtraNewToday(count: 15, until: Fixtures.dayEnd)
        let read = try #require(ExtraNewToday(stored: kept.stored))
        #expect(read == kept)
        #expect(read.count(at: Fixtures.now) == 15)
        #expect(read.count(at: Fixtures.dayEnd.addingTimeInterval(-1)) == 15)
        #expect(read.count(at: Fixtures.dayEnd) == 0)
        #expect(ExtraNewToday(stored: nil) == nil)
        #expect(ExtraNewToday(stored: "ten 1772510400") == nil)
        #expect(ExtraNewToday(stored: "-3 1772510400") == nil)
    }

    @Test func theMenuStartsTheChosenCustomStudyOnTheSelectedRow() {
        var progress = ProgressSnapshot(schedules: [keys[3]: review(dueIn: 600)])
        progress.failures = [keys[3]: Fixtures.now.addingTimeInterval(-2 * 86_400)]
        let (state, _) = Fixtures.run(
            Fixtures.state(progress: progress), [.openCustomStudy, .pickOption(2), .togglePractice, .start])
        #expect(state.session?.custom == CustomStudy(.failedThisWeek, practice: true))
        #expect(state.session?.current?.item.key == keys[3])
        // Nothing failed today: the menu stays, with the notice.
        let (stay, _) = Fixtures.run(Fixtures.state(progress: progress), [.openCustomStudy, .start])
        #expect(stay.notice == .nothingToStudy)
        #expect(stay.home.panel == .custom(CustomMenu()))
    }

    @Test func theMenuNumbersChangeWithinBounds() {
        let (state, _) = Fixtures.run(Fixtures.state(), [.openCustomStudy, .pickOption(3), .adjust(-1), .adjust(-1), .adjust(-5)])
        guard case .custom(let menu)? = state.home.panel else {
            Issue.record("no menu")
            return
        }
        #expect(menu.aheadDays == 1)
        #expect(menu.study == CustomStudy(.ahead(days: 1)))
    }

    @Test func aNewDayKeepsACustomSessionsFaces() {
        var s = Fixtures.state()
        Trainer.start(&s, filter: .all, now: Fixtures.now, custom: CustomStudy(.faces([termKey]), practice: true))
        let (state, _) = Fixtures.run(s, [.newDay(dayEnd: Fixtures.dayEnd.addingTimeInterval(86_400))])
        #expect(state.session?.queue.isEmpty == true)
        #expect(state.session?.current?.item.key == termKey)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
