import DeckFormat

/// How a face is answered on the study screen.
public enum AnswerStyle: Hashable, Sendable {
    /// Reveal, then grade yourself (question/answer, term→definition).
    case selfGraded
    /// Type the answer; it is checked, and the verdict suggests the grade
    /// (definition→term, cloze).
    case typed
    /// Pick the option(s); graded from the pick.
    case choice
    /// Reveal the model answer and tick the key points covered; the ticks
    /// suggest the grade (open questions).
    case keyPoints

    public init(face: StudyFace) {
        switch (face.card.content, face.direction) {
        case (.term, .reverse), (.cloze, _): self = .typed
        case (.choice, _): self = .choice
        case (.open(let o), _): self = o.keyPoints.isEmpty ? .selfGraded : .keyPoints
        default: self = .selfGraded
        }
    }
}
