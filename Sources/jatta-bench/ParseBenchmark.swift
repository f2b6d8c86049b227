import DeckFormat
import FSRS
import Foundation

/// `jatta-bench parse [CARDS] [RUNS]`: generates a deck of CARDS cards
/// (100,000 by default) of every kind, in Kazakh, and reports the parse
/// throughput of the best of RUNS runs.
enum ParseBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        let cards = arguments.first.flatMap(Int.init) ?? 100_000
        let runs = arguments.dropFirst().first.flatMap(Int.init) ?? 5
        let text = generateDeck(cards: cards)
        let bytes = Array(text.utf8)
        let megabytes = Double(bytes.count) / 1_000_000
        // The exact size, for instructions per byte under callgrind.
        print(String(format: "deck: %d cards, %.1f MB (%d bytes)", cards, megabytes, bytes.count))
        var best = Double.infinity
        var bestCPU = Double.infinity
        var parsedCards = 0
        var errors = 0
        var warnings = 0
        for run in 1...max(runs, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            let startCPU = threadCPUSeconds()
            let parsed = DeckParser.parse(bytes, file: "bench.deck")
            let cpu = threadCPUSeconds() - startCPU
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            parsedCards = parsed.deck.cards.count
            errors = parsed.diagnostics.count { $0.severity == .error }
            warnings = parsed.diagnostics.count - errors
            best = min(best, seconds)
            bestCPU = min(bestCPU, cpu)
            print(String(format: "run %d: %.3f s wall, %.3f s CPU, %.1f MB/s", run, seconds, cpu, megabytes / seconds))
        }
        print(
            String(
                format: "parse: %.1f MB/s wall, %.1f MB/s CPU time (best of %d), %d cards, %d errors, %d warnings",
                megabytes / best, megabytes / bestCPU, runs, parsedCards, errors, warnings))
        // The random words put a term inside its own definition now and
        // then, which is a warning an instructor would see too; only a
        // card lost or an error means the generated deck no longer parses.
        return parsedCards == cards && errors == 0 ? 0 : 1
    }

    /// CPU time of this thread: on a busy machine it shows the parser's own
    /// cost where wall time also counts the wait for a core.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// A deck shaped like the lecture decks: terms with two-line
    /// definitions, questions, open questions with key points, multiple
    /// choice and cloze, under sections, with tags, levels and sources.
    /// `first` numbers the cards (serials and ids), so several files made
    /// with different `first` hold different cards.
    static func generateDeck(cards: Int, first: Int = 0) -> String {
        let words = [
            "мемлекет", "халықаралық", "қатынастар", "саясат", "режим", "гегемония", "ынтымақтастық", "қауіпсіздік",
            "экономикалық", "институттар", "либерализм", "реализм", "ұйым", "келісім", "дипломатия", "егемендік",
            "өңір", "жаһандану", "әлемдік", "тәртіп", "күш", "мүдде", "құқық", "шарт", "одақ", "бейбітшілік",
        ]
        var random = SeededGenerator(seed: 1 &+ UInt64(first))
        func sentence(_ count: Int, _ serial: Int) -> String {
            var parts: [String] = []
            for _ in 0..<count { parts.append(words[random.below(words.count)]) }
            parts.append(String(serial))
            return parts.joined(separator: " ")
        }
        var out = "# Бенчмарк жинағы\nlang: kk\nauthor: jatta-bench\n\n"
        for i in first..<(first + cards) {
            if i % 500 == 0 { out += "## Бөлім \(i / 500 + 1)\n\n" }
            switch i % 5 {
            case 0:
                out += "T: \(sentence(2, i))\nD: \(sentence(9, i))\n   \(sentence(8, i)).\nsource: lectures/002.txt:\(i % 3000 + 1)\n\n"
            case 1:
                out += "Q: \(sentence(8, i))?\nA: \(sentence(10, i)).\ntags: \(words[i % words.count]), сынақ\n\n"
            case 2:
                out += "Q: \(sentence(9, i))?\nA: \(sentence(12, i))\n   \(sentence(10, i)).\n- \(sentence(4, i))\n- \(sentence(5, i))\nlevel: 2\n\n"
            case 3:
                out += "Q: \(sentence(7, i))?\n* \(sentence(2, i))\n- \(sentence(2, i + 1))\n- \(sentence(3, i))\n\n"
            default:
                out += "C: \(sentence(4, i)) {\(words[random.below(words.count)])} \(sentence(5, i)).\nid: cloze-\(i)\n\n"
            }
        }
        return out
    }
}
