/// An exam question or independent-work task found in lecture notes.
public struct ExamQuestion: Hashable, Sendable {
    /// What kind of item it is.
    public enum Kind: Hashable, Sendable {
        /// A level question (`2–деңгейлік сұрақ.`), level 1–3.
        case level(Int)
        /// A task for independent work, labelled as in the notes: `ОБӨЖ`
        /// (with the teacher) or `БӨЖ` (on one's own).
        case task(String)
    }

    /// The question, joined across lines and tidied.
    public var text: String
    /// Level question or task.
    public var kind: Kind
    /// The lecture file, as named on the command line.
    public var file: String
    /// The 1-based line the item starts on.
    public var line: Int

    public init(text: String, kind: Kind, file: String, line: Int) {
        self.text = text
        self.kind = kind
        self.file = file
        self.line = line
    }

    /// The level for a level question; nil for a task.
    public var level: Int? {
        if case .level(let n) = kind { return n }
        return nil
    }
}

/// Finds the items under «Деңгейлік тапсырмалар» (level 1–3 questions,
/// however the label is written) and the ОБӨЖ / БӨЖ tasks.
public enum LevelQuestionFinder {
    /// The level questions and tasks of one document's paragraphs.
    public static func find(in paragraphs: [Paragraph], file: String) -> [ExamQuestion] {
        var result: [ExamQuestion] = []
        var inSection = false
        for (index, paragraph) in paragraphs.enumerated() {
            let text = paragraph.text
            if BlockMarkers.levelSectionHeading(text) {
                inSection = true
                continue
            }
            if let label = LevelLabel.parse(text), !label.rest.isEmpty {
                let question = String(label.rest) + continuation(after: index, in: paragraphs)
                result.append(ExamQuestion(text: tidy(question), kind: .level(label.level), file: file, line: paragraph.firstLine))
                continue
            }
            if inSection, let m = text.firstMatch(of: Patterns.bareLevelItem), let level = Int(m.1) {
                result.append(ExamQuestion(text: tidy(String(m.2)), kind: .level(level), file: file, line: paragraph.firstLine))
                continue
            }
            if let m = text.firstMatch(of: Patterns.taskItem) {
                result.append(ExamQuestion(text: tidy(String(m.2)), kind: .task(String(m.1)), file: file, line: paragraph.firstLine))
                continue
            }
            inSection = false
        }
        return result
    }

    /// A question broken over lines in notes whose lines are paragraphs
    /// (`2 деңгей. … құқықтық салдары⏎қандай?`): the next paragraph
    /// continues it when the question has no final mark and the next
    /// opens in lower case. A label or a capital never continues it, so
    /// a question without its stop never swallows the next question.
    static func continuation(after index: Int, in paragraphs: [Paragraph]) -> String {
        guard let last = paragraphs[index].text.last, !".?!".contains(last), index + 1 < paragraphs.count else { return "" }
        let next = paragraphs[index + 1].text
        guard next.first?.isLowercase == true, !BlockMarkers.levelLabel(next), !BlockMarkers.task(next) else { return "" }
        return " " + next
    }

    /// One space between words, none before `?` `.` `,` `!`, and the PDF
    /// leftovers `.?`, `?.`, `??` made a single `?`.
    public static func tidy(_ text: String) -> String {
        var s = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        s = s.replacing(Patterns.spaceBeforePunctuation, with: { $0.1 })
        while let m = s.firstMatch(of: Patterns.doubledQuestionMark) {
            s.replaceSubrange(m.range, with: "?")
        }
        return s.trimmingCharacters(in: " ")
    }
}
