/// Whether a line reads as an exam question or task: it asks (`?`, a
/// question word) or bids (the polite imperative `-ңыз/-ңіз`, `-ңдар/-ңдер`
/// of «анықтаңыз», «түсіндіріңдер»). Used where nothing else marks a line
/// as a question: the unnumbered items under a level heading, and the
/// lists whose heading stands outside a «Деңгейлік тапсырмалар» section.
enum QuestionShape {
    /// Question words that ask without a question mark in notes that
    /// drop it (`… әсері қандай`).
    static let questionWords: Set<String> = [
        "қандай", "қалай", "неге", "неліктен", "не", "нені", "неден", "қашан", "қай", "қайда", "кім", "кімдер",
        "қанша", "қандай", "ма", "ме", "ба", "бе", "па", "пе", "ше",
    ]

    /// Endings of the imperative a task is worded in.
    static let imperativeEndings = ["ңыз", "ңіз", "ңдар", "ңдер", "ңыздар", "ңіздер"]

    static func asks(_ text: some StringProtocol) -> Bool {
        if text.contains("?") { return true }
        for word in text.split(whereSeparator: { !$0.isLetter && $0 != "-" }) {
            let lower = word.lowercased()
            if questionWords.contains(lower) { return true }
            if imperativeEndings.contains(where: { lower.hasSuffix($0) }) { return true }
        }
        return false
    }
}
