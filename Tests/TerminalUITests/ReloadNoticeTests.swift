import DeckFormat
import Study
import Testing

@testable import TerminalUI

/// After the editor returns, the re-read decks' errors are on screen: the
/// count, the first error's place and message, and `jatta check` for the rest.
@Suite struct ReloadNoticeTests {
    static let source = """
        Q: Астанасы?
        A: Астана

        Q: Режим дегеніміз не?
        A: Нормалар жиынтығы
        """

    /// Two errors made by an edit, as the parser reports them.
    func brokenReload() throws -> (Deck, [Diagnostic]) {
        let broken = Self.source.replacingOccurrences(of: "A: Астана", with: "A: Астана\nlevle: 2\n%%%")
        let parsed = DeckParser.parse(Array(broken.utf8), file: "decks/x.deck")
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        try #require(errors.count >= 2)
        return (parsed.deck, errors)
    }

    func studying() -> TrainerState {
        ViewFixtures.run(ViewFixtures.state([ViewFixtures.deck(Self.source, file: "decks/x.deck")]), [.startAll])
    }

    @Test func fullScreenShowsTheFirstErrorAndTheCountInBothLanguages() throws {
        let (deck, errors) = try brokenReload()
        let s = ViewFixtures.run(studying(), [.reload([deck], errors: errors)])
        let english = ViewFixtures.render(s, 80, 24, .english).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        #expect(english.contains("Deck reloaded: \(errors.count) errors — decks/x.deck:3:1 \(errors[0].messageEN)"))
        #expect(english.contains("jatta check shows the rest"))
        let kazakh = ViewFixtures.render(s, 80, 24, .kazakh).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        #expect(kazakh.contains("Десте қайта оқылды: \(errors.count) қате — decks/x.deck:3:1 \(errors[0].messageKK)"))
        #expect(kazakh.contains("қалғаны: jatta check"))
    }

    /// A long notice over a short card: the rows the card leaves free
    /// take it whole (it was cut at three rows mid-sentence); on a short
    /// screen what is left out is marked "…".
    @Test func aLongNoticeUsesTheFreeRowsAndMarksWhatIsCut() throws {
        let broken = Self.source.replacingOccurrences(of: "A: Астана", with: "A: Астана\nжол")
        let parsed = DeckParser.parse(Array(broken.utf8), file: "decks/x.deck")
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        try #require(!errors.isEmpty)
        let s = ViewFixtures.run(studying(), [.reload([parsed.deck], errors: errors)])
        func flat(_ width: Int, _ height: Int) -> String {
            ViewFixtures.render(s, width, height, .english).split(separator: "\n")
                .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        let wide = flat(60, 24)
        #expect(wide.contains("This card keeps its last good version for this session"), "\(wide)")
        let short = flat(40, 10)
        #expect(short.contains("…"), "\(short)")
    }

    @Test func plainModeSaysTheSame() throws {
        let (deck, errors) = try brokenReload()
        let s = ViewFixtures.run(studying(), [.reload([deck], errors: errors)])
        let text = PlainMode(strings: .english).render(s)
        #expect(text.contains("* Deck reloaded: \(errors.count) errors — decks/x.deck:3:1 \(errors[0].messageEN); jatta check shows the rest"))
    }

    @Test func aCleanReloadStillJustSaysReloaded() {
        let fixed = ViewFixtures.deck(Self.source.replacingOccurrences(of: "A: Астана", with: "A: Астана қаласы"), file: "decks/x.deck")
        let s = ViewFixtures.run(studying(), [.reload([fixed])])
        #expect(PlainMode(strings: .english).render(s).contains("* Deck reloaded"))
        #expect(!PlainMode(strings: .english).render(s).contains("error"))
        #expect(!ViewFixtures.render(s, 80, 24, .english).contains("error"))
    }

    /// A prompt reworded in the editor makes, without an `id:`, another
    /// card: the notice says the card may have been reworded, not only
    /// removed (it said "removed from its file" of a card still there).
    @Test func aRewordedPromptIsNotCalledRemoved() throws {
        let s0 = studying()
        let shown = try #require(s0.session?.current?.item.card.prompt)
        let reworded = ViewFixtures.deck(
            Self.source.replacingOccurrences(of: shown, with: "Қайта жазылған: " + shown), file: "decks/x.deck")
        let s = ViewFixtures.run(s0, [.reload([reworded])])
        #expect(s.notice == .cardRemoved)
        #expect(ViewFixtures.render(s, 100, 30, .english).contains("(removed or reworded)"))
        #expect(ViewFixtures.render(s, 100, 30, .kazakh).contains("(өшірілген не өзгертілген)"))
    }

    @Test func aBrokenCardIsKeptAndTheNoticeSaysSo() throws {
        let s0 = studying()
        let shown = try #require(s0.session?.current?.item)
        // The answer line of the card on screen is gone: the card no longer parses.
        let broken = Self.source.replacingOccurrences(of: "A: \(shown.card.answer)\n", with: "")
        let parsed = DeckParser.parse(Array(broken.utf8), file: "decks/x.deck")
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        try #require(!errors.isEmpty)
        let s = ViewFixtures.run(s0, [.reload([parsed.deck], errors: errors)])
        #expect(s.session?.current?.item.key == shown.key)
        #expect(PlainMode(strings: .english).render(s).contains("This card keeps its last good version for this session"))
        #expect(PlainMode(strings: .kazakh).render(s).contains("Бұл карта осы сессияда соңғы дұрыс нұсқасымен қалды"))
    }
}
