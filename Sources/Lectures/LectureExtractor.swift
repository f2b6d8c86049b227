/// One lecture file to read: its path as given and its bytes.
public struct LectureInput: Hashable, Sendable {
    /// The path as named on the command line (used in error messages).
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The file's name without its folders: what `source:` lines name, so
    /// a draft does not depend on where the notes were kept.
    public var name: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// One lecture after repair: its paragraphs and what was found in them.
public struct LectureDocument: Hashable, Sendable {
    /// The file's name (see `LectureInput.name`).
    public var file: String
    /// The repaired text, paragraph by paragraph.
    public var paragraphs: [Paragraph]
    /// Level questions and ОБӨЖ/БӨЖ tasks, in file order.
    public var questions: [ExamQuestion]
    /// Glossary entries, in file order.
    public var glossary: [GlossaryEntry]
    /// The lecture's own title (`Дәріс 7. Орталық Азиядағы өңірлік
    /// интеграция`), when its first paragraph is one.
    public var title: String?
    /// Every line that looked like a question, task or glossary entry, and
    /// why it was taken or left.
    public var candidates: [Candidate] = []
    /// The first heading of a question section («Деңгейлік тапсырмалар»)
    /// and its line, if the lecture has one. With no level question found,
    /// the questions under it are in a shape the finder does not read, and
    /// `jatta extract` says so rather than write a draft without them.
    public var questionSection: SourceLine? = nil
}

/// What `jatta extract` found in a set of lectures.
public struct Extraction: Sendable {
    /// The lectures, in the order given.
    public var documents: [LectureDocument]
    /// Every repair made to their text, file by file, in order.
    public var repairs: [Repair]
    /// The sentences of all the lectures, for finding draft answers.
    public var index: PassageIndex
}

/// Reads lecture notes (.txt or .html) and finds their exam questions and
/// glossary entries. The steps, each its own rule with its own log:
/// decode → HTML to text → overlong lines cut → look-alike letters → glued text and glued
/// question labels → (lexicon of
/// all files) → hyphens and split words inside lines → unwrapping into
/// paragraphs → level questions, glossary → passage index over all files.
public enum LectureExtractor {
    /// A caller that hands its inputs over (`consume`) lets each file's
    /// bytes go as soon as they are decoded. Without `explain` no
    /// `LectureDocument.candidates` are kept: on a large lecture they are
    /// one more record of every glossary-shaped sentence, read only by
    /// `--explain`.
    public static func extract(_ inputs: consuming [LectureInput], explain: Bool = true) throws(LectureError) -> Extraction {
        var staged: [(name: String, lines: [SourceLine])] = []
        var repairs: [String: [Repair]] = [:]
        for position in inputs.indices {
            let path = inputs[position].path
            let name = inputs[position].name
            let text = try TextDecoding.decode(inputs[position].bytes, file: path)
            inputs[position].bytes = []
            var log: [Repair] = []
            var lines: [SourceLine]
            if TextDecoding.looksLikeHTML(text, file: path) {
                let converted = HTMLText.lines(from: text, file: name)
                lines = converted.lines
                log += converted.repairs
            } else {
                lines = TextDecoding.lines(of: text)
            }
            var bounded: [SourceLine] = []
            for line in lines {
                let (pieces, r0) = LongLineRepair.repair(line, file: name)
                log += r0
                bounded += pieces
            }
            var repaired: [SourceLine] = []
            for line in bounded {
                let (fixed, r1) = LookalikeRepair.repair(line, file: name)
                log += r1
                let (pieces, r2) = GluedTextRepair.repair(fixed, file: name)
                log += r2
                for piece in pieces {
                    let (items, r3) = GluedLabelRepair.repair(piece, file: name)
                    log += r3
                    repaired += items
                }
            }
            staged.append((name, repaired))
            repairs[name, default: []] += log
        }

        var lexicon = Lexicon()
        for (_, lines) in staged { for line in lines { lexicon.add(line.text) } }
        lexicon.prepareSortedStems()

        var documents: [LectureDocument] = []
        var abbreviations = Abbreviations()
        var allRepairs: [Repair] = []
        var passages: [Passage] = []
        for position in staged.indices {
            let (name, lines) = staged[position]
            // Each lecture's lines are let go once read: on a large file
            // they are one more copy of its whole text.
            staged[position].lines = []
            var log = repairs[name] ?? []
            var inline: [SourceLine] = []
            for line in lines {
                let (dehyphenated, r1) = Dehyphenation.repairInline(line, file: name, lexicon: lexicon)
                let (joined, r2) = SplitWordRepair.repairInline(dehyphenated, file: name, lexicon: lexicon)
                log += r1 + r2
                inline.append(joined)
            }
            let (paragraphs, r3) = Unwrapper.paragraphs(inline, file: name, lexicon: lexicon)
            log += r3
            let questions = LevelQuestionFinder.find(in: paragraphs, file: name)
            var candidates = !explain ? [] : questions.map { question in
                Candidate(
                    file: name, line: question.line, text: Substring(question.text), taken: true,
                    reason: question.level.map { "level \($0) question" } ?? "task")
            }
            // Each paragraph is split into sentences once, for the glossary and the passages.
            let sentences = paragraphs.map(Sentence.split)
            let glossary = GlossaryFinder.find(
                in: paragraphs, file: name, lexicon: lexicon, candidates: &candidates, split: sentences, explain: explain)
            let kept = Set(glossary.map { "\($0.line) \($0.term)" })
            // A term defined twice keeps one definition: the other is left.
            candidates = candidates.map { candidate in
                guard candidate.taken, let term = candidate.reason.firstMatch(of: Patterns.quotedTerm)?.1,
                    !kept.contains("\(candidate.line) \(term)"), candidate.reason.hasPrefix("term")
                else { return candidate }
                var left = candidate
                left.taken = false
                left.reason = "«\(term)» is defined more shortly elsewhere in the lecture"
                return left
            }
            let title = self.title(of: paragraphs)
            let section = paragraphs.first { BlockMarkers.levelSectionHeading($0.text) }
            documents.append(LectureDocument(
                file: name, paragraphs: paragraphs, questions: questions, glossary: glossary, title: title,
                candidates: candidates.sorted { $0.line < $1.line },
                questionSection: section.map { SourceLine(number: $0.firstLine, text: $0.text) }))
            let found = self.passages(
                of: title == nil ? paragraphs[...] : paragraphs.dropFirst(),
                sentences: title == nil ? sentences[...] : sentences.dropFirst(), file: name, glossary: glossary,
                questionLines: Set(questions.map(\.line)))
            // The first lecture's passages are taken as they are: appended,
            // a large lecture's would be held twice for a moment.
            if passages.isEmpty { passages = found } else { passages += found }
            for paragraph in paragraphs { abbreviations.learn(from: paragraph.text) }
            for entry in glossary { abbreviations.learn(term: entry.term, definition: entry.definition) }
            allRepairs += log
        }
        return Extraction(documents: documents, repairs: allRepairs, index: PassageIndex(passages: passages, knownKeys: lexicon.keyCache, abbreviations: abbreviations))
    }

    /// The lecture's title: its first paragraph, when that is short, no
    /// sentence of a question or task, and no lesson-plan field.
    static func title(of paragraphs: [Paragraph]) -> String? {
        guard let first = paragraphs.first?.text else { return nil }
        let words = first.split(separator: " ").count
        guard (2...16).contains(words), first.count <= 160, !first.hasSuffix("?"), !BlockMarkers.levelLabel(first),
            !BlockMarkers.task(first), !BlockMarkers.levelSectionHeading(first), !LessonPlanField.opens(first)
        else { return nil }
        var title = first
        while let last = title.last, ".:;, ".contains(last) { title.removeLast() }
        return title
    }

    /// The sentences that may answer questions: everything but the
    /// title, the question section itself, the lesson plan's fields, the
    /// items listed under a plan heading (`Дәріс жоспары:` and its short
    /// lines) and the reading list (`ReadingList`). A glossary entry is one passage, with its whole
    /// definition.
    static func passages(of paragraphs: ArraySlice<Paragraph>, file: String, glossary: [GlossaryEntry]) -> [Passage] {
        passages(of: paragraphs, sentences: paragraphs.map(Sentence.split)[...], file: file, glossary: glossary)
    }

    /// `split` holds the sentences of each of `paragraphs`, in step with them.
    /// The paragraphs opening on `questionLines` are the questions
    /// themselves, which answer nothing.
    static func passages(
        of paragraphs: ArraySlice<Paragraph>, sentences split: ArraySlice<[Sentence]>, file: String,
        glossary: [GlossaryEntry], questionLines: Set<Int> = []
    ) -> [Passage] {
        var result: [Passage] = []
        // At most one passage a sentence: room made once, not by doubling.
        result.reserveCapacity(split.reduce(0) { $0 + $1.count })
        var inQuestions = false
        var inPlanList = false
        var inReadingList = false
        for (paragraph, paragraphSentences) in zip(paragraphs, split) {
            let text = paragraph.text
            if ReadingList.heading(text) { inReadingList = true; continue }
            if inReadingList, !BlockMarkers.levelLabel(text), !BlockMarkers.levelSectionHeading(text), ReadingList.entry(text) {
                continue
            }
            inReadingList = false
            if BlockMarkers.levelSectionHeading(text) { inQuestions = true; continue }
            if BlockMarkers.levelLabel(text) || BlockMarkers.task(text) || (inQuestions && BlockMarkers.bareLevel(text))
                || questionLines.contains(paragraph.firstLine)
            {
                continue
            }
            inQuestions = false
            var sentences = paragraphSentences[...]
            if LessonPlanField.opens(text) {
                inPlanList = text.hasSuffix(":")
                // Text that lost its line breaks glues the lecture onto the
                // field: drop the field's sentence and the short plan items
                // after it, keep what follows.
                sentences = sentences.dropFirst().drop { $0.text.split(separator: " ").count < 12 }
            }
            if inPlanList && text.split(separator: " ").count < 12 { continue }
            if !LessonPlanField.opens(text) { inPlanList = false }
            for sentence in sentences {
                let lower = String(sentence.text.lowercased().drop { !$0.isLetter })
                // The entry this sentence states: its term and the start of
                // its definition are in it (««Жұмсақ күш» тұжырымдамасын …
                // ұсынды» names the term but is another sentence), or it
                // names the term defined by the sentence before.
                let onLine = glossary.filter {
                    $0.line == sentence.line
                        && ($0.pattern == .naming || lower.contains(String($0.definition.lowercased().prefix(24))))
                }
                if let entry = onLine.first(where: { lower.hasPrefix(firstWord(of: $0.term)) })
                    ?? onLine.first(where: { lower.contains(firstWord(of: $0.term)) })
                {
                    result.append(Passage(
                        text: Substring(entry.term + ": " + entry.definition), file: file, line: sentence.line, definedTerm: entry.term))
                } else {
                    result.append(Passage(
                        text: sentence.text, file: file, line: sentence.line, inRunningText: paragraphSentences.count > 1))
                }
            }
        }
        return result
    }

    static func firstWord(of term: String) -> String {
        String(term.split(separator: " ").first ?? "").lowercased().prefix(4).description
    }
}
