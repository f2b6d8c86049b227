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

    static func isLowerCyrillicWord(_ word: String) -> Bool {
        !word.isEmpty && word.allSatisfy { c in
            c.isLowercase && c.unicodeScalars.allSatisfy { (0x0400...0x04FF).contains($0.value) }
        }
    }

    /// Joins split words inside one line.
    public static func repairInline(_ line: SourceLine, file: String, lexicon: Lexicon) -> (SourceLine, [Repair]) {
        var chars = Array(line.text)
        var repairs: [Repair] = []
        var i = 1
        while i < chars.count - 1 {
            if chars[i].is(" "), chars[i - 1].isLetter, chars[i + 1].isLetter {
                let (xStart, x) = Dehyphenation.wordBefore(chars, i)
                let y = Dehyphenation.wordAfter(chars, i + 1)
                let afterHyphen = xStart > 0 && chars[xStart - 1] == "-"
                if let reason = joinReason(x, y, xFollowsHyphen: afterHyphen, lexicon: lexicon) {
                    chars.remove(at: i)
                    repairs.append(Repair(kind: .splitWord, file: file, line: line.number, before: x + " " + y, after: x + y, reason: reason))
                    continue
                }
            }
            i += 1
        }
        return (SourceLine(number: line.number, text: String(chars)), repairs)
    }
}
