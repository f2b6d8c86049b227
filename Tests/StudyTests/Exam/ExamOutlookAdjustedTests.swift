import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// A start brings the progress to the exams first and makes the outlooks
/// from it (so the rule's search runs once per review): the outlooks are
/// those of the progress as it was, plan and forecast alike.
@Suite struct ExamOutlookAdjustedTests {
    /// Two decks of questions, terms and choices at levels 1–3.
    static func decks(cards: Int) -> [Deck] {
        (0..<2).map { d in
            var text = "# Сынақ \(d)\nlang: kk\n\n"
            for i in 0..<cards {
                switch i % 3 {
                case 0: text += "Q: Сұрақ \(d)-\(i)?\nA: Жауап \(i)\nlevel: \(1 + i % 3)\n\n"
                case 1: text += "T: Термин \(d)-\(i)\nD: Анықтама \(i).\nlevel: \(1 + i % 2)\n\n"
                default: text += "Q: Таңдау \(d)-\(i)?\n* Дұрыс \(i)\n- Бұрыс \(i)\n\n"
                }
            }
            return Fixtures.deck(text, file: "decks/exam-\(d).deck")
        }
    }

    @Test(arguments: [(7, 1), (30, 2), (3, 3)] as [(Int, UInt64)])
    func theOutlooksOfTheAdjustedProgressAreTheOutlooksOfTheProgress(daysAhead: Int, seed: UInt64) throws {
        let decks = Self.decks(cards: 150)
        let base = Fixtures.scheduler()
        let days = base.configuration.dayCounting
        let now = Fixtures.now
        let today = days.dayNumber(of: now)
        let date = try #require(CalendarDate(dayNumber: today + daysAhead))
        let exam = Exam(date: date, paths: [], source: .student(id: 1))
        let byDeck = Dictionary(uniqueKeysWithValues: decks.map { ($0.file, exam) })
        // Progress as answers leave it: new faces, faces in learning, and
        // reviews of every strength due before, on and after the exam day.
        var random = SeededGenerator(seed: seed)
        var progress = ProgressSnapshot()
        var introduced: Set<String> = []
        for deck in decks {
            for card in deck.cards {
                for face in card.faces {
                    let roll = Int.random(in: 0..<10, using: &random)
                    if roll == 0 { continue }
                    let last = now.addingTimeInterval(-86_400 * Double(Int.random(in: 1...40, using: &random)))
                    let due = now.addingTimeInterval(86_400 * Double(Int.random(in: -3...(daysAhead * 3), using: &random)))
                    progress.schedules[face.key] = CardSchedule(
                        state: roll == 1 ? .relearning : .review, step: roll == 1 ? 0 : nil,
                        memory: MemoryState(
                            stability: pow(10, Double.random(in: -1...2.5, using: &random)),
                            difficulty: Double.random(in: 1...10, using: &random)),
                        due: due, lastReview: last, reps: 3)
                    if roll == 2 { progress.suspended.insert(face.key) }
                    if roll == 3 { introduced.insert(face.key) }
                }
            }
        }
        let scheduler = ExamOutlook.scheduler(base: base, decks: decks, examsByDeck: byDeck)
        func outlooks(_ progress: ProgressSnapshot) -> [ExamOutlook] {
            ExamOutlook.make(
                catalog: StudyCatalog(decks: decks, progress: progress), examsByDeck: byDeck, scheduler: scheduler,
                defaultWorkload: 200, introducedToday: introduced, now: now)
        }
        var adjusted = progress
        scheduler.adjust(&adjusted, at: now)
        let moved = progress.schedules.filter { adjusted.schedules[$0.key] != $0.value }.count
        #expect(moved > 20, "the rule moved \(moved) reviews")
        let before = outlooks(progress)
        #expect(before.count == 1)
        #expect(outlooks(adjusted) == before)
    }

    /// A catalog large enough to be gone over in two halves at once (its
    /// keys distinct) gives the outlooks one walk gives: plan and forecast.
    @Test func aLargeCatalogGivesTheOutlooksOfOneWalk() throws {
        let decks = Self.decks(cards: 10_050)
        let base = Fixtures.scheduler()
        let now = Fixtures.now
        let today = base.configuration.dayCounting.dayNumber(of: now)
        let exam = Exam(date: try #require(CalendarDate(dayNumber: today + 30)), paths: [], source: .student(id: 1))
        let byDeck = Dictionary(uniqueKeysWithValues: decks.map { ($0.file, exam) })
        var random = SeededGenerator(seed: 9)
        var progress = ProgressSnapshot()
        var introduced: Set<String> = []
        for deck in decks {
            for card in deck.cards {
                for face in card.faces {
                    let roll = Int.random(in: 0..<6, using: &random)
                    if roll == 0 { continue }
                    progress.schedules[face.key] = CardSchedule(
                        state: roll == 1 ? .relearning : .review, step: roll == 1 ? 0 : nil,
                        memory: MemoryState(
                            stability: pow(10, Double.random(in: -1...2.5, using: &random)),
                            difficulty: Double.random(in: 1...10, using: &random)),
                        due: now.addingTimeInterval(86_400 * Double(Int.random(in: -3...90, using: &random))),
                        lastReview: now.addingTimeInterval(-86_400 * Double(Int.random(in: 1...40, using: &random))),
                        reps: 3)
                    if roll == 2 { progress.suspended.insert(face.key) }
                    if roll == 3 { introduced.insert(face.key) }
                }
            }
        }
        let scheduler = ExamOutlook.scheduler(base: base, decks: decks, examsByDeck: byDeck)
        var halves = StudyCatalog(decks: decks, progress: progress)
        halves.keysAreDistinct = true
        try #require(halves.halves(matching: StudyFilter(deckFiles: Set(decks.map(\.file)))) != nil)
        func outlooks(_ catalog: StudyCatalog) -> [ExamOutlook] {
            ExamOutlook.make(
                catalog: catalog, examsByDeck: byDeck, scheduler: scheduler, defaultWorkload: 200,
                introducedToday: introduced, now: now)
        }
        let one = outlooks(StudyCatalog(decks: decks, progress: progress))
        #expect(one.count == 1)
        #expect(outlooks(halves) == one)
    }
}
