/// The glossary entries of a lecture, one per term, chosen as they are
/// found: a term defined twice keeps the shorter definition (ties keep
/// the earlier), in file order. A lecture that defines one term thousands
/// of times holds one entry, not all of them until the end.
struct OnePerTerm {
    /// The entries kept, in file order; nil where a shorter definition
    /// found later took an entry's place.
    private var kept: [GlossaryEntry?] = []
    /// Where each term's entry is in `kept` and the number of words of its
    /// definition, by the term in lower case.
    private var slot: [String: (at: Int, words: Int)] = [:]

    /// Takes `entry` unless its term already has a definition as short.
    mutating func add(_ entry: GlossaryEntry) {
        let key = entry.term.lowercased()
        let words = GlossaryFinder.wordCount(entry.definition)
        if let old = slot[key] {
            if old.words <= words { return }
            kept[old.at] = nil
        }
        slot[key] = (kept.count, words)
        kept.append(entry)
    }

    /// The entries chosen, in file order.
    var entries: [GlossaryEntry] { kept.compactMap { $0 } }
}
