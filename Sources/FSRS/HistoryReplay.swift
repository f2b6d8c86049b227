/// Many cards' review histories replayed into their final memory states, as
/// fsrs-rs's `memory_state_batch` does: the same `nextMemoryState`, review by
/// review, so every state is the same bits as a card replayed alone.
///
/// Why two cards at a time: a card's reviews form one chain, each `pow` of a
/// review waiting for the stability the one before produced, so a single card
/// keeps the processor waiting on that chain. Two cards stepped side by side
/// are independent chains the processor overlaps (about a tenth less time on
/// a million reviews, measured with `scripts/bench-fsrs.sh`); more than two
/// measured no faster.
extension MemoryModel {
    /// The memory state after each card's whole history. Card `i`'s reviews
    /// are `cardStarts[i] ..< cardStarts[i + 1]` of `ratings` and
    /// `elapsedDays` (days since the review before; ignored for a card's
    /// first review). A card without reviews, or whose range lies outside the
    /// arrays, keeps its entry of `states`; `states` grows to one entry per card.
    public func replay(
        ratings: [Rating], elapsedDays: [Double], cardStarts: [Int], into states: inout [MemoryState]
    ) {
        let cards = max(cardStarts.count - 1, 0)
        if states.count < cards {
            states.append(
                contentsOf: repeatElement(MemoryState(stability: 0, difficulty: 0), count: cards - states.count))
        }
        let reviewCount = min(ratings.count, elapsedDays.count)
        ratings.withUnsafeBufferPointer { ratings in
            elapsedDays.withUnsafeBufferPointer { days in
                cardStarts.withUnsafeBufferPointer { starts in
                    states.withUnsafeMutableBufferPointer { states in
                        /// The card's reviews, or nil when it has none within the arrays.
                        func reviews(_ card: Int) -> Range<Int>? {
                            let start = starts[card]
                            let end = starts[card + 1]
                            return start >= 0 && start < end && end <= reviewCount ? start..<end : nil
                        }
                        func step(_ memory: MemoryState, _ index: Int) -> MemoryState {
                            nextMemoryState(memory, elapsedDays: days[index], rating: ratings[index])
                        }
                        func alone(_ card: Int) {
                            guard let range = reviews(card) else { return }
                            var memory = nextMemoryState(nil, elapsedDays: 0, rating: ratings[range.lowerBound])
                            for index in (range.lowerBound + 1)..<range.upperBound { memory = step(memory, index) }
                            states[card] = memory
                        }
                        var card = 0
                        while card + 1 < cards {
                            guard let a = reviews(card), let b = reviews(card + 1) else {
                                alone(card)
                                alone(card + 1)
                                card += 2
                                continue
                            }
                            var first = nextMemoryState(nil, elapsedDays: 0, rating: ratings[a.lowerBound])
                            var second = nextMemoryState(nil, elapsedDays: 0, rating: ratings[b.lowerBound])
                            var i = a.lowerBound + 1
                            var j = b.lowerBound + 1
                            while i < a.upperBound && j < b.upperBound {
                                first = step(first, i)
                                second = step(second, j)
                                i += 1
                                j += 1
                            }
                            while i < a.upperBound {
                                first = step(first, i)
                                i += 1
                            }
                            while j < b.upperBound {
                                second = step(second, j)
                                j += 1
                            }
                            states[card] = first
                            states[card + 1] = second
                            card += 2
                        }
                        if card < cards { alone(card) }
                    }
                }
            }
        }
    }
}
