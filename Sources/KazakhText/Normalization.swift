import Foundation

/// The text folding shared by card identity, lint and answer checking
/// (docs/kazakh-text.md §3.1). Each step is its own function so that a
/// caller can apply only the ones it needs.
public enum Normalization {
    /// Characters that take no space and carry no meaning in answers:
    /// soft hyphen, zero-width spaces and joiners, BOM, direction marks.
    static let invisible: Set<Unicode.Scalar> = [
        "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}",
        "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
    ]
    /// Dashes and minus signs, all folded to `-`.
    static let dashes: Set<Unicode.Scalar> = [
        "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE63}", "\u{FF0D}",
    ]
    /// Quote marks, dropped when comparing.
    static let quotes: Set<Unicode.Scalar> = [
        "«", "»", "\"", "\u{201C}", "\u{201D}", "\u{201E}", "'", "\u{2019}", "\u{2018}", "`", "\u{02BC}",
    ]
    /// Punctuation dropped at either end of a text.
    static let edgePunctuation: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "…"]

    /// An ASCII or Cyrillic letter: alphabetic, and none of the space,
    /// invisible, dash, quote or punctuation characters, so the folds pass
    /// it through without the slower Unicode property and set look-ups (a
    /// test checks this against every scalar).
    static func isPlainLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) || (0x400...0x481).contains(v)
            || (0x48A...0x52F).contains(v)
    }

    /// `s.properties.isAlphabetic`, quick for the letters of most texts.
    static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        isPlainLetter(s) || s.properties.isAlphabetic
    }

    /// Unicode NFC.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// Removes invisible characters, turns every kind of white space into one
    /// ASCII space and trims the ends.
    public static func foldSpace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            // Letters, the bulk of a text, are neither invisible nor space.
            if !isPlainLetter(s) {
                if invisible.contains(s) { continue }
                if s.properties.isWhitespace {
                    pendingSpace = !out.isEmpty
                    continue
                }
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(s)
        }
        return String(out)
    }

    /// Folds every dash to `-`, drops quote marks, and removes the space
    /// after a hyphen that ends a word (`марксистік- лениндік`).
    public static func foldPunctuation(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar? = nil
        var beforePrevious: Unicode.Scalar? = nil
        for s0 in text.unicodeScalars {
            // A letter is neither a quote nor a dash.
            let letter = isPlainLetter(s0)
            if !letter, quotes.contains(s0) { continue }
            let s = !letter && dashes.contains(s0) ? "-" : s0
            if s == " ", previous == "-", let b = beforePrevious, isAlphabetic(b) {
                beforePrevious = previous
                continue
            }
            out.append(s)
            beforePrevious = previous
            previous = s
        }
        return String(out)
    }

    /// Drops punctuation (and the spaces next to it) at both ends.
    public static func trimEdgePunctuation(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        while let f = scalars.first, edgePunctuation.contains(f) || f == " " { scalars = scalars.dropFirst() }
        while let l = scalars.last, edgePunctuation.contains(l) || l == " " { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The key under which two prompts count as the same card: NFC, repaired
    /// look-alikes, folded space, dashes and quotes, no edge punctuation,
    /// lower case. Stable: changing it changes every derived card id, so it
    /// is pinned by tests.
    ///
    /// A plain text (no Latin letter, combining mark or other script) takes
    /// `PlainIdentityKey`'s one pass, which gives the same key.
    public static func identityKey(_ text: String) -> String {
        PlainIdentityKey.of(text) ?? foldedIdentityKey(text)
    }

    /// `identityKey` by its folds one after another: any text's key, and
    /// what `PlainIdentityKey` must give.
    static func foldedIdentityKey(_ text: String) -> String {
        let repaired = Homoglyphs.repaired(nfc(text))
        return trimEdgePunctuation(foldPunctuation(foldSpace(repaired))).lowercased()
    }
}
