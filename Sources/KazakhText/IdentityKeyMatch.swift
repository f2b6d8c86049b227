/// The texts that have one identity key (`Normalization.identityKey`),
/// found without folding each of them: `jatta judge --deck` looks for the
/// card whose answer is EXPECTED among 100,000 answers.
///
/// For a plain text (`CompactScan`) the folds of the identity key only
/// drop or fold characters that its compact form drops too, and lower the
/// case of the letters as the compact form does; so a plain text whose
/// compact form differs from the key's kept scalars cannot have the key,
/// and only the others are folded in full (a test holds the answers to
/// `identityKey`'s).
public struct IdentityKeyMatch: Sendable {
    /// The key looked for.
    public let key: String
    /// The scalars of the key the compact form keeps, in order.
    let keptScalars: [UInt32]

    /// Looks for the texts with the identity key of `text`.
    public init(_ text: String) {
        key = Normalization.identityKey(text)
        let roles = CompactScan.roles
        keptScalars = key.unicodeScalars.map(\.value).filter { v in
            v >= UInt32(CompactScan.tableSize) || roles[Int(v)] != CompactScan.dropped
        }
    }

    /// Whether `identityKey(other)` is the key.
    public func matches(_ other: String) -> Bool {
        if CompactScan.compact(of: other, is: keptScalars) == false { return false }
        return Normalization.identityKey(other) == key
    }
}
