/// A line that looked like a level question, a task or a glossary entry,
/// and what the extractor made of it, for `jatta extract --explain`.
public struct Candidate: Hashable, Sendable, CustomStringConvertible {
    /// The lecture file, as named on the command line.
    public var file: String
    /// The 1-based line the candidate starts on.
    public var line: Int
    /// The candidate's text: usually a slice of its paragraph (a sentence),
    /// sharing the paragraph's text rather than copying it.
    public var text: Substring
    /// Whether it became a card.
    public var taken: Bool
    /// Why it was taken (what it became) or left.
    public var reason: String

    public var description: String {
        let shown = text.count > 70 ? String(text.prefix(70)) + " …" : text
        return "\(file):\(line): \(taken ? "taken" : "left"): «\(shown)» (\(reason))"
    }
}
