import FSRS
import Testing

@testable import DeckFormat

/// The cross-deck lint looks at its ids' hash values first
/// (`DeckLinter.mayShareIDs`) and walks them with a table of ids
/// (`DeckLinter.duplicates`) only when two hash values meet: it must give
/// what the walk gives, duplicates found the same way, also for ids equal
/// only as Swift compares strings (canonically), never bytewise.
@Suite struct DeckLinterTests {
    static func deck(_ file: String, ids: [String], explicit: Bool = true) -> Deck {
        Deck(
            file: file,
            cards: ids.enumerated().map { index, id in
                Card(
                    id: CardID(rawValue: id), hasExplicitID: explicit,
                    content: .question(QuestionCard(question: "q\(index)", answer: "a")),
                    location: SourceLocation(file: file, line: 2 * index + 1))
            })
    }

    /// Each pair in both orders: an ASCII id met before the one that
    /// equals it only canonically (`K` before U+212A KELVIN SIGN) is found
    /// as surely as after it.
    @Test(arguments: [
        ("e\u{301}", "é"), ("é", "e\u{301}"), ("\u{212A}", "K"), ("K", "\u{212A}"), ("n:и\u{306}", "n:й"), ("q1", "q1"),
    ])
    func idsEqualAsStringsAreDuplicatesWhateverTheirBytes(first: String, second: String) {
        #expect(CardID(rawValue: first) == CardID(rawValue: second))
        let decks = [Self.deck("a.deck", ids: ["x", first]), Self.deck("b.deck", ids: ["y", second, "z"])]
        #expect(DeckLinter.mayShareIDs(decks))
        let found = DeckLinter.lint(decks)
        #expect(found.map(\.code) == ["duplicate-id"])
        #expect(found.first?.location == SourceLocation(file: "b.deck", line: 3))
        #expect(found == DeckLinter.duplicates(decks))
    }

    @Test func distinctIdsGiveNothingAndNeedNoWalk() {
        let ids = (0..<5000).map { "card-\($0)" }
        let decks = [Self.deck("a.deck", ids: Array(ids[..<2500])), Self.deck("b.deck", ids: Array(ids[2500...]))]
        #expect(!DeckLinter.mayShareIDs(decks))
        #expect(DeckLinter.lint(decks).isEmpty)
        #expect(DeckLinter.duplicates(decks).isEmpty)
        #expect(DeckLinter.lint([]).isEmpty)
    }

    /// Ids are hashed a run at a time (`idsPerRun`) before their slots are
    /// read: an id met again within its run, in a later run, in a later
    /// deck, or at the very end of a deck whose length is no multiple of a
    /// run is found; distinct ids over several runs are not.
    @Test func idsSharedWithinAndAcrossRunsAreFound() {
        let run = DeckLinter.idsPerRun
        let ids = (0..<(3 * run + 5)).map { "card-\($0)" }
        #expect(!DeckLinter.mayShareIDs([Self.deck("a.deck", ids: ids), Self.deck("b.deck", ids: ["other"])]))
        for (at, copied) in [(7, 3), (run + 2, 3), (3 * run + 4, 0), (3 * run + 4, 3 * run + 3)] {
            var shared = ids
            shared[at] = ids[copied]
            #expect(DeckLinter.mayShareIDs([Self.deck("a.deck", ids: shared)]), "\(at) \(copied)")
        }
        #expect(DeckLinter.mayShareIDs([Self.deck("a.deck", ids: ids), Self.deck("b.deck", ids: ["x", ids[run + 1]])]))
    }

    /// Random collections of one to four files whose ids come from a small
    /// set (so that some share ids, within and across files, explicit or
    /// derived), and some of distinct ids: the lint is the walk's, always.
    @Test func theLintIsTheWalksOnRandomCollections() {
        var random = SeededGenerator(seed: 20)
        var withDuplicates = 0
        var without = 0
        for round in 0..<400 {
            let spread = round % 2 == 0 ? 40 : 100_000
            let decks = (0..<Int.random(in: 1...4, using: &random)).map { file in
                let ids = (0..<Int.random(in: 0...30, using: &random)).map { _ in
                    "id-\(Int.random(in: 0..<spread, using: &random))"
                }
                return Self.deck("d\(file).deck", ids: ids, explicit: random.next() % 2 == 0)
            }
            let walked = DeckLinter.duplicates(decks)
            #expect(DeckLinter.lint(decks) == walked, "round \(round)")
            if walked.isEmpty { without += 1 } else { withDuplicates += 1 }
        }
        #expect(withDuplicates > 50)
        #expect(without > 50)
    }
}
