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
        let termWords = keys.words(of: term).spellings
        let termKeys = termWords.map { keys.keyNumber(spelling: $0) }
        guard !termKeys.isEmpty, termWords.map({ keys.key(spelling: $0) }).joined().count >= 3 else { return nil }
        // The first letter every giveaway starts with, where it is known
        // without stemming (`WordKeys.lead`): most words of a definition
        // are never stemmed.
        let lead = WordKeys.lead(keys.key(spelling: termWords[0]))
        let defined = keys.words(of: definition)
        let spellings = defined.spellings
        guard spellings.count >= termKeys.count else { return nil }
        for start in 0...(spellings.count - termKeys.count) {
            if lead != 0 {
                let wordLead = keys.lead(spelling: spellings[start])
                if wordLead != 0, wordLead != lead { continue }
            }
            guard keys.keyNumber(spelling: spellings[start]) == termKeys[0] else { continue }
            if termKeys.indices.dropFirst().allSatisfy({ keys.keyNumber(spelling: spellings[start + $0]) == termKeys[$0] }) {
                return (start..<start + termKeys.count).map(defined.lowered).joined(separator: " ")
            }
        }
        return nil
    }
}
