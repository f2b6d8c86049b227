import Study

/// What exam mode says, in one language: the home screen's plan and
/// readiness lines and `jatta exam`'s output and messages.
public struct ExamWords: Sendable {
    /// "12 days to the exam · 34 new today · all cards seen 2 days before".
    public var plan: @Sendable (_ daysLeft: Int, _ newToday: Int, _ daysSeenBefore: Int?) -> String
    /// The workload does not fit: what it needs.
    public var cannotFit: @Sendable (_ needed: Int, _ accepted: Int) -> String
    /// The workload fits: the busiest day.
    public var fits: @Sendable (_ busiest: Int, _ accepted: Int) -> String
    /// "Ready: 40% today · 95% with the plan · levels 1/2/3: 97%/95%/90%".
    public var readiness: @Sendable (_ today: Int, _ withPlan: Int, _ levels: String) -> String
    /// A heading for one exam in `jatta exam`.
    public var heading: @Sendable (_ date: String, _ source: String, _ cards: Int, _ decks: Int) -> String
    /// Who set an exam: the student (with its id) or a deck's header.
    public var setByStudent: @Sendable (_ id: Int64) -> String
    public var fromDeckHeader: @Sendable (_ file: String) -> String
    /// `jatta exam` with no exam ahead.
    public var noExams: String
    /// `jatta exam` with no exam ahead for the decks it read, while the
    /// store holds exams ahead for others: the heading over them ("no exam
    /// ahead" alone hid them).
    public var examsElsewhere: String
    /// Under the plans: the heading over the exams ahead the student set
    /// that none of them is for (a deck studies for its soonest exam; a
    /// later one takes over when that one is past).
    public var examsNotPlanned: String
    /// What an exam set without decks covers.
    public var everyDeck: String
    /// `jatta exam set` done.
    public var examSet: @Sendable (_ date: String, _ id: Int64) -> String
    /// `jatta exam clear` done.
    public var cleared: @Sendable (_ count: Int) -> String
    /// Errors.
    public var badDate: @Sendable (_ text: String) -> String
    public var datePast: @Sendable (_ date: String) -> String
    public var noSuchExam: @Sendable (_ id: String) -> String
    public var noSuchPath: @Sendable (_ path: String) -> String
    /// A path that exists and holds no card (a README, an empty folder).
    public var noCardsIn: @Sendable (_ path: String) -> String
    public var badWorkload: String
    /// `--minutes` not a positive number, or given with `--workload`.
    public var badMinutes: String
    /// A workload in minutes and the answers it was counted as.
    public var minutesAsAnswers: @Sendable (_ minutes: Int, _ answers: Int, _ seconds: Double) -> String
    /// The home screen's prompt while an exam date is typed (`x`).
    public var datePrompt: @Sendable (_ typed: String) -> String
    /// The home screen's notice once it is set or refused.
    public var dateSet: @Sendable (_ date: String) -> String
    public var dateRefused: @Sendable (_ text: String) -> String

    /// The notice's text.
    public func notice(_ notice: ExamNotice) -> String {
        switch notice {
        case .set(let date): dateSet(date)
        case .refused(let text): dateRefused(text)
        }
    }

    public static func of(_ language: Language) -> ExamWords { language == .kk ? kazakh : english }

    /// The per-level shares as "1/2/3: 97%/95%/90%", a level without
    /// cards as "–" (one sign after the last figure read "100/100/–%").
    public static func levels(_ readiness: ExamReadiness, withPlan: Bool) -> String {
        let values = (1...3).map { level -> String in
            guard let share = readiness.perLevel[level], share.cards > 0 else { return "–" }
            return "\(withPlan ? share.percentWithPlan : share.percentToday)%"
        }
        return "1/2/3: " + values.joined(separator: "/")
    }

    /// The two home-screen lines for an outlook: the plan (or what it
    /// needs) and the forecast.
    public func lines(_ outlook: ExamOutlook) -> [String] {
        let p = outlook.plan
        var first = plan(p.daysLeft, p.newToday, p.daysSeenBefore)
        if !p.fits { first += " · " + cannotFit(p.peak, p.workload) }
        let r = outlook.readiness
        return [first, readiness(r.overall.percentToday, r.overall.percentWithPlan, Self.levels(r, withPlan: true))]
    }

    /// The heading of one exam in `jatta exam` and on the statistics
    /// screen: its date, who set it, its cards and decks.
    public func heading(of outlook: ExamOutlook) -> String {
        let source: String
        switch outlook.exam.source {
        case .student(let id): source = setByStudent(id)
        case .deckHeader(let file): source = fromDeckHeader(file)
        }
        return heading(outlook.exam.date.description, source, outlook.readiness.overall.cards, outlook.deckFiles.count)
    }

    static let english = ExamWords(
        plan: { days, new, before in
            let seen: String
            switch before {
            case nil: seen = "all cards seen"
            case 0?: seen = "all cards seen by the exam's eve"
            case let n?: seen = "all cards seen \(n) day\(n == 1 ? "" : "s") before"
            }
            return "\(days) day\(days == 1 ? "" : "s") to the exam · \(new) new today · \(seen)"
        },
        cannotFit: { "does not fit: needs \($0) answers a day, you accept \($1) (jatta exam set … --workload \($0))" },
        fits: { "busiest day \($0) answers of the \($1) a day you accept" },
        readiness: { "Ready for the exam: \($0)% of cards today · \($1)% with the plan · levels \($2)" },
        heading: { "Exam \($0) (\($1)): \($2) cards in \($3) deck\($3 == 1 ? "" : "s")" },
        setByStudent: { "id \($0)" },
        fromDeckHeader: { "from the header of \($0)" },
        noExams: "No exam ahead. Set one: jatta exam set YYYY-MM-DD [DECK|DIR ...]",
        examsElsewhere: "No exam ahead for these decks. Exams ahead for other decks (see one with jatta exam DECK|DIR):",
        examsNotPlanned: "Other exams ahead, of other decks or after a sooner exam of the same decks (see one with jatta exam DECK|DIR):",
        everyDeck: "every deck",
        examSet: { "Exam set for \($0) (id \($1))." },
        cleared: { "\($0) exam\($0 == 1 ? "" : "s") cleared." },
        badDate: { "'\($0)' is not a date; write YYYY-MM-DD, e.g. 2026-12-20" },
        datePast: { "the exam date \($0) is not ahead; give a day after today" },
        noSuchExam: { "jatta: no exam with id '\($0)' (jatta exam lists them)" },
        noSuchPath: { "jatta: '\($0)' does not exist" },
        noCardsIn: { "jatta: '\($0)' holds no card: name deck files or folders of them" },
        badWorkload: "--workload is a number of answers a day, at least 1",
        badMinutes: "--minutes is a number of minutes a day, at least 1, and not given with --workload",
        minutesAsAnswers: { minutes, answers, seconds in
            "\(minutes) minutes a day: \(answers) answers at \(String(format: "%.1f", seconds)) s an answer"
        },
        datePrompt: { "Exam date (YYYY-MM-DD), Enter sets, Esc cancels: \($0)_" },
        dateSet: { "Exam set for \($0)" },
        dateRefused: { "'\($0)' is not a date after today (YYYY-MM-DD)" })

    static let kazakh = ExamWords(
        plan: { days, new, before in
            let seen: String
            switch before {
            case nil: seen = "барлық карта көрілді"
            case 0?: seen = "барлығы емтихан қарсаңында көрсетіледі"
            case let n?: seen = "барлығы \(n) күн бұрын көрсетіледі"
            }
            return "Емтиханға \(days) күн · бүгін \(new) жаңа · \(seen)"
        },
        cannotFit: { "сыймайды: күніне \($0) жауап керек, сіз \($1) қабылдайсыз (jatta exam set … --workload \($0))" },
        fits: { "ең ауыр күн: \($0) жауап, сіз күніне \($1) қабылдайсыз" },
        readiness: { "Емтиханға дайындық: бүгін карталардың \($0)% · жоспармен \($1)% · деңгейлер \($2)" },
        heading: { "Емтихан \($0) (\($1)): \($3) жинақта \($2) карта" },
        setByStudent: { "id \($0)" },
        fromDeckHeader: { "\($0) тақырыбынан" },
        noExams: "Алда емтихан жоқ. Орнату: jatta exam set ЖЖЖЖ-АА-КК [ЖИНАҚ|ҚАЛТА ...]",
        examsElsewhere: "Бұл жинақтарға алда емтихан жоқ. Басқа жинақтардың алдағы емтихандары (біреуін көру: jatta exam ЖИНАҚ|ҚАЛТА):",
        examsNotPlanned: "Алдағы басқа емтихандар: басқа жинақтардікі немесе сол жинақтардың ертерек емтиханынан кейінгілері (біреуін көру: jatta exam ЖИНАҚ|ҚАЛТА):",
        everyDeck: "барлық жинақ",
        examSet: { "Емтихан \($0) күніне қойылды (id \($1))." },
        cleared: { "\($0) емтихан өшірілді." },
        badDate: { "'\($0)' күн емес; ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы 2026-12-20" },
        datePast: { "\($0) емтихан күні алда емес; бүгіннен кейінгі күнді беріңіз" },
        noSuchExam: { "jatta: '\($0)' деген id-мен емтихан жоқ (тізімі: jatta exam)" },
        noSuchPath: { "jatta: '\($0)' жоқ" },
        noCardsIn: { "jatta: '\($0)' ішінде карта жоқ: десте файлдарын не солар бар қалталарды беріңіз" },
        badWorkload: "--workload — күніне жауап саны, кемінде 1",
        badMinutes: "--minutes — күніне минут саны, кемінде 1, --workload-пен бірге берілмейді",
        minutesAsAnswers: { minutes, answers, seconds in
            "Күніне \(minutes) минут: бір жауапқа \(String(format: "%.1f", seconds)) с есебімен \(answers) жауап"
        },
        datePrompt: { "Емтихан күні (ЖЖЖЖ-АА-КК), Enter — орнату, Esc — бас тарту: \($0)_" },
        dateSet: { "Емтихан \($0) күніне қойылды" },
        dateRefused: { "'\($0)' бүгіннен кейінгі күн емес (ЖЖЖЖ-АА-КК)" })
}
