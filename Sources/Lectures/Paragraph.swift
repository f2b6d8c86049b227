/// A paragraph of lecture text after unwrapping, with where each of its
/// pieces came from, so anything found inside can name its source line.
public struct Paragraph: Hashable, Sendable {
    /// The paragraph's text on one line.
    public var text: String
    /// Where the text of each source line begins, in Characters from the
    /// start of `text`, in order.
    public var marks: [LineMark]

    public init(text: String, marks: [LineMark]) {
        self.text = text
        self.marks = marks
    }

    /// The file line that the Character at `offset` came from.
    public func line(at offset: Int) -> Int {
        var line = marks.first?.line ?? 0
        for mark in marks {
            if mark.offset > offset { break }
            line = mark.line
        }
        return line
    }

    /// The file line the paragraph starts on.
    public var firstLine: Int { marks.first?.line ?? 0 }
}

/// The start of one source line's text inside a paragraph.
public struct LineMark: Hashable, Sendable {
    /// Characters from the start of the paragraph text.
    public var offset: Int
    /// The 1-based line of the lecture file.
    public var line: Int

    public init(offset: Int, line: Int) {
        self.offset = offset
        self.line = line
    }
}
