import Study
import Testing
import TerminalUI

@testable import jatta

/// Why the full-screen quiz cannot start: said like the study trainer says
/// it, with the program's name first and the way out (plain mode) last.
@Suite struct QuizTerminalMessageTests {
    @Test func aDumbTerminalIsNamedAndPlainModeOffered() {
        let kk = QuizCommand.describe(.termDumb("dumb"), strings: QuizStrings(language: "kk"))
        #expect(kk == "jatta: TERM=dumb терминалы курсорды жылжыта алмайды; jatta quiz --plain қолданыңыз")
        let en = QuizCommand.describe(.termDumb("dumb"), strings: QuizStrings(language: "en"))
        #expect(en == "jatta: the terminal TERM=dumb cannot move the cursor; use jatta quiz --plain")
    }

    @Test(arguments: [TerminalProblem.notATerminal, .termUnset, .termDumb("vt52"), .termUnknown("xyz")])
    func everyProblemNamesTheProgramAndThePlainMode(_ problem: TerminalProblem) {
        for language in ["kk", "en"] {
            let text = QuizCommand.describe(problem, strings: QuizStrings(language: language))
            #expect(text.hasPrefix("jatta: "))
            #expect(text.contains("jatta quiz --plain"))
        }
    }
}
