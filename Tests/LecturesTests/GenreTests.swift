import Testing

@testable import Lectures

/// The findings of issue 13, each on a small lecture in the seeds' genre
/// that is none of the seeds: the extractor must follow the shapes, not
/// the files.
@Suite("Extraction beyond the seeds: the findings of issue 13")
struct GenreTests {
    static func document(_ text: String, name: String = "notes.txt") throws -> LectureDocument {
        let extraction = try LectureExtractor.extract([LectureInput(path: name, bytes: Array(text.utf8))])
        return try #require(extraction.documents.first)
    }

    @Test("`Term- definition` with a small letter after the hyphen is a glossary line, not a compound")
    func lowerCaseAfterHyphen() throws {
        let document = try Self.document("""
            Дипломатия- мемлекеттер арасындағы ресми қатынастарды келіссөздер арқылы жүргізу өнері.
            Бұл сабақта біз екі ұғымды қарастырамыз. Қатаң күш- әскери қуат пен санкцияларға негізделген ықпал.
            """)
        #expect(document.glossary.map(\.term) == ["Дипломатия", "Қатаң күш"])
        #expect(document.glossary.first?.definition == "Мемлекеттер арасындағы ресми қатынастарды келіссөздер арқылы жүргізу өнері.")
    }

    @Test("a hyphen inside running text stays a hyphen")
    func hyphenInRunningText() throws {
        let lexicon = Lexicon()
        #expect(Dehyphenation.decide("Қазақстан", "ресей", spaceAfter: true, lexicon: lexicon)
            != .dash(reason: "a capitalised head opening the sentence, then '- ': a definition"))
        //#expect(Dehyphenation.headOpensSentence(Array("Ол кейін Ресей- қытай"), 9) == false)
        //#expect(Dehyphenation.headOpensSentence(Array("Соңы. Қатаң күш- әскери"), 12) == true)
    }

    @Test("`Term (English or Russian gloss) – definition`")
    func glossedTerm() throws {
        let document = try Self.document("""
            Мультилатерализм (multilateralism) – үш немесе одан да көп мемлекеттің ортақ мәселелерді бірлесіп шешуі.
            Суверенитет (рус. суверенитет, ағылш. sovereignty) – мемлекеттің өз аумағындағы жоғары билігі.
            """)
        #expect(document.glossary.map(\.term) == ["Мультилатерализм", "Суверенитет"])
        #expect(document.glossary.last?.definition == "Мемлекеттің өз аумағындағы жоғары билігі.")
    }

    @Test("a level question without a final stop never swallows the next, whatever the numbering")
    func questionWithoutStop() throws {
        // Hard-wrapped PDF text, single-spaced: no blank line between the
        // two questions.
        let document = try Self.document("""
            Деңгейлік тапсырмалар:
            1–деңгейлік сұрақ. Вето құқығына анықтама беріңіз?
            2–деңгейлік сұрақ. Қауіпсіздік Кеңесінің тұрақты мүшелерінің вето
            құқығы шешім қабылдауға қалай әсер етеді
            III–деңгейлік сұрақ. Қазақстанның БҰҰ-дағы бастамаларын бағалаңыз.
            Деңгей 3. Орталық Азиядағы интеграцияның кедергілерін талдаңыз
            І деңгей: Кеден одағы дегеніміз не?
            """)
        let found = document.questions.map { "\($0.level ?? 0) \($0.text)" }
        #expect(found == [
            "1 Вето құқығына анықтама беріңіз?",
            "2 Қауіпсіздік Кеңесінің тұрақты мүшелерінің вето құқығы шешім қабылдауға қалай әсер етеді",
            "3 Қазақстанның БҰҰ-дағы бастамаларын бағалаңыз.",
            "3 Орталық Азиядағы интеграцияның кедергілерін талдаңыз",
            "1 Кеден одағы дегеніміз не?",
        ])
    }

    @Test("a question section that lost its line breaks is cut into its questions")
    func gluedQuestions() throws {
        let document = try Self.document(
            "Деңгейлік тапсырмалар: I деңгей: МАГАТЭ кепілдіктері дегеніміз не? II деңгей: Қазақстанның арсеналдан "
                + "бас тартуын түсіндіріңіз II деңгей: Ядролық қарусыз аймақтың маңызы қандай? "
                + "ОБӨЖ тапсырмалары: Семей полигонының тарихы.")
        #expect(document.questions.map(\.text) == [
            "МАГАТЭ кепілдіктері дегеніміз не?", "Қазақстанның арсеналдан бас тартуын түсіндіріңіз",
            "Ядролық қарусыз аймақтың маңызы қандай?", "Семей полигонының тарихы.",
        ])
        #expect(document.questions.map(\.level) == [1, 2, 2, nil])
    }

    @Test("running text about levels is no question")
    func levelsInRunningText() throws {
        let document = try Self.document(
            "Деңгейлік тапсырмалар:\nЕл экономикасы 2 деңгейге көтерілді. Бұл деңгейде 3 деңгейлік сұрақтарға жауап жоқ.\n")
        #expect(document.questions.isEmpty)
    }

    @Test("rhetoric in the shape of a definition is no term: negation, not only … but, a clause as subject")
    func rhetoric() throws {
        let document = try Self.document("""
            Егемендік – тек өткеннің жетістігі емес, күн сайын дәлелдеуді қажет ететін жауапкершілік.
            БҰҰ реформасы – бір күннің емес, ондаған жылдың ісі.
            Жарнаны кешіктіріп төлеу – Ұйымның қаржылық қиындықтарының басты себебі.
            Мұнай бағасының құлдырауы – бюджеттің басты қатері.
            Шарттарды адал орындау – халықаралық тәртіптің негізі.
            Брексит – одақ тарихындағы ең ауыр сынақтардың бірі.
            Неоколониализм – отаршылдықтың тікелей басқыншылық жолмен емес, жанама құралдармен жүргізілуі.
            """)
        // The last is a definition that contrasts after naming its genus.
        #expect(document.glossary.map(\.term) == ["Неоколониализм"])
    }
}
