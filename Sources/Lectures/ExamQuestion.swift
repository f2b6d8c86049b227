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
        // The list under the last level heading, while it goes on.
        var list: LevelList? = nil
        // The kind of tasks (`БӨЖ`) a heading alone on its line announced,
        // while its numbered list goes on.
        var taskList: String? = nil
        func closeList() {
            if let done = list, done.isQuestions {
                result += done.items.map { ExamQuestion(text: $0.text, kind: .level(done.level), file: file, line: $0.line) }
            } else if let done = list, let own = done.labelText {
                result.append(ExamQuestion(text: own.text, kind: .level(done.level), file: file, line: own.line))
            }
            list = nil
        }
        for (index, paragraph) in paragraphs.enumerated() {
            let text = paragraph.text
            if let kind = taskList {
                if let item = ListMark.parse(text), !item.body.isEmpty {
                    result.append(ExamQuestion(text: tidy(String(item.body)), kind: .task(kind), file: file, line: paragraph.firstLine))
                    continue
                }
                taskList = nil
            }
            if BlockMarkers.levelSectionHeading(text) {
                closeList()
                inSection = true
                continue
            }
            if let label = LevelLabel.parse(text) {
                closeList()
                if label.isHeading {
                    list = LevelList(level: label.level, inSection: inSection)
                    continue
                }
                // Notes that lost their line breaks keep a heading's list
                // on its line: `2 деңгей 1. Кеден одағы … 2. «Төрт …`.
                if let items = inlineList(label.rest) {
                    var opened = LevelList(level: label.level, inSection: inSection)
                    for item in items {
                        guard let body = opened.take(String(item)) else { break }
                        opened.items.append(LevelList.Item(text: tidy(body), line: paragraph.firstLine))
                    }
                    list = opened
                    continue
                }
                // `1-деңгей: білу және түсіну` and then a list: a heading.
                if label.mayDescribe, index + 1 < paragraphs.count, BlockMarkers.listItem(paragraphs[index + 1].text),
                    !BlockMarkers.dashContinuation(paragraphs[index + 1].text)
                {
                    list = LevelList(level: label.level, inSection: inSection)
                    list?.labelText = LevelList.Item(text: tidy(String(label.rest)), line: paragraph.firstLine)
                    continue
                }
                let question = String(label.rest) + continuation(after: index, in: paragraphs)
                result.append(ExamQuestion(text: tidy(question), kind: .level(label.level), file: file, line: paragraph.firstLine))
                continue
            }
            if let m = text.firstMatch(of: Patterns.taskItem) {
                closeList()
                // `БӨЖ тапсырмалары:` alone: the tasks are the list below
                // (it was a task of its own, «:»).
                if !String(m.2).contains(where: { $0.isLetter || $0.isNumber }) {
                    taskList = String(m.1)
                    continue
                }
                result.append(ExamQuestion(text: tidy(String(m.2)), kind: .task(String(m.1)), file: file, line: paragraph.firstLine))
                continue
            }
            if list != nil {
                if let opening = list?.take(text) {
                    let question = opening + continuation(after: index, in: paragraphs)
                    list?.items.append(LevelList.Item(text: tidy(question), line: paragraph.firstLine))
                    continue
                }
                closeList()
            }
            if inSection, let m = text.firstMatch(of: Patterns.bareLevelItem), let level = Int(m.1) {
                result.append(ExamQuestion(text: tidy(String(m.2)), kind: .level(level), file: file, line: paragraph.firstLine))
                continue
            }
            inSection = false
        }
        closeList()
        return result
    }

    /// The items of a numbered list written on one line (`1. … 2. …`),
    /// numbered from 1 in order; nil unless `rest` opens with item 1.
    static func inlineList(_ rest: Substring) -> [Substring]? {
        var starts: [String.Index] = []
        var expected = 1
        for m in rest.matches(of: Patterns.inlineNumberedItem) {
            guard Int(m.1) == expected else { continue }
            if expected == 1, rest[..<m.range.lowerBound].contains(where: { $0 != " " }) { return nil }
            starts.append(m.1.startIndex)
            expected += 1
        }
        guard !starts.isEmpty else { return nil }
        return zip(starts, starts.dropFirst().map { $0 } + [rest.endIndex]).map { rest[$0.0..<$0.1] }
    }

    /// A question broken over lines in notes whose lines are paragraphs
    /// (`2 деңгей. … құқықтық салдары⏎қандай?`): the next paragraph
    /// continues it when the question has no final mark and the next
    /// opens in lower case, maybe after a dash (`– ұғымының …`). A label or
    /// a capital never continues it, so a question without its stop never
    /// swallows the next question.
    static func continuation(after index: Int, in paragraphs: [Paragraph]) -> String {
        guard let last = paragraphs[index].text.last, !".?!".contains(last), index + 1 < paragraphs.count else { return "" }
        let next = paragraphs[index + 1].text
        guard next.first?.isLowercase == true || BlockMarkers.dashContinuation(next), !BlockMarkers.levelLabel(next),
            !BlockMarkers.task(next)
        else { return "" }
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
