/// One line of lecture text and the line of the file it came from. A
/// repair may split a file line into several (`МазмұныКіріспе`); they keep
/// the file's line number so every card can point back to its source.
public struct SourceLine: Hashable, Sendable {
    /// The 1-based line of the lecture file.
    public var number: Int
    /// The text, without its line break.
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}
