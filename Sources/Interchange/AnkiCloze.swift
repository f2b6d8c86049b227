import Foundation
import DeckFormat

/// jatta's cloze (`… {1992|тоқсан екі} …`) and Anki's (`… {{c1::1992}} …`).
///
/// A jatta cloze is one card however many gaps it has, so every gap is
/// written as cloze 1: Anki makes one card hiding them all. A gap's other
/// accepted answers follow its first after `|`, as jatta writes them.
enum AnkiCloze {
    /// The jatta cloze as an Anki cloze field (HTML).
    static func write(_ cloze: ClozeCard) -> String {
        cloze.segments.map { segment in
            switch segment {
            case .text(let text): AnkiHTML.fromText(text)
            case .gap(let gap): "{{c1::" + gap.answers.map(gapAnswer).joined(separator: "|") + "}}"
            }
        }.joined()
    }

    /// A gap's answer as Anki's cloze holds it: `:` and `}` as entities,
    /// which Anki shows as the characters, so that `std::vector` is not
    /// read as the answer `std` with the hint `vector`, nor `}}` as the
    /// deletion's end.
    static func gapAnswer(_ text: String) -> String {
        AnkiHTML.fromText(text).replacingOccurrences(of: ":", with: "&#58;").replacingOccurrences(of: "}", with: "&#125;")
    }

    /// An Anki cloze field as jatta cloze text: every `{{cN::answer::hint}}`
    /// becomes a gap `{answer}` (the hint is dropped), the rest is text
    /// with its braces escaped. Nil when the field has no cloze.
    static func read(_ html: String) -> String? {
        // The gaps are marked with two private-use characters first, so the
        // whole field turns into text at once (spaces beside a gap kept).
        var marked = ""
        var rest = html[...]
        var gaps = 0
        while let open = rest.range(of: "{{c") {
            let afterOpen = rest[open.upperBound...]
            let digits = afterOpen.prefix { $0.isASCII && $0.isNumber }
            let body = afterOpen[digits.endIndex...]
            guard !digits.isEmpty, body.hasPrefix("::") else {
                marked += rest[..<open.upperBound]
                rest = afterOpen
                continue
            }
            // No `}}` after this opening means none after any later one:
            // stop rather than search the rest again for each.
            guard let close = body.range(of: "}}") else { break }
            marked += rest[..<open.lowerBound]
            let inside = body[body.index(body.startIndex, offsetBy: 2)..<close.lowerBound]
            let answer = inside.range(of: "::").map { inside[..<$0.lowerBound] } ?? inside
            marked += String(gapStart) + answer.filter { $0 != gapStart && $0 != gapEnd } + String(gapEnd)
            gaps += 1
            rest = body[close.upperBound...]
        }
        guard gaps > 0 else { return nil }
        marked += rest
        var out = ""
        var plain = ""
        var gap: String?
        for ch in AnkiHTML.toText(marked) {
            switch ch {
            case gapStart:
                out += ClozeText.escapePlain(plain)
                plain = ""
                gap = ""
            case gapEnd:
                let answers = (gap ?? "").split(separator: "|", omittingEmptySubsequences: false).map {
                    ClozeText.escapePlain(String($0).trimmingCharacters(in: .whitespaces))
                }
                out += "{" + answers.joined(separator: "|") + "}"
                gap = nil
            default:
                if gap != nil { gap!.append(ch) } else { plain.append(ch) }
            }
        }
        out += ClozeText.escapePlain(plain)
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// The cloze numbers of a field's deletions, in order (`{{c2::…}}` → 2).
    static func numbers(_ html: String) -> [Int] {
        html.components(separatedBy: "{{c").dropFirst().compactMap { piece in
            let digits = piece.prefix { $0.isASCII && $0.isNumber }
            return piece.dropFirst(digits.count).hasPrefix("::") ? Int(digits) : nil
        }
    }

    /// Marks where a gap starts and ends while the field becomes text.
    private static let gapStart: Character = "\u{E000}"
    private static let gapEnd: Character = "\u{E001}"
}
