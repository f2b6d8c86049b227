import KazakhText

/// The retrieval keys (`KazakhStemmer.key`) of the words one parse has
/// met. A deck's definitions repeat a few thousand words over and over,
/// and stemming each occurrence afresh was most of the cost of parsing a
/// deck of terms (the giveaway check of `TermInDefinition`); a word is
/// stemmed once per parse here. Memory grows with the distinct words of
/// one file, never with more than its length.
struct WordKeys {
    /// A word compared and hashed by its exact UTF-8 bytes. `String`
    /// equality folds canonically equivalent spellings (`й` and `и` with a
    /// combining breve), which the stemmer's look-alike repair can tell
    /// apart, so it would hand one spelling the other's key.
    struct Spelling: Hashable {
        /// The word as found in the lower-cased text.
        var text: Substring

        static func == (a: Spelling, b: Spelling) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

        func hash(into hasher: inout Hasher) {
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            // The same bytes hashed the same way when the text is not stored
            // contiguously.
            if hashed == nil { Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
            hasher.combine(text.utf8.count)
        }
    }

    /// The key of each word stemmed so far.
    private var known: [Spelling: String] = [:]

    /// `KazakhStemmer.key(word)`, stemmed at the first meeting only.
    mutating func key(_ word: Substring) -> String {
        let spelling = Spelling(text: word)
        if let key = known[spelling] { return key }
        let key = KazakhStemmer.key(String(word))
        // Kept as its own small string: the word's text is part of a whole
        // lower-cased definition, which the table should not hold alive.
        known[Spelling(text: Substring(String(word)))] = key
        return key
    }
}
