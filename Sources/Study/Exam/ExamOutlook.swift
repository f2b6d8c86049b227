import DeckFormat
import FSRS
import Foundation

/// One exam as the home screen and `jatta exam` show it: its decks, the
/// plan and the readiness forecast, made from the catalog at `now`.
public struct ExamOutlook: Hashable, Sendable {
    /// The exam.
    public var exam: Exam
    /// The deck files studied for it, in catalog order.
    public var deckFiles: [String]
    /// How new faces are paced to it.
    public var plan: ExamPlan
    /// The forecast of exam-day recall.
    public var readiness: ExamReadiness

    /// The outlook of every exam ahead of the catalog's decks (as
    /// `Exam.assign` gave them), soonest first. Faces the student suspended
    /// are left out. `introducedToday` holds the keys first answered today:
    /// each counts against the plan of its own exam.
    public static func make(
        catalog: StudyCatalog, examsByDeck: [String: Exam], scheduler: ExamScheduler, defaultWorkload: Int,
        introducedToday: Set<String>, now: Date
    ) -> [ExamOutlook] {
        let days = scheduler.base.configuration.dayCounting
        let today = days.dayNumber(of: now)
        var groups: [Exam: [String]] = [:]
        for deck in catalog.decks {
            if let exam = examsByDeck[deck.file] { groups[exam, default: []].append(deck.file) }
        }
        let ordered = groups.keys.sorted { ($0.date, $0.paths.joined()) < ($1.date, $1.paths.joined()) }
        return ordered.compactMap { exam in
            let files = groups[exam] ?? []
            let examDay = exam.date.dayNumber
            let filter = StudyFilter(deckFiles: Set(files))
            // A large catalog whose keys are distinct is gone over in two
            // halves at once (`StudyCatalog.overHalves`): each half's cards
            // numbered from 0, the second's moved past the first's when
            // the two are joined, as one walk numbers them. The first has
            // room for both halves' faces, so joining copies none of it.
            let path = Self.path(examDay: examDay, scheduler: scheduler)
            func plan(unseen: Int, newToday: Int, scheduled: [Int]) -> ExamPlan? {
                ExamPlan.make(
                    unseen: unseen, introducedToday: newToday, today: today, examDay: examDay,
                    workload: exam.workload ?? defaultWorkload, scheduled: scheduled, path: path)
            }
            // From the kept queue and its readiness records when the
            // catalog has them (`KeptTally`): no face walked but those
            // changed, hidden, or judged anew on a later day.
            if let kept = KeptTally(
                catalog: catalog, files: Set(files), examDay: examDay, scheduler: scheduler,
                introducedToday: introducedToday, now: now)
            {
                guard let plan = plan(unseen: kept.unseen, newToday: kept.newToday, scheduled: kept.scheduled)
                else { return nil }
                let readiness = ExamReadiness.forecast(cards: kept.cards, plan: plan, rule: scheduler.rule, path: path)
                return ExamOutlook(exam: exam, deckFiles: files, plan: plan, readiness: readiness)
            }
            let tally = catalog.overHalves(matching: filter) { range in
                Tally(
                    catalog: catalog, filter: filter, decks: range, exam: exam, scheduler: scheduler,
                    introducedToday: introducedToday, now: now, roomFor: range.lowerBound == 0 ? catalog.decks.indices : range)
            } join: { tally, later in
                tally.append(later)
            }
            guard let plan = plan(unseen: tally.unseen, newToday: tally.newToday, scheduled: tally.scheduled)
            else { return nil }
            let readiness = ExamReadiness.forecast(judged: tally.faces, plan: plan, rule: scheduler.rule, path: path)
            return ExamOutlook(exam: exam, deckFiles: files, plan: plan, readiness: readiness)
        }
    }

    /// What a walk over an exam's faces counts for its plan and forecast.
    struct Tally: Sendable {
        /// Faces never studied (suspended ones left out).
        var unseen = 0
        /// Faces first answered today.
        var newToday = 0
        /// Reviews due on each day from today to the exam's eve, as the
        /// rule has moved them.
        var scheduled: [Int]
        /// Every face, its card numbered in walk order, judged
        /// (`ExamReadiness.Judge`): a studied face's readiness does not
        /// depend on the plan, and is worked out here, in the halves.
        var faces: [ExamReadiness.JudgedFace] = []
        /// How many cards were numbered.
        var cards = 0

        /// The tally of the faces of the decks at `decks` (every face once;
        /// faces the student suspended left out), with room for the faces
        /// of the decks at `roomFor` (by default `decks`).
        init(
            catalog: StudyCatalog, filter: StudyFilter, decks: Range<Int>, exam: Exam, scheduler: ExamScheduler,
            introducedToday: Set<String>, now: Date, roomFor: Range<Int>? = nil
        ) {
            let days = scheduler.base.configuration.dayCounting
            let today = days.dayNumber(of: now)
            let examDay = exam.date.dayNumber
            var unseen = 0
            var newToday = 0
            var scheduled = Array(repeating: 0, count: max(0, examDay - today))
            var faces: [ExamReadiness.JudgedFace] = []
            var judge = ExamReadiness.Judge(today: today, examDay: examDay, scheduler: scheduler)
            // The first instant of each day a review is moved to, worked
            // out once a day, not once a review (`DayStarts`).
            var starts = DayStarts(days)
            var cards = 0
            // Sized once (a quarter more than the cards: terms have two
            // faces); grown face by face, its copies were fresh memory.
            let cardCount = catalog.decks[roomFor ?? decks].reduce(0) {
                filter.includes(deck: $1) ? $0 + $1.cards.count : $0
            }
            faces.reserveCapacity(cardCount + cardCount / 4)
            // Every face once. This runs at each start and on every way
            // back home: a face's key is made only when something must be
            // looked up by it, and its card is numbered without a string
            // of its id when ids are distinct (each card met is another).
            let suspended = catalog.progress.suspended
            let distinct = catalog.keysAreDistinct
            var cardNumbers: [String: Int] = [:]
            var lastCard = FacePlace(deck: -1, card: -1, face: 0)
            let needsKey = !suspended.isEmpty || !introducedToday.isEmpty || !distinct
            catalog.forEachFace(matching: filter, now: now, decks: decks) { _, face, place, schedule in
                let key = needsKey ? face.key : nil
                if let key, suspended.contains(key) { return }
                if let key, introducedToday.contains(key) { newToday += 1 }
                let card: Int
                if distinct {
                    // A card's faces come one after another.
                    if place.deck != lastCard.deck || place.card != lastCard.card {
                        lastCard = place
                        cards += 1
                    }
                    card = cards - 1
                } else {
                    let id = face.card.id.rawValue
                    card = cardNumbers[id] ?? cardNumbers.count
                    cardNumbers[id] = card
                    cards = cardNumbers.count
                }
                let studied = schedule.isNew ? nil : schedule
                faces.append(judge.judge(ExamReadiness.Face(card: card, level: face.card.level, schedule: studied)))
                guard let studied else {
                    unseen += 1
                    return
                }
                // With distinct keys every face here is of this exam's
                // decks, so its day is the exam's; else the face's key
                // says which exam it is studied for.
                let moved: CardSchedule
                if let key {
                    moved =
                        scheduler.examDays[key].map {
                            scheduler.adjusted(studied, examDay: $0, today: today, starts: &starts)
                        } ?? studied
                } else {
                    moved = scheduler.adjusted(studied, examDay: examDay, today: today, starts: &starts)
                }
                let offset = max(today, days.dayNumber(of: moved.due)) - today
                if offset < scheduled.count { scheduled[offset] += 1 }
            }
            (self.unseen, self.newToday, self.scheduled, self.faces, self.cards) =
                (unseen, newToday, scheduled, faces, cards)
        }

        /// Adds the tally of the decks after this one's, as if this walk
        /// had gone on over them: their cards numbered after this one's.
        mutating func append(_ next: Tally) {
            unseen += next.unseen
            newToday += next.newToday
            for (day, count) in next.scheduled.enumerated() { scheduled[day] += count }
            faces.reserveCapacity(faces.count + next.faces.count)
            for var face in next.faces {
                face.card += UInt32(cards)
                faces.append(face)
            }
            cards += next.cards
        }
    }

    /// The path of a new face introduced on a day (`ExamPath.newFace`), for
    /// the exam on `examDay` and `scheduler`'s rule and configuration.
    static func path(examDay: Int, scheduler: ExamScheduler) -> (Int) -> ExamPath {
        let configuration = scheduler.base.configuration
        let rule = scheduler.rule
        return { day in
            ExamPath.newFace(
                introducedOn: day, examDay: examDay, rule: rule, desiredRetention: configuration.desiredRetention,
                learningSteps: configuration.learningSteps.count, maximumInterval: configuration.maximumInterval)
        }
    }

    /// The exam scheduler for a session: every face of a deck with an exam
    /// ahead studies toward that exam's day. When every deck has the same
    /// exam day, so does every face (`ExamDays.everyFace`), and no key is
    /// listed: a face of a deck added to the folder during the session
    /// then studies toward it too, as it will from the next start.
    public static func scheduler(base: Scheduler, decks: [Deck], examsByDeck: [String: Exam]) -> ExamScheduler {
        let deckDays = decks.map { examsByDeck[$0.file]?.date.dayNumber }
        if let first = deckDays.first, let day = first, deckDays.allSatisfy({ $0 == day }) {
            return ExamScheduler(base: base, examDays: ExamDays(everyFace: day))
        }
        var days: [String: Int] = [:]
        // Sized once: grown key by key it was rehashed a dozen times at
        // 100,000 cards.
        days.reserveCapacity(decks.reduce(0) { examsByDeck[$1.file] == nil ? $0 : $0 + $1.cards.count } * 5 / 4)
        for deck in decks {
            guard let exam = examsByDeck[deck.file] else { continue }
            let day = exam.date.dayNumber
            for card in deck.cards {
                // The id's string made once per card, no array of faces.
                let id = card.id
                card.forEachFace { face in days[face.key(of: id)] = day }
            }
        }
        return ExamScheduler(base: base, examDays: ExamDays(days))
    }
}

extension ExamReadiness.Judge {
    /// A judge of the faces studied for the exam on `examDay` under
    /// `scheduler`: its rule, its way of counting days, and the path a
    /// face learnt on a day follows (`ExamOutlook.path`).
    init(today: Int, examDay: Int, scheduler: ExamScheduler) {
        self.init(
            today: today, examDay: examDay, rule: scheduler.rule, dayCounting: scheduler.base.configuration.dayCounting,
            path: ExamOutlook.path(examDay: examDay, scheduler: scheduler))
    }
}
