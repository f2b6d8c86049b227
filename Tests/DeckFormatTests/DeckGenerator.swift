import DeckFormat
import FSRS


/// Random decks of every card kind, built as the parser would build them
/// (so `parse(print(deck))` can be compared with `deck`).
struct DeckGenerator {
    var random: SeededGenerator

    static let words = [
        "мемлекет", "халықаралық", "қатынастар", "саясат", "режим", "гегемония", "ынтымақтастық", "өңір",
        "Қазақстан", "БҰҰ-ға", "1992", "жыл", "әлемдік", "тәртіп", "ұйым", "күш", "іс-әрекет", "ықпал",
        "theory", "regime", "soft", "power", "NATO", "x²", "Ленин", "«неоколониализм»", "(1991)", "т.б.",
        "—", "50%", "%", "%50%", "#3", "a:b", "*", "//", "C:", "well-known", "Ә", "Ү", "Ұ", "шартқа", "е.", "?",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    mutating func word() -> String { Self.words[int(0...Self.words.count - 1)] }

    /// One line of words: no leading or trailing space, no braces or
    /// backslashes (cloze syntax), no commas (tag syntax).
    mutating func line(_ count: ClosedRange<Int>) -> String {
        (0..<int(count)).map { _ in word() }.joined(separator: " ")
    }

    /// Text of one to three lines, sometimes with a paragraph break.
    mutating func text() -> String {
        var lines = [line(1...6)]
        for _ in 0..<int(0...2) {
            if chance(0.2) { lines.append("") }
            lines.append(line(1...6))
        }
        return lines.joined(separator: "\n")
    }

    mutating func tag() -> String {
        chance(0.3) ? word() + " " + word() : word()
    }

    /// A random deck in `file`; with `namespace`, the deck has that
    /// `namespace:` line and its explicit ids are scoped by it, else by the
    /// file name.
    mutating func deck(file: String, namespace: String? = nil) -> Deck {
        var metadata: [MetadataEntry] = []
        var deckTags: [String] = []
        var defaultLevel = 1
        if chance(0.5) { metadata.append(MetadataEntry(key: "lang", value: ["kk", "ru", "en"][int(0...2)])) }
        if chance(0.5) { metadata.append(MetadataEntry(key: "author", value: line(1...3))) }
        if chance(0.3) { metadata.append(MetadataEntry(key: "description", value: text())) }
        if chance(0.3) {
            defaultLevel = int(1...3)
            metadata.append(MetadataEntry(key: "level", value: String(defaultLevel)))
        }
        if chance(0.3) {
            deckTags = (0..<int(1...2)).map { _ in tag() }
            metadata.append(MetadataEntry(key: "tags", value: deckTags.joined(separator: ", ")))
        }
        if chance(0.1) { metadata.append(MetadataEntry(key: "semester", value: "")) }
        if let namespace { metadata.append(MetadataEntry(key: "namespace", value: namespace)) }
        let title: String? = chance(0.7) ? line(1...5) : nil

        var cards: [Card] = []
        var path: [String] = []
        for _ in 0..<int(0...12) {
            if chance(0.25) {
                let depth = int(0...3)
                path = (0..<depth).map { _ in line(1...2) }
            } else if chance(0.1), !path.isEmpty {
                path.removeLast()
            }
            cards.append(card(
                sectionTags: deckTags + path, defaultLevel: defaultLevel, file: file,
                namespace: namespace ?? CardID.defaultNamespace(file: file)))
        }
        return Deck(file: file, title: title, metadata: metadata, cards: cards)
    }

    mutating func card(sectionTags: [String], defaultLevel: Int, file: String, namespace: String) -> Card {
        let content: CardContent
        switch int(0...4) {
        case 0:
            content = .question(QuestionCard(question: text(), answer: text(), alternatives: alternatives()))
        case 1:
            content = .term(TermCard(term: line(1...3), definition: text(), alternatives: alternatives()))
        case 2:
            var options = (0..<int(1...5)).map { _ in ChoiceOption(text: text(), isCorrect: chance(0.4)) }
            options[int(0...options.count - 1)].isCorrect = true
            content = .choice(ChoiceCard(question: text(), options: options))
        case 3:
            content = .open(OpenCard(question: text(), modelAnswer: text(), keyPoints: (0..<int(1...4)).map { _ in text() }))
        default:
            var pieces: [String] = []
            for _ in 0..<int(1...3) {
                if chance(0.7) { pieces.append(line(1...3)) }
                let answers = (0..<int(1...2)).map { _ in line(1...2) }
                pieces.append("{" + answers.joined(separator: "|") + "}")
            }
            if chance(0.5) { pieces.append(line(1...3)) }
            var text = pieces.joined(separator: " ")
            if chance(0.2) { text = text.replacingFirstSpaceWithNewline() }
            content = .cloze(ClozeCard(text: text, alternatives: alternatives()))
        }
        let explicitID: String? = chance(0.2) ? "card-\(int(0...9999))" : nil
        let prompt = Card(id: CardID(rawValue: ""), content: content, location: SourceLocation(file: file, line: 0)).prompt
        return Card(
            id: explicitID.map { CardID.scoped($0, namespace: namespace) }
                ?? CardID.derived(kind: content.kind, prompt: prompt),
            hasExplicitID: explicitID != nil,
            content: content,
            level: chance(0.4) ? int(1...3) : defaultLevel,
            tags: chance(0.4) ? (0..<int(1...3)).map { _ in tag() } : [],
            sectionTags: sectionTags,
            source: chance(0.3) ? "lectures/00\(int(0...4)).txt:\(int(1...3000))" : nil,
            location: SourceLocation(file: file, line: 0))
    }

    mutating func alternatives() -> [String] {
        chance(0.3) ? (0..<int(1...2)).map { _ in line(1...3) } : []
    }
}

extension String {
    fileprivate func replacingFirstSpaceWithNewline() -> String {
        guard let space = firstIndex(of: " ") else { return self }
        return self[..<space] + "\n" + self[index(after: space)...]
    }
}

extension Deck {
    /// The deck with every card location cleared, for comparing decks
    /// whose line numbers differ.
    var withoutLocations: Deck {
        var copy = self
        copy.cards = cards.map { card in
            var card = card
            card.location = SourceLocation(file: file, line: 0)
            card.lastLine = 0
            return card
        }
        return copy
    }
}
