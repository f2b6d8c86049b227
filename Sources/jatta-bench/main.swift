import Foundation

// Benchmarks are chosen by the first argument; each lives in its own file.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "fsrs":
    exit(FSRSBenchmark.run(Array(arguments.dropFirst())))
default:
    print("usage: jatta-bench fsrs HISTORIES RESULTS [RUNS]")
    exit(arguments.isEmpty ? 0 : 2)
}
