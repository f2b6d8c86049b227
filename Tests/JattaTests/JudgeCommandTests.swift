import DeckFormat
import KazakhText
import Study
import Testing

@testable import jatta

/// The pure parts of `jatta judge`: which answers a deck contributes, the
/// interface language, and the report.
@Suite struct JudgeCommandTests {
    static let deck: Deck = {
        let text = """
            # Теориялар
            T: Неоколониализм
            D: Отаршылдықтың экономикалық жолмен жалғасуы.
            alt: Неоколонолизм

            Q: Лениннің пікірінше капитализмнің ең соңғы сатысы қалай аталады?
            * Империализм
            - Гегемония

            C: Қазақстан {1991|тоқсан бірінші} жылы тәуелсіздігін жариялады.

            Q: Реализм мен либерализмді салыстырыңыз.
            A: Реализм күшке, либерализм ынтымақтастыққа сүйенеді.
            - күш
            - ынтымақтастық
            """
        return DeckParser.parse(Array(text.utf8), file: "t.deck").deck
    }()

    @Test func knownAnswersLeaveOutModelAnswers() {
        let checker = TypedAnswer.checker(for: [Self.deck])
        for known in ["Неоколониализм", "Неоколонолизм", "Империализм", "Гегемония", "1991"] {
            #expect(checker.check(typed: known, accepted: ["Неоколониализмы"]).tier == .wrong)
        }
        // Neoколониализм, Неоколонолизм, Империализм, Гегемония, 1991, тоқсан
        // бірінші; not the model answer nor its key points.
        #expect(checker.knownCount == 6)
    }

    @Test func alternativesOfTheMatchingCard() {
        #expect(DeckAnswers.alternatives(of: "неоколониализм", in: [Self.deck]) == ["Неоколонолизм"])
        #expect(DeckAnswers.alternatives(of: "1991", in: [Self.deck]) == ["тоқсан бірінші"])
        #expect(DeckAnswers.alternatives(of: "Режим", in: [Self.deck]) == [])
    }

    @Test func plainReportNamesTierGuardAndDifference() {
        let checker = TypedAnswer.checker(for: [Self.deck])
        let wrong = checker.check(typed: "гегемония", accepted: ["Гегемон"])
        let text = JudgeReport.plain(wrong, language: "en", knownAnswers: checker.knownCount, decks: 1)
        #expect(text.hasPrefix("wrong (tier: wrong, guard: other-answer)\n"))
        #expect(text.contains("«Гегемония» is another answer"))
        #expect(text.hasSuffix("from 1 deck(s)."))
        let typo = checker.check(typed: "империялизм", accepted: ["Империализм"])
        #expect(JudgeReport.plain(typo, language: "kk", knownAnswers: 0, decks: 0).hasPrefix("қабылданды (деңгей: typo)"))
        #expect(JudgeReport.diff(typo) == "импери[я→а]лизм")
    }

    /// Issue 12, "reasons that do not fit": another card's answer typed
    /// for an answer it is nowhere near is plainly wrong; the other-answer
    /// guard did not decide anything and is not named.
    @Test func farOtherAnswerNamesNoGuard() {
        let checker = TypedAnswer.checker(for: [Self.deck])
        let far = checker.check(typed: "гегемония", accepted: ["Империализм"])
        #expect(far.tier == .wrong)
        #expect(far.guard == nil)
        #expect(!far.reason.en.contains("another answer"))
    }
}
