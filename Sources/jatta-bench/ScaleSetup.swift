import DeckFormat
import FSRS
import Foundation
import ReviewStore

/// `jatta-bench scale-setup --cards N --dir DIR [--reviews-per-card R] [--no-store]`:
/// writes the collection `scripts/bench-scale.sh` times jatta on: N cards
/// of every kind in ten deck files (`DIR/decks/lecture-K.deck`), and a
/// progress database (`DIR/progress.sqlite`) holding R × N review-log rows
/// (10 by default, as Anki's benchmark) on four fifths of the cards' faces,
/// keyed by the faces' real keys, so `jatta study DIR/decks` sees that
/// history.
enum ScaleSetup {
    static func run(_ arguments: [String]) throws {
        var cards = 10_000
        var reviewsPerCard = 10
        var directory: String?
        var withStore = true
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            func number() throws -> Int {
                guard let value = rest.popFirst().flatMap(Int.init), value >= 0 else {
                    throw BenchmarkError("\(flag) needs a number")
                }
                return value
            }
            switch flag {
            case "--cards": cards = try number()
            case "--reviews-per-card": reviewsPerCard = try number()
            case "--dir": directory = rest.popFirst()
            case "--no-store": withStore = false
            default: throw BenchmarkError("unknown option \(flag)")
            }
        }
        guard let directory else { throw BenchmarkError("--dir is required") }
        let decks = (directory as NSString).appendingPathComponent("decks")
        try FileManager.default.createDirectory(atPath: decks, withIntermediateDirectories: true)
        let files = 10
        for k in 0..<files {
            let count = cards / files + (k < cards % files ? 1 : 0)
            let first = k * (cards / files) + min(k, cards % files)
            let text = ParseBenchmark.generateDeck(cards: count, first: first)
            let path = (decks as NSString).appendingPathComponent("lecture-\(k).deck")
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw BenchmarkError("cannot write \(path)")
            }
        }
        guard withStore else { return }
        // The keys as jatta will see them when run in DIR on `decks`.
        let previous = FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(directory) else { throw BenchmarkError("cannot enter \(directory)") }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let library = DeckLibrary.load(paths: ["decks"])
        var registered: [RegisteredCard] = []
        for deck in library.decks {
            for card in deck.cards where card.isAnswerable {
                for face in card.faces {
                    registered.append(
                        RegisteredCard(key: face.key, deckFile: deck.file, prompt: card.prompt, level: card.level))
                }
            }
        }
        // Faces of one card are answered together in a real history; spread
        // the history over the files rather than filling the first ones.
        var rng = SeededGenerator(seed: 11)
        registered.shuffle(using: &rng)
        try StoreBenchmark.build(
            path: (directory as NSString).appendingPathComponent("progress.sqlite"), cards: registered,
            reviews: reviewsPerCard * cards)
        print("\(cards) cards (\(registered.count) faces) in \(files) files, \(reviewsPerCard * cards) reviews")
    }
}
