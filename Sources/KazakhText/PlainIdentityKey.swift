/// `Normalization.identityKey` of a plain text in one pass over its UTF-8
/// bytes, without the folds one after another: every card's id is derived
/// from its prompt's key when a deck is parsed, and a search folds every
/// prompt and answer of the collection (`jatta find`, `/` on the home
/// screen: 7 s at 100,000 cards, most of it in the folds, each making a
/// new string).
///
/// Plain is `CompactScan`'s plain: Cyrillic letters that are never
/// repaired, ASCII digits, white space (tab, line feed, space) and other
/// ASCII that is not a letter. In such a text NFC and the look-alike repair
/// change nothing, and every other fold acts on single scalars and their
/// neighbours as below. Anything else gives nil and the caller takes the
/// folds. A test compares the two over every plain scalar in context and
/// over generated texts.
enum PlainIdentityKey {
    /// What the folds do with a plain scalar, by bit.
    private static let isPlain: UInt8 = 1
    private static let isSpace: UInt8 = 2
    private static let isQuote: UInt8 = 4
    private static let isDash: UInt8 = 8
    private static let isEdge: UInt8 = 16
    private static let isAlphabetic: UInt8 = 32

    /// The scalars with a role: ASCII and Cyrillic (to U+052F).
    private static let tableSize = CompactScan.tableSize

    /// Each scalar's bits, read off the folds' own sets and tests.
    private static let roles: [UInt8] = (0..<UInt32(tableSize)).map { v in
        guard let s = Unicode.Scalar(v), CompactScan.isPlain(s), !Normalization.invisible.contains(s),
            lowered[Int(v)] != 0
        else { return 0 }
        var role = isPlain
        if s.properties.isWhitespace { role |= isSpace }
        if Normalization.quotes.contains(s) { role |= isQuote }
        if Normalization.dashes.contains(s) { role |= isDash }
        if Normalization.edgePunctuation.contains(s) { role |= isEdge }
        if Normalization.isAlphabetic(s) { role |= isAlphabetic }
        return role
    }

    /// Each scalar lower-cased as `String.lowercased()` does it, 0 when
    /// that is not one scalar below `tableSize`.
    private static let lowered: [UInt32] = (0..<UInt32(tableSize)).map { v in
        guard let s = Unicode.Scalar(v) else { return 0 }
        let lower = String(s).lowercased().unicodeScalars
        guard lower.count == 1, let l = lower.first, l.value < UInt32(tableSize) else { return 0 }
        return l.value
    }

    /// The identity key of `text`, or nil when it is not plain.
    static func of(_ text: String) -> String? {
        let roles = Self.roles
        let lowered = Self.lowered
        var text = text
        return text.withUTF8 { bytes -> String? in
            // The scalars after the space and punctuation folds, before the
            // edges are trimmed and the case lowered.
            var folded: [UInt32] = []
            folded.reserveCapacity(bytes.count)
            // `Normalization.foldSpace`: whether it has written anything,
            // and whether a space is owed before the next scalar.
            var spaceFoldWrote = false
            var pendingSpace = false
            // `Normalization.foldPunctuation`: the last two scalars written.
            var previous: UInt32 = 0
            var beforePrevious: UInt32 = 0
            var hasPrevious = false
            var hasBeforePrevious = false
            func foldPunctuation(_ scalar: UInt32) {
                let role = roles[Int(scalar)]
                if role & isQuote != 0 { return }
                let s: UInt32 = role & isDash != 0 ? 0x2D : scalar
                if s == 0x20, hasPrevious, previous == 0x2D, hasBeforePrevious,
                    roles[Int(beforePrevious)] & isAlphabetic != 0
                {
                    beforePrevious = previous
                    return
                }
                folded.append(s)
                (beforePrevious, hasBeforePrevious) = (previous, hasPrevious)
                (previous, hasPrevious) = (s, true)
            }
            var i = 0
            while i < bytes.count {
                guard let v = TwoByteUTF8.scalar(in: bytes, at: &i), v < UInt32(tableSize) else { return nil }
                let role = roles[Int(v)]
                guard role & isPlain != 0 else { return nil }
                if role & isSpace != 0 {
                    pendingSpace = spaceFoldWrote
                    continue
                }
                if pendingSpace {
                    foldPunctuation(0x20)
                    pendingSpace = false
                }
                foldPunctuation(v)
                spaceFoldWrote = true
            }
            // `Normalization.trimEdgePunctuation`, then lower case.
            var start = 0
            var end = folded.count
            while start < end, folded[start] == 0x20 || roles[Int(folded[start])] & isEdge != 0 { start += 1 }
            while end > start, folded[end - 1] == 0x20 || roles[Int(folded[end - 1])] & isEdge != 0 { end -= 1 }
            var key: [UInt8] = []
            key.reserveCapacity(2 * (end - start))
            for scalar in folded[start..<end] {
                let l = lowered[Int(scalar)]
                if l < 0x80 {
                    key.append(UInt8(l))
                } else {
                    key.append(UInt8(0xC0 | l >> 6))
                    key.append(UInt8(0x80 | l & 0x3F))
                }
            }
            return String(decoding: key, as: UTF8.self)
        }
    }
}
