import DeckFormat
import Foundation
import ReviewStore
import Study

/// Reads the statistics' figures from the store, the one way `jatta stats`
/// and the trainer's statistics screen both do it, so they show the same.
enum StatisticsLoading {
    /// The figures of the cards in `scope` at `now`, with the lines of the
    /// cards in `decks`, through the student's own scheduler (their fitted
    /// parameters, if any), so R is the R their reviews are scheduled by.
    static func figures(
        store: ProgressStore?, scope: StatisticsScope, decks: [Deck], now: Date, timeZone: TimeZone
    ) throws -> StudyStatistics {
        shown(try figuresNamedAsStored(store: store, scope: scope, decks: decks, now: now, timeZone: timeZone))
    }

    /// `figures`, each deck file named as the store keeps it
    /// (`StoredDeckFile.of`): what `withLines` compares with decks read later.
    static func figuresNamedAsStored(
        store: ProgressStore?, scope: StatisticsScope, decks: [Deck], now: Date, timeZone: TimeZone
    ) throws -> StudyStatistics {
        let scheduler = try StudySetup.scheduler(timeZone: timeZone, store: store)
        let builder = StatisticsBuilder(now: now, timeZone: timeZone, scheduler: scheduler)
        guard let store else {
            return builder.statistics(StatisticsInput(cards: [], answers: [], quizzes: [], cardsStudiedToday: 0))
        }
        var scope = scope
        scope.deckFiles = try withOlderSpellings(scope.deckFiles, in: store)
        var cards = StatisticsBuilder.CardTally()
        let registered = try store.forEachStatisticsCard(scope: scope) { row, identity in
            let progress = row.progress
            try builder.add(
                deckFile: row.deckFile, level: row.level, group: row.group, state: progress.state,
                stability: progress.stability, due: progress.due, lastReview: progress.lastReview,
                lapses: progress.lapses, suspended: progress.suspended, buriedUntil: progress.buriedUntil, to: &cards,
                key: { try identity.key() }, describe: { (try identity.prompt(), nil) })
        }
        for group in registered {
            builder.addUnseen(
                deckFile: group.deckFile, level: group.level, group: group.group, registered: group.count, to: &cards)
        }
        var figures = builder.statistics(
            try Self.input(store: store, scope: scope, now: now, timeZone: timeZone), cards: cards)
        figures.hardest = withLines(figures.hardest, decks: decks)
        return figures
    }

    /// `files` (stored names; nil: every file) with every other spelling
    /// of them the store holds: a store written before deck files had one
    /// stored name keeps a file as it was typed until the trainer
    /// registers it again, and a log that met two spellings keeps both
    /// (docs/progress-store.md, "Deck file names").
    static func withOlderSpellings(_ files: [String]?, in store: ProgressStore) throws -> [String]? {
        guard let files else { return nil }
        return files + (try store.olderSpellings(of: Set(files)) { StoredDeckFile.of($0) })
    }

    /// `figures` with each deck file named as the student reads it
    /// (`StoredDeckFile.shown`), not as the store keeps it.
    static func shown(_ figures: StudyStatistics) -> StudyStatistics {
        var figures = figures
        for index in figures.knowledgeGroups.indices {
            figures.knowledgeGroups[index].deckFile = StoredDeckFile.shown(figures.knowledgeGroups[index].deckFile)
        }
        for index in figures.hardest.indices {
            figures.hardest[index].deckFile = StoredDeckFile.shown(figures.hardest[index].deckFile)
        }
        return figures
    }

    /// `hardest` with each card's deck line, where `decks` hold its key.
    /// The decks the store names for those cards are looked through first,
    /// the others only for keys still unplaced (a deck read from another
    /// folder has another file name). A map of every face's line cost more
    /// than the rest of the statistics screen at 100,000 cards, and so did
    /// making every card's faces: a face's key begins with its card's id
    /// (`StudyFace.key`), so only cards whose id begins one of the ten
    /// keys have their faces made and compared.
    static func withLines(_ hardest: [StudyStatistics.HardCard], decks: [Deck]) -> [StudyStatistics.HardCard] {
        var result = hardest
        // Cards already given a line (by decks read before) are left as they are.
        var unplaced = Dictionary(grouping: result.indices.filter { result[$0].line == nil }, by: { result[$0].key })
        var beginnings = Set<Substring>()
        var ends = KeyBeginningEnds()
        for key in unplaced.keys {
            for end in key.indices { beginnings.insert(key[..<end]) }
            beginnings.insert(key[...])
            ends.add(key)
        }
        // A deck the store names for some keys is left as soon as those
        // are found (half of it, on average), and read on from there only
        // if a key is still unplaced once every deck was read: one whose
        // named deck was not read, or did not hold it.
        var waiting: [String: Int] = [:]
        for places in unplaced.values { waiting[result[places[0]].deckFile, default: 0] += 1 }
        // Reads `deck`'s cards from `start`, placing the keys found, until
        // `leave` says so; returns where it stopped (nil: at the end).
        // `leave` is asked only when something was placed (it hashes the
        // deck's file name; asked for every card, that was most of this).
        func read(_ deck: Deck, from start: Int, leave: () -> Bool) -> Int? {
            if unplaced.isEmpty || leave() { return start }
            // Through the buffer, so that no card is copied whole unless it may match.
            return deck.cards.withUnsafeBufferPointer { cards in
                for index in start..<cards.endIndex {
                    let id = cards[index].id.rawValue
                    guard ends.mayBegin(id), beginnings.contains(Substring(id)) else { continue }
                    var placed = false
                    for face in cards[index].faces {
                        guard let found = unplaced.removeValue(forKey: face.key) else { continue }
                        for place in found { result[place].line = cards[index].location.line }
                        waiting[result[found[0]].deckFile, default: 0] -= 1
                        placed = true
                    }
                    if placed, unplaced.isEmpty || leave() { return index + 1 }
                }
                return nil
            }
        }
        // The store names a deck file by `StoredDeckFile`, the decks as typed.
        let files = Set(unplaced.values.map { result[$0[0]].deckFile })
        var left: [(deck: Deck, at: Int)] = []
        for deck in decks.filter({ files.contains(StoredDeckFile.of($0.file)) }) {
            let stored = StoredDeckFile.of(deck.file)
            if let at = read(deck, from: deck.cards.startIndex, leave: { waiting[stored, default: 0] <= 0 }) {
                left.append((deck, at))
            }
        }
        for deck in decks.filter({ !files.contains(StoredDeckFile.of($0.file)) }) { _ = read(deck, from: deck.cards.startIndex) { false } }
        for (deck, at) in left { _ = read(deck, from: at) { false } }
        return result
    }

    /// The scope of a trainer's statistics screen: the decks of `filter`
    /// (nil: every deck of the session) and, with a level or tag, the
    /// faces of the cards that match.
    static func scope(_ filter: StudyFilter, decks: [Deck]) -> StatisticsScope {
        let chosen = decks.filter { filter.includes(deck: $0) }
        var scope = StatisticsScope(deckFiles: chosen.map { StoredDeckFile.of($0.file) })
        if filter.level != nil || filter.tag != nil {
            scope.keys = chosen.flatMap { deck in
                deck.cards.filter { filter.includes(card: $0) }.flatMap { $0.faces.map(\.key) }
            }
        }
        return scope
    }

    /// The deck line of every face of `decks`, by key.
    static func lines(_ decks: [Deck]) -> [String: Int] {
        var result: [String: Int] = [:]
        for deck in decks {
            for card in deck.cards {
                for face in card.faces { result[face.key] = card.location.line }
            }
        }
        return result
    }

    /// The store's sums of the log, copied into the figures' input (the
    /// cards are tallied as they are read, in `figures`).
    static func input(store: ProgressStore, scope: StatisticsScope, now: Date, timeZone: TimeZone) throws
        -> StatisticsInput
    {
        let day = StudySetup.day(of: now, timeZone: timeZone)
        let answers = try store.answerSlots(scope: scope).map {
            StatisticsInput.AnswerTally(
                start: $0.start, answers: $0.answers, correct: $0.correct, durationMilliseconds: $0.durationMilliseconds,
                youngPassed: $0.youngPassed, youngFailed: $0.youngFailed, maturePassed: $0.maturePassed,
                matureFailed: $0.matureFailed)
        }
        let quizzes = try store.quizTallies(scope: scope).map {
            StatisticsInput.QuizTally(
                session: $0.session, start: $0.start, level: $0.level, answers: $0.answers, correct: $0.correct)
        }
        let studied = try store.cardsAnswered(from: day.start, to: day.end, scope: scope)
        return StatisticsInput(cards: [], answers: answers, quizzes: quizzes, cardsStudiedToday: studied)
    }
}
