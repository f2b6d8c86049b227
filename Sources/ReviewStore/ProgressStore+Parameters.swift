import FSRS
import Foundation
import GRDB

extension ProgressStore {
    // MARK: - Fitted parameters

    /// The newest parameter row (the one in use), or nil when the student
    /// never ran `jatta optimize`. A stored parameter set that is not a valid
    /// FSRS-6 set is reported as a corrupt store, never used.
    public func currentParameters() throws -> ParameterRecord? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT at, parameters, outcome, review_count, item_count, log_loss, rmse_bins,
                               previous_log_loss, previous_rmse_bins
                        FROM fsrs_parameters ORDER BY id DESC LIMIT 1
                        """)
            else { return nil }
            return try parameterRecord(row)
        }
    }

    /// Appends a parameter row: from now on its parameters are in use.
    public func saveParameters(_ record: ParameterRecord) throws {
        if let weights = record.parameters, !FSRSParameters.problems(in: weights).isEmpty {
            throw StoreError(.invalidValue("FSRS parameters \(weights)"), path: path)
        }
        let at = try ProgressColumns.millis(record.time, path: path)
        let text = record.parameters.map { weights in
            "[" + weights.map { "\($0)" }.joined(separator: ",") + "]"
        }
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO fsrs_parameters (at, parameters, outcome, review_count, item_count, log_loss,
                        rmse_bins, previous_log_loss, previous_rmse_bins)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    at, text, record.outcome, record.reviewCount, record.itemCount, record.evaluation?.logLoss,
                    record.evaluation?.rmseBins, record.previousEvaluation?.logLoss,
                    record.previousEvaluation?.rmseBins,
                ])
        }
    }

    private func parameterRecord(_ row: Row) throws -> ParameterRecord {
        var weights: [Double]?
        if let text: String = row[1] {
            // Swift's own Double(String) reads back exactly what `description` wrote.
            let numbers = text.hasPrefix("[") && text.hasSuffix("]") ? text.dropFirst().dropLast() : ""
            let parsed = numbers.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            let values = parsed.compactMap { $0 }
            guard values.count == parsed.count, FSRSParameters.problems(in: values).isEmpty else {
                throw StoreError(.corrupt, path: path, detail: "fsrs_parameters: \(text.prefix(200))")
            }
            weights = values
        }
        func evaluation(_ loss: Double?, _ rmse: Double?) -> ModelEvaluation? {
            guard let loss, let rmse else { return nil }
            return ModelEvaluation(logLoss: loss, rmseBins: rmse)
        }
        let reviews: Int = row[3] ?? 0
        let items: Int = row[4] ?? 0
        return ParameterRecord(
            time: ProgressColumns.date(row[0] ?? 0), parameters: weights, outcome: row[2] ?? "", reviewCount: reviews,
            itemCount: items, evaluation: evaluation(row[5], row[6]), previousEvaluation: evaluation(row[7], row[8]))
    }

    // MARK: - Desired retention

    /// The student's desired retention, or nil for the scheduler's default.
    /// A stored value outside (0, 1) is reported as a corrupt store.
    public func desiredRetention() throws -> Double? {
        guard let text = try setting(Self.desiredRetentionSetting) else { return nil }
        guard let value = Double(text), value > 0, value < 1 else {
            throw StoreError(.corrupt, path: path, detail: "desired_retention: \(text.prefix(50))")
        }
        return value
    }

    /// Sets the desired retention (nil goes back to the default).
    public func setDesiredRetention(_ value: Double?) throws {
        if let value, !(value > 0 && value < 1) {
            throw StoreError(.invalidValue("desired retention \(value)"), path: path)
        }
        try setSetting(Self.desiredRetentionSetting, value.map { "\($0)" })
    }

    /// The `student_setting` name of the desired retention.
    static let desiredRetentionSetting = "desired_retention"

    // MARK: - The reviews an optimiser trains on

    /// Every card's reviews as the optimiser reads them, and how many there
    /// are. The rule (documented in docs/fsrs.md): the answers that made the
    /// card's schedule, as the log records them —
    ///
    /// - study answers (an "I was right" in study is the answer itself);
    /// - quiz answers that rescheduled the card (a quiz given again the same
    ///   day is practice and leaves the schedule alone, so it is left out,
    ///   like Anki's cram reviews);
    /// - a quiz "I was right" replaces the rating of the answer it turns;
    /// - undone answers and undo entries are left out;
    /// - a card whose first counted answer was not on a new card (history
    ///   missing) is left out, as Anki does.
    ///
    /// Day numbers are scheduler days (the day starts at `rolloverHour` in
    /// `timeZone`), as the scheduler counts them.
    public func trainingHistories(rolloverHour: Int, timeZone: TimeZone) throws -> (
        histories: [ReviewHistory], reviewCount: Int
    ) {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT e.key, e.at, e.rating, e.b_state, e.a_last_review, e.kind FROM review_log e
                    WHERE \(LogClauses.isAnswer) AND e.rating BETWEEN 1 AND 4
                      AND \(LogClauses.notUndone)
                    ORDER BY e.key, e.id
                    """)
            var histories: [ReviewHistory] = []
            var reviewCount = 0
            var currentKey: String?
            var reviews: [(at: Int64, rating: Rating)] = []
            var complete = true
            func finish() {
                if complete && !reviews.isEmpty {
                    histories.append(
                        ReviewHistory(
                            reviews: reviews.map { review in
                                ReviewHistory.Review(
                                    day: SchedulerDay.number(
                                        of: ProgressColumns.date(review.at), rolloverHour: rolloverHour,
                                        timeZone: timeZone),
                                    rating: review.rating, time: review.at)
                            }))
                    reviewCount += reviews.count
                }
                reviews = []
                complete = true
            }
            // Whether the card's previous answer entry was counted: only then
            // can an override turn it.
            var previousCounted = false
            while let row = try rows.next() {
                let key: String = row[0]
                if key != currentKey {
                    finish()
                    currentKey = key
                    previousCounted = false
                }
                guard complete, let rating = Rating(rawValue: row[2] ?? 0) else { continue }
                let at: Int64 = row[1] ?? 0
                let stateBefore: Int? = row[3]
                let lastReview: Int64? = row[4]
                let kind: String = row[5] ?? ""
                if lastReview == at {
                    // The answer rescheduled the card at its own time.
                    if reviews.isEmpty && stateBefore != nil {
                        complete = false
                        continue
                    }
                    reviews.append((at, rating))
                    previousCounted = true
                } else if kind == ReviewKind.override.rawValue, previousCounted, let last = reviews.last,
                    last.at == lastReview
                {
                    // A quiz "I was right": rescheduled as of the answer it turns.
                    reviews[reviews.count - 1].rating = rating
                } else {
                    previousCounted = false
                }
            }
            finish()
            return (histories, reviewCount)
        }
    }
}
