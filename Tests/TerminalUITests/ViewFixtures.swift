import DeckFormat
import FSRS
import Foundation
import Study

@testable import TerminalUI

enum ViewFixtures {
    static let now = Date(timeIntervalSince1970: 1_772_445_600)
    static let dayEnd = Date(timeIntervalSince1970: 1_772_510_400)

    static func deck(_ text: String, file: String = "decks/a.deck") -> Deck {
        DeckParser.parse(Array(text.utf8), file: file).deck
    }

    static func scheduler() -> Scheduler {
        (try? Scheduler(SchedulerConfiguration(enableFuzz: false, dayCounting: .anki(timeZone: .gmt))))!
    }

    static func state(_ decks: [Deck]) -> TrainerState {
        TrainerState(catalog: StudyCatalog(decks: decks), scheduler: scheduler(), dayEnd: dayEnd, now: now)
    }

    static func run(_ state: TrainerState, _ actions: [TrainerAction]) -> TrainerState {
        actions.reduce(state) { Trainer.update($0, TrainerEvent($1, at: now)).0 }
    }

    static func render(_ state: TrainerState, _ width: Int, _ height: Int, _ strings: Strings = .kazakh) -> String {
        TrainerView.view(state, size: TerminalSize(width: width, height: height), strings: strings).text
    }
}
