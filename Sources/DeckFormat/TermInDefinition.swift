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
        let termKeys = words(term).map { KazakhStemmer.key($0) }
        guard !termKeys.isEmpty, termKeys.joined().count >= 3 else { return nil }
        let defined = words(definition)
        guard defined.count >= termKeys.count else { return nil }
        let keys = defined.map { KazakhStemmer.key($0) }
        for start in 0...(keys.count - termKeys.count) where keys[start] == termKeys[0] {
            if Array(keys[start..<start + termKeys.count]) == termKeys {
                return defined[start..<start + termKeys.count].joined(separator: " ")
            }
        }
        return nil
    }

    /// The lower-cased letter runs of `text`.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }
}
