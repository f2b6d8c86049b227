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
        hash = fnv1a64([UInt8.newline], startingAt: hash)
        if let key = IdentityKey.fastBytes(prompt, knownFreeOfLookalikes: knownFreeOfLookalikes) {
            hash = fnv1a64(key, startingAt: hash)
        } else {
            hash = fnv1a64(Normalization.identityKey(prompt).utf8, startingAt: hash)
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return CardID(rawValue: kind.rawValue + "-" + padded.prefix(12))
    }

    /// Whether `text` may be written after `id:`: letters, digits, `-`,
    /// `_`, `.`, 1–64 characters, and not containing `/` (reserved for
    /// faces).
    public static func isValidExplicit(_ text: String) -> Bool {
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
