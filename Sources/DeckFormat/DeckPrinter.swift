/// Writes a deck in the canonical form of docs/deck-format.md.
///
/// The canonical form: title, metadata, then cards with one blank line
/// between blocks; each card's own lines first, then `alt:`, `level:` (only
/// when it differs from the deck's default), `tags:`, `source:`, `id:`
/// (only when written in the file); continuation lines indented by three
/// spaces. `DeckParser.parse(DeckPrinter.print(deck))` gives back `deck`
/// (apart from card locations) for every deck the parser can produce.
public enum DeckPrinter {
    /// The indentation of continuation lines.
    static let indent = "   "

    public static func print(_ deck: Deck) -> String {
        var out = ""
        var header: [String] = []
        if let title = deck.title { header.append("# " + oneLine(title)) }
        for entry in deck.metadata {
            let oneLineKeys = DeckParser.oneLineMetadataKeys
            header.append(field(entry.key, oneLineKeys.contains(entry.key) ? oneLine(entry.value) : entry.value))
        }
        var blocks: [String] = []
        if !header.isEmpty { blocks.append(header.joined(separator: "\n")) }

        let deckTags = deckTags(of: deck)
        let defaultLevel = defaultLevel(of: deck)
        var path: [String] = []
        for card in deck.cards {
            var cardPath = card.sectionTags
            if cardPath.starts(with: deckTags) { cardPath.removeFirst(deckTags.count) }
            if cardPath != path {
                blocks.append(contentsOf: headings(from: path, to: cardPath))
                path = cardPath
            }
            blocks.append(print(card, defaultLevel: defaultLevel))
        }
        out = blocks.joined(separator: "\n\n")
        return out.isEmpty ? "" : out + "\n"
    }

    /// The headings that lead from one section path to another: the
    /// headings below the common part; the last one again when the new path
    /// is a shorter part of the old one; `##` to leave every section.
    static func headings(from old: [String], to new: [String]) -> [String] {
        if new.isEmpty { return old.isEmpty ? [] : ["##"] }
        var common = 0
        while common < old.count, common < new.count, old[common] == new[common] { common += 1 }
        if common == new.count, common > 0 { common -= 1 }
        return (common..<new.count).map { String(repeating: "#", count: $0 + 2) + " " + oneLine(new[$0]) }
    }

    /// One card in canonical form, without a trailing newline.
    public static func print(_ card: Card, defaultLevel: Int = 1) -> String {
        var lines: [String] = []
        switch card.content {
        case .question(let q):
            lines.append(field("Q", q.question))
            lines.append(field("A", q.answer))
        case .open(let o):
            lines.append(field("Q", o.question))
            lines.append(field("A", o.modelAnswer))
            for point in o.keyPoints { lines.append(item("-", point)) }
        case .choice(let c):
            lines.append(field("Q", c.question))
            for option in c.options { lines.append(item(option.isCorrect ? "*" : "-", option.text)) }
        case .term(let t):
            lines.append(field("T", t.term))
            lines.append(field("D", t.definition))
        case .cloze(let c):
            lines.append(field("C", c.text))
        }
        for alt in card.alternatives { lines.append(field("alt", alt)) }
        if card.level != defaultLevel { lines.append(field("level", String(card.level))) }
        if !card.tags.isEmpty { lines.append(field("tags", oneLine(card.tags.joined(separator: ", ")))) }
        if let source = card.source { lines.append(field("source", oneLine(source))) }
        if card.hasExplicitID { lines.append(field("id", card.idAsWritten)) }
        return lines.joined(separator: "\n")
    }

    /// `name: text`, continuation lines indented, empty lines kept empty.
    static func field(_ name: String, _ text: String) -> String {
        text.isEmpty ? name + ":" : name + ": " + indented(text)
    }

    static func item(_ mark: String, _ text: String) -> String {
        text.isEmpty ? mark : mark + " " + indented(text)
    }

    static func indented(_ text: String) -> String {
        // Line breaks are found among the scalars, as the parser finds them:
        // as Characters (or through Foundation's substring search) a
        // combining mark right after the LF, or a CR before it, joins it into
        // one grapheme and the break goes unseen — and the next line unindented.
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return text }
        return text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            i, line in
            i == 0 || line.isEmpty ? String(line) : indent + String(line)
        }.joined(separator: "\n")
    }

    /// `text` with its line breaks turned into spaces, for the values the
    /// format writes on one line (a deck built in code may hold them).
    /// Only LF counts, as in the parser, which keeps a CR or a vertical
    /// tab inside a line; a CR before the LF goes with it.
    static func oneLine(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains("\n") else { return text }
        return scalars.split(separator: "\n").map { line in
            var piece = Substring.UnicodeScalarView(line)
            while piece.last == "\r" { piece.removeLast() }
            return String(piece)
        }.joined(separator: " ")
    }

    /// The deck-wide tags (`tags:` metadata), as the parser reads them.
    public static func deckTags(of deck: Deck) -> [String] {
        guard let value = deck.metadata("tags") else { return [] }
        return TagList.parse(value)
    }

    /// The deck's default card level, as the parser reads it.
    public static func defaultLevel(of deck: Deck) -> Int {
        guard let value = deck.metadata("level"), !value.isEmpty, value.count <= 6,
            value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let level = Int(value)
        else { return 1 }
        return level
    }
}
