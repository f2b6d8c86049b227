import DeckFormat
import FSRS
import Foundation

/// The work of `jatta fsrs replay` on one input line, apart from the
/// command line so that the fuzzing harness (scripts/fuzz/) can drive the
/// very code the command runs.
struct FSRSReplay {
    /// Count elapsed days as py-fsrs does (24-hour periods), not as Anki does.
    var fullDays: Bool
    /// `--rollover-hour`, overriding the line's config.
    var rolloverHour: Int?
    /// `--time-zone`, overriding the line's config.
    var timeZone: String?
    /// `--max-stability`: days, or "none".
    var maxStability: String?

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

        if fullDays {
            configuration.dayCounting = .fullDays
            configuration.maximumStability = nil
        } else {
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
    /// Years 1970 … 9999 are worked out by arithmetic (`CalendarDate`, the
    /// Gregorian calendar as Python's): creating a date formatter for every
    /// row cost more than the whole replay. Other times go through
    /// Foundation's formatter.
    static func iso(_ unix: Int) -> String {
        let (days, seconds) = unix.quotientAndRemainder(dividingBy: 86_400)
        guard unix >= 0, let date = CalendarDate(dayNumber: days) else { return foundationISO(unix) }
        func digits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(date)T\(digits(seconds / 3600)):\(digits(seconds / 60 % 60)):\(digits(seconds % 60))+00:00"
    }

    /// `iso` by Foundation's formatter, for times outside the arithmetic's range.
    static func foundationISO(_ unix: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        return formatter.string(from: Date(timeIntervalSince1970: Double(unix))) + "+00:00"
    }
}
