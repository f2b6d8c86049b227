import ArgumentParser
import FSRS
import Foundation
import ReviewStore

/// Hidden commands that exercise the progress store from real processes: the
/// crash and concurrency checks in scripts/tests drive them.
struct DebugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Store checks for scripts (not for students).",
        shouldDisplay: false,
        subcommands: [AnswerLoop.self, StatisticsScreenTime.self, Verify.self])
}

extension DebugCommand {
    /// Answers cards in a loop, printing each answer's log id only after its
    /// transaction has committed: every id printed must survive a SIGKILL.
    struct AnswerLoop: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "answer-loop", abstract: "Record answers in a loop, printing each id after commit.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "How many answers (0: until killed).")
        var count = 0

        @Option(help: "How many distinct cards to cycle through.")
        var cards = 50

        @Option(help: "Session id written with each answer.")
        var session = "answer-loop"

        @Option(help: "Seed for ratings and intervals (default: from the process id).")
        var seed: UInt64?

        @Option(help: "Time of the first answer, ms since 1970 (default: the clock at each answer).")
        var start: Int64?

        @Option(help: "Milliseconds between answers when --start is given.")
        var step: Int64 = 60_000

        @Option(help: "Record the answers as study or quiz.")
        var kind = "study"

        @Option(help: "Undo every Nth answer (0: never).")
        var undoEvery = 0

        @Option(help: "Suspend the card of every Nth answer (0: never).")
        var suspendEvery = 0

        @Option(help: "Bury the card of every Nth answer for a day (0: never).")
        var buryEvery = 0

        @Option(help: ArgumentHelp("Answer these progress keys (a file, one a line) instead of loop-N.", valueName: "file"))
        var keys: String?

        func validate() throws {
            if count < 0 { throw ValidationError("--count must be 0 or more.") }
            if cards < 1 { throw ValidationError("--cards must be at least 1.") }
            if AnswerKind(rawValue: kind) == nil { throw ValidationError("--kind must be study, quiz or override.") }
            if undoEvery < 0 || suspendEvery < 0 || buryEvery < 0 { throw ValidationError("--undo-every and --suspend-every must be 0 or more.") }
        }

        func run() throws {
            var rng = SeededGenerator(seed: seed ?? UInt64(ProcessInfo.processInfo.processIdentifier))
            do {
                let store = try database.openStore()
                let named = try keys.map { path in
                    try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
                }
                var done = 0
                while count == 0 || done < count {
                    let key = named.flatMap { $0.isEmpty ? nil : $0[Int(rng.next() % UInt64($0.count))] }
                        ?? "loop-\(Int(rng.next() % UInt64(cards)))"
                    let now = start.map { Date(timeIntervalSince1970: Double($0 + Int64(done) * step) / 1000) } ?? Date()
                    let before = try store.schedules(for: [key])[key]
                    let rating = Rating(rawValue: Int(rng.next() % 4) + 1) ?? .good
                    let id = try store.record(
                        RecordedAnswer(
                            key: key, deckFile: StoredDeckFile.of("debug/answer-loop.deck"), prompt: "Карта \(key)", level: 1,
                            rating: rating, time: now, durationMilliseconds: Int(rng.next() % 20_000),
                            kind: AnswerKind(rawValue: kind) ?? .study, sessionID: session, before: before,
                            after: Self.next(after: before, rating: rating, at: now, rng: &rng)))
                    // Written only after `record` returned, i.e. after COMMIT.
                    // An unbuffered write(2), so nothing sits in a buffer at SIGKILL.
                    Console.out("\(id)\n")
                    done += 1
                    // Undone and suspended rows, so that readers of the log
                    // meet every kind of entry (the statistics tests).
                    if undoEvery > 0, done % undoEvery == 0 {
                        _ = try store.undoLast(sessionID: session, at: now.addingTimeInterval(1))
                    }
                    if suspendEvery > 0, done % suspendEvery == 0 {
                        _ = try store.suspend(key: key, at: now.addingTimeInterval(2), sessionID: session)
                    }
                    if buryEvery > 0, done % buryEvery == 0 {
                        _ = try store.bury(
                            key: key, until: now.addingTimeInterval(86_400), at: now.addingTimeInterval(3), sessionID: session)
                    }
                }
            } catch {
                throw StoreFailure.exit(error, language: nil)
            }
        }

        /// A plausible next schedule; the point is varied data, not FSRS.
        static func next(after before: CardSchedule?, rating: Rating, at now: Date, rng: inout SeededGenerator)
            -> CardSchedule
        {
            let reps = (before?.reps ?? 0) + 1
            let lapsed = rating == .again && before?.state == .review
            let state: SchedulingState = rating == .again ? (lapsed ? .relearning : .learning) : .review
            let stability = Double(rng.next() % 100_000) / 100 + 0.1
            return CardSchedule(
                state: state, step: state == .review ? nil : 0,
                memory: MemoryState(stability: stability, difficulty: Double(rng.next() % 900) / 100 + 1),
                due: now.addingTimeInterval(state == .review ? stability * 86400 : 600), lastReview: now, reps: reps,
                lapses: (before?.lapses ?? 0) + (lapsed ? 1 : 0))
        }
    }

    /// Checks a database: SQLite's integrity check, the state against the
    /// log, and optionally that every id listed in a file is in the log.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Check integrity, the state against the log, and reported ids.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("A file of log ids (one a line) that must all be in the log.", valueName: "file"))
        var ids: String?

        func run() throws {
            var problems: [String] = []
            do {
                guard let store = try database.openExistingStore() else {
                    throw StoreError(.cannotOpen, path: try database.resolvedPath(), detail: "no such file")
                }
                problems = try store.verify()
                let logCount = try store.logCount()
                Console.line("log entries: \(logCount)")
                if let ids {
                    guard let text = try? String(contentsOfFile: ids, encoding: .utf8) else {
                        throw ValidationError("cannot read \(ids)")
                    }
                    let reported = text.split(whereSeparator: \.isNewline).compactMap { Int64($0) }
                    var missing = 0
                    for id in reported where try store.entry(id: id) == nil {
                        missing += 1
                        problems.append("reported id \(id) is not in the log")
                    }
                    Console.line("reported ids: \(reported.count), missing: \(missing)")
                }
            } catch let error as ValidationError {
                throw error
            } catch {
                throw StoreFailure.exit(error, language: nil)
            }
            for problem in problems.prefix(20) { Console.line("problem: \(problem)") }
            Console.line(problems.isEmpty ? "ok" : "FAILED: \(problems.count) problem(s)")
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }
}
