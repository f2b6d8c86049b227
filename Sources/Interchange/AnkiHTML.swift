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

    /// A field's HTML as plain text: tags dropped, `<br>` and block ends
    /// as line breaks, entities decoded, spaces within a line collapsed,
    /// blank lines at either end dropped. Linear in the field's length.
    static func toText(_ html: String) -> String {
        var out = ""
        var scalars = withoutSounds(html).unicodeScalars[...]
        while let scalar = scalars.first {
            switch scalar {
            case "<":
                guard let close = scalars.firstIndex(of: ">") else {
                    out.unicodeScalars.append(contentsOf: scalars)
                    scalars = scalars[scalars.endIndex...]
                    continue
                }
                let tag = String(scalars[scalars.index(after: scalars.startIndex)..<close]).lowercased()
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
                if name == "br" || (tag.hasPrefix("/") && blockTags.contains(String(name))) {
                    out += "\n"
                } else if name == "li" && !tag.hasPrefix("/") {
                    if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
                }
                scalars = scalars[scalars.index(after: close)...]
            case "&":
                let rest = scalars.prefix(12)
                if let semicolon = rest.firstIndex(of: ";"),
                    let decoded = entity(String(scalars[scalars.index(after: scalars.startIndex)..<semicolon]))
                {
                    out.unicodeScalars.append(decoded)
                    scalars = scalars[scalars.index(after: semicolon)...]
                } else {
                    out += "&"
                    scalars = scalars.dropFirst()
                }
            case "\n":
                // A line break in a field's source is no break on Anki's screen.
                out += " "
                scalars = scalars.dropFirst()
            default:
                // Other control characters would reach the deck, and a
                // terminal, as control sequences: they become spaces.
                let control = scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
                out.unicodeScalars.append(control ? " " : scalar)
                scalars = scalars.dropFirst()
            }
        }
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        return Array(lines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed()).joined(separator: "\n")
    }

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

    /// Elements whose end starts a new line.
    private static let blockTags: Set<String> = ["div", "p", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6"]

    /// The character an entity's name (between `&` and `;`) stands for.
    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default: break
        }
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).flatMap(printable)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).flatMap(printable) }
        return nil
    }

    /// An entity never decodes to a control character: it would reach the
    /// deck (and a terminal) as one.
    private static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) ? nil : scalar
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
