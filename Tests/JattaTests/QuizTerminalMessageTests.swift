import Study
import Testing
import TerminalUI

@testable import jatta

/// Why the full-screen quiz cannot start: said like the study trainer says
/// it, with the program's name first and the way out (plain mode) last.
@Suite struct QuizTerminalMessageTests {
    @Test func aDumbTerminalIsNamedAndPlainModeOffered() {
        let kk = Strings.kazakh.terminalProblem(.termDumb("dumb"), plainCommand: QuizCommand.plainCommand)
        #expect(kk == "jatta: TERM=dumb терминалы курсорды жылжыта алмайды; jatta quiz --plain қолданыңыз")
        let en = Strings.english.terminalProblem(.termDumb("dumb"), plainCommand: QuizCommand.plainCommand)
        #expect(en == "jatta: the terminal TERM=dumb cannot move the cursor; use jatta quiz --plain")
    }

    @Test(arguments: [TerminalProblem.notATerminal, .termUnset, .termDumb("vt52"), .termUnknown("xyz")])
    func everyProblemNamesTheProgramAndThePlainMode(_ problem: TerminalProblem) {
        for strings in [Strings.kazakh, .english] {
            let text = strings.terminalProblem(problem, plainCommand: QuizCommand.plainCommand)
            #expect(text.hasPrefix("jatta: "))
            #expect(text.contains("jatta quiz --plain"))
        }
    }

    /// Study and quiz share one wording; only the way out differs.
    @Test(arguments: [TerminalProblem.termUnset, .termDumb("vt52"), .termUnknown("xyz")])
    func studyAndQuizSayTheSameApartFromTheirPlainCommand(_ problem: TerminalProblem) {
        for strings in [Strings.kazakh, .english] {
            let quiz = strings.terminalProblem(problem, plainCommand: QuizCommand.plainCommand)
            let study = strings.terminalProblem(problem, plainCommand: StudyCommand.plainCommand)
            #expect(study.hasSuffix("--plain қолданыңыз") || study.hasSuffix("use --plain"))
            #expect(!study.contains("jatta quiz"))
            #expect(quiz.replacingOccurrences(of: "jatta quiz --plain", with: "--plain") == study)
        }
    }
}
