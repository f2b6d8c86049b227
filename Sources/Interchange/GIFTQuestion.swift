import DeckFormat

/// One GIFT question as written, before it becomes jatta cards.
struct GIFTQuestion {
    /// `::title::`, unescaped, if any.
    var title: String?
    /// The question text before the answer block (all of it, when there is
    /// no answer block), unescaped.
    var text: String
    /// Text after the answer block: a non-empty one makes a fill-in-the-blank.
    var textAfter: String
    /// What the answer block holds.
    var answers: GIFTAnswers
    /// `####` general feedback, if any.
    var generalFeedback: String?
    /// `// key: value` comment lines of the question's block (jatta writes
    /// its own fields there; Moodle ignores them).
    var comments: [String]
    /// Where the question starts.
    var location: SourceLocation
}

/// The answer block of a GIFT question, by the type it makes.
enum GIFTAnswers {
    /// No braces: text only.
    case description
    /// `{}`.
    case essay
    /// `{=right ~wrong}` or `{~%50%a ~%50%b}`.
    case multipleChoice([GIFTAnswer])
    /// `{T}`, `{FALSE}`.
    case trueFalse(Bool, feedback: [String])
    /// `{=a =b}`.
    case shortAnswer([GIFTAnswer])
    /// `{#1822:5}`, `{#1..5}`, `{#=1822:0 =%50%1822:2}`; `otherFeedback`:
    /// a `~#…` feedback for any other answer was written.
    case numerical([GIFTNumber], otherFeedback: Bool)
    /// `{=a -> 1 =b -> 2}`.
    case matching([(question: String, answer: String)])
}

/// One answer of a choice or short-answer block.
struct GIFTAnswer {
    /// The answer text, unescaped and trimmed.
    var text: String
    /// Credit in percent: 100 for `=`, 0 for a plain `~`, `%w%` otherwise.
    var weight: Double
    /// `#feedback` after the answer, if any.
    var feedback: String?
}

/// One answer of a numerical block.
struct GIFTNumber {
    /// How it was written: `1822:5`, `1..5` or `1822`.
    var value: GIFTNumberValue
    /// Credit in percent.
    var weight: Double
    /// `#feedback` after the answer, if any.
    var feedback: String?
}

enum GIFTNumberValue: Equatable {
    case tolerance(value: String, error: String)
    case range(low: String, high: String)
}

extension GIFTQuestion {
    /// The question with its texts read as HTML (`[html]`): what Moodle
    /// shows, `<p>Fish &amp; chips</p>` as `Fish & chips`. Titles and
    /// numbers are not HTML.
    func readAsHTML() -> GIFTQuestion {
        func plain(_ html: String) -> String { HTMLPlainText.of(html) }
        func plainAnswers(_ list: [GIFTAnswer]) -> [GIFTAnswer] {
            list.map { GIFTAnswer(text: plain($0.text), weight: $0.weight, feedback: $0.feedback.map(plain)) }
        }
        var read = self
        read.text = plain(text)
        read.textAfter = plain(textAfter)
        read.generalFeedback = generalFeedback.map(plain)
        switch self.answers {
        case .multipleChoice(let list): read.answers = .multipleChoice(plainAnswers(list))
        case .shortAnswer(let list): read.answers = .shortAnswer(plainAnswers(list))
        case .trueFalse(let truth, let feedback): read.answers = .trueFalse(truth, feedback: feedback.map(plain))
        case .matching(let pairs): read.answers = .matching(pairs.map { (plain($0.question), plain($0.answer)) })
        case .description, .essay, .numerical: break
        }
        return read
    }
}
