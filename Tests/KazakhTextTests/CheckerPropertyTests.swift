import FSRS
import Testing

@testable import KazakhText

/// Invariants of the checker over many generated answers: no input makes
/// it crash, and what it says is consistent.
@Suite struct CheckerPropertyTests {
    static let alphabet = Array(
        "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘҒҚҢӨҰҮҺІ abcdeiknoqsuyzäöüğşıñ0123456789-–«».,;!?ӛə\u{200B}\u{00A0}\u{0306}"
    )

    static func randomText(_ rng: inout SeededGenerator, maxLength: Int) -> String {
        let n = Int.random(in: 0...maxLength, using: &rng)
        return String((0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
    }

    @Test func anyInputGivesAConsistentVerdict() {
        var rng = SeededGenerator(seed: 20_260_122)
        let known = (0..<60).map { _ in Self.randomText(&rng, maxLength: 14) }
        let checker = AnswerChecker(knownAnswers: known)
        for _ in 0..<3000 {
            let accepted = (0..<Int.random(in: 0...3, using: &rng)).map { _ in Self.randomText(&rng, maxLength: 16) }
            let typed = Self.randomText(&rng, maxLength: 18)
            let layout = Bool.random(using: &rng)
            let v = checker.check(typed: typed, accepted: accepted, profile: KeyboardProfile(hasKazakhLayout: layout))
            #expect(v.isAccepted == (v.tier != .wrong))
            #expect(v.guard == nil || v.tier == .wrong)
            #expect(!v.reason.kk.isEmpty && !v.reason.en.isEmpty)
            #expect(v.typed == typed)
            if v.isAccepted { #expect(v.matched != nil) }
        }
    }

    @Test func everyAcceptedAnswerIsExactAsWritten() {
        var rng = SeededGenerator(seed: 7)
        let checker = AnswerChecker(knownAnswers: (0..<40).map { _ in Self.randomText(&rng, maxLength: 10) })
        for _ in 0..<1000 {
            let accepted = (0..<3).map { _ in Self.randomText(&rng, maxLength: 16) }
            guard let pick = accepted.randomElement(using: &rng) else { continue }
            let folded = AnswerForm(pick)
            if folded.compact.isEmpty && folded.digitRuns.isEmpty { continue }
            let v = checker.check(typed: pick, accepted: accepted)
            #expect(v.tier == .exact, "«\(pick)» in \(accepted)")
        }
    }

    @Test func editsAccountForTheDistance() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<2000 {
            let a = Self.randomText(&rng, maxLength: 12)
            let b = Self.randomText(&rng, maxLength: 12)
            let edits = EditDistance.edits(from: a, to: b)
            #expect(edits.count == EditDistance.distance(a, b), "\(a) → \(b)")
            #expect(EditDistance.distance(a, b) <= max(a.count, b.count))
        }
    }

    @Test func identityKeyIsUntouched() {
        // Card ids depend on it; the checker has its own folds.
        #expect(Normalization.identityKey("  «Тұтқындар  ДИЛЕММАСЫ» – ӛте? ") == "тұтқындар дилеммасы - өте")
        #expect(Normalization.identityKey("cөзіне") == "сөзіне")
    }
}

/// A pasted wall of text is judged quickly and plainly wrong.
@Suite struct LongInputTests {
    @Test func longInputIsWrongNotSlow() {
        let checker = AnswerChecker(knownAnswers: JudgementTable.knownTerms)
        let wall = String(repeating: "qauipsizdik ", count: 2000)
        #expect(checker.check(typed: wall, accepted: ["Қауіпсіздік"]).tier == .wrong)
        let word = String(repeating: "а", count: 20000)
        #expect(checker.check(typed: word, accepted: ["Қауіпсіздік"]).tier == .wrong)
        let latinRun = String(repeating: "a", count: 20000)
        #expect(checker.check(typed: latinRun, accepted: ["Ана"]).tier == .wrong)
    }
}
