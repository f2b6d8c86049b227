import Foundation
import KazakhText

/// One row of `Fixtures/judgements.tsv`: an answer, what a student typed,
/// and the verdict the rules of kazakh-text.md §3 call for.
struct JudgementRow: Sendable, CustomStringConvertible {
    var line: Int
    var accepted: [String]
    var typed: String
    var tier: Verdict.Tier
    var `guard`: Verdict.Guard?
    var hasKazakhLayout: Bool
    var note: String

    var description: String { "line \(line): «\(accepted.first ?? "")» ← «\(typed)»" }
}

/// Reads the judging table and the known terms it is judged against.
enum JudgementTable {
    static func fixture(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }

    /// The known answers and terms the checker is built with.
    static let knownTerms: [String] = fixture("known-terms.txt")
        .split(separator: "\n").map(String.init)
        .filter { !$0.hasPrefix("#") && !$0.isEmpty }

    /// The rows, and the lines that could not be read (reported by a test).
    static let parsed: (rows: [JudgementRow], errors: [String]) = parse(fixture("judgements.tsv"))

    static var rows: [JudgementRow] { parsed.rows }

    /// The rows generated from the decks by the rules
    /// (scripts/judgements/generate.py).
    static let generated: (rows: [JudgementRow], errors: [String]) = parse(fixture("judgements-generated.tsv"))

    /// Every row of both tables.
    static var allRows: [JudgementRow] { parsed.rows + generated.rows }

    /// What the checker of the generated rows knows: the known terms and
    /// every answer of the decks, as study, quiz and judge know them.
    static let knownWithDecks: [String] = knownTerms + generated.rows.flatMap(\.accepted)

    static func parse(_ text: String) -> (rows: [JudgementRow], errors: [String]) {
        var rows: [JudgementRow] = []
        var errors: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else {
                errors.append("line \(index + 1): \(fields.count) fields")
                continue
            }
            let verdict = fields[2].split(separator: "/").map(String.init)
            guard let tier = verdict.first.flatMap(Verdict.Tier.init(rawValue:)) else {
                errors.append("line \(index + 1): unknown tier \(fields[2])")
                continue
            }
            var g: Verdict.Guard? = nil
            if verdict.count == 2 {
                guard let parsed = Verdict.Guard(rawValue: verdict[1]) else {
                    errors.append("line \(index + 1): unknown guard \(fields[2])")
                    continue
                }
                g = parsed
            }
            rows.append(
                JudgementRow(
                    line: index + 1,
                    accepted: fields[0].components(separatedBy: " | ").map(unescape),
                    typed: unescape(fields[1]), tier: tier, guard: g, hasKazakhLayout: fields[3] == "kk",
                    note: fields[4]))
        }
        return (rows, errors)
    }

    /// `\t` and `\uXXXX` let the table show invisible characters.
    static func unescape(_ field: String) -> String {
        var out = ""
        var chars = field[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            guard c == "\\", let next = chars.first else {
                out.append(c)
                continue
            }
            if next == "t" {
                out.append("\t")
                chars = chars.dropFirst()
            } else if next == "u", let value = UInt32(chars.dropFirst().prefix(4), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                out.unicodeScalars.append(scalar)
                chars = chars.dropFirst(5)
            } else {
                out.append(c)
            }
        }
        return out
    }
}
