import KazakhText

/// Decides what a hyphen at a line break (`X-⏎Y`) or before a space
/// (`X- Y`) is, by the rules of kazakh-text.md §5.3. Kazakh writes many
/// real hyphens (іс-шара, ТМД-ның, 1724-1804, ұлттық-мемлекеттік), and a
/// wrong join destroys a term while a wrong keep only costs a little
/// recall, so a hyphen is removed only on evidence.
public enum Dehyphenation {
    /// What the hyphen is.
    public enum Decision: Hashable, Sendable {
        /// A real hyphen: write `X-Y`.
        case keep(reason: String)
        /// A line-break hyphen inside one word: write `XY`.
        case join(reason: String)
        /// A dash between a term and its definition: write `X – Y`.
        case dash(reason: String)
    }

    static let derivational: Set<String> = ["лық", "лік", "дық", "дік", "тық", "тік"]

    /// Particles written after a hyphen (келмеді-ау, бүгін-ақ).
    static let particles: Set<String> = ["ақ", "ау", "мыс", "мыз"]

    /// The decision for `x` + hyphen + `y`; `spaceAfter` is true for `X- Y`
    /// inside a line.
    /// `headOpensSentence` says that the words up to the hyphen are a
    /// short capitalised head opening a line or sentence
    /// (`Дипломатия- мемлекеттер …`, `Қатаң күш- әскери …`).
    public static func decide(
        _ x: String, _ y: String, spaceAfter: Bool, headOpensSentence: Bool = false, lexicon: Lexicon
    ) -> Decision {
        // 0. `Утилитарлар- Орынды`: a capital after "- " starts a definition.
        if spaceAfter, let first = y.first, first.isUppercase, x.first?.isLetter == true, !isAbbreviation(x) {
            return .dash(reason: "a capital after '- ' starts a definition")
        }
        // 0b. `Дипломатия- мемлекеттер арасындағы …`: the same with a small
        // letter, when a head opens the sentence and nothing makes the two
        // words one (a compound written elsewhere, a particle, endings).
        if spaceAfter, headOpensSentence, x.first?.isLetter == true, y.first?.isLowercase == true, !isAbbreviation(x),
            !particles.contains(y.lowercased()), !lexicon.hasCompound(x, y), !SuffixChain.isPureEndings(y.lowercased())
        {
            return .dash(reason: "a capitalised head opening the sentence, then '- ': a definition")
        }
        // 1. Abbreviations, numbers and particles always keep their hyphen.
        if isAbbreviation(x) { return .keep(reason: "abbreviation before the hyphen") }
        if x.last?.isNumber == true || y.first?.isNumber == true { return .keep(reason: "a number at the hyphen") }
        if particles.contains(y.lowercased()) { return .keep(reason: "particle after the hyphen") }
        // 2. The compound is written with a hyphen elsewhere.
        if lexicon.hasCompound(x, y) { return .keep(reason: "«\(x)-\(y)» is written with a hyphen elsewhere") }
        let xl = x.lowercased(), yl = y.lowercased()
        // 3. A lower-case stem followed by nothing but endings is one word.
        if x.first?.isLowercase == true, SuffixChain.isPureEndings(yl) {
            return .join(reason: "«\(y)» is only endings")
        }
        // 4. The joined word is attested, or only the joined word is.
        // (Each fragment is in the lexicon once itself: "elsewhere" is ≥ 2.)
        if lexicon.count(xl + yl) > 0 { return .join(reason: "«\(x)\(y)» occurs unhyphenated") }
        if lexicon.count(xl) <= 1 && lexicon.keyCount(xl) <= 1, lexicon.keyCount(xl + yl) > 0,
            !violatesLineBreakRules(xl, yl)
        {
            return .join(reason: "«\(x)» is no word, «\(x)\(y)» is")
        }
        // 5. Both halves are words, or share a derivational ending: a
        // paired or compound word.
        if lexicon.keyCount(xl) >= 2 && lexicon.keyCount(yl) >= 2 {
            return .keep(reason: "both «\(x)» and «\(y)» are words")
        }
        if xl.count > 4, yl.count > 4, derivational.contains(String(xl.suffix(3))),
            derivational.contains(String(yl.suffix(3)))
        {
            return .keep(reason: "both halves end in -лық/-лік: a compound")
        }
        if let v = yl.first, KazakhStemmer.vowels.contains(v), v != "у", v != "и" {
            return .keep(reason: "a carried-over part never starts with a vowel")
        }
        // 7. No evidence: keep, the safe side.
        return .keep(reason: "no evidence for a join")
    }

    /// ТМД, АҚШ, ЮНЕСКО: two or more letters, all capitals.
    static func isAbbreviation(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }

    /// Тасымал (line-break) rules a join must respect: both parts hold a
    /// vowel (so no lone consonants were carried).
    static func violatesLineBreakRules(_ x: String, _ y: String) -> Bool {
        let hasVowel: (String) -> Bool = { $0.contains(where: { KazakhStemmer.vowels.contains($0) }) }
        return !hasVowel(x) || !hasVowel(y)
    }

    /// Applies the rules to every `X- Y` inside `line` (a hyphen right after
    /// a word, then a space), and turns a spaced dash between the halves of
    /// a compound hyphenated elsewhere (`ұлттық – мемлекеттік`) into a hyphen.
    public static func repairInline(_ line: SourceLine, file: String, lexicon: Lexicon) -> (SourceLine, [Repair]) {
        // Every repair is made at a hyphen or a dash (– and — are E2 80 93/94
        // in UTF-8): a line with neither is left as it is, uncopied.
        guard line.text.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == 0xE2 }) else { return (line, []) }
        var chars = Array(line.text)
        var repairs: [Repair] = []
        var i = 1
        while i < chars.count - 1 {
            let c = chars[i]
            let isHyphen = c.is("-")
            let isSpacedDash = (c.is("–") || c.is("—") || c.is("-")) && chars[i - 1].is(" ") && chars[i + 1].is(" ")
            if isHyphen, chars[i - 1].isLetter || chars[i - 1].isNumber, chars[i + 1].is(" ") {
                let (xStart, x) = wordBefore(chars, i)
                var yStart = i + 1
                while yStart < chars.count, chars[yStart] == " " { yStart += 1 }
                let y = wordAfter(chars, yStart)
                guard !x.isEmpty, !y.isEmpty else { i += 1; continue }
                let before = String(chars[xStart..<(yStart + y.count)])
                switch decide(x, y, spaceAfter: true, headOpensSentence: headOpensSentence(chars, xStart), lexicon: lexicon) {
                case .keep(let reason):
                    chars.replaceSubrange(i..<yStart, with: ["-"])
                    repairs.append(Repair(kind: .hyphenKept, file: file, line: line.number, before: before, after: x + "-" + y, reason: reason))
                case .join(let reason):
                    chars.replaceSubrange(i..<yStart, with: [])
                    repairs.append(Repair(kind: .hyphenJoined, file: file, line: line.number, before: before, after: x + y, reason: reason))
                case .dash(let reason):
                    chars.replaceSubrange(i..<yStart, with: [" ", "–", " "])
                    repairs.append(Repair(kind: .hyphenAsDash, file: file, line: line.number, before: before, after: x + " – " + y, reason: reason))
                    i += 2
                }
            } else if isSpacedDash, i >= 2, chars[i - 2].isLetter, i + 2 < chars.count, chars[i + 2].isLetter {
                let (xStart, x) = wordBefore(chars, i - 1)
                let y = wordAfter(chars, i + 2)
                if lexicon.hasCompound(x, y) {
                    let before = String(chars[xStart..<(i + 2 + y.count)])
                    chars.replaceSubrange((i - 1)...(i + 1), with: ["-"])
                    repairs.append(Repair(
                        kind: .dashAsHyphen, file: file, line: line.number, before: before, after: x + "-" + y,
                        reason: "«\(x)-\(y)» is written with a hyphen elsewhere"))
                    i -= 1
                }
            }
            i += 1
        }
        guard !repairs.isEmpty else { return (line, []) }
        return (SourceLine(number: line.number, text: String(chars)), repairs)
    }

    /// Whether one to four words ending at `xStart`'s word, the first
    /// capitalised and no pronoun or linking word, open the line or a
    /// sentence: only spaces before them, or a final mark, a colon, a
    /// bullet or a list number (`1.`).
    static func headOpensSentence(_ chars: [Character], _ xStart: Int) -> Bool {
        var start = xStart
        for _ in 0..<4 {
            var j = start
            while j > 0, chars[j - 1] == " " { j -= 1 }
            if j == 0 || ".?!:•▪●◦■".contains(chars[j - 1]) {
                // A sentence opening with a pronoun or linking word is no head.
                let first = String(chars[start...].prefix { $0.isLetter }).lowercased()
                return chars[start].isUppercase && !GlossaryFinder.stopStarts.contains(first)
            }
            // Step back over one more word of the head.
            guard j > 0, j < start, chars[j - 1].isLetter else { return false }
            var w = j
            while w > 0, chars[w - 1].isLetter { w -= 1 }
            start = w
        }
        return false
    }

    /// The word (letters and digits, not crossing an inner hyphen) that
    /// ends right before `index`, and where it starts.
    static func wordBefore(_ chars: [Character], _ index: Int) -> (Int, String) {
        var j = index
        while j > 0, chars[j - 1].isLetter || chars[j - 1].isNumber { j -= 1 }
        return (j, String(chars[j..<index]))
    }

    /// The word (letters and digits) that starts at `index`.
    static func wordAfter(_ chars: [Character], _ index: Int) -> String {
        var j = index
        while j < chars.count, chars[j].isLetter || chars[j].isNumber { j += 1 }
        return String(chars[index..<j])
    }
}
