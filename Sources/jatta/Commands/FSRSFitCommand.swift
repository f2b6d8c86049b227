import ArgumentParser
import FSRS
import Foundation

/// `jatta fsrs fit` and `jatta fsrs evaluate`: the optimiser and its metrics
/// on data given as JSON on stdin, so that they can be compared with fsrs-rs
/// (and timed) from outside on exactly the same items.
struct FSRSFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit FSRS-6 parameters to card histories given as JSON on stdin.",
        discussion: """
            Input: {"cards": [[[day, rating], ...], ...]}, each card's reviews oldest first, \
            day a scheduler day number. Training items are every review at least a day after \
            the one before, ordered by day (then card). Output: {"parameters": [...], \
            "outcome": "trained"|"initialStabilityOnly"|"defaults", "items": N, \
            "training_items": N, "seconds": fit time}.
            """
    )

    @Option(help: "Seed of the mini-batch order.")
    var seed: UInt64 = 2023

    @Option(help: "Passes over the training items.")
    var epochs: Int = 5

    @Flag(help: "Batches of whole cards, each card replayed once for all its items (fsrs-rs with card ids), instead of batches of items sorted by length.")
    var batchesByCard = false

    /// The input document.
    struct Input: Decodable {
        /// Per card: [day, rating] pairs, oldest first.
        var cards: [[[Int]]]
    }

    mutating func run() throws {
        let input = try JSONDecoder().decode(Input.self, from: FileHandle.standardInput.readDataToEndOfFile())
        var histories: [ReviewHistory] = []
        histories.reserveCapacity(input.cards.count)
        for card in input.cards {
            var reviews: [ReviewHistory.Review] = []
            for pair in card {
                guard pair.count == 2, let rating = Rating(rawValue: pair[1]) else {
                    throw ValidationError("each review must be [day, rating 1-4] / әр қайталау [күн, баға 1-4] болуы керек")
                }
                reviews.append(ReviewHistory.Review(day: pair[0], rating: rating, time: Int64(pair[0])))
            }
            histories.append(ReviewHistory(reviews: reviews))
        }
        let clock = ContinuousClock()
        let started = clock.now
        let set = TrainingSet(histories: histories)
        let result = Optimizer.fit(set, configuration: OptimizerConfiguration(epochs: epochs, seed: seed, batchesByCard: batchesByCard))
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let output: [String: Any] = [
            "parameters": result.parameters, "outcome": result.outcome.rawValue, "items": result.itemCount,
            "training_items": result.trainingItemCount, "seconds": seconds,
        ]
        let data = try JSONSerialization.data(withJSONObject: output, options: [.sortedKeys])
        Console.line(String(decoding: data, as: UTF8.self))
    }
}

/// `jatta fsrs evaluate`: log loss and RMSE(bins) of parameter sets on items.
struct FSRSEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Log loss and RMSE(bins) of FSRS-6 parameter sets on items given as JSON on stdin.",
        discussion: """
            Input: {"parameters": [[21 numbers], ...], "items": [[[rating, delta_t], ...], ...]}, \
            each item a history whose last review is the one predicted (fsrs-rs's FSRSItem), \
            items oldest first. Output: {"results": [{"log_loss": x, "rmse_bins": y}, ...]}.
            """
    )

    /// The input document.
    struct Input: Decodable {
        /// Parameter sets to evaluate.
        var parameters: [[Double]]
        /// Items as [rating, delta_t] pairs, the predicted review last.
        var items: [[[Int]]]
    }

    mutating func run() throws {
        let input = try JSONDecoder().decode(Input.self, from: FileHandle.standardInput.readDataToEndOfFile())
        var itemReviews: [[(rating: Rating, elapsed: Int)]] = []
        for item in input.items {
            var reviews: [(rating: Rating, elapsed: Int)] = []
            for pair in item {
                guard pair.count == 2, let rating = Rating(rawValue: pair[0]) else {
                    throw ValidationError("each review must be [rating 1-4, delta_t] / әр қайталау [баға 1-4, күн] болуы керек")
                }
                reviews.append((rating, pair[1]))
            }
            itemReviews.append(reviews)
        }
        let set = TrainingSet(itemReviews: itemReviews)
        var results: [[String: Double]] = []
        for weights in input.parameters {
            let problems = FSRSParameters.problems(in: weights)
            guard problems.isEmpty else {
                throw ValidationError("invalid parameters / жарамсыз параметрлер: \(problems)")
            }
            guard let evaluation = ModelEvaluation.of(weights: weights, on: set) else {
                throw ValidationError("no items / элементтер жоқ")
            }
            results.append(["log_loss": evaluation.logLoss, "rmse_bins": evaluation.rmseBins])
        }
        let data = try JSONSerialization.data(withJSONObject: ["results": results], options: [.sortedKeys])
        Console.line(String(decoding: data, as: UTF8.self))
    }
}
