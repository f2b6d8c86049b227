import ArgumentParser
import Foundation
import KazakhText
import TerminalUI

/// A hint for a mistyped command: `jatta chek decks` runs the default
/// command (study) on a path "chek" that does not exist, and "cannot read
/// 'chek'" alone sends the student looking for a file. A missing path that
/// is a bare word (no `/`, no `.`) near a command's name gets a line naming
/// that command.
enum CommandNameHint {
    /// The names the root command answers to (each command's name and
    /// aliases).
    static var names: [String] {
        Jatta.configuration.subcommands.flatMap { command in
            [command._commandName] + command.configuration.aliases
        }
    }

    /// The hint for `path`, a path a command could not find, in `language`;
    /// nil when the path exists, looks like a path, or is near no command.
    static func hint(for path: String, language: Language) -> String? {
        guard !path.isEmpty, !path.contains("/"), !path.contains("."), !FileManager.default.fileExists(atPath: path)
        else { return nil }
        let word = path.lowercased()
        // The start of a name (`hist` for history) first, else the name
        // fewest edits away, within two (one for short names).
        let started = names.filter { word.count >= 3 && $0.hasPrefix(word) }
        let near = names.map { (name: $0, edits: EditDistance.distance(word, $0)) }
            .filter { $0.edits <= min(2, $0.name.count / 3 + 1) }
        guard let best = started.min(by: { $0.count < $1.count }) ?? near.min(by: { $0.edits < $1.edits })?.name
        else { return nil }
        let shown = TerminalText.oneLine(path)
        return language.pick(
            kk: "jatta: «\(shown)» — бұл jatta командасы емес; мүмкін, jatta \(best) деп жазғыңыз келген шығар (барлық команда: jatta --help)",
            en: "jatta: '\(shown)' is not a jatta command; did you mean jatta \(best)? (jatta --help lists them)")
    }
}
