import DeckFormat
import Foundation
import KazakhText
import Testing

@testable import Study

/// Issue 12, "three lists of other answers": study, quiz and `jatta judge`
/// build their checker with `TypedAnswer.checker(for:)`, which knows every
/// typeable answer, alternatives of questions and clozes included.
@Suite struct KnownAnswersTests {
    static let deck: Deck = {
        let text = """
            # Теориялар
            Q: Ленин капитализмнің соңғы сатысын қалай атады?
            A: Империализм
            alt: Империалист

            C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.
            alt: тоқсан екінші

            T: Реализм
            D: Күшке сүйенетін теория.
            """
        return DeckParser.parse(Array(text.utf8), file: "t.deck").deck
    }()

    @Test func questionAndClozeAlternativesAreKnown() {
        let checker = TypedAnswer.checker(for: [Self.deck])
        // Империализм, Империалист, 1992, тоқсан екінші, Реализм.
        #expect(checker.knownCount == 5)
        // The question's alternative is another answer: never a typo of a
        // term one letter away.
        let v = checker.check(typed: "империалист", accepted: ["Империалисть"])
        #expect(v.code == "wrong/other-answer")
    }

    @Test func theStudyVerdictCarriesTheLetterDifference() {
        let checker = TypedAnswer.checker(for: [Self.deck])
        let card = Self.deck.cards[2]
        let face = StudyFace(card: card, direction: .reverse)
        guard case .close(let reason)? = TypedAnswer.check(typed: "реалзм", face: face, checker: checker, profile: .unknown)
        else { Issue.record("a typo of Реализм should be accepted as close"); return }
        #expect(reason.en.contains("Difference: реал[+и]зм"))
    }
}

/// The generated judgement table draws on every card of the bundled decks
/// (issue 12): each typeable answer of each card, as the real parser reads
/// the decks, has its row.
@Suite struct GeneratedTableCoverageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func everyCardOfTheBundledDecksHasARow() throws {
        let table = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/KazakhTextTests/Fixtures/judgements-generated.tsv"),
            encoding: .utf8)
        var exactRows = Set<String>()
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count == 5, fields[2] == "exact" { exactRows.insert(String(fields[1])) }
        }
        let library = DeckLibrary.load(paths: [Self.root.appendingPathComponent("decks").path])
        let cards = library.decks.flatMap(\.cards).filter { !$0.typeableAnswers.isEmpty }
        #expect(cards.count >= 100)
        for card in cards {
            #expect(card.typeableAnswers.contains { exactRows.contains($0) }, "no row for \(card.id.rawValue): \(card.prompt)")
        }
    }
}

/// Issue 20: the quiz prepares its checker at the first typed answer, not
/// before the first question (at 200,000 cards preparing it was 85% of the
/// time to the first question), and judges exactly as the eager checker.
@Suite struct DeferredAnswerCheckerTests {
    @Test func nothingIsPreparedUntilAnAnswerIsJudged() {
        let deferred = DeferredAnswerChecker(decks: [KnownAnswersTests.deck])
        let judge = deferred.quizJudge
        #expect(!deferred.isPrepared)
        _ = judge("реалзм", ["Реализм"], .unknown)
        #expect(deferred.isPrepared)
    }

    @Test func itJudgesAsTheCheckerOfStudyAndJudge() {
        let eager = TypedAnswer.checker(for: [KnownAnswersTests.deck]).quizJudge
        let deferred = DeferredAnswerChecker(decks: [KnownAnswersTests.deck]).quizJudge
        // Exact, an alternative, a typo, another card's answer, Latin,
        // nothing: each tier the quiz shows.
        let cases: [(String, [String])] = [
            ("Реализм", ["Реализм"]), ("империалист", ["Империализм", "Империалист"]), ("реалзм", ["Реализм"]),
            ("империалист", ["Империалисть"]), ("realizm", ["Реализм"]), ("", ["Реализм"]), ("1992", ["1992"]),
        ]
        for (typed, accepted) in cases {
            #expect(deferred(typed, accepted, .unknown) == eager(typed, accepted, .unknown), "\(typed)")
        }
        #expect(deferred("империалист", ["Империалисть"], .unknown).tier == "wrong/other-answer")
    }
}
