/// `AnswerForm`'s compact form of a plain text in one pass over its
/// scalars, without the folding steps: what the checker reads of each of
/// the 100,000 known answers of a large collection before it knows which
/// of them a typed answer could conflict with.
///
/// Plain means every scalar is a Cyrillic letter that is never repaired,
/// an ASCII digit, white space or other ASCII that is not a letter. For
/// such a text each scalar is either kept (lower-cased) or dropped,
/// whatever its neighbours, with one exception handled here: a word of
/// only І and Х is a Roman numeral. Anything else — Latin letters
/// (look-alikes, Roman numerals), combining marks, other scripts, invisible
/// characters — returns nil and the caller takes `AnswerForm`, so the
/// result is always `AnswerForm(text).compact`'s (a test compares them
/// over every such scalar and generated texts).
enum CompactScan {
    // A role (`roles`) says what the compact form does with one scalar:
    // `fallback`, `dropped`, or the scalar it becomes (never 0 or 1).

    /// The role of a scalar that is not plain: the text needs `AnswerForm`.
    static let fallback: UInt32 = 0
    /// The role of a scalar the compact form drops (spaces, punctuation).
    static let dropped: UInt32 = 1
    /// The scalars with a role: ASCII and Cyrillic (to U+052F); every
    /// plain scalar takes one or two UTF-8 bytes.
    static let tableSize = 0x530

    /// The role of each scalar below `tableSize`, read off `AnswerForm`
    /// itself so that the two cannot disagree on a single letter. Read
    /// after a letter (ж: no numeral, no look-alike), so that І and Х are
    /// taken as the letters they are in a word, not as a numeral.
    static let roles: [UInt32] = (0..<UInt32(tableSize)).map { v in
        guard let s = Unicode.Scalar(v), isPlain(s) else { return fallback }
        let compact = AnswerForm("ж" + String(s)).compact.unicodeScalars
        guard compact.first == "ж" else { return fallback }
        let rest = compact.dropFirst()
        if rest.isEmpty { return dropped }
        guard rest.count == 1, let kept = rest.first, kept.value > dropped else { return fallback }
        return kept.value
    }

    /// The sound classes of each kept scalar (`LatinSkeleton.fastClasses`:
    /// none, one or two), as scalar values, 0 for none, by the scalar it
    /// became.
    static let firstClass: [UInt32] = classes(at: 0)
    static let secondClass: [UInt32] = classes(at: 1)

    private static func classes(at i: Int) -> [UInt32] {
        (0..<UInt32(tableSize)).map { v in
            guard let s = Unicode.Scalar(v) else { return 0 }
            let classes = LatinSkeleton.fastClasses(ofCyrillic: Character(s)).compactMap { $0.unicodeScalars.first?.value }
            return i < classes.count ? classes[i] : 0
        }
    }

    /// Scalars whose role does not depend on their neighbours: ASCII other
    /// than letters and control characters (tab and line breaks are white
    /// space), and Cyrillic letters that are not repaired. Letters that
    /// combine, change case by context or are look-alikes are not plain.
    static func isPlain(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return v == 0x09 || v == 0x0A || (0x20..<0x7F).contains(v) && !Homoglyphs.isLatinLetter(s)
        }
        return Normalization.isPlainLetter(s) && Homoglyphs.repairAlwaysWrong(s) == s
    }

    /// Whether a scalar below `tableSize` is a letter Roman numerals are
    /// written with (`AnswerForm.romanDigits`).
    static let isRomanDigit: [Bool] = (0..<UInt32(tableSize)).map { v in
        Unicode.Scalar(v).map { AnswerForm.romanDigits[Character($0)] != nil } ?? false
    }

    /// The letter count of the compact form and the length of its Latin
    /// skeleton (`LatinSkeleton.skeleton(ofCyrillic:)`), or nil when the
    /// text is not plain. A plain text has no Latin letter, so it is never
    /// mostly Latin.
    static func lengths(_ text: String) -> (letters: Int, skeleton: Int)? {
        let firstClass = Self.firstClass
        let secondClass = Self.secondClass
        var letters = 0
        var skeleton = 0
        var lastClass: UInt32 = 0
        let plain = scan(text) { kept in
            letters += 1
            // Runs of one class count once.
            let first = firstClass[Int(kept)]
            guard first != 0 else { return }
            if first != lastClass {
                skeleton += 1
                lastClass = first
            }
            let second = secondClass[Int(kept)]
            if second != 0, second != lastClass {
                skeleton += 1
                lastClass = second
            }
        }
        return plain ? (letters, skeleton) : nil
    }

    /// The compact form and its letters as `LetterCode`s (one scalar each),
    /// or nil when the text is not plain.
    static func compact(_ text: String) -> (compact: String, codes: [UInt64])? {
        var out = String.UnicodeScalarView()
        var codes: [UInt64] = []
        let plain = scan(text) { kept in
            if let s = Unicode.Scalar(kept) { out.append(s) }
            codes.append(UInt64(kept))
        }
        return plain ? (String(out), codes) : nil
    }

    /// Whether the compact form of `text` is the scalars `compact`, or nil
    /// when the text is not plain. Allocates nothing.
    static func compact(of text: String, is compact: [UInt32]) -> Bool? {
        var i = 0
        var same = true
        let plain = scan(text) { kept in
            same = same && i < compact.count && compact[i] == kept
            i += 1
        }
        return plain ? same && i == compact.count : nil
    }

    /// Calls `keep` with each scalar the compact form keeps; false (having
    /// stopped) at a scalar that is not plain or a word of only Roman
    /// capitals. Reads the UTF-8 bytes: every plain scalar takes one or two.
    private static func scan(_ text: String, keep: (UInt32) -> Void) -> Bool {
        let roles = Self.roles
        let isRomanDigit = Self.isRomanDigit
        var text = text
        return text.withUTF8 { bytes in
            // Whether the current run of kept scalars is all Roman
            // capitals; runs are never longer than the words `AnswerForm`
            // reads numerals in, so a numeral word always shows such a run.
            var runIsRoman = false
            var inRun = false
            var i = 0
            while i < bytes.count {
                guard let v = TwoByteUTF8.scalar(in: bytes, at: &i), v < tableSize else { return false }
                let role = roles[Int(v)]
                if role == fallback { return false }
                if role == dropped {
                    if inRun && runIsRoman { return false }
                    inRun = false
                    continue
                }
                let roman = isRomanDigit[Int(v)]
                runIsRoman = inRun ? runIsRoman && roman : roman
                inRun = true
                keep(role)
            }
            return !(inRun && runIsRoman)
        }
    }
}
