/// One change the extractor made to a lecture's text, kept so that
/// `jatta extract --explain` can show every repair with its place.
public struct Repair: Hashable, Sendable, CustomStringConvertible {
    /// The kinds of repair, one per rule.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Markup turned into text lines, entities decoded.
        case html
        /// ӛ → ө and the other letters that are never right in Kazakh.
        case wrongLetter = "wrong-letter"
        /// A Latin look-alike inside a Cyrillic word (`cөзіне`).
        case latinLookalike = "latin-lookalike"
        /// Text that had lost its line breaks split again (`МазмұныКіріспе`).
        case gluedText = "glued-text"
        /// Page references left in the text (`2/5бет/`) removed.
        case pageMarker = "page-marker"
        /// Table-of-contents dot leaders removed.
        case dotLeaders = "dot-leaders"
        /// Wrapped lines joined into paragraphs.
        case unwrap
        /// A hyphen at a line break or before a space kept as a real hyphen.
        case hyphenKept = "hyphen-kept"
        /// A hyphen at a line break removed and the word joined.
        case hyphenJoined = "hyphen-joined"
        /// A hyphen before a space and a capital read as a dash (`Утилитарлар- Орынды`).
        case hyphenAsDash = "hyphen-as-dash"
        /// A spaced dash between the halves of a compound written with a
        /// hyphen elsewhere in the notes (`ұлттық – мемлекеттік`).
        case dashAsHyphen = "dash-as-hyphen"
        /// A word split by a stray space or line break joined again.
        case splitWord = "split-word"
    }

    /// Which rule made the change.
    public var kind: Kind
    /// The lecture file, as named on the command line.
    public var file: String
    /// The line of the lecture file (1-based).
    public var line: Int
    /// The text before the repair.
    public var before: String
    /// The text after the repair.
    public var after: String
    /// Why, in a few words: the evidence the rule used.
    public var reason: String

    public init(kind: Kind, file: String, line: Int, before: String, after: String, reason: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.before = before
        self.after = after
        self.reason = reason
    }

    public var description: String {
        "\(file):\(line): \(kind.rawValue): «\(before)» → «\(after)» (\(reason))"
    }
}
