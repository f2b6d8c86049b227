import ArgumentParser
import DeckFormat
import FSRS
import Foundation
import KazakhText
import ReviewStore
import Study
import TerminalUI

/// `jatta quiz`: an exam rehearsal over decks, graded honestly, with a
/// report at the end; the answers teach the scheduler too.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Rehearse for an exam: a scored quiz made from decks.",
        discussion: """
            Multiple-choice questions are made from the glossary (the wrong options are other \
            definitions of the same deck and level), typed questions ask for terms, open level 2–3 \
            questions are graded by ticking their key points, and the decks' own multiple-choice \
            questions are asked as written. By default no verdict is shown until the report (as in \
            an exam); --practice shows each verdict at once. Answers are logged as kind "quiz"; a \
            card already reviewed on the same day is logged but not rescheduled.
            """
    )

    @Argument(help: "Deck files or folders (searched for *.deck). Default: decks")
    var paths: [String] = []

    @Option(help: "Only questions of this exam level (1, 2 or 3).")
    var level: Int?

    @Option(help: "Only cards with this tag (own or section tag); repeat for several.")
    var tag: [String] = []

    @Option(help: "Number of questions.")
    var count: Int = QuizSettings.defaultCount

    @Option(help: "Time allowed, in minutes; the quiz ends when it runs out.")
    var time: Double?

    @Option(help: "Seed of the question order and options; the same seed gives the same quiz.")
    var seed: UInt64?

    @Flag(help: "Show the verdict and the right answer after each question.")
    var practice = false

    @Option(help: "Write the result as JSON to this file ('-' for standard output).")
    var json: String?

    @Flag(help: "Run line by line without the full-screen interface.")
    var plain = false

    @Option(help: "Interface language: kk or en (default: JATTA_LANG, else the locale).")
    var lang: String?

    @Option(help: "Progress database (default: JATTA_DB, else ~/.local/share/jatta/progress.sqlite).")
    var db: String?

    @Flag(help: "Do not record answers in the progress database.")
    var noRecord = false

    func validate() throws {
        if let level, !(1...3).contains(level) {
            throw ValidationError("--level 1, 2 немесе 3 болуы керек / --level must be 1, 2 or 3")
        }
        if count < 1 { throw ValidationError("--count кемінде 1 / --count must be at least 1") }
        if let time, !(time > 0 && time <= 24 * 60) {
            throw ValidationError("--time 0-ден үлкен минут болуы керек / --time must be a positive number of minutes")
        }
        if let lang, Language.parse(lang) == nil {
            throw ValidationError("--lang kk немесе en / --lang must be kk or en")
        }
    }

    func run() throws {
        let lang = Language.resolve(option: self.lang, environment: ProcessInfo.processInfo.environment).rawValue
        let strings = QuizStrings(language: lang)
        let library = DeckLibrary.load(paths: paths.isEmpty ? ["decks"] : paths)
        var stderr = StandardError()
        for d in library.diagnostics where d.severity == .error {
            print("\(d.location): " + d.message(language: lang), to: &stderr)
        }
        if library.hasUnreadablePaths { throw ExitCode(1) }

        let chosenSeed = seed ?? UInt64.random(in: 0...UInt64(Int64.max))
        let settings = QuizSettings(
            level: level, tags: tag, count: count, seed: chosenSeed, mode: practice ? .practice : .exam,
            timeLimit: time.map { $0 * 60 })
        let questions = QuizGenerator.generate(from: library.decks, settings: settings)
        guard !questions.isEmpty else {
            print(strings.noQuestions, to: &stderr)
            throw ExitCode(1)
        }

        let store: ProgressStore?
        if noRecord {
            store = nil
        } else {
            let path = QuizEnvironment.databasePath(option: db)
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                store = try ProgressStore(path: path)
            } catch let error as StoreError {
                print(error.message(language: lang), to: &stderr)
                throw ExitCode(1)
            } catch {
                print("\(path): \(error.localizedDescription)", to: &stderr)
                throw ExitCode(1)
            }
        }
        let scheduler: Scheduler
        do {
            scheduler = try Scheduler(SchedulerConfiguration(dayCounting: .anki(timeZone: .current)))
        } catch {
            print(String(describing: error), to: &stderr)
            throw ExitCode(1)
        }
        let recorder = QuizRecorder(store: store, scheduler: scheduler, sessionID: "quiz-\(chosenSeed)-\(Int(Date().timeIntervalSince1970))")
        let checker = AnswerChecker.knowing(questions, decks: library.decks.map(Self.knownAnswers))
        let session = QuizSession(questions: questions, settings: settings, judge: checker.quizJudge, startedAt: Date())

        let jsonTarget = json
        func writeResult(_ session: QuizSession) {
            guard let jsonTarget else { return }
            do {
                let data = try session.report.jsonData() + Data("\n".utf8)
                if jsonTarget == "-" {
                    FileHandle.standardOutput.write(data)
                } else {
                    try data.write(to: URL(fileURLWithPath: jsonTarget), options: .atomic)
                }
            } catch {
                var err = StandardError()
                print("\(jsonTarget): \(error.localizedDescription)", to: &err)
            }
        }
        func handle(_ effect: QuizEffect, _ session: QuizSession) {
            switch effect {
            case .record(let record): recorder.handle(record)
            // Written as soon as the quiz ends, so a dropped connection on
            // the report screen loses nothing (standard output waits: it is
            // the screen until then).
            case .finished: if jsonTarget != "-" { writeResult(session) }
            case .studyMistakes, .exit: break
            }
        }

        var final = session
        var studyKeys: [String]? = nil
        if plain || !TerminalCheck.isInteractive {
            let runner = QuizPlainRunner(
                strings: strings, output: jsonTarget == "-" ? .standardError : .standardOutput,
                readLine: { Swift.readLine(strippingNewline: true) })
            final = runner.run(session, handle: handle)
        } else {
            _ = TerminalCheck.ensureUTF8Locale()
            let term = ProcessInfo.processInfo.environment["TERM"]
            if let problem = TerminalCheck.check(term: term) {
                print(Self.describe(problem, strings: strings), to: &stderr)
                throw ExitCode(1)
            }
            guard let backend = NcursesBackend(term: term ?? "") else {
                print(Self.describe(.termUnknown(term ?? ""), strings: strings), to: &stderr)
                throw ExitCode(1)
            }
            let outcome = QuizTerminalRunner.run(session, backend: backend, strings: strings, handle: handle)
            backend.end()
            final = outcome.session
            studyKeys = outcome.studyKeys
        }
        writeResult(final)
        if let studyKeys {
            Self.printStudyHint(keys: studyKeys, paths: paths, strings: strings)
        }
        if let failure = recorder.failure {
            print(failure.message(language: lang), to: &stderr)
            throw ExitCode(1)
        }
    }

    /// Every answer a student might type instead of the right one: terms,
    /// answers, alternatives and options of all cards loaded.
    static func knownAnswers(_ deck: Deck) -> [String] {
        deck.cards.flatMap { card -> [String] in
            switch card.content {
            case .term(let t): [t.term] + t.alternatives
            case .question(let q): [q.answer] + q.alternatives
            case .choice(let c): c.options.map(\.text)
            case .cloze(let c): c.gaps.flatMap(\.answers) + c.alternatives
            case .open: []
            }
        }
    }

    static func describe(_ problem: TerminalProblem, strings: QuizStrings) -> String {
        let hint = strings.kazakh ? "Жолдық режимде іске қосыңыз: jatta quiz --plain" : "Run line by line instead: jatta quiz --plain"
        switch problem {
        case .notATerminal: return hint
        case .termUnset: return (strings.kazakh ? "TERM орнатылмаған. " : "TERM is not set. ") + hint
        case .termDumb(let t), .termUnknown(let t):
            return (strings.kazakh ? "«\(t)» терминалы толық экранды көрсете алмайды. " : "Terminal '\(t)' cannot show a full screen. ") + hint
        }
    }

    static func printStudyHint(keys: [String], paths: [String], strings: QuizStrings) {
        print(strings.kazakh ? "Қате жауап берілген карталар (\(keys.count)):" : "Cards answered wrongly (\(keys.count)):")
        for key in keys { print("  " + key) }
    }
}

/// Lets `print(…, to:)` write to standard error.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
