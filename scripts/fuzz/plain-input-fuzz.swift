import DeckFormat
import FSRS
import Foundation
import Study
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// A deck with every kind of card, so that each plain-mode screen is met.
let fuzzDeck = DeckParser.parse(
    """
    # Fuzz
    Q: Неолиберализм дегеніміз не?
    A: Ынтымақтастық теориясы.
    - халықаралық институттар

    T: Режим
    D: Келісілген нормалар жиынтығы.

    Q: Қайсысы империализм?
    * Империализм
    - Неоколониализм
    - Гегемония

    C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.

    Q: Гегемония туралы айтыңыз.
    A: Бір мемлекеттің үстемдігі.
    - үстемдік
    - ықпал
    level: 2
    """, file: "fuzz.deck"
).deck
let fuzzScheduler = try! Scheduler(SchedulerConfiguration())  // fixed, valid configuration
let fuzzStart = Date(timeIntervalSince1970: 1_795_000_000)
/// The session every input starts from, built once: the state is a value,
/// so each input gets its own copy, and the catalog is not indexed again
/// per input.
let fuzzStartedState = Trainer.update(
    TrainerState(
        catalog: StudyCatalog(decks: [fuzzDeck]), scheduler: fuzzScheduler, dayEnd: fuzzStart.addingTimeInterval(86_400),
        now: fuzzStart),
    TrainerEvent(.startAll, at: fuzzStart)
).0

/// libFuzzer entry point for plain-mode input: each input line is read as
/// a student's line through `PlainMode.actions` and applied to a study
/// session with `Trainer.update`, and every screen is rendered and made
/// safe for the terminal. Nothing may crash (a 20-digit number once
/// trapped), and no control character may survive `TerminalText.visible`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlainInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var state = fuzzStartedState
    var plain = PlainMode(strings: Language.kk.strings)
    var now = fuzzStart
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(64) {
        now = now.addingTimeInterval(7)
        for action in plain.actions(forLine: String(line), in: state) {
            state = Trainer.update(state, TrainerEvent(action, at: now)).0
        }
        let screen = TerminalText.visible(plain.render(state))
        if screen.unicodeScalars.contains(where: { TerminalText.needsReplacing($0, keepingLineBreaks: true) }) { abort() }
        // The same line wrapped as the full screen would, at a narrow width.
        _ = TextWrap.lines(String(line), width: 1 + line.utf8.count % 40)
    }
    return 0
}
