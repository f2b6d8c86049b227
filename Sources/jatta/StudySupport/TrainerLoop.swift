import DeckFormat
import Foundation
import ReviewStore
import Study
import TerminalUI

/// What the full-screen and the plain loop share: the trainer's state and
/// what carrying out its effects needs. The loops differ only in how they
/// show the state and read the student's input.
protocol TrainerLoop {
    var state: TrainerState { get set }
    var performer: EffectPerformer { get }
    /// Reads the decks again, with every problem found.
    var reloadDecks: () -> DeckLibrary.Result { get }
    var environment: [String: String] { get }
    /// The interface strings (history and store messages are given in their language).
    var strings: Strings { get }
}

extension TrainerLoop {
    /// English unless the loop says otherwise.
    var strings: Strings { .english }

    /// Before a stop signal, a lost terminal or the end of input ends the
    /// session: an answer already checked (the student saw the verdict) is
    /// recorded as q records it, with the grade shown as suggested. A card
    /// not yet checked is left unanswered. A failure to record is not
    /// reported: the session ends with the status it was ending with.
    mutating func keepCheckedAnswerOnLeaving() {
        guard case .study = state.mode else { return }
        state.showsHelp = false
        _ = try? apply(.quit) { _ in }
    }

    /// Feeds one action to the trainer and carries out its effects: store
    /// effects through the performer, editing a card in the student's editor
    /// (`handOver` runs the editor, giving it the terminal if the loop holds
    /// one), then re-reading and re-registering the decks and
    /// reporting their errors. Returns true when
    /// the student quit; throws when the store fails, so the loop stops
    /// before showing a card whose answer could not be saved
    /// (`UnrecordedAction` when what failed was recording the action).
    mutating func apply(_ action: TrainerAction, handingTerminalTo handOver: (() -> Void) -> Void) throws -> Bool {
        let now = Date()
        let (next, effects) = Trainer.update(state, TrainerEvent(action, at: now))
        state = next
        for effect in effects {
            do {
                if try performer.perform(effect, at: now) { continue }
            } catch let error as StoreError {
                guard case .undoConflict(let key) = error.kind else { throw UnrecordedAction(error: error) }
                // Another session changed the card: the answer stays, the
                // session goes on with the card as the store has it.
                let current = try performer.store.schedules(for: [key])[key]
                report(.undoRefused(key: key, current: current))
                continue
            }
            switch effect {
            case .quit:
                return true
            case .loadHistory(let keys):
                let entries = try CardHistoryLoading.entries(
                    store: performer.store, keys: keys, language: Language(rawValue: strings.code) ?? .en)
                state = Trainer.update(state, TrainerEvent(.historyLoaded(keys: keys, entries), at: Date())).0
            case .loadStatistics(let filter):
                showStatistics(filter)
            case .edit(let location):
                let environment = environment
                var outcome = EditorOutcome.saved
                handOver { outcome = Editor.open(location, environment: environment) }
                switch outcome {
                case .saved:
                    let library = reloadDecks()
                    let decks = library.decks.filter { !$0.cards.isEmpty }
                    let errors = library.diagnostics.filter { $0.severity == .error }
                    try performer.reregister(decks, at: Date())
                    state = Trainer.update(state, TrainerEvent(.reload(decks, errors: errors), at: Date())).0
                case .notFound(let command):
                    report(.editorNotFound(command: command))
                case .failed(let command, let status):
                    report(.editorFailed(command: command, status: status))
                }
            case .setExam(let date, let deckFiles):
                let update: ExamUpdate
                do {
                    update = try ExamSetup.set(
                        date: date, deckFiles: deckFiles, store: performer.store, catalog: state.catalog,
                        scheduler: state.scheduler, limits: state.limits, now: Date())
                } catch let error as StoreError {
                    throw UnrecordedAction(error: error)
                }
                state = Trainer.update(state, TrainerEvent(.examChanged(update), at: Date())).0
            default:
                break
            }
        }
        return false
    }

    /// Tells the trainer when the clock has passed the study day's rollover,
    /// so a session left open overnight counts and queues for the new day.
    mutating func followClock() {
        let now = Date()
        guard now >= state.dayEnd else { return }
        let day = StudySetup.day(of: now, timeZone: LocalTimeZone.current)
        state = Trainer.update(state, TrainerEvent(.newDay(dayEnd: day.end), at: now)).0
    }

    /// Reads the statistics of `filter`'s cards and hands them to the
    /// screen; a store that cannot give them is reported, and the trainer
    /// goes on (nothing is lost by not showing figures).
    mutating func showStatistics(_ filter: StudyFilter) {
        let now = Date()
        let decks = state.catalog.decks
        do {
            // The session's connection keeps the pages the figures read, so
            // opening the screen again does not read them from the file again.
            // Only a saving: a store that cannot is reported by the reads below.
            try? performer.store.keepPagesCached(megabytes: ProgressStore.statisticsCacheMegabytes)
            let figures = try StatisticsLoading.figures(
                store: performer.store, scope: StatisticsLoading.scope(filter, decks: decks), decks: decks, now: now,
                timeZone: LocalTimeZone.current)
            state = Trainer.update(state, TrainerEvent(.showStatistics(figures), at: now)).0
        } catch let error as StoreError {
            report(.statisticsUnavailable(reason: error.message(language: strings.code)))
        } catch {
            report(.statisticsUnavailable(reason: "\(error)"))
        }
    }

    /// Tells the trainer an effect did not go as asked.
    mutating func report(_ outcome: EffectOutcome) {
        state = Trainer.update(state, TrainerEvent(.effectFailed(outcome), at: Date())).0
    }
}
