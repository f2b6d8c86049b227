import ArgumentParser
import FSRS
import Foundation
import TerminalUI

/// `jatta fsrs …`: tools around the scheduler.
struct FSRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsrs",
        abstract: "FSRS scheduler tools.",
        subcommands: [FSRSReplayCommand.self, FSRSFitCommand.self, FSRSEvaluateCommand.self]
    )
}

/// `jatta fsrs replay`: runs review histories through jatta's scheduler so
/// that they can be compared with other FSRS implementations from outside.
struct FSRSReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay review histories (JSON lines on stdin) through jatta's FSRS scheduler.",
        discussion: """
            Each input line is an object with "card_id", "config" (parameters, desired_retention, \
            learning_steps and relearning_steps in seconds, maximum_interval, enable_fuzzing) and \
            "reviews" (each with "t" in unix seconds and "rating" 1-4). Each output line is the \
            same object with jatta's values written into the reviews' fields state, step, s, d, \
            due, interval_s, r_before and elapsed_days.
            """
    )

    /// How elapsed days are counted between reviews.
    enum Elapsed: String, ExpressibleByArgument, CaseIterable {
        case anki
        case fullDays = "24h"
    }

    @Option(help: "Count elapsed days as Anki does (scheduler days) or as py-fsrs does (24-hour periods).")
    var elapsed: Elapsed = .anki

    @Option(help: "With --elapsed anki: the local hour at which a day starts (default: the config's rollover_hour, else 4).")
    var rolloverHour: Int?

    @Option(help: "With --elapsed anki: the time zone, e.g. Asia/Almaty (default: the config's time_zone, else UTC).")
    var timeZone: String?

    @Option(help: "Stability cap in days, or 'none' (default: the config's maximum_stability, else 36500 for anki and none for 24h).")
    var maxStability: String?

    mutating func run() throws {
        StopSignals.leaveQuitToTheSystem()
        var failures = 0
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                let output = try replay(line: line)
                Console.line(output.text)
            } catch {
                failures += 1
                Console.err("stdin:\(lineNumber): \(error.message)\n")
            }
        }
        if failures > 0 {
            throw ExitCode(1)
        }
    }

    /// The replay of one line under this command's options.
    func replay(line: String) throws(FSRSReplay.LineError) -> JSONValue {
        try FSRSReplay(fullDays: elapsed == .fullDays, rolloverHour: rolloverHour, timeZone: timeZone, maxStability: maxStability)
            .replay(line: line)
    }
}
