import DeckFormat
import Foundation
import Testing

@testable import jatta

/// A path that does not exist is reported without a made-up `0:0` place and
/// wholly in the interface language, by every command that reads decks.
@Suite struct MissingPathTests {
    let missing = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-missing-\(UUID().uuidString).deck").path

    @Test func checkSaysItInKazakhWithoutAPlace() {
        let report = DeckCheck.run(paths: [missing], json: false, werror: false, language: .kk)
        #expect(report.status == DeckCheck.unreadable)
        #expect(report.output.hasPrefix("\(missing): error: '\(missing)' оқылмады: мұндай файл да, қалта да жоқ [unreadable]\n"))
        #expect(!report.output.contains(":0:0"))
        #expect(!report.output.contains("no such file"))
    }

    @Test func checkSaysItInEnglish() {
        let report = DeckCheck.run(paths: [missing], json: false, werror: false, language: .en)
        #expect(report.status == DeckCheck.unreadable)
        #expect(report.output.hasPrefix("\(missing): error: cannot read '\(missing)': no such file or folder [unreadable]\n"))
    }

    @Test func listSaysItTheSameWay() {
        let listing = CardListing.run(paths: [missing], json: false, language: .kk)
        #expect(listing.status == DeckCheck.unreadable)
        #expect(listing.problems == "\(missing): error: '\(missing)' оқылмады: мұндай файл да, қалта да жоқ [unreadable]\n")
    }

    /// Study and quiz print one line per problem: the file alone for a path,
    /// file:line:column for a place inside a deck.
    @Test func studyAndQuizLinesHaveNoFakePlace() throws {
        let library = DeckLibrary.load(paths: [missing])
        let diagnostic = try #require(library.diagnostics.first)
        #expect(DiagnosticFormatter.brief(diagnostic, language: .kk) == "\(missing): '\(missing)' оқылмады: мұндай файл да, қалта да жоқ")
        #expect(DiagnosticFormatter.brief(diagnostic, language: .en) == "\(missing): cannot read '\(missing)': no such file or folder")
        let parsed = DeckParser.parse(Array("Q: Астана?\nlevle: 2\nA: Иә\n".utf8), file: "decks/x.deck")
        let inside = try #require(parsed.diagnostics.first { $0.code == "unknown-field" })
        #expect(DiagnosticFormatter.brief(inside, language: .en).hasPrefix("decks/x.deck:2:1: "))
    }
}
