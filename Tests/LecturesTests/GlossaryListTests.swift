import Testing

@testable import Lectures

/// A glossary written as a list under its heading: each entry numbered or
/// bulleted, the mark no part of the term, the heading no term.
@Suite("Glossary entries in a numbered or bulleted list")
struct GlossaryListTests {
    static func entries(_ text: String) throws -> [String] {
        let extraction = try LectureExtractor.extract([LectureInput(path: "notes.txt", bytes: Array(text.utf8))])
        return try #require(extraction.documents.first).glossary.map { "\($0.term) | \($0.definition)" }
    }

    static let expected = [
        "Фискалдық саясат | Мемлекеттің салықтар мен шығыстар арқылы экономикаға ықпалы.",
        "Мультипликатор | Инвестиция өсімінің табыс өсіміне әсерін көрсететін коэффициент.",
        "Квота | Импорт көлемін шектеу.",
    ]

    @Test("numbered entries: `1)`, `1.`, `№1`, `№ 1)`", arguments: [["1)", "2)", "3)"], ["1.", "2.", "3."], ["№1", "№2", "№3"], ["№ 1)", "№ 2)", "№ 3)"]])
    func numbered(marks: [String]) throws {
        let found = try Self.entries("""
            Глоссарий
            \(marks[0]) Фискалдық саясат – мемлекеттің салықтар мен шығыстар арқылы экономикаға ықпалы.
            \(marks[1]) Мультипликатор – инвестиция өсімінің табыс өсіміне әсерін көрсететін коэффициент.
            \(marks[2]) Квота – импорт көлемін шектеу.
            """)
        #expect(found == Self.expected)
    }

    @Test("numbered entries among running text and after a blank line")
    func numberedInParagraphs() throws {
        let found = try Self.entries("""
            Дәріс 3. Фискалдық саясат

            Мемлекет салық пен шығыс арқылы экономикаға әсер етеді, бұл тарауда соның негізгі ұғымдары қарастырылады.

            Глоссарий:

            1) Фискалдық саясат – мемлекеттің салықтар мен шығыстар арқылы экономикаға ықпалы.

            2) Мультипликатор – инвестиция өсімінің табыс өсіміне әсерін көрсететін коэффициент.

            3) Квота – импорт көлемін шектеу.
            """)
        #expect(found == Self.expected)
    }

    @Test("bulleted entries: `-`, `–`, `—`, `*`, `·`, `•`, `▪`; the heading is no term", arguments: ["-", "–", "—", "*", "·", "•", "▪"])
    func bulleted(bullet: String) throws {
        let expected = [
            "Дотация | Мемлекеттің кәсіпорынға қайтарымсыз беретін көмегі.",
            "Субсидия | Мемлекет бюджетінен берілетін қаржылай жәрдем.",
            "Квота | Импорт көлемін шектеу.",
        ]
        let lines = try Self.entries("""
            Глоссарий
            \(bullet) Дотация – мемлекеттің кәсіпорынға қайтарымсыз беретін көмегі.
            \(bullet) Субсидия – мемлекет бюджетінен берілетін қаржылай жәрдем.
            \(bullet) Квота – импорт көлемін шектеу.
            """)
        #expect(lines == expected)
        let paragraphs = try Self.entries("""
            Дәріс 4. Мемлекеттік қолдау

            Мемлекет кәсіпорындарды бюджет қаражатымен қолдайды, бұл тарауда соның түрлері қарастырылады.

            Глоссарий:

            \(bullet) Дотация – мемлекеттің кәсіпорынға қайтарымсыз беретін көмегі.

            \(bullet) Субсидия – мемлекет бюджетінен берілетін қаржылай жәрдем.

            \(bullet) Квота – импорт көлемін шектеу.
            """)
        #expect(paragraphs == expected)
    }

    @Test("a wrapped line that opens with a dash goes on with its sentence")
    func dashInRunningText() throws {
        let found = try Self.entries("""
            Дәріс 4. Мемлекеттік қолдау
            Мемлекеттің кәсіпорындарға көмегінің екі түрі бар: біріншісі
            – Дотация деп аталатын қайтарымсыз көмек, екіншісі несие.
            Субсидия – мемлекет бюджетінен берілетін қаржылай жәрдем.
            """)
        #expect(found == ["Субсидия | Мемлекет бюджетінен берілетін қаржылай жәрдем."])
    }

    @Test("a glossary whose line breaks were lost: the heading, then the numbered entries on one line",
        arguments: [["1)", "2)", "3)"], ["1.", "2.", "3."], ["№1", "№2", "№3"]])
    func numberedOnOneLine(marks: [String]) throws {
        let found = try Self.entries("""
            Дәріс 3. Фискалдық саясат

            Глоссарий: \(marks[0]) Фискалдық саясат – мемлекеттің салықтар мен шығыстар арқылы экономикаға ықпалы. \(marks[1]) Мультипликатор – инвестиция өсімінің табыс өсіміне әсерін көрсететін коэффициент. \(marks[2]) Квота – импорт көлемін шектеу.
            """)
        #expect(found == Self.expected)
    }
}
