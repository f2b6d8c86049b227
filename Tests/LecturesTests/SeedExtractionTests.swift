import Testing

@testable import Lectures

/// Extraction on the seed lectures. The expected lists were written by
/// reading the seed texts, not copied from the extractor's output.
@Suite("Extraction from the seed lectures", .enabled(if: SeedFiles.exist, "../shared/seeds is absent: seed extraction not checked"))
struct SeedExtractionTests {
    struct Expected: Sendable {
        var level: Int
        var text: String
        var line: Int
    }

    /// 000: «Деңгейлік тапсырмалар» at line 532; labels `1–деңгейлік сұрақ.`
    /// with an en dash; the last question ends in `.?`, the first in ` ?`.
    static let questions000: [Expected] = [
        Expected(level: 1, text: "Дипломатия сөзіне анықтама беріңіз?", line: 534),
        Expected(level: 1, text: "Дипломатиялық қызмет ұғымына анықтама берсеңіз?", line: 536),
        Expected(level: 2, text: "Шығыс пен Батыс елдерінің сыртқы саяси бағыттарының ұқсас тұстары мен ерекшеліктерін түсіндіріңіз?", line: 538),
        Expected(level: 2, text: "Мемлекеттің сыртқы саясаты оның ішкі саясатының негізгі құрамдас бөлігі деген пікірмен келісесіз бе?", line: 542),
        Expected(level: 3, text: "Дипломатияға тән болып табылатын саяси сипаттамаларды атаңыздар және олардың мәні мен мазмұнын ашып түсіндіріңіздер?", line: 546),
    ]

    /// 002: the first item has no label (`1 – …`), the next two `1 –деңгейлік`,
    /// the rest `2–`/`3–деңгейлік`; the last has no final mark.
    static let questions002: [Expected] = [
        Expected(level: 1, text: "Неолиберализм мен Либерализм қай тұрғыда бір-бірінен бөлінеді?", line: 1135),
        Expected(level: 1, text: "Неореализм, неоклассикалық реализм, басқыншы реализм айырмашылықтарын түсіндіріңіз.", line: 1137),
        Expected(level: 1, text: "Бүгінгі күнгі халықаралық жүйені либерал және реалист теориялар тұрғысынан түсіндіріңіз?", line: 1141),
        Expected(level: 2, text: "Марксистік ұстанымды жалпы алғанда өзге ұстанымдардан ерекшелендіріп тұрған не?", line: 1147),
        Expected(level: 2, text: "Конструктивистік теория мен Реализм арасындағы негізгі айырмашылықтарды көрсетіңіз.", line: 1151),
        Expected(level: 3, text: "Халықаралық ынтымақтастықтың теоретикалық тұжырымдары?", line: 1157),
        Expected(level: 3, text: "Жан-Жак Руссоның «Мәңгі әлем туралы ойы» және халықаралық қатынастың классикалық либералдық парадигмасы", line: 1161),
    ]

    @Test("000: exactly its five level questions, with their levels and lines")
    func levelQuestions000() throws {
        let extraction = try SeedFiles.extraction()
        let document = try #require(SeedFiles.document("000", in: extraction))
        let found = document.questions.filter { $0.level != nil }
        #expect(found.map(\.text) == Self.questions000.map(\.text))
        #expect(found.map(\.level) == Self.questions000.map(\.level))
        #expect(found.map(\.line) == Self.questions000.map(\.line))
    }

    @Test("002: exactly its seven level questions, the unlabelled one included")
    func levelQuestions002() throws {
        let extraction = try SeedFiles.extraction()
        let document = try #require(SeedFiles.document("002", in: extraction))
        let found = document.questions.filter { $0.level != nil }
        #expect(found.map(\.text) == Self.questions002.map(\.text))
        #expect(found.map(\.level) == Self.questions002.map(\.level))
        #expect(found.map(\.line) == Self.questions002.map(\.line))
    }

    @Test("ОБӨЖ and БӨЖ tasks are found and tagged as such")
    func tasks() throws {
        let extraction = try SeedFiles.extraction()
        let d000 = try #require(SeedFiles.document("000", in: extraction))
        let d002 = try #require(SeedFiles.document("002", in: extraction))
        let tasks000 = d000.questions.filter { $0.level == nil }
        let tasks002 = d002.questions.filter { $0.level == nil }
        #expect(tasks000.map(\.kind) == [.task("ОБӨЖ"), .task("БӨЖ")])
        #expect(tasks000.map(\.text) == [
            "Халықаралық қатынастардағы дипломатиялық құралдар.",
            "Дипломатия мен дипломатиялық қызметтің негізгі айырмашылықтары мен саяси құраушы элементтері.",
        ])
        #expect(tasks002.map(\.kind) == [.task("ОБӨЖ"), .task("БӨЖ")])
        #expect(tasks002.map(\.text) == [
            "Халықаралық қатынастардың өзегінің марксистік-лениндік түсінігі Марксизм және халықаралық қатынастар",
            "Неореализм, постмодернизм-анықтама беру.",
        ])
    }

    @Test("the other seeds have no level questions")
    func noQuestionsElsewhere() throws {
        let extraction = try SeedFiles.extraction()
        for prefix in ["001", "003", "004"] {
            let document = try #require(SeedFiles.document(prefix, in: extraction))
            #expect(document.questions.isEmpty, "\(prefix)")
        }
    }

    /// 000 defines seven terms, all in running text, judged sentence by
    /// sentence:
    /// - 42 «Жүйенің өздігінен ұйымдасуы деп, … түсіндіріледі» (explanation);
    /// - 50 «Сыртқы саясат … міндеті, болып табылады» (copula; the phrase
    ///   recurs throughout the lecture);
    /// - 142 «… доктринаға мынандай анықтамалар беріледі: Көзқарастар
    ///   жүйесі, …» (the sentence starts on 142; the definition on 144);
    /// - 154 «Сыртқы саяси доктрина – …», 200 «Сыртқы саяси тактика
    ///   дегеніміз – …»;
    /// - 296 «Яғни, сыртқы саяси стратегия, … шешімдер жүйесі болып
    ///   табылады» — the lecture's own summary; the dictionary list at 246
    ///   («… былай анықталады: – …») defines the same term at more length;
    /// - 364 «Мұндай жағдай «құпия дипломатия» деп аталады», defined by the
    ///   sentence before it.
    /// Not taken, though the curated deck has them: «Сыртқы саяси
    /// қатынастар» (126) says what the system's core consists of, a
    /// composition, not a definition; «Сыртқы саяси қызмет» (422) is a
    /// heading followed by what the state does through it, a description;
    /// «прерогативасы (ерекше құзырлығы)» (496) is a word glossed in
    /// brackets inside a sentence about the president's powers. «сыртқы
    /// саяси стратегия дегеніміз не» asks, and «Ұлттық – мемлекеттік
    /// мүдделерді …» is a compound, not a term.
    @Test("000: its full glossary and nothing else")
    func glossary000() throws {
        let extraction = try SeedFiles.extraction()
        let document = try #require(SeedFiles.document("000", in: extraction))
        let expected: [(String, Int, GlossaryEntry.Pattern)] = [
            ("Жүйенің өздігінен ұйымдасуы", 42, .explanation), ("Сыртқы саясат", 50, .copula), ("Доктрина", 142, .dictionary),
            ("Сыртқы саяси доктрина", 154, .dash), ("Сыртқы саяси тактика", 200, .degenimiz),
            ("Сыртқы саяси стратегия", 296, .copula), ("Құпия дипломатия", 364, .naming),
        ]
        #expect(document.glossary.map(\.term) == expected.map(\.0))
        #expect(document.glossary.map(\.line) == expected.map(\.1))
        #expect(document.glossary.map(\.pattern) == expected.map(\.2))
        let byTerm = Dictionary(document.glossary.map { ($0.term, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byTerm["Сыртқы саяси тактика"]?.definition.hasPrefix("Белгілі бір кездерде қалыптасып жатқан") == true)
        #expect(byTerm["Жүйенің өздігінен ұйымдасуы"]?.definition == "Құрылымдық және функционалдық қатынастарын бір жүйеге келтіру нәтижесіндегі тұрақтандыру қабілеті.")
        #expect(byTerm["Сыртқы саяси стратегия"]?.definition.hasSuffix("ірі көлемді саяси шешімдер жүйесі.") == true)
        #expect(byTerm["Құпия дипломатия"]?.definition.hasPrefix("Бірқатар жағдайларда ресми жарияланған") == true)
        // The stop after «рөлі мен орнына» cuts a list in two.
        #expect(byTerm["Сыртқы саяси доктрина"]?.definition.hasSuffix("түрлері мен тәсілдеріне де ықпал етеді.") == true)
        #expect(byTerm["Доктрина"]?.definition.hasPrefix("Көзқарастар жүйесі, ғылыми және философиялық теория") == true)
    }

    /// 002: twelve entries on lines of their own (the eleven `Term:` lines
    /// and «Утилитарлар- …»), and five definitions in running text:
    /// «табиғи жағдай дегеніміз …», «Ұжымдық қауіпсіздік жүйесі – …»,
    /// «Транснационализм, әсіресе, … қолданылатын термин сөз» (621),
    /// «Сыни теория - бұл …», «Ақпарат - …». Headings (Дәріс жоспары:,
    /// Деңгейлік тапсырмалар:), lesson-plan fields (Дәріс мақсаты:) and the
    /// colon in «мәселе мынада: Карл …» are not entries.
    /// The curated deck's other twelve terms are not definitions in the
    /// text but descriptions its editor condensed: Стоицизм (86, where
    /// liberal thought comes from), Идеализм (225, «Реалистердің Идеализм
    /// деп атаған бұл … пікір», a name in a relative clause), Ұжымдық
    /// қорғаныс (421, inside an attribute), Демократиялық бейбітшілік
    /// теориясы (495) and Модернизация теориясы (857) (what a theory
    /// claims, «… айтады», «… деп санайды»), Неолибералды институционализм
    /// (503) and Әлемдік жүйелер теориясы (903) (history of a school),
    /// Өзара түсіністік қағидасы (573, «…-ға сәйкес», what follows from a
    /// rule), Өзара тәуелділік (629, «… деп пайымдайды»), Буржуазия and
    /// Пролетариат (731, 733, two classes named inside a sentence on their
    /// conflict), Тәуелділік теориясы (835, its founders).
    @Test("002: its full glossary, terms cut to the real term")
    func glossary002() throws {
        let extraction = try SeedFiles.extraction()
        let document = try #require(SeedFiles.document("002", in: extraction))
        let expected: [(String, Int)] = [
            ("Утилитарлар", 137), ("Табиғи жағдай", 177), ("Жоғарғы саясат", 367), ("Ұжымдық қауіпсіздік жүйесі", 427),
            ("Ұлттар Лигасы", 435), ("Дипломатия", 459), ("Салыстырмалы табыс", 535), ("Абсолютті жетістік", 539),
            ("Тұтқындар диллемасы", 561), ("Режим", 607), ("Транснационализм", 621), ("Коммунизм", 743), ("Империализм", 785),
            ("Неоколонолизм", 869), ("Сыни теория", 989), ("Ақпарат", 1021), ("Гегемония", 1053),
        ]
        #expect(document.glossary.map(\.term) == expected.map(\.0))
        #expect(document.glossary.map(\.line) == expected.map(\.1))
        let byTerm = Dictionary(document.glossary.map { ($0.term, $0) }, uniquingKeysWith: { a, _ in a })
        // The notes spell ө as ӛ: the definitions come out repaired.
        #expect(byTerm["Режим"]?.definition == "Мемлекеттердің белгілі бір салада келісімге келіп, өздерінің іс-әркеттерін реттейтін құралдар, нормалар мен қағидалар жиынтығы.")
        #expect(byTerm["Коммунизм"]?.definition == "Өндіріс құралдарына жеке меншіктік болмайтын экономикалық жүйе.")
        #expect(byTerm["Утилитарлар"]?.definition.hasPrefix("Орынды, өнегелі іс-әрекеттің") == true)
        // The lecture's own spellings, and the standard ones it also uses.
        #expect(byTerm["Неоколонолизм"]?.variants == ["Неоколониализм"])
        #expect(byTerm["Тұтқындар диллемасы"]?.variants == ["Тұтқындар дилеммасы"])
        #expect(byTerm["Режим"]?.variants == [])
        #expect(byTerm["Транснационализм"]?.definition.hasSuffix("қызметтерін сипаттау үшін қолданылатын термин сөз.") == true)
        #expect(byTerm["Транснационализм"]?.definition.hasPrefix("Бірнеше мемлекетте") == true)
        #expect(byTerm["Империализм"]?.definition.hasSuffix("қанау саясатына берілген ат.") == true)
        for entry in document.glossary {
            #expect(!entry.definition.contains("ӛ"))
        }
    }

    /// 001 (HTML) and 003 define nothing in these patterns, and neither
    /// does 004: its only `Term – definition` sentence, «Егемендік – тек
    /// өткеннің жетістігі емес, күн сайын дәлелдеуді қажет ететін
    /// жауапкершілік», is rhetoric ("not only … but"), not a definition
    /// (issue 13). Its headings («Орта держава – мәртебе емес, миссия»,
    /// «БҰҰ мінберіндегі ұстаным: …») have no final stop, and «Орта держава
    /// мәртебесіне ие болу – …» has a five-word head.
    @Test("001, 003 and 004: no definitions, 004's rhetoric included")
    func glossaryElsewhere() throws {
        let extraction = try SeedFiles.extraction()
        #expect(SeedFiles.document("001", in: extraction)?.glossary.map(\.term) == [])
        #expect(SeedFiles.document("003", in: extraction)?.glossary.map(\.term) == [])
        #expect(SeedFiles.document("004", in: extraction)?.glossary.map(\.term) == [])
    }

    /// kazakh-text.md §1.5: 002 has 157 ӛ and 7 Ӛ; 000 one Latin c.
    @Test("the look-alike repairs the reference notes count")
    func lookalikeCounts() throws {
        let extraction = try SeedFiles.extraction()
        let wrong002 = extraction.repairs.filter { $0.file.hasPrefix("002") && $0.kind == .wrongLetter }
        let replaced = wrong002.reduce(0) { sum, r in sum + r.before.filter { $0 == "ӛ" || $0 == "Ӛ" }.count }
        #expect(replaced == 164)
        let latin = extraction.repairs.filter { $0.kind == .latinLookalike }
        #expect(latin.map(\.before) == ["cөзіне"])
        #expect(latin.first?.file.hasPrefix("000") == true)
        #expect(latin.first?.line == 534)
        // 001 is HTML with English text: its Latin letters stay.
        #expect(!extraction.repairs.contains { $0.file.hasPrefix("001") && ($0.kind == .latinLookalike || $0.kind == .wrongLetter) })
    }

    /// kazakh-text.md §5.1: all twelve line-final hyphens of 000 and 002 are real.
    @Test("all twelve line-final hyphens of 000 and 002 are kept")
    func lineFinalHyphens() throws {
        let extraction = try SeedFiles.extraction()
        let atBreaks = extraction.repairs.filter {
            ($0.file.hasPrefix("000") || $0.file.hasPrefix("002")) && $0.before.contains("⏎")
                && ($0.kind == .hyphenKept || $0.kind == .hyphenJoined)
        }
        #expect(atBreaks.count == 12)
        #expect(atBreaks.allSatisfy { $0.kind == .hyphenKept })
        #expect(Set(atBreaks.map(\.after)) == [
            "ұлттық-мемлекеттік", "іс-шараларды", "АҚШ-пен", "ТМД-ның", "әлеуметтік-экономикалық",
            "1724-1804", "іс-әрекеттері", "зорлық-зомбылық", "іс-әркеттерін", "моральдық-гуманитарлық",
        ])
    }

    @Test("the words split in 000 are joined again")
    func splitWords() throws {
        let extraction = try SeedFiles.extraction()
        let joined = extraction.repairs.filter { $0.kind == .splitWord }
        #expect(joined.map(\.after) == ["өркендеуінің", "тоғысында"])
        let document = try #require(SeedFiles.document("000", in: extraction))
        let text = document.paragraphs.map(\.text).joined(separator: "\n")
        #expect(text.contains("«Ғасырлар тоғысында»"))
        #expect(text.contains("өсіп-өркендеуінің,"))
    }

    /// Checked by reading: «Дипломатия сөзіне анықтама беріңіз» (000) is
    /// answered by the definition of Дипломатия in 002, line 459.
    @Test("retrieval spans the files: 000's question finds 002's definition")
    func crossFileRetrieval() throws {
        let extraction = try SeedFiles.extraction()
        let best = try #require(extraction.index.search("Дипломатия сөзіне анықтама беріңіз?", limit: 3).first)
        #expect(best.passage.file.hasPrefix("002"))
        #expect(best.passage.line == 459)
        #expect(best.passage.text.hasPrefix("Дипломатия: Қақтығыстарды"))
    }

    /// Passages judged by reading the seeds: where each question is
    /// answered (file prefix and line range).
    @Test("hand-judged answers are among the top three", arguments: [
        // Неолибералдық институционализм … бұрынғы либералдық ұстанымдардан өзгеше.
        ("Неолиберализм мен Либерализм қай тұрғыда бір-бірінен бөлінеді?", "002", 503...533),
        // Марксистердің бұл ұстанымдары … ең маңызды ерекшелігі болып табылады.
        ("Марксистік ұстанымды жалпы алғанда өзге ұстанымдардан ерекшелендіріп тұрған не?", "002", 756...776),
        // Неолибералдар халықаралық ынтымақтастыққа, халықаралық ұйымдар мен режимдердің пайда болуын мысал …
        ("Халықаралық ынтымақтастықтың теоретикалық тұжырымдары?", "002", 583...601),
        // Басқа сөзбен айтқанда, дипломатиялық қызмет Қазақстанның … маңызды құрамына айналып отыр.
        ("Дипломатиялық қызмет ұғымына анықтама берсеңіз?", "003", 9...9),
    ])
    func judgedAnswers(question: String, file: String, lines: ClosedRange<Int>) throws {
        let extraction = try SeedFiles.extraction()
        let top = extraction.index.search(question, limit: 3)
        #expect(top.contains { $0.passage.file.hasPrefix(file) && lines.contains($0.passage.line) }, "\(top.map { "\($0.passage.file):\($0.passage.line)" })")
    }
}
