/// What a sentence of the lectures may be offered as the answer to.
///
/// A heading or a fragment (under five words, or no final stop and under
/// eight) answers nothing, however well its words match. A sentence of
/// three or four words with its final stop, in a paragraph with other
/// sentences, is a statement of fact («БҰҰ 1945 жылы құрылды.») — or a
/// heading run into its text («Қазіргі либерализмнің негізгі болжамдары.
/// Либералдар …»). Both are short, so BM25 ranks them high for any word
/// they share with a question; a statement is told apart by holding most
/// of the question it answers.
enum Answerability: Equatable, Sendable {
    /// A heading or a fragment.
    case nothing
    /// A short statement: offered only for a question it mostly holds.
    case questionsItHolds
    /// A sentence long enough to stand as an answer.
    case anything

    /// The least coverage (`RankedPassage.coverage`) of a question a short
    /// statement must have to be offered for it.
    static let shortStatementCoverage = 0.6

    init(_ text: Substring, inRunningText: Bool) {
        var s = text
        while let l = s.last, "»\") ".contains(l) { s = s.dropLast() }
        let ends = s.last.map { ".!?;".contains($0) } ?? false
        // Words counted up to eight, without cutting the text into pieces.
        var words = 0
        var inWord = false
        for byte in text.utf8 {
            if byte == 32 { inWord = false } else if !inWord { inWord = true; words += 1; if words >= 8 { break } }
        }
        if words >= 8 || ends && words >= 5 {
            self = .anything
        } else if ends && inRunningText && words >= 3 {
            self = .questionsItHolds
        } else {
            self = .nothing
        }
    }
}
