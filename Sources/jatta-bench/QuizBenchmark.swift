import DeckFormat
import Foundation
import KazakhText
import Study

/// `jatta-bench quiz`: times what a quiz does that grows with the decks:
/// making the quiz (choosing cards, drawing plausible wrong options) and
/// judging a typed answer against every known answer of the decks (the
/// guard against another card's answer). Synthetic decks of N glossary
/// terms with definitions of varied length, plus multiple-choice and cloze
/// cards, split over ten files as a course's lectures would be.
enum QuizBenchmark {
    static func run(_ arguments: [String]) throws {
        var terms = 5_000
        var repetitions = 15
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst().flatMap(Int.init), value > 0 else {
                throw BenchmarkError("\(flag) needs a positive number")
            }
            switch flag {
            case "--terms": terms = value
            case "--repetitions": repetitions = value
            default: throw BenchmarkError("unknown option \(flag)")
            }
        }
        let decks = makeDecks(terms: terms)
        let cards = decks.reduce(0) { $0 + $1.cards.count }
        print("quiz benchmark: \(cards) cards in \(decks.count) decks, median of \(repetitions) runs")

        for count in [20, 100, cards] {
            let t = median(repetitions) {
                _ = QuizGenerator.generate(from: decks, settings: QuizSettings(count: count, seed: UInt64(count)))
            }
            print(String(format: "  generate %5d questions: %9.3f ms", count, t * 1000))
        }

        let known = decks.flatMap { $0.cards.map(\.prompt) }
        var checker = AnswerChecker(knownAnswers: [])
        let build = median(repetitions) { checker = AnswerChecker(knownAnswers: known) }
        print(String(format: "  answer checker over %d known answers: build %.3f ms", known.count, build * 1000))
        let typed = ["Термин 17", "термин17", "Термн 17", "Tермин 4711", "мүлде басқа жауап"]
        let judge = median(repetitions) {
            for text in typed { _ = checker.check(typed: text, accepted: ["Термин 17"]) }
        }
        print(String(format: "  judge one typed answer: %.3f ms", judge * 1000 / Double(typed.count)))
    }

    /// The median wall time of `body` in seconds.
    static func median(_ runs: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[times.count / 2]
    }

    static func makeDecks(terms: Int) -> [Deck] {
        let words = ["мемлекет", "саясат", "халықаралық", "қатынас", "ынтымақтастық", "қауіпсіздік", "мүдде",
                     "жүйе", "ұйым", "келісім", "егемендік", "экономикалық", "әскери", "дипломатиялық"]
        var decks: [Deck] = []
        let perDeck = max(1, terms / 10)
        for d in 0..<10 {
            let file = "decks/bench-\(d).deck"
            var cards: [Card] = []
            for i in 0..<perDeck {
                let n = d * perDeck + i
                let length = 6 + (n * 7919) % 30
                let definition = (0..<length).map { words[($0 * 31 + n) % words.count] }.joined(separator: " ") + "."
                let term = "Термин \(n)"
                cards.append(Card(
                    id: .derived(kind: .term, prompt: term), content: .term(TermCard(term: term, definition: definition)),
                    level: 1 + n % 3, location: SourceLocation(file: file, line: 3 * i + 1)))
                if n % 10 == 0 {
                    let q = "Сұрақ \(n)?"
                    cards.append(Card(
                        id: .derived(kind: .choice, prompt: q),
                        content: .choice(ChoiceCard(question: q, options: [
                            ChoiceOption(text: "Дұрыс \(n)", isCorrect: true), ChoiceOption(text: "Қате \(n)", isCorrect: false),
                            ChoiceOption(text: "Басқа \(n)", isCorrect: false),
                        ])), location: SourceLocation(file: file, line: 3 * i + 2)))
                    let c = "Оқиға {\(1900 + n % 120)} жылы болды \(n)."
                    cards.append(Card(
                        id: .derived(kind: .cloze, prompt: c), content: .cloze(ClozeCard(text: c)),
                        location: SourceLocation(file: file, line: 3 * i + 3)))
                }
            }
            decks.append(Deck(file: file, cards: cards))
        }
        return decks
    }
}
