/// Matching Kazakh typed in Latin script against a Cyrillic answer by sound
/// classes (kazakh-text.md §2.3).
///
/// Three official Latin alphabets (2017, 2018, 2021) and informal
/// transliteration give the same Latin letter different values (`i` is і in
/// 2018 and и in 2021; `w` is ш in chat and у in the 2019 draft), so Latin
/// is not converted back to Cyrillic. Both sides become sequences of sound
/// classes instead, and a typed symbol may stand for several classes.
public enum LatinSkeleton {
    /// A sound class: a few letters that Latin spellings do not tell apart.
    typealias SoundClass = Character

    /// The classes of one Cyrillic letter; empty for ъ and ь.
    static func classes(ofCyrillic ch: Character) -> [SoundClass] {
        switch ch {
        case "а", "ә": ["a"]
        case "е", "э": ["e"]
        case "і", "и", "й", "ы": ["i"]
        case "о", "ө": ["o"]
        case "ё": ["i", "o"]
        case "у", "ұ", "ү": ["u"]
        case "ю": ["i", "u"]
        case "я": ["i", "a"]
        case "к", "қ": ["k"]
        case "г", "ғ": ["g"]
        case "н", "ң": ["n"]
        case "х", "һ": ["h"]
        case "ш", "щ", "ч": ["š"]
        case "ж": ["j"]
        case "ц": ["c"]
        case "б": ["b"]
        case "в": ["v"]
        case "д": ["d"]
        case "з": ["z"]
        case "л": ["l"]
        case "м": ["m"]
        case "п": ["p"]
        case "р": ["r"]
        case "с": ["s"]
        case "т": ["t"]
        case "ф": ["f"]
        case "ъ", "ь": []
        default: [ch]
        }
    }

    /// `classes(ofCyrillic:)` of every one-scalar letter below U+0500
    /// (Latin and Cyrillic), by scalar: the switch compares `Character`s,
    /// which is the slowest step of preparing 100,000 known answers.
    static let classesByScalar: [[SoundClass]] = (0..<0x500).map { v in
        Unicode.Scalar(UInt32(v)).map { classes(ofCyrillic: Character($0)) } ?? []
    }

    /// `classes(ofCyrillic:)` through `classesByScalar` where it can.
    static func fastClasses(ofCyrillic ch: Character) -> [SoundClass] {
        let scalars = ch.unicodeScalars
        if let s = scalars.first, s.value < 0x500, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            return classesByScalar[Int(s.value)]
        }
        return classes(ofCyrillic: ch)
    }

    /// One Latin letter → the classes it may stand for. `nil` for a letter
    /// not in the table (compared literally).
    static let latinLetters: [Character: Set<SoundClass>] = {
        var t: [Character: Set<SoundClass>] = [:]
        func add(_ letters: String, _ classes: Set<SoundClass>) { for l in letters { t[l] = classes } }
        add("aäáàâə", ["a"])
        add("eéèêë", ["e"])
        add("iıïíìî", ["i"])
        add("y", ["i", "u"])
        add("oöóòô", ["o"])
        add("uūüúùûý", ["u"])
        t["w"] = ["u", "š"]
        add("kq", ["k"])
        add("gğǵ", ["g"])
        add("nñńŋ", ["n"])
        add("hx", ["h"])
        add("şșçčš", ["š"])
        add("jž", ["j"])
        t["c"] = ["c", "s", "k"]
        for (l, c) in zip("bvdzlmprstf", "bvdzlmprstf") { t[l] = [c] }
        return t
    }()

    /// Two-letter spellings of one sound.
    static let latinDigraphs: [String: Set<SoundClass>] = [
        "sh": ["š"], "ch": ["š"], "s'": ["š"], "c'": ["š"], "zh": ["j"], "kh": ["h"], "gh": ["g"],
        "ng": ["n"], "ts": ["c"], "ae": ["a"], "oe": ["o"], "ue": ["u"],
    ]

    /// Marks that only modify the letter before them in the 2017 alphabet
    /// (a' g' n' …): ignored.
    static let silent: Set<Character> = ["'", "’", "ʼ", "`", "\u{0307}"]

    /// Whether `text` is written mostly in Latin letters.
    public static func isMostlyLatin(_ text: String) -> Bool {
        var latin = 0
        var cyrillic = 0
        for s in text.unicodeScalars where Normalization.isAlphabetic(s) {
            if Homoglyphs.isCyrillic(s) { cyrillic += 1 } else if isLatin(s) { latin += 1 }
        }
        return latin > 0 && latin > cyrillic
    }

    static func isLatin(_ s: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value)
            || (0xC0...0x24F).contains(s.value) || s.value == 0x259 || (0x1E00...0x1EFF).contains(s.value)
    }

    /// The collapsed class sequence of a lower-case Cyrillic text without
    /// spaces: runs of one class count once (ия = iya = ia).
    static func skeleton(ofCyrillic text: String) -> [SoundClass] {
        var out: [SoundClass] = []
        for ch in text {
            for c in fastClasses(ofCyrillic: ch) where out.last != c { out.append(c) }
        }
        return out
    }

    /// A typed Latin text parsed once into the ways each position can be
    /// read, so it can be matched against many skeletons cheaply.
    struct Reading {
        /// For each position: (symbol length, its classes, or nil for a
        /// silent mark).
        let options: [[(length: Int, classes: Set<SoundClass>?)]]

        init(_ typed: String) {
            let t = Array(typed)
            options = t.indices.map { LatinSkeleton.symbols(in: t, at: $0) }
        }

        var count: Int { options.count }
    }

    /// Whether the lower-case Latin `typed` (no spaces) can be read as the
    /// class sequence `skeleton`: each typed symbol stands for the next
    /// class or repeats the one before.
    static func matches(latin typed: String, skeleton: [SoundClass]) -> Bool {
        matches(Reading(typed), skeleton: skeleton)
    }

    /// The lengths of the skeletons a reading of `letters` typed letters
    /// can match, nil for none. Every class takes at least one typed letter;
    /// no spelling of a class takes more than three (s', sh, and runs such
    /// as iya), so a far longer text is not this word: this also bounds the
    /// work a pasted wall of text can cause.
    static func skeletonLengths(forReading letters: Int) -> ClosedRange<Int>? {
        // n ≤ m ≤ 3n + 6, and n ≥ 1.
        let shortest = max(1, letters <= 6 ? 1 : (letters - 6 + 2) / 3)
        return shortest <= letters ? shortest...letters : nil
    }

    static func matches(_ reading: Reading, skeleton: [SoundClass]) -> Bool {
        let n = skeleton.count
        let m = reading.count
        // The first letter must fit the first class: most skeletons fail
        // here, cheaply.
        guard let lengths = skeletonLengths(forReading: m), lengths.contains(n) else { return false }
        if !reading.options[0].contains(where: { $0.classes?.contains(skeleton[0]) ?? true }) { return false }
        var visited = Array(repeating: false, count: (n + 1) * (m + 1))
        var stack = [(0, 0)]
        while let (i, j) = stack.popLast() {
            if i == n, j == m { return true }
            let index = i * (m + 1) + j
            if visited[index] { continue }
            visited[index] = true
            guard j < m else { continue }
            for (length, set) in reading.options[j] {
                guard let set else {
                    stack.append((i, j + length))
                    continue
                }
                if i < n, set.contains(skeleton[i]) { stack.append((i + 1, j + length)) }
                if i > 0, set.contains(skeleton[i - 1]) { stack.append((i, j + length)) }
            }
        }
        return false
    }

    /// The ways to read one symbol at `j`: its length and its classes (nil
    /// for a silent mark).
    fileprivate static func symbols(in t: [Character], at j: Int) -> [(length: Int, classes: Set<SoundClass>?)] {
        let ch = t[j]
        if silent.contains(ch) { return [(1, nil)] }
        var result: [(length: Int, classes: Set<SoundClass>?)] = []
        if j + 1 < t.count, let d = latinDigraphs[String([ch, t[j + 1]])] { result.append((2, d)) }
        if let single = latinLetters[ch] {
            result.append((1, single))
        } else if let base = ch.unicodeScalars.first, let single = latinLetters[Character(base)] {
            result.append((1, single))  // a letter with a mark the table lacks
        } else {
            result.append((1, [ch]))
        }
        return result
    }
}
