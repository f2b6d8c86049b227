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
    /// do not give it away.
    static func giveaway(term: String, definition: String) -> String? {
        var keys = WordKeys()
        return giveaway(term: term, definition: definition, keys: &keys)
    }

    /// `giveaway(term:definition:)` with the keys of words met before (a
    /// parse passes one table for all its cards).
    static func giveaway(term: String, definition: String, keys: inout WordKeys) -> String? {
        let termKeys = words(term).map { keys.key($0) }
        guard !termKeys.isEmpty, termKeys.joined().count >= 3 else { return nil }
        let defined = words(definition)
        guard defined.count >= termKeys.count else { return nil }
        // A word's key is asked for only where the words before it in the
        // run matched: most definition words are compared once, with the
        // term's first key.
        for start in 0...(defined.count - termKeys.count) where keys.key(defined[start]) == termKeys[0] {
            if termKeys.indices.dropFirst().allSatisfy({ keys.key(defined[start + $0]) == termKeys[$0] }) {
                return defined[start..<start + termKeys.count].joined(separator: " ")
            }
        }
        return nil
    }

    /// The lower-cased letter runs of `text`.
    static func words(_ text: String) -> [Substring] {
        text.lowercased().split(whereSeparator: { !$0.isLetter })
    }
}
