import Foundation

/// A benchmark that throws, as one that returns its exit status: the error
/// on standard error, status 1.
func reporting(_ name: String, _ run: @escaping ([String]) throws -> Void) -> ([String]) -> Int32 {
    { arguments in
        do {
            try run(arguments)
            return 0
        } catch {
            FileHandle.standardError.write(Data("jatta-bench \(name): \(error)\n".utf8))
            return 1
        }
    }
}

/// `jatta-bench NAME [ARGS]`: runs one benchmark on this build.
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: ([String]) -> Int32] = [
    "exam-sim": ExamSimulation.run,
    "fsrs": FSRSBenchmark.run,
    "judge": JudgeBenchmark.run,
    "parse": ParseBenchmark.run,
    "quiz": reporting("quiz", QuizBenchmark.run),
    "scale-setup": reporting("scale-setup", ScaleSetup.run),
    "store": reporting("store", StoreBenchmark.run),
    "study": StudyBenchmark.run,
]
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    print("usage: jatta-bench \(benchmarks.keys.sorted().joined(separator: "|")) [ARGS]")
    exit(2)
}
exit(benchmark(Array(arguments.dropFirst())))
