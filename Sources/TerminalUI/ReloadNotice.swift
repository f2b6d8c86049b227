import DeckFormat
import Study

/// The notice after the editor returns and the decks read with errors:
/// the count, the first error's place and message, `jatta check` for the
/// rest, and whether the card on screen kept its last good version.
extension Strings {
    public func reloadNotice(_ problems: ReloadProblems) -> String {
        let first = problems.first
        let place = first.location.line > 0 ? first.location.description : first.location.file
        var text = "\(reloaded): \(reloadErrorCount(problems.errorCount)) — \(place) \(first.message(language: code))"
        if problems.errorCount > 1 { text += "; " + reloadRestHint }
        if problems.keptLastGoodCard { text += ". " + reloadKeptCard }
        return text
    }
}
