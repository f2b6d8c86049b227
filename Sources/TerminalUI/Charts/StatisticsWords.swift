/// The words of the statistics report, in the interface language.
public struct StatisticsWords: Hashable, Sendable {
    /// Section titles.
    public var today, knowledge, futureDue, calendar, retention, hardest, quizzes: String
    /// Column heads of the knowledge table (five columns at most, so that
    /// the table fits 60 columns).
    public var deck, level, new, learning, young, mature, suspended, buried, total, known: String
    /// Column heads of the retention table and its period names (today … all time).
    public var passedFailed: String
    /// Period names, in `StudyStatistics.trueRetention` order.
    public var periods: [String]
    /// Weekday initials, Monday first.
    public var weekdays: [String]
    /// "all decks" in the knowledge table.
    public var allDecks: String
    /// Shown for a section with nothing in it.
    public var nothingYet: String
    /// Column heads of the hardest cards and quiz tables.
    /// `score`: what a quiz line counts, the answers right of those given
    /// (not the quiz's own score, whose partial credit and unanswered
    /// questions the log does not hold: "Score 1/2 (50%)" stood beside the
    /// report's 13% after the time ran out).
    public var lapses, retrievability, score: String
    /// Today's line: cards, answers, share correct (%), minutes, streak days.
    public var todayLine: @Sendable (Int, Int, Int, Int, Int) -> String
    /// The backlog and the busiest day's count, under the future-due bars.
    public var futureLine: @Sendable (Int, Int) -> String
    /// The busiest day's answers, under the calendar.
    public var calendarLine: @Sendable (Int) -> String
    /// The statistics screen's title, its keys, and what it shows while
    /// the store is read.
    public var screenTitle, screenKeys, loading: String

    public static func == (a: Self, b: Self) -> Bool { a.today == b.today && a.weekdays == b.weekdays }
    public func hash(into hasher: inout Hasher) { hasher.combine(today) }

    /// Kazakh.
    public static let kazakh = StatisticsWords(
        today: "Бүгін", knowledge: "Қазіргі білім", futureDue: "Алдағы 30 күннің қайталаулары",
        calendar: "Соңғы 26 аптаның жауаптары", retention: "Нақты есте сақтау (өтті/құлады)",
        hardest: "Ең қиын карталар", quizzes: "Тесттер",
        deck: "Десте", level: "Д", new: "Жаңа", learning: "Үйр.", young: "Жас", mature: "Берік",
        suspended: "Тоқт.", buried: "Көм.", total: "Барлығы", known: "Есте",
        passedFailed: "жас / берік / барлығы",
        periods: ["бүгін", "кеше", "апта", "ай", "жыл", "барлығы"],
        weekdays: ["Дс", "Сс", "Ср", "Бс", "Жм", "Сн", "Жк"], allDecks: "барлық десте",
        nothingYet: "әзірге жоқ", lapses: "Ұмыт.", retrievability: "R", score: "дұрыс жауап",
        todayLine: { cards, answers, percent, minutes, streak in
            "\(cards) карта, \(answers) жауап, \(percent)% дұрыс, \(minutes) мин; қатарынан \(streak) күн"
        },
        futureLine: { backlog, top in "кешіккен: \(backlog); ең көбі бір күнде: \(top)" },
        calendarLine: { top in "ең көбі бір күнде: \(top) жауап" },
        screenTitle: "Статистика", screenKeys: "↑↓ беттер · h ең қиындарын оқу · q артқа · ? анықтама",
        loading: "Есептелуде…")

    /// English.
    public static let english = StatisticsWords(
        today: "Today", knowledge: "Knowledge now", futureDue: "Reviews due in the next 30 days",
        calendar: "Answers over the last 26 weeks", retention: "True retention (passed/failed)",
        hardest: "Hardest cards", quizzes: "Quizzes",
        deck: "Deck", level: "L", new: "New", learning: "Learn", young: "Young", mature: "Mat.",
        suspended: "Susp.", buried: "Bur.", total: "Total", known: "Known",
        passedFailed: "young / mature / total",
        periods: ["today", "yesterday", "week", "month", "year", "all time"],
        weekdays: ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"], allDecks: "all decks",
        nothingYet: "nothing yet", lapses: "Lapses", retrievability: "R", score: "right of the answered",
        todayLine: { cards, answers, percent, minutes, streak in
            "\(cards) card\(cards == 1 ? "" : "s"), \(answers) answer\(answers == 1 ? "" : "s"), "
                + "\(percent)% correct, \(minutes) min; \(streak)-day streak"
        },
        futureLine: { backlog, top in "backlog: \(backlog); busiest day: \(top)" },
        calendarLine: { top in "busiest day: \(top) answer\(top == 1 ? "" : "s")" },
        screenTitle: "Statistics", screenKeys: "↑↓ pages · h study the hardest · q back · ? help",
        loading: "Computing…")

    /// The words for a language.
    public static func of(_ language: Language) -> StatisticsWords {
        language == .kk ? .kazakh : .english
    }
}
