import Testing

@testable import Lectures

/// The definition shapes of running text (RunningTextDefinitions.swift):
/// each with sentences it must take, cut to the real term, and sentences
/// that look alike but define nothing.
@Suite("Definitions in running text")
struct RunningTextDefinitionTests {
    static let lexicon = Lexicon(lines: [
        SourceLine(number: 1, text: "Қазіргі кезде жиі қолданылатын Транснационализм ұғымы. Желтоқсан көтерілісі. Джон Локк."),
    ])

    /// Each text is one paragraph.
    func glossary(_ texts: [String]) -> [GlossaryEntry] {
        let paragraphs = texts.enumerated().map { Paragraph(text: $0.element, marks: [LineMark(offset: 0, line: ($0.offset + 1) * 10)]) }
        return GlossaryFinder.find(in: paragraphs, file: "f", lexicon: Self.lexicon)
    }

    // MARK: naming — «… деп аталады.»

    @Test("«Мұндай жағдай «X» деп аталады»: the term in quotes, the sentence before as its definition")
    func namingAnaphoric() {
        let found = glossary([
            "Бірқатар жағдайларда ресми жарияланған стратегиялар мен шешімдер стратегияның мәнін бейнелемейді. Мұндай жағдай «құпия дипломатия» деп аталады.",
        ])
        #expect(found.map(\.term) == ["Құпия дипломатия"])
        #expect(found.first?.definition == "Бірқатар жағдайларда ресми жарияланған стратегиялар мен шешімдер стратегияның мәнін бейнелемейді.")
        #expect(found.first?.pattern == .naming)
    }

    @Test("«Бұл құбылыс X деп аталады» without quotes: the words after the anaphoric subject")
    func namingUnquoted() {
        let found = glossary([
            "Мемлекеттер сауда мен капитал ағыны арқылы бір-біріне тәуелді болады. Бұл құбылыс өзара тәуелділік деп аталады.",
        ])
        #expect(found.map(\.term) == ["Өзара тәуелділік"])
        #expect(found.first?.definition.hasPrefix("Мемлекеттер сауда") == true)
    }

    @Test("«DEF «X» деп аталады»: the definition before the term in the same sentence")
    func namingInline() {
        let found = glossary(["Мемлекеттің екінші мемлекетке экономикалық қысым арқылы ықпал етуі «қысым дипломатиясы» деп аталады."])
        #expect(found.map(\.term) == ["Қысым дипломатиясы"])
        #expect(found.first?.definition == "Мемлекеттің екінші мемлекетке экономикалық қысым арқылы ықпал етуі.")
    }

    @Test("naming an event, a body or a book, «деп аталатын», or a long name is no glossary entry", arguments: [
        // An event with a date and a capitalised name.
        "Алматыда болған жастар шеруі. 1986 жылғы оқиғалар «Желтоқсан көтерілісі» деп аталады.",
        // An event without a date: what an event is called is a name.
        "Жастар алаңға шығып, билікке қарсы шықты. Бұл оқиға «желтоқсан оқиғасы» деп аталады.",
        // A name in capitals after an anaphoric subject.
        "Одақтас мемлекеттер соғыстан кейінгі тәртіпті келісті. Мұндай жиын «Ялта конференциясы» деп аталады.",
        // «деп аталатын» is "so-called": the sentence is about something else.
        "Маркс пен Энгельс «Коммунистік манифест» деп аталатын еңбегінде таптар тарихын жазды.",
        // Five words in the quotes: a description, not a term.
        "Қарулы қақтығыс болмады. Мұндай кезең «ұзақ бейбіт қатар өмір сүру кезеңі» деп аталады.",
        // The sentence before reports a naming and opens with a pronoun.
        "Ол Еуразияның орталығын жүрекжер деп атады. Мұндай көзқарас «құрлықтық геосаясат» деп аталады.",
        // No sentence before the anaphoric subject to be its definition.
        "Мұндай жағдай «құпия дипломатия» деп аталады.",
        // The subject is a pronoun phrase of three words, not «Мұндай N».
        "Ол уақытта бәрі өзгерді. Бұл жағдай тарихта «қайта құру» деп аталады.",
    ])
    func namingNot(text: String) {
        #expect(glossary([text]).isEmpty, "\(text)")
    }

    // MARK: explanation — «X деп … түсінеміз.»

    @Test("«X деп, DEF түсіндіріледі / түсінеміз»: the term opens the sentence, genitive and all")
    func explanation() {
        let found = glossary([
            "Жүйенің өздігінен ұйымдасуы деп, құрылымдық және функционалдық қатынастарды бір жүйеге келтіру қабілеті түсіндіріледі.",
            "Ұлттық мүдде деп мемлекеттің өмір сүруі мен дамуы үшін қажетті мақсаттардың жиынтығын түсінеміз.",
        ])
        #expect(found.map(\.term) == ["Жүйенің өздігінен ұйымдасуы", "Ұлттық мүдде"])
        #expect(found.first?.definition == "Құрылымдық және функционалдық қатынастарды бір жүйеге келтіру қабілеті.")
        #expect(found.map(\.pattern) == [.explanation, .explanation])
    }

    @Test("«деп» closing a claim, a pronoun subject or a head of five words is no explanation", arguments: [
        "Біз мұны дұрыс әрі уақтылы шешім деп түсінеміз.",
        "Сарапшылар жаңа кезеңнің басталғанын жариялады деп айтылады.",
        "Көптеген ғалымдар бұл келісімді тарихи бетбұрыс деп түсінеді.",
        "Олар соғысты саясаттың жалғасы деп айтамыз.",
    ])
    func explanationNot(text: String) {
        #expect(glossary([text]).isEmpty, "\(text)")
    }

    // MARK: dictionary — «X былай анықталады: …»

    @Test("«X көптеген сөздіктерде былай анықталады: DEF» and «X-ға мынандай анықтамалар беріледі: DEF»")
    func dictionary() {
        let found = glossary([
            "Сыртқы саяси стратегия көптеген сөздіктерде былай анықталады: – қоғамдық-саяси процестерді басқару өнері.",
            "Көптеген анықтамалық басылымдарда доктринаға мынандай анықтамалар беріледі: Көзқарастар жүйесі, ғылыми теория, ілім.",
        ])
        #expect(found.map(\.term) == ["Сыртқы саяси стратегия", "Доктрина"])
        // «мүдде» ends like the locative -де but is the term's own word.
        #expect(glossary(["Ұлттық мүдде былай анықталады: мемлекеттің өмір сүруі үшін қажетті мақсаттар жиынтығы."]).map(\.term) == ["Ұлттық мүдде"])
        #expect(found.map(\.definition) == ["Қоғамдық-саяси процестерді басқару өнері.", "Көзқарастар жүйесі, ғылыми теория, ілім."])
        #expect(found.map(\.pattern) == [.dictionary, .dictionary])
    }

    @Test("an announced definition with no colon, a pronoun or a lesson-plan field is not taken", arguments: [
        // The definition comes in the next sentence, which has its own shape.
        "Саясаттану сөздігінде сыртқы саяси тактикасына мынандай анықтама берілген.",
        "Оның мәні былай анықталады: елдің мүдделерін қорғау.",
        "Сабақтың мақсаты былай анықталады: студенттер теорияны түсінеді.",
        // A colon in the middle of a sentence that defines nothing.
        "Алайда бұл жерде айтылатын мәселе мынада: Карл Маркстің өзі теорияны жазбаған.",
    ])
    func dictionaryNot(text: String) {
        #expect(glossary([text]).isEmpty, "\(text)")
    }

    // MARK: copula — «X, … болып табылады.»

    @Test("«Яғни, X, DEF болып табылады»: the comma closes the term, the opener is dropped")
    func copulaComma() {
        let found = glossary([
            "Яғни, сыртқы саяси стратегия, елдің басшылығы қабылдайтын ұзақ мерзімді саяси шешімдер жүйесі болып табылады.",
            "Сыртқы саяси стратегия көп кезде ресми рәсімделеді.",
        ])
        #expect(found.map(\.term) == ["Сыртқы саяси стратегия"])
        #expect(found.first?.definition == "Елдің басшылығы қабылдайтын ұзақ мерзімді саяси шешімдер жүйесі.")
        #expect(found.first?.pattern == .copula)
    }

    @Test("«X DEF болып табылады» without a comma only when the lecture repeats X as a phrase")
    func copulaRepeatedPhrase() {
        let sentence = "Сыртқы саясат барлық мемлекет саясатының жүйелік астары, мемлекеттің ұлттық мүдделерді іске асырудағы міндеті болып табылады."
        #expect(glossary([sentence]).isEmpty)
        let found = glossary([
            sentence, "Сыртқы саясат құрылымы күрделі.", "Оның ішінде сыртқы саясат субъектілері бар.",
        ])
        #expect(found.map(\.term) == ["Сыртқы саясат"])
        #expect(found.first?.definition.hasPrefix("Барлық мемлекет саясатының") == true)
    }

    @Test("a repeated proper name is no term: «Еуропалық Одақ … бірлестігі болып табылады»")
    func copulaProperName() {
        let lexicon = Lexicon(lines: [SourceLine(number: 1, text: "Біз Еуропалық Одақ туралы айтамыз.")])
        let paragraphs = [
            "Еуропалық Одақ жиырма жеті мемлекеттің экономикалық және саяси бірлестігі болып табылады.",
            "Еуропалық Одақ кеңейді.", "Ол Еуропалық Одақ деп аталады.",
        ].enumerated().map { Paragraph(text: $0.element, marks: [LineMark(offset: 0, line: $0.offset + 1)]) }
        #expect(GlossaryFinder.find(in: paragraphs, file: "f", lexicon: lexicon).isEmpty)
    }

    @Test("«X, … қолданылатын термин»: a doctrine's capital does not make it a name")
    func copulaTerm() {
        let found = glossary([
            "Қазіргі кезде жиі қолданылатын Транснационализм сияқты ұғымдар жаңашылдықтың өнімі.",
            "Транснационализм, әсіресе, трансұлттық корпорациялар мен үкіметтік емес ұйымдардың қызметін сипаттау үшін қолданылатын термин.",
        ])
        #expect(found.map(\.term) == ["Транснационализм"])
        #expect(found.first?.definition.hasPrefix("Трансұлттық корпорациялар") == true)
    }

    @Test("a copula after a case-marked subject, a list, a reported claim or a name is no definition", arguments: [
        "Марксистік теорияларда, экономика негізгі түсіндіруші өзгергіш болып табылады.",
        "Экономикалық факторлардан басқа саяси, әлеуметтік және мәдени факторлар да әсер етуші факторлар болып табылады.",
        "Стоиктер, барлық адамдар үлкен қауымдастықтың бір бөлігі болып табылады деп деуде.",
        "Осы мәселені атап өткен ойшылдардың бірі Джон Локк болып табылады.",
        "Реалистердің пікірінше, әскери күш мемлекеттердің бірінші кезектегі міндеті болып табылады.",
        "Локк, либерализмнің негізін қалаған ағылшын ойшылы болып табылады.",
        // Said once, a comma after the subject is a statement, not a term.
        "Ауыл шаруашылығы, ел экономикасының ең негізгі саласы болып табылады.",
    ])
    func copulaNot(text: String) {
        #expect(glossary([text]).isEmpty, "\(text)")
    }

    // MARK: «Сонымен, X – бұл …»

    @Test("a summing-up opener before «X – бұл DEF» is dropped; the term is what stands before the dash")
    func afterOpener() {
        let found = glossary([
            "Сонымен, дипломатия – бұл мемлекеттердің келіссөз арқылы мүдделерін қорғау өнері.",
            "Ал геосаясат - бұл географиялық факторлардың саясатқа ықпалын зерттейтін ғылым.",
        ])
        #expect(found.map(\.term) == ["Дипломатия", "Геосаясат"])
        #expect(found.first?.definition == "Мемлекеттердің келіссөз арқылы мүдделерін қорғау өнері.")
    }

    @Test("a reported view, a long head or a pronoun before «– бұл» is not taken", arguments: [
        "Олардың пікірінше, соғыс – бұл саясаттың басқа құралдармен жалғасуы.",
        "Сонымен, осы заманғы халықаралық қатынастар жүйесінің басты ерекшелігі – бұл көпполярлық.",
        "Сонымен, бұл – бұл мәселенің ең күрделі тұсы болып қала береді.",
        "Ал оның мәні – бұл екі жақты келісім.",
    ])
    func afterOpenerNot(text: String) {
        #expect(glossary([text]).isEmpty, "\(text)")
    }

    // MARK: one entry per term

    @Test("a term defined twice keeps the shorter definition, in file order")
    func onePerTerm() {
        let found = glossary([
            "Сыртқы саяси стратегия көптеген сөздіктерде былай анықталады: – қоғамдық-саяси процестерді басқару өнері, басшылықтың жалпы жоспары ретінде; – дұрыс және ұзақ мерзімді бағдарламаларға негізделген басқару өнері ретінде.",
            "Режим: мемлекеттердің келісімге келіп, іс-әрекеттерін реттейтін нормалар жиынтығы.",
            "Яғни, сыртқы саяси стратегия, елдің басшылығы қабылдайтын саяси шешімдер жүйесі болып табылады.",
        ])
        #expect(found.map(\.term) == ["Режим", "Сыртқы саяси стратегия"])
        #expect(found.map(\.line) == [20, 30])
    }
}
