import DeckFormat

/// A jatta deck → Aiken. Aiken holds single-answer multiple choice with 2–26
/// one-line options and a one-line question; every other card is left out
/// with a warning saying why.
public enum AikenExporter {
    static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    public static func write(_ decks: [Deck]) -> ExportResult {
        var blocks: [String] = []
        var diagnostics: [Diagnostic] = []
        for card in decks.flatMap(\.cards) {
            switch question(card) {
            case .success(let text): blocks.append(text)
            case .failure(let issue): diagnostics.append(issue.at(card.location))
            }
        }
        return ExportResult(
            text: blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n", diagnostics: diagnostics, written: blocks.count)
    }

    static func question(_ card: Card) -> Result<String, InterchangeIssue> {
        guard case .choice(let choice) = card.content, choice.correctOptions.count == 1, choice.options.count >= 2 else {
            return .failure(.cannotHold(format: "Aiken", kind: card.kind, reason: .notSingleAnswerChoice))
        }
        guard choice.options.count <= letters.count else {
            return .failure(.cannotHold(format: "Aiken", kind: card.kind, reason: .tooManyOptions))
        }
        let texts = [choice.question] + choice.options.map(\.text)
        guard !texts.contains(where: { $0.contains("\n") }) else {
            return .failure(.cannotHold(format: "Aiken", kind: card.kind, reason: .multiLine))
        }
        // A question line the reader takes for an option or the answer
        // line (`A) …`, `ANSWER: …`) would not read back.
        guard AikenImporter.optionLetter(choice.question) == nil, !choice.question.hasPrefix("ANSWER:") else {
            return .failure(.cannotHold(format: "Aiken", kind: card.kind, reason: .readsAsSyntax))
        }
        var lines = [choice.question]
        var answer: Character = "A"
        for (i, option) in choice.options.enumerated() {
            lines.append("\(letters[i])) \(option.text)")
            if option.isCorrect { answer = letters[i] }
        }
        lines.append("ANSWER: \(answer)")
        return .success(lines.joined(separator: "\n"))
    }
}
