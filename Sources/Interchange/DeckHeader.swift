import DeckFormat

/// A deck's title and metadata in a GIFT file: a first block of `//`
/// comments that Moodle ignores and jatta reads back.
///
///     // jatta deck
///     // title: Дәріс 4
///     // lang: kk
enum DeckHeader {
    /// The first comment line of the header.
    static let marker = "jatta deck"

    static func lines(for deck: Deck) -> [String] {
        var lines = ["// " + marker]
        if let title = deck.title { lines.append("// title: " + GIFTEscaping.escape(title)) }
        for entry in deck.metadata { lines.append("// \(entry.key): " + GIFTEscaping.escape(entry.value)) }
        return lines
    }

    static func read(_ comments: [String], into deck: inout Deck) {
        for comment in comments.dropFirst() {
            guard let colon = comment.firstIndex(of: ":") else { continue }
            let key = String(comment[..<colon])
            let value = GIFTEscaping.unescape(String(comment[comment.index(after: colon)...]))
            if key == "title" { deck.title = value } else { deck.metadata.append(MetadataEntry(key: key, value: value)) }
        }
    }
}
