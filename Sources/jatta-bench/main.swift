import Foundation

/// `jatta-bench NAME [ARGS]`: runs one benchmark on this build.
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: ([String]) -> Int32] = [
    "fsrs": FSRSBenchmark.run,
    "judge": JudgeBenchmark.run,
    "parse": ParseBenchmark.run,
    "quiz": QuizBenchmark.main,
    "store": StoreBenchmark.main,
    "study": StudyBenchmark.run,
]
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    print("usage: jatta-bench \(benchmarks.keys.sorted().joined(separator: "|")) [ARGS]")
    exit(2)
}
exit(benchmark(Array(arguments.dropFirst())))
