import ArgumentParser
import FSRS
import Foundation
import ReviewStore
import TerminalUI

/// `jatta optimize`: fits the student's own FSRS parameters from their
/// review log and keeps them when they predict the student better.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Fit your own FSRS parameters from your review history.",
        discussion: """
            Reads your answers from the progress database (study answers, and quiz answers that \
            rescheduled a card; see docs/fsrs.md), fits FSRS-6's 21 weights as Anki's engine does, \
            and shows log loss and RMSE(bins) of the current and the new parameters on your \
            reviews (lower is better). The new parameters are stored, and used by study and quiz \
            from then on, only if their log loss is lower. Below \(Optimization.minimumReviews) \
            reviews only the initial stabilities w0-w3 are fitted.
            """)

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Flag(help: "Fit and show the figures, but store nothing.")
    var dryRun = false

    @Flag(help: "Go back to the FSRS-6 default parameters.")
    var reset = false

    @Option(help: "Set your desired retention (0.70-0.99; default 0.90) instead of fitting.")
    var retention: Double?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if retention != nil && reset {
            throw ValidationError(OptimizeWords.kazakh.retentionOrReset + " / " + OptimizeWords.english.retentionOrReset)
        }
        if let retention, !(0.7...0.99).contains(retention) {
            throw ValidationError(
                OptimizeWords.kazakh.badRetention + " / " + OptimizeWords.english.badRetention)
        }
    }

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        let words = OptimizeWords.of(language)
        let report: Optimization.Report
        do {
            if let retention {
                if !dryRun { try database.openStore().setDesiredRetention(retention) }
                Console.line(json ? "{\"desired_retention\":\(retention),\"dry_run\":\(dryRun)}" : words.retention(retention))
                return
            }
            // No database yet: nothing answered, nothing to fit, and no file made for it.
            if let store = try database.openExistingStore() {
                report = try Optimization.run(
                    store: store, now: Date(), timeZone: LocalTimeZone.current, reset: reset, dryRun: dryRun)
            } else {
                report = Optimization.Report(reset: reset, dryRun: dryRun)
            }
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        Console.line(json ? report.json() : report.text(words))
    }
}

/// What `jatta optimize` does, on a store given to it, so it is testable.
enum Optimization {
    /// Below this many reviews only w0 … w3 are fitted: Anki's own minimum
    /// for a full fit.
    static let minimumReviews = 400

    /// What a run found and did.
    struct Report {
        /// Reviews read from the log.
        var reviewCount = 0
        /// Items (predictions) those reviews give.
        var itemCount = 0
        /// The parameters in use before the run; nil for the defaults.
        var current: [Double]?
        /// The current parameters' figures on the student's items.
        var currentEvaluation: ModelEvaluation?
        /// The fit, when there was one.
        var result: OptimizerResult?
        /// The new parameters' figures on the same items.
        var newEvaluation: ModelEvaluation?
        /// Whether the new parameters are better (lower log loss).
        var better = false
        /// Whether anything was written to the store.
        var stored = false
        /// Whether this was `--reset`.
        var reset = false
        /// Whether this was `--dry-run`.
        var dryRun = false

        func text(_ w: OptimizeWords) -> String {
            if reset { return dryRun ? w.resetOnlyIfStored + "\n" + w.dryRun : w.reset }
            var lines = [w.reviews(reviewCount, itemCount)]
            guard let result, result.outcome != .defaults else {
                lines.append(w.tooFew(result?.trainingItemCount ?? itemCount, Optimizer.minimumItemsForAnything))
                return lines.joined(separator: "\n")
            }
            if result.outcome == .initialStabilityOnly { lines.append(w.initialOnly(reviewCount, minimumReviews)) }
            func row(_ name: String, _ e: ModelEvaluation?) -> String {
                let padded = name.padding(toLength: 22, withPad: " ", startingAt: 0)
                guard let e else { return padded }
                return padded + String(format: "  %8.4f  %10.4f", e.logLoss, e.rmseBins)
            }
            lines.append(w.header)
            lines.append(row(w.current(current != nil), currentEvaluation))
            lines.append(row(w.new, newEvaluation))
            lines.append(better ? (dryRun ? w.keptOnlyIfStored : w.kept) : w.notBetter)
            if dryRun { lines.append(w.dryRun) }
            return lines.joined(separator: "\n")
        }

        func json() -> String {
            func figures(_ e: ModelEvaluation?) -> Any {
                guard let e else { return NSNull() }
                return ["log_loss": e.logLoss, "rmse_bins": e.rmseBins]
            }
            var object: [String: Any] = [
                "reviews": reviewCount, "items": itemCount, "minimum_reviews": minimumReviews,
                "current": ["parameters": current ?? FSRSParameters.defaults, "defaults": current == nil,
                            "evaluation": figures(currentEvaluation)],
                "better": better, "stored": stored, "dry_run": dryRun, "reset": reset,
            ]
            if let result {
                object["outcome"] = result.outcome.rawValue
                object["training_items"] = result.trainingItemCount
                object["new"] = ["parameters": result.parameters, "evaluation": figures(newEvaluation)]
            }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    static func run(store: ProgressStore, now: Date, timeZone: TimeZone, reset: Bool, dryRun: Bool) throws -> Report {
        var report = Report()
        report.dryRun = dryRun
        if reset {
            report.reset = true
            if !dryRun {
                try store.saveParameters(
                    ParameterRecord(
                        time: now, parameters: nil, outcome: "reset", reviewCount: 0, itemCount: 0, evaluation: nil,
                        previousEvaluation: nil))
                report.stored = true
            }
            return report
        }
        let (histories, reviewCount) = try store.trainingHistories(
            rolloverHour: StudySetup.rolloverHour, timeZone: timeZone)
        let set = TrainingSet(histories: histories)
        report.reviewCount = reviewCount
        report.itemCount = set.items.count
        report.current = try store.currentParameters()?.parameters
        report.currentEvaluation = ModelEvaluation.of(weights: report.current ?? FSRSParameters.defaults, on: set)
        let result = Optimizer.fit(
            set, configuration: OptimizerConfiguration(fitsAllWeights: reviewCount >= minimumReviews))
        report.result = result
        guard result.outcome != .defaults else { return report }
        report.newEvaluation = ModelEvaluation.of(weights: result.parameters, on: set)
        if let new = report.newEvaluation, let old = report.currentEvaluation {
            report.better = new.logLoss < old.logLoss
        }
        if report.better && !dryRun {
            try store.saveParameters(
                ParameterRecord(
                    time: now, parameters: result.parameters, outcome: result.outcome.rawValue,
                    reviewCount: reviewCount, itemCount: set.items.count, evaluation: report.newEvaluation,
                    previousEvaluation: report.currentEvaluation))
            report.stored = true
        }
        return report
    }
}
