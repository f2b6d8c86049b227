import DeckFormat
import FSRS
import Foundation

/// Each card's readiness for its exam as a start judged it, kept with the
/// kept queue (`KeptQueue.readiness`) so that a later start makes the
/// exam's outlook without walking every face: at 100,000 cards the walk
/// that counted and judged every face was two fifths of a start with an
/// exam ahead.
///
/// A card's record says whether it has faces the walk meets, whether its
/// studied faces all reach the target today and with the plan (`Judge`),
/// and how many of its faces the forecast takes as new. Suspension is left out of it: a start judges anew
/// every card with a suspended face, every card changed since (the kept
/// queue's changed faces), and, on a later day, every card with a face
/// whose judgement depends on the day (a review due before today, a face
/// in learning). Every other card's record is what a walk would judge.
public struct KeptReadiness: Sendable, Equatable {
    /// The day (scheduler day number) the records were judged on.
    public internal(set) var day: Int
    /// Each card's record, deck after deck, every card of the catalog
    /// (those of decks without an exam, or that cannot be answered, are 0):
    /// `metFlag`, `todayFlag`, `planFlag` in the low byte, the faces the
    /// forecast takes as new in the second.
    var cards: [UInt32]

    static let metFlag: UInt32 = 1
    static let todayFlag: UInt32 = 2
    static let planFlag: UInt32 = 4

    /// Whether a record's card has faces the walk meets.
    static func isMet(_ record: UInt32) -> Bool { record & metFlag != 0 }
    /// The faces of a record's card the forecast takes as new.
    static func judgedNew(_ record: UInt32) -> Int { Int(record >> 8 & 0xFF) }

    /// The record of `card` (in the deck at `deck`), its faces judged by
    /// `judge` from their schedules in `catalog`; faces whose key `leftOut`
    /// says are left out (suspended). 0 for a card the walk never meets.
    static func record(
        of card: Card, in catalog: StudyCatalog, judge: inout ExamReadiness.Judge, fresh: CardSchedule,
        leftOut: (String) -> Bool = { _ in false }
    ) -> UInt32 {
        guard card.isAnswerable, card.faceCount <= 0xFF else { return 0 }
        var record = todayFlag | planFlag
        var met = false
        var judgedNew: UInt32 = 0
        for f in 0..<card.faceCount {
            let key = card.face(f).key
            if leftOut(key) { continue }
            met = true
            let schedule = catalog.progress.schedules[key] ?? fresh
            let judged = judge.judge(
                ExamReadiness.Face(card: 0, level: nil, schedule: schedule.isNew ? nil : schedule))
            if judged.isNew {
                judgedNew += 1
            } else {
                if judged.flags & ExamReadiness.JudgedFace.todayFlag == 0 { record &= ~todayFlag }
                if judged.flags & ExamReadiness.JudgedFace.planFlag == 0 { record &= ~planFlag }
            }
        }
        guard met else { return 0 }
        return record | metFlag | judgedNew << 8
    }

    /// These records brought to `now`'s day for `catalog`, whose kept queue
    /// `kept` (these records' own) names the faces changed since: the cards
    /// with a face changed since are judged again from their faces, and on
    /// a later day than the records' those with a review due before today
    /// or a face in learning (their judgement takes today's date); every
    /// other card's record holds, whatever day up to today it was judged
    /// on. Only the decks with an exam day in `examDays` (by deck index)
    /// are judged; the other decks' records are left as they are. Nil when
    /// the records cannot say (of another catalog, or of a later day).
    public func brought(
        to catalog: StudyCatalog, kept: KeptQueue, examDays: [Int?], scheduler: ExamScheduler, now: Date
    ) -> KeptReadiness? {
        let days = scheduler.base.configuration.dayCounting
        let today = days.dayNumber(of: now)
        let deckStarts = Self.deckStarts(of: catalog)
        guard examDays.count == catalog.decks.count, day <= today, cards.count == deckStarts.last
        else { return nil }
        // The places whose cards are judged again.
        var places: [KeptQueue.Place] = Array(kept.changed)
        if day != today {
            let todayStart = days.start(ofDay: today).timeIntervalSinceReferenceDate
            for review in kept.reviews {
                guard Double(bitPattern: review.due) < todayStart else { break }
                places.append(review.place)
            }
            places += kept.learning
        }
        // Each card once, deck by deck, with its deck's judge.
        var cardsAgain: [(deck: Int, card: Int)] = []
        cardsAgain.reserveCapacity(places.count)
        for place in places {
            let at = KeptQueue.unpack(place)
            guard at.deck < catalog.decks.count, at.card < catalog.decks[at.deck].cards.count else { return nil }
            if examDays[at.deck] != nil { cardsAgain.append((at.deck, at.card)) }
        }
        cardsAgain.sort { ($0.deck, $0.card) < ($1.deck, $1.card) }
        var brought = self
        brought.day = today
        let fresh = CardSchedule.new(at: now)
        var judge: (deck: Int, judge: ExamReadiness.Judge)?
        var last: (deck: Int, card: Int)?
        for (deck, card) in cardsAgain where last.map({ $0 != (deck, card) }) ?? true {
            last = (deck, card)
            if judge?.deck != deck, let examDay = examDays[deck] {
                judge = (
                    deck,
                    ExamReadiness.Judge(today: today, examDay: examDay, scheduler: scheduler)
                )
            }
            guard var deckJudge = judge?.judge else { continue }
            brought.cards[deckStarts[deck] + card] = Self.record(
                of: catalog.decks[deck].cards[card], in: catalog, judge: &deckJudge, fresh: fresh)
            judge?.judge = deckJudge
        }
        return brought
    }

    /// Where each deck's records begin (one record a card, deck after
    /// deck), and after them the number of records: `deckStarts[d] + card`
    /// is the record of the card at `card` of deck `d`.
    static func deckStarts(of catalog: StudyCatalog) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(catalog.decks.count + 1)
        var start = 0
        for deck in catalog.decks {
            starts.append(start)
            start += deck.cards.count
        }
        starts.append(start)
        return starts
    }

    /// The records of every card of `catalog` whose deck has an exam day in
    /// `examDays` (by deck index), judged on `now`'s day by `scheduler`;
    /// nil when a card has more faces than a record counts.
    public static func make(catalog: StudyCatalog, examDays: [Int?], scheduler: ExamScheduler, now: Date)
        -> KeptReadiness?
    {
        guard examDays.count == catalog.decks.count else { return nil }
        let days = scheduler.base.configuration.dayCounting
        let today = days.dayNumber(of: now)
        let fresh = CardSchedule.new(at: now)
        var cards: [UInt32] = []
        cards.reserveCapacity(catalog.decks.reduce(0) { $0 + $1.cards.count })
        for (d, deck) in catalog.decks.enumerated() {
            guard let examDay = examDays[d] else {
                cards += repeatElement(0, count: deck.cards.count)
                continue
            }
            var judge = ExamReadiness.Judge(today: today, examDay: examDay, scheduler: scheduler)
            for card in deck.cards {
                guard card.faceCount <= 0xFF else { return nil }
                cards.append(record(of: card, in: catalog, judge: &judge, fresh: fresh))
            }
        }
        return KeptReadiness(day: today, cards: cards)
    }
}
