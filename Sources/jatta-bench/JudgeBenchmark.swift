import DeckFormat
import Foundation
import KazakhText

/// `jatta-bench judge [DECK|DIR ...] [--known N] [--rounds N]`: how long the
/// answer checker takes per typed answer, with N known answers feeding the
/// guards (the worst case is a near miss, which is compared with every
/// known answer of similar length).
///
/// Typed answers are made from each answer: as written, lower case, on a
/// Russian layout, with one letter dropped, in Latin, and another card's
/// answer; so every tier and the other-answer guard are exercised.
enum JudgeBenchmark {
    static func run(_ args: [String]) -> Int32 {
        var paths: [String] = []
        var knownTarget = 1000
        var rounds = 5
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--known" where i + 1 < args.count:
                knownTarget = Int(args[i + 1]) ?? knownTarget
                i += 2
            case "--rounds" where i + 1 < args.count:
                rounds = max(1, Int(args[i + 1]) ?? rounds)
                i += 2
            default:
                paths.append(args[i])
                i += 1
            }
        }
        var answers = builtInTerms
        if !paths.isEmpty {
            let library = DeckLibrary.load(paths: paths)
            let fromDecks = library.decks.flatMap(\.cards).compactMap { card -> String? in
                if case .term(let t) = card.content { return t.term }
                return nil
            }
            if !fromDecks.isEmpty { answers = fromDecks }
        }
        let known = inflected(answers, count: knownTarget)
        let clock = ContinuousClock()
        var checker = AnswerChecker(knownAnswers: [])
        let built = clock.measure { checker = AnswerChecker(knownAnswers: known) }

        var cases: [(typed: String, accepted: [String])] = []
        for (n, answer) in answers.enumerated() {
            let other = answers[(n + 1) % answers.count]
            for typed in [answer, answer.lowercased(), russianLayout(answer), dropOneLetter(answer), latin(answer), other] {
                cases.append((typed, [answer]))
            }
        }
        // The first check prepares what its guards reach (each text's
        // lengths, the answers of nearby lengths): what a student waits for
        // after the first typed answer of a session.
        let firstCase = cases.first { !$0.accepted.isEmpty } ?? ("", [""])
        let first = clock.measure {
            _ = checker.check(typed: dropOneLetter(firstCase.typed), accepted: firstCase.accepted, profile: .unknown)
        }
        var perCheck: [Double] = []
        var tally: [Verdict.Tier: Int] = [:]
        for round in 0..<rounds {
            var local: [Verdict.Tier: Int] = [:]
            let elapsed = clock.measure {
                for c in cases {
                    let v = checker.check(typed: c.typed, accepted: c.accepted, profile: .unknown)
                    local[v.tier, default: 0] += 1
                }
            }
            if round == 0 { tally = local }
            perCheck.append(seconds(elapsed) / Double(cases.count))
        }
        perCheck.sort()
        let median = perCheck[perCheck.count / 2]
        print("judge: \(answers.count) answers, \(checker.knownCount) known answers, \(cases.count) checks per round, \(rounds) rounds")
        print(String(format: "checker built in %.2f ms, first check (a near miss) %.2f ms", seconds(built) * 1000, seconds(first) * 1000))
        print(String(format: "per check: median %.1f µs, best %.1f µs, worst %.1f µs (%.0f checks/s)",
            median * 1e6, perCheck[0] * 1e6, perCheck[perCheck.count - 1] * 1e6, 1 / median))
        print("verdicts: " + Verdict.Tier.allCases.map { "\($0.rawValue) \(tally[$0, default: 0])" }.joined(separator: ", "))
        return 0
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// Known answers: the answers and their inflected forms, up to `count`.
    static func inflected(_ answers: [String], count: Int) -> [String] {
        let endings = ["", "дың", "ға", "да", "дан", "мен", "ды", "лар", "тың", "қа", "та", "тан", "пен", "ты", "тар"]
        var result: [String] = []
        outer: for ending in endings {
            for a in answers {
                if result.count >= count { break outer }
                result.append(a + ending)
            }
        }
        return result
    }

    static func russianLayout(_ s: String) -> String {
        let map: [Character: Character] = [
            "қ": "к", "ғ": "г", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "ә": "а", "і": "и",
            "Қ": "К", "Ғ": "Г", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "Ә": "А", "І": "И",
        ]
        return String(s.map { map[$0] ?? $0 })
    }

    static func dropOneLetter(_ s: String) -> String {
        var chars = Array(s)
        if chars.count > 3 { chars.remove(at: chars.count / 2) }
        return String(chars)
    }

    static func latin(_ s: String) -> String {
        let map: [Character: String] = [
            "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ж": "j", "з": "z",
            "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö",
            "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h",
            "ц": "ts", "ч": "ch", "ш": "ş", "щ": "ş", "ы": "y", "і": "ı", "э": "e", "ю": "iu", "я": "ia",
        ]
        return s.lowercased().map { map[$0] ?? String($0) }.joined()
    }

    /// Glossary terms of the lecture notes, for a run without decks.
    static let builtInTerms: [String] = [
        "Режим", "Гегемония", "Неоколониализм", "Империализм", "Коммунизм", "Капитализм", "Социализм",
        "Утилитарлар", "Тұтқындар дилеммасы", "Дипломатия", "Ұлттар Лигасы", "Жоғарғы саясат",
        "Салыстырмалы табыс", "Абсолютті жетістік", "Реализм", "Реалист", "Неореализм", "Либерализм",
        "Неолиберализм", "Марксизм", "Постмодернизм", "Конструктивизм", "Тәуелділік", "Тәуелсіздік",
        "Интеграция", "Дезинтеграция", "Биполярлы", "Униполярлы", "Ынтымақтастық", "Қауіпсіздік",
        "Отаршылдық", "Егемендік", "Экспорт", "Импорт", "Сыртқы саяси тактика", "Сыртқы саяси доктрина",
        "Сыртқы саяси стратегия", "Ұлттық мүдде", "Бітімгерлік", "Көпвекторлы саясат", "Орта держава",
        "Жаһандану", "Күштер тепе-теңдігі", "Әлеуметтік-экономикалық", "Қырғи қабақ соғыс",
        "Вестфаль бейбітшілігі", "Транснационализм", "Өзара тәуелділік", "Модернизация теориясы",
        "Прерогатива",
    ]
}
