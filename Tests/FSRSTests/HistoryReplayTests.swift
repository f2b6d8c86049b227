import FSRS
import Testing

/// `MemoryModel.replay`, which steps two cards side by side, against the
/// plain review-by-review replay of each card alone: the same bits.
@Suite struct HistoryReplayTests {
    /// Random histories: ratings, elapsed days from same-day to years, and
    /// lengths from none to 40, so that pairs of unequal length, empty cards
    /// and an odd card count all occur.
    static func histories(seed: UInt64, cards: Int) -> (ratings: [Rating], days: [Double], starts: [Int]) {
        var random = SeededGenerator(seed: seed)
        var ratings: [Rating] = []
        var days: [Double] = []
        var starts = [0]
        for _ in 0..<cards {
            for _ in 0..<random.below(41) {
                ratings.append(Rating.allCases[random.below(4)])
                days.append([0, 0, 1, 2, 3, 7, 30, 365, 4000][random.below(9)])
            }
            starts.append(ratings.count)
        }
        return (ratings, days, starts)
    }

    /// Each card replayed alone with `nextMemoryState`.
    static func alone(_ model: MemoryModel, _ ratings: [Rating], _ days: [Double], _ starts: [Int]) -> [MemoryState?] {
        (0..<(starts.count - 1)).map { card in
            var memory: MemoryState?
            for index in starts[card]..<starts[card + 1] {
                memory = model.nextMemoryState(memory, elapsedDays: days[index], rating: ratings[index])
            }
            return memory
        }
    }

    @Test(arguments: [FSRSParameters.defaults, [
        0.4, 0.9, 3.1, 15.7, 7.1, 0.55, 1.9, 0.01, 1.45, 0, 0.95, 1.9, 0.09, 0.31, 0, 0.35, 2.6, 0.6, 0.2, 0, 0.4,
    ]])
    func everyCardEqualsItsReplayAlone(weights: [Double]) {
        let model = MemoryModel(weights: weights, maximumStability: SchedulerConfiguration.ankiMaximumStability)
        let (ratings, days, starts) = Self.histories(seed: 20, cards: 301)
        let unset = MemoryState(stability: -1, difficulty: -1)
        var states = [MemoryState](repeating: unset, count: 301)
        model.replay(ratings: ratings, elapsedDays: days, cardStarts: starts, into: &states)
        let expected = Self.alone(model, ratings, days, starts)
        #expect(expected.contains(nil) && expected.filter { $0 != nil }.count > 250)
        for card in 0..<301 {
            let want = expected[card] ?? unset
            #expect(
                states[card].stability.bitPattern == want.stability.bitPattern
                    && states[card].difficulty.bitPattern == want.difficulty.bitPattern, "card \(card)")
        }
    }

    /// A range outside the arrays is skipped, not read: the card keeps its
    /// state and the cards around it are replayed as usual.
    @Test func aCardOutsideTheArraysKeepsItsState() {
        let model = MemoryModel(weights: FSRSParameters.defaults)
        let ratings: [Rating] = [.good, .good, .again, .easy]
        let days: [Double] = [0, 3, 10, 0]
        let unset = MemoryState(stability: -1, difficulty: -1)
        var states: [MemoryState] = []
        model.replay(ratings: ratings, elapsedDays: days, cardStarts: [0, 2, 9, 4], into: &states)
        #expect(states.count == 3)
        #expect(states[0] == Self.alone(model, ratings, days, [0, 2])[0])
        #expect(states[1] == MemoryState(stability: 0, difficulty: 0))
        states = [unset, unset, unset]
        model.replay(ratings: ratings, elapsedDays: days, cardStarts: [0, 2, 9, 4], into: &states)
        #expect(states[1] == unset && states[2] == unset)
    }
}
