import ArgumentParser
import Foundation
import ReviewStore
import TerminalUI

/// `jatta unsuspend`: brings suspended cards back into study. Without an id
/// it lists the suspended cards, so a student can find what `!` hid.
struct UnsuspendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsuspend",
        abstract: "List suspended cards, or bring them back into study.",
        discussion: """
            Without an id, lists the suspended cards with their ids. With ids \
            (a card id brings back both of its faces; ID/reverse only the reverse \
            face) or --all, unsuspends them; each is recorded in the review log.
            """)

    @Argument(help: ArgumentHelp("Cards to bring back (ids as `jatta unsuspend` lists them).", valueName: "id"))
    var ids: [String] = []

    @Flag(help: "Bring back every suspended card.")
    var all = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if all, !ids.isEmpty { throw ValidationError(Strings.bothLanguages(\.allOrIDs)) }
    }

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        let outcome: Unsuspension.Outcome
        do {
            guard let store = try database.openExistingStore() else {
                // No database yet: nothing was ever suspended, and an id
                // names no card the store knows.
                let words = language.strings
                Console.line(words.noneSuspended)
                for id in ids { Console.errorLine(words.unknownCard(id)) }
                if !ids.isEmpty { throw ExitCode.failure }
                return
            }
            outcome = try Unsuspension.run(store: store, ids: ids, all: all, now: Date(), language: language)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        if !outcome.output.isEmpty { Console.out(TerminalText.visible(outcome.output)) }
        if !outcome.problems.isEmpty { Console.err(outcome.problems) }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}

/// What `jatta unsuspend` does, on a store given to it, so it is testable.
enum Unsuspension {
    struct Outcome: Equatable {
        /// Standard output.
        var output = ""
        /// Standard error: ids that name no suspended card.
        var problems = ""
        var status: Int32 = 0
    }

    /// Lists (no ids, no `--all`) or unsuspends. An id names a face key or a
    /// card id (all its faces). Unknown ids are reported and make the status
    /// 1; the others are still brought back.
    static func run(store: ProgressStore, ids: [String], all: Bool, now: Date, language: Language) throws -> Outcome {
        let w = language.strings
        // The suspended rows and the named cards only: the command reads
        // nothing of the other cards, however many the store holds.
        let suspended = try store.suspendedKeys().sorted()
        var outcome = Outcome()
        if ids.isEmpty, !all {
            guard !suspended.isEmpty else {
                outcome.output = w.noneSuspended + "\n"
                return outcome
            }
            let cards = try store.registeredCards(keys: suspended)
            outcome.output = w.suspendedHeading + "\n"
            for key in suspended {
                let card = cards[key]
                let prompt = card.map { "  “" + PromptExcerpt.oneLine($0.prompt) + "”" } ?? ""
                outcome.output += "  \(key)  \(card?.deckFile ?? "")\(prompt)\n"
            }
            outcome.output += w.unsuspendHowTo + "\n"
            return outcome
        }
        if all, suspended.isEmpty { outcome.output = w.noneSuspended + "\n" }
        let isSuspended = Set(suspended)
        var chosen: [String] = all ? suspended : []
        for id in ids {
            let faces = try store.registeredFaceKeys(of: id).sorted()
            if faces.isEmpty {
                outcome.problems += w.unknownCard(id) + "\n"
                outcome.status = 1
                continue
            }
            let toBring = faces.filter(isSuspended.contains)
            if toBring.isEmpty { outcome.output += w.notSuspended(id) + "\n" }
            chosen += toBring
        }
        var seen = Set<String>()
        for key in chosen where seen.insert(key).inserted {
            try store.unsuspend(key: key, at: now)
            outcome.output += w.unsuspendedCard(key) + "\n"
        }
        return outcome
    }
}
