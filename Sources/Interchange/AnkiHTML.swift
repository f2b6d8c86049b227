import Foundation

/// Anki fields hold HTML; jatta cards hold plain text. The two directions,
/// and the media a field refers to.
enum AnkiHTML {
    /// Plain text as a field's HTML: `&`, `<`, `>` escaped (so a card
    /// about `<title>` shows it), line breaks as `<br>`.
    static func fromText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n": out += "<br>"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Items of plain text (options, key points, other answers) as one
    /// field: a list, so an item that spans lines stays one item.
    static func fromItems(_ items: [String]) -> String {
        items.isEmpty ? "" : "<ul>" + items.map { "<li>" + fromText($0) + "</li>" }.joined() + "</ul>"
    }

    /// The items of a field: each `<li>` when it has a list, else each
    /// line (a field typed in Anki by hand).
    static func toItems(_ html: String) -> [String] {
        guard html.range(of: "<li", options: .caseInsensitive) != nil else { return toLines(html) }
        return html.components(separatedBy: "<li").dropFirst().map { piece in
            toText("<li" + piece)
        }.filter { !$0.isEmpty }
    }

    /// A field's HTML as plain text (`HTMLPlainText`), its sound
    /// references left out.
    static func toText(_ html: String) -> String { HTMLPlainText.of(withoutSounds(html)) }

    /// The field without its `[sound:…]` references (named by
    /// `mediaReferences`; a card cannot play them).
    static func withoutSounds(_ html: String) -> String {
        guard html.contains("[sound:") else { return html }
        var out = ""
        var rest = html[...]
        while let start = rest.range(of: "[sound:"), let end = rest[start.upperBound...].firstIndex(of: "]") {
            out += rest[..<start.lowerBound]
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    /// A field's lines of text (one per `<br>` or block), blank ones left out.
    static func toLines(_ html: String) -> [String] {
        toText(html).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// The media files a field refers to: `<img src="…">`, `<audio src>`,
    /// `<source src>` and `[sound:…]`, in order.
    static func mediaReferences(_ html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "[sound:") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "]") else { break }
            found.append(String(after[..<end]))
            rest = after[after.index(after: end)...]
        }
        rest = html[...]
        while let start = rest.range(of: "src=", options: .caseInsensitive) {
            var after = rest[start.upperBound...]
            let quote = after.first.flatMap { $0 == "\"" || $0 == "'" ? $0 : nil }
            if quote != nil { after = after.dropFirst() }
            let end = after.firstIndex { ch in quote.map { ch == $0 } ?? (ch == " " || ch == ">") } ?? after.endIndex
            let name = String(after[..<end])
            if !name.isEmpty { found.append(name) }
            rest = after[end...]
        }
        return found
    }
}
