/// Why a `SchedulerConfiguration` cannot be used. It lists every problem found,
/// not only the first, so a bad parameter set can be fixed in one go.
public struct SchedulerConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// One invalid setting, named by the setting it concerns.
    public enum Problem: Hashable, Sendable {
        /// The parameter list does not hold exactly 21 weights.
        case parameterCount(Int)
        /// Weight `index` lies outside `[lower, upper]`.
        case parameterOutOfRange(index: Int, value: Double, lower: Double, upper: Double)
        /// Desired retention must lie strictly between 0 and 1.
        case desiredRetention(Double)
        /// A learning or relearning step is not a positive, finite duration.
        case step(list: StepList, index: Int, seconds: Double)
        /// The maximum interval must be at least one day.
        case maximumInterval(Int)
        /// The stability cap must be positive and finite.
        case maximumStability(Double)
        /// The hour at which the scheduler day begins must be 0 … 23.
        case rolloverHour(Int)

        /// Which list of steps a `.step` problem is about.
        public enum StepList: String, Hashable, Sendable {
            /// The steps of a new card.
            case learning
            /// The steps after a lapse.
            case relearning
        }

        /// Where the problem is: the setting's name as it appears in the configuration.
        public var place: String {
            switch self {
            case .parameterCount: "parameters"
            case .parameterOutOfRange(let index, _, _, _): "parameters[\(index)] (w\(index))"
            case .desiredRetention: "desiredRetention"
            case .step(let list, let index, _): "\(list.rawValue)Steps[\(index)]"
            case .maximumInterval: "maximumInterval"
            case .maximumStability: "maximumStability"
            case .rolloverHour: "rolloverHour"
            }
        }

        /// The problem in English.
        public var english: String {
            switch self {
            case .parameterCount(let n):
                "FSRS-6 needs exactly 21 parameters, got \(n)"
            case .parameterOutOfRange(let index, let value, let lower, let upper):
                "w\(index) = \(value) is outside its valid range [\(lower), \(upper)]"
            case .desiredRetention(let value):
                "desired retention must be greater than 0 and less than 1, got \(value)"
            case .step(let list, let index, let seconds):
                "\(list.rawValue) step \(index + 1) must be a positive duration, got \(seconds) s"
            case .maximumInterval(let days):
                "the maximum interval must be at least 1 day, got \(days)"
            case .maximumStability(let value):
                "the stability cap must be a positive number of days, got \(value)"
            case .rolloverHour(let hour):
                "the hour the day starts at must be 0 to 23, got \(hour)"
            }
        }

        /// The problem in Kazakh.
        public var kazakh: String {
            switch self {
            case .parameterCount(let n):
                "FSRS-6 үшін дәл 21 параметр керек, берілгені: \(n)"
            case .parameterOutOfRange(let index, let value, let lower, let upper):
                "w\(index) = \(value) рұқсат етілген аралықтан тыс: [\(lower), \(upper)]"
            case .desiredRetention(let value):
                "қалаған есте сақтау деңгейі 0-ден үлкен және 1-ден кіші болуы керек, берілгені: \(value)"
            case .step(let list, let index, let seconds):
                "\(list == .learning ? "үйрену" : "қайта үйрену") қадамы \(index + 1) оң ұзақтық болуы керек, берілгені: \(seconds) с"
            case .maximumInterval(let days):
                "ең ұзақ аралық кемінде 1 күн болуы керек, берілгені: \(days)"
            case .maximumStability(let value):
                "тұрақтылықтың шегі оң күн саны болуы керек, берілгені: \(value)"
            case .rolloverHour(let hour):
                "күн басталатын сағат 0 мен 23 аралығында болуы керек, берілгені: \(hour)"
            }
        }
    }

    /// Every problem found, in the order of the configuration's fields.
    public var problems: [Problem]

    /// An error for the given problems.
    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// All problems, each as "place: Kazakh / English", one per line.
    public var description: String {
        problems.map { "\($0.place): \($0.kazakh) / \($0.english)" }.joined(separator: "\n")
    }
}
