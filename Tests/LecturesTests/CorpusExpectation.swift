import Foundation

@testable import Lectures

/// What a reader found in one lecture of `corpus/lectures/`, read from its
/// `corpus/expected/NAME.expected` file (format in corpus/README.md).
struct CorpusExpectation: Sendable {
    /// One expected level question or task.
    struct Item: Hashable, Sendable {
        /// `level 1`…`level 3`, or `task ОБӨЖ` etc.
        var kind: String
        /// The question as the notes word it.
        var text: String
    }

    /// One expected glossary term.
    struct Term: Hashable, Sendable {
        /// The term.
        var term: String
        /// The first words of its definition, when the file gives them.
        var definitionStart: String?
    }

    /// The lecture file's name (`un.txt`).
    var lecture: String
    /// The level questions and tasks, in file order.
    var items: [Item]
    /// The glossary terms.
    var terms: [Term]
    /// Heads of rhetoric that must not be taken as terms.
    var notTerms: [String]

    static let directory = SeedFiles.packageRoot.appendingPathComponent("corpus")

    /// Every lecture of the corpus with its expectation, sorted by name.
    static func all() throws -> [(LectureInput, CorpusExpectation)] {
        let lectures = directory.appendingPathComponent("lectures")
        let names = try FileManager.default.contentsOfDirectory(atPath: lectures.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { name in
            let bytes = [UInt8](try Data(contentsOf: lectures.appendingPathComponent(name)))
            let stem = name.split(separator: ".").dropLast().joined(separator: ".")
            let text = try String(contentsOf: directory.appendingPathComponent("expected/\(stem).expected"), encoding: .utf8)
            return (LectureInput(path: "corpus/lectures/" + name, bytes: bytes), parse(text, lecture: name))
        }
    }

    static func parse(_ text: String, lecture: String) -> CorpusExpectation {
        var result = CorpusExpectation(lecture: lecture, items: [], terms: [], notTerms: [])
        for raw in text.split(separator: "\n") where !raw.hasPrefix("#") {
            guard let colon = raw.firstIndex(of: ":") else { continue }
            let key = raw[..<colon].trimmingCharacters(in: .whitespaces)
            let value = raw[raw.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("level") || key.hasPrefix("task") {
                result.items.append(Item(kind: key, text: value))
            } else if key == "term" {
                let parts = value.components(separatedBy: " = ")
                result.terms.append(Term(term: parts[0], definitionStart: parts.count > 1 ? parts[1] : nil))
            } else if key == "not-term" {
                result.notTerms.append(value)
            }
        }
        return result
    }

    /// Words only: case, punctuation and spacing aside.
    static func words(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    static func kind(of question: ExamQuestion) -> String {
        switch question.kind {
        case .level(let n): return "level \(n)"
        case .task(let label): return "task \(label)"
        }
    }
}

/// How the extractor did on one lecture of the corpus.
struct CorpusScore: Sendable {
    var lecture: String
    var levelExpected = 0
    var levelFound = 0
    var taskExpected = 0
    var taskFound = 0
    /// Questions or tasks found that the reader did not list.
    var junk: [String] = []
    var termExpected = 0
    var termFound = 0
    /// Terms found that the reader did not list (or with the wrong definition).
    var falseTerms: [String] = []
    /// Expected items and terms not found.
    var missed: [String] = []
    /// `not-term` heads that were taken.
    var rhetoricTaken: [String] = []

    init(document: LectureDocument, expected: CorpusExpectation) {
        lecture = expected.lecture
        var unmatched = document.questions
        for item in expected.items {
            let isLevel = item.kind.hasPrefix("level")
            if isLevel { levelExpected += 1 } else { taskExpected += 1 }
            if let i = unmatched.firstIndex(where: {
                CorpusExpectation.kind(of: $0) == item.kind && CorpusExpectation.words($0.text) == CorpusExpectation.words(item.text)
            }) {
                unmatched.remove(at: i)
                if isLevel { levelFound += 1 } else { taskFound += 1 }
            } else {
                missed.append("\(item.kind): \(item.text)")
            }
        }
        junk = unmatched.map { "\(CorpusExpectation.kind(of: $0)): \($0.text)" }
        var entries = document.glossary
        for term in expected.terms {
            termExpected += 1
            if let i = entries.firstIndex(where: { entry in
                entry.term.lowercased() == term.term.lowercased()
                    && (term.definitionStart.map { CorpusExpectation.words(entry.definition).hasPrefix(CorpusExpectation.words($0)) } ?? true)
            }) {
                entries.remove(at: i)
                termFound += 1
            } else {
                missed.append("term: \(term.term)")
            }
        }
        falseTerms = entries.map { "\($0.term) – \($0.definition.prefix(60))" }
        let taken = Set(document.glossary.map { CorpusExpectation.words($0.term) })
        let expectedTerms = Set(expected.terms.map { CorpusExpectation.words($0.term) })
        rhetoricTaken = expected.notTerms.filter {
            let w = CorpusExpectation.words($0)
            return taken.contains(w) && !expectedTerms.contains(w)
        }
    }

    /// One line of the report.
    var line: String {
        "\(lecture): level questions \(levelFound)/\(levelExpected), tasks \(taskFound)/\(taskExpected), junk \(junk.count); "
            + "terms \(termFound)/\(termExpected), false \(falseTerms.count)"
    }
}
