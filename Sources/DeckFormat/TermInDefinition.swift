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
        let termWords = keys.words(of: term)
        let termKeys = termWords.keys
        guard !termKeys.isEmpty, termWords.spellings.map({ keys.key(spelling: $0) }).joined().count >= 3 else {
            return nil
        }
        let defined = keys.words(of: definition)
        let definedKeys = defined.keys
        guard definedKeys.count >= termKeys.count else { return nil }
        for start in 0...(definedKeys.count - termKeys.count) where definedKeys[start] == termKeys[0] {
            if termKeys.indices.dropFirst().allSatisfy({ definedKeys[start + $0] == termKeys[$0] }) {
                return (start..<start + termKeys.count).map(defined.lowered).joined(separator: " ")
            }
        }
        return nil
    }
}
