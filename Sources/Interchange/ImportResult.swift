import DeckFormat

/// A deck read from another format, with every problem found on the way.
public struct ImportResult: Sendable {
    /// The cards that could be read, as a jatta deck.
    public var deck: Deck
    /// Problems in file order.
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The first `limit` of `diagnostics`, and one more saying how many
    /// were left out: a hostile file's every line can be a problem.
    static func capped(_ diagnostics: [Diagnostic], limit: Int) -> [Diagnostic] {
        guard diagnostics.count > limit else { return diagnostics }
        let dropped = diagnostics.count - limit
        let last = diagnostics[limit - 1].location
        return Array(diagnostics.prefix(limit)) + [InterchangeIssue.tooManyDiagnostics(dropped: dropped).at(last)]
    }
}

/// A deck written in another format, with the cards it could not hold.
public struct ExportResult: Sendable {
    /// The file's text.
    public var text: String
    /// One warning per card left out or changed, at the card's place.
    public var diagnostics: [Diagnostic]
    /// How many cards the text holds (a card written in another form, a
    /// cloze of several gaps as a description, counts).
    public var written: Int
}

/// Building cards from imported text: the identity follows the deck
/// format's rule (an explicit id when one is known, else the derived one).
enum ImportedCard {
    /// A card whose explicit id, if any, is still as written: the importer
    /// scopes it once the deck's namespace is known. A title equal to the
    /// derived id names a card without `id:` (jatta writes that id as the
    /// title), unless `written` says it came from an `[id:…]` comment.
    static func make(
        _ content: CardContent, id: String?, written: Bool = false, level: Int, tags: [String], sections: [String],
        source: String?, location: SourceLocation
    ) -> Card {
        let prompt = Card(id: CardID(rawValue: ""), content: content, location: location).prompt
        let derived = CardID.derived(kind: content.kind, prompt: prompt)
        let explicit = id.flatMap { !written && $0 == derived.rawValue ? nil : explicitID(from: $0) }
        return Card(
            id: explicit.map { CardID(rawValue: $0) } ?? derived, hasExplicitID: explicit != nil, derivedID: derived,
            content: content, level: level, tags: tags, sectionTags: sections, source: source, location: location)
    }

    /// A title made into an id the deck format accepts: characters it does
    /// not allow become `-`, cut to 64.
    static func explicitID(from title: String) -> String? {
        if CardID.isValidExplicit(title) { return title }
        var id = ""
        for ch in title {
            let ok = ch.isLetter || ch.isNumber && ch.isASCII || ch == "-" || ch == "_" || ch == "."
            if ok { id.append(ch) } else if !id.hasSuffix("-") { id.append("-") }
            if id.count >= 64 { break }
        }
        while id.hasSuffix("-") { id.removeLast() }
        while id.hasPrefix("-") { id.removeFirst() }
        return CardID.isValidExplicit(id) ? id : nil
    }
}

/// The words a true/false question's options are written with, per deck
/// language; the exporter recognises all of them.
enum TrueFalseWords {
    static let pairs: [String: (yes: String, no: String)] = [
        "kk": ("Дұрыс", "Бұрыс"), "ru": ("Верно", "Неверно"), "en": ("True", "False"),
    ]

    static func words(language: String) -> (yes: String, no: String) {
        pairs[language] ?? pairs["kk"] ?? ("True", "False")
    }

    /// Whether `options` are exactly a true/false pair, and which is right.
    static func truth(of options: [ChoiceOption]) -> Bool? {
        guard options.count == 2, options.filter(\.isCorrect).count == 1 else { return nil }
        for pair in pairs.values where options[0].text == pair.yes && options[1].text == pair.no {
            return options[0].isCorrect
        }
        return nil
    }
}
