import Foundation

/// `jatta-bench NAME [ARGS]`: runs one benchmark on this build.
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [String: ([String]) -> Int32] = [
    "parse": ParseBenchmark.run,
    "store": { args in
        do {
            try StoreBenchmark.run(args)
            return 0
        } catch {
            FileHandle.standardError.write(Data("jatta-bench store: \(error)\n".utf8))
            return 1
        }
    },
    "fsrs": FSRSBenchmark.run,
    "study": StudyBenchmark.run,
]
guard let name = arguments.first, let benchmark = benchmarks[name] else {
    print("usage: jatta-bench \(benchmarks.keys.sorted().joined(separator: "|")) [ARGS]")
    exit(2)
}
exit(benchmark(Array(arguments.dropFirst())))
