/// Which cards of an earlier version of a deck file lose their identity in
/// the current one (`jatta check --against`): the edits that would reset
/// every student's progress on a card, found before the students find them.
public enum IdentityChanges {
    /// A card whose progress would not follow it to the new version.
    public struct Change: Hashable, Sendable {
        /// The card as it was.
        public var old: Card
        /// The card it most likely became.
        public var new: Card
    }

    /// Cards of `old` whose identity is neither kept nor handed over by the
    /// card that replaced them in `new` (`Card.formerIDs`: the progress a
    /// student's database moves when the deck is next opened). Between the
    /// cards whose identity is kept (as a text diff pairs lines between
    /// unchanged ones) the lost and the added cards are paired most alike
    /// prompt first (`pairs`); a card removed without a replacement is not
    /// listed.
    public static func compare(old: Deck, new: Deck) -> [Change] { comparison(old: old, new: new).changes }

    /// One file compared with its earlier version: the changes, and the
    /// cards lost and added that found no partner in it (a card moved to
    /// or from another file, `moves`).
    public struct Comparison: Hashable, Sendable {
        /// The cards whose identity the edit changes.
        public var changes: [Change] = []
        /// Cards of the earlier version neither kept nor paired.
        public var lost: [Card] = []
        /// Cards of the file now that keep no earlier identity and were not paired.
        public var added: [Card] = []
    }

    /// `compare`, with the cards left unpaired.
    public static func comparison(old: Deck, new: Deck) -> Comparison {
        let newKeeps = Set(new.cards.flatMap { [$0.id] + $0.formerIDs })
        let oldIDs = Set(old.cards.map(\.id))
        var result = Comparison()
        var lost: [Card] = []
        var added: [Card] = []
        func pairUp() {
            let paired = pairs(lost, added)
            for (o, n) in paired { result.changes.append(Change(old: lost[o], new: added[n])) }
            let pairedLost = Set(paired.map(\.0)), pairedAdded = Set(paired.map(\.1))
            result.lost += lost.indices.filter { !pairedLost.contains($0) }.map { lost[$0] }
            result.added += added.indices.filter { !pairedAdded.contains($0) }.map { added[$0] }
            lost = []
            added = []
        }
        var oldIndex = 0
        for card in new.cards {
            let keeps = oldIDs.contains(card.id) || card.formerIDs.contains(where: oldIDs.contains)
            if !keeps {
                added.append(card)
                continue
            }
            // Old cards up to the one this card keeps are lost or kept.
            while oldIndex < old.cards.count {
                let o = old.cards[oldIndex]
                oldIndex += 1
                if newKeeps.contains(o.id) {
                    if o.id == card.id || card.formerIDs.contains(o.id) { break }
                    continue
                }
                lost.append(o)
            }
            pairUp()
        }
        while oldIndex < old.cards.count {
            let o = old.cards[oldIndex]
            oldIndex += 1
            if !newKeeps.contains(o.id) { lost.append(o) }
        }
        pairUp()
        return result
    }

    /// Cards lost from one file and added to another (a card moved, a deck
    /// split or merged): pairs of alike prompts only, never by place, since
    /// the files' orders say nothing of each other. A card whose id some
    /// file still holds (a derived id is the same in every file) is not
    /// lost, and one that held an id before is not added.
    public static func moves(lost: [Card], added: [Card], oldIDs: Set<CardID>, newKeeps: Set<CardID>) -> [Change] {
        let lost = lost.filter { !newKeeps.contains($0.id) }
        let added = added.filter { !oldIDs.contains($0.id) && !$0.formerIDs.contains(where: oldIDs.contains) }
        return pairs(lost, added, inOrderWhenAsMany: false).map { Change(old: lost[$0.0], new: added[$0.1]) }
    }

    /// Which lost card (index into `lost`) each added card replaced: the
    /// pairs of most alike prompts first (of any kinds: a question made an
    /// open question keeps its words; of one kind first when as alike),
    /// never two prompts less alike than `leastAlike`; what is left, in
    /// file order, only when as many cards were lost as added (a passage
    /// rewritten in place). In file order alone, a card added before a
    /// reworded one was taken for it, and the fix gave the reworded card's
    /// progress to the new one; paired by kind alone, a question made an
    /// open question was taken for any new question sharing two letters.
    /// Past `workAtMost` letter pairs compared (a file rewritten whole, or
    /// prompts of thousands of letters), file order alone, by that rule.
    static func pairs(
        _ lost: [Card], _ added: [Card], workAtMost: Int = 20_000_000, inOrderWhenAsMany: Bool = true
    ) -> [(Int, Int)] {
        guard lost.count > 1 || added.count > 1 || !inOrderWhenAsMany else { return Array(zip(lost.indices, added.indices)) }
        var result: [(Int, Int)] = []
        var pairedLost = Set<Int>(), pairedAdded = Set<Int>()
        let lostGrams = lost.count * added.count <= workAtMost ? lost.map { bigrams($0.prompt) } : []
        let addedGrams = lostGrams.isEmpty ? [] : added.map { bigrams($0.prompt) }
        // Each comparison walks the smaller set: the work is bounded by the
        // sum, over pairs, of the smaller prompt's letter pairs.
        let work = lostGrams.isEmpty ? Int.max
            : lostGrams.reduce(0) { $0 + $1.count } * added.count + addedGrams.reduce(0) { $0 + $1.count } * lost.count
        if work <= 2 * workAtMost {
            var scored: [(score: Double, o: Int, n: Int)] = []
            for o in lost.indices {
                for n in added.indices {
                    let (small, large) = lostGrams[o].count <= addedGrams[n].count
                        ? (lostGrams[o], addedGrams[n]) : (addedGrams[n], lostGrams[o])
                    let shared = small.reduce(0) { large.contains($1) ? $0 + 1 : $0 }
                    let total = small.count + large.count
                    guard total > 0 else { continue }
                    let alike = 2 * Double(shared) / Double(total)
                    guard alike >= leastAlike else { continue }
                    scored.append((alike + (lost[o].kind == added[n].kind ? sameKindPreference : 0), o, n))
                }
            }
            scored.sort { ($0.score, -$0.o, -$0.n) > ($1.score, -$1.o, -$1.n) }
            for candidate in scored where !pairedLost.contains(candidate.o) && !pairedAdded.contains(candidate.n) {
                result.append((candidate.o, candidate.n))
                pairedLost.insert(candidate.o)
                pairedAdded.insert(candidate.n)
            }
        }
        let restLost = lost.indices.filter { !pairedLost.contains($0) }
        let restAdded = added.indices.filter { !pairedAdded.contains($0) }
        if inOrderWhenAsMany, restLost.count == restAdded.count { result += zip(restLost, restAdded).map { ($0, $1) } }
        return result.sorted { $0.1 < $1.1 }
    }

    /// How alike two prompts must be (Dice's coefficient of their letter
    /// pairs) to be taken for one card reworded, among several lost and
    /// added: a word or two changed in a prompt of a few words keeps most
    /// of its pairs; two questions that share "What is the … of" do not.
    static let leastAlike = 0.5

    /// What being of one kind adds to two prompts' likeness: less than any
    /// difference of shared letter pairs, so it only breaks ties.
    static let sameKindPreference = 1e-6

    /// The pairs of neighbouring letters of a prompt, lower-cased, that say
    /// how alike two prompts are (Dice's coefficient).
    static func bigrams(_ prompt: String) -> Set<String> {
        let letters = Array(prompt.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " })
        guard letters.count > 1 else { return Set(letters.map(String.init)) }
        return Set((0..<(letters.count - 1)).map { String(letters[$0]) + String(letters[$0 + 1]) })
    }

    /// The diagnostic for `change`: where the card now stands, both
    /// prompts, what is lost, and a fix that keeps the progress when there
    /// is one (an `id:` line holding the old derived id).
    /// `offersFix`: false for a card moved to another file, whose
    /// namespace may not be the old one's (an `id:` written there would be
    /// scoped by it, and keep nothing).
    public static func diagnostic(_ change: Change, facesWithProgress: Int?, offersFix: Bool = true) -> Diagnostic {
        // A card without an `id:` can be pinned to the old identity: the
        // old id as written (an explicit one keeps its namespace, the same
        // in the deck), or the old derived id, which it takes over.
        let keepable = offersFix && !change.new.hasExplicitID
        let oldWritten = change.old.hasExplicitID ? (CardID.unscoped(change.old.id) ?? change.old.id) : change.old.id
        // The message names both identities in full (a namespace changed,
        // the old id was shown without its own); the fix writes the id as
        // the deck spells it.
        var diagnostic = DeckIssue.identityChange(
            oldID: change.old.id.rawValue, newID: change.new.id.rawValue, oldPrompt: change.old.prompt,
            newPrompt: change.new.prompt, oldLine: change.old.location.line, facesWithProgress: facesWithProgress,
            keepable: keepable
        ).at(change.new.location)
        if keepable {
            diagnostic.fix = FixIt(
                [.insertLine(after: change.new.lastLine, text: "id: " + oldWritten.rawValue)],
                kk: "картаға 'id: \(oldWritten.rawValue)' жолын қосыңыз",
                en: "add 'id: \(oldWritten.rawValue)' to the card")
        }
        return diagnostic
    }
}
