/// The day of the exam each face is studied for, by its progress key.
///
/// When every deck of a session is studied for one exam (an exam set for
/// the whole folder, the usual case) no key is kept: every face has that
/// day. A table of every face's key was made at each start otherwise,
/// 120,000 strings at 100,000 cards (a tenth of such a start, and 10 MB).
public struct ExamDays: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    /// The day of every face, when all share one exam.
    public private(set) var everyFace: Int?
    /// Each face's day, when the decks have different exams or some have
    /// none; a face not listed has no exam.
    public private(set) var byKey: [String: Int]
    /// The earliest exam day of any face, found once: the exam rule moves
    /// no review due before it (`ExamScheduler.adjust`).
    public let earliest: Int?

    /// The days of the faces listed.
    public init(_ byKey: [String: Int]) {
        self.byKey = byKey
        earliest = byKey.values.min()
    }

    /// Every face studied for the exam on `day`.
    public init(everyFace day: Int) {
        everyFace = day
        byKey = [:]
        earliest = day
    }

    public init(dictionaryLiteral elements: (String, Int)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { $1 }))
    }

    /// The day of the face `key`, nil for a face without an exam.
    public subscript(key: String) -> Int? { everyFace ?? byKey[key] }

    /// Whether no face has an exam.
    public var isEmpty: Bool { everyFace == nil && byKey.isEmpty }
}
