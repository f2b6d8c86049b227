/// `jatta fmt`: the repairs `check` can make safely, in place. Letters
/// (ӛ→ө and the other never-Kazakh letters, Latin look-alikes inside
/// Cyrillic words), markers read as meant (`Q;`, `A :`, `С:`, `*1949`,
/// `– төрт`), the space after a marker, mark or field name, trailing white
/// space, and the canonical order of a card's closing fields (`alt:`,
/// `level:`, `tags:`, `source:`, `id:`). Comments, blank lines, the order of
/// cards and every other byte stay as they are.
///
/// No repair may change a card's identity: the result is parsed again and
/// compared card by card, and a file whose ids would change is left alone
/// (`Result.refused`). A whole word in Latin look-alikes (`HATO`) is not
/// repaired: it may be a Latin word, and in a prompt it is the identity.
public enum DeckFormatter {
    /// One repair, for the report.
    public struct Change: Hashable, Sendable {
        /// The line it was made on.
        public var line: Int
        /// What was done, in Kazakh.
        public var kk: String
        /// What was done, in English.
        public var en: String
    }

    /// What formatting one file gives.
    public struct Result: Hashable, Sendable {
        /// The formatted bytes (the input when nothing changed or refused).
        public var bytes: [UInt8]
        /// The repairs, in line order.
        public var changes: [Change]
        /// True when the repairs would have changed a card's identity, so
        /// none was made.
        public var refused: Bool
    }

    /// Codes whose fix is a repair of the text as read: what the parser
    /// already took the line to mean, or a letter identity folds anyway.
    static let safeCodes: Set<String> = [
        "wrong-letter", "latin-in-cyrillic", "malformed-marker", "option-without-space", "dash-option",
        "cyrillic-marker", "answer-marker",
    ]

    public static func format(_ bytes: [UInt8], file: String) -> Result {
        let parsed = DeckParser.parse(bytes, file: file)
        var edits: [FixIt.Edit] = []
        var changes: [Change] = []
        let lines = TextEncoding.lines(of: bytes).map { bytes[$0.start..<$0.contentEnd] }
        for diagnostic in parsed.diagnostics where safeCodes.contains(diagnostic.code) {
            guard let fix = diagnostic.fix else { continue }
            // `-5 градус` may be a wrapped line's negative number as well as
            // an option: `- 5` would drop the minus. Left to the author.
            if diagnostic.code == "option-without-space", lines.indices.contains(diagnostic.location.line - 1) {
                let line = lines[diagnostic.location.line - 1]
                if line.first == UInt8(ascii: "-"), line.dropFirst().first.map({ (0x30...0x39).contains($0) }) == true { continue }
            }
            edits += fix.edits
            changes.append(Change(line: diagnostic.location.line, kk: fix.kk, en: fix.en))
        }
        // Letters first; then the layout of the repaired lines (no pass adds
        // or removes a line, so line numbers hold across both).
        let lettered = edits.isEmpty ? bytes : LineEdits.apply(edits, to: bytes)
        var layout = LayoutPass(bytes: lettered, deck: DeckParser.parse(lettered, file: file).deck)
        layout.run()
        changes += layout.changes
        guard !changes.isEmpty else { return Result(bytes: bytes, changes: [], refused: false) }
        let formatted = layout.edits.isEmpty ? lettered : LineEdits.apply(layout.edits, to: lettered)
        let after = DeckParser.parse(formatted, file: file).deck
        // The safety net: the same cards with the same ids, or nothing.
        guard after.cards.map(\.id) == parsed.deck.cards.map(\.id) else {
            return Result(bytes: bytes, changes: [], refused: true)
        }
        return Result(bytes: formatted, changes: changes.sorted { $0.line < $1.line }, refused: false)
    }

    /// The spacing and field-order repairs, line by line.
    struct LayoutPass {
        let bytes: [UInt8]
        let deck: Deck
        var edits: [FixIt.Edit] = []
        var changes: [Change] = []

        init(bytes: [UInt8], deck: Deck) {
            self.bytes = bytes
            self.deck = deck
        }

        mutating func run() {
            let lines = Self.lines(bytes)
            var reordered = Set<Int>()
            for card in deck.cards {
                reorderFields(card, lines: lines, into: &reordered)
            }
            for (index, line) in lines.enumerated() {
                let number = index + 1
                if reordered.contains(number) { continue }
                if let spaced = Self.spaced(line), spaced != line {
                    edits.append(.replaceLine(number, with: spaced))
                    changes.append(Change(line: number, kk: "бос орындар түзетілді", en: "spacing made canonical"))
                }
            }
        }

        /// The trailing run of one-line card fields of `card`, put in the
        /// canonical order (a stable sort: `tags:` lines keep theirs).
        mutating func reorderFields(_ card: Card, lines: [String], into reordered: inout Set<Int>) {
            // Lines are numbered from 1; a field block never holds an `alt:`
            // with continuation lines, since those are not field lines.
            guard card.lastLine <= lines.count else { return }
            var first = card.lastLine + 1
            while first - 1 > card.location.line, Self.cardField(lines[first - 2]) != nil { first -= 1 }
            guard first <= card.lastLine else { return }
            let block = Array(first...card.lastLine)
            let order = DeckParser.cardFields
            let sorted = block.enumerated().sorted { a, b in
                let ia = order.firstIndex(of: Self.cardField(lines[a.element - 1]) ?? "") ?? order.count
                let ib = order.firstIndex(of: Self.cardField(lines[b.element - 1]) ?? "") ?? order.count
                return ia != ib ? ia < ib : a.offset < b.offset
            }.map(\.element)
            guard sorted != block else { return }
            for (target, source) in zip(block, sorted) {
                let text = Self.spaced(lines[source - 1]) ?? lines[source - 1]
                edits.append(.replaceLine(target, with: text))
                reordered.insert(target)
            }
            changes.append(
                Change(
                    line: first, kk: "карта өрістері канондық ретке қойылды", en: "card fields put in canonical order"))
        }

        /// The name of a known card field written on `line`, if it is one
        /// (an `alt:` with continuation lines is left where it is).
        static func cardField(_ line: String) -> String? {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = String(line[..<colon])
            return DeckParser.cardFields.contains(name) ? name : nil
        }

        /// `line` with canonical spacing: no trailing white space, one space
        /// after a marker (`Q:`), a mark (`*`, `-`) or a field name; nil for
        /// lines it does not touch (indented text, comments, headings).
        static func spaced(_ line: String) -> String? {
            var trimmed = Substring(line)
            while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
            guard let first = trimmed.first, first != " ", first != "\t", !trimmed.hasPrefix("//"), first != "#" else {
                return trimmed.count == line.count ? nil : String(trimmed)
            }
            if first == "*" || first == "-" {
                let rest = trimmed.dropFirst()
                guard let next = rest.first, next == " " || next == "\t" else { return String(trimmed) }
                return String(first) + " " + rest.drop(while: { $0 == " " || $0 == "\t" })
            }
            guard let colon = trimmed.firstIndex(of: ":") else { return String(trimmed) }
            let name = trimmed[..<colon]
            let isMarker = name.count == 1 && "QTCAD".contains(name)
            let isField = DeckParser.cardFields.contains(String(name)) || DeckParser.metadataKeys.contains(String(name))
            guard isMarker || isField else { return String(trimmed) }
            let value = trimmed[trimmed.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" })
            return value.isEmpty ? name + ":" : name + ": " + value
        }

        /// The file's lines without their ends (as `LineEdits` numbers them).
        static func lines(_ bytes: [UInt8]) -> [String] {
            TextEncoding.lines(of: bytes).map { String(decoding: bytes[$0.start..<$0.contentEnd], as: UTF8.self) }
        }
    }
}
