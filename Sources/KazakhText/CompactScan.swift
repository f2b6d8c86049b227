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
    /// What the compact form does with one scalar below `tableSize`:
    /// `fallback`, `dropped`, or the scalar it becomes (never 0 or 1).
    static let fallback: UInt32 = 0
    static let dropped: UInt32 = 1
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

    /// The sound classes of each kept scalar (`LatinSkeleton.fastClasses`),
    /// as scalar values, by the scalar it became.
    static let classes: [[UInt32]] = (0..<UInt32(tableSize)).map { v in
        guard let s = Unicode.Scalar(v) else { return [] }
        return LatinSkeleton.fastClasses(ofCyrillic: Character(s)).flatMap { $0.unicodeScalars.map(\.value) }
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
        var letters = 0
        var skeleton = 0
        var lastClass: UInt32 = 0
        var ok = true
        scan(text, ok: &ok) { kept in
            letters += 1
            for c in classes[Int(kept)] where c != lastClass {
                skeleton += 1
                lastClass = c
            }
        }
        return ok ? (letters, skeleton) : nil
    }

    /// The compact form, or nil when the text is not plain.
    static func compact(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        var ok = true
        scan(text, ok: &ok) { kept in
            if let s = Unicode.Scalar(kept) { out.append(s) }
        }
        return ok ? String(out) : nil
    }

    /// Calls `keep` with each scalar the compact form keeps; sets `ok` to
    /// false (and stops) at a scalar that is not plain or at a word of only
    /// Roman capitals.
    private static func scan(_ text: String, ok: inout Bool, keep: (UInt32) -> Void) {
        // Whether the current run of kept scalars is all Roman capitals;
        // runs are never longer than the words `AnswerForm` reads numerals
        // in, so a numeral word always shows such a run.
        var runIsRoman = false
        var inRun = false
        for s in text.unicodeScalars {
            let v = s.value
            guard v < tableSize else {
                ok = false
                return
            }
            let role = roles[Int(v)]
            if role == fallback {
                ok = false
                return
            }
            if role == dropped {
                if inRun && runIsRoman {
                    ok = false
                    return
                }
                inRun = false
                continue
            }
            let roman = isRomanDigit[Int(v)]
            runIsRoman = inRun ? runIsRoman && roman : roman
            inRun = true
            keep(role)
        }
        if inRun && runIsRoman { ok = false }
    }
}
