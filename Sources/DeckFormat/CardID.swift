import KazakhText

/// A card's stable identity, under which a student's progress is stored.
///
/// The rule (docs/deck-format.md, "Card identity"):
/// - an explicit `id:` wins, as written;
/// - otherwise the id is `KIND-HASH`, where HASH is the first 12 hex digits
///   of the 64-bit FNV-1a hash of `KIND + "\n" + normalised prompt`.
///
/// The prompt is the question, the term, or the cloze text with its gaps
/// blanked. Answers, definitions, options, key points, level, tags and
/// source are not part of it, so fixing them keeps progress. The
/// normalisation (`Normalization.identityKey`) folds case, spacing, dashes,
/// quotes, trailing punctuation, ӛ→ө and Latin look-alikes, so fixing those
/// in a prompt keeps progress too.
public struct CardID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (a: CardID, b: CardID) -> Bool { a.rawValue < b.rawValue }

    /// The derived identity of a card of `kind` asking `prompt`.
    public static func derived(kind: CardKind, prompt: String) -> CardID {
        derived(kind: kind, prompt: prompt, knownFreeOfLookalikes: false)
    }

    /// `derived(kind:prompt:)` for a prompt the parser has already found
    /// free of look-alike letters.
    static func derived(kind: CardKind, prompt: String, knownFreeOfLookalikes: Bool) -> CardID {
        var hash = fnv1a64(kind.rawValue.utf8)
        hash = fnv1a64(CollectionOfOne(UInt8.newline), startingAt: hash)
        let start = hash
        if let fast = IdentityKey.withFastKey(
            prompt, knownFreeOfLookalikes: knownFreeOfLookalikes, { fnv1a64($0, startingAt: start) })
        {
            hash = fast
        } else {
            hash = fnv1a64(Normalization.identityKey(prompt).utf8, startingAt: hash)
        }
        return CardID(rawValue: kind.rawValue + "-" + hexDigits(hash, count: 12))
    }

    /// The first `count` digits of `value` written as 16 lower-case hex
    /// digits with leading zeros (one derived id per card: no formatter).
    static func hexDigits(_ value: UInt64, count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            for i in 0..<count {
                let digit = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * i)) & 0xF
                buffer[i] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") - 10 + digit
            }
            return count
        }
    }

    /// Whether `text` may be written after `id:`: letters, digits, `-`,
    /// `_`, `.`, 1–64 characters, and not containing `/` (reserved for
    /// faces).
    public static func isValidExplicit(_ text: String) -> Bool {
        // Most ids are ASCII: a byte is a character, and a letter is A–Z or
        // a–z, with no look-up of Unicode properties.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Letters, digits, `-`, `_` (a field name's bytes) and `.`.
            return !text.isEmpty && text.utf8.count <= 64
                && text.utf8.allSatisfy { Line.isNameByte($0) || $0 == UInt8(ascii: ".") }
        }
        guard !text.isEmpty, text.count <= 64 else { return false }
        return text.unicodeScalars.allSatisfy { s in
            s == "-" || s == "_" || s == "." || s.properties.isAlphabetic || ("0"..."9").contains(s)
        }
    }
}

/// FNV-1a, 64-bit: small, stable across platforms and Swift versions
/// (unlike `Hasher`, which is seeded per process). `startingAt` continues
/// a hash, so hashing pieces one after another equals hashing them joined.
func fnv1a64<S: Sequence>(_ bytes: S, startingAt start: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64
where S.Element == UInt8 {
    var hash = start
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
}
