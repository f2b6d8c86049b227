import Testing

@testable import Lectures

@Suite("Level questions and glossary entries")
struct FinderTests {
    func paragraphs(_ texts: [String]) -> [Paragraph] {
        texts.enumerated().map { Paragraph(text: $0.element, marks: [LineMark(offset: 0, line: ($0.offset + 1) * 10)]) }
    }

    @Test("every way of writing the level label gives the level", arguments: [
        ("1–деңгейлік сұрақ. Дипломатия дегеніміз не?", 1),
        ("1 –деңгейлік сұрақ. Дипломатия дегеніміз не?", 1),
        (" 2–деңгейлік сұрақ. Дипломатия дегеніміз не?", 2),
        ("2-деңгейлік сұрақ Дипломатия дегеніміз не?", 2),
        ("3 - деңгейлік сұрақ: Дипломатия дегеніміз не?", 3),
        ("1 деңгейлік сұрақ – Дипломатия дегеніміз не?", 1),
        ("2-деңгейлік сұрақ –Дипломатия дегеніміз не?", 2),
        ("2-деңгей — Дипломатия дегеніміз не?", 2),
        ("3 деңгейлік сұрақ. – Дипломатия дегеніміз не?", 3),
        ("Деңгей 3 - Дипломатия дегеніміз не?", 3),
    ])
    func labels(text: String, level: Int) {
        let found = LevelQuestionFinder.find(in: paragraphs([text]), file: "f")
        #expect(found.map(\.text) == ["Дипломатия дегеніміз не?"])
        #expect(found.map(\.level) == [level])
    }

    @Test("an unlabelled '1 – …' counts only under «Деңгейлік тапсырмалар»")
    func bare() {
        let outside = LevelQuestionFinder.find(in: paragraphs(["1 – Либерализм қалай бөлінеді?"]), file: "f")
        #expect(outside.isEmpty)
        let inside = LevelQuestionFinder.find(
            in: paragraphs(["Деңгейлік тапсырмалар:", "1 – Либерализм қалай бөлінеді?", "ОБӨЖ тапсырмалары: Құралдар."]),
            file: "f")
        #expect(inside.map(\.kind) == [.level(1), .task("ОБӨЖ")])
        #expect(inside.map(\.line) == [20, 30])
    }

    @Test("a task heading alone on its line announces the tasks of the list below it")
    func taskHeadingOverAList() {
        let found = LevelQuestionFinder.find(
            in: paragraphs([
                "Деңгейлік тапсырмалар", "1-деңгей", "1. Салық дегеніміз не?", "БӨЖ тапсырмалары:",
                "1. Салық реформаларының тарихы.", "2. Қосылған құн салығы және оның салдары.", "Әдебиеттер тізімі",
            ]), file: "f")
        // It was a task of its own, «:», and the two tasks were lost.
        #expect(found.map(\.text) == [
            "Салық дегеніміз не?", "Салық реформаларының тарихы.", "Қосылған құн салығы және оның салдары.",
        ])
        #expect(found.map(\.kind) == [.level(1), .task("БӨЖ"), .task("БӨЖ")])
    }

    @Test("stray '.?', '?.' and ' ?' are tidied; the rest is kept", arguments: [
        ("атаңыздар және түсіндіріңіздер.?", "атаңыздар және түсіндіріңіздер?"),
        ("анықтама беріңіз ?", "анықтама беріңіз?"),
        ("түсіндіріңіз  ?.", "түсіндіріңіз?"),
        ("«Мәңгі әлем туралы ойы» және парадигмасы", "«Мәңгі әлем туралы ойы» және парадигмасы"),
    ])
    func tidy(raw: String, tidy: String) {
        #expect(LevelQuestionFinder.tidy(raw) == tidy)
    }

    static let lexicon = Lexicon(lines: [
        SourceLine(number: 1, text: "Итальяндық ойшыл Антонио Грамшидің ықпалында болған Кокс Грамшидің гегемония ұғымын енгізді."),
        SourceLine(number: 2, text: "бұл гегемония саяси күштің түрі, ал Грамши оны сынады"),
    ])

    func glossary(_ texts: [String]) -> [GlossaryEntry] {
        GlossaryFinder.find(in: paragraphs(texts), file: "f", lexicon: Self.lexicon)
    }

    @Test("Term: definition, Term – definition, Term- Definition, X дегеніміз – …")
    func patterns() {
        let found = glossary([
            "Режим: Мемлекеттердің келісімге келіп, іс-әрекеттерін реттейтін нормалар жиынтығы.",
            "Утилитарлар – Орынды, өнегелі іс-әрекетті жақтайтын философиялық бағыт.",
            "Тұтқындар диллемасы - қылмыс дәлелі бар, бірақ кінә тағуға жеткіліксіз жағдай.",
            "Мынандай анықтама берілген. Сыртқы саяси тактика дегеніміз – бұл белгілі бір кездердегі тәсілдер.",
        ])
        #expect(found.map(\.term) == ["Режим", "Утилитарлар", "Тұтқындар диллемасы", "Сыртқы саяси тактика"])
        #expect(found.map(\.pattern) == [.colon, .dash, .dash, .degenimiz])
        #expect(found.last?.definition == "Белгілі бір кездердегі тәсілдер.")
    }

    @Test("the term is cut to the real term: a name joined with 'және' is dropped")
    func cutTerm() {
        let found = glossary(["Грамши және Гегемония: Грамшидің пікірі бойынша гегемония идеология арқылы таңу."])
        #expect(found.map(\.term) == ["Гегемония"])
    }

    @Test("headings, lesson-plan fields, pronouns and mid-sentence colons are never entries", arguments: [
        "Дәріс жоспары:", "Деңгейлік тапсырмалар:",
        "Дәріс мақсаты: Бұл тақырыпты бітіргеннен кейін теорияны түсіндіре алады.",
        "Жұмыстың мақсаты мен міндеті: Қазақстанның сыртқы саясатымен танысу.",
        "Оқытудың әдістері мен түрлері: баяндау, түсіндіру.",
        "Алайда бұл жерде айтылатын мәселе мынада: Карл Маркстің өзі теорияны жазбаған.",
        "Олар үшін соғыс – жаңсақ логиканың нәтижесінде пайда болатын ұстаным.",
        "Бұл шарттардың бастысы - диктатураны жою және республикалар құру.",
        "Көпвекторлы саясат – таңдау емес, қажеттілік",
        "Ол сыртқы саяси стратегия дегеніміз не екенін қарастырады.",
        "Мәдениет пен идеология - жүйені қолдау үшін қолданылатын құралдар.",
    ])
    func notEntries(text: String) {
        #expect(glossary([text]).isEmpty, "\(text)")
    }

    @Test("a colon entry must open its paragraph")
    func colonOpensParagraph() {
        #expect(glossary(["Олар әртүрлі. Режим: мемлекеттердің келісімі арқылы нормалар жиынтығы."]).isEmpty)
    }

    @Test("reported speech inside quotation marks is not a definition")
    func quotation() {
        #expect(glossary(["«Егер олай болса, егемендік – күн сайын дәлелденетін жауапкершілік. Бұл маңызды», – дейді ол."]).isEmpty)
    }

    @Test("a definition cut off after a dative list item runs on to the sentence that ends the list")
    func listContinues() {
        let found = glossary([
            "Сыртқы саяси доктрина – саяси басшылық көзқарасындағы жүйені көрсетеді: мемлекеттің саясатындағы рөлі мен орнына. Ұлттық мүдделерді жүзеге асыру сипатына. Осымен бірге басқа елдермен қатынастарына да ықпал етеді. Сыртқы саясаттың басқа категориялары да бар.",
            "Режим – нормалар жиынтығы: мемлекеттердің келісімге келіп, іс-әрекеттерін реттейтін құралдар мен қағидалар. Мемлекеттер бұл нормаларға сүйенеді.",
        ])
        #expect(found.map(\.term) == ["Сыртқы саяси доктрина", "Режим"])
        #expect(found.first?.definition.hasSuffix("сипатына. Осымен бірге басқа елдермен қатынастарына да ықпал етеді.") == true)
        // A colon, but the definition ends in a finished phrase; the dash,
        // not the colon, closes the term.
        #expect(found.last?.definition == "Нормалар жиынтығы: мемлекеттердің келісімге келіп, іс-әрекеттерін реттейтін құралдар мен қағидалар.")
    }

    @Test("a short definition takes the next sentence, unless that one may define something itself")
    func shortDefinition() {
        let found = glossary([
            "Империализм: капитализмнің ең соңғы сатысы. Дамыған мемлекеттердің өзге мемлекеттерді қанау саясатына берілген ат.",
            "Жаһандану – бұл әлемнің біртұтас жүйеге айналу үдерісі. Ауыл шаруашылығы, ел экономикасының негізгі саласы болып табылады.",
        ])
        #expect(found.map(\.term) == ["Империализм", "Жаһандану"])
        #expect(found.first?.definition.hasSuffix("қанау саясатына берілген ат.") == true)
        #expect(found.last?.definition == "Әлемнің біртұтас жүйеге айналу үдерісі.")
    }

    @Test("spelling variants in the notes are offered, derivations are not")
    func variants() {
        let lexicon = Lexicon(lines: [
            SourceLine(number: 1, text: "Неоколониализмнің пайда болуы. Империалист елдер. Неоколонолизм ұғымы."),
        ])
        let entries = GlossaryFinder.find(
            in: paragraphs(["Неоколонолизм: отаршылдықтың жанама түрде жүргізілуі.", "Империализм: капитализмнің ең соңғы сатысы."]),
            file: "f", lexicon: lexicon)
        #expect(entries.map(\.variants) == [["Неоколониализм"], []])
    }
}
