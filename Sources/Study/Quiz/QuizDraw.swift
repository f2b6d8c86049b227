import DeckFormat
import FSRS

/// The cards of a quiz drawn at random one at a time, each card of the
/// decks once, until the quiz has its questions: a 20-question quiz from
/// 200,000 cards looks at about 20 cards, not at every card to list the
/// ones it may ask and shuffle that list.
///
/// The draws are a Fisher–Yates shuffle of every card's place taken from
/// the front and only as far as it is needed (`next`): the k-th draw picks
/// one of the places not drawn yet, each alike likely, and only the
/// places swapped so far are kept (`moved`). So the order is a uniformly
/// random order of all cards, and the cards a quiz may ask (`QuizSettings`'
/// level and tags) come in a uniformly random order of their own: a card
/// it may not ask is drawn and passed over. The same decks and generator
/// give the same draws.
struct QuizDraw {
    /// Where each deck's first card is in one numbering of every card,
    /// and past the last, the number of cards.
    private let starts: [Int]
    /// The places drawn so far (the front of the shuffle).
    private(set) var drawn = 0
    /// The shuffle's places that hold another place than their own, by
    /// position; every other position holds itself.
    private var moved: [Int: Int] = [:]

    init(_ decks: [Deck]) {
        var starts = [0]
        starts.reserveCapacity(decks.count + 1)
        for deck in decks { starts.append(starts[starts.count - 1] + deck.cards.count) }
        self.starts = starts
    }

    /// How many cards there are to draw from.
    var total: Int { starts[starts.count - 1] }

    /// The next card's place (its deck's index and its own in that deck's
    /// cards), or nil when every card was drawn.
    mutating func next(rng: inout SeededGenerator) -> (deck: Int, card: Int)? {
        guard drawn < total else { return nil }
        let chosen = drawn + rng.below(total - drawn)
        let number = moved[chosen] ?? chosen
        // The place at the front goes where the chosen one was; the front
        // is drawn and never looked at again.
        moved[chosen] = moved.removeValue(forKey: drawn) ?? drawn
        if chosen == drawn { moved[chosen] = nil }
        drawn += 1
        return place(of: number)
    }

    /// The deck and card of number `number` in the numbering of `starts`.
    private func place(of number: Int) -> (deck: Int, card: Int) {
        // The last deck whose start is at most `number` (and that has cards).
        var (low, high) = (0, starts.count - 1)
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= number { low = middle } else { high = middle }
        }
        return (low, number - starts[low])
    }
}
