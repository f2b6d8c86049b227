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

    /// The separator between a deck's namespace and an explicit id: a
    /// character neither an id nor a namespace may hold, so `NAMESPACE:ID`
    /// never equals another card's explicit or derived id. A scalar, not a
    /// `Character`: see `parts(of:)`.
    public static let namespaceSeparator: Unicode.Scalar = ":"

    /// The identity of a card written `id: explicit` in a deck whose
    /// namespace is `namespace` (docs/deck-format.md, "Namespaces").
    public static func scoped(_ explicit: String, namespace: String) -> CardID {
        CardID(rawValue: namespace + String(namespaceSeparator) + explicit)
    }

    /// The namespace and the explicit id of a scoped `id`, split at its
    /// last separator; nil for an id with no namespace or nothing after it.
    ///
    /// The separator is looked for among the scalars. As a `Character` it
    /// can be part of a larger grapheme: a combining mark that starts an id
    /// (`id: ܴа`, U+0734, a letter) joins the `:` before it, a prepended
    /// letter that ends a namespace (`ൎ`, U+0D4E) the `:` after it, and a
    /// search by `Character` would not find it (issue 19: the printer
    /// then wrote `id: n:ܴа`, which reads back as an invalid id).
    public static func parts(of id: CardID) -> (namespace: String, explicit: CardID)? {
        let scalars = id.rawValue.unicodeScalars
        guard let separator = scalars.lastIndex(of: namespaceSeparator) else { return nil }
        let explicit = scalars[scalars.index(after: separator)...]
        guard !explicit.isEmpty else { return nil }
        return (String(scalars[..<separator]), CardID(rawValue: String(explicit)))
    }

    /// The explicit id of a scoped `id` as written after `id:`, which is
    /// the key jatta 0.1 stored its progress under; nil for an id with no
    /// namespace.
    public static func unscoped(_ id: CardID) -> CardID? {
        parts(of: id)?.explicit
    }

    /// Whether `id` has the form of a derived id, `KIND-` and 12 hex
    /// digits: what `jatta pin-ids` writes. Such an id names one prompt
    /// wherever it is written, so progress under it may be taken by a card
    /// pinned to it without comparing prompts.
    public static func looksDerived(_ id: CardID) -> Bool {
        let text = id.rawValue
        guard let dash = text.lastIndex(of: "-"), CardKind(rawValue: String(text[..<dash])) != nil else { return false }
        let digits = text.utf8[text.utf8.index(after: dash)...]
        return digits.count == 12 && digits.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// The namespace of a deck file with no `namespace:` line: its file
    /// name without `.deck`, reduced to the characters a namespace may
    /// hold, so that two courses' `id: q1` in differently named files stay
    /// apart. Files of one course that move cards between them declare one
    /// `namespace:` instead.
    public static func defaultNamespace(file: String) -> String {
        var name = file.split(separator: "/").last.map(String.init) ?? file
        if name.hasSuffix(".deck") { name.removeLast(5) }
        var out = ""
        for scalar in name.unicodeScalars.prefix(64) {
            out.unicodeScalars.append(isIDScalar(scalar) ? scalar : "-")
        }
        return out.isEmpty ? "deck" : out
    }

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
        return text.unicodeScalars.allSatisfy(isIDScalar)
    }

    /// A character an explicit id or a namespace may hold.
    static func isIDScalar(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "_" || s == "." || s.properties.isAlphabetic || ("0"..."9").contains(s)
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
