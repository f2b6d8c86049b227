import FSRS
import Foundation

/// `jatta-bench fsrs HISTORIES RESULTS [RUNS]`: replays review histories into
/// FSRS memory states, as fsrs-rs's `memory_state_batch` does, and reports the
/// best time of several runs (wall clock, and CPU time of the process, which
/// other load on a shared machine inflates much less) and the largest
/// difference from fsrs-rs's results.
///
/// HISTORIES has one card per line, "rating days rating days …" (the first
/// review's days are ignored); RESULTS has fsrs-rs's final "stability
/// difficulty" per card. Both are written by scripts/oracle/fsrs_bench.py.
enum FSRSBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: jatta-bench fsrs HISTORIES RESULTS [RUNS]\n".utf8))
            return 2
        }
        let runs = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 5) : 5
        guard let histories = readNumbers(arguments[0]), let reference = readNumbers(arguments[1]) else {
            FileHandle.standardError.write(Data("cannot read \(arguments[0]) or \(arguments[1])\n".utf8))
            return 1
        }
        guard let (ratings, days, offsets) = flatten(histories) else {
            FileHandle.standardError.write(Data("\(arguments[0]): each line must be pairs of rating (1-4) and days\n".utf8))
            return 1
        }
        // Anki's engine: the defaults, with stability capped at 36,500 days.
        let model = MemoryModel(
            weights: FSRSParameters.defaults, maximumStability: SchedulerConfiguration.ankiMaximumStability)
        let cards = offsets.count - 1
        var states = [MemoryState](repeating: MemoryState(stability: 0, difficulty: 0), count: cards)
        var best = Duration.seconds(1_000_000)
        var bestCPU = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let cpuBefore = processCPUSeconds()
            let elapsed = clock.measure {
                replay(model: model, ratings: ratings, days: days, offsets: offsets, into: &states)
            }
            bestCPU = min(bestCPU, processCPUSeconds() - cpuBefore)
            best = min(best, elapsed)
        }
        var largest = (s: 0.0, d: 0.0)
        for (card, line) in reference.enumerated() where card < cards && line.count == 2 {
            largest.s = max(largest.s, abs(states[card].stability - line[0]) / line[0])
            largest.d = max(largest.d, abs(states[card].difficulty - line[1]) / line[1])
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
        print("jatta reviews: \(ratings.count)")
        print("jatta seconds: \(String(format: "%.6f", seconds))")
        print("jatta cpu seconds: \(String(format: "%.6f", bestCPU))")
        print("jatta largest relative difference from fsrs-rs: S \(largest.s) D \(largest.d)")
        return reference.count == cards ? 0 : 1
    }

    /// Replays every card's history from a new card to its final memory state.
    static func replay(
        model: MemoryModel, ratings: [Rating], days: [Double], offsets: [Int], into states: inout [MemoryState]
    ) {
        model.replay(ratings: ratings, elapsedDays: days, cardStarts: offsets, into: &states)
    }

    /// The CPU time this process has used so far, in seconds.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// The histories as flat arrays, with each card's first review index.
    static func flatten(_ lines: [[Double]]) -> ([Rating], [Double], [Int])? {
        var ratings: [Rating] = [], days: [Double] = [], offsets = [0]
        for line in lines {
            guard line.count % 2 == 0 else { return nil }
            for pair in stride(from: 0, to: line.count, by: 2) {
                guard let rating = Rating(rawValue: Int(line[pair])) else { return nil }
                ratings.append(rating)
                days.append(line[pair + 1])
            }
            offsets.append(ratings.count)
        }
        return (ratings, days, offsets)
    }

    /// The numbers on each non-empty line of a file.
    static func readNumbers(_ path: String) -> [[Double]]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            line.split(separator: " ").compactMap { Double($0) }
        }
    }
}
