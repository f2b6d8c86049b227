/// fsrs-rs's first-review outlier filter. Items whose card has exactly one
/// review after day zero are grouped by (first rating, days to that review).
/// Within each first rating, the smallest groups are dropped until 5 % of the
/// items (at least 20) are gone; past that, a group is kept only if it has at
/// least 6 items and a gap of at most 100 days (365 when the first rating was
/// Easy). Every item of a card whose (first rating, first gap) was dropped
/// leaves the training set as well: such cards were scheduled in a way that
/// says little about memory (a deck imported with odd due dates, say).
struct OutlierFilter {
    /// The items left to train on.
    var training: [TrainingItem]
    /// The first-interval items kept for fitting the initial stabilities.
    var firstIntervals: [TrainingItem]

    init(_ set: TrainingSet, enabled: Bool = true) {
        guard enabled else {
            training = set.items
            firstIntervals = set.items.filter { set.longTermCount($0) == 1 }
            return
        }
        // rating → gap → items (first-interval items only).
        var groups: [Int: [Int: [TrainingItem]]] = [:]
        for item in set.items where set.longTermCount(item) == 1 {
            groups[set.firstRating(item), default: [:]][set.targetElapsed(item), default: []].append(item)
        }
        var removed: [Int: Set<Int>] = [:]
        var kept: [TrainingItem] = []
        for rating in groups.keys.sorted() {
            guard let byGap = groups[rating] else { continue }
            // Smallest groups first; among equal sizes, the shorter gap first.
            let ordered = byGap.sorted { a, b in
                a.value.count != b.value.count ? a.value.count < b.value.count : a.key < b.key
            }
            let total = ordered.reduce(0) { $0 + $1.value.count }
            let quota = max(20, total / 20)
            let longestGap = rating == 4 ? 365 : 100
            var alreadyRemoved = 0
            for (gap, items) in ordered {
                if alreadyRemoved + items.count >= quota {
                    if items.count >= 6 && gap <= longestGap {
                        kept.append(contentsOf: items)
                    } else {
                        removed[rating, default: []].insert(gap)
                    }
                } else {
                    alreadyRemoved += items.count
                    removed[rating, default: []].insert(gap)
                }
            }
        }
        firstIntervals = kept
        training = set.items.filter { item in
            !(removed[set.firstRating(item)]?.contains(set.firstLongTermElapsed(item)) ?? false)
        }
    }
}
