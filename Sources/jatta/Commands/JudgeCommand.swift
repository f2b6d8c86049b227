import ArgumentParser
import DeckFormat
import Foundation
import KazakhText
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
            typo, wrong), the guard that refused leniency if any (short-answer, other-answer, \
            prefix, suffix, number, first-letter, kazakh-letter, abbreviation, keyboard-layout) \
            and the reason a student would see. With --deck, the answers and terms of the decks \
            feed the other-answer guard, and the alternatives of the card whose answer is \
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

    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if Normalization.foldSpace(expected).isEmpty {
            throw ValidationError("EXPECTED is empty / Дұрыс жауап бос")
        }
    }

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessInfo.processInfo.environment).rawValue
        var known: [String] = []
        var accepted = [expected] + alternatives
        var deckCount = 0
        if !decks.isEmpty {
            let library = DeckLibrary.load(paths: decks)
            if library.hasUnreadablePaths {
                for d in library.diagnostics where d.severity == .error && d.location.line == 0 {
                    Console.err(TerminalText.visible("\(d.location.file): \(d.message(language: language))", keepingLineBreaks: false) + "\n")
                }
                throw ExitCode.failure
            }
            deckCount = library.decks.count
            known = DeckAnswers.known(in: library.decks)
            accepted += DeckAnswers.alternatives(of: expected, in: library.decks)
        }
        let checker = AnswerChecker(knownAnswers: known)
        let verdict = checker.check(
            typed: answer, accepted: accepted, profile: KeyboardProfile(hasKazakhLayout: kazakhLayout))
        if json {
            Console.line(JudgeReport(verdict: verdict, expected: expected, knownAnswers: checker.knownCount).json())
        } else {
            Console.line(JudgeReport.plain(verdict, language: language, knownAnswers: checker.knownCount, decks: deckCount))
        }
    }
}

/// The answers and terms of decks, as the checker needs them.
enum DeckAnswers {
    /// Every answer a student might type for some card of the decks.
    static func known(in decks: [Deck]) -> [String] {
        decks.flatMap(\.cards).flatMap(\.typeableAnswers)
    }

    /// The other accepted answers of the card (or gap) whose answer is
    /// `expected`, compared by identity key (case, spacing, quotes).
    static func alternatives(of expected: String, in decks: [Deck]) -> [String] {
        let key = Normalization.identityKey(expected)
        var result: [String] = []
        func take(_ answers: [String]) {
            if answers.contains(where: { Normalization.identityKey($0) == key }) { result += answers }
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
        return result.filter { Normalization.identityKey($0) != key && seen.insert($0).inserted }
    }
}

/// What `jatta judge` prints.
struct JudgeReport: Encodable {
    var verdict: Verdict
    var expected: String
    var knownAnswers: Int

    enum CodingKeys: String, CodingKey {
        case accepted, tier, `guard`, code, expected, typed, canonical, matched, conflictingAnswer, letterChanges,
            reason, knownAnswers, diff
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
    }

    /// The typed answer against the answer it was matched with (or the
    /// canonical one): `тәжір[би→иб]е`, `каспи[+й]`, `режим[-ы]`.
    static func diff(_ verdict: Verdict) -> String {
        AnswerDiff.pieces(expected: verdict.matched ?? verdict.canonical, typed: verdict.typed).map { piece in
            switch piece {
            case .same(let s): s
            case .wrong(let typed, let expected): "[\(typed)→\(expected)]"
            case .missing(let s): "[+\(s)]"
            case .extra(let s): "[-\(s)]"
            }
        }.joined()
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
