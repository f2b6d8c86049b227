import FSRS
import Foundation

/// One line of a reference vector file written by
/// `scripts/oracle/fsrs_oracle.py generate`: a card's review history and what
/// the reference implementation computed after each review.
struct ReferenceHistory: Decodable {
    struct Config: Decodable {
        var parameters: [Double]
        var desired_retention: Double
        var learning_steps: [Double]
        var relearning_steps: [Double]
        var maximum_interval: Int
        var maximum_stability: Double?
        var time_zone: String?
        var rollover_hour: Int?
    }

    struct Review: Decodable {
        var t: Int
        var rating: Int
        var elapsed_days: Int?
        var r_before: Double
        var state: Int
        var step: Int?
        var s: Double
        var d: Double
        var due: Int
        var interval_s: Int
    }

    var id: Int
    var kind: String
    var card_id: Int
    var config_name: String
    var config: Config
    var reviews: [Review]

    /// Reads every history of a fixture file in `Fixtures/`.
    static func load(_ name: String) throws -> [ReferenceHistory] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Fixtures") else {
            throw FixtureMissing(name: name)
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").map { try decoder.decode(ReferenceHistory.self, from: Data($0.utf8)) }
    }

    /// The scheduler configuration this history was produced with; `dayCounting`
    /// and the stability cap depend on which reference engine wrote it.
    func configuration(dayCounting: DayCounting) -> SchedulerConfiguration {
        SchedulerConfiguration(
            parameters: config.parameters, desiredRetention: config.desired_retention,
            learningSteps: config.learning_steps, relearningSteps: config.relearning_steps,
            maximumInterval: config.maximum_interval, enableFuzz: false, dayCounting: dayCounting,
            maximumStability: config.maximum_stability)
    }
}

struct FixtureMissing: Error {
    var name: String
}

/// The relative difference of two numbers, 0 when they are equal.
func relativeDifference(_ reference: Double, _ value: Double) -> Double {
    reference == value ? 0 : abs(reference - value) / max(abs(reference), .leastNormalMagnitude)
}
