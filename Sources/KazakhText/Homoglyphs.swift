/// Letters that look like Kazakh Cyrillic letters but are not, and what
/// they stand for (docs/kazakh-text.md, from the look-alike table of the
/// reference notes).
public enum Homoglyphs {
    /// Characters that are never right in Kazakh text and always mean one
    /// Kazakh letter: broken PDF fonts (ӛ), other Cyrillic alphabets (ҡ, ӈ),
    /// Latin and IPA look-alikes (ə, ɵ).
    public static let alwaysWrong: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{04DB}": "ө", "\u{04DA}": "Ө",  // ӛ Ӛ — broken PDF font maps
        "\u{0259}": "ә", "\u{01DD}": "ә", "\u{018F}": "Ә", "\u{018E}": "Ә",  // ə ǝ Ə Ǝ
        "\u{0275}": "ө", "\u{019F}": "Ө", "\u{0473}": "ө", "\u{0472}": "Ө",  // ɵ Ɵ ѳ Ѳ
        "\u{04E7}": "ө", "\u{04E6}": "Ө",  // ӧ Ӧ
        "\u{04A1}": "қ", "\u{04A0}": "Қ", "\u{04C4}": "қ", "\u{04C3}": "Қ",  // ҡ Ҡ ӄ Ӄ
        "\u{049F}": "қ", "\u{049E}": "Қ", "\u{049D}": "қ", "\u{049C}": "Қ",  // ҟ Ҟ ҝ Ҝ
        "\u{04C8}": "ң", "\u{04C7}": "Ң", "\u{04CA}": "ң", "\u{04C9}": "Ң",  // ӈ Ӈ ӊ Ӊ
        "\u{0495}": "ғ", "\u{0494}": "Ғ", "\u{04FB}": "ғ", "\u{04FA}": "Ғ",  // ҕ Ҕ ӻ Ӻ
        "\u{04CF}": "і", "\u{04C0}": "І",  // ӏ Ӏ palochka
    ]

    /// `alwaysWrong[s] ?? s`, without hashing the Latin and Cyrillic
    /// letters of most texts: the keys below U+0500 are kept as a table.
    static func repairAlwaysWrong(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x500, !isAlwaysWrongByScalar[Int(s.value)] { return s }
        return alwaysWrong[s] ?? s
    }

    /// For each scalar below U+0500, whether `alwaysWrong` has it.
    static let isAlwaysWrongByScalar: [Bool] = (0..<0x500).map { v in
        Unicode.Scalar(UInt32(v)).map { alwaysWrong[$0] != nil } ?? false
    }

    /// Latin letters that pass for Cyrillic ones. Applied only inside a word
    /// that also has Cyrillic letters, so English words keep their letters.
    /// Lowercase b, k, m, l are left out on purpose: they do not look like
    /// their Cyrillic neighbours in most fonts.
    public static let latinToCyrillic: [Unicode.Scalar: Unicode.Scalar] = [
        "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і", "h": "һ",
        "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
        "T": "Т", "X": "Х", "Y": "Ү", "I": "І",
    ]

    public static func isCyrillic(_ s: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(s.value) || (0x0500...0x052F).contains(s.value)
    }

    public static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s)
    }

    /// A character that should be replaced, found in a text.
    public struct Finding: Hashable, Sendable {
        /// Offset in Unicode scalars from the start of the text (0-based).
        public var scalarOffset: Int
        public var found: Unicode.Scalar
        public var replacement: Unicode.Scalar
        /// True for a Latin letter inside a Cyrillic word; false for a
        /// character that is never right in Kazakh (ӛ, ə, ҡ …).
        public var isLatinInCyrillicWord: Bool
    }

    /// Every look-alike in `text`: characters that are always wrong, and
    /// Latin letters inside words that also hold Cyrillic letters.
    public static func findings(in text: String) -> [Finding] {
        // Nearly every word the stemmer and the answer checker see: no
        // Latin letter and no never-Kazakh letter, known over its bytes.
        if isPlainCyrillic(text) { return [] }
        return scannedFindings(in: text)
    }

    /// `findings(in:)` by the general scan over every scalar.
    static func scannedFindings(in text: String) -> [Finding] {
        var result: [Finding] = []
        var word: [(Int, Unicode.Scalar)] = []
        var hasCyrillic = false
        func flushWord() {
            if hasCyrillic {
                for (offset, s) in word where isLatinLetter(s) {
                    if let r = latinToCyrillic[s] {
                        result.append(Finding(scalarOffset: offset, found: s, replacement: r, isLatinInCyrillicWord: true))
                    }
                }
            }
            word.removeAll(keepingCapacity: true)
            hasCyrillic = false
        }
        var offset = 0
        for s in text.unicodeScalars {
            if let r = alwaysWrong[s] {
                result.append(Finding(scalarOffset: offset, found: s, replacement: r, isLatinInCyrillicWord: false))
            }
            if Normalization.isAlphabetic(s) {
                word.append((offset, s))
                if isCyrillic(s) { hasCyrillic = true }
            } else {
                flushWord()
            }
            offset += 1
        }
        flushWord()
        return result.sorted { $0.scalarOffset < $1.scalarOffset }
    }

    /// Whether `text` is only Cyrillic letters (U+0400–U+04FF less the
    /// sign U+0482 and the combining marks U+0483–U+0489) none of which is
    /// `alwaysWrong`. Such text has no finding. Each of its characters is
    /// one scalar, and it is in NFC with no other spelling canonically
    /// equal to it, so comparing its bytes compares its characters.
    public static func isPlainCyrillic(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count % 2 == 0 else { return false }
            return plainCyrillicLetters.withUnsafeBufferPointer { plain in
                var i = 0
                while i < bytes.count {
                    let lead = bytes[i], second = bytes[i + 1]
                    guard lead >= 0xD0, lead <= 0xD3, second & 0xC0 == 0x80,
                        plain[Int(lead & 0x03) << 6 | Int(second & 0x3F)]
                    else { return false }
                    i += 2
                }
                return true
            }
        }
    }

    /// For each scalar U+0400–U+04FF, whether it is a plain letter for
    /// `isPlainCyrillic`: taken from `alwaysWrong`, so the two never
    /// disagree.
    static let plainCyrillicLetters: [Bool] = (0x400...0x4FF).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return false }
        return !(0x482...0x489).contains(value) && alwaysWrong[scalar] == nil
    }

    /// `text` with every finding replaced.
    public static func repaired(_ text: String) -> String {
        let found = findings(in: text)
        if found.isEmpty { return text }
        var replacements: [Int: Unicode.Scalar] = [:]
        for f in found { replacements[f.scalarOffset] = f.replacement }
        var out = String.UnicodeScalarView()
        for (i, s) in text.unicodeScalars.enumerated() { out.append(replacements[i] ?? s) }
        return String(out)
    }
}
