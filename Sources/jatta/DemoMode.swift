import TerminalUI

/// `jatta study --demo`: studying into an empty progress store held in
/// memory, so a first try-out never writes into the student's real progress
/// and leaves nothing on disk, however the session ends.
enum DemoMode {
    /// Said when the demo starts (before the trainer takes the screen) and
    /// again when it ends.
    static func notice(language: Language) -> String {
        language.pick(
            kk: "jatta: демо режимі: жауаптар тек жадта сақталады және соңында жойылады; нағыз прогресіңізге тиіспейді.",
            en: "jatta: demo: answers are kept in memory only and forgotten at the end; your real progress is not touched.")
    }
}
