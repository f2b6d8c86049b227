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
        subcommands: [AnswerLoop.self, Verify.self])
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

        func validate() throws {
            if count < 0 { throw ValidationError("--count must be 0 or more.") }
            if cards < 1 { throw ValidationError("--cards must be at least 1.") }
        }

        func run() throws {
            var rng = SeededGenerator(seed: seed ?? UInt64(ProcessInfo.processInfo.processIdentifier))
            do {
                let store = try database.openStore()
                var done = 0
                while count == 0 || done < count {
                    let key = "loop-\(Int(rng.next() % UInt64(cards)))"
                    let now = Date()
                    let before = try store.schedules(for: [key])[key]
                    let rating = Rating(rawValue: Int(rng.next() % 4) + 1) ?? .good
                    let id = try store.record(
                        RecordedAnswer(
                            key: key, deckFile: "debug/answer-loop.deck", prompt: "Карта \(key)", level: 1,
                            rating: rating, time: now, durationMilliseconds: Int(rng.next() % 20_000),
                            kind: .study, sessionID: session, before: before,
                            after: Self.next(after: before, rating: rating, at: now, rng: &rng)))
                    // Written only after `record` returned, i.e. after COMMIT.
                    // An unbuffered write(2), so nothing sits in a buffer at SIGKILL.
                    Console.out("\(id)\n")
                    done += 1
                }
            } catch {
                throw StoreFailure.exit(error)
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
                throw StoreFailure.exit(error)
            }
            for problem in problems.prefix(20) { Console.line("problem: \(problem)") }
            Console.line(problems.isEmpty ? "ok" : "FAILED: \(problems.count) problem(s)")
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }
}
