import Foundation
import GRDB
import Testing

@testable import ReviewStore

/// The JSON arrays that bind a scope's keys give SQLite's `json_each`, and
/// Foundation's decoder, back exactly the texts written, whatever they hold.
@Suite struct JSONTextArrayTests {
    static let hostile = [
        "", "plain", "with \"quotes\"", #"back\slash"#, "\\\"", "tab\there", "new\nline", "\u{0}nul", "\u{1F}unit",
        "\u{7F}del", "қазақ тілі", "emoji 🧠", "slash /", "\u{2028}line separator", "e\u{301}", "[\"not\", \"an array\"]",
    ]

    @Test func sqliteAndFoundationReadBackTheSameTexts() throws {
        let strings = Self.hostile + (0..<0x20).map { "c\(Character(Unicode.Scalar($0)!))c" }
        let json = JSONTextArray.of(strings)
        #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == strings)
        let queue = try DatabaseQueue()
        func read(_ json: String) throws -> [String] {
            try queue.read { db in
                try String.fetchAll(db, sql: "SELECT value FROM json_each(?) ORDER BY key", arguments: [json])
            }
        }
        // SQLite ends a text at U+0000 whoever wrote the JSON (Foundation's
        // encoder too): every other text comes back whole.
        let withoutNUL = strings.filter { !$0.contains("\u{0}") }
        #expect(try read(JSONTextArray.of(withoutNUL)) == withoutNUL)
        let foundation = String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
        #expect(try read(json) == read(foundation))
        #expect(JSONTextArray.of([]) == "[]")
    }
}
