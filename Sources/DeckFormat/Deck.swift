/// A parsed deck file: its title, metadata and cards, in file order.
public struct Deck: Hashable, Sendable {
    /// The path the deck was read from, as given (relative paths stay
    /// relative, so diagnostics read like a compiler's).
    public var file: String
    /// The `# Title` line, if any.
    public var title: String?
    /// `key: value` lines between the title and the first section or card,
    /// in file order (`lang`, `author`, `description`, `level`, …).
    public var metadata: [MetadataEntry]
    /// The cards in file order.
    public var cards: [Card]

    public init(file: String, title: String? = nil, metadata: [MetadataEntry] = [], cards: [Card] = []) {
        self.file = file
        self.title = title
        self.metadata = metadata
        self.cards = cards
    }

    /// The value of the first metadata entry named `key`.
    public func metadata(_ key: String) -> String? {
        metadata.first { $0.key == key }?.value
    }

    /// The deck's language (`lang:`), `kk` when not given.
    public var language: String { metadata("lang") ?? "kk" }

    /// A name to show for the deck: its title, else its file name.
    public var displayName: String {
        if let title, !title.isEmpty { return title }
        return file.split(separator: "/").last.map(String.init) ?? file
    }
}

public struct MetadataEntry: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A place in a deck file. Lines and columns count from 1; a column counts
/// Unicode scalars (characters as an editor shows them for Kazakh text),
/// not bytes.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
