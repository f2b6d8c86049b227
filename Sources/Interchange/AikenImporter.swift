import DeckFormat

/// Moodle Aiken → a jatta deck of single-answer multiple-choice cards.
///
/// A question is one line, its options follow as `A) …` or `A. …`, and
/// `ANSWER: A` ends it. Options written with Cyrillic letters (`А) В) С)
/// Д)`, as a Kazakh or Russian keyboard types them) are read with a
/// warning, where Moodle rejects the question.
public enum AikenImporter {
    /// Where the reader stands.
    enum State {
        /// Waiting for a question line.
        case question
        /// A question read; options (at least two) and `ANSWER:` to come.
        case options(question: String, at: SourceLocation, options: [(letter: Character, text: String)])
    }

    /// Cyrillic letters read as the Latin letter they stand for: the
    /// look-alikes (А В С Е Н К М О Р Т Х), and Д for D as instructors write
    /// А) В) С) Д).
    static let lookalikes: [Character: Character] = [
        "А": "A", "В": "B", "С": "C", "Д": "D", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P",
        "Т": "T", "Х": "X",
    ]
    /// Cyrillic letters in alphabet order (А Б В Г Д …), used when the
    /// options are lettered that way (a Б or Г is present).
    static let alphabet: [Character] = Array("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩ")

    public static func read(_ bytes: [UInt8], file: String) -> ImportResult {
        // Bytes that are not UTF-8 would be written into the deck as U+FFFD.
        let encoding = TextEncoding.problems(in: bytes, file: file)
        if !encoding.isEmpty { return ImportResult(deck: Deck(file: file), diagnostics: encoding) }
        let source = GIFTSource(bytes: bytes, file: file)
        var diagnostics: [Diagnostic] = []
        var cards: [Card] = []
        var state = State.question
        for line in source.lines() {
            let text = source.text(line.start, line.end).trimmedSpaces()
            let location = SourceLocation(file: file, line: line.number, column: 1)
            if text.isEmpty { continue }
            switch state {
            case .question:
                if optionLetter(text) != nil {
                    diagnostics.append(InterchangeIssue.aikenOptionWithoutQuestion.at(location))
                } else {
                    state = .options(question: text, at: location, options: [])
                }
            case .options(let question, let at, var options):
                if let (letter, rest) = optionLetter(text) {
                    options.append((letter, rest))
                    state = .options(question: question, at: at, options: options)
                } else if text.hasPrefix("ANSWER:") {
                    let answer = String(text.dropFirst(7)).trimmedSpaces()
                    state = .question
                    let latin = latinLetters(options.map(\.letter))
                    if latin != options.map(\.letter) {
                        for (found, meant) in zip(options.map(\.letter), latin) where found != meant {
                            diagnostics.append(InterchangeIssue.aikenCyrillicLetter(found: found, meant: meant).at(at))
                            break
                        }
                    }
                    guard options.count >= 2 else {
                        diagnostics.append(InterchangeIssue.aikenTooFewOptions.at(at))
                        continue
                    }
                    let written = answer.first.map { latinLetters(options.map(\.letter) + [$0]).last } ?? nil
                    guard let right = written, let index = latin.firstIndex(of: right) else {
                        diagnostics.append(InterchangeIssue.aikenBadAnswer(String(answer.prefix(20))).at(location))
                        continue
                    }
                    let choice = ChoiceCard(
                        question: question,
                        options: options.enumerated().map { ChoiceOption(text: $0.element.text, isCorrect: $0.offset == index) })
                    cards.append(ImportedCard.make(
                        .choice(choice), id: nil, level: 1, tags: [], sections: [], source: nil, location: at))
                } else {
                    diagnostics.append(InterchangeIssue.aikenUnfinishedQuestion.at(at))
                    state = .options(question: text, at: location, options: [])
                }
            }
        }
        if case .options(_, let at, _) = state {
            diagnostics.append(InterchangeIssue.aikenUnfinishedQuestion.at(at))
        }
        return ImportResult(deck: Deck(file: file, cards: cards), diagnostics: diagnostics)
    }

    /// The letter and text of an option line `A) text`, `A. text`; the
    /// letter may be Latin or Cyrillic upper case.
    static func optionLetter(_ line: String) -> (Character, String)? {
        var chars = line.makeIterator()
        guard let letter = chars.next(), let mark = chars.next(), mark == ")" || mark == "." else { return nil }
        let isLatin = letter.isASCII && letter.isUppercase
        guard isLatin || alphabet.contains(letter) else { return nil }
        return (letter, String(line.dropFirst(2)).trimmedSpaces())
    }

    /// The Latin letters `letters` stand for: Latin ones as they are;
    /// Cyrillic ones by alphabet position when Б or Г is among them, else
    /// as look-alikes.
    static func latinLetters(_ letters: [Character]) -> [Character] {
        let byPosition = letters.contains("Б") || letters.contains("Г")
        return letters.map { letter in
            if letter.isASCII { return letter }
            if byPosition, let i = alphabet.firstIndex(of: letter), i < 26 {
                return Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(i)))
            }
            return lookalikes[letter] ?? letter
        }
    }
}
