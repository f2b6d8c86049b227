import Foundation
import Study

/// The quiz screen's words in the two interface languages.
public struct QuizStrings: Sendable {
    /// Whether the interface is Kazakh (else English).
    public let kazakh: Bool

    /// Kazakh for a language code starting with `kk`, English otherwise.
    public init(language: String) { kazakh = language.lowercased().hasPrefix("kk") }

    func t(_ kk: String, _ en: String) -> String { kazakh ? kk : en }

    /// A message shown before the interface language is known (argument
    /// errors), in the order every bilingual message uses.
    public static func bothLanguages(_ text: KeyPath<QuizStrings, String>) -> String {
        Strings.bothLanguages(kk: QuizStrings(language: "kk")[keyPath: text], en: QuizStrings(language: "en")[keyPath: text])
    }

    /// `--count` below one.
    public var countTooSmall: String { t("--count кемінде 1", "--count must be at least 1") }
    /// `--time` not a positive number of minutes up to a day.
    public var timeOutOfRange: String {
        t("--time 0-ден үлкен, 1440-тан (бір тәулік) аспайтын минут болуы керек", "--time must be more than 0 and at most 1440 minutes (a day)")
    }

    public var title: String { t("Сынақ", "Quiz") }
    public var practice: String { t("жаттығу", "practice") }
    public func questionOf(_ n: Int, _ total: Int) -> String { t("Сұрақ \(n)/\(total)", "Question \(n)/\(total)") }
    public func level(_ n: Int) -> String { t("\(n)-деңгей", "level \(n)") }
    public var answerLabel: String { t("Жауап: ", "Answer: ") }
    public var severalGaps: String {
        t("Бос орындардың жауаптарын «;» арқылы жазыңыз.", "Separate the answers of the gaps with “;”.")
    }
    public var pickAll: String { t("Дұрыс нұсқалардың бәрін белгілеңіз.", "Pick every correct option.") }
    public var modelAnswer: String { t("Үлгі жауап:", "Model answer:") }
    public var keyPoints: String { t("Қамтыған негізгі ойларыңызды белгілеңіз:", "Tick the key points you covered:") }
    public var answer: String { t("Жауабы:", "Answer:") }
    public var revealHint: String { t("Ойланып болған соң Enter — жауапты ашу", "Think it over, then Enter to reveal the answer") }

    public var keysTyped: String { t("Enter жіберу · Tab өткізу · Esc тоқтату", "Enter submit · Tab skip · Esc stop") }
    public var keysChoice: String {
        t("1–9 / ↑↓ Space таңдау · Enter жіберу · Tab өткізу · Esc тоқтату",
          "1–9 / ↑↓ Space pick · Enter submit · Tab skip · Esc stop")
    }
    public var keysReveal: String { t("Enter ашу · Tab өткізу · Esc тоқтату", "Enter reveal · Tab skip · Esc stop") }
    public var keysKeyPoints: String {
        t("1–9 / Space белгілеу · Enter жіберу · Esc тоқтату", "1–9 / Space tick · Enter submit · Esc stop")
    }
    public var tooSmall: String { t("Терминал тым кішкентай (кемі 20×6)", "Terminal too small (need 20×6)") }
    public var confirmStop: String {
        t("Тоқтату үшін Esc-ті тағы басыңыз; басқа перне — жалғастыру.",
          "Press Esc again to stop the quiz; any other key carries on.")
    }
    public var keysNext: String { t("Enter келесі", "Enter next") }
    public var missedKeyPoints: String { t("Қамтылмаған ойлар:", "Key points not covered:") }
    public var keysSelfGrade: String { t("1 білмедім · 2 білдім · Esc тоқтату", "1 did not know · 2 knew it · Esc stop") }
    public var keysFeedback: String { t("Enter келесі · R мен дұрыс едім", "Enter next · R I was right") }
    /// The report's hints when there is no mistake to select, study or overrule.
    public var keysReportClean: String { t("Q шығу", "Q quit") }
    public var keysReport: String {
        t("↑↓ таңдау · S қателерді жаттау · R мен дұрыс едім · Q шығу",
          "↑↓ select · S study mistakes · R I was right · Q quit")
    }
    /// The report's hints on a mistake "I was right" cannot turn (a choice,
    /// an open question, one turned already): R did nothing there.
    public var keysReportNoOverrule: String {
        t("↑↓ таңдау · S қателерді жаттау · Q шығу", "↑↓ select · S study mistakes · Q quit")
    }

    public func outcome(_ o: QuizOutcome) -> String {
        switch o {
        case .correct: t("Дұрыс", "Correct")
        case .accepted: t("Қабылданды", "Accepted")
        case .partial: t("Жартылай", "Partly right")
        case .wrong: t("Қате", "Wrong")
        case .skipped: t("Өткізілді", "Skipped")
        case .unanswered: t("Жауап берілмеді", "Not answered")
        }
    }

    /// After the store failed during the quiz: how many of its answers it
    /// does not hold (the quiz went on, for its score and report).
    public func answersNotRecorded(_ n: Int) -> String {
        t("Бұл тесттің \(n) жауабы жазылмады.", n == 1 ? "1 answer of this quiz was not recorded." : "\(n) answers of this quiz were not recorded.")
    }

    public var overruled: String { t("(мен дұрыс едім)", "(I was right)") }

    /// The verdict line of an answered question, on screen and in the
    /// report alike: the outcome, "(I was right)" when overruled, then the
    /// reason, whose own opening word is not said again ("Wrong — Wrong.
    /// The answer is …" was).
    public func verdict(_ o: QuizOutcome, overruled isOverruled: Bool, reason: String) -> String {
        let word = outcome(o)
        var line = word
        if isOverruled { line += " " + overruled }
        let said = reason.hasPrefix(word + ". ") ? String(reason.dropFirst(word.count + 2)) : reason
        if !said.isEmpty { line += " — " + said }
        return line
    }
    public var rightAnswer: String { t("Дұрыс жауап: ", "Right answer: ") }
    public var yourAnswer: String { t("Сіздің жауабыңыз: ", "Your answer: ") }
    public var source: String { t("Дереккөзі: ", "Source: ") }

    public func ended(_ reason: QuizEndReason) -> String {
        switch reason {
        case .completed: t("Сынақ аяқталды", "Quiz finished")
        case .timeUp: t("Уақыт бітті", "Time is up")
        case .stopped: t("Сынақ тоқтатылды", "Quiz stopped")
        }
    }

    public func score(_ s: QuizScore) -> String {
        t("Нәтиже: \(Self.points(s.credit)) / \(s.total) (\(s.percent)%)",
          "Score: \(Self.points(s.credit)) / \(s.total) (\(s.percent)%)")
    }

    public func levelScore(_ level: Int, _ s: QuizScore) -> String {
        "\(self.level(level)): \(Self.points(s.credit)) / \(s.total) (\(s.percent)%)"
    }

    /// The timer in the header: whole seconds left, rounded up so it shows
    /// 0:00 only when the time is really out.
    public func timeLeft(_ seconds: TimeInterval) -> String {
        t("Қалды ", "Left ") + Self.clock(seconds.rounded(.up))
    }
    public func timeTaken(_ seconds: TimeInterval) -> String { t("Уақыт: ", "Time: ") + Self.clock(seconds) }
    public func seed(_ seed: UInt64) -> String { t("Кездейсоқтық кілті (--seed): \(seed)", "Seed (--seed): \(seed)") }
    public func mistakes(_ n: Int) -> String { n == 0 ? t("Қате жоқ.", "No mistakes.") : t("Қателер (\(n)):", "Mistakes (\(n)):") }
    public var noQuestions: String {
        t("Бұл таңдауға сай сұрақ жоқ (деңгейді не тегті тексеріңіз).", "No questions match (check the level or tag).")
    }
    /// The quiz is empty because its multiple-choice cards have only
    /// correct options: the level and tag were not the problem.
    public func noQuestionsOnlyCorrectOptions(_ count: Int) -> String {
        t(
            "Сұрақ жоқ: \(count) таңдау картасының барлық нұсқасы дұрыс деп белгіленген (*), таңдайтын қате нұсқа жоқ. Әр картаға «- » арқылы кемінде бір қате нұсқа қосыңыз.",
            "No questions: the \(count) multiple-choice \(count == 1 ? "card has" : "cards have") only correct options (*), so there is nothing to choose between. Add at least one wrong option (“- ”) to each.")
    }
    public var overruledNotice: String { t("Жауабыңыз дұрыс деп есептелді.", "Your answer now counts as right.") }

    /// Points with at most one decimal: `3`, `3.5`.
    /// A score's points to hundredths, without trailing zeros: a quarter
    /// of an open question's key points is 0.25 (in tenths it read
    /// "0.3 / 1 (25%)", the figure against its own percentage).
    public static func points(_ credit: Double) -> String {
        let hundredths = Int((credit * 100).rounded())
        let whole = hundredths / 100, part = abs(hundredths % 100)
        guard part != 0 else { return String(whole) }
        let digits = part % 10 == 0 ? String(part / 10) : String(format: "%02d", part)
        return (hundredths < 0 && whole == 0 ? "-" : "") + "\(whole).\(digits)"
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    public static func clock(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h > 0 { return "\(h):" + (m < 10 ? "0\(m)" : "\(m)") + ":" + ss }
        return "\(m):" + ss
    }
}

extension QuizStrings {
    public var plainPickOne: String { t("Нұсқаның нөмірі (бос жол — өткізу): ", "Option number (empty line skips): ") }
    public var plainPickSeveral: String {
        t("Дұрыс нұсқалардың нөмірлері, мысалы 1 3 (бос жол — өткізу): ",
          "Numbers of all correct options, e.g. 1 3 (empty line skips): ")
    }
    public var plainReveal: String { t("Ойланып болған соң Enter басыңыз: ", "Think it over, then press Enter: ") }
    /// Said when a line holds a number that is not in the list (or a word,
    /// or several numbers where one is asked for); the question is asked
    /// again.
    public var plainNoSuchNumber: String {
        t("Мұндай нөмір жоқ — тізімдегі нөмірді жазыңыз.", "No such number — type a number from the list.")
    }
    public var plainTick: String {
        t("Қамтыған ойларыңыздың нөмірлері, мысалы 1 3 (бос жол — ешқайсысы): ",
          "Numbers of the points you covered, e.g. 1 3 (empty line: none): ")
    }
    public var plainSelfGrade: String { t("1 — білмедім, 2 — білдім: ", "1 — did not know, 2 — knew it: ") }
    public var plainStudyPrompt: String {
        t("S — қателерді қазір жаттау, Enter — шығу: ", "S to study the mistakes now, Enter to quit: ")
    }
    public var plainOverrulePrompt: String {
        t("Enter — келесі, r — мен дұрыс едім: ", "Enter for next, r if you were right: ")
    }
}
