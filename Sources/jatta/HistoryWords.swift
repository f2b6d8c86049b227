import FSRS
import ReviewStore
import TerminalUI

/// The words of `jatta history`'s text output in one interface language.
/// The JSON output keeps the English names: it is read by programs.
struct HistoryWords: Sendable {
    /// The line above the entries naming what each one holds, in order.
    var heading: String
    var empty: String
    /// `--card ID` of a card the store knows but that has no entry yet.
    var cardNotAnswered: @Sendable (_ key: String) -> String
    /// `--card ID` of a card the store has never seen: most likely a
    /// mistyped id, which "nothing recorded yet" would hide.
    var unknownCard: @Sendable (_ key: String) -> String
    var kinds: [ReviewKind: String]
    var ratings: [Rating: String]
    var states: [SchedulingState: String]
    var due: @Sendable (_ state: String, _ time: String) -> String
    var undoes: @Sendable (_ id: String) -> String
    var undoneBy: @Sendable (_ id: Int64) -> String
    var buriedUntil: @Sendable (_ time: String) -> String
    var unburied: String

    func kind(_ kind: ReviewKind) -> String { kinds[kind] ?? kind.rawValue }
    func rating(_ rating: Rating) -> String { ratings[rating] ?? HistoryFormat.ratingName(rating) }
    func state(_ state: SchedulingState) -> String { states[state] ?? HistoryFormat.stateName(state) }

    /// The grade names the study screen's buttons use, so history and
    /// trainer call a grade the same.
    private static func ratingNames(_ name: (Rating) -> String) -> [Rating: String] {
        Dictionary(uniqueKeysWithValues: Rating.allCases.map { ($0, name($0)) })
    }

    static func of(_ language: Language) -> HistoryWords { language == .kk ? kazakh : english }

    static let english = HistoryWords(
        heading: "#id  time  kind  [rating  duration]  card  deck file  result  [undone]  prompt",
        empty: "Nothing recorded yet.",
        cardNotAnswered: { "Nothing recorded yet for \($0)." },
        unknownCard: { "No card \($0) in the progress database (jatta find WORD shows a card's id)." },
        kinds: [
            .study: "study", .quiz: "quiz", .override: "override", .undo: "undo", .suspend: "suspend",
            .unsuspend: "unsuspend", .bury: "bury", .adopt: "adopt",
        ],
        // Lower case like the other English columns (and the JSON names).
        ratings: ratingNames { Strings.english.label($0).lowercased() },
        states: [.learning: "learning", .review: "review", .relearning: "relearning"],
        due: { "→ \($0), due \($1)" },
        undoes: { "undoes #\($0)" },
        undoneBy: { "(undone by #\($0))" },
        buriedUntil: { "until \($0)" },
        unburied: "unburied")

    static let kazakh = HistoryWords(
        heading: "#id  уақыт  түрі  [баға  ұзақтығы]  карта  десте файлы  нәтиже  [қайтарылған]  сұрақ",
        empty: "Әзірге ештеңе жазылмаған.",
        cardNotAnswered: { "\($0) бойынша әзірге ештеңе жазылмаған." },
        unknownCard: { "Үлгерім дерекқорында \($0) картасы жоқ (картаның id-ін jatta find СӨЗ көрсетеді)." },
        kinds: [
            .study: "жаттау", .quiz: "тест", .override: "түзету", .undo: "қайтару", .suspend: "кідірту",
            .unsuspend: "кідіртуден шығару", .bury: "тығу", .adopt: "көшіру",
        ],
        ratings: ratingNames { Strings.kazakh.label($0) },
        states: [.learning: "үйренуде", .review: "қайталауда", .relearning: "қайта үйренуде"],
        due: { "→ \($0), мерзімі \($1)" },
        undoes: { "#\($0) жазбасын қайтарады" },
        undoneBy: { "(#\($0) қайтарды)" },
        buriedUntil: { "\($0) дейін" },
        unburied: "тығу алынды")
}
