/// The glossary entries of a lecture, one per term, chosen as they are
/// found: a term defined twice keeps the shorter definition (ties keep
/// the earlier), in file order. A lecture that defines one term thousands
/// of times holds one entry, not all of them until the end.
struct OnePerTerm {
    /// The entries kept, in file order; nil where a shorter definition
    /// found later took an entry's place.
    private var kept: [GlossaryEntry?] = []
    /// Where each term's entry is in `kept`, by the term in lower case.
    private var slot: [String: Int] = [:]

    /// Takes `entry` unless its term already has a definition as short.
    mutating func add(_ entry: GlossaryEntry) {
        let key = entry.term.lowercased()
        if let at = slot[key], let old = kept[at] {
            if GlossaryFinder.wordCount(old.definition) <= GlossaryFinder.wordCount(entry.definition) { return }
            kept[at] = nil
        }
        slot[key] = kept.count
        kept.append(entry)
    }

    /// The entries chosen, in file order.
    var entries: [GlossaryEntry] { kept.compactMap { $0 } }
}
