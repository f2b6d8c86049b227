import Foundation
import Testing

@testable import DeckFormat

/// The examples in docs/deck-format.md parse as the text around them says.
@Suite struct DocumentationTests {
    static let specification = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/deck-format.md")

    /// The fenced blocks of the specification that are decks (not the
    /// block of `jatta check` output).
    static func deckExamples() throws -> [String] {
        let text = try String(contentsOf: specification, encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let block = current {
                    blocks.append(block.joined(separator: "\n"))
                    current = nil
                } else {
                    current = []
                }
            } else {
                current?.append(line)
            }
        }
        return blocks.filter { !$0.contains(": error: ") }
    }

    @Test func everyExampleParsesWithoutDiagnostics() throws {
        let examples = try Self.deckExamples()
        #expect(examples.count >= 6)
        for example in examples {
            let parsed = DeckParser.parse(example, file: "example.deck")
            #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.messageEN))\n\(example)")
        }
    }

    @Test func theExamplesMeanWhatTheTextSays() throws {
        let cards = try Self.deckExamples().flatMap { DeckParser.parse($0, file: "e").deck.cards }
        let level = cards.first { $0.prompt == "Қазақстан қашан тәуелсіздік алды?" }
        #expect(level?.level == 1 && level?.answer == "1991 жылы 16 желтоқсанда.")
        let paragraphs = cards.first { $0.kind == .question && $0.prompt.hasPrefix("Неолиберализм") }
        #expect(paragraphs?.answer.split(separator: "\n", omittingEmptySubsequences: false).count == 4)
        let gegemony = cards.first { $0.prompt == "Гегемония" }
        #expect(gegemony?.allTags == ["ХҚ", "Глоссарий", "Дәріс 4"])
        let several = cards.first { $0.prompt == "Қайсысы халықаралық ұйым?" }
        if case .choice(let choice) = several?.content {
            #expect(choice.correctOptions.map(\.text) == ["БҰҰ", "НАТО"])
        } else {
            Issue.record("not a choice card")
        }
        let braces = cards.first { $0.prompt.hasPrefix("Жиын") }
        #expect(braces?.prompt == "Жиын белгісі: {a, b} — мұнда бос орын […].")
    }

    @Test func theExampleDecksAreClean() {
        let examples = Self.specification.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples").path
        let result = DeckLibrary.load(paths: [examples])
        #expect(!result.decks.isEmpty)
        #expect(result.decks.allSatisfy { !$0.cards.isEmpty })
        #expect(result.diagnostics.map(\.messageEN) == [])
    }

    @Test func everyDiagnosticCodeIsDocumented() throws {
        let text = try String(contentsOf: Self.specification, encoding: .utf8)
        for entry in DeckIssue.catalogue {
            #expect(text.contains("`\(entry.code)`"), "\(entry.code)")
        }
    }

    /// Every code of the table is in the catalogue `jatta check --help`
    /// lists (`unknown-order` was documented and missing from the help).
    @Test func everyDocumentedCodeIsInTheCatalogue() throws {
        let text = try String(contentsOf: Self.specification, encoding: .utf8)
        let listed = Set(DeckIssue.catalogue.map(\.code))
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[1] == "error" || cells[1] == "warning" else { continue }
            for code in cells[0].split(separator: ",").map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }) {
                #expect(listed.contains(code), "\(code)")
            }
        }
    }

    /// The code table's severity column says what `jatta check` does.
    @Test func everyCodeHasItsDocumentedSeverity() throws {
        let text = try String(contentsOf: Self.specification, encoding: .utf8)
        var documented: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, cells[1] == "error" || cells[1] == "warning" else { continue }
            for code in cells[0].split(separator: ",") {
                documented[code.trimmingCharacters(in: CharacterSet(charactersIn: " `"))] = cells[1]
            }
        }
        for entry in DeckIssue.catalogue {
            #expect(documented[entry.code] == entry.severity.rawValue, "\(entry.code)")
        }
    }
}
