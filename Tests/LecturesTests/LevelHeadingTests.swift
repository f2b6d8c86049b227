import Testing

@testable import Lectures

/// Level questions listed under a heading line (`1 деңгей` and then
/// `1. …`), as most lecturers write them; the seeds put the level on every
/// question line instead. Each heading shape, each list mark, and the
/// numbered lists of a lecture that are no questions.
@Suite("Level questions under a level heading")
struct LevelHeadingTests {
    static func questions(_ text: String, name: String = "notes.txt") throws -> [String] {
        let extraction = try LectureExtractor.extract([LectureInput(path: name, bytes: Array(text.utf8))])
        return try #require(extraction.documents.first).questions.map { "\($0.level.map(String.init) ?? "task") \($0.text)" }
    }

    @Test("`1 деңгей` on its own line, then a numbered list")
    func headingThenNumberedList() throws {
        let found = try Self.questions("""
            Дәріс 5. Еуропалық интеграция
            Еуропалық одақ алты мемлекеттің көмір және болат қоғамдастығынан бастау алды.
            Деңгейлік тапсырмалар
            1 деңгей
            1. Интеграция ұғымын анықтаңыз.
            2. Еуропалық одақтың құрылу тарихын атаңыз.
            2 деңгей
            1. Маастрихт шартының маңызын түсіндіріңіз.
            3 деңгей
            1. Еуропалық одақтың кеңеюінің салдарын бағалаңыз.
            """)
        #expect(found == [
            "1 Интеграция ұғымын анықтаңыз.",
            "1 Еуропалық одақтың құрылу тарихын атаңыз.",
            "2 Маастрихт шартының маңызын түсіндіріңіз.",
            "3 Еуропалық одақтың кеңеюінің салдарын бағалаңыз.",
        ])
    }

    @Test("every heading shape: `1-деңгей`, `II деңгей`, `Деңгей 3`, `1 деңгей тапсырмалары:`, `Екінші деңгей`, `3-ші деңгей (талдау)`",
        arguments: [
            ("1-деңгей", 1), ("1–деңгей:", 1), ("II деңгей", 2), ("ІІ деңгей", 2), ("Деңгей 3", 3), ("Деңгей III:", 3),
            ("1 деңгей тапсырмалары:", 1), ("2-деңгейлік сұрақтар", 2), ("Бірінші деңгей", 1), ("Екінші деңгей сұрақтары:", 2),
            ("Үшінші деңгей", 3), ("3-ші деңгей (талдау)", 3), ("2 деңгейлі сұрақтар:", 2),
        ])
    func headingShapes(heading: String, level: Int) throws {
        let found = try Self.questions("""
            Деңгейлік тапсырмалар
            \(heading)
            1) Кеден одағының мүшелерін атаңыз.
            2) Ортақ сыртқы тариф дегеніміз не?
            """)
        #expect(found == ["\(level) Кеден одағының мүшелерін атаңыз.", "\(level) Ортақ сыртқы тариф дегеніміз не?"])
    }

    @Test("an item's number in every form: `№1`, `№ 1`, `№1.`, `№1)`, Roman `I.`, `Сұрақ 1.`, `1-сұрақ.`, `1.1.`",
        arguments: [
            ["№1", "№2", "№3"], ["№ 1", "№ 2", "№ 3"], ["№1.", "№2.", "№3."], ["№1)", "№2)", "№3)"],
            ["I.", "II.", "III."], ["І.", "ІІ.", "ІІІ."], ["I)", "II)", "III)"], ["Сұрақ 1.", "Сұрақ 2.", "Сұрақ 3."],
            ["1-сұрақ.", "2-сұрақ.", "3-сұрақ."], ["1-сұрақ:", "2-сұрақ:", "3-сұрақ:"], ["1 сұрақ.", "2 сұрақ.", "3 сұрақ."],
            ["СҰРАҚ 1.", "СҰРАҚ 2.", "СҰРАҚ 3."], ["Сұрақ №1.", "Сұрақ №2.", "Сұрақ №3."],
            ["1-тапсырма.", "2-тапсырма.", "3-тапсырма."], ["Тапсырма 1:", "Тапсырма 2:", "Тапсырма 3:"],
            // Numbered within the level's section: item 1, 2, 3 of section 1.
            ["1.1.", "1.2.", "1.3."], ["1.1)", "1.2)", "1.3)"],
        ])
    func numberForms(marks: [String]) throws {
        let found = try Self.questions("""
            Деңгейлік тапсырмалар:

            1-деңгей
            \(marks[0]) Салық дегеніміз не?
            \(marks[1]) Салықтың түрлерін атаңыз
            \(marks[2]) Жанама салықтың мысалын келтіріңіз.
            """)
        #expect(found == ["1 Салық дегеніміз не?", "1 Салықтың түрлерін атаңыз", "1 Жанама салықтың мысалын келтіріңіз."])
    }

    @Test("Roman numbers go on past III, and a number out of order still ends the list")
    func romanOrder() throws {
        let found = try Self.questions("""
            Деңгейлік тапсырмалар
            2 деңгей
            I. Салықтың түрлерін атаңыз.
            II. Салық жүйесінің қағидаттарын түсіндіріңіз.
            III. Жанама салықтың мысалын келтіріңіз.
            IV. Салық жеңілдігінің мақсатын түсіндіріңіз.
            II. Салық кодексі. – Астана, 2017.
            """)
        #expect(found == [
            "2 Салықтың түрлерін атаңыз.",
            "2 Салық жүйесінің қағидаттарын түсіндіріңіз.",
            "2 Жанама салықтың мысалын келтіріңіз.",
            "2 Салық жеңілдігінің мақсатын түсіндіріңіз.",
        ])
    }

    @Test("a heading that says what its level tests: `1-деңгей: білу және түсіну`, `1-деңгей – …`, `1-деңгей. Білу …`",
        arguments: ["1-деңгей: білу және түсіну", "1-деңгей – білу және түсіну", "1-деңгей. Білу және түсіну", "І деңгей: Білу"])
    func describedHeading(heading: String) throws {
        let inSection = try Self.questions("""
            Деңгейлік тапсырмалар

            \(heading)
            1. Салық дегеніміз не?
            2. Салықтың түрлерін атаңыз.
            2-деңгей: қолдану
            • Жанама және тікелей салықтарды салыстырыңыз.
            """)
        #expect(inSection == [
            "1 Салық дегеніміз не?", "1 Салықтың түрлерін атаңыз.", "2 Жанама және тікелей салықтарды салыстырыңыз.",
        ])
        let outside = try Self.questions("""
            Дәріс 3. Салық саясаты
            Салық – мемлекет бюджетіне төленетін міндетті төлем.
            \(heading)
            1. Салық дегеніміз не?
            2. Салықтың түрлерін атаңыз.
            """)
        #expect(outside == ["1 Салық дегеніміз не?", "1 Салықтың түрлерін атаңыз."])
    }

    @Test("a level question that asks nothing stays a question; a list after it that asks nothing is no list of questions")
    func describedHeadingNeedsQuestions() throws {
        let found = try Self.questions("""
            Деңгейлік тапсырмалар
            1-деңгейлік сұрақ. Салық жүйесінің қағидаттары.
            2-деңгейлік сұрақ. Жанама салықтар.
            1. Салық кодексі. – Астана, 2017.
            2. Салық жүйесі. – Алматы, 2019.
            """)
        #expect(found == ["1 Салық жүйесінің қағидаттары.", "2 Жанама салықтар."])
    }

    @Test("the section heading in the singular or plural, then `1 – …` (level, dash, question)",
        arguments: [
            "Деңгейлік тапсырма", "Деңгейлік тапсырма:", "Деңгейлік сұрақ", "ДЕҢГЕЙЛІК ТАПСЫРМАЛАР", "Деңгейлік сұрақтар:",
            "Деңгейлі тапсырмалар", "III. Деңгейлік тапсырмалар", "5. Деңгейлік тапсырма:",
        ])
    func sectionHeadingSingular(heading: String) throws {
        let found = try Self.questions("""
            \(heading)

            1 – Салық дегеніміз не?
            1 – Салықтың түрлерін атаңыз.
            2 – Жанама және тікелей салықтарды салыстырыңыз.
            3 – Салық саясатының экономикалық өсуге әсерін бағалаңыз.
            """)
        #expect(found == [
            "1 Салық дегеніміз не?", "1 Салықтың түрлерін атаңыз.", "2 Жанама және тікелей салықтарды салыстырыңыз.",
            "3 Салық саясатының экономикалық өсуге әсерін бағалаңыз.",
        ])
    }

    @Test("a question wrapped after a dash is one question, not a label with a list",
        arguments: ["", "Қазақстан 1992 жылы БҰҰ-ға мүше болды, содан бері ұйымның барлық негізгі бағдарламаларына қатысып келеді.\n"])
    func wrappedAfterDash(before: String) throws {
        let found = try Self.questions("""
            \(before)Деңгейлік тапсырмалар:
            2–деңгейлік сұрақ. Тәуелсіздіктің алғашқы жылдарындағы сыртқы саясатты сипаттаңыз.
            3–деңгейлік сұрақ. «Көпвекторлы саясат»
            – ұғымының мәнін талдаңыз.
            """)
        #expect(found == [
            "2 Тәуелсіздіктің алғашқы жылдарындағы сыртқы саясатты сипаттаңыз.", "3 «Көпвекторлы саясат» – ұғымының мәнін талдаңыз.",
        ])
    }

    @Test("a question section whose questions are in no known shape is reported by its heading's line")
    func sectionWithoutQuestions() throws {
        func document(_ text: String) throws -> LectureDocument {
            let extraction = try LectureExtractor.extract([LectureInput(path: "notes.txt", bytes: Array(text.utf8))])
            return try #require(extraction.documents.first)
        }
        let lost = try document("""
            Салық – мемлекет бюджетіне төленетін міндетті төлем.

            Деңгейлік тапсырмалар

            Салық дегеніміз не?
            Салықтың түрлерін атаңыз.
            """)
        #expect(lost.questions.isEmpty)
        #expect(lost.questionSection == SourceLine(number: 3, text: "Деңгейлік тапсырмалар"))
        let found = try document("""
            Деңгейлік тапсырма

            1 – Салық дегеніміз не?
            """)
        #expect(found.questions.map(\.text) == ["Салық дегеніміз не?"])
        #expect(found.questionSection?.number == 1)
        let none = try document("Салық – мемлекет бюджетіне төленетін міндетті төлем.")
        #expect(none.questionSection == nil)
    }

    @Test("bullets and unmarked lines under a heading, outside any section")
    func bulletsAndUnmarked() throws {
        let found = try Self.questions("""
            Бірінші деңгей сұрақтары:
            • Трансшекаралық өзен ұғымын түсіндіріңіз.
            • Арал қоры қашан құрылды?
            Деңгей 2
            Жоғарғы және төменгі ағыстағы елдердің мүдделерін салыстырыңыз.
            Рогун стансасы өңірлік су балансына қалай әсер етеді
            Әдебиеттер
            1. Жұмабеков Т. Орталық Азияның су ресурстары. – Алматы, 2019.
            """)
        #expect(found == [
            "1 Трансшекаралық өзен ұғымын түсіндіріңіз.",
            "1 Арал қоры қашан құрылды?",
            "2 Жоғарғы және төменгі ағыстағы елдердің мүдделерін салыстырыңыз.",
            "2 Рогун стансасы өңірлік су балансына қалай әсер етеді",
        ])
    }

    @Test("numbered lists that are no questions: the levels of something, a plan, a reading list restarting at 1")
    func ordinaryListsAreLeft() throws {
        let found = try Self.questions("""
            Дәріс жоспары:
            1. Көші-қонның түрлері.
            2. Қазақстанның көші-қон саясаты.
            Ынтымақтастық үш деңгейде жүреді.
            Бірінші деңгей
            1. Үкіметаралық келісімдер.
            2. Су шаруашылығын үйлестіру комиссиясы.
            Бірінші деңгей – мемлекетаралық келісімдер жүйесі.
            Деңгейлік тапсырмалар
            1 деңгей
            1. Көші-қон ұғымына анықтама беріңіз.
            1. Назарбаев Н. Ә. Еуразиялық одақ. – Астана, 2011.
            2. Байзакова К. И. Еуразиялық интеграция. – Алматы, 2017.
            """)
        #expect(found == ["1 Көші-қон ұғымына анықтама беріңіз."])
    }

    @Test("a heading list in notes that lost their line breaks")
    func lostLineBreaks() throws {
        let found = try Self.questions("""
            Кеден одағы 2010 жылы іске қосылды. Деңгейлік тапсырмалар 1 деңгей 1. Интеграция ұғымын анықтаңыз. 2. Кеден одағының мүшелерін атаңыз. 2 деңгей 1. Кеден одағы мен ЕАЭО айырмашылығын түсіндіріңіз.
            """)
        #expect(found == [
            "1 Интеграция ұғымын анықтаңыз.",
            "1 Кеден одағының мүшелерін атаңыз.",
            "2 Кеден одағы мен ЕАЭО айырмашылығын түсіндіріңіз.",
        ])
    }

    @Test("HTML: `<h3>I деңгей</h3>` and `<li>` items without numbers")
    func html() throws {
        let found = try Self.questions("""
            <html><body><h1>Дәріс 12. Климат саясаты</h1>
            <p>Климат режимінің негізгі құжаттары:</p><ol><li>Киото хаттамасы (1997).</li><li>Париж келісімі (2015).</li></ol>
            <h2>Деңгейлік тапсырмалар</h2>
            <h3>I деңгей</h3><ol><li>Парниктік газдар дегеніміз не?</li><li>Киото хаттамасы қай жылы қабылданды?</li></ol>
            <p><strong>II деңгей</strong></p><ul><li>Киото хаттамасы мен Париж келісімін салыстырыңыз</li></ul>
            <h3>Әдебиеттер</h3><ol><li>Париж келісімі. – Нью-Йорк: БҰҰ, 2015.</li></ol>
            </body></html>
            """, name: "climate.html")
        #expect(found == [
            "1 Парниктік газдар дегеніміз не?",
            "1 Киото хаттамасы қай жылы қабылданды?",
            "2 Киото хаттамасы мен Париж келісімін салыстырыңыз",
        ])
    }

    @Test("hard-wrapped PDF text: an item wrapped over two lines, one without a stop")
    func wrapped() throws {
        let found = try Self.questions("""
            Халықаралық көші-қон ұйымы 1951 жылы құрылды, 2016 жылдан бастап БҰҰ
            жүйесіне кіреді. Қазақстан бұл ұйымға 1998 жылы мүше болды және оның
            бағдарламаларына белсенді қатысады, әсіресе еңбек көші-қоны саласында.
            Деңгейлік тапсырмалар
            2-деңгей тапсырмалары:
            1) Еңбек көші-қонының Орталық Азия елдерінің экономикасына әсерін
            түсіндіріңіз.
            2) Қазақстанның көші-қон саясатының кезеңдерін сипаттаңыз
            3) Көші-қон ағындарын реттеудің өңірлік тетігін ұсыныңыз.
            """)
        #expect(found == [
            "2 Еңбек көші-қонының Орталық Азия елдерінің экономикасына әсерін түсіндіріңіз.",
            "2 Қазақстанның көші-қон саясатының кезеңдерін сипаттаңыз",
            "2 Көші-қон ағындарын реттеудің өңірлік тетігін ұсыныңыз.",
        ])
    }
}

/// A figure with a decimal point opening a sentence is no list number:
/// only `N.M.` and `N.M)` are, with the closing mark.
@Suite struct SectionNumberTests {
    @Test func aDecimalFigureIsNoItemNumber() {
        #expect(ListMark.parse("1.5 млн адам көшіп келді.") == nil)
        #expect(ListMark.parse("1.2. Салық дегеніміз не?")?.mark == .number(2))
    }
}
