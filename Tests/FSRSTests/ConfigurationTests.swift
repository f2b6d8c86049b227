import FSRS
import Foundation
import Testing

/// Invalid settings are refused with every problem listed.
@Suite struct ConfigurationTests {
    @Test func defaultsAreFSRS6AndAnki() throws {
        let configuration = SchedulerConfiguration()
        #expect(configuration.parameters.count == 21 && configuration.parameters[20] == 0.1542)
        #expect(configuration.desiredRetention == 0.9)
        #expect(configuration.learningSteps == [60, 600] && configuration.relearningSteps == [600])
        #expect(configuration.maximumInterval == 36_500 && configuration.enableFuzz)
        #expect(configuration.maximumStability == 36_500)
        guard case .schedulerDays(let hour, _) = configuration.dayCounting else {
            Issue.record("the default should count scheduler days")
            return
        }
        #expect(hour == 4)
        _ = try Scheduler(configuration)
    }

    @Test func everyBadParameterIsListed() {
        var weights = FSRSParameters.defaults
        weights[4] = 0.5  // below 1
        weights[7] = 0.9  // above 0.75
        weights[20] = .nan
        #expect {
            try Scheduler(SchedulerConfiguration(parameters: weights))
        } throws: { error in
            guard let error = error as? SchedulerConfigurationError else { return false }
            let indices = error.problems.compactMap { problem -> Int? in
                if case .parameterOutOfRange(let index, _, _, _) = problem { return index }
                return nil
            }
            return indices == [4, 7, 20] && error.description.contains("w7 = 0.9")
                && error.description.contains("рұқсат етілген аралықтан тыс")
        }
    }

    @Test func wrongParameterCountIsRefused() {
        #expect(throws: SchedulerConfigurationError(problems: [.parameterCount(19)])) {
            try Scheduler(SchedulerConfiguration(parameters: Array(FSRSParameters.defaults.prefix(19))))
        }
    }

    @Test func boundsThemselvesAreValid() throws {
        _ = try Scheduler(SchedulerConfiguration(parameters: FSRSParameters.lowerBounds))
        _ = try Scheduler(SchedulerConfiguration(parameters: FSRSParameters.upperBounds))
    }

    @Test func otherSettingsAreChecked() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let configuration = SchedulerConfiguration(
            desiredRetention: 1, learningSteps: [60, -1], relearningSteps: [.infinity], maximumInterval: 0,
            dayCounting: .schedulerDays(rolloverHour: 24, timeZone: utc), maximumStability: 0)
        #expect(
            configuration.problems == [
                .desiredRetention(1), .step(list: .learning, index: 1, seconds: -1),
                .step(list: .relearning, index: 0, seconds: .infinity), .maximumInterval(0), .maximumStability(0),
                .rolloverHour(24),
            ])
        for problem in configuration.problems {
            #expect(!problem.english.isEmpty && !problem.kazakh.isEmpty && !problem.place.isEmpty)
        }
        #expect(throws: SchedulerConfigurationError.self) { try Scheduler(configuration) }
    }
}
