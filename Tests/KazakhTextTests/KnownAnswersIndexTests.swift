import FSRS
import Testing

@testable import KazakhText

/// The checker visits only the known answers whose length lets a guard
/// match, and prepares each distinct text once: these tests hold it to the
/// verdicts of a scan over every known answer and to the preparation it
/// replaced.
@Suite struct KnownAnswersIndexTests {
    static let letters = Array("аәбвгғдежзийкқлмнңоөпрстуұүфхһцчшщыіэюя")
    static let latin: [Character: String] = [
        "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ж": "j", "з": "z",
        "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o", "ө": "ö",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h",
        "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ы": "y", "і": "i", "э": "e", "ю": "iu", "я": "ia",
    ]

    static func word(_ rng: inout SeededGenerator, _ range: ClosedRange<Int>) -> String {
        String((0..<Int.random(in: range, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
    }

    /// Answers as decks have them: words, phrases, capitals, numbers, short
    /// words, English, repeats.
    static func knownAnswers(_ rng: inout SeededGenerator, count: Int) -> [String] {
        var out: [String] = []
        for _ in 0..<count {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: out.append(word(&rng, 1...4))
            case 1: out.append(word(&rng, 3...8) + " " + word(&rng, 3...9))
            case 2: out.append(word(&rng, 2...5).uppercased())
            case 3: out.append("\(Int.random(in: 1000...2025, using: &rng)) " + word(&rng, 3...7))
            case 4: out.append(["Shakespeare", "Bastille", "Turgenev", "photosynthesis"].randomElement(using: &rng)!)
            case 5 where !out.isEmpty: out.append(out.randomElement(using: &rng)!)
            default: out.append(word(&rng, 4...12))
            }
        }
        return out
    }

    /// What a student might type for `answer`: itself, one letter off,
    /// Russian-layout letters, Latin, another answer, a number.
    static func typed(_ rng: inout SeededGenerator, for answer: String, known: [String]) -> String {
        var chars = Array(answer)
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: return answer
        case 1 where !chars.isEmpty:
            chars[Int.random(in: 0..<chars.count, using: &rng)] = letters.randomElement(using: &rng)!
        case 2 where !chars.isEmpty: chars.remove(at: Int.random(in: 0..<chars.count, using: &rng))
        case 3: chars.insert(letters.randomElement(using: &rng)!, at: Int.random(in: 0...chars.count, using: &rng))
        case 4: chars = chars.map { KeyboardFallback.fallbacks[$0]?.sorted().first ?? $0 }
        case 5: return answer.lowercased().map { latin[$0] ?? String($0) }.joined()
        case 6: return known.randomElement(using: &rng)!
        default: return ["1812", "XIX", "ХХІ", "а", "ок", "12 жыл"].randomElement(using: &rng)!
        }
        return String(chars)
    }

    @Test func verdictsAreThoseOfAScanOverEveryKnownAnswer() {
        var rng = SeededGenerator(seed: 20_261_205)
        var otherAnswerGuards = 0
        for round in 0..<6 {
            let known = Self.knownAnswers(&rng, count: 150 + 150 * round)
            let indexed = AnswerChecker(knownAnswers: known, lookup: .byLength)
            let scanning = AnswerChecker(knownAnswers: known, lookup: .everyAnswer)
            for _ in 0..<500 {
                let answer = known.randomElement(using: &rng)!
                let accepted = Bool.random(using: &rng) ? [answer] : [answer, known.randomElement(using: &rng)!]
                let typed = Self.typed(&rng, for: answer, known: known)
                for layout in [false, true] {
                    let profile = KeyboardProfile(hasKazakhLayout: layout)
                    let a = indexed.check(typed: typed, accepted: accepted, profile: profile)
                    let b = scanning.check(typed: typed, accepted: accepted, profile: profile)
                    #expect(a == b, "«\(typed)» for \(accepted)")
                    #expect(a.explanation == b.explanation, "«\(typed)» for \(accepted)")
                    if a.guard == .otherAnswer { otherAnswerGuards += 1 }
                }
            }
        }
        // The comparison reached the guards the index serves.
        #expect(otherAnswerGuards > 100)
    }

    @Test func theOtherAnswerGuardsFindTheFirstConflictInOrder() {
        // Keyboard: кул fits құл and күл; the first given is named.
        let keyboard = AnswerChecker(knownAnswers: ["күл", "кыз", "құл"])
        #expect(keyboard.check(typed: "кул", accepted: ["құл"]).conflictingAnswer == "күл")
        // Typo: the nearer other answer, whatever its length.
        let typo = AnswerChecker(knownAnswers: ["мектептер", "мектептің", "мектепте"])
        let v = typo.check(typed: "мектепте", accepted: ["мектептің"])
        #expect(v.guard == .otherAnswer)
        #expect(v.conflictingAnswer == "мектепте")
        // Latin: a reading shorter than the right answer's skeleton.
        let latin = AnswerChecker(knownAnswers: ["ата", "атау", "қазақстан"])
        #expect(latin.check(typed: "qazaqstan", accepted: ["қазақстан"]).tier == .latin)
    }

    @Test func preparationIsThatOfEveryTextInTurn() {
        var rng = SeededGenerator(seed: 51)
        let texts = Self.knownAnswers(&rng, count: 800) + [
            "", " ", "—", "Ӛлең", "ӨЛЕҢ", "өлең", "photo-synthesis", "ХХІ ғасыр", "«ІХ»", "aaaб", "аааб", "сөз", "cөз",
            // Longer than the lengths kept in lists.
            String(repeating: "абв", count: 100), String(repeating: "ж", count: 300),
        ]
        // The preparation before the lengths, word for word.
        var exact: [String] = []
        var compact: [String] = []
        var codes: [[UInt64]] = []
        var skeletons: [[Character]] = []
        var isLatin: [Bool] = []
        var index: [String: Int] = [:]
        for text in texts {
            let form = AnswerForm(text)
            guard !form.compact.isEmpty, index[form.compact] == nil else { continue }
            index[form.compact] = exact.count
            exact.append(form.exact)
            compact.append(form.compact)
            codes.append(form.codes)
            skeletons.append(LatinSkeleton.skeleton(ofCyrillic: form.compact))
            isLatin.append(LatinSkeleton.isMostlyLatin(form.exact))
        }
        #expect(isLatin.contains(true) && isLatin.contains(false))
        let known = AnswerChecker.KnownAnswers(texts, lookup: .byLength)
        #expect(known.count == exact.count)
        // Every answer is in the bucket of its letter count, once, at its
        // first text, in order, with the exact form of that text.
        var found: [Int: AnswerChecker.KnownAnswer] = [:]
        for n in Array(0...40) + [300] {
            var previous = -1
            _ = known.first(letterCounts: n...n) { answer in
                #expect(answer.position > previous && answer.codes.count == n)
                previous = answer.position
                #expect(found.updateValue(answer, forKey: index[answer.compact] ?? -1) == nil, "\(answer.compact)")
                return false
            }
        }
        #expect(found.keys.sorted() == Array(exact.indices))
        for (i, answer) in found {
            #expect(answer.compact == compact[i] && answer.codes == codes[i])
            #expect(known.exact(at: answer.position) == exact[i])
            #expect(known.exact(ofCompact: compact[i], letterCount: codes[i].count) == exact[i])
        }
        // The Cyrillic answers, each once, by the length of its skeleton.
        var cyrillic: [Int] = []
        for n in Array(0...40) + [300] {
            _ = known.first(skeletonLengths: n...n) { answer, skeleton in
                guard let i = index[answer.compact] else { return false }
                #expect(skeleton == skeletons[i] && skeleton.count == n && !isLatin[i], "\(answer.compact)")
                cyrillic.append(i)
                return false
            }
        }
        #expect(cyrillic.sorted() == exact.indices.filter { !isLatin[$0] })
    }

    @Test func skeletonLengthsAreThoseAReadingCanMatch() {
        for m in 0...40 {
            let lengths = LatinSkeleton.skeletonLengths(forReading: m)
            for n in 0...45 {
                let fits = n >= 1 && n <= m && m <= 3 * n + 6
                #expect((lengths?.contains(n) ?? false) == fits, "m \(m) n \(n)")
            }
        }
    }

    @Test func soundClassesByScalarAreThoseOfTheLetter() {
        var letters: [Character] = (0..<0x600).compactMap { Unicode.Scalar(UInt32($0)).map(Character.init) }
        letters += ["и\u{0306}", "е\u{0308}", "a\u{0301}", "👍🏽"]
        for ch in letters {
            #expect(LatinSkeleton.fastClasses(ofCyrillic: ch) == LatinSkeleton.classes(ofCyrillic: ch), "\(ch.unicodeScalars.map(\.value))")
        }
    }

    @Test func plainLettersNeedNoUnicodeLookUp() {
        var plain = 0
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(Normalization.isAlphabetic(s) == s.properties.isAlphabetic, "U+\(String(v, radix: 16))")
            guard Normalization.isPlainLetter(s) else { continue }
            plain += 1
            #expect(
                s.properties.isAlphabetic && !s.properties.isWhitespace && !Normalization.invisible.contains(s)
                    && !Normalization.dashes.contains(s) && !Normalization.quotes.contains(s)
                    && !AnswerForm.isPunctuation(s),
                "U+\(String(v, radix: 16))")
        }
        #expect(plain > 250)
        for v in UInt32(0)...0x2000 {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(Homoglyphs.repairAlwaysWrong(s) == Homoglyphs.alwaysWrong[s] ?? s, "U+\(String(v, radix: 16))")
        }
        #expect(Homoglyphs.repairAlwaysWrong("\u{04DB}") == "ө" && Homoglyphs.repairAlwaysWrong("\u{0259}") == "ә")
    }
}

/// A check prepares only the known answers its guards can reach.
@Suite struct KnownAnswersPreparationTests {
    @Test func aCheckPreparesOnlyTheLengthsWithinReach() {
        var rng = SeededGenerator(seed: 7)
        var texts: [String] = []
        for n in 3...40 {
            for _ in 0..<20 { texts.append(KnownAnswersIndexTests.word(&rng, n...n)) }
        }
        let checker = AnswerChecker(knownAnswers: texts + ["мемлекет"])
        #expect(checker.known.preparedLetterCounts.isEmpty)
        // One letter left out of an 8-letter answer: only lengths within
        // one of the 7 typed letters can be as near.
        let v = checker.check(typed: "мемлект", accepted: ["мемлекет"])
        #expect(v.tier == .typo)
        #expect(!checker.known.preparedLetterCounts.isEmpty)
        #expect(checker.known.preparedLetterCounts.isSubset(of: Set(6...8)), "\(checker.known.preparedLetterCounts.sorted())")
        // A copy of the checker (the trainer keeps it in its state) shares
        // what was prepared.
        let copy = checker
        _ = copy.check(typed: "республикалар", accepted: ["республика"])
        #expect(checker.known.preparedLetterCounts.contains(13))
        // Counting the answers prepares every length.
        #expect(checker.knownCount == Set(texts + ["мемлекет"]).count)
        #expect(checker.known.preparedLetterCounts == Set(3...40))
    }
}
