/// Field lines (`name: value`): deck metadata in the preamble, card fields
/// inside a card, and the values they hold.
extension ParserRun {
    mutating func fieldLine(name: String, value: Int) {
        switch state {
        case .preamble:
            metadataLine(key: name, value: value)
        case .betweenCards:
            target = .ignored
            emit(.fieldOutsideCard(field: name), at: lineStart)
        case .inCard:
            cardField(name: name, value: value)
        }
    }

    mutating func metadataLine(key: String, value: Int) {
        let text = self.text(from: value)
        if !metadataKeys.insert(key).inserted {
            emit(.duplicateMetadata(key: key), at: lineStart)
        } else if !DeckParser.metadataKeys.contains(key) {
            // `Namespace:`, `namspace:`: the deck's ids fell back to the
            // file's name without a word beyond "unknown key".
            let suggestion = Self.metadataSuggestion(for: key)
            emit(.unknownMetadata(key: key, suggestion: suggestion), at: lineStart, fix: suggestion.map { renaming(key, to: $0) })
        } else {
            switch key {
            case "lang" where !["kk", "ru", "en"].contains(text):
                emit(.unknownLanguage(text), at: value)
            case "order" where NewCardOrder(rawValue: text) == nil:
                emit(.unknownOrder(text), at: value)
            case "level":
                if let level = parseLevel(text, at: value) { deckLevel = level }
            case "exam" where CalendarDate(text) == nil:
                emit(.invalidExamDate(text), at: value)
            case "tags":
                deckTags = parseTags(from: value)
                sectionTags = deckTags + sections.map(\.name)
            case "namespace":
                if CardID.isValidExplicit(text) {
                    namespace = text
                    hasNamespaceLine = true
                } else {
                    emit(.invalidNamespace(text), at: value)
                }
            default:
                break
            }
        }
        metadata.append(MetadataEntry(key: key, value: text))
        target = DeckParser.oneLineMetadataKeys.contains(key) ? .oneLineField(key) : .metadata(metadata.count - 1)
        checkLookalikes(from: value)
    }

    mutating func cardField(name: String, value: Int) {
        guard let card = pending else { return }
        var text: String { self.text(from: value) }
        target = .oneLineField(name)
        switch name {
        case "level":
            if card.level != nil {
                emit(.duplicateField(field: name), at: lineStart)
            } else if let level = parseLevel(text, at: value) {
                card.level = level
            }
        case "tags":
            card.tags += parseTags(from: value)
            checkLookalikes(from: value)
        case "id":
            if card.id != nil {
                emit(.duplicateField(field: name), at: lineStart)
            } else {
                let id = text
                if CardID.isValidExplicit(id) {
                    card.id = id
                    if !hasNamespaceLine, !reportedMissingNamespace {
                        reportedMissingNamespace = true
                        emit(.idWithoutNamespace(suggested: namespace), at: lineStart)
                    }
                } else {
                    emit(.invalidID(id), at: value)
                }
            }
        case "source":
            if card.source != nil {
                emit(.duplicateField(field: name), at: lineStart)
            } else {
                let source = text
                if !Self.looksLikeSource(source) { emit(.sourceFormat(source), at: value) }
                card.source = source
            }
        case "alt":
            let field = TextField(location: location(at: value), range: value..<max(value, lineEnd), mayHoldNUL: report.firstNUL != nil)
            card.alternatives.append(field)
            target = .alternative(card.alternatives.count - 1)
            checkLookalikes(from: value)
        default:
            let suggestion = Self.suggestion(for: name)
            emit(.unknownField(name: name, suggestion: suggestion), at: lineStart, fix: suggestion.map { renaming(name, to: $0) })
            target = .ignored
        }
    }

    // MARK: Values

    /// A level written as digits; out-of-range levels are kept (and
    /// reported) so that the card still loads and `check` can point at it.
    mutating func parseLevel(_ text: String, at offset: Int) -> Int? {
        guard !text.isEmpty, text.count <= 6, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let level = Int(text)
        else {
            emit(.invalidLevel(text), at: offset)
            return nil
        }
        if !(1...3).contains(level) { emit(.levelOutOfRange(level), at: offset) }
        return level
    }

    /// The tags in `buffer[from..<lineEnd]`; an empty tag between two
    /// commas is reported (a trailing comma is not).
    mutating func parseTags(from: Int) -> [String] {
        let parsed = TagList.parse(buffer, from, lineEnd, mayHoldNUL: report.firstNUL != nil)
        if let empty = parsed.firstEmpty { emit(.emptyTag, at: empty) }
        return parsed.tags
    }

    /// `FILE:LINE` (a path, a colon, digits).
    static func looksLikeSource(_ text: String) -> Bool {
        guard let colon = text.lastIndex(of: ":") else { return false }
        let line = text[text.index(after: colon)...]
        return colon != text.startIndex && !line.isEmpty && line.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The known field an unknown name most likely means: a marker or a
    /// field in the wrong case (`q:`, `Level:`), a common shorthand, or a
    /// field two edits away (`levl:`, `sorce:`).
    static func suggestion(for name: String) -> String? {
        let lower = name.lowercased()
        if let marker = ["q": "Q", "t": "T", "c": "C", "a": "A", "d": "D"][lower] { return marker }
        if let field = ["lvl": "level", "src": "source"][lower] { return field }
        return closest(to: lower, in: DeckParser.cardFields, longerThan: 2)
    }

    /// The name of `names` that `lower` (a name written in lower case)
    /// most likely means: itself, or one of at most two letters off when it
    /// is longer than `longerThan`.
    static func closest(to lower: String, in names: [String], longerThan: Int) -> String? {
        if names.contains(lower) { return lower }
        guard lower.count > longerThan else { return nil }
        return names.first { editDistance($0, lower) <= 2 }
    }

    /// The fix that writes `meant` for the name `written` at the start of
    /// the current line.
    func renaming(_ written: String, to meant: String) -> FixIt {
        FixIt(
            [.replaceColumns(line: lineNumber, from: 1, to: written.count + 1, with: meant)],
            kk: "'\(meant):' деп жазыңыз", en: "write '\(meant):'")
    }

    /// The metadata key a mistyped one most likely means: the same in
    /// other case, or one or two letters off.
    static func metadataSuggestion(for key: String) -> String? {
        closest(to: key.lowercased(), in: DeckParser.metadataKeys, longerThan: 3)
    }

    /// Levenshtein distance over bytes, for short ASCII names.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        if a.count > 32 || b.count > 32 { return Int.max }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
