import DeckFormat
import FSRS
import Foundation

/// The face on screen and everything the student has done with it so far.
public struct Attempt: Hashable, Sendable {
    /// The face being asked.
    public var item: StudyItem
    /// How it is answered.
    public var style: AnswerStyle
    /// When it was shown (the answer's duration is measured from here).
    public var shownAt: Date
    /// Whether the answer is shown.
    public var revealed = false
    /// The typed answer so far (typed faces).
    public var typed = ""
    /// The options in the order shown (choice faces), shuffled once per face
    /// and review so the position of the right option teaches nothing.
    public var options: [ChoiceOption] = []
    /// Indexes into `options` the student picked.
    public var picked: Set<Int> = []
    /// Indexes of the key points the student ticked (open questions).
    public var ticked: Set<Int> = []
    /// The highlighted option or key point.
    public var cursor = 0
    /// Pages scrolled from where the view places a long card (negative is
    /// up; the view clamps it).
    public var scroll = 0
    /// The verdict on a typed or chosen answer, once revealed.
    public var verdict: AnswerVerdict?
    /// The grade button highlighted; Enter gives this grade.
    public var selectedRating: Rating = .good
    /// What each grade would schedule, for the buttons.
    public var previews: [Rating: CardSchedule] = [:]

    public init(item: StudyItem, shownAt: Date, previews: [Rating: CardSchedule] = [:]) {
        self.item = item
        self.style = AnswerStyle(face: item.face)
        self.shownAt = shownAt
        self.previews = previews
        if case .choice(let c) = item.card.content {
            options = Self.shuffled(c.options, seed: item.key + "#" + String(item.schedule.reps))
        }
    }

    /// The key points of an open question, or none.
    public var keyPoints: [String] {
        if case .open(let o) = item.card.content { return o.keyPoints }
        return []
    }

    /// The grade the ticked key points suggest: none ticked is Again, fewer
    /// than half Hard, half or more Good. Easy is left to the student: a
    /// checklist cannot tell an effortless answer from a laboured one.
    public static func suggestedRating(ticked: Int, of total: Int) -> Rating {
        guard total > 0 else { return .good }
        if ticked == 0 { return .again }
        if ticked * 2 < total { return .hard }
        return .good
    }

    /// The verdict on the picked options: right when exactly the correct
    /// options are picked.
    public var choiceVerdict: AnswerVerdict {
        if picked.isEmpty { return .blank }
        let correct = Set(options.indices.filter { options[$0].isCorrect })
        return picked == correct ? .correct : .wrong(nil)
    }

    /// A deterministic shuffle (Fisher–Yates over SplitMix64 seeded by an
    /// FNV-1a hash of `seed`): the same face at the same review count always
    /// shows the same order, so undo and redraws do not reshuffle.
    static func shuffled<T>(_ items: [T], seed: String) -> [T] {
        var generator = SeededGenerator(seed: SeededGenerator.seed(hashing: seed))
        var result = items
        guard result.count > 1 else { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            // Plain modulo, not `below`: the orders already shown must stay.
            let j = Int(generator.next() % UInt64(i + 1))
            result.swapAt(i, j)
        }
        return result
    }
}
