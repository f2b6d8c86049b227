import Testing

@testable import KazakhText

/// OSA distances and tolerances, against the worked table of
/// kazakh-text.md §3.3 (computed there with the reference prototype).
@Suite struct EditDistanceTests {
    @Test(arguments: [
        ("дилеммасы", "диллемасы", 2),
        ("неоколониализм", "неоколонолизм", 2),
        ("тәжірибе", "тәжірбие", 1),
        ("тәуелсіздік", "тәуелділік", 3),
        ("тәуелсіз", "тәуелді", 2),
        ("империализм", "империалист", 2),
        ("реализм", "реалист", 2),
        ("интеграция", "дезинтеграция", 3),
        ("биполярлы", "униполярлы", 2),
        ("экспорт", "импорт", 3),
        ("қауіпсіздік", "кауипсиздик", 4),
        ("оң", "он", 1),
        ("", "режим", 5),
        ("режим", "", 5),
        ("режим", "режим", 0),
    ])
    func referenceDistances(_ a: String, _ b: String, _ expected: Int) {
        #expect(EditDistance.distance(a, b) == expected)
        #expect(EditDistance.distance(b, a) == expected)
    }

    @Test func countsCharactersNotScalars() {
        // й written as и + combining breve is one letter, as is the precomposed й.
        let decomposed = "бейбітші\u{0438}\u{0306}"
        #expect(decomposed.count == 9)
        #expect(EditDistance.distance("бейбітшій", decomposed) == 0)
        #expect(EditDistance.distance("бейбітшиі", decomposed) == 2)
    }

    @Test func transpositionIsOneEdit() {
        #expect(EditDistance.edits(from: "тәжірибе", to: "тәжірбие") == [.transposition("и", "б")])
        #expect(EditDistance.edits(from: "режим", to: "режим") == [])
    }

    @Test func editsNameTheLetters() {
        #expect(EditDistance.edits(from: "тұз", to: "түз") == [.substitution(expected: "ұ", typed: "ү")])
        #expect(EditDistance.edits(from: "каспий", to: "каспи") == [.deletion(expected: "й")])
        #expect(EditDistance.edits(from: "ұлтар", to: "ұлттар").count == 1)
    }

    @Test func fallbacksCanCostNothing() {
        let same: (Character, Character) -> Bool = { KeyboardFallback.isSameOrFallback(expected: $0, typed: $1) }
        #expect(EditDistance.distance(Array("қауіпсіздік"), Array("кауипсиздик"), same: same) == 0)
        // Directional: қ typed where к is expected is still an edit.
        #expect(EditDistance.distance(Array("кітап"), Array("қітап"), same: same) == 1)
        let edits = EditDistance.edits(Array("қазақ"), Array("казах"), same: same)
        #expect(edits.contains(.equivalent(expected: "қ", typed: "к")))
        #expect(edits.contains(.substitution(expected: "қ", typed: "х")))
    }

    @Test(arguments: [(1, 0), (4, 0), (5, 1), (8, 1), (9, 2), (14, 2), (15, 3), (40, 3)])
    func tolerance(_ length: Int, _ allowed: Int) {
        #expect(EditDistance.typoTolerance(forLength: length) == allowed)
    }
}

/// The bounded distance used against every known answer.
@Suite struct BoundedDistanceTests {
    @Test(arguments: [
        ("реализм", "реалист", 1, false), ("реализм", "реалист", 2, true), ("реализм", "реалист", 5, true),
        ("интеграция", "дезинтеграция", 2, false), ("интеграция", "дезинтеграция", 3, true),
        ("экспорт", "импорт", 0, false), ("тәжірибе", "тәжірбие", 1, true),
    ])
    func stopsEarlyAboveTheLimit(_ a: String, _ b: String, _ limit: Int, _ within: Bool) {
        let bounded = EditDistance.distance(Array(a), Array(b), limit: limit)
        let full = EditDistance.distance(a, b)
        if within {
            #expect(bounded == full)
        } else {
            #expect(bounded > limit)
            #expect(full > limit)
        }
    }
}

/// Letters as numbers: equal exactly when the Characters are equal.
@Suite struct LetterCodeTests {
    @Test func codesTellLettersApart() {
        let letters: [Character] = ["қ", "к", "ұ", "ү", "у", "і", "и", "i", "й", "a", "а", "\u{0438}\u{0306}\u{0301}\u{0300}"]
        for x in letters {
            for y in letters {
                #expect((LetterCode.code(x) == LetterCode.code(y)) == (x == y), "\(x) \(y)")
            }
        }
    }

    @Test func fallbacksByCodeMatchFallbacksByLetter() {
        let letters = Array("қкғгңноөұүуһхәаіиыi")
        for e in letters {
            for t in letters {
                #expect(
                    LetterCode.isSameOrFallback(expected: LetterCode.code(e), typed: LetterCode.code(t))
                        == KeyboardFallback.isSameOrFallback(expected: e, typed: t))
            }
        }
    }
}
