import DeckFormat

/// A jatta deck → Moodle GIFT, one question per card, one line each.
///
/// question → short answer (`alt:` as further `=` answers; `1822 ± 5` and
/// `1..5` answers → numerical); term → short answer asking the definition;
/// choice → multiple choice (several right options share the credit, wrong
/// ones take it away; a Дұрыс/Бұрыс pair → true/false); open → essay with
/// the model answer and key points as general feedback; one-gap cloze →
/// fill-in-the-blank. A cloze with several gaps has no GIFT form: it is
/// written as a description, with a warning. The card's id as its deck
/// writes it (an explicit id without its namespace) is the title; the
/// namespace travels in the deck header with the other metadata, so the
/// importer scopes the id again. Kind, level, tags, source, `alt:` and the
/// cloze text go in `//` comments, so jatta reads every card back as it was.
public enum GIFTExporter {
    public static func write(_ decks: [Deck]) -> ExportResult {
        var blocks: [String] = []
        var diagnostics: [Diagnostic] = []
        var written = 0
        for deck in decks {
            blocks.append(DeckHeader.lines(for: deck).joined(separator: "\n"))
            let deckTags = DeckPrinter.deckTags(of: deck)
            let defaultLevel = DeckPrinter.defaultLevel(of: deck)
            // Cards outside any section need no category line at the start.
            var category: [String]? = []
            for card in deck.cards {
                if Self.readsAsMatching(card) {
                    diagnostics.append(
                        InterchangeIssue.cannotHold(format: "GIFT", kind: card.kind, reason: .arrowInAnswer).at(card.location))
                    continue
                }
                var sections = card.sectionTags
                if sections.starts(with: deckTags) { sections.removeFirst(deckTags.count) }
                if sections != category {
                    blocks.append("$CATEGORY: " + categoryPath(sections))
                    category = sections
                }
                let (text, issue) = question(card, defaultLevel: defaultLevel)
                blocks.append(text)
                written += 1
                if let issue { diagnostics.append(issue.at(card.location)) }
            }
        }
        return ExportResult(text: blocks.joined(separator: "\n\n") + "\n", diagnostics: diagnostics, written: written)
    }

    /// Whether the card would be written as a short answer (`{=a =b}`, no
    /// `~`) with `->` in an answer: Moodle, and jatta's reader, take such a
    /// block for a matching question, and the card comes back as another.
    static func readsAsMatching(_ card: Card) -> Bool {
        let answers: [String]
        switch card.content {
        case .question(let q):
            answers = [q.answer] + q.alternatives
            if answers.allSatisfy({ NumericAnswer.gift($0) != nil }) { return false }
        case .term(let t):
            answers = [t.term] + t.alternatives
        case .cloze(let c):
            guard c.gaps.count == 1 else { return false }
            answers = c.gaps[0].answers
        case .choice, .open:
            return false
        }
        return answers.contains { $0.contains("->") }
    }

    /// `$course$/top/A/B`: a `/` inside a name is doubled; names that start
    /// or end with one are set off by spaces so the doubling stays readable.
    static func categoryPath(_ sections: [String]) -> String {
        let names = sections.map { name in name.reduce(into: "") { out, ch in out += ch == "/" ? "//" : String(ch) } }
        let spaced = names.contains { $0.hasPrefix("/") || $0.hasSuffix("/") }
        return (["$course$", "top"] + names).joined(separator: spaced ? " / " : "/")
    }

    /// One card as a GIFT question block, and what it lost, if anything.
    static func question(_ card: Card, defaultLevel: Int) -> (String, InterchangeIssue?) {
        var comments: [String] = []
        var issue: InterchangeIssue?
        if card.level != defaultLevel { comments.append("level: \(card.level)") }
        for tag in card.tags { comments.append("[tag:" + GIFTEscaping.escape(tag) + "]") }
        if let source = card.source { comments.append("source: " + GIFTEscaping.escape(source)) }
        // An explicit id equal to the derived one (what `jatta pin-ids`
        // writes) would read back as a title naming the derived id: the
        // comment says it was written.
        if card.hasExplicitID, card.idAsWritten == card.derivedID.rawValue {
            comments.append("[id:" + GIFTEscaping.escape(card.idAsWritten) + "]")
        }
        let e = GIFTEscaping.escape
        let body: String
        switch card.content {
        case .question(let q):
            let answers = [q.answer] + q.alternatives
            let numeric = answers.map(NumericAnswer.gift)
            if numeric.allSatisfy({ $0 != nil }) {
                body = e(q.question) + "{#" + numeric.map { "=" + ($0 ?? "") }.joined(separator: " ") + "}"
            } else {
                body = e(q.question) + "{" + answers.map { "=" + Self.answer($0, credit: "100") }.joined(separator: " ") + "}"
            }
        case .term(let t):
            comments.insert("kind: term", at: 0)
            body = e(t.definition) + "{" + ([t.term] + t.alternatives).map { "=" + Self.answer($0, credit: "100") }.joined(separator: " ") + "}"
        case .choice(let c):
            if let truth = TrueFalseWords.truth(of: c.options) {
                body = e(c.question) + (truth ? "{T}" : "{F}")
            } else if c.correctOptions.count == 1, c.options.count > 1,
                !c.correctOptions.contains(where: { Self.readsAsCredit($0.text) })
            {
                // Moodle reads no credit after `=` in a multiple choice, so
                // a right option that begins with `%` takes the form below.
                body = e(c.question) + "{" + c.options.map {
                    $0.isCorrect ? "=" + e($0.text) : "~" + Self.answer($0.text, credit: "0")
                }.joined(separator: " ") + "}"
            } else {
                // Several (or no) right options, or one option only (a
                // lone `=` would read as a short answer): "multiple answers".
                let right = c.correctOptions.count
                let share = right == 0 ? "0" : Self.percent(100 / Double(right))
                body = e(c.question) + "{" + c.options.map {
                    "~%" + ($0.isCorrect ? share : "-100") + "%" + e($0.text)
                }.joined(separator: " ") + "}"
            }
        case .open(let o):
            body = e(o.question) + "{####" + e(OpenFeedback.write(modelAnswer: o.modelAnswer, keyPoints: o.keyPoints)) + "}"
        case .cloze(let c):
            comments.insert(contentsOf: ["kind: cloze", "cloze: " + e(c.text)], at: 0)
            for alt in c.alternatives { comments.append("alt: " + e(alt)) }
            let segments = c.segments
            let gaps = c.gaps
            if gaps.count == 1 {
                body = segments.map { segment in
                    switch segment {
                    case .text(let t): e(t)
                    case .gap(let g): "{" + g.answers.map { "=" + Self.answer($0, credit: "100") }.joined(separator: " ") + "}"
                    }
                }.joined()
            } else {
                issue = .cannotHold(format: "GIFT", kind: .cloze, reason: .severalGaps)
                body = e(c.prompt)
            }
        }
        let lines = comments.map { "// " + $0 } + ["::" + e(card.idAsWritten) + "::" + body]
        return (lines.joined(separator: "\n"), issue)
    }

    /// An answer as written after its `=` or `~`. Text that begins with
    /// `%` would be read as a credit (`%50%`) or refused as a malformed
    /// one, so it gets its own credit first (`%100%%…`, `%0%%…`), which
    /// Moodle and jatta both take off and keep the rest as the text.
    static func answer(_ text: String, credit: String) -> String {
        let escaped = GIFTEscaping.escape(text)
        return readsAsCredit(text) ? "%" + credit + "%" + escaped : escaped
    }

    /// Whether an answer's text, written plainly, would begin with what a
    /// reader takes for a credit.
    static func readsAsCredit(_ text: String) -> Bool {
        text.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" }).hasPrefix("%")
    }

    /// A credit as Moodle writes it: up to five decimals, no trailing zeros.
    static func percent(_ value: Double) -> String {
        var text = String(Double(Int((value * 100_000).rounded())) / 100_000)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
