import Testing

@testable import Lectures

/// Lesson-plan fields share the questions' words but answer nothing, so
/// they are not passages; content under a colon head stays.
@Suite("Lesson-plan fields are no answers")
struct LessonPlanFieldTests {
    @Test("plan fields are recognised", arguments: [
        "Дәріс мақсаты: Бұл тақырыпты бітіргеннен кейін марксист теорияның ұстанымын түсіндіре алады.",
        "Жұмыстың мақсаты мен міндеті: Қазақстанның сыртқы саясатымен танысу.",
        "Тәжірибелік сабақ оқыту нәтижелері: сыртқы саясат жүйесін түсіндіре алады.",
        "Оқытудың әдістері мен түрлері: баяндау, түсіндіру.",
        "Техникалық және инструментальдық құралдары: интерактивті тақта, проектор.",
    ])
    func fields(text: String) {
        #expect(LessonPlanField.opens(text))
    }

    @Test("content under a colon head is not a plan field", arguments: [
        "Дипломатиялық құралдар: келіссөздер, шарттар мен конференциялар.",
        "Режим: мемлекеттердің келісімге келіп, іс-әрекеттерін реттейтін нормалар жиынтығы.",
        "Сыртқы саясаттың негізгі бағыттары көп: біріншіден, көршілермен қатынас.",
        "Марксист теорияның ұстанымы мынадай: экономика басқа факторлардан жоғары тұрады.",
    ])
    func content(text: String) {
        #expect(!LessonPlanField.opens(text))
    }

    @Test("a plan field's sentences are not passages; the lecture's are")
    func passages() {
        let paragraphs = [
            Paragraph(text: "Дәріс мақсаты: Марксист теорияның ұстанымын түсіндіре алады.", marks: [LineMark(offset: 0, line: 16)]),
            Paragraph(text: "Марксистердің ұстанымы экономикаға негізделген. Бұл олардың ерекшелігі.", marks: [LineMark(offset: 0, line: 40)]),
        ]
        let found = LectureExtractor.passages(of: paragraphs[...], file: "f", glossary: [])
        #expect(found.map(\.line) == [40, 40])
        #expect(found.first?.text == "Марксистердің ұстанымы экономикаға негізделген.")
    }
}
