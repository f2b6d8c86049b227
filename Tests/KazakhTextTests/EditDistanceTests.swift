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

/// The banded distance and alignment (issue 19): the same answers as the
/// full table wherever the distance is within the limit, and no table.
@Suite struct BandedEditDistanceTests {
    /// The full OSA table, written out here as the reference.
    static func reference(_ a: [Character], _ b: [Character]) -> Int {
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    @Test func agreesWithTheFullTableWithinTheLimit() {
        var generator = SystemRandomNumberGenerator()
        let letters: [Character] = ["а", "б", "қ", "і", "с"]
        for _ in 0..<400 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let full = Self.reference(a, b)
            for limit in 0...4 {
                let banded = EditDistance.distance(a, b, limit: limit)
                if full <= limit { #expect(banded == full, "\(a) \(b) limit \(limit)") } else { #expect(banded > limit) }
            }
            #expect(EditDistance.distance(a, b) == full)
            let steps = EditDistance.alignment(a, b, same: { $0 == $1 })
            let cost = steps.filter { $0 != .keep }.count
            if full <= EditDistance.alignmentBand { #expect(cost == full, "\(a) \(b)") }
        }
    }

    @Test func longTextsNeedNoTable() {
        let long = Array(String(repeating: "саясат", count: 20_000))
        var near = long
        near.remove(at: 50_000)
        near.insert("ы", at: 70_000)
        #expect(EditDistance.distance(long, near, limit: 3) == 2)
        #expect(EditDistance.distance(long, Array(String(repeating: "мемлекет", count: 15_000)), limit: 3) == 4)
        let steps = EditDistance.alignment(long, near, same: { $0 == $1 })
        #expect(steps.filter { $0 != .keep }.count == 2)
    }
}
