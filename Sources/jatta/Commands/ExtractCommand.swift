import ArgumentParser
import DeckFormat
import Foundation
import Lectures
import TerminalUI

/// `jatta extract FILE... [-o DECK] [--output-dir DIR] [--explain]`: lecture
/// notes become a draft deck for an instructor to review.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Make a draft deck from lecture notes (.txt or .html).",
        discussion: """
            Finds the level 1–3 exam questions (under «Деңгейлік тапсырмалар»), the \
            ОБӨЖ/БӨЖ tasks and the glossary entries, repairs the text on the way \
            (ӛ→ө, look-alike letters, HTML, wrapped lines, hyphens, split words), and \
            drafts an answer for each question from the passages of all the lectures \
            given. Draft answers start with "\(DraftDeckBuilder.marker)" and carry the tag \
            "\(DraftDeckBuilder.draftTag)": review them before students see the deck. \
            Every card names its source as FILE:LINE.
            """
    )

    @Argument(help: "Lecture notes: .txt or .html files, or folders holding them (searched recursively).")
    var files: [String]

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write the draft deck to this file (default: standard output).")
    var output: String?

    @Option(name: .customLong("output-dir"), help: "Write one draft per lecture into this folder, named after it (.deck); answers are still found in all the lectures given.")
    var outputDirectory: String?

    @Flag(help: "Replace output files even if they are not unreviewed drafts (every card still tagged draft).")
    var force = false

    @Flag(help: "List every repair made to the text, and every line that looked like a question, task or glossary entry with why it was taken or left (on standard error).")
    var explain = false

    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if files.isEmpty {
            throw ValidationError("give at least one lecture file / кемінде бір дәріс файлын беріңіз")
        }
        if output != nil && outputDirectory != nil {
            throw ValidationError("-o and --output-dir cannot be used together / -o мен --output-dir бірге қолданылмайды")
        }
    }

    /// The lecture files the arguments name: a file as it is, a folder as
    /// its `.txt` and `.html` files (any depth, hidden ones skipped, in
    /// sorted order), as `study` and `check` take a folder of decks.
    func lectureFiles(language: String) -> [String] {
        var found: [String] = []
        for path in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                fail(language, path, kk: "файл табылмады", en: "no such file")
            }
            guard isDirectory.boolValue else {
                found.append(path)
                continue
            }
            // Walked as a folder of decks is (`DeckLibrary.files`).
            guard let walked = DeckLibrary.files(under: path, wanted: Self.isLectureName) else {
                fail(language, path, kk: "буманың ішін оқу мүмкін емес", en: "the folder cannot be listed")
            }
            for problem in walked.problems {
                fail(language, problem.path, kk: problem.reasonKK, en: problem.reasonEN)
            }
            if walked.files.isEmpty {
                fail(language, path, kk: "бумада .txt не .html дәріс файлы жоқ", en: "the folder holds no .txt or .html lecture file")
            }
            found += walked.files
        }
        return found
    }

    /// Whether a file found in a folder is lecture notes: `.txt`, `.html`
    /// or `.htm`, in any case.
    static func isLectureName(_ name: String) -> Bool {
        ["txt", "html", "htm"].contains((name as NSString).pathExtension.lowercased())
    }

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables).rawValue
        var inputs: [LectureInput] = []
        for path in lectureFiles(language: language) {
            guard let data = FileManager.default.contents(atPath: path) else {
                fail(language, path, kk: "файлды оқу мүмкін емес", en: "the file cannot be read")
            }
            inputs.append(LectureInput(path: path, bytes: [UInt8](data)))
        }
        let targets = [output].compactMap { $0 } + (outputDirectory.map { dir in inputs.map { draftPath(for: $0, in: dir) } } ?? [])
        if outputDirectory != nil, let twice = Dictionary(grouping: targets, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            fail(language, twice, kk: "екі дәріс бір жоба файлына жазылар еді (аттары бірдей)",
                 en: "two lectures would be written to this one draft (same file name)")
        }
        for target in targets {
            let standardTarget = URL(fileURLWithPath: target).standardizedFileURL.path
            if inputs.contains(where: { URL(fileURLWithPath: $0.path).standardizedFileURL.path == standardTarget }) {
                fail(language, target, kk: "шығыс файл дәріс файлын жояр еді", en: "the output would overwrite a lecture file")
            }
        }

        for target in targets {
            if let refusal = OutputFile.refusal(writing: .draftDeck, to: target, force: force, kazakh: language.hasPrefix("kk")) {
                Console.errorLine(refusal)
                throw ExitCode(73)
            }
        }

        let extraction: Extraction
        let named: [LectureInput]
        do {
            // The bytes go to the extractor, which lets each file's go once
            // decoded (a large page is otherwise kept twice); the names stay.
            named = inputs.map { LectureInput(path: $0.path, bytes: []) }
            extraction = try LectureExtractor.extract(consume inputs, explain: explain)
        } catch {
            Console.errorLine(TerminalText.visible(error.message(language: language)))
            throw ExitCode.failure
        }
        if explain {
            var text = ""
            for repair in extraction.repairs { text += repair.description + "\n" }
            for document in extraction.documents {
                for candidate in document.candidates { text += candidate.description + "\n" }
            }
            // Repairs and candidates quote the lecture's text.
            Console.err(TerminalText.visible(text))
        }

        if let directory = outputDirectory {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                fail(language, directory, kk: "буманы жасау мүмкін емес", en: "the folder cannot be created")
            }
            for (input, document) in zip(named, extraction.documents) {
                let path = draftPath(for: input, in: directory)
                let deck = DraftDeckBuilder.deck(of: [document], extraction: extraction, file: path)
                write(DeckPrinter.print(deck), to: path, language: language)
            }
        } else {
            let deck = DraftDeckBuilder.deck(of: extraction.documents, extraction: extraction, file: output ?? "-")
            let text = DeckPrinter.print(deck)
            if let output {
                write(text, to: output, language: language)
            } else {
                // A draft read on a terminal carries the lecture's text: shown
                // safely there, written byte for byte into a pipe or a file.
                Console.out(isatty(STDOUT_FILENO) == 1 ? TerminalText.visible(text) : text)
            }
        }
        var summary = ""
        for document in extraction.documents {
            let levels = document.questions.filter { $0.level != nil }.count
            let tasks = document.questions.count - levels
            summary += language.hasPrefix("kk")
                ? "\(document.file): \(levels) деңгейлік сұрақ, \(tasks) ОБӨЖ/БӨЖ тапсырмасы, \(document.glossary.count) термин\n"
                : "\(document.file): \(levels) level questions, \(tasks) ОБӨЖ/БӨЖ tasks, \(document.glossary.count) glossary terms\n"
        }
        // A draft with no cards passes `check`; say so here instead.
        for document in extraction.documents where document.questions.isEmpty && document.glossary.isEmpty {
            summary += language.hasPrefix("kk")
                ? "\(document.file): ескерту: деңгейлік сұрақ та, термин де табылмады, жобада карточка жоқ (себебін --explain айтады)\n"
                : "\(document.file): warning: no level questions or glossary terms found; the draft has no cards (--explain says why)\n"
        }
        // A question section with no question read: its questions are in a
        // shape the extractor does not know, and the draft lacks them.
        for document in extraction.documents where !document.questions.contains(where: { $0.level != nil }) {
            guard let section = document.questionSection else { continue }
            var heading = section.text
            while let last = heading.last, ":. ".contains(last) { heading.removeLast() }
            summary += language.hasPrefix("kk")
                ? "\(document.file):\(section.number): ескерту: «\(heading)» бар, бірақ оның астынан деңгейлік сұрақ оқылмады: сұрақтар танылмаған түрде жазылған болуы мүмкін\n"
                : "\(document.file):\(section.number): warning: «\(heading)» is here, but no level question was read under it: the questions may be written in a shape the extractor does not know\n"
        }
        Console.err(TerminalText.visible(summary))
    }

    /// `notes/lecture4.txt` in `drafts` → `drafts/lecture4.deck`.
    func draftPath(for input: LectureInput, in directory: String) -> String {
        var name = input.name
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return (directory.hasSuffix("/") ? directory : directory + "/") + name + ".deck"
    }

    /// Writes atomically, so an interrupted run never leaves half a deck
    /// (devices such as `/dev/null` are written into, see `OutputFile`).
    func write(_ text: String, to path: String, language: String) {
        do {
            try OutputFile.write(Data(text.utf8), to: path)
        } catch {
            fail(language, path, kk: error.message(kazakh: true), en: error.message(kazakh: false))
        }
    }

    func fail(_ language: String, _ path: String, kk: String, en: String) -> Never {
        let shown = TerminalText.oneLine(path)
        let message = language.hasPrefix("kk") ? "\(shown): қате: \(kk)" : "\(shown): error: \(en)"
        Console.errorLine(message)
        Foundation.exit(1)
    }
}
