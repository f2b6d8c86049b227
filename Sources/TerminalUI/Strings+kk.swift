extension Strings {
    /// The Kazakh interface. Grade names follow Anki's Kazakh translation, so
    /// students who know Anki feel at home.
    public static let kazakh = Strings(
        code: "kk",
        again: "Қайтадан", hard: "Қиын", good: "Жақсы", easy: "Оңай",
        minute: "мин", hour: "сағ", day: "күн", month: "ай", year: "жыл",
        spaceBeforeUnit: true, decimalSeparator: ",",
        appTitle: "jatta — жатта", decksHeader: "Десте", allDecks: "Барлық десте",
        newHeader: "Жаңа", learningHeader: "Үйрену", dueHeader: "Қайталау",
        levelLabel: "Деңгей", tagLabel: "Тег", anyValue: "барлығы",
        noDecks: """
            Десте табылмады. Дестелерді ./decks папкасына салыңыз немесе жолын көрсетіңіз: \
            jatta study ФАЙЛ.deck немесе jatta study ПАПКА
            """,
        noCards: { files in
            let named = files.count == 1 ? files[0] + " файлында" : "Табылған \(files.count) файлда"
            return "\(named) әлі карта жоқ. Карта қосыңыз (Q: сұрақ / A: жауап, docs/deck-format.md қараңыз), сосын jatta check іске қосыңыз."
        },
        noAnswerableCards:
            "Мұнда сұралатын карта жоқ: көп нұсқалы сұрақтың дұрыс нұсқасы * белгісімен белгіленуі керек (jatta check орнын көрсетеді).",
        noCardMatches: { filter, tags in
            guard let tags else { return "Бұл дестелерде \(filter) шартына сай карта жоқ." }
            let listed = Strings.shortList(tags)
            return "Бұл дестелерде \(filter) шартына сай карта жоқ. " + (tags.isEmpty ? "Оларда тег жоқ." : "Олардың тегтері: \(listed).")
        },
        countsNote: "Жаңа, Үйрену, Қайталау — беттер (терминде 2 бет); Деңгей — карталар",
        newToday: { "бүгін жаңа: \($0) / \($1)" },
        homeKeys: "↑↓ десте · Enter оқу · s статистика · / іздеу · c таңдау · x емтихан · a барлығы · l деңгей · t тег · ? көмек · q шығу",
        nothingToStudy: "Бұл жерде қазір оқитын карта жоқ",
        lastActionNotRecorded:
            "Соңғы әрекетіңіз (жауап, қайтару, тығу) жазылмады; одан бұрынғының бәрі сақталған.",
        doneLabel: "өтті", leftLabel: "қалды",
        kindQuestion: "Сұрақ", kindTerm: "Термин", kindDefinition: "Анықтама → термин",
        kindCloze: "Бос орынды толтырыңыз", kindChoice: "Бір жауапты таңдаңыз",
        kindChoiceSeveral: "Барлық дұрыс жауапты таңдаңыз", kindOpen: "Ашық сұрақ",
        yourAnswer: "Жауабыңыз: ", answerLabel: "Жауап", modelAnswerLabel: "Үлгі жауап",
        keyPointsLabel: "Негізгі ойлар (қамтығандарыңызды белгілеңіз)",
        verdictCorrect: "Дұрыс!", verdictClose: "Дұрыс деп қабылданды", verdictWrong: "Қате",
        verdictBlank: "Жауап берілмеді",
        questionKeys: "Space жауабы · u қайтару · b тығу · ! кідірту · e өңдеу · ? көмек · q аяқтау",
        typingKeys: "Enter тексеру · Esc аяқтау · F1 көмек · F2 қайтару · F3 тығу · F4 кідірту",
        choiceKeys: "1–9 таңдау · ↑↓ Space белгілеу · Enter тексеру · u қайтару · ? көмек · q аяқтау",
        gradeKeys: "1–4 баға · u қайтару · b тығу · ! кідірту · e өңдеу · ? көмек · q аяқтау",
        keyPointKeys: "↑↓ Space белгілеу",
        more: "PgDn — әрі қарай",
        tooSmall: "Терминал тым кішкентай (кемі 40×10)",
        severalGaps: "Бос орындардың жауаптарын «;» арқылы жазыңыз.",
        buried: "Карта ертеңге дейін тығылды", suspended: "Карта кідіртілді",
        undone: "Соңғы жауап қайтарылды", nothingToUndo: "Қайтаратын жауап жоқ",
        burialUndone: "Тығу болдырылмады: карта қайта келді", suspensionUndone: "Кідірту болдырылмады: карта қайта келді",
        reloaded: "Десте қайта оқылды", cardRemoved: "Карта файлда бұрынғы түрінде жоқ (өшірілген не өзгертілген)",
        summaryTitle: "Сессия аяқталды", studiedLabel: "Оқылған карталар",
        correctLabel: "Дұрыс жауаптар", timeLabel: "Уақыт", nextDueLabel: "Келесі карталар",
        dueTomorrowLabel: "Ертеңге дейін", nothingDue: "жоспарланған карта жоқ",
        summaryKeys: "Enter басты бет · u қайтару · q шығу", now: "қазір",
        helpTitle: "Пернелер",
        helpLines: [
            "Space, Enter     жауабын көрсету / тексеру / бағалау",
            "1 2 3 4          Қайтадан · Қиын · Жақсы · Оңай",
            "← →  Enter       батырманы таңдап бағалау",
            "↑ ↓  Space       нұсқаны / негізгі ойды белгілеу",
            "u, F2            соңғы жауапты қайтару",
            "b, F3            ертеңге дейін тығу",
            "!, F4            кідірту",
            "e, F5            картаны $EDITOR-да өңдеу",
            "/  c  (басты бет) карта іздеу · өз таңдауымен жаттау",
            "s                статистика (басты бетте)",
            "x                жолдың емтихан күні (басты бетте)",
            "a  l  t          бәрін оқу · деңгей · тег (басты бетте)",
            "?, F1            осы анықтама",
            "q, Esc           сессияны аяқтау; F10 шығу",
            "",
            "Қазақ пернетақтасында сан пернелері де жұмыс істейді:",
            "\" ә і ң = 1 2 3 4, ал й г и у = q u b e.",
        ],
        helpKeys: "Esc, q, ? жабу · F10 шығу",
        plainNotice: "jatta: терминал емес, жай мәтін режимі (--plain)",
        plainRevealPrompt: "[Enter — жауабын көрсету, q — аяқтау]",
        plainTypePrompt: "Жауабыңызды жазыңыз:",
        plainChoicePrompt: "Нөмірін жазыңыз (бірнешеуі болса, бос орынмен):",
        plainGradePrompt: "Баға: 1 Қайтадан · 2 Қиын · 3 Жақсы · 4 Оңай (Enter — ұсынылғаны)",
        plainTickPrompt: "Қамтыған ойларыңыздың нөмірлері (бос орынмен), сосын баға:",
        plainUnknownInput: "Түсінбедім; ? — анықтама",
        reloadErrorCount: { "\($0) қате" },
        reloadRestHint: "қалғаны: jatta check",
        reloadKeptCard: "Бұл карта осы сессияда соңғы дұрыс нұсқасымен қалды",
        levelOutOfRange: "--level 1, 2 немесе 3 болуы керек",
        negativeLimits: "шектеу теріс бола алмайды",
        moreDeckErrors: { "… тағы \($0) қате (jatta check)" },
        localeNotUTF8: { "jatta: локаль UTF-8 емес (\($0)), C.UTF-8 қолданылады" },
        notATerminal: { "jatta: терминал емес; \($0) қолданыңыз" },
        termUnset: {
            "jatta: TERM орнатылмаған; толық экранды режим мүмкін емес. TERM=xterm-256color қойыңыз немесе \($0) қолданыңыз"
        },
        termDumb: { "jatta: TERM=\($0) терминалы курсорды жылжыта алмайды; \($1) қолданыңыз" },
        termUnknown: {
            "jatta: TERM=\($0) терминалы terminfo дерекқорында жоқ; TERM=xterm-256color қойыңыз немесе \($1) қолданыңыз"
        },
        cursesFailed: { "jatta: curses іске қосылмады; \($0) қолданыңыз" },
        allOrIDs: "--all немесе ID, екеуі бірге емес",
        allOrIDsNeeded: "өшірілетін ID-лерді (jatta exam көрсеткендей) немесе --all беріңіз",
        noneSuspended: "Кідіртілген карта жоқ.",
        suspendedHeading: "Кідіртілген карталар:",
        unsuspendHowTo: "Қайтару: jatta unsuspend ID · барлығын: jatta unsuspend --all",
        unsuspendedCard: { "Қайтарылды: \($0)" },
        notSuspended: { "\($0) кідіртілмеген" },
        unknownCard: { "jatta: '\($0)' деген карта дерекқорда жоқ" }
    )
}
