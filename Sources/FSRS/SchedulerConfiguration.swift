import Foundation

/// Everything that decides how the scheduler behaves. The defaults are
/// FSRS-6's and Anki's; `Scheduler.init` checks the values.
public struct SchedulerConfiguration: Hashable, Sendable {
    /// The 21 FSRS-6 weights w0 … w20.
    public var parameters: [Double]
    /// The probability of recall at which a review card comes due (0.9 = 90 %).
    public var desiredRetention: Double
    /// Delays between the learning steps of a new card, in seconds.
    public var learningSteps: [TimeInterval]
    /// Delays between the relearning steps after a lapse, in seconds.
    public var relearningSteps: [TimeInterval]
    /// The longest review interval, in days.
    public var maximumInterval: Int
    /// Whether review intervals are fuzzed (see `Fuzz`).
    public var enableFuzz: Bool
    /// How elapsed days are counted between reviews.
    public var dayCounting: DayCounting
    /// The largest stability kept, in days; nil for no limit. Anki's engine
    /// caps stability at 36,500 days (100 years) and so does jatta by default;
    /// py-fsrs has no cap (see docs/fsrs.md).
    public var maximumStability: Double?

    /// Anki's stability cap, in days.
    public static let ankiMaximumStability: Double = 36_500

    /// A configuration; every argument defaults to FSRS-6's and Anki's value,
    /// with the day starting at 4 a.m. UTC unless a time zone is given.
    public init(
        parameters: [Double] = FSRSParameters.defaults,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36_500,
        enableFuzz: Bool = true,
        dayCounting: DayCounting = .anki(timeZone: .gmt),
        maximumStability: Double? = SchedulerConfiguration.ankiMaximumStability
    ) {
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzz = enableFuzz
        self.dayCounting = dayCounting
        self.maximumStability = maximumStability
    }

    /// The behaviour of py-fsrs 6.3.2: 24-hour days, no stability cap; fuzz is
    /// off because py-fsrs's fuzz draws from an unseeded global generator.
    public static func pyFSRS(
        parameters: [Double] = FSRSParameters.defaults,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36_500
    ) -> SchedulerConfiguration {
        SchedulerConfiguration(
            parameters: parameters, desiredRetention: desiredRetention, learningSteps: learningSteps,
            relearningSteps: relearningSteps, maximumInterval: maximumInterval, enableFuzz: false,
            dayCounting: .fullDays, maximumStability: nil)
    }

    /// Every invalid setting; empty when the configuration can be used.
    public var problems: [SchedulerConfigurationError.Problem] {
        var found = FSRSParameters.problems(in: parameters)
        if !(desiredRetention > 0 && desiredRetention < 1) {
            found.append(.desiredRetention(desiredRetention))
        }
        for (index, seconds) in learningSteps.enumerated() where !(seconds > 0 && seconds.isFinite) {
            found.append(.step(list: .learning, index: index, seconds: seconds))
        }
        for (index, seconds) in relearningSteps.enumerated() where !(seconds > 0 && seconds.isFinite) {
            found.append(.step(list: .relearning, index: index, seconds: seconds))
        }
        if maximumInterval < 1 {
            found.append(.maximumInterval(maximumInterval))
        }
        if let cap = maximumStability, !(cap > 0 && cap.isFinite) {
            found.append(.maximumStability(cap))
        }
        if case .schedulerDays(let hour, _) = dayCounting, !(0...23).contains(hour) {
            found.append(.rolloverHour(hour))
        }
        return found
    }
}
