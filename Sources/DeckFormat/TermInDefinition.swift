import KazakhText

/// Finds a term card whose definition names the term itself
/// (`T: Гегемония` / `D: … гегемониясы …`): studied the reverse way, the
/// definition is the question, so it would give the answer away.
enum TermInDefinition {
    /// The words of `definition` that give `term` away, or nil: the
    /// term's words in a row, each compared by its retrieval key
    /// (`KazakhStemmer.key`: endings stripped, final consonants folded),
    /// so inflected forms count (`гегемониясы`, `тұтқындардың диллемасы`).
    /// The words of a term of several words scattered over the definition
    /// do not give it away. `keys` holds the keys of words met before (a
    /// parse passes one table for all its cards).
    static func giveaway(term: String, definition: String, keys: inout WordKeys) -> String? {
        let termKeys = keys.words(of: term).map(\.key)
        guard !termKeys.isEmpty, termKeys.joined().count >= 3 else { return nil }
        let defined = keys.words(of: definition)
        guard defined.count >= termKeys.count else { return nil }
        for start in 0...(defined.count - termKeys.count) where defined[start].key == termKeys[0] {
            if termKeys.indices.dropFirst().allSatisfy({ defined[start + $0].key == termKeys[$0] }) {
                return defined[start..<start + termKeys.count].map(\.lowered).joined(separator: " ")
            }
        }
        return nil
    }
}
