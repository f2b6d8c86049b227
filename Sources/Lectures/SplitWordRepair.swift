import KazakhText

/// Words split in two by a stray space or a line break without a hyphen
/// (`өркендеуі нің`, `то⏎ғысында`), joined again only where the evidence
/// is clear (kazakh-text.md §5.3, last part):
/// - the second part is nothing but endings that fit the first part by
///   vowel harmony and assimilation (`нің` after `өркендеуі`), or starts
///   with ң, which no Kazakh word does; or
/// - the first part is a fragment no Kazakh word looks like (one or two
///   letters, not a known short word, nowhere else in the notes), the
///   second part occurs nowhere else either, and together they obey
///   vowel harmony.
/// Particles that look like endings (да, де, мен, тағы …) are never joined.
public enum SplitWordRepair {
    /// Real one- and two-letter Kazakh words, which are never fragments.
    static let shortWords: Set<String> = [
        "а", "ә", "е", "о", "и", "у", "ал", "ол", "ел", "ен", "ер", "ет", "ең", "іс", "із", "ін", "өз", "өт", "өл",
        "ие", "ия", "ақ", "әр", "әл", "не", "аз", "ой", "үй", "үш", "оң", "он", "от", "ат", "ас", "ай", "ау", "ит",
        "ұл", "ұн", "ұш", "су", "ту", "да", "де", "та", "те", "ма", "ме", "ба", "бе", "па", "пе", "ей", "әй", "із",
        "ым", "ән", "әке", "ру", "би",
    ]

    /// Why `x` and `y`, written apart, are one word; nil when they are not
    /// (or the evidence is not clear).
    /// `xFollowsHyphen` is true when `x` is the tail of a compound or a
    /// number (`1960-шы`), which is never a stray fragment.
    public static func joinReason(_ x: String, _ y: String, xFollowsHyphen: Bool = false, lexicon: Lexicon) -> String? {
        guard isLowerCyrillicWord(x), isLowerCyrillicWord(y) else { return nil }
        if SuffixChain.freeWords.contains(y) { return nil }
        let joined = x + y
        if y.hasPrefix("ң") {
            return "no Kazakh word starts with ң"
        }
        if SuffixChain.isPureEndings(y), KazakhStemmer.stem(joined) == KazakhStemmer.stem(x), KazakhStemmer.stem(joined) != joined {
            return "«\(y)» is only endings, and they fit «\(x)»"
        }
        if !xFollowsHyphen, x.count <= 2, !shortWords.contains(x), lexicon.count(x) <= 1, lexicon.count(y) <= 1, y.count >= 3,
            let first = y.first, !KazakhStemmer.vowels.contains(first), isHarmonic(joined)
        {
            return "«\(x)» is no word and occurs nowhere else; «\(joined)» keeps vowel harmony"
        }
        return nil
    }

    /// All vowels back or all front (и, у and loan vowels neutral).
    static func isHarmonic(_ word: String) -> Bool {
        let back = word.contains { KazakhStemmer.backVowels.contains($0) }
        let front = word.contains { KazakhStemmer.frontVowels.contains($0) }
        return !(back && front)
    }

    /// Read by scalars: the basic lower-case block (а–я, ѐ–џ) is answered
    /// from the code point, the rest of Cyrillic from its properties.
    static func isLowerCyrillicWord(_ word: String) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy { s in
            let v = s.value
            if (0x0430...0x045F).contains(v) { return true }
            return (0x0460...0x04FF).contains(v) && (s.properties.isLowercase || WordScalar.extendsCharacter(s))
        }
    }

    /// Joins split words inside one line. The line is read as scalars (see
    /// `WordScalar`) and copied only when a space goes.
    public static func repairInline(_ line: SourceLine, file: String, lexicon: Lexicon) -> (SourceLine, [Repair]) {
        let scalars = Array(line.text.unicodeScalars)
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var repairs: [Repair] = []
        func inWord(_ s: Unicode.Scalar) -> Bool {
            WordScalar.isLetter(s) || WordScalar.isNumber(s) || WordScalar.extendsCharacter(s)
        }
        func text(_ slice: some Sequence<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            return String(view)
        }
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == " ", i + 1 < scalars.count, WordScalar.isLetter(scalars[i + 1]),
                let before = out.lastIndex(where: { !WordScalar.extendsCharacter($0) }), WordScalar.isLetter(out[before])
            {
                var xStart = out.count
                while xStart > 0, inWord(out[xStart - 1]) { xStart -= 1 }
                var yEnd = i + 1
                while yEnd < scalars.count, inWord(scalars[yEnd]) { yEnd += 1 }
                let x = text(out[xStart...])
                let y = text(scalars[(i + 1)..<yEnd])
                let afterHyphen = xStart > 0 && out[xStart - 1] == "-"
                if let reason = joinReason(x, y, xFollowsHyphen: afterHyphen, lexicon: lexicon) {
                    repairs.append(Repair(kind: .splitWord, file: file, line: line.number, before: x + " " + y, after: x + y, reason: reason))
                    i += 1
                    continue
                }
            }
            out.append(s)
            i += 1
        }
        guard !repairs.isEmpty else { return (line, []) }
        return (SourceLine(number: line.number, text: text(out)), repairs)
    }
}
