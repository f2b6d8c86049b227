import DeckFormat
import FSRS
import Foundation
@testable import Study

/// Decks and states shared by the study tests.
enum Fixtures {
    /// 2026-03-02 10:00 UTC: a fixed "now".
    static let now = Date(timeIntervalSince1970: 1_772_445_600)
    /// The study day ends at 04:00 UTC the next morning.
    static let dayEnd = Date(timeIntervalSince1970: 1_772_510_400)

    static let text = """
        # Сынақ
        lang: kk

        ## Глоссарий

        T: Режим
        D: Мемлекеттердің келісілген нормалары мен қағидалары.

        ## Сұрақтар

        Q: Қазақстанның астанасы?
        A: Астана
        level: 1

        Q: Капитализмнің ең соңғы сатысы?
        * Империализм
        - Неоколониализм
        - Гегемония

        C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.

        Q: Неолиберализм мен либерализмнің айырмашылығы?
        A: Институттардың рөлі.
        - институттар
        - ынтымақтастық
        - режимдер
        level: 2
        tags: салыстыру
        """

    static func deck(_ source: String = text, file: String = "decks/test.deck") -> Deck {
        DeckParser.parse(Array(source.utf8), file: file).deck
    }

    static func scheduler() -> Scheduler {
        // Fuzz off and whole days: the tests compare with the scheduler's own
        // output, and a fixed day count keeps "due today" unambiguous.
        (try? Scheduler(SchedulerConfiguration(enableFuzz: false, dayCounting: .anki(timeZone: .gmt))))!
    }

    static func state(_ decks: [Deck] = [deck()], progress: ProgressSnapshot = ProgressSnapshot(), limits: StudyLimits = StudyLimits())
        -> TrainerState
    {
        TrainerState(
            catalog: StudyCatalog(decks: decks, progress: progress), scheduler: scheduler(), limits: limits,
            dayEnd: dayEnd, now: now)
    }

    /// Applies actions one after another, `step` seconds apart, collecting
    /// the effects.
    static func run(_ state: TrainerState, _ actions: [TrainerAction], from start: Date = now, step: TimeInterval = 5)
        -> (TrainerState, [TrainerEffect])
    {
        var s = state
        var all: [TrainerEffect] = []
        var t = start
        for action in actions {
            let (next, effects) = Trainer.update(s, TrainerEvent(action, at: t))
            s = next
            all += effects
            t = t.addingTimeInterval(step)
        }
        return (s, all)
    }

    static func records(_ effects: [TrainerEffect]) -> [ReviewRecord] {
        effects.compactMap { if case .record(let r) = $0 { r } else { nil } }
    }
}
