import DeckFormat
import Study

/// The notice after the editor returns and the decks read with errors:
/// the count, the first error's place and message, `jatta check` for the
/// rest, and whether the card on screen kept its last good version.
extension Strings {
    public func reloadNotice(_ problems: ReloadProblems) -> String {
        let first = problems.first
        let place = first.location.line > 0 ? first.location.description : first.location.file
        let message = first.message(language: code)
        let rest = problems.errorCount - 1
        if code == "kk" {
            var text = "\(reloaded): \(problems.errorCount) қате — \(place) \(message)"
            if rest > 0 { text += "; қалғаны: jatta check" }
            if problems.keptLastGoodCard { text += ". Бұл карта осы сессияда соңғы дұрыс нұсқасымен қалды" }
            return text
        }
        var text = "\(reloaded): \(problems.errorCount) error\(problems.errorCount == 1 ? "" : "s") — \(place) \(message)"
        if rest > 0 { text += "; jatta check shows the rest" }
        if problems.keptLastGoodCard { text += ". This card keeps its last good version for this session" }
        return text
    }
}
