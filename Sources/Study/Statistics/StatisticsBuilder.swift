import FSRS
import Foundation

/// Computes `StudyStatistics` from what the store returned. Pure: the
/// moment, the day's rollover and the time zone come in as values, and the
/// scheduler supplies retrievability, so R here is the R the scheduler acts on.
public struct StatisticsBuilder: Sendable {
    /// The moment the figures are for.
    public var now: Date
    /// The hour local days start at (4, as the scheduler counts days).
    public var rolloverHour: Int
    /// The student's time zone.
    public var timeZone: TimeZone
    /// The scheduler whose retrievability the knowledge figures use.
    public var scheduler: Scheduler

    /// Days of future due shown.
    public static let futureDays = 30
    /// Weeks of calendar shown.
    public static let calendarWeeks = 26
    /// Hardest cards listed.
    public static let hardestCount = 10
    /// An interval of this many days or more makes a card mature (Anki's rule).
    public static let matureDays = 21

    public init(now: Date, rolloverHour: Int = 4, timeZone: TimeZone, scheduler: Scheduler) {
        self.now = now
        self.rolloverHour = rolloverHour
        self.timeZone = timeZone
        self.scheduler = scheduler
    }

    /// The scheduler day `date` falls on.
    public func day(of date: Date) -> Int {
        SchedulerDay.number(of: date, rolloverHour: rolloverHour, timeZone: timeZone)
    }

    /// All figures. The cards' figures are `cards` when given (tallied one
    /// card at a time as the store read them), else those of `input.cards`.
    public func statistics(_ input: StatisticsInput, cards: CardTally? = nil) -> StudyStatistics {
        let today = day(of: now)
        var answersPerDay: [Int: Int] = [:]
        var todayFigures = StudyStatistics.Today(
            cardsStudied: input.cardsStudiedToday, answers: 0, correct: 0, seconds: 0, streakDays: 0)
        var retention = ["today", "yesterday", "week", "month", "year", "all"].map {
            StudyStatistics.Retention(period: $0)
        }
        for slot in input.answers {
            let d = day(of: slot.start)
            answersPerDay[d, default: 0] += slot.answers
            if d == today {
                todayFigures.answers += slot.answers
                todayFigures.correct += slot.correct
                todayFigures.seconds += Double(slot.durationMilliseconds) / 1000
            }
            let age = today - d
            for (index, within) in [age == 0, age == 1, age < 7, age < 30, age < 365, true].enumerated() where within {
                retention[index].youngPassed += slot.youngPassed
                retention[index].youngFailed += slot.youngFailed
                retention[index].maturePassed += slot.maturePassed
                retention[index].matureFailed += slot.matureFailed
            }
        }
        var streakDay = (answersPerDay[today] ?? 0) > 0 ? today : today - 1
        while (answersPerDay[streakDay] ?? 0) > 0 {
            todayFigures.streakDays += 1
            streakDay -= 1
        }
        let calendarStart = today - Self.calendarWeeks * 7 + 1
        let calendar = (calendarStart...today).map {
            StudyStatistics.DayCount(day: $0, date: Self.date(ofDay: $0), answers: answersPerDay[$0] ?? 0)
        }
        let tally = cards ?? input.cards.reduce(into: CardTally()) { add($1, to: &$0) }
        let groups = tally.groups
        let sortedGroups = groups.keys.sorted {
            ($0.deckFile, $0.level ?? Int.min) < ($1.deckFile, $1.level ?? Int.min)
        }.map {
            StudyStatistics.KnowledgeGroup(deckFile: $0.deckFile, level: $0.level, knowledge: groups[$0] ?? .init())
        }
        return StudyStatistics(
            today: today, now: now, studiedToday: todayFigures, knowledge: tally.total, knowledgeGroups: sortedGroups,
            futureDue: tally.future, calendar: calendar, trueRetention: retention, hardest: tally.hardest,
            quizzes: Self.quizScores(input.quizzes))
    }

    /// The figures made from the cards, built one card at a time (`add`),
    /// so that the cards need not all be held at once.
    public struct CardTally: Sendable {
        struct Group: Hashable {
            var deckFile: String
            var level: Int?
        }

        /// All cards together.
        var total = StudyStatistics.Knowledge()
        /// Per deck file and level, in the order first met.
        private var groupList: [(group: Group, knowledge: StudyStatistics.Knowledge)] = []
        /// Where each group is in `groupList`.
        private var groupIndex: [Group: Int] = [:]
        /// The group the last card belonged to: cards of one deck often
        /// come together, and then no deck file is hashed.
        private var lastGroup = 0
        /// Where the group the caller numbered N is in `groupList` (-1:
        /// not met yet): the store numbers its deck file and level pairs,
        /// and cards read in key order change pair almost every card.
        private var numbered: [Int] = []
        /// Reviews coming due.
        var future = StudyStatistics.FutureDue(backlog: 0, days: Array(repeating: 0, count: futureDays))
        /// The day numbers of the cards' dates, once the first card came
        /// (the builder's rollover hour and time zone).
        var days: DayNumbers?
        /// Whether the scheduler counts R's days as `days` numbers them
        /// (scheduler days, with the same rollover and zone).
        var daysCountR = false
        /// The day number of the builder's `now`, once the first card came
        /// (numbered once, not once per card).
        var today = 0
        /// R of the (stability, elapsed days) pairs met, so that a pair
        /// met again is not computed again.
        var retrievabilities = RetrievabilityMemo()
        /// The hardest cards so far, hardest first, at most `hardestCount`.
        public internal(set) var hardest: [StudyStatistics.HardCard] = []

        public init() {}

        /// Per deck file and level.
        var groups: [Group: StudyStatistics.Knowledge] {
            Dictionary(groupList.map { ($0.group, $0.knowledge) }, uniquingKeysWith: { first, _ in first })
        }

        /// The figures of `deckFile` and `level`, to be changed by
        /// `change`; `number`, when given, is the caller's number for the
        /// pair (the same for every card of it).
        mutating func changeGroup(
            deckFile: String, level: Int?, number: Int? = nil, _ change: (inout StudyStatistics.Knowledge) -> Void
        ) {
            if let number, number >= 0 {
                if number >= numbered.count { numbered += Array(repeating: -1, count: number + 1 - numbered.count) }
                if numbered[number] < 0 {
                    changeGroup(deckFile: deckFile, level: level) { _ in }
                    numbered[number] = lastGroup
                }
                change(&groupList[numbered[number]].knowledge)
                return
            }
            if lastGroup >= groupList.count || groupList[lastGroup].group.level != level
                || groupList[lastGroup].group.deckFile != deckFile
            {
                let group = Group(deckFile: deckFile, level: level)
                if let known = groupIndex[group] {
                    lastGroup = known
                } else {
                    groupList.append((group, StudyStatistics.Knowledge()))
                    lastGroup = groupList.count - 1
                    groupIndex[group] = lastGroup
                }
            }
            change(&groupList[lastGroup].knowledge)
        }
    }

    /// Counts the cards of `deckFile` and `level` not added one by one as
    /// new: `registered` of them in all, less those already counted (the
    /// store hands over only the cards that have progress).
    public func addUnseen(deckFile: String, level: Int?, group: Int? = nil, registered: Int, to tally: inout CardTally) {
        var unseen = 0
        tally.changeGroup(deckFile: deckFile, level: level, number: group) { k in
            unseen = max(0, registered - k.total)
            k.total += unseen
            k.new += unseen
        }
        tally.total.total += unseen
        tally.total.new += unseen
    }

    /// Counts one card in `tally`.
    public func add(_ card: StatisticsInput.Card, to tally: inout CardTally) {
        add(
            deckFile: card.deckFile, level: card.level, schedule: card.schedule, suspended: card.suspended,
            buriedUntil: card.buriedUntil, to: &tally, key: { card.key }, describe: { (card.prompt, card.line) })
    }

    /// Counts one card in `tally` from its deck file, level and progress
    /// (see the next).
    public func add(
        deckFile: String, level: Int?, group: Int? = nil, schedule: CardSchedule?, suspended: Bool,
        buriedUntil: Date?, to tally: inout CardTally, key: () throws -> String,
        describe: () throws -> (prompt: String, line: Int?)
    ) rethrows {
        try add(
            deckFile: deckFile, level: level, group: group, state: schedule?.state,
            stability: schedule?.memory?.stability, due: schedule?.due ?? Date(timeIntervalSince1970: 0),
            lastReview: schedule?.lastReview, lapses: schedule?.lapses ?? 0, suspended: suspended,
            buriedUntil: buriedUntil, to: &tally, key: key, describe: describe)
    }

    /// Counts one card in `tally` from its deck file, level and what the
    /// figures read of its progress: its state (nil: never answered),
    /// stability (nil: no memory state), due date, last review, lapses
    /// and flags — not its step, difficulty or number of reviews, which
    /// no figure shows, so the store's pass need not read them.
    /// Its key is asked for only when it ties with the tenth hardest card,
    /// and its prompt and line only when it is among the hardest so far:
    /// of 100,000 cards, a few dozen. `group`, when given, is the caller's
    /// number for the deck file and level (the same for all their cards).
    public func add(
        deckFile: String, level: Int?, group: Int? = nil, state: SchedulingState?, stability: Double?, due: Date,
        lastReview: Date?, lapses: Int, suspended: Bool, buriedUntil: Date?, to tally: inout CardTally,
        key: () throws -> String, describe: () throws -> (prompt: String, line: Int?)
    ) rethrows {
        if tally.days == nil {
            tally.days = DayNumbers(rolloverHour: rolloverHour, timeZone: timeZone)
            tally.daysCountR = scheduler.configuration.dayCounting == .schedulerDays(
                rolloverHour: rolloverHour, timeZone: timeZone)
            tally.today = tally.days?.number(of: now) ?? day(of: now)
        }
        let today = tally.today
        var r: Double?
        if state != nil {
            let elapsed =
                tally.daysCountR
                ? lastReview.map { DayCounting.elapsedDays(fromDay: tally.days!.number(of: $0), toDay: today) }
                : scheduler.elapsedDays(since: lastReview, at: now)
            if let stability, let elapsed {
                r = tally.retrievabilities.value(stability: stability, days: elapsed) {
                    scheduler.retrievability(stability: stability, elapsedDays: elapsed)
                }
            } else {
                r = scheduler.retrievability(stability: stability, elapsedDays: elapsed)
            }
        }
        let buriedNow = buriedUntil.map { $0 > now } ?? false
        tally.changeGroup(deckFile: deckFile, level: level, number: group) {
            Self.count(
                state, due: due, lastReview: lastReview, suspended: suspended, buriedNow: buriedNow, retrievability: r,
                into: &$0)
        }
        Self.count(
            state, due: due, lastReview: lastReview, suspended: suspended, buriedNow: buriedNow, retrievability: r,
            into: &tally.total)
        guard state != nil, !suspended else { return }
        let dueIn = (tally.days?.number(of: due) ?? day(of: due)) - today
        // As Anki's Future Due: a card buried now is not due today.
        if buriedNow, dueIn <= 0 {
            // left out
        } else if dueIn < 0 {
            tally.future.backlog += 1
        } else if dueIn < Self.futureDays {
            tally.future.days[dueIn] += 1
        }
        // Most lapses first, then the lowest retrievability, then the key.
        let retrievability = r ?? 0
        // The order without the key, nil when only the key can tell.
        func harderWithoutKey(than b: StudyStatistics.HardCard) -> Bool? {
            (b.lapses, retrievability) == (lapses, b.retrievability)
                ? nil : (b.lapses, retrievability) < (lapses, b.retrievability)
        }
        let full = tally.hardest.count == Self.hardestCount
        if full, let last = tally.hardest.last, harderWithoutKey(than: last) == false { return }
        let cardKey = try key()
        func harder(than b: StudyStatistics.HardCard) -> Bool { harderWithoutKey(than: b) ?? (cardKey < b.key) }
        if full, let last = tally.hardest.last, !harder(than: last) { return }
        let at = tally.hardest.firstIndex { harder(than: $0) } ?? tally.hardest.count
        let description = try describe()
        tally.hardest.insert(
            StudyStatistics.HardCard(
                key: cardKey, deckFile: deckFile, line: description.line, prompt: description.prompt,
                lapses: lapses, retrievability: retrievability),
            at: at)
        if tally.hardest.count > Self.hardestCount { tally.hardest.removeLast() }
    }

    /// Adds one card to `k`: its stage (suspended before buried before the
    /// schedule's own stage; `state` nil: never answered), and its R to
    /// the known sum.
    private static func count(
        _ state: SchedulingState?, due: Date, lastReview: Date?, suspended: Bool, buriedNow: Bool,
        retrievability r: Double?, into k: inout StudyStatistics.Knowledge
    ) {
        k.total += 1
        if let r {
            k.known += r
            if r >= 0.9 { k.aboveNinetyPercent += 1 }
        }
        if suspended {
            k.suspended += 1
        } else if buriedNow {
            k.buried += 1
        } else if let state {
            switch state {
            case .learning, .relearning: k.learning += 1
            case .review: isMature(due: due, lastReview: lastReview) ? (k.mature += 1) : (k.young += 1)
            }
        } else {
            k.new += 1
        }
    }

    /// Whether a review card's interval (due − last review) rounds to 21
    /// days or more, the rule the store's True Retention query also uses.
    public static func isMature(_ schedule: CardSchedule) -> Bool {
        isMature(due: schedule.due, lastReview: schedule.lastReview)
    }

    /// `isMature` of a schedule due at `due` and last reviewed at `lastReview`.
    static func isMature(due: Date, lastReview: Date?) -> Bool {
        guard let last = lastReview else { return false }
        return (due.timeIntervalSince(last) / 86_400).rounded() >= Double(matureDays)
    }

    /// Tallies come oldest first (per session and level), so a session's
    /// first tally carries its start.
    private static func quizScores(_ tallies: [StatisticsInput.QuizTally]) -> [StudyStatistics.QuizScore] {
        var order: [String] = []
        var scores: [String: StudyStatistics.QuizScore] = [:]
        for tally in tallies {
            if scores[tally.session] == nil {
                order.append(tally.session)
                scores[tally.session] = StudyStatistics.QuizScore(
                    session: tally.session, start: tally.start, answers: 0, correct: 0, levels: [])
            }
            scores[tally.session]?.answers += tally.answers
            scores[tally.session]?.correct += tally.correct
            scores[tally.session]?.levels.append(
                StudyStatistics.QuizLevelScore(level: tally.level, answers: tally.answers, correct: tally.correct))
        }
        // Levels in order (they came in the order first answered: L3 L1).
        return order.compactMap { scores[$0] }.sorted { $0.start < $1.start }.map { score in
            var score = score
            score.levels.sort { ($0.level ?? Int.max) < ($1.level ?? Int.max) }
            return score
        }
    }

    /// `yyyy-MM-dd` of the local date a scheduler day starts on.
    public static func date(ofDay day: Int) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC") ?? .current, from: Date(timeIntervalSince1970: Double(day) * 86_400))
        func pad(_ n: Int?, _ width: Int) -> String {
            let s = String(n ?? 0)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }
}
