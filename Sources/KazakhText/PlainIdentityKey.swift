/// `Normalization.identityKey` of a plain text in one pass over its UTF-8
/// bytes, without the folds one after another: every card's id is derived
/// from its prompt's key when a deck is parsed, and a search folds every
/// prompt and answer of the collection (`jatta find`, `/` on the home
/// screen: 7 s at 100,000 cards, most of it in the folds, each making a
/// new string).
///
/// Plain is `CompactScan`'s plain: Cyrillic letters that are never
/// repaired, ASCII digits, white space (tab, line feed, space) and other
/// ASCII that is not a letter; and the punctuation the folds name (the
/// dashes, quote marks and edge punctuation of `Normalization`: «», –,
/// the ellipsis a cloze's gap is shown as) and other white space, none of
/// which NFC changes. In such a text NFC and the look-alike repair change
/// nothing, and every other fold acts on single scalars and their
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

    /// A scalar's bits, read off the folds' own sets and tests; 0 for one
    /// that is not plain. Asked only of a scalar that lower-cases to one
    /// scalar (`roles`, `otherRoles`).
    private static func role(of s: Unicode.Scalar) -> UInt8 {
        guard CompactScan.isPlain(s) || isNamedPunctuation(s), !Normalization.invisible.contains(s)
        else { return 0 }
        var role = isPlain
        if s.properties.isWhitespace { role |= isSpace }
        if Normalization.quotes.contains(s) { role |= isQuote }
        if Normalization.dashes.contains(s) { role |= isDash }
        if Normalization.edgePunctuation.contains(s) { role |= isEdge }
        if Normalization.isAlphabetic(s) { role |= isAlphabetic }
        return role
    }

    /// The punctuation and white space past ASCII that the folds act on by
    /// name or by class, when NFC leaves it alone and it is no letter: its
    /// neighbours then do not change what the folds make of it.
    private static func isNamedPunctuation(_ s: Unicode.Scalar) -> Bool {
        // Compared scalar by scalar: `==` on strings would call a
        // scalar equal to its canonical equivalent.
        guard s.value >= 0x80, !s.properties.isAlphabetic,
            Array(String(s).precomposedStringWithCanonicalMapping.unicodeScalars) == [s]
        else { return false }
        return Normalization.dashes.contains(s) || Normalization.quotes.contains(s)
            || Normalization.edgePunctuation.contains(s) || s.properties.isWhitespace
    }

    /// `s` lower-cased as `String.lowercased()` does it; nil when that is
    /// not one scalar.
    private static func lowered(_ s: Unicode.Scalar) -> UInt32? {
        let lower = String(s).lowercased().unicodeScalars
        guard lower.count == 1, let l = lower.first else { return nil }
        return l.value
    }

    /// Each scalar's bits below `tableSize` (0 too for one whose lower case
    /// is not there: `lowered` has no place for it).
    private static let roles: [UInt8] = (0..<UInt32(tableSize)).map { v in
        guard lowered[Int(v)] != 0, let s = Unicode.Scalar(v) else { return 0 }
        return role(of: s)
    }

    /// Each scalar below `tableSize` lower-cased, 0 when that is not one
    /// scalar below `tableSize`.
    private static let lowered: [UInt32] = (0..<UInt32(tableSize)).map { v in
        guard let s = Unicode.Scalar(v), let l = lowered(s), l < UInt32(tableSize) else { return 0 }
        return l
    }

    /// The plain scalars past `tableSize`, a few dozen, with their bits:
    /// each lower-cases to itself.
    private static let otherRoles: [UInt32: UInt8] = {
        var roles: [UInt32: UInt8] = [:]
        let named = Normalization.dashes.union(Normalization.quotes).union(Normalization.edgePunctuation)
        // Unicode's white space past the table lies at U+1680, in the
        // general punctuation and at U+3000.
        let spaces = ([0x1680, 0x3000] + Array(0x2000...0x205F)).compactMap(Unicode.Scalar.init)
            .filter(\.properties.isWhitespace)
        for s in named.union(spaces) where s.value >= UInt32(tableSize) && lowered(s) == s.value {
            let role = role(of: s)
            if role != 0 { roles[s.value] = role }
        }
        return roles
    }()

    /// The identity key of `text`, or nil when it is not plain.
    static func of(_ text: String) -> String? {
        let roles = Self.roles
        let lowered = Self.lowered
        let otherRoles = Self.otherRoles
        /// The bits of any scalar: from the table, or of the few past it.
        func role(_ v: UInt32) -> UInt8 { v < UInt32(tableSize) ? roles[Int(v)] : otherRoles[v] ?? 0 }
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
                let bits = role(scalar)
                if bits & isQuote != 0 { return }
                let s: UInt32 = bits & isDash != 0 ? 0x2D : scalar
                if s == 0x20, hasPrevious, previous == 0x2D, hasBeforePrevious,
                    role(beforePrevious) & isAlphabetic != 0
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
                // Three bytes: the punctuation past the table.
                guard
                    let v = TwoByteUTF8.scalar(in: bytes, at: &i) ?? TwoByteUTF8.threeByteScalar(in: bytes, at: &i)
                else { return nil }
                let bits = role(v)
                guard bits & isPlain != 0 else { return nil }
                if bits & isSpace != 0 {
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
            while start < end, folded[start] == 0x20 || role(folded[start]) & isEdge != 0 { start += 1 }
            while end > start, folded[end - 1] == 0x20 || role(folded[end - 1]) & isEdge != 0 { end -= 1 }
            var key: [UInt8] = []
            key.reserveCapacity(3 * (end - start))
            for scalar in folded[start..<end] {
                // Past the table a scalar lower-cases to itself (`otherRoles`).
                let l = scalar < UInt32(tableSize) ? lowered[Int(scalar)] : scalar
                if l < 0x80 {
                    key.append(UInt8(l))
                } else if l < 0x800 {
                    key.append(UInt8(0xC0 | l >> 6))
                    key.append(UInt8(0x80 | l & 0x3F))
                } else {
                    key.append(UInt8(0xE0 | l >> 12))
                    key.append(UInt8(0x80 | l >> 6 & 0x3F))
                    key.append(UInt8(0x80 | l & 0x3F))
                }
            }
            return String(decoding: key, as: UTF8.self)
        }
    }
}
