import DeckFormat
import FSRS
import Foundation

extension ExamOutlook {
    /// What `Tally`'s walk counts for an exam's plan and forecast, read
    /// from the catalog's kept queue (`KeptQueue`) and its readiness records
    /// (`KeptReadiness`) instead: the reviews per day from the kept list of
    /// reviews sorted by due time, the new faces from the kept list of
    /// them, each card's readiness from its record. Only faces changed
    /// since, hidden, or (on a later day than the records') due before
    /// today or in learning are looked at, and their cards judged anew.
    /// The same counts and the same forecast as the walk's
    /// (`KeptTallyTests`).
    struct KeptTally {
        /// Faces never studied (suspended ones left out).
        var unseen = 0
        /// Faces first answered today.
        var newToday = 0
        /// Reviews due on each day from today to the exam's eve.
        var scheduled: [Int]
        /// Each card the walk meets, in its order: its level byte and
        /// its record.
        var cards: [(level: UInt8, record: UInt32)] = []

        /// The tally of the exam on `examDay` over the decks whose files
        /// are `files`; nil when the catalog has no kept queue with
        /// readiness records that can say it (its keys may repeat, the
        /// records are of a later day or another catalog).
        init?(
            catalog: StudyCatalog, files: Set<String>, examDay: Int, scheduler: ExamScheduler,
            introducedToday: Set<String>, now: Date
        ) {
            guard catalog.keysAreDistinct, let kept = catalog.keptQueue, let stored = kept.readiness else {
                return nil
            }
            let days = scheduler.base.configuration.dayCounting
            let today = days.dayNumber(of: now)
            // Whether each deck is studied for this exam, asked once a deck.
            let examsDecks = catalog.decks.map { files.contains($0.file) }
            // The records brought to today (`KeptReadiness.brought`): the
            // cards changed since, and on a later day those whose
            // judgement takes the day, judged again.
            let readiness: KeptReadiness
            if stored.day == today {
                // Brought to today already (a start brings them once,
                // `KeptQueueFile.take`), or judged today: the cards changed
                // since are judged again below, with the suspended ones.
                readiness = stored
            } else {
                guard
                    let brought = stored.brought(
                        to: catalog, kept: kept, examDays: examsDecks.map { $0 ? examDay : nil }, scheduler: scheduler,
                        now: now)
                else { return nil }
                readiness = brought
            }
            let deckStarts = KeptReadiness.deckStarts(of: catalog)
            guard readiness.cards.count == deckStarts.last else { return nil }
            func card(of place: KeptQueue.Place) -> Int? {
                let at = KeptQueue.unpack(place)
                guard at.deck < catalog.decks.count, at.card < catalog.decks[at.deck].cards.count else { return nil }
                return deckStarts[at.deck] + at.card
            }
            func isExams(_ place: KeptQueue.Place) -> Bool {
                let deck = KeptQueue.unpack(place).deck
                return deck < examsDecks.count && examsDecks[deck]
            }
            // Suspended faces are left out of the counts, and their cards
            // judged again without them (a record leaves suspension out).
            var suspended = Set<KeptQueue.Place>()
            for key in catalog.progress.suspended {
                if let place = kept.place(of: key, in: catalog) { suspended.insert(place) }
            }
            // Faces whose kept state no longer says where they stand.
            let leftOut = kept.changed.union(suspended)
            var anew: [Int] = []
            for place in stored.day == today ? leftOut : suspended {
                guard let c = card(of: place) else { return nil }
                anew.append(c)
            }
            // In the records' order, each once, met by a cursor.
            anew.sort()
            var nextAnew = 0

            // Reviews per day: the kept list's (sorted by due time), then
            // the faces in learning and those changed, by their schedules
            // now; suspended ones and those of other decks left out.
            var scheduled = Array(repeating: 0, count: max(0, examDay - today))
            func schedule(dueDay: Int) {
                let offset = max(today, dueDay) - today
                if offset < scheduled.count { scheduled[offset] += 1 }
            }
            // Most starts have no face changed or suspended: the set is
            // then not asked about each of the 100,000 reviews.
            for review in kept.reviews where isExams(review.place) {
                if !leftOut.isEmpty, leftOut.contains(review.place) { continue }
                schedule(dueDay: days.dayNumber(of: Date(timeIntervalSinceReferenceDate: Double(bitPattern: review.due))))
            }
            let fresh = CardSchedule.new(at: now)
            var unseen = 0
            for place in kept.learning where isExams(place) && !leftOut.contains(place) {
                guard let (_, _, now) = KeptQueue.faceNow(at: place, in: catalog, fresh: fresh), !now.isNew else {
                    return nil
                }
                schedule(dueDay: days.dayNumber(of: now.due))
            }
            for place in kept.changed where isExams(place) && !suspended.contains(place) {
                guard let (_, _, now) = KeptQueue.faceNow(at: place, in: catalog, fresh: fresh) else { return nil }
                if now.isNew { unseen += 1 } else { schedule(dueDay: days.dayNumber(of: now.due)) }
            }
            for place in kept.new where isExams(place) {
                if !leftOut.isEmpty, leftOut.contains(place) { continue }
                unseen += 1
            }
            var newToday = 0
            for key in introducedToday {
                if let place = kept.place(of: key, in: catalog), isExams(place), !suspended.contains(place) {
                    newToday += 1
                }
            }

            // Each card, in the walk's order: its record, or judged anew.
            var judge = ExamReadiness.Judge(today: today, examDay: examDay, scheduler: scheduler)
            let suspendedKeys = catalog.progress.suspended
            var cards: [(level: UInt8, record: UInt32)] = []
            cards.reserveCapacity(
                catalog.decks.reduce(0) { files.contains($1.file) ? $0 + $1.cards.count : $0 })
            for (d, deck) in catalog.decks.enumerated() where examsDecks[d] {
                let first = deckStarts[d]
                // The cursor past the cards of decks before.
                while nextAnew < anew.count, anew[nextAnew] < first { nextAnew += 1 }
                for (i, card) in deck.cards.enumerated() {
                    var judgeAnew = false
                    while nextAnew < anew.count, anew[nextAnew] <= first + i {
                        judgeAnew = judgeAnew || anew[nextAnew] == first + i
                        nextAnew += 1
                    }
                    let record =
                        judgeAnew
                        ? KeptReadiness.record(
                            of: card, in: catalog, judge: &judge, fresh: fresh,
                            leftOut: { suspendedKeys.contains($0) })
                        : readiness.cards[first + i]
                    guard KeptReadiness.isMet(record) else { continue }
                    cards.append((ExamReadiness.Face.levelByte(of: card.level), record))
                }
            }
            self.unseen = unseen
            self.newToday = newToday
            self.scheduled = scheduled
            self.cards = cards
        }
    }
}
