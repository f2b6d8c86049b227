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
    /// student's database moves when the deck is next opened). Cards are paired by order between
    /// the cards whose identity is kept (as a text diff pairs lines between
    /// unchanged ones); a card removed without a replacement is not listed.
    public static func compare(old: Deck, new: Deck) -> [Change] {
        let newKeeps = Set(new.cards.flatMap { [$0.id] + $0.formerIDs })
        let oldIDs = Set(old.cards.map(\.id))
        var changes: [Change] = []
        var lost: [Card] = []
        var added: [Card] = []
        func pairUp() {
            for (o, n) in zip(lost, added) { changes.append(Change(old: o, new: n)) }
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
        return changes
    }

    /// The diagnostic for `change`: where the card now stands, both
    /// prompts, what is lost, and a fix that keeps the progress when there
    /// is one (an `id:` line holding the old derived id).
    public static func diagnostic(_ change: Change, facesWithProgress: Int?) -> Diagnostic {
        // A card without an `id:` can be pinned to the old identity: the
        // old id as written (an explicit one keeps its namespace, the same
        // in the deck), or the old derived id, which it takes over.
        let keepable = !change.new.hasExplicitID
        let oldWritten = change.old.hasExplicitID ? (CardID.unscoped(change.old.id) ?? change.old.id) : change.old.id
        var diagnostic = DeckIssue.identityChange(
            oldID: oldWritten.rawValue, newID: change.new.id.rawValue, oldPrompt: change.old.prompt,
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
