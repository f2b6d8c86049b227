import DeckFormat
import FSRS
import Foundation
import Study
import Testing
import TerminalUI

@testable import jatta

/// `jatta find`: the cards holding a word, with where each face stands.
@Suite struct FindCommandTests {
    let deck = DeckParser.parse(
        Array("T: Режим\nD: Мемлекеттердің нормалары.\n\nQ: Астанасы?\nA: Астана\n".utf8), file: "decks/f.deck"
    ).deck
    let now = Date(timeIntervalSince1970: 1_772_445_600)

    @Test func printsEachMatchWithItsPlaceIdAndFaces() {
        let key = deck.cards[0].id.rawValue
        var progress = ProgressSnapshot()
        progress.schedules[key] = CardSchedule(
            state: .relearning, step: 0, memory: MemoryState(stability: 2, difficulty: 6), due: now.addingTimeInterval(-60),
            lastReview: now.addingTimeInterval(-600), reps: 4, lapses: 1)
        progress.suspended = [key + "/reverse"]
        let outcome = CardFinding.run(
            word: "РЕЖИМ", catalog: StudyCatalog(decks: [deck], progress: progress), now: now, language: .en)
        #expect(outcome.status == 0)
        #expect(
            outcome.output == """
                decks/f.deck:1:1  \(key)  “Режим”
                    relearning · due now · lapses: 1
                    reverse: new · suspended
                1 card found. History: jatta history --card ID; unsuspend: jatta unsuspend ID; study them: jatta study --search WORD

                """)
    }

    @Test func aControlSequenceInTheDeckNeverReachesTheTerminal() {
        let hostile = DeckParser.parse(Array("Q: Режим \u{1B}[2J?\nA: а\n".utf8), file: "decks/\u{1B}]0;x\u{07}.deck").deck
        let outcome = CardFinding.run(word: "режим", catalog: StudyCatalog(decks: [hostile]), now: now, language: .en)
        #expect(outcome.status == 0)
        #expect(!outcome.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
    }

    @Test func nothingFoundIsStatusOne() {
        let outcome = CardFinding.run(word: "жоқ", catalog: StudyCatalog(decks: [deck]), now: now, language: .kk)
        // On standard error, as every non-zero status's message.
        #expect(outcome == CardFinding.Outcome(output: "", status: 1, errorOutput: "«жоқ» сөзі бар карта жоқ\n"))
    }

    @Test func customStudyOptionsAreCheckedAndChooseTheSelection() throws {
        #expect(throws: (any Error).self) { try StudyCommand.parse(["--failed", "today", "--ahead", "3"]) }
        #expect(throws: (any Error).self) { try StudyCommand.parse(["--extra-new", "5", "--practice"]) }
        #expect(throws: (any Error).self) { try StudyCommand.parse(["--ahead", "0"]) }
        #expect(throws: (any Error).self) { try StudyCommand.parse(["--search", " "]) }
        let catalog = StudyCatalog(decks: [deck])
        func study(_ args: [String]) throws -> CustomStudy? { try StudyCommand.parse(args).custom.study(in: catalog) }
        #expect(try study([]) == nil)
        #expect(try study(["--failed", "week"]) == CustomStudy(.failedThisWeek))
        #expect(try study(["--ahead", "4", "--practice"]) == CustomStudy(.ahead(days: 4), practice: true))
        #expect(try study(["--practice"]) == CustomStudy(.everything, practice: true))
        let key = deck.cards[1].id.rawValue
        #expect(try study(["--search", "астана"]) == CustomStudy(.faces([key])))
    }
}
