import ArgumentParser
import FSRS
import Foundation

/// `jatta fsrs …`: tools around the scheduler.
struct FSRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsrs",
        abstract: "FSRS scheduler tools.",
        subcommands: [FSRSReplayCommand.self]
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

    /// A problem with one input line, in Kazakh and English.
    struct LineError: Error {
        var kazakh: String
        var english: String
        var message: String { "\(kazakh) / \(english)" }
    }

    func replay(line: String) throws(LineError) -> JSONValue {
        let object: JSONValue
        do {
            object = try JSONReader.parse(line)
        } catch {
            throw LineError(
                kazakh: "\(error.column)-баған: JSON қатесі", english: "column \(error.column): invalid JSON, \(error.message)")
        }
        guard let config = object["config"], case .object = config else {
            throw LineError(kazakh: "\"config\" нысаны жоқ", english: "no \"config\" object")
        }
        let scheduler = try makeScheduler(config)
        guard let reviews = object["reviews"]?.arrayValue else {
            throw LineError(kazakh: "\"reviews\" тізімі жоқ", english: "no \"reviews\" list")
        }
        let cardKey: String
        switch object["card_id"] {
        case .number(let text)?: cardKey = text
        case .string(let text)?: cardKey = text
        default: cardKey = object["id"].map(\.text) ?? ""
        }

        var card: CardSchedule?
        var rows: [JSONValue] = []
        for (index, review) in reviews.enumerated() {
            guard let t = review["t"]?.doubleValue, t.isFinite,
                let ratingValue = review["rating"]?.intValue, let rating = Rating(rawValue: ratingValue)
            else {
                throw LineError(
                    kazakh: "\(index + 1)-қайталауда \"t\" (уақыт) немесе \"rating\" (1–4) дұрыс емес",
                    english: "review \(index + 1): \"t\" (unix time) or \"rating\" (1-4) is missing or invalid")
            }
            let now = Date(timeIntervalSince1970: t)
            let before = card ?? CardSchedule.new(at: now)
            let elapsedDays = scheduler.elapsedDays(of: before, at: now)
            let rBefore = scheduler.retrievability(of: before, at: now)
            let after = scheduler.review(before, rating: rating, at: now, cardKey: cardKey)
            card = after
            // Due times are whole seconds, truncated as the reference scripts do.
            let due = Self.wholeSeconds(after.due.timeIntervalSince1970)
            var row = review
            row = row.setting("elapsed_days", to: elapsedDays.map(JSONValue.int) ?? .null)
            row = row.setting("r_before", to: .double(rBefore))
            row = row.setting("state", to: .int(after.state.rawValue))
            row = row.setting("step", to: after.step.map(JSONValue.int) ?? .null)
            row = row.setting("s", to: after.memory.map { .double($0.stability) } ?? .null)
            row = row.setting("d", to: after.memory.map { .double($0.difficulty) } ?? .null)
            row = row.setting("due", to: .int(due))
            if row["due_iso"] != nil { row = row.setting("due_iso", to: .string(Self.iso(due))) }
            row = row.setting("interval_s", to: .int(due - Self.wholeSeconds(t)))
            rows.append(row)
        }
        return object.setting("reviews", to: .array(rows)).setting("engine", to: .string("jatta"))
    }

    func makeScheduler(_ config: JSONValue) throws(LineError) -> Scheduler {
        func numbers(_ key: String) throws(LineError) -> [Double]? {
            guard let value = config[key] else { return nil }
            guard let elements = value.arrayValue else {
                throw LineError(kazakh: "\"\(key)\" сандар тізімі болуы керек", english: "\"\(key)\" must be a list of numbers")
            }
            var result: [Double] = []
            for element in elements {
                guard let number = element.doubleValue else {
                    throw LineError(kazakh: "\"\(key)\" сандар тізімі болуы керек", english: "\"\(key)\" must be a list of numbers")
                }
                result.append(number)
            }
            return result
        }
        var configuration = SchedulerConfiguration()
        if let parameters = try numbers("parameters") { configuration.parameters = parameters }
        if let steps = try numbers("learning_steps") { configuration.learningSteps = steps }
        if let steps = try numbers("relearning_steps") { configuration.relearningSteps = steps }
        if let retention = config["desired_retention"]?.doubleValue { configuration.desiredRetention = retention }
        if let maximum = config["maximum_interval"]?.intValue { configuration.maximumInterval = maximum }
        if case .bool(let fuzz)? = config["enable_fuzzing"] { configuration.enableFuzz = fuzz }

        switch elapsed {
        case .fullDays:
            configuration.dayCounting = .fullDays
            configuration.maximumStability = nil
        case .anki:
            let hour = rolloverHour ?? config["rollover_hour"]?.intValue ?? 4
            let zoneName: String
            if let timeZone {
                zoneName = timeZone
            } else if case .string(let name)? = config["time_zone"] {
                zoneName = name
            } else {
                zoneName = "UTC"
            }
            guard let zone = TimeZone(identifier: zoneName) else {
                throw LineError(kazakh: "белгісіз уақыт белдеуі: \(zoneName)", english: "unknown time zone: \(zoneName)")
            }
            configuration.dayCounting = .schedulerDays(rolloverHour: hour, timeZone: zone)
            configuration.maximumStability = SchedulerConfiguration.ankiMaximumStability
        }
        if let cap = maxStability {
            if cap == "none" {
                configuration.maximumStability = nil
            } else if let days = Double(cap) {
                configuration.maximumStability = days
            } else {
                throw LineError(
                    kazakh: "--max-stability сан немесе 'none' болуы керек", english: "--max-stability must be a number or 'none'")
            }
        } else if let value = config["maximum_stability"] {
            configuration.maximumStability = value.doubleValue
        }

        do {
            return try Scheduler(configuration)
        } catch {
            throw LineError(
                kazakh: error.problems.map { "\($0.place): \($0.kazakh)" }.joined(separator: "; "),
                english: error.problems.map { "\($0.place): \($0.english)" }.joined(separator: "; "))
        }
    }

    /// Unix seconds rounded down; saturating, since times come from input.
    static func wholeSeconds(_ t: Double) -> Int {
        let down = t.rounded(.down)
        if down >= 9.0e15 { return 9_000_000_000_000_000 }
        if down <= -9.0e15 { return -9_000_000_000_000_000 }
        return Int(down)
    }

    /// ISO 8601 in UTC with an explicit offset, as Python's `isoformat()` writes it.
    static func iso(_ unix: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        return formatter.string(from: Date(timeIntervalSince1970: Double(unix))) + "+00:00"
    }
}
