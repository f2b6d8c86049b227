import ArgumentParser
import DeckFormat
import Foundation
import KazakhText
import Study
import TerminalUI

/// `jatta judge EXPECTED ANSWER [--deck PATH] [--json]`: how a typed answer
/// would be judged, so an instructor can try answers against a deck's
/// other terms before students meet them.
struct JudgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Show how a typed answer is judged against the right one.",
        discussion: """
            Prints the verdict (accepted or wrong), its tier (exact, format, keyboard, latin, \
            typo, form, wrong), the guard that decided if any (short-answer, other-answer, \
            prefix, suffix, number, first-letter, kazakh-letter, abbreviation, keyboard-layout), \
            the reason and the letter difference a student would see; --explain adds the \
            word-by-word analysis (stem, endings, suffixes, tier, guard, keyboard rule). With \
            --deck, the answers and terms of the decks feed the other-answer guard, and the alternatives of the card whose answer is \
            EXPECTED are accepted too. Exits 0 whatever the verdict, 1 when a deck cannot be read, \
            64 on a usage error.
            """
    )

    @Argument(help: "The right answer, as the deck has it.")
    var expected: String

    @Argument(help: "The answer as a student types it.")
    var answer: String

    @Option(
        name: .customLong("deck"),
        help: ArgumentHelp("A deck file or folder whose answers and terms feed the guards (repeatable).", valueName: "path"))
    var decks: [String] = []

    @Option(
        name: .customLong("alt"),
        help: ArgumentHelp("Another accepted answer (repeatable), as a deck's alt: line.", valueName: "text"))
    var alternatives: [String] = []

    @Flag(help: "Judge as a student who has already typed Kazakh letters in the session (к for қ is then a mistake).")
    var kazakhLayout = false

    @Flag(help: "Print the verdict as JSON.")
    var json = false

    @Flag(help: "Also show the analysis: each word's stem, endings and suffixes, how the words relate, the tier, the guard and the keyboard rule.")
    var explain = false

    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if Normalization.foldSpace(expected).isEmpty {
            throw ValidationError("EXPECTED is empty / Дұрыс жауап бос")
        }
    }

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables).rawValue
        var checker = AnswerChecker(knownAnswers: [])
        var accepted = [expected] + alternatives
        var deckCount = 0
        if !decks.isEmpty {
            let library = DeckLoading.load(paths: decks)
            if library.hasUnreadablePaths {
                for d in library.diagnostics where d.severity == .error && d.location.line == 0 {
                    Console.err(TerminalText.oneLine("\(d.location.file): \(d.message(language: language))") + "\n")
                }
                throw ExitCode.failure
            }
            deckCount = library.decks.count
            checker = TypedAnswer.checker(for: library.decks)
            accepted += DeckAnswers.alternatives(of: expected, in: library.decks)
        }
        let verdict = checker.check(
            typed: answer, accepted: accepted, profile: KeyboardProfile(hasKazakhLayout: kazakhLayout))
        let analysis = explain ? WordComparison.compare(expected: verdict.matched ?? verdict.canonical, typed: answer) : nil
        if json {
            Console.line(
                JudgeReport(verdict: verdict, expected: expected, knownAnswers: checker.knownCount, analysis: analysis)
                    .json())
        } else {
            Console.line(JudgeReport.plain(verdict, language: language, knownAnswers: checker.knownCount, decks: deckCount))
            if let analysis { Console.line(JudgeReport.explained(verdict, analysis)) }
        }
    }
}

/// The answers and terms of decks, as the checker needs them.
enum DeckAnswers {
    /// The other accepted answers of the card (or gap) whose answer is
    /// `expected`, compared by identity key (case, spacing, quotes).
    static func alternatives(of expected: String, in decks: [Deck]) -> [String] {
        let same = IdentityKeyMatch(expected)
        var result: [String] = []
        func take(_ answers: [String]) {
            if answers.contains(where: same.matches) { result += answers }
        }
        for card in decks.flatMap(\.cards) {
            switch card.content {
            case .term(let t): take([t.term] + t.alternatives)
            case .question(let q): take([q.answer] + q.alternatives)
            case .cloze(let c):
                for gap in c.gaps { take(gap.answers) }
                if c.gaps.count == 1 { take((c.gaps.first?.answers ?? []) + c.alternatives) }
            case .choice, .open: break
            }
        }
        var seen = Set<String>()
        return result.filter { !same.matches($0) && seen.insert($0).inserted }
    }
}

/// What `jatta judge` prints.
struct JudgeReport: Encodable {
    var verdict: Verdict
    var expected: String
    var knownAnswers: Int
    /// With `--explain`: the word-by-word analysis.
    var analysis: [WordComparison]? = nil

    enum CodingKeys: String, CodingKey {
        case accepted, tier, `guard`, code, expected, typed, canonical, matched, conflictingAnswer, letterChanges,
            reason, knownAnswers, diff, keyboardRule, analysis
    }

    /// One word of the analysis as JSON.
    struct WordJSON: Encodable {
        var word: String
        var stem: String
        var endings: [String]
        var root: String
        var suffixes: [String]

        init(_ a: WordAnalysis) {
            word = a.word
            stem = a.stem
            endings = a.endings
            root = a.root
            suffixes = a.derivations
        }
    }

    /// One pair of words as JSON.
    struct PairJSON: Encodable {
        var expected: WordJSON
        var typed: WordJSON
        var relation: String
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(verdict.isAccepted, forKey: .accepted)
        try c.encode(verdict.tier, forKey: .tier)
        try c.encode(verdict.guard, forKey: .guard)
        try c.encode(verdict.code, forKey: .code)
        try c.encode(expected, forKey: .expected)
        try c.encode(verdict.typed, forKey: .typed)
        try c.encode(verdict.canonical, forKey: .canonical)
        try c.encode(verdict.matched, forKey: .matched)
        try c.encode(verdict.conflictingAnswer, forKey: .conflictingAnswer)
        try c.encode(verdict.letterChanges, forKey: .letterChanges)
        try c.encode(verdict.reason, forKey: .reason)
        try c.encode(knownAnswers, forKey: .knownAnswers)
        try c.encode(Self.diff(verdict), forKey: .diff)
        try c.encode(verdict.keyboardRule?.code, forKey: .keyboardRule)
        if let analysis {
            try c.encode(
                analysis.map { PairJSON(expected: WordJSON($0.expected), typed: WordJSON($0.typed), relation: $0.relation.summary) },
                forKey: .analysis)
        }
    }

    /// The typed answer against the answer it was matched with (or the
    /// canonical one), as the study screen and the quiz show it too.
    static func diff(_ verdict: Verdict) -> String {
        AnswerDiff.marked(expected: verdict.matched ?? verdict.canonical, typed: verdict.typed)
    }

    /// The `--explain` lines: each word pair taken apart, then the tier,
    /// the guard that decided (if any) and the keyboard rule.
    static func explained(_ verdict: Verdict, _ analysis: [WordComparison]) -> String {
        func describe(_ a: WordAnalysis) -> String {
            let endings = a.endings.isEmpty ? "—" : a.endings.map { "-" + $0 }.joined(separator: " ")
            let suffixes = a.derivations.isEmpty ? "—" : a.derivations.map { "-" + $0 }.joined(separator: " ")
            return "«\(a.word)»: stem \(a.stem), endings \(endings), root \(a.root), suffixes \(suffixes)"
        }
        var lines = ["Analysis:"]
        let typedWords = WordComparison.wordCount(verdict.typed)
        let answerWords = WordComparison.wordCount(verdict.matched ?? verdict.canonical)
        if typedWords != answerWords {
            lines.append("  words: \(answerWords) in the answer, \(typedWords) typed (compared as one text)")
        }
        for (i, pair) in analysis.enumerated() {
            lines.append("  word \(i + 1) answer \(describe(pair.expected))")
            lines.append("         typed  \(describe(pair.typed))")
            lines.append("         relation: \(pair.relation.summary)")
        }
        lines.append("  tier: \(verdict.tier.rawValue)")
        lines.append("  guard: " + (verdict.guard.map { "\($0.rawValue) (decided the verdict)" } ?? "none decided"))
        lines.append("  keyboard rule: " + (verdict.keyboardRule.map { "\($0.code) (decided the verdict)" } ?? "not involved"))
        return lines.joined(separator: "\n")
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func plain(_ verdict: Verdict, language: String, knownAnswers: Int, decks: Int) -> String {
        let kk = language == "kk"
        var head = verdict.isAccepted ? (kk ? "қабылданды" : "accepted") : (kk ? "қабылданбады" : "wrong")
        head += kk ? " (деңгей: \(verdict.tier.rawValue)" : " (tier: \(verdict.tier.rawValue)"
        if let g = verdict.guard { head += kk ? ", тосқауыл: \(g.rawValue)" : ", guard: \(g.rawValue)" }
        head += ")"
        var lines = [head, verdict.reason.text(language: language)]
        if verdict.tier != .exact {
            lines.append((kk ? "Айырмашылығы: " : "Difference: ") + diff(verdict))
        }
        if decks > 0 {
            lines.append(
                kk
                    ? "\(decks) дестедегі \(knownAnswers) жауаппен салыстырылды."
                    : "Compared with \(knownAnswers) answers and terms from \(decks) deck(s).")
        }
        return lines.joined(separator: "\n")
    }
}
