import Foundation

let benchmarkArguments = Array(CommandLine.arguments.dropFirst())
switch benchmarkArguments.first {
case "store":
    do {
        try StoreBenchmark.run(Array(benchmarkArguments.dropFirst()))
    } catch {
        FileHandle.standardError.write(Data("jatta-bench store: \(error)\n".utf8))
        exit(1)
    }
case "quiz":
    do {
        try QuizBenchmark.run(Array(benchmarkArguments.dropFirst()))
    } catch {
        FileHandle.standardError.write(Data("jatta-bench quiz: \(error)\n".utf8))
        exit(1)
    }
default:
    print("benchmarks: parse, store, quiz")
}
