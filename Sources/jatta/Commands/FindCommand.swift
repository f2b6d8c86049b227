import ArgumentParser
import DeckFormat
import Foundation
import ReviewStore
import Study
import TerminalUI

/// `jatta find WORD [DECK|DIR ...]`: the cards holding a word, with where
/// each face stands, as `/` on the home screen finds them.
struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find cards by a word of their prompt or answer, with their schedule.",
        discussion: """
            Сұрағында немесе жауабында СӨЗ бар карталарды кестесімен (кезеңі, мерзімі, ұмытылуы, \
            кідіртілгені) көрсетеді; бас әріп пен кіші әріп бірдей. \
            Lists the cards whose prompt or answer holds WORD (capitals or not, Latin look-alike \
            letters inside Kazakh words count as the Kazakh ones), each with its id, place, and \
            where each face stands: stage, due date, lapses, suspended. `jatta history --card ID` \
            shows a card's history, `jatta unsuspend ID` brings a suspended card back, and \
            `jatta study --search WORD [--practice]` studies the cards found.

            Exit status: 0 cards found, 1 none found, 64 an empty word, 66 a deck path could not be read.
            """)

    /// The word looked for.
    @Argument(help: ArgumentHelp("The word to look for (іздейтін сөз).", valueName: "word"))
    var word: String

    /// The decks searched.
    @Argument(help: "Deck files or folders (default: ./decks, else the installed decks).")
    var paths: [String] = []

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        // The rule `study --search` follows: what is left to match once
        // folded (`CardSearch.fold`) must not be empty.
        if CardSearch.fold(word).isEmpty {
            throw ValidationError(CustomStudyStrings.bothLanguages(\.emptyFindWord))
        }
    }

    func run() throws {
        let environment = ProcessEnvironment.variables
        let language = languageOptions.resolved(environment: environment)
        let host = SessionHost(environment: environment, language: language, plainCommand: StudyCommand.plainCommand)
        let library = SessionHost.loadDecks(paths: SessionHost.deckPaths(paths))
        host.reportDeckErrors(library)
        if library.hasUnreadablePaths, !paths.isEmpty { throw ExitCode(66) }
        let decks = library.decks.filter { !$0.cards.isEmpty }
        let progress: ProgressSnapshot
        do {
            progress = try database.openExistingStore().map { store in
                try CardAdoption.withPendingHandOvers(StudySetup.progress(store: store, decks: decks), store: store, decks: decks)
            } ?? ProgressSnapshot()
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        var catalog = StudyCatalog(decks: decks, progress: progress)
        catalog.keysAreDistinct = library.idsAreDistinct
        let outcome = CardFinding.run(word: word, catalog: catalog, now: Date(), language: language)
        Console.out(outcome.output)
        if !outcome.errorOutput.isEmpty { Console.err(outcome.errorOutput) }
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}

/// What `jatta find` prints, on decks and progress given to it, so it is
/// testable without a process.
enum CardFinding {
    struct Outcome: Equatable {
        /// Standard output.
        var output: String
        /// 0 when a card was found, else 1 (as grep).
        var status: Int32
        /// Standard error: that no card holds the word (a non-zero status
        /// comes with its message there, docs/exit-codes.md).
        var errorOutput = ""
    }

    static func run(word: String, catalog: StudyCatalog, now: Date, language: Language) -> Outcome {
        let strings = language.strings
        let words = CustomStudyStrings(language: language.rawValue)
        let matches = CardSearch.matches(word, in: catalog)
        guard !matches.isEmpty else {
            return Outcome(output: "", status: 1, errorOutput: TerminalText.visible(words.nothingFound(word)) + "\n")
        }
        var output = ""
        for match in matches {
            let card = match.card
            let prompt = card.prompt.split(whereSeparator: \.isNewline).joined(separator: " ")
            // The file name comes from outside too: the whole line is made visible.
            output += TerminalText.visible("\(card.location)  \(card.id.rawValue)  “\(prompt)”") + "\n"
            for face in match.faces {
                output += "    " + words.status(face, now: now, strings: strings) + "\n"
            }
        }
        output += words.found(matches.count) + ". " + words.findHowTo + "\n"
        return Outcome(output: output, status: 0)
    }
}
