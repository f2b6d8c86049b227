import Foundation
import Study

/// The words of search, card info and custom study, in the two interface
/// languages (beside `Strings`, which holds the trainer's other words).
public struct CustomStudyStrings: Sendable {
    /// Whether the interface is Kazakh (else English).
    public let kazakh: Bool

    /// Kazakh for a language code starting with `kk`, English otherwise.
    public init(language: String) { kazakh = language.lowercased().hasPrefix("kk") }

    func t(_ kk: String, _ en: String) -> String { kazakh ? kk : en }

    /// A message shown before the interface language is known (argument
    /// errors), in the order every bilingual message uses.
    public static func bothLanguages(_ text: KeyPath<CustomStudyStrings, String>) -> String {
        Strings.bothLanguages(
            kk: CustomStudyStrings(language: "kk")[keyPath: text], en: CustomStudyStrings(language: "en")[keyPath: text])
    }

    // `jatta study`'s custom-study options.
    public var oneSelection: String {
        t(
            "--failed, --ahead, --extra-new, --all-cards, --search: біреуін ғана беріңіз",
            "give only one of --failed, --ahead, --extra-new, --all-cards, --search")
    }
    public var aheadRange: String { t("--ahead 1-ден 3650 күнге дейін", "--ahead must be 1 to 3650 days") }
    public var extraNewRange: String { t("--extra-new кемінде 1", "--extra-new must be at least 1") }
    public var extraNewNotPractice: String {
        t("--extra-new жаңа карталарды шын жаттатады, --practice-пен бірге берілмейді", "--extra-new is real study and cannot be a --practice")
    }
    public var emptySearch: String { t("--search бос болмауы керек", "--search needs a word") }
    /// `jatta find` given an empty word (or only spaces and marks), which
    /// finds nothing whatever the decks hold: a mistake, not a search.
    public var emptyFindWord: String {
        t("jatta find әріп не сан бар сөзді күтеді (тыныс белгілері ескерілмейді)",
          "jatta find needs a word with a letter or a digit (punctuation is not searched for)")
    }

    // Search.
    public var searchTitle: String { t("Іздеу", "Search") }
    public var searchPrompt: String { t("Сөз: ", "Word: ") }
    public var searchTypingKeys: String { t("Enter іздеу · Esc артқа", "Enter search · Esc back") }
    public var searchResultKeys: String {
        t(
            "↑↓ таңдау · Enter карта · p жаттығу · s жаттау · / жаңа іздеу · Esc артқа",
            "↑↓ select · Enter card info · p practise · s study · / new search · Esc back")
    }
    public func found(_ n: Int) -> String { t("\(n) карта табылды", n == 1 ? "1 card found" : "\(n) cards found") }
    public func nothingFound(_ query: String) -> String {
        t("«\(query)» сөзі бар карта жоқ", "No card holds “\(query)”")
    }
    /// Under `jatta find`'s list: what to do with a card found.
    public var findHowTo: String {
        t(
            "Тарихы: jatta history --card ИД; кідіртуден шығару: jatta unsuspend ИД; жаттау: jatta study --search СӨЗ",
            "History: jatta history --card ID; unsuspend: jatta unsuspend ID; study them: jatta study --search WORD")
    }
    public var searchHowTo: String {
        t(
            "Сұрақтағы немесе жауаптағы сөзді жазып, Enter басыңыз (бас әріп пен кіші әріп бірдей).",
            "Type a word of a prompt or an answer and press Enter (capitals or not, the same).")
    }

    // Where a face stands.
    public func stage(_ stage: FaceStatus.Stage) -> String {
        switch stage {
        case .new: t("жаңа", "new")
        case .learning: t("үйренуде", "learning")
        case .review: t("қайталауда", "review")
        case .relearning: t("қайта үйренуде", "relearning")
        }
    }
    public var reverseFace: String { t("кері", "reverse") }
    public var dueNow: String { t("мерзімі келді", "due now") }
    public func dueIn(_ interval: String) -> String { t("\(interval) кейін", "due in \(interval)") }
    public func lapses(_ n: Int) -> String { t("ұмытылды: \(n)", "lapses: \(n)") }
    public var suspended: String { t("кідіртілген", "suspended") }
    public var buried: String { t("тығылған", "buried") }

    // Card info.
    public var infoTitle: String { t("Карта", "Card") }
    public var infoKeys: String { t("u кідіртуден шығару · p жаттығу · s жаттау · Esc артқа", "u unsuspend · p practise · s study · Esc back") }
    public var answerLabel: String { t("Жауабы", "Answer") }
    public var placeLabel: String { t("Орны", "Where") }
    public var levelLabel: String { t("Деңгей", "Level") }
    public var tagsLabel: String { t("Тегтер", "Tags") }
    public var historyTitle: String { t("Тарихы (соңғысы жоғарыда)", "History (newest first)") }
    public var historyLoading: String { t("оқылуда…", "reading…") }
    public var historyEmpty: String { t("әлі жатталмаған", "never studied") }
    public func ago(_ interval: String) -> String { t("\(interval) бұрын", "\(interval) ago") }
    public var undone: String { t("(қайтарылған)", "(undone)") }
    public var unsuspended: String { t("Карта кідіртуден шығарылды", "Card unsuspended") }
    public var notSuspended: String { t("Бұл карта кідіртілмеген", "This card is not suspended") }

    // Custom study.
    public var customTitle: String { t("Өз таңдауымен жаттау", "Custom study") }
    public var customKeys: String {
        t(
            "↑↓ таңдау · ←→ санын өзгерту · p жаттығу · Enter бастау · Esc артқа",
            "↑↓ choose · ←→ change the number · p practice · Enter start · Esc back")
    }
    public func choice(_ choice: CustomMenu.Choice, menu: CustomMenu, count: Int) -> String {
        switch choice {
        case .failedToday: t("Бүгін қате жауап берілгендер (\(count))", "Failed today (\(count))")
        case .failedThisWeek: t("Соңғы 7 күнде қате жауап берілгендер (\(count))", "Failed in the last 7 days (\(count))")
        case .ahead:
            t(
                "Алдағы \(menu.aheadDays) күннің қайталауы (\(count))",
                "Study ahead: due in the next \(menu.aheadDays) \(menu.aheadDays == 1 ? "day" : "days") (\(count))")
        case .extraNew:
            t("Бүгін тағы \(menu.extraNew) жаңа карта", "\(menu.extraNew) more new \(menu.extraNew == 1 ? "card" : "cards") today")
        // The count is of faces, as the home screen's (a term is two).
        case .everything: t("Таңдаудағының бәрі (\(count) бет)", "Everything in the selection (\(count) faces)")
        }
    }
    public func practice(_ on: Bool) -> String {
        t("Жаттығу (кесте өзгермейді): ", "Practice (no rescheduling): ") + (on ? t("қосулы", "on") : t("өшірулі", "off"))
    }
    public var practiceNote: String {
        t(
            "Жаттығуда жауаптар тексеріледі, бірақ кесте де, журнал да өзгермейді.",
            "In practice answers are checked, but neither the schedule nor the review log changes.")
    }
    /// The study screen's top bar during a practice.
    public var practiceBanner: String { t("жаттығу · кесте өзгермейді", "practice · not rescheduled") }
}

extension CustomStudyStrings {
    /// Where a face stands in one line: "review · due in 3d · lapses: 1",
    /// a term's reverse face named first.
    public func status(_ face: FaceStatus, now: Date, strings s: Strings) -> String {
        let name = face.direction == .reverse ? reverseFace + ": " : ""
        var parts = [name + stage(face.stage)]
        if let schedule = face.schedule, !schedule.isNew {
            parts.append(schedule.due <= now ? dueNow : dueIn(s.interval(schedule.due.timeIntervalSince(now))))
            if schedule.lapses > 0 { parts.append(lapses(schedule.lapses)) }
        }
        if face.suspended { parts.append(suspended) }
        if let until = face.buriedUntil, until > now { parts.append(buried) }
        return parts.joined(separator: " · ")
    }
}
