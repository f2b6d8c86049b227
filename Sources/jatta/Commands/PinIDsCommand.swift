import ArgumentParser
import DeckFormat
import Foundation
import TerminalUI

/// `jatta pin-ids DECK...`: writes each card's current identity into its
/// file as `id:`, so that rewording a prompt later keeps the progress.
struct PinIDsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin-ids",
        abstract: "Write each card's current identity into its deck file as an id: line.",
        discussion: """
            For every card with no id:, adds the line 'id: ID' after the card's last \
            line, ID being the id derived from its prompt; a deck with no namespace: \
            gets 'namespace: NAME' (its file name, which scoped its ids already) after \
            its header. Nothing else in the file changes: comments, layout and order are \
            kept byte for byte. Students keep their progress: it is handed over to the \
            pinned ids the next time they open the deck. Afterwards the prompts can be \
            reworded freely. Two cards with the same prompt, in one file or in two files \
            of one namespace, are left unpinned (one id for both would be an error).

            Exit status: 0 done, 1 a deck has errors (nothing written to it), 2 a path \
            could not be read or written, 64 wrong usage.
            """)

    @Argument(help: "Deck files or folders.")
    var paths: [String]

    @Flag(help: "Say what would be written, change nothing.")
    var dryRun = false

    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        try IDPinner.run(paths: paths, dryRun: dryRun, language: language).finish()
    }
}

/// The logic of `jatta pin-ids`, callable without a process.
enum IDPinner {
    static func run(paths: [String], dryRun: Bool, language: Language) -> DeckRewriteOutcome {
        let loaded = DeckLibrary.load(paths: paths)
        var formatter = DiagnosticFormatter(language: language)
        var outcome = DeckRewriteOutcome()
        for diagnostic in loaded.diagnostics where diagnostic.severity == .error {
            outcome.problems += formatter.format(diagnostic)
        }
        if loaded.hasUnreadablePaths { outcome.status = DeckCheck.unreadable }
        let broken = Set(loaded.diagnostics.filter { $0.severity == .error }.map(\.location.file))
        let taken = IDPinning.takenElsewhere(in: loaded.decks)
        for file in loaded.files {
            // A deck with errors may have lost cards: pinning what is left
            // would hide them. Fix the errors first.
            if broken.contains(file) {
                outcome.status = max(outcome.status, DeckCheck.errorsFound)
                continue
            }
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let result = IDPinning.pin([UInt8](data), file: file, taken: taken[file] ?? [])
            let ns = result.addedNamespace.map { language.pick(kk: ", namespace: \($0) қосылды", en: ", added namespace: \($0)") } ?? ""
            // A dry run says what would be written: "written" read as done.
            let ids = result.pinned.count == 1 ? "id" : "ids"
            outcome.output += dryRun
                ? language.pick(
                    kk: "\(file): \(result.pinned.count) id: жолы жазылар еді\(ns) (--dry-run: файл өзгерген жоқ)",
                    en: "\(file): \(result.pinned.count) \(ids) would be written\(ns) (--dry-run: the file is unchanged)") + "\n"
                : language.pick(
                    kk: "\(file): \(result.pinned.count) id: жолы жазылды\(ns)",
                    en: "\(file): \(result.pinned.count) \(ids) written\(ns)") + "\n"
            for line in result.skippedDuplicates {
                outcome.output += language.pick(
                    kk: "\(file):\(line): бұл сұрақ осы файлда не басқа файлда тағы жазылған (екеуі бір үлгерімді бөліседі), id: жазылмады",
                    en: "\(file):\(line): the same prompt is written again, here or in another file (both share one progress); not pinned") + "\n"
            }
            if dryRun || result.bytes == [UInt8](data) { continue }
            outcome.write(result.bytes, to: file, language: language)
        }
        return outcome
    }
}
